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
from .dates import Certainty, PartialDate

__all__ = [
    "Area",
    "Confidence",
    "DatasetInfo",
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
    "TrustFundProject",
    "Vocabulary",
]


class Vocabulary(enum.Enum):
    """The base of every closed vocabulary: its values are the words the data files use."""

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


@attrs.frozen(kw_only=True)
class DatasetInfo(HtmlRepr):
    """What a dataset directory says about itself, in its ``dataset.toml``.

    :param format: the version of the file layout, so that readers can tell old from new.
    :param version: the version of the data itself, such as ``"2026.11.28"``.
    :param reviewed: when the data was last checked against its sources.
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
    :param url: where to read it, or ``None`` for a document that is not online.
    :param published: when it was published, as precisely as known, or ``None``.
    :param note: what a reader should know about the source itself.
    """

    id: str
    title: str
    publisher: str
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
    :param cow_code: the Correlates of War state code, such as ``373``, for merging with
        COW-coded data; ``None`` where the COW list has none.
    :param gw_code: the Gleditsch-Ward state code, which differs from the COW code for a
        few states (the partner's ``note`` says how).
    :param name: the short English name.
    :param official_name: the formal name, where a source gives it.
    :param region: the partnership region.
    :param aliases: other names and spellings a user may search by.
    :param mission: the partner's mission to NATO, where a source describes it.
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
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    @property
    def id(self) -> str:
        """The partner's key, its alpha-3 ``code``, so that every record has an ``id``."""
        return self.code


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

    A membership is in force from the first day of ``joined`` up to, not including, the
    first day of ``left`` or of ``suspended``, whichever comes first.

    :param partner: the partner's alpha-3 code.
    :param programme: the programme's id.
    :param joined: when the participation began, or ``None`` when the sources confirm the
        membership but give no date (a question about a date is then not known).
    :param left: when it ended, or ``None`` while it goes on.
    :param suspended: when NATO suspended practical cooperation under it, if it did; the
        membership is not in force from then on, though it was never formally ended.
    :param role: the partner's standing where the programme has several, such as
        ``"observer"``.
    :param sources: the sources for the facts in this record.
    :param confidence: how well the sources back them.
    :param note: what a reader must know about the record.
    """

    partner: str
    programme: str
    joined: PartialDate | None = None
    left: PartialDate | None = None
    suspended: PartialDate | None = None
    role: str | None = None
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    @property
    def id(self) -> str:
        """A readable key, ``partner/programme/joined``, unique within a dataset."""
        return f"{self.partner}/{self.programme}/{self.joined or 'undated'}"

    @property
    def ends(self) -> PartialDate | None:
        """The date the membership stopped being in force, or ``None`` while it is.

        This is ``left`` or ``suspended``, whichever is earlier.
        """
        stops = [d for d in (self.left, self.suspended) if d is not None]
        return min(stops) if stops else None

    def in_force(self, first: datetime.date, last: datetime.date) -> Certainty:
        """Tell whether the membership was in force on some day from ``first`` to ``last``.

        A partial date may be any day of its period, so the answer is
        :attr:`~nato_partners.Certainty.YES` only if it holds whichever days ``joined`` and
        the end really were, :attr:`~nato_partners.Certainty.NO` only if it holds for none,
        and :attr:`~nato_partners.Certainty.MAYBE` otherwise, as for a membership that
        joined in March 1992 asked about 5 March 1992, or one the sources do not date.

        :param first: the first day of the period asked about.
        :param last: the last day of the period asked about.
        :returns: whether the membership overlaps the period.
        """
        return self._in_force(first.toordinal(), last.toordinal())

    def _in_force(self, first: int, last: int) -> Certainty:
        """:meth:`in_force` for day numbers (``date.toordinal()``), as queries ask it."""
        left, suspended = self.left, self.suspended
        # The end is the first of left and suspended: its earliest and latest possible day.
        if left is None and suspended is None:
            soonest_end = latest_end = None
        elif left is None or suspended is None:
            end = left or suspended
            soonest_end, latest_end = end._first, end._last  # type: ignore[union-attr]
        else:
            soonest_end = min(left._first, suspended._first)
            latest_end = min(left._last, suspended._last)
        joined = self.joined
        if joined is None:
            if latest_end is not None and latest_end <= first:
                return Certainty.NO
            return Certainty.MAYBE
        # No: even joining as early and ending as late as the dates allow misses the period.
        day = max(first, joined._first)
        if day > last or (latest_end is not None and day >= latest_end):
            return Certainty.NO
        # Yes: even joining as late and ending as early as the dates allow meets it.
        day = max(first, joined._last)
        if day <= last and (soonest_end is None or day < soonest_end):
            return Certainty.YES
        return Certainty.MAYBE


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
    """A NATO Trust Fund project carried out with a partner.

    :param id: a unique slug.
    :param name: the project's name.
    :param partner: the partner's alpha-3 code.
    :param executing_agency: the agency that carried the project out.
    :param partner_agency: the partner's own agency in the project, if any.
    :param lead_nations: the Allies that led it.
    :param start: when work began, if a source says.
    :param end: when it was completed, if it was and a source says.
    :param status: where it stands.
    :param purpose: what it set out to do.
    :param items_disposed: how many items (ordnance, mines, small arms, missiles) were
        destroyed, if known.
    :param tonnes_disposed: how many tonnes of ammunition, rocket fuel or chemicals were
        destroyed, if known.
    :param people_retrained: how many people a defence-reform project retrained or
        resettled, if known.
    :param area_m2: the area cleared, in square metres, if known.
    :param budget_eur: the total cost in euros, if known.
    :param budget_amount: the total cost where the sources give it in another currency...
    :param budget_currency: ...and that currency's ISO 4217 code, such as ``"USD"``.
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
    purpose: str
    items_disposed: int | None = None
    tonnes_disposed: float | None = None
    people_retrained: int | None = None
    area_m2: float | None = None
    budget_eur: float | None = None
    budget_amount: float | None = None
    budget_currency: str | None = None
    site: str | None = None
    sources: tuple[Source, ...]
    confidence: Confidence = Confidence.HIGH
    note: str | None = None


#: Any record a dataset holds.
Record = Partner | Programme | Membership | Milestone | TrustFundProject
