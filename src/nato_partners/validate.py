"""Every check a set of records must pass to make a dataset, collecting all problems.

The converter has already checked each field's type; the checks here look across fields
and across records: ids are unique, references resolve, every record cites a source,
ranges do not end before they start, figures are not negative, and memberships, programmes
and milestones agree with one another. The :doc:`/data-format` page lists them all.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from .dates import PartialDate
from .errors import Problem, _Capped
from .model import (
    Membership,
    Milestone,
    MilestoneKind,
    Partner,
    Programme,
    Record,
    Source,
    TrustFundProject,
)

__all__ = [
    "FIELD_PATTERNS",
    "NON_NEGATIVE",
    "TOGETHER",
    "Locator",
    "Unread",
    "check",
    "check_citations",
    "unread_keys",
]

#: Says where a record came from: ``(file or None, record label)``.
Locator = Callable[[object], tuple[str | None, str]]

_T = TypeVar("_T")
_Report = Callable[[object, str | None, object, str], None]

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"

#: The form text fields must take: a regular expression the whole value must match
#: (written so that JSON Schema reads it the same way), and what it means in words.
FIELD_PATTERNS: dict[type, dict[str, tuple[str, str]]] = {
    Source: {
        "id": (_SLUG, "a lower-case slug such as 'nato-1994'"),
        "url": (r"https?://\S+", "an http:// or https:// address"),
    },
    Partner: {
        "code": (r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code such as 'AZE'"),
        "alpha2": (r"[A-Z]{2}", "an ISO 3166-1 alpha-2 code such as 'AZ'"),
        "iso_numeric": (r"[0-9]{3}", "an ISO 3166-1 numeric code of three digits such as '031'"),
    },
    Programme: {"id": (_SLUG, "a lower-case slug such as 'pfp'")},
    Milestone: {"id": (_SLUG, "a lower-case slug such as 'aze-pfp-signed'")},
    TrustFundProject: {
        "id": (_SLUG, "a lower-case slug such as 'saloglu'"),
        "budget_currency": (r"(?!EUR)[A-Z]{3}", "an ISO 4217 currency code other than "
                            "'EUR', such as 'USD' (a budget in euros goes in budget_eur)"),
    },
}

#: The figures that cannot be negative.
NON_NEGATIVE: dict[type, tuple[str, ...]] = {
    Partner: ("cow_code", "gw_code"),
    TrustFundProject: ("items_planned", "items_disposed", "tonnes_planned",
                       "tonnes_disposed", "people_planned", "people_retrained",
                       "area_planned_m2", "area_cleared_m2", "budget_eur", "budget_amount",
                       "spent_eur"),
}

#: Fields that are given together or not at all.
TOGETHER: dict[type, tuple[tuple[str, str], ...]] = {
    TrustFundProject: (("budget_amount", "budget_currency"),),
}

#: Milestone kinds that claim a date of a membership, and the membership field it must match.
_CLAIMS = {
    MilestoneKind.JOINED: "joined",
    MilestoneKind.LEFT: "left",
    MilestoneKind.SUSPENDED: "suspended",
    MilestoneKind.RESUMED: "resumed",
}


@attrs.frozen(kw_only=True)
class Unread:
    """Records the files hold but that could not be read, so references to them are not reported.

    The problem that kept each one from being read is reported already; a second problem
    for every record that refers to it would bury the first.

    :param keys: ``(kind, key)`` pairs such as ``("partner", "AZE")``, ``("programme",
        "pfp")``, ``("source", "nato-1994")`` or ``("membership", "AZE/pfp")``.
    :param kinds: kinds none of whose records can be trusted to be all there, because a
        whole file or section of them could not be read.
    """

    keys: frozenset[tuple[str, str]] = frozenset()
    kinds: frozenset[str] = frozenset()

    def __contains__(self, item: object) -> bool:
        if item in self.keys:
            return True
        return isinstance(item, tuple) and len(item) == 2 and item[0] in self.kinds


def unread_keys(cls: type, data: object) -> list[tuple[str, str]]:
    """The keys other records may use to refer to a record that could not be built.

    :param cls: the record's type.
    :param data: its plain data, as far as it goes.
    :returns: ``(kind, key)`` pairs for :class:`Unread`.
    """
    if not isinstance(data, dict):
        return []
    if cls is Partner:
        key, kind = data.get("code"), "partner"
    elif cls is Programme:
        key, kind = data.get("id"), "programme"
    elif cls is Membership:
        key, kind = f"{data.get('partner')}/{data.get('programme')}", "membership"
    else:
        return []
    return [(kind, key)] if isinstance(key, str) else []


def check(
    *,
    sources: Sequence[Source],
    partners: Sequence[Partner],
    programmes: Sequence[Programme],
    memberships: Sequence[Membership],
    milestones: Sequence[Milestone],
    projects: Sequence[TrustFundProject],
    locate: Locator,
    unread: Unread = Unread(),
) -> list[Problem]:
    """Check records against each other and return every problem found.

    :param sources: the sources the records cite.
    :param partners: the partners.
    :param programmes: the programmes.
    :param memberships: the memberships.
    :param milestones: the milestones.
    :param projects: the Trust Fund projects.
    :param locate: tells the file and label of a record, for the messages.
    :param unread: records that exist but could not be read: a reference to one of them
        is not reported.
    :returns: the problems, in the order of the records; empty when all is well.
    """
    problems = _Capped()

    def report(record: object, field: str | None, value: object, expected: str) -> None:
        file, label = locate(record)
        problems.append(
            Problem(file=file, record=label, field=field, value=value, expected=expected)
        )

    # Record by record, one type at a time, so that each loop knows its type's checks.
    groups: tuple[tuple[type, Sequence[Source | Record]], ...] = (
        (Source, sources), (Partner, partners), (Programme, programmes),
        (Membership, memberships), (Milestone, milestones), (TrustFundProject, projects),
    )
    for cls, group in groups:
        patterns = [(field, re.compile(pattern).fullmatch, expected)
                    for field, (pattern, expected) in FIELD_PATTERNS.get(cls, {}).items()]
        non_negative = NON_NEGATIVE.get(cls, ())
        together = TOGETHER.get(cls, ())
        cites = cls is not Source
        if not (non_negative or together) and _all_well(group, patterns, cites):
            continue  # the usual case, checked at C speed: nothing to report
        for record in group:
            for field, matches, expected in patterns:
                value = getattr(record, field)
                if value is not None and not matches(value):
                    report(record, field, value, expected)
            if non_negative:
                for field in non_negative:
                    value = getattr(record, field)
                    if value is not None and value < 0:
                        report(record, field, value, "a number that is not negative")
            if together:
                for pair in together:
                    given = [getattr(record, field) is not None for field in pair]
                    if any(given) and not all(given):
                        missing = pair[given.index(False)]
                        report(record, missing, None,
                               f"a value: {' and '.join(pair)} go together")
            if cites and not record.sources:  # type: ignore[union-attr]
                report(record, "sources", [], "at least one source")

    _unique(sources, operator.attrgetter("id"), "id", report)
    _unique(partners, operator.attrgetter("code"), "code", report)
    coded: dict[tuple[str, int], str] = {}  # each state code of each list names one partner
    for partner in partners:
        _states(partner, coded, report)
    _unique(partners, operator.attrgetter("alpha2"), "alpha2", report)
    for field in ("iso_numeric", "cow_code", "gw_code"):
        _unique([p for p in partners if getattr(p, field) is not None],
                operator.attrgetter(field), field, report)

    programme_by_id = {p.id: p for p in programmes}
    partner_by_code = {p.code: p for p in partners}
    partner_codes = partner_by_code.keys()

    def refer(record: object, field: str, kind: str, value: str, known: Iterable[str]) -> bool:
        """Report a reference that does not resolve; tell whether it resolved."""
        if value in known:
            return True
        if (kind, value) not in unread:
            what = "a partner's alpha-3 code" if kind == "partner" else f"a {kind} id"
            report(record, field, value, _known(what, known))
        return False

    _unique(programmes, lambda p: p.id, "id", report)
    _no_cycle(programmes, programme_by_id, report)
    for programme in programmes:
        _range(programme, "ended", programme.established, programme.ended, report)
        if programme.succeeded_by is None:
            continue
        if programme.succeeded_by == programme.id:
            report(programme, "succeeded_by", programme.succeeded_by,
                   "the id of another programme, not its own")
        elif refer(programme, "succeeded_by", "programme", programme.succeeded_by,
                   programme_by_id):
            successor = programme_by_id[programme.succeeded_by]
            if (
                programme.ended is not None
                and successor.established is not None
                and not _may_coincide(programme.ended, successor.established)
            ):
                report(programme, "ended", str(programme.ended),
                       f"the date its successor {successor.id!r} was established "
                       f"({successor.established})")

    # A second membership of the same programme needs its own spell number.
    _unique(memberships, lambda m: m.id, "spell", report)
    held: dict[tuple[str, str], list[Membership]] = {}
    astray: set[str] = set()
    born = {p.code: min((s.start for s in p.states), key=lambda d: d._first)
            for p in partners if p.states}
    for membership in memberships:
        if refer(membership, "partner", "partner", membership.partner, partner_codes):
            _while_state(membership, born.get(membership.partner), report)
        if refer(membership, "programme", "programme", membership.programme, programme_by_id):
            _within_lifetime(membership, programme_by_id[membership.programme], report)
        else:
            # It may be the membership a milestone claims, under a misspelt programme.
            astray.add(membership.partner)
        _dates_agree(membership, report)
        if membership.spell < 1:
            report(membership, "spell", membership.spell, "a spell number of 1 or more")
        held.setdefault((membership.partner, membership.programme), []).append(membership)
    for spells in held.values():
        _no_overlap(spells, report)

    _unique(milestones, operator.attrgetter("id"), "id", report)
    claimed: dict[tuple[int, str], frozenset[PartialDate | None]] = {}
    for milestone in milestones:
        if milestone.partner not in partner_codes:
            refer(milestone, "partner", "partner", milestone.partner, partner_codes)
        of = milestone.programme
        if of is None:
            # A joining may stand alone (a source's date that disagrees with the
            # membership's); an end, a suspension or a resumption must say of what.
            if milestone.kind in _CLAIMS and milestone.kind is not MilestoneKind.JOINED:
                report(milestone, "programme", None,
                       f"the programme whose membership a {milestone.kind.value!r} milestone "
                       "dates (an event that ends or suspends no membership is of kind "
                       "'paused' or another)")
            continue
        if of not in programme_by_id:
            refer(milestone, "programme", "programme", of, programme_by_id)
        elif milestone.kind in _CLAIMS:
            _claim(milestone, of, held, unread, astray, report, claimed)
        else:
            _during(milestone, programme_by_id[of], report)

    _unique(projects, lambda p: p.id, "id", report)
    for project in projects:
        refer(project, "partner", "partner", project.partner, partner_codes)
        _range(project, "end", project.start, project.end, report)
        # A status reported before the project began would be a report of another project.
        _range(project, "status_as_of", project.start, project.status_as_of, report)
    return problems.whole()


#: Whether a value is given, as a C function (for map and filter).
_GIVEN = functools.partial(operator.is_not, None)


def _all_well(group: Sequence[object],
              patterns: Sequence[tuple[str, Callable[[str], object], str]],
              cites: bool) -> bool:
    """Whether every record's fields match their patterns and it cites a source.

    Built from map, filter and all, so that a large dataset with nothing to report is
    checked without a Python loop over its records; where something is wrong, the loop
    in :func:`check` finds it and says what.
    """
    for field, matches, _ in patterns:
        if not all(map(matches, filter(_GIVEN, map(operator.attrgetter(field), group)))):
            return False
    return not cites or all(map(operator.attrgetter("sources"), group))


def check_citations(
    records: Iterable[Record], sources: Sequence[Source], locate: Locator
) -> list[Problem]:
    """Check that every source the records cite is one of the dataset's sources.

    Only records built in Python need this: the loader finds each cited source by its id
    in the sources file, and reports an id it does not find.

    :param records: the records that cite sources.
    :param sources: the dataset's sources.
    :param locate: tells the file and label of a record, for the messages.
    :returns: the problems, in the order of the records.
    """
    listed = {source.id for source in sources}
    problems = []
    for record in records:
        for index, source in enumerate(record.sources):
            if source.id not in listed:
                file, label = locate(record)
                problems.append(Problem(file=file, record=label, field=f"sources[{index}]",
                                        value=source.id,
                                        expected="a source that the dataset's sources include"))
    return problems


def _claim(
    milestone: Milestone,
    programme: str,
    held: dict[tuple[str, str], list[Membership]],
    unread: Unread,
    astray: set[str],
    report: _Report,
    claimed: dict[tuple[int, str], frozenset[PartialDate | None]],
) -> None:
    """Check that a milestone saying a partner joined or left agrees with the membership.

    ``astray`` holds the partners with a membership of a programme that does not exist.
    """
    field = _CLAIMS.get(milestone.kind)
    if field is None or milestone.date is None:
        return
    key = f"{milestone.partner}/{programme}"
    if ("membership", key) in unread:
        return
    members = held.get((milestone.partner, programme), [])
    if not members:
        if milestone.partner in astray:
            return
        report(milestone, "programme", programme,
               f"a programme {milestone.partner} has a membership of (a {field!r} milestone "
               "claims one)")
        return
    if milestone.date not in _claimed(members, field, claimed):
        dates = [getattr(m, field) for m in members]
        shown = ", ".join(str(d) for d in dates if d is not None) or "none recorded"
        report(milestone, "date", str(milestone.date),
               f"the {field!r} date of {milestone.partner}'s {programme!r} membership "
               f"({shown}): a {milestone.kind.value!r} milestone must match its membership")


def _claimed(members: list[Membership], field: str,
             claimed: dict[tuple[int, str], frozenset[PartialDate | None]]
             ) -> frozenset[PartialDate | None]:
    """The dates a field of a partner's memberships of one programme holds, as a set made
    once per check (``claimed``, by the list's identity): thousands of claims about one
    partner's memberships each scanned the list."""
    key = id(members), field
    found = claimed.get(key)
    if found is None:
        found = claimed[key] = frozenset(getattr(m, field) for m in members)
    return found


def _unique(
    records: Sequence[_T], key: Callable[[_T], object], field: str, report: _Report
) -> None:
    if len(set(map(key, records))) == len(records):
        return  # the usual case: every key once
    counts = Counter(map(key, records))
    for record in records:
        if counts[key(record)] > 1:
            report(record, field, key(record), f"a unique {field} (this one is used "
                   f"{counts[key(record)]} times)")


def _known(what: str, known: Iterable[str]) -> str:
    names = sorted(known)
    shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
    return f"{what} that exists in the dataset ({shown or 'none defined'})"


def _range(
    record: object,
    field: str,
    start: PartialDate | None,
    end: PartialDate | None,
    report: _Report,
) -> bool:
    """Report an end before its start; tell whether it was."""
    if start is not None and end is not None and end._last < start._first:
        report(record, field, str(end), f"a date on or after the start ({start})")
        return True
    return False


def _dates_agree(membership: Membership, report: _Report) -> None:
    """A membership's dates come in order."""
    m = membership
    reported = set()  # one problem a field: the first start it comes before
    for field, start in (("left", m.joined), ("left_by", m.joined), ("known_until", m.joined),
                         ("suspended", m.joined), ("resumed", m.joined),
                         ("resumed", m.suspended),
                         ("left", m.known_until), ("left_by", m.known_until)):
        if field not in reported and _range(m, field, start, getattr(m, field), report):
            reported.add(field)
    # An end on the day it began: in force up to, not including, that day, so never.
    for field in ("left", "left_by"):
        end = getattr(m, field)
        if (field not in reported and end is not None and m.joined is not None
                and end._last <= m.joined._first):
            report(m, field, str(end), f"a date after the start ({m.joined}): a membership "
                   "that ends on the day it began was never in force")


def _no_overlap(memberships: Sequence[Membership], report: _Report) -> None:
    """Two memberships of one partner in one programme cannot both be in force on a day.

    Only an overlap the dates make certain is reported: a coarse end and a precise new
    start in the same month may well follow each other.
    """
    if len(memberships) < 2:
        return
    # A sweep by the last day each may have begun, not every pair: a partner with
    # thousands of memberships of one programme made the pairs take minutes. Two overlap
    # surely when the later of those days comes before both ends' first possible days, so
    # each membership is checked against the one before it that surely lasts longest.
    spans = sorted(((m, *m._span()) for m in memberships), key=lambda span: span[1][1])
    longest: tuple[Membership, tuple[int, int], tuple[int, int]] | None = None
    for b, b_start, b_end in spans:
        if longest is not None:
            a, a_start, a_end = longest
            if b_start[1] < min(a_end[0], b_end[0]):
                later = b if b_start[0] >= a_start[0] else a
                earlier = a if later is b else b
                report(later, "joined", str(later.joined),
                       f"a date after the end of the membership that began "
                       f"{earlier.joined} (two memberships of {later.partner} in "
                       f"{later.programme!r} cannot both be in force; a suspension and its "
                       "end are the suspended and resumed dates of one membership)")
        if longest is None or b_end[0] > longest[2][0]:
            longest = (b, b_start, b_end)


def _states(partner: Partner, coded: dict[tuple[str, int], str], report: _Report) -> None:
    """A partner's state periods run forwards and use codes no other partner's periods use."""
    for index, spell in enumerate(partner.states):
        field = f"states[{index}]"
        if spell.end is not None and spell.end._last < spell.start._first:
            report(partner, f"{field}.end", str(spell.end),
                   f"a date on or after the start ({spell.start})")
        owner = coded.setdefault((spell.system.value, spell.code), partner.code)
        if owner != partner.code:
            report(partner, f"{field}.code", spell.code,
                   f"a {spell.system.name} code no other partner has ({owner} has it)")


def _while_state(membership: Membership, born: PartialDate | None, report: _Report) -> None:
    """A membership cannot begin before its partner existed as a state (``born``)."""
    if born is None or membership.joined is None or membership.joined._last >= born._first:
        return
    report(membership, "joined", str(membership.joined),
           f"a date on or after {membership.partner} existed as a state ({born}); a "
           "predecessor's membership is a record of the predecessor's")


def _may_coincide(a: PartialDate, b: PartialDate) -> bool:
    return a._first <= b._last and b._first <= a._last


def _no_cycle(programmes: Sequence[Programme], by_id: dict[str, Programme],
              report: _Report) -> None:
    """A chain of successors must end: a programme cannot succeed itself through others."""
    for programme in programmes:
        seen = {programme.id}
        following = programme.succeeded_by
        while following is not None and following in by_id and following not in seen:
            seen.add(following)
            following = by_id[following].succeeded_by
        if following == programme.id and programme.succeeded_by != programme.id:
            report(programme, "succeeded_by", programme.succeeded_by,
                   "a successor whose own successors do not lead back to "
                   f"{programme.id!r} (they form a cycle)")


def _during(milestone: Milestone, programme: Programme, report: _Report) -> None:
    """A milestone of a programme falls within the programme's life.

    A milestone that claims a membership's date is left to that membership's own check.
    """
    date, established, ended = milestone.date, programme.established, programme.ended
    if milestone.kind in _CLAIMS or date is None:
        return
    if established is not None and date._last < established._first:
        report(milestone, "date", str(date),
               f"a date on or after {programme.id!r} was established ({established}), or no "
               "programme")
    if ended is not None and date._first > ended._last:
        report(milestone, "date", str(date),
               f"a date on or before {programme.id!r} ended ({ended}), or no programme")


def _within_lifetime(
    membership: Membership,
    programme: Programme,
    report: _Report,
) -> None:
    joined, established = membership.joined, programme.established
    if joined is not None and established is not None and joined._last < established._first:
        report(membership, "joined", str(membership.joined),
               f"a date on or after {programme.id!r} was established ({programme.established})")
    if established is not None and joined is None:
        # An undated membership's end before the programme existed (with a start, the
        # start or the order of the dates is reported already).
        for field in ("left", "left_by", "known_until"):
            stop = getattr(membership, field)
            if stop is not None and stop._last < established._first:
                report(membership, field, str(stop), f"a date on or after {programme.id!r} "
                       f"was established ({programme.established})")
    if programme.ended is not None:
        if membership.left is None and membership.left_by is None:
            report(membership, "left", None,
                   f"a date: {programme.id!r} ended ({programme.ended}), so the membership did")
        if joined is not None and joined._first > programme.ended._last:
            report(membership, "joined", str(membership.joined),
                   f"a date on or before {programme.id!r} ended ({programme.ended})")
        for field in ("left", "left_by", "suspended", "resumed"):
            stop = getattr(membership, field)
            if stop is not None and stop._first > programme.ended._last:
                report(membership, field, str(stop),
                       f"a date on or before {programme.id!r} ended ({programme.ended})")
