"""The milestones of a dataset, indexed by date and by the fields questions filter on.

Every index is a list of milestones in date order (undated last) with the first day of
each, so a date range is two bisections. One index holds them all, the others hold them
by partner, programme, kind, area, and by the pairs of :data:`_PAIRS`; each is built by the
first question that needs it.
"""

from __future__ import annotations

import bisect
import operator
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ._gc import collector_paused
from .dates import PartialDate
from .model import Milestone

__all__ = ["UNDATED", "MilestoneIndex", "sort_key"]

UNDATED = 10**7  # a day number after every real day's: where undated milestones sort
_UNDATED_ORDER = 10**9  # after the order number of every date up to 9999-12-31


def sort_key(date: PartialDate | None) -> int:
    """The order records of a dataset are listed in by a date: undated ones last, and a
    coarser date before a finer one that shares its first day."""
    return _UNDATED_ORDER if date is None else date._order


class _DateIndex:
    """Records sorted by date, with their first days, so a date range is a bisect."""

    __slots__ = ("days", "records")

    def __init__(self, records: Sequence[Any], days: list[int]) -> None:
        self.records: tuple[Any, ...] = tuple(records)
        self.days = days

    def between(self, first: int | None, last: int | None) -> Sequence[Any]:
        if first is None and last is None:
            return self.records
        lo = 0 if first is None else bisect.bisect_left(self.days, first)
        hi = bisect.bisect_right(self.days, UNDATED - 1 if last is None else last)
        return self.records[lo:hi]


_NO_MILESTONES = _DateIndex((), [])


#: The pairs of filters that have an index of their own, in the order a question uses
#: them: questions such as "this partner's milestones in this programme" are common, and
#: each filter alone keeps many.
_PAIRS = (("partner", "programme"), ("partner", "kind"), ("programme", "kind"))

def _column(milestones: Sequence[Milestone], field: str) -> list[str | None]:
    """One field of every milestone, as the index keys hold it (a kind as its word)."""
    if field == "kind":
        return [m.kind.value for m in milestones]
    get = operator.attrgetter(field)
    return [get(m) for m in milestones]


def _positions(column: Sequence[Any], at: Sequence[int] | None = None) -> dict[Any, list[int]]:
    """Where each value of a column is (or the matching entries of ``at``), ``None`` left
    out: a question's index in one pass, in the order of the column."""
    found: defaultdict[Any, list[int]] = defaultdict(list)
    for position, value in zip(at if at is not None else range(len(column)), column,
                               strict=True):
        if value is not None:
            found[value].append(position)
    return found


class MilestoneIndex:
    """A dataset's milestones, by date and by field.

    :param milestones: the milestones, in any order.
    """

    __slots__ = ("_all", "_families", "_given")

    def __init__(self, milestones: Sequence[Milestone]) -> None:
        # Put in date order by the first question that needs it, and each index of a field
        # by the first filtered question, not here: loading stays fast for a program that
        # asks of partners and memberships only, or reads a partner's timeline.
        self._given = milestones
        self._all: _DateIndex | None = None
        self._families: dict[str, dict[Any, _DateIndex]] = {}

    def __len__(self) -> int:
        return len(self._given)

    @property
    def records(self) -> tuple[Milestone, ...]:
        """Every milestone, in date order, undated ones last."""
        return self._by_date().records

    def _by_date(self) -> _DateIndex:
        """Every milestone in date order, made once (two threads that both make it make
        the same)."""
        index = self._all
        if index is None:
            with collector_paused():
                # By id, then (a stable sort) by date: two sorts on plain keys beat one on
                # tuples; sort_key written out, one call a milestone, not two.
                ordered = sorted(self._given, key=operator.attrgetter("id"))
                ordered.sort(key=lambda m: _UNDATED_ORDER if m.date is None else m.date._order)
                index = self._all = _DateIndex(
                    ordered, [UNDATED if m.date is None else m.date._first for m in ordered])
        return index

    def find(self, wanted: dict[str, Any], first: int | None, last: int | None
             ) -> Sequence[Milestone]:
        """The milestones whose fields hold the values ``wanted`` (``partner``,
        ``programme``, ``kind`` and ``area`` as the data files write them) and whose first
        day is from ``first`` to ``last`` (either ``None`` for no bound)."""
        if not wanted:
            return self._by_date().between(first, last)
        # Answer from a pair's index if two filters make one, else from the smallest
        # index, then test the filters it does not cover on what it holds.
        if len(wanted) == 1:
            ((field, value),) = wanted.items()
            index = self._family(field).get(value, _NO_MILESTONES)
            return index.between(first, last)
        pair = next(((a, b) for a, b in _PAIRS if a in wanted and b in wanted), None)
        if pair is not None:
            index = self._family(f"{pair[0]}+{pair[1]}").get(
                (wanted[pair[0]], wanted[pair[1]]), _NO_MILESTONES)
            covered: tuple[str, ...] = pair
        else:
            index, field = min(((self._family(f).get(v, _NO_MILESTONES), f)
                                for f, v in wanted.items()), key=lambda c: len(c[0].records))
            covered = (field,)
        found: Sequence[Milestone] = index.between(first, last)
        for field in wanted.keys() - set(covered):
            if field == "area":
                found = [m for m in found if any(a.value == wanted["area"] for a in m.areas)]
            elif field == "kind":
                found = [m for m in found if m.kind.value == wanted["kind"]]
            else:
                get = operator.attrgetter(field)
                found = [m for m in found if get(m) == wanted[field]]
        return found

    def _family(self, name: str) -> dict[Any, _DateIndex]:
        """The milestones by one field or by a pair of :data:`_PAIRS` (a name such as
        ``"partner"`` or ``"partner+kind"``): each value's (a pair's as a tuple) in date
        order.

        Built on the first question that needs it, so that a program that only reads one
        timeline does not pay for the others; two threads that both build one build the
        same thing.
        """
        family = self._families.get(name)
        if family is None:
            with collector_paused():
                family = self._families[name] = self._build_family(name)
        return family

    def _build_family(self, name: str) -> dict[Any, _DateIndex]:
        whole = self._by_date()
        records, days = whole.records, whole.days
        at: list[int] | None = None
        if name == "area":  # a milestone may be in several areas, or none
            values: list[Any] = [a.value for m in records for a in m.areas]
            at = [i for i, m in enumerate(records) for _ in m.areas]
        else:
            columns = [_column(records, field) for field in name.split("+")]
            values = columns[0] if len(columns) == 1 else [
                None if None in pair else pair for pair in zip(*columns, strict=True)]
        return {value: _DateIndex([records[i] for i in positions],
                                  [days[i] for i in positions])
                for value, positions in _positions(values, at).items()}

