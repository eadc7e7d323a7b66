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
NaN   not known          the data cannot tell (COW's -9, "missing data")
====  =================  ===========================================================

A cell that the data cannot settle is missing (``NaN``, or ``<NA>`` with
``dtypes="nullable"``), never 0: fill it with ``-9`` to match the COW files, never with
``0``. Each cell agrees with :func:`~nato_partners.participates` asked about the same
period. :func:`spells` gives the same facts as one row per stretch of membership, and
:func:`panel_diff` the cells two versions of the data code differently.

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
import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ._extras import require
from .answers import Status
from .dates import PartialDate, Precision, _overlap
from .export import first_day
from .model import Membership, Partner, Programme, StateSpell, StateSystem
from .rules import horizon_day, programme_span, role_status, state_span, without_record
from .state_lists import ListedState, state_list

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["MAX_CELLS", "STATUS_LABELS", "panel", "panel_diff", "spells"]

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
_CONFIDENCES = ("low", "medium", "high")  # ordered, as the exports order them


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
    dtypes: Literal["numpy", "nullable"] = "numpy",
    states: Literal["cow", "gw"] | None = None,
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
        programme, named by the programme's id as an identifier (``nato_pa``, ``pfp``),
        and beside each its ``_suspended``, ``_membership`` and ``_confidence``; the long
        form otherwise.
    :param backend: ``"pandas"``, ``"arrow"`` (a :class:`pyarrow.Table`) or ``"polars"``.
    :param dtypes: for pandas, ``"numpy"`` (the default) gives columns that statsmodels
        formulas, ``to_stata`` and R read as they come: codes and ``status`` as
        ``float64`` with ``NaN`` where not known, ``suspended`` as 1.0, 0.0 or ``NaN``,
        the year as ``int64``, text as ``object``; ``"nullable"`` gives pandas' nullable
        types (``Int8``, ``boolean``, ``string``), whose ``<NA>`` refuses a truth value.
        Arrow and polars always hold real nulls.
    :param states: ``"cow"`` or ``"gw"`` for a row for every state of the Correlates of
        War or Gleditsch-Ward list in each period it was listed (see
        :mod:`~nato_partners.state_lists`): a state the dataset does not hold as a partner
        has no ``partner`` code, its list's name and code, 0 where the programme's whole
        membership is known and missing where it is not. A partner's rows are then the
        periods the list holds it in (its own, or the list's under its code); while a
        partner cannot be matched to the list (no periods, no code), no state the data
        does not hold can be 0, since it might be that partner. ``None`` (the default)
        gives the dataset's partners in every period they existed.
    :param dataset: the dataset to read; the bundled one if ``None``.
    :returns: the panel, long or wide, in the chosen backend.
    :raises ImportError: if pandas (or the chosen backend) is not installed.
    :raises NotFoundError: if a partner or a programme is unknown.
    :raises TypeError: if a parameter is of the wrong type (a year as text, a bool for a
        year, a number for ``reference``); the error names it.
    :raises ValueError: if the period, ``freq``, ``reference``, ``backend``, ``dtypes`` or
        ``states`` is not valid, ``states`` is given with ``partners``, or the panel would
        have more than :data:`~nato_partners.panels.MAX_CELLS` cells; the error names the
        parameters.
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
    if dtypes not in ("numpy", "nullable"):
        raise ValueError(f"unknown dtypes {dtypes!r}; expected numpy or nullable")
    if states not in (None, "cow", "gw"):
        raise ValueError(f"unknown states {states!r}; expected cow, gw or None")
    if states is not None and partners is not None:
        raise ValueError("states= gives every state of a list; leave partners= out")
    chosen_partners = _units(_chosen(partners, dataset.partners(), dataset.partner), states)
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
        if partner.exists is not None:
            state_yes[row] = False
            state_no[row] = True
            for spell in partner.exists:
                yes, no = _overlap(firsts, known, *state_span(spell), numpy.maximum)
                state_yes[row] |= yes
                state_no[row] &= no
    gone = numpy.array([p.exists is not None and all(s.end is not None for s in p.exists)
                        for p in chosen_partners])
    state_no &= ~after
    no_state = state_no & (~beyond | gone[:, None])  # rows the panel leaves out

    status_blocks: list[Any] = []
    suspended_blocks: list[Any] = []
    membership_blocks: list[Any] = []
    index = {p.code: i for i, p in enumerate(chosen_partners) if p.code is not None}
    # A state the data does not hold is a "no" only if every partner is matched to the
    # list: one that is not might be that very state.
    unheld = numpy.array([p.code is None for p in chosen_partners])
    if not any(p.code is not None and p.exists == () for p in chosen_partners):
        unheld[:] = False
    for programme in chosen_programmes:
        start_days, end_days = programme_span(programme)
        existed_yes, existed_no = _overlap(firsts, known, start_days, end_days, numpy.maximum)
        # What a partner with no membership in force gets, period by period.
        none_held = numpy.where(
            existed_no, numpy.where(beyond, _NOT_KNOWN, -1),
            numpy.where(existed_yes & ~beyond & (without_record(programme) is False), 0,
                        _NOT_KNOWN))
        status = numpy.tile(none_held, (n_partners, 1)).astype(numpy.int8)
        status[~state_yes & (status == 0)] = _NOT_KNOWN  # a state that may not have existed
        status[unheld[:, None] & (status == 0)] = _NOT_KNOWN
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

    # Arrow and polars hold real nulls, so they are built from the nullable types.
    nullable = dtypes == "nullable" or backend != "pandas"
    frame = _long_frame(pandas, numpy, chosen_partners, chosen_programmes, labels, firsts,
                        lasts, status_blocks, suspended_blocks, membership_blocks, freq,
                        nullable)
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


def panel_diff(old: Dataset | str | os.PathLike[str], new: Dataset | str | os.PathLike[str],
               **options: Any) -> Any:
    """List the panel cells two versions of a dataset code differently.

    Both panels are built with the same ``options`` (any of :func:`panel`'s but
    ``dataset``, ``wide`` and ``backend``), from the earlier of the two default first
    years to the later of the two horizons' years unless ``start`` and ``end`` say
    otherwise. A cell missing (not known) in both versions has not changed.

    :param old: the earlier dataset, or its directory.
    :param new: the later dataset, or its directory.
    :param options: passed to :func:`panel`.
    :returns: a pandas DataFrame with one row per cell that differs: the keys
        (``partner``, ``programme``, ``period``, and ``cow_code`` or ``gw_code`` for an
        all-states panel), ``change`` (``"added"`` for a row only the new panel has,
        ``"removed"``, ``"changed"``), and ``status``, ``suspended`` and ``membership``
        of each version (``_old``, ``_new``).
    :raises ValueError: if ``options`` holds ``dataset``, ``wide`` or ``backend``.
    :raises DataError: if a directory does not hold a valid dataset.
    """
    from .dataset import Dataset
    from .loading import load_dataset

    if {"dataset", "wide", "backend"} & options.keys():
        raise ValueError("panel_diff() compares long pandas panels of the two datasets; "
                         "leave out dataset=, wide= and backend=")
    pandas = require("pandas", "pandas", "panel_diff")
    before, after = (value if isinstance(value, Dataset) else load_dataset(value)
                     for value in (old, new))
    if options.get("start") is None:
        options["start"] = min(_first_year(list(d.programmes()), d) for d in (before, after))
    if options.get("end") is None:
        options["end"] = max(before.horizon.year, after.horizon.year)
    states = options.get("states")
    keys = ["partner", "programme", "period"] + ([f"{states}_code"] if states else [])
    frames = [panel(dataset=d, dtypes="nullable", **options)[
        [*keys, "status", "suspended", "membership"]] for d in (before, after)]
    for frame in frames:
        frame["partner"] = frame["partner"].astype("string")
        frame["programme"] = frame["programme"].astype("string")
    both = frames[0].merge(frames[1], how="outer", on=keys, suffixes=("_old", "_new"),
                           indicator=True)

    def differs(name: str) -> Any:
        a, b = both[f"{name}_old"], both[f"{name}_new"]
        return (a.isna() != b.isna()) | (a.notna() & b.notna() & (a != b)).fillna(False)

    change = pandas.Series("changed", index=both.index, dtype=object)
    change[both["_merge"] == "right_only"] = "added"
    change[both["_merge"] == "left_only"] = "removed"
    keep = (both["_merge"] != "both") | differs("status") | differs("suspended")
    both.insert(len(keys), "change", change)
    return both[keep.to_numpy(dtype=bool)].drop(columns="_merge").reset_index(drop=True)


def spells(
    partners: Iterable[str | Partner] | None = None,
    programmes: Iterable[str | Programme] | None = None,
    *,
    dataset: Dataset | None = None,
) -> Any:
    """List each continuous stretch of a partner's standing in a programme, one per row.

    A membership gives one spell, or three where it was suspended and resumed: Russia's
    Partnership for Peace membership is a spell as a member, then one as suspended. Malta
    left the PfP and came back, so it has two memberships, each its own spell. Each row
    names the membership behind it, so the panel's ``membership`` column joins it.

    :param partners: the partners to include; ``None`` for every partner.
    :param programmes: the programmes to include; ``None`` for all.
    :param dataset: the dataset to read; the bundled one if ``None``.
    :returns: a pandas DataFrame with the columns ``partner``, ``partner_name``,
        ``programme``, ``membership``, ``status`` (member, associate, observer or
        suspended), ``start`` and ``start_precision``, ``end`` and ``end_precision``,
        ``end_kind``, ``known_until`` and its precision, and ``confidence``, in the order
        the spells began. A date is the
        first day of its period, as in :func:`~nato_partners.to_dataframe`; a start no
        source dates is missing. ``end_kind`` says what the end is: ``"left"``,
        ``"ended by"`` (the membership had ended by that date, on a day no source gives),
        ``"suspended"``, ``"resumed"``, or ``"open"`` (no end is recorded: in force at
        the data's horizon, as far as it knows). For an end no source dates,
        ``known_until`` is the last day the sources show the membership in force: between
        it and ``end`` the spell is not known to go on.
    :raises ImportError: if pandas is not installed.
    :raises NotFoundError: if a partner or a programme is unknown.
    """
    pandas = require("pandas", "pandas", "spells")
    if dataset is None:
        from .loading import load

        dataset = load()
    chosen_partners = {p.code: p for p in _chosen(partners, dataset.partners(),
                                                  dataset.partner)}
    chosen_programmes = {p.id for p in _chosen(programmes, dataset.programmes(),
                                               dataset.programme)}
    rows = []
    for membership in dataset.memberships():
        if membership.partner in chosen_partners and membership.programme in chosen_programmes:
            rows += _membership_spells(membership, chosen_partners[membership.partner].name)
    frame = pandas.DataFrame(rows, columns=[
        "partner", "partner_name", "programme", "membership", "status", "start",
        "start_precision", "end", "end_precision", "end_kind", "known_until",
        "known_until_precision", "confidence"])
    for name in ("start", "end", "known_until"):
        frame[name] = pandas.to_datetime(frame[name]).astype("datetime64[s]")
    precisions = [p.value for p in Precision]
    frame["start_precision"] = pandas.Categorical(frame["start_precision"], precisions, True)
    frame["end_precision"] = pandas.Categorical(frame["end_precision"], precisions, True)
    frame["known_until_precision"] = pandas.Categorical(frame["known_until_precision"],
                                                        precisions, True)
    frame["status"] = pandas.Categorical(frame["status"], [
        s.value for s in (Status.MEMBER, Status.ASSOCIATE, Status.OBSERVER, Status.SUSPENDED)])
    frame["end_kind"] = pandas.Categorical(
        frame["end_kind"], ["left", "ended by", "suspended", "resumed", "open"])
    frame["confidence"] = pandas.Categorical(frame["confidence"],
                                             _CONFIDENCES, True)
    return frame


def _day_and_precision(date: PartialDate | None) -> tuple[str | None, str | None]:
    """A date as the tables give it (:func:`~nato_partners.export.first_day`), the day as
    ISO text."""
    day, precision = first_day(date)
    return None if day is None else day.isoformat(), precision


def _membership_spells(membership: Membership, name: str) -> list[tuple[Any, ...]]:
    """A membership's spells: as its role, and as suspended between a suspension and its
    resumption (or the membership's end)."""
    m = membership
    end_kind = "left" if m.left else "ended by" if m.left_by else "open"
    cuts: list[tuple[str, PartialDate | None]] = [(role_status(m).value, m.joined)]
    if m.suspended is not None:
        cuts.append((Status.SUSPENDED.value, m.suspended))
        if m.resumed is not None:
            cuts.append((role_status(m).value, m.resumed))
    rows = []
    for number, (status, start) in enumerate(cuts):
        last = number + 1 == len(cuts)
        end, kind = ((m.ends, end_kind) if last
                     else (cuts[number + 1][1], ("suspended", "resumed")[number]))
        known = m.known_until if last else None
        rows.append((m.partner, name, m.programme, m.id, status, *_day_and_precision(start),
                     *_day_and_precision(end), kind, *_day_and_precision(known),
                     m.confidence.value))
    return rows


class _Unit(NamedTuple):
    """A row group of the panel: a partner, or a state of a list the dataset does not hold.

    ``states`` gives the codes of each period; ``exists`` the periods the unit has rows
    in (all of a partner's periods as a state, or only those of the chosen list), or
    ``None`` for a partner that records none (it has rows in every period).
    """

    code: str | None
    name: str
    iso_numeric: str | None
    cow_code: int | None
    gw_code: int | None
    states: tuple[StateSpell, ...]
    exists: tuple[StateSpell, ...] | None


def _units(partners: list[Partner], system_name: str | None) -> list[_Unit]:
    if system_name is None:
        return [_Unit(p.code, p.name, p.iso_numeric, p.cow_code, p.gw_code, p.states,
                      p.states or None) for p in partners]
    system = StateSystem(system_name)
    listed = state_list(system)
    units = []
    for p in partners:
        own = tuple(s for s in p.states if s.system is system)
        if not own:
            # No periods of its own in this list: the list's periods under its code, so
            # that it is not also a state the data does not hold. With no code either, it
            # is not known to be in the list, and has no rows.
            code = p.cow_code if system is StateSystem.COW else p.gw_code
            own = tuple(StateSpell(system=system, code=listed_state.code,
                                   start=listed_state.start, end=listed_state.end)
                        for listed_state in listed if listed_state.code == code)
        units.append(_Unit(p.code, p.name, p.iso_numeric, p.cow_code, p.gw_code, p.states,
                           own))
    held = {(s.code, s.start) for unit in units for s in unit.exists or ()}
    others: dict[int, list[ListedState]] = {}
    for listed_state in listed:
        if (listed_state.code, listed_state.start) not in held:
            others.setdefault(listed_state.code, []).append(listed_state)
    for code, periods in others.items():
        spells = tuple(StateSpell(system=system, code=code, start=p.start, end=p.end)
                       for p in periods)
        units.append(_Unit(None, periods[-1].name, None,
                           code if system is StateSystem.COW else None,
                           code if system is StateSystem.GW else None, spells, spells))
    return units


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


def _long_frame(pandas: Any, numpy: Any, partners: Sequence[_Unit],
                programmes: Sequence[Programme], labels: list[Any], firsts: Any, lasts: Any,
                status_blocks: list[Any], suspended_blocks: list[Any],
                membership_blocks: list[Any], freq: str, nullable: bool) -> Any:
    """The long panel, built column by column from small lookups taken by index, in
    pandas' nullable types or in the numpy types models take (``NaN`` for not known)."""
    n_partners, n_periods, n_programmes = len(partners), len(labels), len(programmes)
    status = (numpy.concatenate(status_blocks) if status_blocks
              else numpy.array([], dtype=numpy.int8))
    suspended = (numpy.concatenate(suspended_blocks) if suspended_blocks
                 else numpy.array([], dtype=numpy.int8))
    partner_index = numpy.tile(numpy.repeat(numpy.arange(n_partners), n_periods), n_programmes)
    programme_index = numpy.repeat(numpy.arange(n_programmes), n_partners * n_periods)
    period_index = numpy.tile(numpy.arange(n_periods), n_partners * n_programmes)

    def number(values: Any, missing: Any, dtype: str) -> Any:
        if nullable:
            return pandas.arrays.IntegerArray(numpy.where(missing, 0, values).astype(dtype),
                                              missing)
        return numpy.where(missing, numpy.nan, values).astype("float64")

    def text(values: Any) -> Any:
        # object, not pandas 3's inferred "str", so text has one dtype on every pandas
        return (pandas.array(values, dtype="string") if nullable
                else pandas.Series(values, dtype=object))

    label_codes = numpy.full(len(status), 5, dtype=numpy.int8)
    for code_number, code in enumerate((1, 2, 3, 0, -1)):
        label_codes[status == code] = code_number
    cell = partner_index * n_periods + period_index
    period = _period_column(pandas, numpy, labels, freq, nullable)[period_index]
    if freq == "month":
        period = text(period)  # YYYY-MM
    cow, cow_missing = _codes(numpy, partners, StateSystem.COW, firsts, lasts)
    gw, gw_missing = _codes(numpy, partners, StateSystem.GW, firsts, lasts)
    columns: dict[str, Any] = {
        "partner": _categorical(pandas, numpy, [p.code for p in partners], partner_index),
        "partner_name": _categorical(pandas, numpy, [p.name for p in partners], partner_index),
        "iso_numeric": text(numpy.array([p.iso_numeric for p in partners] + [None],
                                        dtype=object)[partner_index]),
        "cow_code": number(cow[cell], cow_missing[cell], "int64"),
        "gw_code": number(gw[cell], gw_missing[cell], "int64"),
        "programme": pandas.Categorical.from_codes(programme_index,
                                                   categories=[p.id for p in programmes]),
        "period": period,
        "status": number(status, status == _NOT_KNOWN, "int8"),
        "status_label": pandas.Categorical.from_codes(
            label_codes, categories=[STATUS_LABELS[c] for c in (1, 2, 3, 0, -1, None)]),
        "suspended": (pandas.arrays.BooleanArray(suspended == 1, suspended == _NOT_KNOWN)
                      if nullable else number(suspended, suspended == _NOT_KNOWN, "int8")),
    }
    # Each cell held by a membership names it, with the precision of its dates.
    precisions = ["year", "month", "day"]
    confidences = list(_CONFIDENCES)
    ids, joined, ends, confidence = [], [], [], []
    for behind, held in membership_blocks:
        # behind is -1 where no membership holds the cell: each lookup's last entry.
        ids.append(numpy.array([m.id for m in held] + [None], dtype=object)[behind])
        confidence.append(numpy.array([confidences.index(m.confidence.value) for m in held]
                                      + [-1])[behind])
        joined.append(numpy.array([-1 if m.joined is None else
                                   precisions.index(m.joined.precision.value) for m in held]
                                  + [-1])[behind])
        ends.append(numpy.array([-1 if m.ends is None else
                                 precisions.index(m.ends.precision.value) for m in held]
                                + [-1])[behind])

    def joined_up(parts: list[Any], dtype: Any) -> Any:
        return numpy.concatenate(parts) if parts else numpy.array([], dtype=dtype)

    columns["membership"] = text(joined_up(ids, object))
    columns["joined_precision"] = pandas.Categorical.from_codes(
        joined_up(joined, int), categories=precisions, ordered=True)
    columns["ends_precision"] = pandas.Categorical.from_codes(
        joined_up(ends, int), categories=precisions, ordered=True)
    columns["confidence"] = pandas.Categorical.from_codes(
        joined_up(confidence, int), categories=confidences, ordered=True)
    return pandas.DataFrame(columns)


def _categorical(pandas: Any, numpy: Any, values: list[str | None], index: Any) -> Any:
    """Each row's value, by the index of its partner or state (a missing code missing)."""
    categories = list(dict.fromkeys(v for v in values if v is not None))
    where = {v: i for i, v in enumerate(categories)}
    codes = numpy.array([-1 if v is None else where[v] for v in values] + [-1])
    return pandas.Categorical.from_codes(codes[index], categories=categories)


def _codes(numpy: Any, partners: Sequence[_Unit], system: StateSystem, firsts: Any,
           lasts: Any) -> tuple[Any, Any]:
    """Each partner's code in a state list in each period (partner by partner), and where
    it has none: the code of the latest period of the list that meets it, as
    :meth:`Partner.state_code` gives."""
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
    return codes.ravel(), missing.ravel()


def _period_column(pandas: Any, numpy: Any, labels: list[Any], freq: str,
                   nullable: bool) -> Any:
    """One entry per period: the year, the month as ``YYYY-MM`` text, or the day."""
    if freq == "year":
        return pandas.array(labels, dtype="Int64") if nullable else numpy.array(labels)
    if freq == "month":
        return numpy.array(labels, dtype=object)
    return pandas.array(pandas.to_datetime(labels).astype("datetime64[s]"))


#: The columns of the long panel that each programme gets in the wide form, and their
#: suffixes: the status code under the programme's own name.
_WIDE = {"status": "", "suspended": "_suspended", "membership": "_membership",
         "confidence": "_confidence"}


def _widen(pandas: Any, frame: Any) -> Any:
    keys = ["partner", "partner_name", "iso_numeric", "cow_code", "gw_code", "period"]
    # One pivot per value, so that each keeps its dtype.
    pivots = {value: frame.pivot(index=keys, columns="programme", values=value)
              for value in _WIDE}
    columns = {}
    for programme in frame["programme"].cat.categories:
        for value, suffix in _WIDE.items():
            # Names a formula can hold: nato-pa becomes nato_pa.
            columns[programme.replace("-", "_") + suffix] = pivots[value][programme]
    return pandas.DataFrame(columns).reset_index()
