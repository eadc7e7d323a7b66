"""Every check a set of records must pass to make a dataset, collecting all problems.

The converter has already checked each field's type; the checks here look across fields
and across records: ids are unique, references resolve, every record cites a source,
ranges do not end before they start, figures are not negative, and memberships, programmes
and milestones agree with one another. The :doc:`/data-format` page lists them all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from .dates import PartialDate
from .errors import Problem
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

__all__ = ["Locator", "check"]

#: Says where a record came from: ``(file or None, record label)``.
Locator = Callable[[object], tuple[str | None, str]]

_T = TypeVar("_T")
_Report = Callable[[object, str | None, object, str], None]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_ALPHA2 = re.compile(r"[A-Z]{2}")


def check(
    *,
    sources: Sequence[Source],
    partners: Sequence[Partner],
    programmes: Sequence[Programme],
    memberships: Sequence[Membership],
    milestones: Sequence[Milestone],
    projects: Sequence[TrustFundProject],
    locate: Locator,
) -> list[Problem]:
    """Check records against each other and return every problem found.

    :param sources: the sources the records cite.
    :param partners: the partners.
    :param programmes: the programmes.
    :param memberships: the memberships.
    :param milestones: the milestones.
    :param projects: the Trust Fund projects.
    :param locate: tells the file and label of a record, for the messages.
    :returns: the problems, in the order of the records; empty when all is well.
    """
    problems: list[Problem] = []

    def report(record: object, field: str | None, value: object, expected: str) -> None:
        file, label = locate(record)
        problems.append(
            Problem(file=file, record=label, field=field, value=value, expected=expected)
        )

    _unique(sources, lambda s: s.id, "id", report)
    for source in sources:
        if not _SLUG.fullmatch(source.id):
            report(source, "id", source.id, "a lower-case slug such as 'nato-1994'")
        if source.url is not None and not source.url.startswith(("https://", "http://")):
            report(source, "url", source.url, "an http:// or https:// address")

    _unique(partners, lambda p: p.code, "code", report)
    _unique(partners, lambda p: p.alpha2, "alpha2", report)
    for partner in partners:
        if not _ALPHA3.fullmatch(partner.code):
            report(partner, "code", partner.code, "an ISO 3166-1 alpha-3 code such as 'AZE'")
        if not _ALPHA2.fullmatch(partner.alpha2):
            report(partner, "alpha2", partner.alpha2, "an ISO 3166-1 alpha-2 code such as 'AZ'")

    programme_by_id = {p.id: p for p in programmes}
    partner_codes = {p.code for p in partners}
    _unique(programmes, lambda p: p.id, "id", report)
    for programme in programmes:
        if not _SLUG.fullmatch(programme.id):
            report(programme, "id", programme.id, "a lower-case slug such as 'pfp'")
        _range(programme, "ended", programme.established, programme.ended, report)
        if programme.succeeded_by is not None:
            successor = programme_by_id.get(programme.succeeded_by)
            if successor is None:
                report(programme, "succeeded_by", programme.succeeded_by,
                       _known("a programme id", programme_by_id))
            elif (
                programme.ended is not None
                and successor.established is not None
                and not _may_coincide(programme.ended, successor.established)
            ):
                report(programme, "ended", str(programme.ended),
                       f"the date its successor {successor.id!r} was established "
                       f"({successor.established})")

    _unique(memberships, lambda m: m.id, "joined", report)
    joined_dates: dict[tuple[str, str], list[PartialDate]] = {}
    for membership in memberships:
        _reference(membership, "partner", membership.partner, partner_codes, report)
        joined_programme = programme_by_id.get(membership.programme)
        if joined_programme is None:
            report(membership, "programme", membership.programme,
                   _known("a programme id", programme_by_id))
        else:
            _within_lifetime(membership, joined_programme, report)
        _range(membership, "left", membership.joined, membership.left, report)
        _range(membership, "suspended", membership.joined, membership.suspended, report)
        if membership.joined is not None:
            joined_dates.setdefault((membership.partner, membership.programme), []).append(
                membership.joined
            )

    _unique(milestones, lambda m: m.id, "id", report)
    for milestone in milestones:
        if not _SLUG.fullmatch(milestone.id):
            report(milestone, "id", milestone.id, "a lower-case slug")
        _reference(milestone, "partner", milestone.partner, partner_codes, report)
        if milestone.programme is not None and milestone.programme not in programme_by_id:
            report(milestone, "programme", milestone.programme,
                   _known("a programme id", programme_by_id))
        if (
            milestone.kind is MilestoneKind.JOINED
            and milestone.programme in programme_by_id
            and milestone.date is not None
            and milestone.date
            not in joined_dates.get((milestone.partner, milestone.programme), ())
        ):
            report(milestone, "date", str(milestone.date),
                   f"the joining date of a {milestone.programme!r} membership of "
                   f"{milestone.partner} (a 'joined' milestone must match its membership)")

    _unique(projects, lambda p: p.id, "id", report)
    for project in projects:
        if not _SLUG.fullmatch(project.id):
            report(project, "id", project.id, "a lower-case slug")
        _reference(project, "partner", project.partner, partner_codes, report)
        _range(project, "end", project.start, project.end, report)
        for field in ("items_disposed", "area_m2", "budget_eur"):
            value = getattr(project, field)
            if value is not None and value < 0:
                report(project, field, value, "a number that is not negative")

    records: Iterable[Record] = (*partners, *programmes, *memberships, *milestones, *projects)
    for record in records:
        if not record.sources:
            report(record, "sources", [], "at least one source")
    return problems


def _unique(
    records: Sequence[_T], key: Callable[[_T], object], field: str, report: _Report
) -> None:
    counts = Counter(key(r) for r in records)
    for record in records:
        if counts[key(record)] > 1:
            report(record, field, key(record), f"a unique {field} (this one is used "
                   f"{counts[key(record)]} times)")


def _reference(
    record: object,
    field: str,
    value: str,
    known: set[str],
    report: _Report,
) -> None:
    if value not in known:
        report(record, field, value, _known("a partner's alpha-3 code", known))


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
) -> None:
    if start is not None and end is not None and end.latest < start.earliest:
        report(record, field, str(end), f"a date on or after the start ({start})")


def _may_coincide(a: PartialDate, b: PartialDate) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def _within_lifetime(
    membership: Membership,
    programme: Programme,
    report: _Report,
) -> None:
    joined, established = membership.joined, programme.established
    if joined is not None and established is not None and joined.latest < established.earliest:
        report(membership, "joined", str(membership.joined),
               f"a date on or after {programme.id!r} was established ({programme.established})")
    if programme.ended is not None:
        if membership.left is None:
            report(membership, "left", None,
                   f"a date: {programme.id!r} ended ({programme.ended}), so the membership did")
        if joined is not None and joined.earliest > programme.ended.latest:
            report(membership, "joined", str(membership.joined),
                   f"a date on or before {programme.id!r} ended ({programme.ended})")
        if membership.left is not None and membership.left.earliest > programme.ended.latest:
            report(membership, "left", str(membership.left),
                   f"a date on or before {programme.id!r} ended ({programme.ended})")
