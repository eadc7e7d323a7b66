"""Country-year panels: each partner's status in each programme, period by period.

A panel has one row per partner, programme and period (a year by default, or a month or
a day), with the status coded the way the Correlates of War IGO data codes a state's
membership of an organisation:

====  =================  ===========================================================
code  label              meaning
====  =================  ===========================================================
1     full member        a membership without a ``role``, in force in the period
2     associate          a membership whose ``role`` says associate
3     observer           a membership whose ``role`` says observer
0     not a member       no membership in force, and the dataset holds the
                         programme's complete membership
-1    not in existence   the programme did not exist in the period
<NA>  not known          the data cannot tell (COW's -9, "missing data")
====  =================  ===========================================================

A cell that the data cannot settle is missing (``<NA>`` in the nullable ``status``
column), never 0: fill it with ``-9`` to match the COW files, never with ``0``. Each
cell agrees with :func:`~nato_partners.participates` asked about the same period.

**The rule for a period in which a membership began or ended.** By default a partner
counts in a period if its membership was in force on any day of it (``reference=None``).
With ``reference="12-31"`` (any month and day) a yearly panel asks about that one day of
each year instead, as some panels code membership at the end of the year. Where the
membership's dates are too coarse to tell (it began "in 1994" and the reference day is in
1994), the cell is not known. The ``joined_precision`` and ``ends_precision`` columns give
the precision of the dates behind each cell held by a membership.

Panels need the pandas extra (``pip install 'nato-partners[pandas]'``); ``backend=``
gives an Arrow table or a polars DataFrame where those are installed.
"""

from __future__ import annotations

import calendar
import datetime
import numbers
import operator
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from ._extras import require
from .answers import Status
from .dates import _overlap
from .model import Partner, Programme, StateSystem
from .rules import horizon_day, programme_span, role_status, state_span

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["MAX_CELLS", "STATUS_LABELS", "panel"]

#: The label of each status code, as the ``status_label`` column gives it.
STATUS_LABELS: dict[int | None, str] = {
    1: "full member",
    2: "associate",
    3: "observer",
    0: "not a member",
    -1: "not in existence",
    None: "not known",
}

_NOT_KNOWN = -9  # the COW code for missing data, used only while the panel is built


def panel(
    partners: Iterable[str | Partner] | None = None,
    programmes: Iterable[str | Programme] | None = None,
    start: int | None = None,
    end: int | None = None,
    *,
    freq: Literal["year", "month", "day"] = "year",
    reference: str | None = None,
    wide: bool = False,
    backend: Literal["pandas", "arrow", "polars"] = "pandas",
    dataset: Dataset | None = None,
) -> Any:
    """Build a partner-programme-period panel of membership status.

    :param partners: the partners to include (any keys :meth:`Dataset.partner` takes);
        ``None`` for every country in the dataset.
    :param programmes: the programmes to include; ``None`` for all.
    :param start: the first year; by default the earliest year any chosen programme was
        established or any of its memberships began.
    :param end: the last year; by default the current year.
    :param freq: ``"year"`` (the default), ``"month"`` or ``"day"``: the length of a period.
    :param reference: for a yearly panel, a day of the year as ``"MM-DD"`` on which to ask
        about each year, instead of any day of it.
    :param wide: one row per partner and period with a column of status codes per
        programme, for merging; the long form otherwise.
    :param backend: ``"pandas"``, ``"arrow"`` (a :class:`pyarrow.Table`) or ``"polars"``.
    :param dataset: the dataset to read; the bundled one if ``None``.
    :returns: the panel, long or wide, in the chosen backend.
    :raises ImportError: if pandas (or the chosen backend) is not installed.
    :raises NotFoundError: if a partner or a programme is unknown.
    :raises TypeError: if a parameter is of the wrong type (a year as text, a bool for a
        year, a number for ``reference``); the error names it.
    :raises ValueError: if the period, ``freq``, ``reference`` or ``backend`` is not
        valid, or the panel would have more than :data:`~nato_partners.panels.MAX_CELLS`
        cells; the error names
        the parameters.
    """
    start = _year(start, "start")
    end = _year(end, "end")
    if freq not in ("year", "month", "day"):
        raise ValueError(f"unknown freq {freq!r}; expected year, month or day")
    _check_reference(reference, freq)
    if not isinstance(wide, bool):
        raise TypeError(f"wide must be True or False, not {type(wide).__name__} {wide!r}")
    if backend not in ("pandas", "arrow", "polars"):
        raise ValueError(f"unknown backend {backend!r}; expected pandas, arrow or polars")
    pandas = require("pandas", "pandas", "panel")
    import numpy

    if dataset is None:
        from .loading import load

        dataset = load()
    else:
        from .dataset import Dataset

        if not isinstance(dataset, Dataset):
            raise TypeError(f"dataset must be a Dataset, not {type(dataset).__name__}")
    chosen_partners = _chosen(partners, dataset.partners(), dataset.partner)
    chosen_programmes = _chosen(programmes, dataset.programmes(), dataset.programme)
    horizon = horizon_day(dataset.info.reviewed)
    if start is None:
        start = _first_year(chosen_programmes, dataset)
    if end is None:
        end = dataset.horizon.year
    if start > end:
        raise ValueError(f"the panel starts after it ends ({start} > {end})")
    _check_size(len(chosen_partners), len(chosen_programmes), start, end, freq)
    firsts, lasts, labels = _periods(start, end, freq, reference)
    n_partners, n_periods = len(chosen_partners), len(firsts)
    # The rules of nato_partners.rules, for every period at once: what the known days
    # (those up to the horizon) prove, and nothing of the days after it.
    known = numpy.minimum(lasts, horizon)
    beyond = lasts > horizon
    after = firsts > horizon
    state_yes = numpy.ones((n_partners, n_periods), dtype=bool)
    state_no = numpy.zeros((n_partners, n_periods), dtype=bool)
    for row, partner in enumerate(chosen_partners):
        if partner.states:
            state_yes[row] = False
            state_no[row] = True
            for spell in partner.states:
                yes, no = _overlap(firsts, known, *state_span(spell), numpy.maximum)
                state_yes[row] |= yes
                state_no[row] &= no
    gone = numpy.array([bool(p.states) and all(s.end is not None for s in p.states)
                        for p in chosen_partners])
    state_no &= ~after
    no_state = state_no & (~beyond | gone[:, None])  # rows the panel leaves out

    status_blocks: list[Any] = []
    suspended_blocks: list[Any] = []
    membership_blocks: list[Any] = []
    index = {p.code: i for i, p in enumerate(chosen_partners)}
    for programme in chosen_programmes:
        start_days, end_days = programme_span(programme)
        existed_yes, existed_no = _overlap(firsts, known, start_days, end_days, numpy.maximum)
        # What a partner with no membership in force gets, period by period.
        none_held = numpy.where(
            existed_no, numpy.where(beyond, _NOT_KNOWN, -1),
            numpy.where(existed_yes & ~beyond & programme.members_complete, 0, _NOT_KNOWN))
        status = numpy.tile(none_held, (n_partners, 1)).astype(numpy.int8)
        status[~state_yes & (status == 0)] = _NOT_KNOWN  # a state that may not have existed
        status[:, after] = _NOT_KNOWN
        suspended = numpy.zeros((n_partners, n_periods), dtype=numpy.int8)  # -9 not known
        suspended[status == _NOT_KNOWN] = _NOT_KNOWN
        behind = numpy.full((n_partners, n_periods), -1, dtype=numpy.int32)
        held = dataset.memberships(programme=programme)
        for number, membership in enumerate(held):
            at = index.get(membership.partner)
            if at is None:
                continue
            row = at
            yes, no = _overlap(firsts, known, *membership._span(), numpy.maximum)
            open_ = ~after & ~existed_no & ~state_no[row]
            yes &= open_
            # As in nato_partners.rules: a later membership in force in the period gives
            # the cell its role, and a suspension of any of them makes it suspended.
            earlier = status[row] >= 1
            maybe = ~yes & ~no & open_ & ~earlier
            status[row][maybe] = _NOT_KNOWN
            suspended[row][maybe] = _NOT_KNOWN
            status[row][yes] = _CODES[role_status(membership)]
            span = membership._suspension()
            if span is None:  # but one may begin on a day after the horizon
                was = numpy.where(beyond, _NOT_KNOWN, 0)
            else:
                s_yes, s_no = _overlap(firsts, known, *span, numpy.maximum)
                was = numpy.where(s_yes, 1, numpy.where(s_no & ~beyond, 0, _NOT_KNOWN))
            before = suspended[row]
            was = numpy.where(earlier & ((before == 1) | (was == 1)), 1,
                              numpy.where(earlier & (before == _NOT_KNOWN), _NOT_KNOWN, was))
            suspended[row][yes] = was[yes]
            behind[row][yes] = number
            behind[row][maybe & (behind[row] < 0)] = number
        status_blocks.append(status.ravel())
        suspended_blocks.append(suspended.ravel())
        membership_blocks.append((behind.ravel(), held))

    frame = _long_frame(pandas, numpy, chosen_partners, chosen_programmes, labels, firsts,
                        lasts, status_blocks, suspended_blocks, membership_blocks, freq)
    keep = ~numpy.tile(no_state.ravel(), len(chosen_programmes))
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    if wide:
        frame = _widen(pandas, frame)
    if backend == "pandas":
        return frame
    if backend == "arrow":
        pa = require("pyarrow", "arrow", "panel")
        return pa.Table.from_pandas(frame, preserve_index=False)
    if backend == "polars":
        polars = require("polars", "polars", "panel")
        return polars.from_pandas(frame)
    raise ValueError(f"unknown backend {backend!r}; expected pandas, arrow or polars")


_CODES = {Status.MEMBER: 1, Status.ASSOCIATE: 2, Status.OBSERVER: 3}

#: The most cells (partners x programmes x periods) a panel may have. A cell takes about
#: 150 bytes while the panel is built, so this is about 1.5 GB; a panel of every day of
#: every year (48 million cells) ran out of memory after a minute instead of being refused.
MAX_CELLS = 10_000_000


def _year(value: object, name: str) -> int | None:
    """A year parameter, checked: ``None`` or a whole number (not a bool) from 1 to 9999."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | numbers.Integral):
        raise TypeError(f"{name} must be a year as a whole number, such as 1994, not "
                        f"{type(value).__name__} {value!r}")
    year = operator.index(value)
    if not 1 <= year <= 9999:
        raise ValueError(f"{name} {year} is out of range 1-9999")
    return year


def _check_reference(reference: object, freq: str) -> None:
    """``reference``: ``None``, or a day of the year as ``MM-DD`` in ASCII digits."""
    if reference is None:
        return
    if not isinstance(reference, str):
        raise TypeError(f"reference must be a day of the year as 'MM-DD' text, such as "
                        f"'12-31', not {type(reference).__name__} {reference!r}")
    if freq != "year":
        raise ValueError("reference= is for yearly panels; a month or a day panel asks "
                         "about every day of each period")
    if re.fullmatch(r"[0-9]{2}-[0-9]{2}", reference) is None:
        raise ValueError(f"reference {reference!r} is not a day of the year given as MM-DD "
                         "(ASCII digits, such as '12-31')")
    _reference_day(2000, reference)  # a leap year: 02-29 is a day of some years


def _check_size(partners: int, programmes: int, start: int, end: int, freq: str) -> None:
    """Refuse a panel too large to build, before anything of it is made."""
    if freq == "year":
        periods = end - start + 1
    elif freq == "month":
        periods = 12 * (end - start + 1)
    else:
        periods = (datetime.date(end, 12, 31).toordinal()
                   - datetime.date(start, 1, 1).toordinal() + 1)
    cells = partners * programmes * periods
    if cells > MAX_CELLS:
        raise ValueError(
            f"a panel of {partners:,} partners x {programmes:,} programmes x {periods:,} "
            f"{freq}s from {start} to {end} has {cells:,} cells, more than the "
            f"{MAX_CELLS:,} a panel may have; choose fewer partners, programmes or years "
            "(partners=, programmes=, start=, end=) or a longer freq")


def _chosen(keys: Iterable[Any] | None, every: Sequence[Any], find: Any) -> list[Any]:
    if keys is None:
        return list(every)
    if isinstance(keys, str):
        keys = [keys]
    return list(dict.fromkeys(find(key) for key in keys))


def _first_year(programmes: Sequence[Programme], dataset: Dataset) -> int:
    years = [p.established.year for p in programmes if p.established is not None]
    for programme in programmes:
        years += [m.joined.year for m in dataset.memberships(programme=programme) if m.joined]
    if not years:
        raise ValueError("no chosen programme has a date to start the panel from; "
                         "give start=")
    return min(years)


def _periods(start: int, end: int, freq: str, reference: str | None) -> tuple[Any, Any, list[Any]]:
    """The first and last day ordinals of each period, and each period's label."""
    import numpy

    firsts: list[int] = []
    lasts: list[int] = []
    labels: list[Any] = []
    if freq == "year":
        for year in range(start, end + 1):
            if reference is None:
                first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            else:
                first = last = _reference_day(year, reference)
            firsts.append(first.toordinal())
            lasts.append(last.toordinal())
            labels.append(year)
    elif reference is not None:
        raise ValueError("reference= is for yearly panels; a month or a day panel asks "
                         "about every day of each period")
    elif freq == "month":
        for year in range(start, end + 1):
            for month in range(1, 13):
                first = datetime.date(year, month, 1)
                # The month's own last day: the first of the next would be in year 10000.
                last = first.replace(day=calendar.monthrange(year, month)[1])
                firsts.append(first.toordinal())
                lasts.append(last.toordinal())
                labels.append(f"{year}-{month:02d}")
    elif freq == "day":
        day = datetime.date(start, 1, 1).toordinal()
        last_day = datetime.date(end, 12, 31).toordinal()
        firsts = list(range(day, last_day + 1))
        lasts = firsts
        labels = [datetime.date.fromordinal(d) for d in firsts]
    else:
        raise ValueError(f"unknown freq {freq!r}; expected year, month or day")
    return numpy.array(firsts), numpy.array(lasts), labels


def _reference_day(year: int, reference: str) -> datetime.date:
    try:
        month, day = (int(part) for part in reference.split("-"))
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"reference {reference!r} is not a day of {year} given as MM-DD"
                         ) from None


def _long_frame(pandas: Any, numpy: Any, partners: Sequence[Partner],
                programmes: Sequence[Programme], labels: list[Any], firsts: Any, lasts: Any,
                status_blocks: list[Any], suspended_blocks: list[Any],
                membership_blocks: list[Any], freq: str) -> Any:
    """The long panel, built column by column from small lookups taken by index."""
    n_partners, n_periods, n_programmes = len(partners), len(labels), len(programmes)
    status = (numpy.concatenate(status_blocks) if status_blocks
              else numpy.array([], dtype=numpy.int8))
    suspended = (numpy.concatenate(suspended_blocks) if suspended_blocks
                 else numpy.array([], dtype=numpy.int8))
    missing = status == _NOT_KNOWN
    partner_index = numpy.tile(numpy.repeat(numpy.arange(n_partners), n_periods), n_programmes)
    programme_index = numpy.repeat(numpy.arange(n_programmes), n_partners * n_periods)
    period_index = numpy.tile(numpy.arange(n_periods), n_partners * n_programmes)

    def per_partner(values: list[Any], dtype: str) -> Any:
        return pandas.array(values, dtype=dtype).take(partner_index)

    label_codes = numpy.full(len(status), 5, dtype=numpy.int8)
    for number, code in enumerate((1, 2, 3, 0, -1)):
        label_codes[status == code] = number
    columns: dict[str, Any] = {
        "partner": pandas.Categorical.from_codes(partner_index,
                                                 categories=[p.code for p in partners]),
        "partner_name": pandas.Categorical.from_codes(partner_index,
                                                      categories=[p.name for p in partners]),
        "iso_numeric": per_partner([p.iso_numeric for p in partners], "string"),
        "cow_code": _codes(pandas, numpy, partners, StateSystem.COW, firsts, lasts)
        .take(partner_index * n_periods + period_index),
        "gw_code": _codes(pandas, numpy, partners, StateSystem.GW, firsts, lasts)
        .take(partner_index * n_periods + period_index),
        "programme": pandas.Categorical.from_codes(programme_index,
                                                   categories=[p.id for p in programmes]),
        "period": _period_column(pandas, labels, freq).take(period_index),
        "status": pandas.arrays.IntegerArray(numpy.where(missing, 0, status).astype("int8"),
                                             missing),
        "status_label": pandas.Categorical.from_codes(
            label_codes, categories=[STATUS_LABELS[c] for c in (1, 2, 3, 0, -1, None)]),
        "suspended": pandas.arrays.BooleanArray(suspended == 1,
                                                suspended == _NOT_KNOWN),
    }
    # Each cell held by a membership names it, with the precision of its dates.
    precisions = ["year", "month", "day"]
    ids, joined, ends = [], [], []
    for behind, held in membership_blocks:
        ids.append(pandas.array([m.id for m in held] or [None], dtype="string")
                   .take(behind, allow_fill=True))
        joined_codes = numpy.array([-1 if m.joined is None else
                                    precisions.index(m.joined.precision.value) for m in held]
                                   + [-1])
        ends_codes = numpy.array([-1 if m.ends is None else
                                  precisions.index(m.ends.precision.value) for m in held]
                                 + [-1])
        joined.append(joined_codes[behind])  # behind is -1 where no membership: the last
        ends.append(ends_codes[behind])
    columns["membership"] = (pandas.concat([pandas.Series(i) for i in ids], ignore_index=True)
                             .array if ids else pandas.array([], dtype="string"))
    columns["joined_precision"] = pandas.Categorical.from_codes(
        numpy.concatenate(joined) if joined else [], categories=precisions, ordered=True)
    columns["ends_precision"] = pandas.Categorical.from_codes(
        numpy.concatenate(ends) if ends else [], categories=precisions, ordered=True)
    return pandas.DataFrame(columns)


def _codes(pandas: Any, numpy: Any, partners: Sequence[Partner], system: StateSystem,
           firsts: Any, lasts: Any) -> Any:
    """Each partner's code in a state list in each period (partner by partner): the code
    of the latest period of the list that meets it, as :meth:`Partner.state_code` gives."""
    codes = numpy.zeros((len(partners), len(firsts)), dtype=numpy.int64)
    missing = numpy.ones((len(partners), len(firsts)), dtype=bool)
    for row, partner in enumerate(partners):
        spells = sorted((s for s in partner.states if s.system is system),
                        key=lambda s: s.start._first)
        if not spells:
            code = partner.cow_code if system is StateSystem.COW else partner.gw_code
            codes[row] = code or 0
            missing[row] = code is None
        for spell in spells:  # a later period's code wins where two meet one period
            meets = (spell.start._first <= lasts) & (
                True if spell.end is None else spell.end._last >= firsts)
            codes[row][meets] = spell.code
            missing[row][meets] = False
    return pandas.arrays.IntegerArray(codes.ravel(), missing.ravel())


def _period_column(pandas: Any, labels: list[Any], freq: str) -> Any:
    """One entry per period: the year, the month as ``YYYY-MM`` text, or the day."""
    if freq == "year":
        return pandas.array(labels, dtype="Int64")
    if freq == "month":
        return pandas.array(labels, dtype="string")
    return pandas.array(pandas.to_datetime(labels).astype("datetime64[s]"))


def _widen(pandas: Any, frame: Any) -> Any:
    keys = ["partner", "partner_name", "iso_numeric", "cow_code", "gw_code", "period"]
    wide = frame.pivot(index=keys, columns="programme", values="status")
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index()
