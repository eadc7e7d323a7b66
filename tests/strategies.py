"""Hypothesis strategies for every record type, and for whole datasets that pass the checks.

Text is drawn from all of Unicode but surrogates (which no UTF-8 file can hold), so it
includes non-ASCII letters, quotes, backslashes, line breaks and control characters;
dates come at each precision.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from hypothesis import strategies as st

from nato_partners import (
    FORMAT_VERSION,
    Area,
    Confidence,
    Dataset,
    DatasetInfo,
    Funding,
    Membership,
    Milestone,
    MilestoneKind,
    Mission,
    PartialDate,
    Partner,
    Programme,
    ProgrammeKind,
    ProjectStatus,
    Region,
    Source,
    StateSpell,
    StateSystem,
    TrustFundProject,
)
from nato_partners.model import MAX_WHOLE_NUMBER

__all__ = [
    "RECORDS",
    "datasets",
    "partial_dates",
    "records",
    "texts",
    "timed_datasets",
]

_T = TypeVar("_T")

#: Text with the characters most likely to trouble a writer, plus any others.
texts = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.sampled_from([
        "Az\u0259rbaycan Respublikas\u0131", "Ağstafa", 'a "quoted" word', "back\\slash", '"""',
        "two\nlines\n", "\r\n", "tab\tand\x00nul", "ends with a backslash\\", "\u2028",
    ]),
)
_slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
_urls = st.builds(lambda scheme, rest: f"{scheme}://{rest}", st.sampled_from(["http", "https"]),
                  st.from_regex(r"[a-z]{1,8}\.[a-z]{2,3}(/[A-Za-z0-9_%.~-]{0,12})?",
                                fullmatch=True))


def _partial(day: datetime.date, precision: int) -> PartialDate:
    return PartialDate(day.year, day.month if precision else None,
                       day.day if precision == 2 else None)


#: Dates known to the year, the month or the day.
partial_dates = st.builds(
    _partial, st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
    st.integers(0, 2),
)


def _maybe(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


def _tuples(strategy: st.SearchStrategy[_T], min_size: int = 0) -> st.SearchStrategy[
    tuple[_T, ...]
]:
    return st.lists(strategy, min_size=min_size, max_size=3).map(tuple)


# Whole numbers as far as the loader takes them: those every export keeps exactly.
_wholes = st.integers(-MAX_WHOLE_NUMBER, MAX_WHOLE_NUMBER)
_counts = st.integers(0, MAX_WHOLE_NUMBER)
_amounts = st.floats(min_value=0, allow_nan=False, allow_infinity=False)

_sources = st.builds(
    Source, id=_slugs, title=texts, publisher=texts, url=_maybe(_urls),
    published=_maybe(partial_dates), note=_maybe(texts),
)


def _common(sources: st.SearchStrategy[Source]) -> dict[str, Any]:
    return {"sources": _tuples(sources, 1), "confidence": st.sampled_from(Confidence),
            "note": _maybe(texts)}


_missions = st.builds(Mission, name=texts, established=_maybe(partial_dates),
                      head=_maybe(texts), head_title=_maybe(texts))


def _partners(sources: st.SearchStrategy[Source]) -> st.SearchStrategy[Partner]:
    return st.builds(
        Partner, code=st.from_regex(r"[A-Z]{3}", fullmatch=True),
        alpha2=st.from_regex(r"[A-Z]{2}", fullmatch=True), name=texts,
        official_name=_maybe(texts), region=st.sampled_from(Region),
        aliases=_tuples(texts), mission=_maybe(_missions), **_common(sources),
    )


#: One strategy per record type, for records checked one at a time.
RECORDS: dict[type[Any], st.SearchStrategy[Any]] = {
    Source: _sources,
    Mission: _missions,
    DatasetInfo: st.builds(DatasetInfo, format=_wholes, version=texts,
                           reviewed=partial_dates, title=texts, description=_maybe(texts)),
    Partner: _partners(_sources),
    Programme: st.builds(
        Programme, id=_slugs, name=texts, acronym=_maybe(texts),
        kind=st.sampled_from(ProgrammeKind), established=_maybe(partial_dates),
        ended=_maybe(partial_dates), succeeded_by=_maybe(_slugs), description=texts,
        **_common(_sources),
    ),
    Membership: st.builds(
        Membership, partner=texts, programme=texts, joined=_maybe(partial_dates),
        left=_maybe(partial_dates), suspended=_maybe(partial_dates), role=_maybe(texts),
        **_common(_sources),
    ),
    Milestone: st.builds(
        Milestone, id=_slugs, partner=texts, date=_maybe(partial_dates),
        kind=st.sampled_from(MilestoneKind), title=texts, summary=texts,
        programme=_maybe(_slugs), areas=_tuples(st.sampled_from(Area)), **_common(_sources),
    ),
    TrustFundProject: st.builds(
        TrustFundProject, id=_slugs, name=texts, partner=texts, executing_agency=texts,
        partner_agency=_maybe(texts), lead_nations=_tuples(texts),
        start=_maybe(partial_dates), end=_maybe(partial_dates),
        status=st.sampled_from(ProjectStatus), purpose=texts,
        funding=st.sampled_from(Funding),
        items_planned=_maybe(_wholes), items_disposed=_maybe(_wholes),
        tonnes_planned=_maybe(st.floats(allow_nan=False, allow_infinity=False)),
        people_planned=_maybe(_wholes),
        area_planned_m2=_maybe(st.floats(allow_nan=False, allow_infinity=False)),
        area_cleared_m2=_maybe(st.floats(allow_nan=False, allow_infinity=False)),
        budget_eur=_maybe(st.floats(allow_nan=False, allow_infinity=False)),
        spent_eur=_maybe(st.floats(allow_nan=False, allow_infinity=False)),
        site=_maybe(texts), **_common(_sources),
    ),
}

#: Any record, of any type.
records = st.one_of(*RECORDS.values())


def _not_before(start: PartialDate | None) -> st.SearchStrategy[PartialDate | None]:
    """None, or a date that does not end before ``start`` begins."""
    if start is None:
        return _maybe(partial_dates)
    return _maybe(partial_dates.map(lambda d: max(d, start)))


def _ends_after(start: PartialDate | None, floor: PartialDate | None
                ) -> st.SearchStrategy[PartialDate | None]:
    """None, or an end that may come after ``start`` (a membership ending the day it began
    was never in force) and not before ``floor``, its programme's establishment."""
    return _maybe(partial_dates.filter(
        lambda d: (start is None or d._last > start._first)
        and (floor is None or d._last >= floor._first)))


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """A whole dataset that passes every check, with a bit of everything in it."""
    sources = draw(st.lists(_sources, min_size=1, max_size=4, unique_by=lambda s: s.id))
    cite = st.sampled_from(sources)
    partners = draw(st.lists(_partners(cite), min_size=1, max_size=3,
                             unique_by=(lambda p: p.code, lambda p: p.alpha2)))
    # Programmes that have not ended and succeed none, so memberships need only begin
    # after they were established.
    programmes = draw(st.lists(
        st.builds(Programme, id=_slugs, name=texts, acronym=_maybe(texts),
                  kind=st.sampled_from(ProgrammeKind), established=_maybe(partial_dates),
                  description=texts, **_common(cite)),
        min_size=1, max_size=3, unique_by=lambda p: p.id,
    ))
    memberships = []
    pairs = [(p.code, g) for p in partners for g in programmes]
    for code, programme in draw(st.lists(st.sampled_from(pairs), max_size=4, unique=True)):
        joined = draw(_not_before(programme.established))
        memberships.append(Membership(
            partner=code, programme=programme.id, joined=joined,
            left=draw(_ends_after(joined, programme.established)),
            suspended=draw(_not_before(joined)),
            role=draw(_maybe(texts)), **draw(st.fixed_dictionaries(_common(cite))),
        ))
    codes = st.sampled_from([p.code for p in partners])
    # Milestones that claim a membership's date are left to the validation tests.
    kinds = st.sampled_from([k for k in MilestoneKind if k not in (
        MilestoneKind.JOINED, MilestoneKind.LEFT, MilestoneKind.SUSPENDED, MilestoneKind.RESUMED)])
    milestones = []
    for milestone_id in draw(st.lists(_slugs, max_size=4, unique=True)):
        # A milestone of a programme is not dated before the programme was established.
        programme = draw(_maybe(st.sampled_from(programmes))) if programmes else None
        milestones.append(draw(st.builds(
            Milestone, id=st.just(milestone_id), partner=codes,
            date=_not_before(None if programme is None else programme.established),
            kind=kinds, title=texts, summary=texts,
            programme=st.just(None if programme is None else programme.id),
            areas=_tuples(st.sampled_from(Area)), **_common(cite),
        )))
    projects = []
    for project_id in draw(st.lists(_slugs, max_size=2, unique=True)):
        start = draw(_maybe(partial_dates))
        projects.append(TrustFundProject(
            id=project_id, name=draw(texts), partner=draw(codes),
            executing_agency=draw(texts), partner_agency=draw(_maybe(texts)),
            lead_nations=draw(_tuples(texts)), start=start, end=draw(_not_before(start)),
            status=draw(st.sampled_from(ProjectStatus)), purpose=draw(texts),
            funding=draw(st.sampled_from(Funding)), items_planned=draw(_maybe(_counts)),
            items_disposed=draw(_maybe(_counts)), area_planned_m2=draw(_maybe(_amounts)),
            area_cleared_m2=draw(_maybe(_amounts)), spent_eur=draw(_maybe(_amounts)),
            budget_eur=draw(_maybe(_amounts)), site=draw(_maybe(texts)),
            **draw(st.fixed_dictionaries(_common(cite))),
        ))
    info = DatasetInfo(format=FORMAT_VERSION, version=draw(texts),
                       reviewed=draw(partial_dates), title=draw(texts),
                       description=draw(_maybe(texts)))
    return Dataset(info=info, sources=sources, partners=partners, programmes=programmes,
                   memberships=memberships, milestones=milestones,
                   trust_fund_projects=projects)


# Timed datasets draw their dates from a short window, so that a panel around it holds
# periods before, within and after every life, membership and horizon.
WINDOW = (datetime.date(1990, 1, 1).toordinal(), datetime.date(2004, 12, 31).toordinal())
_PRECISIONS = st.integers(0, 2)  # year, month, day


def _day_in(draw: st.DrawFn, low: int = WINDOW[0], high: int = WINDOW[1],
            precision: st.SearchStrategy[int] = _PRECISIONS) -> PartialDate:
    """A date, at any precision, around a day from ``low`` to ``high``.

    Cut to a month or a year, the date still reaches ``low`` (its last day is on or after
    the day drawn) and starts by ``high``, so "not before" and "not after" checks hold.
    """
    day = datetime.date.fromordinal(draw(st.integers(low, max(low, high))))
    return _partial(day, draw(precision))


def _after(draw: st.DrawFn, start: PartialDate | None, high: int = WINDOW[1]
           ) -> PartialDate | None:
    """None, or a date that does not end before ``start`` begins (nor start after high)."""
    if draw(st.booleans()):
        return None
    return _day_in(draw, WINDOW[0] if start is None else start._first, high)


@st.composite
def timed_datasets(draw: st.DrawFn) -> Dataset:
    """A dataset that passes every check, built to test answers in time.

    Partners have periods as states (or none); programmes have lives, open or closed, and
    whole or partial lists; memberships have every kind of end and suspension the format
    has; the horizon falls inside the window.
    """
    source = Source(id="s", title="t", publisher="p")
    common = {"sources": (source,), "confidence": Confidence.HIGH}
    partners = []
    for number in range(draw(st.integers(1, 3))):
        states = []
        for spell in range(draw(st.integers(0, 2))):
            start = _day_in(draw)
            states.append(StateSpell(system=draw(st.sampled_from(StateSystem)),
                                     code=10 * number + spell, start=start,
                                     end=_after(draw, start)))
        partners.append(Partner(code="PQ" + "ABC"[number], alpha2="Q" + "ABC"[number],
                                name=f"Partner {number}",
                                region=Region.EURO_ATLANTIC, states=tuple(states), **common))
    programmes = []
    for number in range(draw(st.integers(1, 3))):
        established = _after(draw, None)
        programmes.append(Programme(
            id=f"g{number}", name=f"Programme {number}", kind=ProgrammeKind.PARTNERSHIP,
            established=established, ended=_after(draw, established), description="d",
            members_complete=draw(st.booleans()), **common))
    memberships = []
    for partner in partners:
        born = min((s.start._first for s in partner.states), default=WINDOW[0])
        for programme in programmes:
            low = max(born, programme.established._first if programme.established else born)
            high = programme.ended._last if programme.ended else WINDOW[1]
            for count in range(draw(st.integers(0, 2))):
                if low >= high:
                    break
                undated = count == 0 and draw(st.integers(0, 5)) == 0
                # It begins a day before the last at the latest, so that it can end after
                # the day it began.
                joined = None if undated else _day_in(draw, low, high - 1, _PRECISIONS)
                # Ends come after the day it began, and not before the programme existed.
                ends_from = low if joined is None else max(low, joined._first + 1)
                left = None if draw(st.booleans()) else _day_in(draw, ends_from, high)
                left_by = (None if left or draw(st.booleans())
                           else _day_in(draw, ends_from, high))
                if programme.ended is not None and left is None and left_by is None:
                    left_by = programme.ended
                end = left or left_by
                known_until = (None if draw(st.booleans()) else _day_in(
                    draw, low if joined is None else max(low, joined._first),
                    high if end is None else end._first))
                suspended = _after(draw, joined, high)
                resumed = (_after(draw, max(suspended, joined or suspended,
                                               key=lambda d: d._first), high)
                           if suspended else None)
                memberships.append(Membership(
                    partner=partner.code, programme=programme.id, joined=joined, left=left,
                    left_by=left_by, known_until=known_until, suspended=suspended,
                    resumed=resumed, role=draw(st.sampled_from([None, "observer",
                                                               "associate member"])),
                    spell=count + 1, **common))
                if joined is None or end is None:
                    break  # a second membership could overlap an open first one
                low = max(low, end._last + 1)
    info = DatasetInfo(format=FORMAT_VERSION, version="1", title="timed",
                       reviewed=_day_in(draw))
    return Dataset(info=info, sources=[source], partners=partners, programmes=programmes,
                   memberships=memberships)
