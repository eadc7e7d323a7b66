"""The records the dataset is made of, and the closed vocabularies they use.

Every record is a frozen, slotted :mod:`attrs` class whose fields are set by keyword.
Collections inside records are tuples, so a record can be hashed and never changes.
Every record but :class:`Source` carries the sources its facts come from, a
:class:`Confidence` in those facts, and an optional ``note`` for what a reader must know,
such as two sources that disagree.
"""

from __future__ import annotations

import datetime
import enum

import attrs

from ._html import HtmlRepr
from .dates import (
    BEFORE,
    NEVER,
    Certainty,
    DateLike,
    PartialDate,
    Precision,
    _certainty,
    _overlap,
    _period_days,
)

__all__ = [
    "MAX_WHOLE_NUMBER",
    "Area",
    "Confidence",
    "Coverage",
    "DatasetInfo",
    "Funding",
    "Match",
    "Membership",
    "Milestone",
    "MilestoneKind",
    "Mission",
    "Partner",
    "Programme",
    "ProgrammeKind",
    "ProjectStatus",
    "Record",
    "Region",
    "Source",
    "StateSpell",
    "StateSystem",
    "TrustFundProject",
    "Vocabulary",
]

#: The largest whole number a field holds (and the smallest, negated): 2**53 - 1, the last
#: that every export keeps exactly. TOML and JSON keep any, but a float64 column (pandas
#: with a missing value, JavaScript's numbers) rounds larger ones, and Arrow's and pandas'
#: 64-bit integers overflow; the loader refuses them rather than let an export change them.
MAX_WHOLE_NUMBER = 2**53 - 1


class Vocabulary(enum.Enum):
    """The base of every closed vocabulary: its values are the words the data files use."""

    # Enum hashes a member by its name in Python code, once per set or dict lookup: a load
    # hashes kinds and areas hundreds of thousands of times. A member is its own singleton
    # and equal only to itself, so the object's own hash, in C, is as good.
    __hash__ = object.__hash__

    @property
    def label(self) -> str:
        """The value as a reader would write it, such as ``"Cyber defence"``."""
        value = str(self.value)
        return _LABELS.get(value) or value.replace("-", " ").capitalize()


# Words whose hyphen belongs to the word, which the rule above would break apart.
_LABELS = {"euro-atlantic": "Euro-Atlantic", "counter-terrorism": "Counter-terrorism"}


class Confidence(Vocabulary):
    """How well the sources back a record's facts.

    The marks follow the sourced facts the data was built from: ``high`` is an official
    NATO or government page, or two independent sources that agree; ``medium`` is one
    reputable source; ``low`` is sources that conflict, or a single report that nothing
    else confirms, and such a record's ``note`` says which.
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Region(Vocabulary):
    """The partnership region a partner belongs to."""

    EURO_ATLANTIC = "euro-atlantic"
    MEDITERRANEAN = "mediterranean"
    GULF = "gulf"
    GLOBAL = "global"


class ProgrammeKind(Vocabulary):
    """What sort of framework a :class:`Programme` is."""

    ALLIANCE = "alliance"
    FORUM = "forum"
    PARTNERSHIP = "partnership"
    INITIATIVE = "initiative"
    PLAN = "plan"
    PROCESS = "process"
    SCIENCE = "science"
    ASSEMBLY = "assembly"
    OPERATION = "operation"


class MilestoneKind(Vocabulary):
    """What happened at a :class:`Milestone`."""

    JOINED = "joined"
    LEFT = "left"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    #: One side halted part of the relationship (meetings, a mission, most cooperation)
    #: without ending or suspending a membership the data holds.
    PAUSED = "paused"
    SIGNED = "signed"
    SUBMITTED = "submitted"
    INVITED = "invited"
    APPROVED = "approved"
    ESTABLISHED = "established"
    APPOINTED = "appointed"
    VISIT = "visit"
    TRAINING = "training"
    RESEARCH = "research"
    PROJECT = "project"
    CONTRIBUTION = "contribution"
    DEPLOYMENT = "deployment"
    WITHDRAWAL = "withdrawal"


class Area(Vocabulary):
    """A field of practical cooperation."""

    CYBER_DEFENCE = "cyber-defence"
    COUNTER_TERRORISM = "counter-terrorism"
    PUBLIC_DIPLOMACY = "public-diplomacy"
    STRATEGIC_COMMUNICATIONS = "strategic-communications"
    COUNTERING_DISINFORMATION = "countering-disinformation"
    DEMILITARIZATION = "demilitarization"
    PEACE_SUPPORT = "peace-support"
    DEFENCE_PLANNING = "defence-planning"
    SCIENCE = "science"
    PARLIAMENTARY = "parliamentary"


class ProjectStatus(Vocabulary):
    """Where a :class:`TrustFundProject` stands."""

    PROPOSED = "proposed"
    ACTIVE = "active"
    COMPLETED = "completed"


class Funding(Vocabulary):
    """Who pays for a :class:`TrustFundProject`."""

    #: A NATO Trust Fund: Allies and partners give, lead nations run it.
    TRUST_FUND = "trust-fund"
    #: NATO's Science for Peace and Security Programme.
    SPS = "sps"


class StateSystem(Vocabulary):
    """A list of the world's states that researchers code their data by."""

    #: The Correlates of War State System Membership List.
    COW = "cow"
    #: Gleditsch and Ward's list of independent states.
    GW = "gw"


@attrs.frozen(kw_only=True)
class DatasetInfo(HtmlRepr):
    """What a dataset directory says about itself, in its ``dataset.toml``.

    :param format: the version of the file layout, so that readers can tell old from new.
    :param version: the version of the data itself, such as ``"2026.11.28"``.
    :param reviewed: when the data was last checked against its sources. It is the
        dataset's horizon: the data knows nothing after it, so a question about a later
        day is not known (see :doc:`/knowledge`).
    :param title: a short name for the dataset.
    :param description: what the dataset covers.
    """

    format: int
    version: str
    reviewed: PartialDate
    title: str
    description: str | None = None


@attrs.frozen(kw_only=True)
class Source(HtmlRepr):
    """A document that records cite for their facts.

    :param id: a short slug that data files use to cite the source.
    :param title: the document's title, or a plain description where it has none.
    :param publisher: who published it.
    :param author: who wrote it, where the document names an author other than its
        publisher (a journalist, an official giving a speech); ``None`` when the
        publisher is the author.
    :param url: where to read it, or ``None`` for a document that is not online.
    :param published: when it was published, as precisely as known, or ``None``.
    :param note: what a reader should know about the source itself.
    """

    id: str
    title: str
    publisher: str
    author: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    note: str | None = None

    def __repr__(self) -> str:
        # Records cite many sources; naming them by id keeps a record's repr readable.
        return f"Source({self.id!r})"


@attrs.frozen(kw_only=True)
class Mission(HtmlRepr):
    """A partner's diplomatic mission to NATO.

    :param name: the mission's name.
    :param established: when it was set up, or ``None`` if no source says.
    :param head: the head of mission named by the latest source.
    :param head_title: the head's title.
    :param confidence: how well the partner's sources back these facts, which may be less
        well than the rest of the partner record (a founding date from one encyclopaedia,
        say); the partner's ``note`` says why.
    """

    name: str
    established: PartialDate | None = None
    head: str | None = None
    head_title: str | None = None
    confidence: Confidence = Confidence.HIGH


@attrs.frozen(kw_only=True)
class StateSpell(HtmlRepr):
    """A period in which a country was a state of a state list, under one code.

    A country can have several: Germany is 260 in the Correlates of War list from 1955
    until unification and 255 after it; a state occupied or annexed for a time leaves the
    list and comes back.

    :param system: the list.
    :param code: the state's code in that list for the period.
    :param start: the first day of the period, as the list gives it.
    :param end: the last day of the period, or ``None`` while the state is in the list.
    """

    system: StateSystem
    code: int
    start: PartialDate
    end: PartialDate | None = None

    @property
    def label(self) -> str:
        """The period in words, such as ``"COW 260, 1955-05-05 to 1990-10-02"``.

        A period not ended reads ``"GW 260, from 1949-09-21"``.
        """
        if self.end is None:
            return f"{self.system.name} {self.code}, from {self.start}"
        return f"{self.system.name} {self.code}, {self.start} to {self.end}"


@attrs.frozen(kw_only=True)
class Partner(HtmlRepr):
    """A country in the dataset: a NATO partner, a former partner, or an Ally.

    The record type is named for what most of the dataset's countries are. An Ally is a
    country with a membership of the programme ``nato`` in force; the Allies that never
    were partners are in the dataset too, so that the Alliance's membership is complete.
    :meth:`Dataset.partners <nato_partners.Dataset.partners>` can keep or leave them out.

    :param code: the ISO 3166-1 alpha-3 code, such as ``"AZE"``.
    :param alpha2: the ISO 3166-1 alpha-2 code, such as ``"AZ"``.
    :param iso_numeric: the ISO 3166-1 numeric code, three digits as text, such as
        ``"031"``.
    :param cow_code: the Correlates of War state code the country has today (or had last),
        such as ``373``, for merging with COW-coded data; ``None`` where the COW list has
        none. ``states`` gives the code of each period.
    :param gw_code: the Gleditsch-Ward state code of today (or the last one), which differs
        from the COW code for a few states (the partner's ``note`` says how).
    :param name: the short English name.
    :param official_name: the formal name, where a source gives it.
    :param region: the partnership region.
    :param aliases: other names and spellings a user may search by.
    :param mission: the partner's mission to NATO, where a source describes it.
    :param states: the periods in which the country existed as a state, with its code in
        each, from the COW and Gleditsch-Ward lists. A country is a state on the days some
        period of either list covers; before it existed it had no memberships, and a
        question about such a day is answered so. A partner with no periods (a dataset
        that does not record them) is taken to have existed throughout.
    :param sources: the sources for the facts in this record.
    :param confidence: how well the sources back them.
    :param note: what a reader must know about the record.
    """

    code: str
    alpha2: str
    iso_numeric: str | None = None
    cow_code: int | None = None
    gw_code: int | None = None
    name: str
    official_name: str | None = None
    region: Region
    aliases: tuple[str, ...] = ()
    mission: Mission | None = None
    states: tuple[StateSpell, ...] = ()
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    @property
    def id(self) -> str:
        """The partner's key, its alpha-3 ``code``, so that every record has an ``id``."""
        return self.code

    def state_code(self, system: StateSystem | str, on: DateLike) -> int | None:
        """The partner's code in a state list on a day, such as Germany's COW 260 in 1980.

        :param system: ``"cow"`` or ``"gw"`` (or a :class:`StateSystem`).
        :param on: the day, or a period: the code of its last day the state was listed.
        :returns: the code, or ``None`` if the list did not hold the state then. A partner
            that records no periods gives its ``cow_code`` or ``gw_code``.
        :raises ValueError: if ``system`` is not a state list or ``on`` is not a date.
        """
        system = StateSystem(system)
        spells = [s for s in self.states if s.system is system]
        if not spells:
            return self.cow_code if system is StateSystem.COW else self.gw_code
        first, last = _period_days(on)
        found = [s for s in spells if s.start._first <= last
                 and (s.end is None or s.end._last >= first)]
        return max(found, key=lambda s: s.start._first).code if found else None


@attrs.frozen(kw_only=True)
class Programme(HtmlRepr):
    """A partnership framework, forum, plan or operation that partners take part in.

    :param id: a short lower-case slug, such as ``"pfp"``.
    :param name: the full name as the sources give it.
    :param acronym: the usual abbreviation, such as ``"PfP"``.
    :param kind: what sort of framework it is.
    :param established: when it began, or ``None`` if no source says.
    :param ended: when it ended, or ``None`` while it goes on (or no source says).
    :param succeeded_by: the id of the programme that replaced it, if any.
    :param members_complete: whether the dataset holds every membership the programme
        ever had. Only then does a partner with no membership in force count as not a
        member; otherwise the data cannot tell (see :doc:`/knowledge`).
    :param description: what it is, in a sentence or two.
    :param sources: the sources for the facts in this record.
    :param confidence: how well the sources back them.
    :param note: what a reader must know about the record.
    """

    id: str
    name: str
    acronym: str | None = None
    kind: ProgrammeKind
    established: PartialDate | None = None
    ended: PartialDate | None = None
    succeeded_by: str | None = None
    members_complete: bool = False
    description: str
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None


@attrs.frozen(kw_only=True)
class Membership(HtmlRepr):
    """A partner's participation in a programme, from the day it joined to the day it left.

    A membership is in force from ``joined`` up to, not including, ``left``. A suspension
    does not end it: from ``suspended`` (up to ``resumed``, if it came) the partner is a
    member whose participation is suspended, as NATO counts Russia and Belarus among the
    members of the EAPC. Where the sources show that a membership ended without dating the
    end, ``left_by`` says by when it had ended, and ``known_until`` how long it is known to
    have lasted; between the two the answer is not known.

    :param partner: the partner's alpha-3 code.
    :param programme: the programme's id.
    :param joined: when the participation began, or ``None`` when the sources confirm the
        membership but give no date (a question about a date is then not known).
    :param left: when it ended, or ``None`` while it goes on (up to the dataset's horizon)
        or when no source dates the end.
    :param left_by: for a membership that ended on a day no source gives, a date by which
        it had ended (such as a page that no longer lists the partner); ``None`` otherwise.
    :param known_until: the latest date the sources show the membership in force, for one
        whose end is not dated: after it, and before ``left_by`` (or the horizon), the
        answer is not known.
    :param suspended: when NATO (or the partner) suspended the participation, if it did;
        the partner stays a member, with the status "suspended".
    :param resumed: when a suspended participation resumed, if it did.
    :param role: the partner's standing where the programme has several, such as
        ``"observer"``.
    :param spell: which of the partner's memberships of the programme this is, for a
        partner that joined more than once (Malta's second Partnership for Peace
        membership is spell 2); it numbers the ``id``, so correcting a date never
        changes a record's id.
    :param sources: the sources for the facts in this record.
    :param confidence: how well the sources back them.
    :param note: what a reader must know about the record.
    """

    partner: str
    programme: str
    spell: int = 1
    joined: PartialDate | None = None
    left: PartialDate | None = None
    left_by: PartialDate | None = None
    known_until: PartialDate | None = None
    suspended: PartialDate | None = None
    resumed: PartialDate | None = None
    role: str | None = None
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    @property
    def id(self) -> str:
        """A stable key, unique within a dataset: ``AZE/pfp``, or ``MLT/pfp/2`` for a spell.

        It holds no date (ids before version 0.2 did, as ``AZE/pfp/1994-05-04``;
        :meth:`Dataset.membership` still finds a membership by such an id).
        """
        if self.spell == 1:
            return f"{self.partner}/{self.programme}"
        return f"{self.partner}/{self.programme}/{self.spell}"

    @property
    def ends(self) -> PartialDate | None:
        """The date the membership ended, as precisely as known, or ``None``.

        This is ``left``, or ``left_by`` for an end no source dates (the membership ended
        on or before that date). A suspension does not end a membership.
        """
        return self.left or self.left_by

    def in_force(self, first: datetime.date, last: datetime.date) -> Certainty:
        """Tell whether the membership was in force on some day from ``first`` to ``last``.

        A partial date may be any day of its period, so the answer is
        :attr:`~nato_partners.Certainty.YES` only if it holds whichever days ``joined`` and
        the end really were, :attr:`~nato_partners.Certainty.NO` only if it holds for none,
        and :attr:`~nato_partners.Certainty.MAYBE` otherwise, as for a membership that
        joined in March 1992 asked about 5 March 1992, or one the sources do not date.
        A suspended membership is in force (see :meth:`suspended_in`). This knows nothing
        of the dataset's horizon: :meth:`Dataset.status <nato_partners.Dataset.status>`
        does.

        :param first: the first day of the period asked about.
        :param last: the last day of the period asked about.
        :returns: whether the membership overlaps the period.
        """
        return self._certainty(first.toordinal(), last.toordinal())

    def _certainty(self, first: int, last: int) -> Certainty:
        """:meth:`in_force` for day numbers (``date.toordinal()``), as questions ask it."""
        return _certainty(*_overlap(first, last, *self._span()))

    def suspended_in(self, first: datetime.date, last: datetime.date) -> Certainty:
        """Tell whether the membership was in force and suspended on some day of a period.

        :param first: the first day of the period asked about.
        :param last: the last day of the period asked about.
        :returns: :attr:`~nato_partners.Certainty.YES`, ``MAYBE`` or ``NO``, as for
            :meth:`in_force`.
        """
        span = self._suspension()
        if span is None:
            return Certainty.NO
        return _certainty(*_overlap(first.toordinal(), last.toordinal(), *span))

    # The day bounds of the membership, as (earliest, latest) day numbers of its first day
    # and of the first day after it; every rule that asks whether a membership was in
    # force (dataset questions, panels, plots) reads them from here.

    def _span(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """When the membership began and when it stopped, as day bounds."""
        joined, left = self.joined, self.left
        start = (BEFORE, NEVER) if joined is None else (joined._first, joined._last)
        if joined is None:
            # Undated, but in force on a day the sources show: through known_until's first
            # day, or when it was suspended (a suspended partner is still a member).
            shown: list[int] = []
            if self.known_until is not None:
                shown.append(self.known_until._first)
            if self.suspended is not None:
                shown.append(self.suspended._last)
            if shown:
                start = (BEFORE, min(shown))
        if left is not None:
            return start, (left._first, left._last)
        # Known in force through known_until's first day: it stopped on a later day.
        soonest = start[0] if self.known_until is None else self.known_until._first + 1
        if self.left_by is not None:
            return start, (soonest, self.left_by._last)
        return start, (NEVER if self.known_until is None else soonest, NEVER)

    def _suspension(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """When the suspension began and stopped (at its resumption or the membership's
        end), as day bounds; ``None`` for a membership never suspended."""
        if self.suspended is None:
            return None
        end = self._span()[1]
        resumed = self.resumed
        if resumed is not None:
            end = (min(end[0], resumed._first), min(end[1], resumed._last))
        return (self.suspended._first, self.suspended._last), end

    def _active(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The spans in which the membership was in force and not suspended."""
        start, end = self._span()
        suspension = self._suspension()
        if suspension is None:
            return [(start, end)]
        stopped = suspension[0]
        spans = [(start, (min(end[0], stopped[0]), min(end[1], stopped[1])))]
        if self.resumed is not None:
            spans.append(((self.resumed._first, self.resumed._last), end))
        return spans


@attrs.frozen(kw_only=True)
class Milestone(HtmlRepr):
    """An event in a partner's relations with NATO.

    :param id: a unique slug.
    :param partner: the partner's alpha-3 code.
    :param date: when it happened, or ``None`` when no source dates it.
    :param kind: what happened.
    :param title: a one-line headline.
    :param summary: what happened, in a few sentences.
    :param programme: the id of the programme it belongs to, if any.
    :param areas: the fields of cooperation it concerns.
    :param sources: the sources for the facts in this record.
    :param confidence: how well the sources back them.
    :param note: what a reader must know about the record.
    """

    id: str
    partner: str
    date: PartialDate | None = None
    kind: MilestoneKind
    title: str
    summary: str
    programme: str | None = None
    areas: tuple[Area, ...] = ()
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None


@attrs.frozen(kw_only=True)
class TrustFundProject(HtmlRepr):
    """A project NATO paid for with a partner: from a Trust Fund, or from the SPS Programme.

    ``funding`` says which. Figures come in pairs: what the project set out to do
    (``*_planned``, the budget) and what it did (``items_disposed``, ``area_cleared_m2``,
    ``spent_eur``...), each only where a source gives it, so a target is never read as a
    result.

    :param id: a unique slug.
    :param name: the project's name.
    :param partner: the partner's alpha-3 code.
    :param executing_agency: the agency that carried the project out.
    :param partner_agency: the partner's own agency in the project, if any.
    :param lead_nations: the Allies that led it.
    :param start: when work began, if a source says.
    :param end: when it was completed, if it was and a source says.
    :param status: where it stood when the sources last reported on it: an ``active``
        project is one a source described as running, not a fact about later days.
    :param status_as_of: when that was, where the sources say (the date of the latest
        report of the status); ``None`` where they do not.
    :param purpose: what it set out to do.
    :param funding: who paid: a NATO Trust Fund (the default) or the Science for Peace and
        Security Programme, whose projects
        :meth:`~nato_partners.Dataset.trust_fund_projects` lists apart.
    :param items_planned: how many items (ordnance, mines, small arms, missiles) the
        project set out to destroy, as announced.
    :param items_disposed: how many items were destroyed, as reported after the work.
    :param tonnes_planned: how many tonnes of ammunition, rocket fuel or chemicals the
        project set out to destroy.
    :param tonnes_disposed: how many tonnes were destroyed.
    :param people_planned: how many people a defence-reform project set out to retrain or
        resettle.
    :param people_retrained: how many it retrained or resettled.
    :param area_planned_m2: the area to clear, in square metres.
    :param area_cleared_m2: the area cleared, in square metres.
    :param budget_eur: the budget in euros, as planned or pledged.
    :param budget_amount: the budget where the sources give it in another currency...
    :param budget_currency: ...and that currency's ISO 4217 code, such as ``"USD"``.
    :param spent_eur: what the project cost in the end, in euros, where a source says.
    :param site: where the work was done.
    :param sources: the sources for the facts in this record.
    :param confidence: how well the sources back them.
    :param note: what a reader must know about the record.
    """

    id: str
    name: str
    partner: str
    executing_agency: str
    partner_agency: str | None = None
    lead_nations: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    status: ProjectStatus
    status_as_of: PartialDate | None = None
    purpose: str
    funding: Funding = Funding.TRUST_FUND
    items_planned: int | None = None
    items_disposed: int | None = None
    tonnes_planned: float | None = None
    tonnes_disposed: float | None = None
    people_planned: int | None = None
    people_retrained: int | None = None
    area_planned_m2: float | None = None
    area_cleared_m2: float | None = None
    budget_eur: float | None = None
    budget_amount: float | None = None
    budget_currency: str | None = None
    spent_eur: float | None = None
    site: str | None = None
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None


#: Any record a dataset holds that stands for a fact about NATO's partnerships: a
#: :class:`Partner`, :class:`Programme`, :class:`Membership`, :class:`Milestone` or
#: :class:`TrustFundProject` (the type of what :func:`~nato_partners.search` finds).
#: Sources and the :class:`DatasetInfo` are records too, but not facts of this kind.
Record = Partner | Programme | Membership | Milestone | TrustFundProject


# -- rows of reports: made by a function, never held in a data file -------------------


@attrs.frozen(kw_only=True)
class Coverage(HtmlRepr):
    """What the data holds about one partner in one programme.

    :param partner: the partner's alpha-3 code.
    :param programme: the programme's id.
    :param held: whether the data holds a membership.
    :param answer: ``"member on record"``, ``"not a member"`` (the data holds the
        programme's complete membership and none of the partner's) or ``"not known"``.
    :param memberships: how many memberships the data holds.
    :param joined_precision: the coarsest precision of their ``joined`` dates, ``None``
        if none is dated.
    :param undated: whether some membership has no ``joined`` date.
    :param source_kinds: the kinds of source behind them, by publisher (from a list kept
        by hand, ``coverage_report.PUBLISHER_KINDS``): ``nato``, ``government``,
        ``encyclopaedia`` or ``press or other``.
    :param confidence: the lowest confidence among them.
    """

    partner: str
    programme: str
    held: bool
    answer: str
    memberships: int = 0
    joined_precision: Precision | None = None
    undated: bool = False
    source_kinds: tuple[str, ...] = ()
    confidence: Confidence | None = None


@attrs.frozen(kw_only=True)
class Match(HtmlRepr):
    """Where a search found its words in a record.

    One row of a narrow table that mixes record types: which record, which field, and
    the words in their context.

    :param kind: the kind of record, such as ``"milestone"``.
    :param id: the record's id.
    :param partner: the partner the record is about, if any.
    :param date: the record's date (a milestone's date, a membership's joining, a
        project's start, a programme's establishment), if it has one.
    :param field: the field that holds the words, such as ``"summary"`` or ``"sources"``.
    :param excerpt: the words found, with some of the text around them.
    """

    kind: str
    id: str
    partner: str | None = None
    date: PartialDate | None = None
    field: str
    excerpt: str
