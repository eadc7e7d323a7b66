"""What changed between two versions of a dataset: records added, removed and changed.

Records are matched by their ``id`` within their kind (a partner by its code, a
membership by ``partner/programme/joined``), and a record found in both is compared field
by field, on the plain data :func:`~nato_partners.unstructure` gives, so a change of a
cited source shows as a change of ``sources``.

>>> import nato_partners as nato
>>> len(diff(nato.load(), nato.load()))
0
"""

from __future__ import annotations

import os
from importlib.resources.abc import Traversable
from typing import Any, Literal

import attrs

from ._html import HtmlRepr
from ._registry import STORED
from .convert import unstructure
from .dataset import Dataset
from .loading import load_dataset
from .results import Results

__all__ = ["Change", "diff"]


@attrs.frozen(kw_only=True)
class Change(HtmlRepr):
    """One difference between two versions of a dataset.

    :param change: ``"added"``, ``"removed"`` or ``"changed"``.
    :param kind: the kind of record, such as ``"milestone"``.
    :param id: the record's id.
    :param field: the field that changed, for a changed record; a field of a record
        inside it by dotted name, such as ``mission.head``.
    :param old: the field's old value (plain data), or the whole removed record.
    :param new: the field's new value (plain data), or the whole added record.
    """

    change: Literal["added", "removed", "changed"]
    kind: str
    id: str
    field: str | None = None
    old: Any = None
    new: Any = None


def diff(
    old: Dataset | str | os.PathLike[str] | Traversable,
    new: Dataset | str | os.PathLike[str] | Traversable,
) -> Results[Change]:
    """Compare two datasets, or two dataset directories, record by record.

    :param old: the earlier dataset, or its directory.
    :param new: the later dataset, or its directory.
    :returns: one :class:`Change` per record added or removed and per field changed, by
        kind of record, then id, then field.
    :raises DataError: if a directory does not hold a valid dataset.
    """
    before, after = _records(_dataset(old)), _records(_dataset(new))
    changes: list[Change] = []
    for kind in (kind.name for kind in STORED):
        was, now = before[kind], after[kind]
        for key in sorted(was.keys() | now.keys()):
            if key not in now:
                changes.append(Change(change="removed", kind=kind, id=key,
                                      old=unstructure(was[key])))
            elif key not in was:
                changes.append(Change(change="added", kind=kind, id=key,
                                      new=unstructure(now[key])))
            elif was[key] != now[key]:
                changes += [Change(change="changed", kind=kind, id=key, field=field,
                                   old=before_value, new=after_value)
                            for field, before_value, after_value in _fields(
                                unstructure(was[key]), unstructure(now[key]))]
    return Results(changes, Change)


def _fields(old: dict[str, Any], new: dict[str, Any], prefix: str = ""
            ) -> list[tuple[str, Any, Any]]:
    """The fields that differ, by name; inside a record both versions hold (a partner's
    ``mission``), by dotted name, such as ``mission.head``."""
    found = []
    for field in sorted(old.keys() | new.keys()):
        before, after = old.get(field), new.get(field)
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            found += _fields(before, after, f"{prefix}{field}.")
        else:
            found.append((prefix + field, before, after))
    return found


def _dataset(value: Any) -> Dataset:
    return value if isinstance(value, Dataset) else load_dataset(value)


def _records(dataset: Dataset) -> dict[str, dict[str, Any]]:
    return {kind.name: {record.id: record for record in dataset.records(kind.cls)}
            for kind in STORED}
