"""The :class:`Dataset`: every record, indexed once, and the questions it answers.

A dataset is read from a directory by :func:`~nato_partners.load_dataset`; the one bundled
with the library is :func:`~nato_partners.load` (both in :mod:`nato_partners.loading`).
Both check everything before they return: a dataset that exists is a valid one. Records
are frozen and results are tuples, so nothing a caller does can change the data.

Dates in questions may be :class:`pendulum.Date` or :class:`datetime.date` objects, a
:class:`~nato_partners.PartialDate`, or ISO text at any precision. The rule for partial
dates (see :doc:`/dates`): a stored partial date is any day of its period, and a date in a
question names a whole period, so ``on="1995"`` asks about any day of 1995.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

if TYPE_CHECKING:
    import pendulum  # only horizon gives one, and PartialDate imports it for that

    # Imported where they are used: the bundled data is built without the converter, and
    # a first question needs no search text.
    from ._build import Parts
    from .matching import SearchText

from . import _filters, _params
from . import rules as _rules
from ._lookup import MISSING, Lookup
from ._membership_index import MembershipIndex
from ._milestone_index import MilestoneIndex, sort_key
from ._registry import STORED
from .answers import FULL_MEMBERS, NotKnown, Status
from .dates import DateLike, _period, _period_days
from .model import (
    Area,
    DatasetInfo,
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
from .results import Results

__all__ = ["Dataset"]

_D = TypeVar("_D")
_R = TypeVar("_R")
_S = TypeVar("_S", Source, Partner, Programme, Membership, Milestone, TrustFundProject)


class Dataset:
    """Every record of a dataset, with indexes built once, and the queries over them.

    Build one with :func:`load` or :func:`load_dataset`; building it from records in
    Python checks them the same way.

    :param info: what the dataset says about itself.
    :param sources: every source the records cite.
    :param partners: the partners.
    :param programmes: the programmes.
    :param memberships: the memberships.
    :param milestones: the milestones.
    :param trust_fund_projects: the Trust Fund projects.
    :raises DataError: if the records do not make a valid dataset, with every problem.
    """

    __slots__ = (
        "__weakref__",  # results refer to their dataset weakly
        "_held",
        "_horizon",  # the last day the data knows, as a day number
        "_info",
        "_lookup",
        "_memberships",
        "_milestones",
        "_partners",
        "_programmes",
        "_projects",
        "_sources",
        "_text",
    )

    def __init__(
        self,
        *,
        info: DatasetInfo,
        sources: Iterable[Source],
        partners: Iterable[Partner],
        programmes: Iterable[Programme],
        memberships: Iterable[Membership] = (),
        milestones: Iterable[Milestone] = (),
        trust_fund_projects: Iterable[TrustFundProject] = (),
    ) -> None:
        from ._build import Parts, from_python  # the converter, only for records made here

        parts = Parts(tuple(sources), tuple(partners), tuple(programmes), tuple(memberships),
                      tuple(milestones), tuple(trust_fund_projects))
        self._index(info, from_python(info, parts))

    @classmethod
    def _checked(cls, info: DatasetInfo, parts: Parts) -> Dataset:
        """Build a dataset from records the caller has already checked."""
        self = cls.__new__(cls)
        self._index(info, parts)
        return self

    def _index(self, info: DatasetInfo, parts: Parts) -> None:
        self._info = info
        self._horizon = _rules.horizon_day(info.reviewed)
        self._sources = Results(sorted(parts.sources, key=lambda s: s.id), Source, self)
        self._partners = Results(sorted(parts.partners, key=lambda p: p.name), Partner, self)
        self._programmes = Results(
            sorted(parts.programmes, key=lambda p: (sort_key(p.established), p.name)),
            Programme, self)
        self._memberships = Results(
            sorted(parts.memberships, key=lambda m: (sort_key(m.joined), m.partner, m.programme)),
            Membership, self)
        self._projects = Results(
            sorted(parts.projects, key=lambda p: (sort_key(p.start), p.id)), TrustFundProject,
            self)

        self._lookup = Lookup(self._partners, self._programmes)
        self._held = MembershipIndex(self._memberships)

        self._milestones = MilestoneIndex(parts.milestones)
        # The records' text and the sources' text, published together (see search).
        self._text: SearchText | None = None

    def _results(self, records: Sequence[_R], record_type: type[Any]) -> Results[_R]:
        """The records as this dataset's results (which the exports ask for names), or as
        they are if they are its own: results are shared, since none can be changed."""
        return records if isinstance(records, Results) else Results(records, record_type, self)

    @property
    def info(self) -> DatasetInfo:
        """What the dataset says about itself: format, data version, date of last review."""
        return self._info

    @property
    def horizon(self) -> pendulum.Date:
        """The last day the data knows: the first day of its ``reviewed`` date.

        A question about a later day is not known, and a question with no date asks about
        this day (see :doc:`/knowledge`).
        """
        return self._info.reviewed.earliest

    def __repr__(self) -> str:
        return (
            f"<Dataset {self.info.title!r} {self.info.version}: {len(self._partners)} partners, "
            f"{len(self._programmes)} programmes, {len(self._memberships)} memberships, "
            f"{len(self._milestones)} milestones, "
            f"{len(self._projects)} Trust Fund projects>"
        )

    # -- partners and programmes ---------------------------------------------------------

    def partners(
        self, *, ally: bool | None = None, on: DateLike | None = None,
        region: Region | str | None = None,
    ) -> Results[Partner]:
        """Every country in the dataset, by name: partners, former partners and Allies.

        :param ally: ``True`` keeps only the Allies (the countries whose membership of the
            programme ``nato`` is in force), ``False`` only the others (NATO's partners),
            ``None`` every country; with either, a country that did not exist as a state in
            the period is left out.
        :param on: the day or period ``ally`` asks about, an Ally on any day of it counting
            as one; ``None`` asks about the :attr:`horizon`.
        :param region: keep only the countries of this :class:`Region` (or its value, such
            as ``"gulf"``).
        :returns: the countries.
        :raises NotKnownError: if the dates of a country's accession leave its standing in
            the period open, or the period runs past the horizon.
        :raises NotFoundError: if ``ally`` is given and the dataset has no ``nato``
            programme.
        :raises ValueError: if ``on`` is not a date.
        :raises TypeError: if ``ally`` is neither ``None`` nor a bool (``1`` and ``"yes"``
            would otherwise find no country).
        """
        if ally is not None:
            _params.flag(ally, "ally")
        found: Sequence[Partner] = self._partners
        if region is not None:
            found = _filters.in_region(found, _params.vocabulary(Region, region, "region"))
        if ally is not None:
            when = self.horizon if on is None else on
            first, last = _period_days(when, "on")
            allies = {p.code for p in self.members("nato", when)}
            found = _filters.allied(found, allies, ally, first, last)
        return self._results(found, Partner)

    @overload
    def partner(
        self, key: str | int | Partner | None = None, *, iso: int | str | None = None,
        cow: int | None = None, gw: int | None = None,
    ) -> Partner: ...

    @overload
    def partner(
        self, key: str | int | Partner | None = None, *, iso: int | str | None = None,
        cow: int | None = None, gw: int | None = None, default: _D,
    ) -> Partner | _D: ...

    def partner(
        self, key: str | int | Partner | None = None, *, iso: int | str | None = None,
        cow: int | None = None, gw: int | None = None, default: object = MISSING,
    ) -> object:
        """Find a partner by code, name, official name or alias (any case), or by number.

        A word that only one partner's names contain finds it too, so ``"Bosnia"`` finds
        Bosnia and Herzegovina.

        :param key: an ISO alpha-2, alpha-3 or numeric code, a name or an alias, such as
            ``"AZ"``, ``"aze"``, ``"031"``, ``"Czechia"`` or ``"Azerbaijan"``; an ``int``
            is read in every numbering (ISO 3166 numeric, Correlates of War, Gleditsch-Ward,
            any period's code) and must name one partner in all of them; a
            :class:`Partner` record must be the dataset's own or equal to it, and gives
            the dataset's own.
        :param iso: an ISO 3166-1 numeric code, such as ``31`` or ``"031"``, instead of
            ``key``.
        :param cow: a Correlates of War state code of any period, such as ``260`` (West
            Germany), instead of ``key``.
        :param gw: a Gleditsch-Ward state code of any period, instead of ``key``.
        :param default: what to return when no partner matches, instead of raising (as
            ``dict.get`` and pycountry's ``get`` do), such as ``None``.
        :returns: the partner, or ``default``.
        :raises NotFoundError: if none matches and no ``default`` is given (a record
            from another dataset, or a changed copy, matches none); the error names the
            close matches.
        :raises ValueError: if an ``int`` key is a code of one partner in one numbering and
            of another in another (the error names each reading), a number has a fraction
            or is not finite, or ``iso`` is text that is not ASCII digits.
        :raises TypeError: if not exactly one of ``key``, ``iso``, ``cow`` and ``gw`` is
            given, or one is neither text, a whole number nor a :class:`Partner` (a bool,
            bytes); a number may be of any integral type, or a float with no fraction.
        """
        return self._lookup.partner(key, iso=iso, cow=cow, gw=gw, default=default)

    def programmes(self, partner: str | Partner | None = None) -> Results[Programme]:
        """Every programme, or those a partner has taken part in, oldest first.

        :param partner: a partner key as for :meth:`partner`, or ``None`` for all.
        :returns: the programmes; those with no known start come last.
        :raises NotFoundError: if the partner is unknown.
        """
        if partner is None:
            return self._programmes
        ids = {m.programme for m in self._held.find(self.partner(partner).code, None)}
        return Results((p for p in self._programmes if p.id in ids), Programme, self)

    def programme(self, key: str | Programme) -> Programme:
        """Find a programme by id, acronym or name, any case.

        :param key: such as ``"pfp"``, ``"PfP"`` or ``"Partnership for Peace"``; a
            :class:`Programme` record must be the dataset's own or equal to it.
        :returns: the programme, the dataset's own record.
        :raises NotFoundError: if none matches (a record from another dataset, or a
            changed copy, matches none); the error names the close matches.
        """
        return self._lookup.programme(key)

    # -- memberships ---------------------------------------------------------------------

    def memberships(
        self,
        partner: str | Partner | None = None,
        programme: str | Programme | None = None,
        on: DateLike | None = None,
    ) -> Results[Membership]:
        """Memberships, in the order they began, optionally filtered.

        These are the records the dataset holds, not a claim that there are no others:
        ask :meth:`participates` or :meth:`members` for an answer about a programme.

        :param partner: keep only this partner's (any key :meth:`partner` accepts).
        :param programme: keep only this programme's (any key :meth:`programme` accepts).
        :param on: keep only those in force on some day of this period, or whose imprecise
            or missing dates leave it open (see :meth:`Membership.in_force`).
        :returns: the memberships.
        :raises NotFoundError: if the partner or the programme is unknown.
        :raises ValueError: if ``on`` is not a date.
        """
        found = self._held.find(None if partner is None else self.partner(partner).code,
                                None if programme is None else self.programme(programme).id)
        if on is None:
            return self._results(found, Membership)
        first, last = _period_days(on)
        return Results(_filters.may_be_in_force(found, first, last), Membership, self)

    def membership(self, id: str) -> Membership:
        """Find a membership by its id, such as ``"AZE/pfp"`` or ``"MLT/pfp/2"``.

        An id from before version 0.2, which held the joining date
        (``"AZE/pfp/1994-05-04"``, ``"JPN/partners-across-the-globe/undated"``), finds the
        same membership, even after a later correction of that date.

        :param id: the membership's id, as :attr:`Membership.id` and the panel's
            ``membership`` column give it.
        :returns: the membership.
        :raises NotFoundError: if no membership has that id; the error names close ids.
        """
        return self._held.by_id(id)

    def status(
        self, partner: str | Partner, programme: str | Programme, on: DateLike | None = None,
    ) -> Status | NotKnown:
        """A partner's standing in a programme on a day or in a period.

        The rules (see :doc:`/knowledge`): a question about a day after the dataset's
        :attr:`horizon` is not known; before the partner existed as a state the answer is
        :attr:`~nato_partners.Status.STATE_NOT_IN_EXISTENCE`, before the programme existed
        :attr:`~nato_partners.Status.PROGRAMME_NOT_IN_EXISTENCE`; a membership in force on
        some day of the period gives its role (``MEMBER``, ``ASSOCIATE`` or ``OBSERVER``),
        or ``SUSPENDED`` if it was suspended on some day of it; no membership gives
        ``NOT_A_MEMBER`` only where the dataset holds the programme's whole membership.
        Anything the dates leave open is a :class:`~nato_partners.NotKnown`.

        :param partner: any key :meth:`partner` accepts.
        :param programme: any key :meth:`programme` accepts.
        :param on: a date or period, as for :meth:`memberships`; ``None`` asks about the
            horizon.
        :returns: a :class:`~nato_partners.Status`, or :class:`~nato_partners.NotKnown`.
        :raises NotFoundError: if the partner or the programme is unknown.
        :raises ValueError: if ``on`` is not a date.
        """
        return self._read(partner, programme, on).final

    def participates(
        self, partner: str | Partner, programme: str | Programme, on: DateLike | None = None,
        *, active: bool = False,
    ) -> bool | NotKnown:
        """Tell whether a partner was a member of a programme, ever or in a given period.

        This asks about formal membership, as NATO counts members and as :meth:`members`,
        :meth:`member_counts` and the panels do: a partner whose participation was
        suspended (Russia in the EAPC since 2014) is still a member. Ask with
        ``active=True`` whether it took part without suspension on some day of the period.

        The answer is ``True`` when a membership the dataset holds was in force, whatever
        days its partial dates stand for. It is ``False`` only when the data rules it out:
        the partner or the programme did not exist in the period, or the dataset holds the
        programme's complete membership (its ``members_complete``) and no membership of the
        partner's was in force. Otherwise, and for any day after the dataset's
        :attr:`horizon`, it is a :class:`~nato_partners.NotKnown`, which says why and has
        no truth value (see :doc:`/knowledge`).

        :param partner: any key :meth:`partner` accepts.
        :param programme: any key :meth:`programme` accepts.
        :param on: a date or period, as for :meth:`memberships`; ``None`` asks "ever", up to
            the horizon.
        :param active: ask whether the partner took part without suspension, instead.
        :returns: ``True``, ``False`` or :class:`~nato_partners.NotKnown`.
        :raises NotFoundError: if the partner or the programme is unknown.
        :raises ValueError: if ``on`` is not a date.
        :raises TypeError: if ``active`` is not a bool.
        """
        if active is not False and active is not True:
            _params.flag(active, "active")
        if on is None:
            who, what = self.partner(partner), self.programme(programme)
            return _rules.ever(who, what, self._held.find(who.code, what.id), self._horizon,
                               active)
        return _rules.participated(self._read(partner, programme, on), active, on)

    def _read(self, partner: str | Partner, programme: str | Programme,
              on: DateLike | None) -> _rules.Reading:
        who, what = self.partner(partner), self.programme(programme)
        if on is None:
            first = last = self._horizon
            period: object = self.horizon
        else:
            # The date itself, written out only if a reason needs it.
            period = _period(on)
            first, last = period._first, period._last
        return _rules.read(who, what, self._held.find(who.code, what.id),
                           first, last, self._horizon, period)

    def members(
        self, programme: str | Programme, on: DateLike | None = None, *,
        known_only: bool = False, roles: Iterable[Status | str] = FULL_MEMBERS,
    ) -> Results[Partner]:
        """The partners that were members of a programme, in the order they first joined.

        A suspended member is a member, as NATO counts them (see :meth:`participates`).
        Only full members are listed unless ``roles`` asks for observers or associates too,
        as :meth:`member_counts` counts them and as the panels code them (1, not 2 or 3).
        The list is whole or it is not given: if the dataset does not hold the programme's
        complete membership, if imprecise or missing dates leave open whether a partner
        was a member in the period, or if the period runs past the dataset's
        :attr:`horizon`, this raises :class:`~nato_partners.NotKnownError` rather than
        return a list that would pass for the whole one.

        :param programme: any key :meth:`programme` accepts, such as ``"pfp"`` or ``"nato"``.
        :param on: keep only partners whose membership was in force at some time in this
            period; ``None`` keeps every partner that ever took part, up to the horizon.
        :param known_only: give the partners the data shows to be members, and leave out
            those it cannot tell about, instead of raising. The list may then be partial.
        :param roles: the standings that count, of :attr:`~nato_partners.Status.MEMBER`,
            :attr:`~nato_partners.Status.ASSOCIATE` and
            :attr:`~nato_partners.Status.OBSERVER` (or their words, such as
            ``"observer"``); full members only by default.
        :returns: the partners; those whose joining is undated come last, by code.
        :raises NotFoundError: if the programme is unknown.
        :raises NotKnownError: if the data cannot give the whole list, unless
            ``known_only`` is true.
        :raises ValueError: if ``on`` is not a date or a role is not one of the three.
        :raises TypeError: if ``known_only`` is not a bool, or ``roles`` holds something
            other than statuses or their words.
        """
        _params.flag(known_only, "known_only")
        chosen = _params.roles(roles)
        what = self.programme(programme)
        codes = _rules.members(what, self._held.in_roles(what.id, chosen),
                               None if on is None else _period(on), self._horizon,
                               known_only, self.partner)
        return Results(map(self.partner, codes), Partner, self)

    @overload
    def member_counts(
        self, programme: str | Programme, years: Iterable[int] | None = None, *,
        known_only: Literal[True], roles: Iterable[Status | str] = FULL_MEMBERS,
    ) -> dict[int, int]: ...

    @overload
    def member_counts(
        self, programme: str | Programme, years: Iterable[int] | None = None, *,
        known_only: bool = False, roles: Iterable[Status | str] = FULL_MEMBERS,
    ) -> dict[int, int | NotKnown]: ...

    def member_counts(
        self, programme: str | Programme, years: Iterable[int] | None = None, *,
        known_only: bool = False, roles: Iterable[Status | str] = FULL_MEMBERS,
    ) -> dict[int, int] | dict[int, int | NotKnown]:
        """How many partners were members of a programme in each year.

        A partner counts in a year if it was a member on any day of it, as :meth:`members`
        lists them (a suspended member included, full members only unless ``roles`` says
        otherwise). A year whose count turns on dates the data does not hold precisely
        enough, or that runs past the :attr:`horizon`, has a
        :class:`~nato_partners.NotKnown` in place of a number, never one that is too small.

        :param programme: any key :meth:`programme` accepts.
        :param years: the years to count; by default every year from the programme's
            establishment (or its first dated joining) to the year it ended, or to the
            horizon's year.
        :param known_only: count only the partners the data shows to be members, so every
            year has a number, which may be too small.
        :param roles: the standings that count, as for :meth:`members`; full members
            only by default.
        :returns: a dict from year to the number of partners (or
            :class:`~nato_partners.NotKnown`), in year order.
        :raises NotFoundError: if the programme is unknown.
        :raises NotKnownError: if the dataset does not hold the programme's complete
            membership, unless ``known_only`` is true.
        :raises TypeError: if a year is not a whole number, ``known_only`` is not a bool or
            ``roles`` holds something other than statuses or their words.
        :raises ValueError: if a year is outside 1-9999 or a role is not one of the three.
        """
        _params.flag(known_only, "known_only")
        chosen = _params.roles(roles)
        if years is not None:
            years = _params.years(years)
        what = self.programme(programme)
        return _rules.member_counts(what, self._held.find(None, what.id),
                                    self._held.in_roles(what.id, chosen), years,
                                    self._horizon, known_only, self.partner)

    # -- milestones ----------------------------------------------------------------------

    def milestones(
        self,
        partner: str | Partner | None = None,
        programme: str | Programme | None = None,
        kind: MilestoneKind | str | None = None,
        area: Area | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> Results[Milestone]:
        """Milestones in date order, undated ones last, optionally filtered.

        :param partner: keep only this partner's.
        :param programme: keep only those of this programme.
        :param kind: keep only this kind, as a :class:`MilestoneKind` or its value.
        :param area: keep only those in this area, as an :class:`Area` or its value.
        :param since: keep only those whose date begins in or after this period.
        :param until: keep only those whose date begins in or before this period. Either
            date filter leaves undated milestones out.
        :returns: the milestones.
        :raises NotFoundError: if the partner or the programme is unknown.
        :raises ValueError: if a kind, an area or a date is not valid, or ``since`` comes
            after ``until``.
        """
        wanted: dict[str, str] = {}  # the text of each filter, as the index keys hold it
        if partner is not None:
            wanted["partner"] = self.partner(partner).code
        if programme is not None:
            wanted["programme"] = self.programme(programme).id
        if kind is not None:
            wanted["kind"] = _params.vocabulary(MilestoneKind, kind, "kind").value
        if area is not None:
            wanted["area"] = _params.vocabulary(Area, area, "area").value
        first = last = None
        if since is not None or until is not None:  # a timeline has neither: no call
            first, last = _params.day_range(since, until)
        return Results(self._milestones.find(wanted, first, last), Milestone, self)

    def timeline(self, partner: str | Partner) -> Results[Milestone]:
        """A partner's milestones in date order, undated ones last.

        :param partner: any key :meth:`partner` accepts.
        :returns: the milestones.
        :raises NotFoundError: if the partner is unknown.
        """
        return self.milestones(partner=partner)

    # -- projects, sources, search -------------------------------------------------------

    def trust_fund_projects(
        self, partner: str | Partner | None = None,
        funding: Funding | str | None = Funding.TRUST_FUND,
    ) -> Results[TrustFundProject]:
        """Trust Fund projects in the order they started, optionally for one partner.

        The projects the Science for Peace and Security Programme paid for are kept apart:
        ask for them with ``funding="sps"``, or for every project with ``funding=None``.

        :param partner: any key :meth:`partner` accepts, or ``None`` for all.
        :param funding: ``"trust-fund"`` (the default), ``"sps"``, or ``None`` for both.
        :returns: the projects; those with no known start come last.
        :raises NotFoundError: if the partner is unknown.
        :raises ValueError: if ``funding`` is not a kind of funding.
        """
        code = None if partner is None else self.partner(partner).code
        kind = None if funding is None else _params.funding(funding)
        return self._results(_filters.projects(self._projects, code, kind), TrustFundProject)

    def sources(self, partner: str | Partner | None = None) -> Results[Source]:
        """Every source, or every source behind a partner's records, by id.

        :param partner: any key :meth:`partner` accepts, or ``None`` for all.
        :returns: the sources.
        :raises NotFoundError: if the partner is unknown.
        """
        if partner is None:
            return self._sources
        found = self.partner(partner)
        return Results(_filters.cited((
            found, *self.programmes(found), *self.memberships(found), *self.timeline(found),
            *self.trust_fund_projects(found, funding=None))), Source, self)

    def records(self, cls: type[_S]) -> Results[_S]:
        """Every record of one kind, in the order its own query lists them.

        :param cls: a record class held in data files: :class:`~nato_partners.Source`,
            :class:`~nato_partners.Partner`, :class:`~nato_partners.Programme`,
            :class:`~nato_partners.Membership`, :class:`~nato_partners.Milestone` or
            :class:`~nato_partners.TrustFundProject` (of every funding).
        :returns: the records.
        :raises TypeError: if ``cls`` is not such a class.
        """
        held: dict[type[Any], Results[Any]] = {
            Source: self._sources, Partner: self._partners, Programme: self._programmes,
            Membership: self._memberships, TrustFundProject: self._projects,
            Milestone: Results(self._milestones.records, Milestone, self)}
        if cls not in held:
            names = ", ".join(kind.cls.__name__ for kind in STORED)
            raise TypeError(f"a dataset holds records of {names}, "
                            f"not {getattr(cls, '__name__', cls)!r}")
        return held[cls]

    def search(self, text: str) -> Results[Record]:
        """Every record whose text mentions ``text``, ignoring case.

        A record's text is all its fields (figures as plain digits, such as ``640000``),
        the readable labels of its vocabulary words, its note, and the ids, titles and
        publishers of its sources.

        :param text: what to look for.
        :returns: the matching partners, programmes, memberships, milestones and projects,
            in that order.
        :raises ValueError: if ``text`` is empty.
        """
        needle = _params.needle(text)
        searched = self._text
        if searched is None:
            # Both texts are made before either is seen (see SearchText); matching is
            # imported here, as by matches(): a first question has no need of it.
            from .matching import SearchText

            searched = self._text = SearchText.of(
                (*self._partners, *self._programmes, *self._memberships,
                 *self._milestones.records, *self._projects), self._sources)
        return Results(searched.find(needle), None, self)

    def matches(self, text: str) -> Results[Match]:
        """Where :meth:`search` finds ``text``: each matching field, with its context.

        :param text: what to look for.
        :returns: a :class:`~nato_partners.Match` per record and field that holds it, in
            the order of :meth:`search`: one narrow table for records of every kind.
        :raises ValueError: if ``text`` is empty.
        """
        from .matching import field_texts

        needle = _params.needle(text)
        return Results((match for record in self.search(text)
                        for match in field_texts(record, needle)), Match, self)
