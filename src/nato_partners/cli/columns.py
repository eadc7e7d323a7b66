"""The columns each kind of record shows in a table or a CSV file."""

from __future__ import annotations

import operator

import attrs

from .. import (
    Membership,
    Milestone,
    PartialDate,
    Partner,
    Problem,
    Programme,
    Record,
    Source,
    TrustFundProject,
)
from .output import Column

__all__ = [
    "MEMBERSHIP_COLUMNS",
    "MILESTONE_COLUMNS",
    "PARTNER_COLUMNS",
    "PROBLEM_COLUMNS",
    "PROGRAMME_COLUMNS",
    "PROJECT_COLUMNS",
    "SEARCH_COLUMNS",
    "SOURCE_COLUMNS",
    "record_type",
]


# -- what the commands show -------------------------------------------------------------


def _date_column(name: str, title: str, table: bool = True) -> Column:
    return Column(name, title, lambda r: getattr(r, name), table=table, wrap=False, date=True)


PARTNER_COLUMNS = (
    Column("code", "Code", lambda p: p.code, wrap=False),
    Column("alpha2", "Alpha-2", lambda p: p.alpha2, wrap=False),
    Column("iso_numeric", "ISO numeric", lambda p: p.iso_numeric, table=False),
    Column("cow_code", "COW code", lambda p: p.cow_code, table=False),
    Column("gw_code", "GW code", lambda p: p.gw_code, table=False),
    Column("name", "Name", lambda p: p.name),
    Column("official_name", "Official name", lambda p: p.official_name),
    Column("region", "Region", lambda p: p.region, wrap=False),
    Column("aliases", "Aliases", lambda p: p.aliases, table=False),
    Column("mission", "Mission", lambda p: p.mission and p.mission.name, table=False),
    Column("mission_established", "Mission established",
            lambda p: p.mission and p.mission.established, table=False),
    Column("mission_head", "Head of mission", lambda p: p.mission and p.mission.head,
            table=False),
    Column("confidence", "Confidence", lambda p: p.confidence, wrap=False),
    Column("sources", "Sources", lambda p: p.sources, table=False),
    Column("source_urls", "Source addresses", lambda p: _urls(p.sources),
           table=False),
    Column("note", "Note", lambda p: p.note, table=False),
)

MEMBERSHIP_COLUMNS = (
    Column("partner", "Partner", lambda m: m.partner, wrap=False),
    Column("programme", "Programme", lambda m: m.programme, wrap=False),
    Column("role", "Role", lambda m: m.role),
    Column("joined", "Joined", lambda m: m.joined, missing="not dated", wrap=False, date=True),
    _date_column("left", "Left"),
    _date_column("suspended", "Suspended"),
    Column("confidence", "Confidence", lambda m: m.confidence, wrap=False),
    Column("sources", "Sources", lambda m: m.sources, table=False),
    Column("source_urls", "Source addresses", lambda m: _urls(m.sources),
           table=False),
    Column("note", "Note", lambda m: m.note, table=False),
)

MILESTONE_COLUMNS = (
    Column("id", "ID", lambda m: m.id, table=False),
    Column("partner", "Partner", lambda m: m.partner, table=False),
    Column("date", "Date", lambda m: m.date, missing="undated", wrap=False, date=True),
    Column("kind", "Kind", lambda m: m.kind, wrap=False),
    Column("programme", "Programme", lambda m: m.programme, wrap=False),
    Column("areas", "Areas", lambda m: m.areas, table=False),
    Column("title", "Title", lambda m: m.title),
    Column("summary", "Summary", lambda m: m.summary, table=False),
    Column("confidence", "Confidence", lambda m: m.confidence, table=False),
    Column("sources", "Sources", lambda m: m.sources, table=False),
    Column("source_urls", "Source addresses", lambda m: _urls(m.sources),
           table=False),
    Column("note", "Note", lambda m: m.note, table=False),
)

def _budget(project: TrustFundProject) -> str | None:
    if project.budget_eur is not None:
        return f"{project.budget_eur:,.0f} EUR"
    if project.budget_amount is not None:
        return f"{project.budget_amount:,.0f} {project.budget_currency}"
    return None


PROJECT_COLUMNS = (
    Column("id", "ID", lambda p: p.id, table=False),
    Column("name", "Name", lambda p: p.name),
    Column("partner", "Partner", lambda p: p.partner, wrap=False),
    Column("status", "Status", lambda p: p.status, wrap=False),
    _date_column("start", "Start"),
    _date_column("end", "End"),
    Column("funding", "Funding", lambda p: p.funding, table=False),
    Column("items_planned", "Items planned", lambda p: p.items_planned, table=False),
    Column("items_disposed", "Items disposed", lambda p: p.items_disposed, wrap=False,
           right=True),
    Column("tonnes_planned", "Tonnes planned", lambda p: p.tonnes_planned, table=False),
    Column("tonnes_disposed", "Tonnes disposed", lambda p: p.tonnes_disposed, table=False),
    Column("people_planned", "People planned", lambda p: p.people_planned, table=False),
    Column("people_retrained", "People retrained", lambda p: p.people_retrained,
           table=False),
    Column("area_planned_m2", "Area planned (m2)", lambda p: p.area_planned_m2,
           table=False),
    Column("area_cleared_m2", "Area cleared (m2)", lambda p: p.area_cleared_m2, wrap=False,
           right=True),
    Column("budget_eur", "Budget (EUR)", lambda p: p.budget_eur, table=False),
    # A table shows every budget with its currency: EUR, or the one the sources give.
    Column("budget_shown", "Budget", lambda p: _budget(p), wrap=False, right=True,
           csv=False),
    Column("budget_amount", "Budget", lambda p: p.budget_amount, table=False),
    Column("budget_currency", "Currency", lambda p: p.budget_currency, table=False),
    Column("spent_eur", "Spent (EUR)", lambda p: p.spent_eur, table=False),
    Column("lead_nations", "Lead nations", lambda p: p.lead_nations),
    Column("executing_agency", "Executing agency", lambda p: p.executing_agency, table=False),
    Column("partner_agency", "Partner agency", lambda p: p.partner_agency, table=False),
    Column("site", "Site", lambda p: p.site, table=False),
    Column("purpose", "Purpose", lambda p: p.purpose, table=False),
    Column("confidence", "Confidence", lambda p: p.confidence, table=False),
    Column("sources", "Sources", lambda p: p.sources, table=False),
    Column("source_urls", "Source addresses", lambda p: _urls(p.sources),
           table=False),
    Column("note", "Note", lambda p: p.note, table=False),
)

PROGRAMME_COLUMNS = (
    Column("id", "ID", lambda p: p.id, wrap=False),
    Column("acronym", "Acronym", lambda p: p.acronym, wrap=False),
    Column("name", "Name", lambda p: p.name),
    Column("kind", "Kind", lambda p: p.kind, wrap=False),
    _date_column("established", "Established"),
    _date_column("ended", "Ended"),
    Column("succeeded_by", "Succeeded by", lambda p: p.succeeded_by, wrap=False),
    Column("description", "Description", lambda p: p.description, table=False),
    Column("confidence", "Confidence", lambda p: p.confidence, table=False),
    Column("sources", "Sources", lambda p: p.sources, table=False),
    Column("source_urls", "Source addresses", lambda p: _urls(p.sources),
           table=False),
    Column("note", "Note", lambda p: p.note, table=False),
)

SOURCE_COLUMNS = (
    Column("id", "ID", lambda s: s.id),
    Column("title", "Title", lambda s: s.title),
    Column("publisher", "Publisher", lambda s: s.publisher),
    _date_column("published", "Published"),
    Column("url", "URL", lambda s: s.url),
    Column("note", "Note", lambda s: s.note),
)

# One column per field of Problem, so that CSV carries whatever a problem says.
PROBLEM_COLUMNS = tuple(
    Column(field.name, field.name.capitalize(), operator.attrgetter(field.name))
    for field in attrs.fields(Problem)
)


#: The name of each kind of record ``search`` finds, as its JSON ``type`` gives it.
_RECORD_TYPES: dict[type, str] = {
    Partner: "partner",
    Programme: "programme",
    Membership: "membership",
    Milestone: "milestone",
    TrustFundProject: "trust_fund_project",
}


def record_type(record: Record) -> str:
    return _RECORD_TYPES[type(record)]


def _record_date(record: Record) -> PartialDate | None:
    if isinstance(record, Programme):
        return record.established
    if isinstance(record, Membership):
        return record.joined
    if isinstance(record, Milestone):
        return record.date
    if isinstance(record, TrustFundProject):
        return record.start
    return None


def _record_text(record: Record) -> str:
    if isinstance(record, Partner | Programme | TrustFundProject):
        return record.name
    if isinstance(record, Milestone):
        return record.title
    role = f" as {record.role}" if record.role else ""
    return f"{record.partner} in {record.programme}{role}"


#: A search's rows are (record, matches) pairs: the record, and where the words are in it.
SEARCH_COLUMNS = (
    Column("type", "Type", lambda hit: record_type(hit[0]), wrap=False),
    Column("id", "ID", lambda hit: hit[0].id, wrap=False),
    Column("date", "Date", lambda hit: _record_date(hit[0]), wrap=False, date=True),
    Column("text", "Text", lambda hit: _record_text(hit[0])),
    Column("found_in", "Found in", lambda hit: tuple(f"{m.field}: {m.excerpt}"
                                                     for m in hit[1])),
)


def _urls(sources: tuple[Source, ...]) -> tuple[str, ...]:
    """The addresses of a record's sources, in order (empty for one not online)."""
    return tuple(source.url or "" for source in sources)
