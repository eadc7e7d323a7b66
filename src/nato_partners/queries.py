"""The questions of :class:`~nato_partners.Dataset`, asked of the bundled dataset.

Each function here loads the bundled data on first use (see :func:`~nato_partners.load`)
and calls the :class:`~nato_partners.Dataset` method of the same name, which documents
the arguments in full.

>>> partner("az").name
'Azerbaijan'
>>> participates("AZ", "pfp", on="1994-05-04")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from . import _quick
from .answers import FULL_MEMBERS, NotKnown, Status
from .dates import DateLike
from .model import (
    Area,
    Funding,
    Match,
    Membership,
    Milestone,
    MilestoneKind,
    Partner,
    Programme,
    Record,
    Region,
    Source,
    TrustFundProject,
)

if TYPE_CHECKING:
    # For the annotations only: the first answer (see partner) imports neither the dataset
    # nor the loader, nor what only they need.
    from .dataset import Dataset
    from .results import Results

_D = TypeVar("_D")
#: partner()'s "no default given", which is not passed on to the dataset.
_MISSING: Any = object()


def load() -> Dataset:
    """The bundled dataset (:func:`nato_partners.load`), imported on the first question."""
    from .loading import load

    return load()


__all__ = [
    "matches",
    "member_counts",
    "members",
    "membership",
    "memberships",
    "milestones",
    "participates",
    "partner",
    "partners",
    "programme",
    "programmes",
    "search",
    "sources",
    "status",
    "timeline",
    "trust_fund_projects",
]


def partners(
    *, ally: bool | None = None, on: DateLike | None = None, region: Region | str | None = None
) -> Results[Partner]:
    """Every country, by name. See :meth:`Dataset.partners <nato_partners.Dataset.partners>`.

    :param ally: ``True`` for the Allies only, ``False`` for the countries that are not
        Allies, ``None`` for all.
    :param on: the day or period ``ally`` asks about; ``None`` for today.
    :param region: keep only the countries of this region.
    :returns: the countries.
    :raises NotKnownError: if the data cannot tell a country's standing in the period.
    """
    return load().partners(ally=ally, on=on, region=region)


@overload
def partner(
    key: str | int | Partner | None = None, *, iso: int | str | None = None,
    cow: int | None = None, gw: int | None = None,
) -> Partner: ...


@overload
def partner(
    key: str | int | Partner | None = None, *, iso: int | str | None = None,
    cow: int | None = None, gw: int | None = None, default: _D,
) -> Partner | _D: ...


def partner(
    key: str | int | Partner | None = None, *, iso: int | str | None = None,
    cow: int | None = None, gw: int | None = None, default: object = _MISSING,
) -> object:
    """Find a partner by code, name, alias or number. See :meth:`nato_partners.Dataset.partner`.

    :param key: such as ``"AZ"``, ``"AZE"``, ``"031"`` (ISO numeric), ``"azerbaijan"``, or
        an ``int`` that is a code in only one numbering (or of one partner in all).
    :param iso: an ISO 3166-1 numeric code.
    :param cow: a Correlates of War state code of any period.
    :param gw: a Gleditsch-Ward state code of any period.
    :param default: what to return when none matches, instead of raising.
    :returns: the partner, or ``default``.
    :raises NotFoundError: if none matches and no ``default`` is given.
    :raises ValueError: if an ``int`` key names different partners in different numberings.
    :raises TypeError: if not exactly one of ``key``, ``iso``, ``cow`` and ``gw`` is given.
    """
    if type(key) is str and iso is None and cow is None and gw is None:
        # A program's first question is most often this one: a code or a name is found
        # without loading the whole dataset (see nato_partners._quick).
        found = _quick.partner(key)
        if found is not None:
            return found
    if default is _MISSING:
        return load().partner(key, iso=iso, cow=cow, gw=gw)
    return load().partner(key, iso=iso, cow=cow, gw=gw, default=default)


def programmes(partner: str | Partner | None = None) -> Results[Programme]:
    """Every programme, or a partner's. See :meth:`nato_partners.Dataset.programmes`.

    :param partner: a partner key, or ``None`` for all programmes.
    :returns: the programmes, oldest first.
    :raises NotFoundError: if the partner is unknown.
    """
    return load().programmes(partner)


def programme(key: str | Programme) -> Programme:
    """Find a programme by id, acronym or name. See :meth:`nato_partners.Dataset.programme`.

    :param key: such as ``"pfp"`` or ``"Partnership for Peace"``.
    :returns: the programme.
    :raises NotFoundError: if none matches, naming the close matches.
    """
    return load().programme(key)


def memberships(
    partner: str | Partner | None = None,
    programme: str | Programme | None = None,
    on: DateLike | None = None,
) -> Results[Membership]:
    """Memberships, optionally filtered. See :meth:`nato_partners.Dataset.memberships`.

    :param partner: keep only this partner's.
    :param programme: keep only this programme's.
    :param on: keep only those that were, or may have been, in force in this period.
    :returns: the memberships, in the order they began.
    :raises NotFoundError: if the partner or the programme is unknown.
    """
    return load().memberships(partner, programme, on)


def membership(id: str) -> Membership:
    """Find a membership by its id. See :meth:`nato_partners.Dataset.membership`.

    :param id: such as ``"AZE/pfp"`` or ``"MLT/pfp/2"`` (an id from before version 0.2,
        which held the joining date, finds the same membership).
    :returns: the membership.
    :raises NotFoundError: if no membership has that id, naming the close ones.
    """
    return load().membership(id)


def participates(
    partner: str | Partner, programme: str | Programme, on: DateLike | None = None, *,
    active: bool = False,
) -> bool | NotKnown:
    """Whether a partner was a member of a programme.

    See :meth:`nato_partners.Dataset.participates`.

    :param partner: a partner key.
    :param programme: a programme key.
    :param on: a date or period, or ``None`` for "ever" (up to the data's horizon).
    :param active: ask whether it took part without suspension, instead of whether it was
        a member (a suspended member is one).
    :returns: ``True``, ``False``, or :class:`~nato_partners.NotKnown` where the data
        cannot tell.
    :raises NotFoundError: if the partner or the programme is unknown.
    """
    return load().participates(partner, programme, on, active=active)


def status(
    partner: str | Partner, programme: str | Programme, on: DateLike | None = None
) -> Status | NotKnown:
    """A partner's standing in a programme. See :meth:`nato_partners.Dataset.status`.

    :param partner: a partner key.
    :param programme: a programme key.
    :param on: a date or period, or ``None`` for the data's horizon (its last known day).
    :returns: a :class:`~nato_partners.Status`, or :class:`~nato_partners.NotKnown`.
    :raises NotFoundError: if the partner or the programme is unknown.
    """
    return load().status(partner, programme, on)


def members(
    programme: str | Programme, on: DateLike | None = None, *, known_only: bool = False,
    roles: Iterable[Status | str] = FULL_MEMBERS,
) -> Results[Partner]:
    """Partners of a programme in joining order. See :meth:`nato_partners.Dataset.members`.

    :param programme: a programme key, such as ``"pfp"``, or ``"nato"`` for the Alliance
        itself.
    :param on: keep only partners in force at some time in this period.
    :param known_only: give the members the data shows instead of raising when it cannot
        give them all.
    :param roles: the standings listed (``"member"``, ``"associate"``, ``"observer"``);
        full members only by default.
    :returns: the partners, undated last.
    :raises NotFoundError: if the programme is unknown.
    :raises NotKnownError: if the data cannot give the whole list, unless ``known_only``.
    """
    return load().members(programme, on, known_only=known_only, roles=roles)


@overload
def member_counts(
    programme: str | Programme, years: Iterable[int] | None = None, *,
    known_only: Literal[True], roles: Iterable[Status | str] = FULL_MEMBERS,
) -> dict[int, int]: ...


@overload
def member_counts(
    programme: str | Programme, years: Iterable[int] | None = None, *,
    known_only: bool = False, roles: Iterable[Status | str] = FULL_MEMBERS,
) -> dict[int, int | NotKnown]: ...


def member_counts(
    programme: str | Programme, years: Iterable[int] | None = None, *,
    known_only: bool = False, roles: Iterable[Status | str] = FULL_MEMBERS,
) -> dict[int, int] | dict[int, int | NotKnown]:
    """Partners of a programme per year. See :meth:`nato_partners.Dataset.member_counts`.

    :param programme: a programme key.
    :param years: the years to count, or ``None`` for the programme's whole life.
    :param known_only: count only the members the data shows, so that every year has a
        number.
    :param roles: the standings counted (``"member"``, ``"associate"``, ``"observer"``);
        full members only by default.
    :returns: a dict from year to the number of partners in force during it, or
        :class:`~nato_partners.NotKnown` where the data cannot tell.
    :raises NotFoundError: if the programme is unknown.
    :raises NotKnownError: if the dataset does not hold the programme's complete
        membership, unless ``known_only``.
    """
    return load().member_counts(programme, years, known_only=known_only, roles=roles)


def milestones(
    partner: str | Partner | None = None,
    programme: str | Programme | None = None,
    kind: MilestoneKind | str | None = None,
    area: Area | str | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
) -> Results[Milestone]:
    """Milestones in date order, filtered. See :meth:`nato_partners.Dataset.milestones`.

    A milestone is an event of a partner's relations with NATO that a source records: a
    signature, a visit, a decision, a contribution. The milestones are the events the data
    holds, never a complete list of what happened: no answer here means that no source in
    the data records such an event, not that there was none. Membership questions
    (:func:`participates`, :func:`members`) rest on memberships, not on milestones.

    :param partner: keep only this partner's.
    :param programme: keep only those of this programme.
    :param kind: keep only this kind.
    :param area: keep only those in this area.
    :param since: keep only those from this period on.
    :param until: keep only those up to this period.
    :returns: the milestones, undated ones last (left out by a date filter).
    :raises NotFoundError: if the partner or the programme is unknown.
    :raises ValueError: if a kind, an area or a date is not valid.
    """
    return load().milestones(partner, programme, kind, area, since, until)


def timeline(partner: str | Partner) -> Results[Milestone]:
    """A partner's milestones in date order. See :meth:`nato_partners.Dataset.timeline`.

    The events of the relationship that the data holds, never a complete history (see
    :func:`milestones`).

    :param partner: a partner key.
    :returns: the milestones, undated ones last.
    :raises NotFoundError: if the partner is unknown.
    """
    return load().timeline(partner)


def trust_fund_projects(
    partner: str | Partner | None = None, funding: Funding | str | None = Funding.TRUST_FUND
) -> Results[TrustFundProject]:
    """Trust Fund projects. See :meth:`nato_partners.Dataset.trust_fund_projects`.

    :param partner: a partner key, or ``None`` for all.
    :param funding: ``"trust-fund"`` (the default), ``"sps"`` for the projects the Science
        for Peace and Security Programme paid for, or ``None`` for both.
    :returns: the projects, in the order they started.
    :raises NotFoundError: if the partner is unknown.
    :raises ValueError: if ``funding`` is not a kind of funding.
    """
    return load().trust_fund_projects(partner, funding)


def sources(partner: str | Partner | None = None) -> Results[Source]:
    """Every source, or those behind a partner's. See :meth:`nato_partners.Dataset.sources`.

    :param partner: a partner key, or ``None`` for all.
    :returns: the sources, by id.
    :raises NotFoundError: if the partner is unknown.
    """
    return load().sources(partner)


def search(text: str) -> Results[Record]:
    """Every record that mentions ``text``, any case. See :meth:`nato_partners.Dataset.search`.

    :param text: what to look for.
    :returns: the matching records.
    :raises ValueError: if ``text`` is empty.
    """
    return load().search(text)


def matches(text: str) -> Results[Match]:
    """Where a search finds ``text``, field by field. See :meth:`nato_partners.Dataset.matches`.

    :param text: what to look for.
    :returns: a :class:`~nato_partners.Match` per record and field that holds it.
    :raises ValueError: if ``text`` is empty.
    """
    return load().matches(text)
