"""The columns each kind of record shows in a table.

A table shows a few fields; CSV and JSON carry every field, and take their columns from
the exports (:func:`nato_partners.export.plain_table`) and the converter, not from here.
"""

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
    TrustFundProject,
)
from .._registry import kind_of
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


def _date_column(name: str, title: str) -> Column:
    return Column(name, title, lambda r: getattr(r, name), wrap=False, date=True)


PARTNER_COLUMNS = (
    Column("code", "Code", lambda p: p.code, wrap=False),
    Column("alpha2", "Alpha-2", lambda p: p.alpha2, wrap=False),
    Column("name", "Name", lambda p: p.name),
    Column("official_name", "Official name", lambda p: p.official_name),
    Column("region", "Region", lambda p: p.region, wrap=False),
    Column("confidence", "Confidence", lambda p: p.confidence, wrap=False),
)

MEMBERSHIP_COLUMNS = (
    Column("partner", "Partner", lambda m: m.partner, wrap=False),
    Column("programme", "Programme", lambda m: m.programme, wrap=False),
    Column("role", "Role", lambda m: m.role),
    Column("joined", "Joined", lambda m: m.joined, missing="not dated", wrap=False, date=True),
    _date_column("left", "Left"),
    _date_column("suspended", "Suspended"),
    Column("confidence", "Confidence", lambda m: m.confidence, wrap=False),
)

MILESTONE_COLUMNS = (
    Column("date", "Date", lambda m: m.date, missing="undated", wrap=False, date=True),
    Column("kind", "Kind", lambda m: m.kind, wrap=False),
    Column("programme", "Programme", lambda m: m.programme, wrap=False),
    Column("title", "Title", lambda m: m.title),
)


def _budget(project: TrustFundProject) -> str | None:
    if project.budget_eur is not None:
        return f"{project.budget_eur:,.0f} EUR"
    if project.budget_amount is not None:
        return f"{project.budget_amount:,.0f} {project.budget_currency}"
    return None


PROJECT_COLUMNS = (
    Column("name", "Name", lambda p: p.name),
    Column("partner", "Partner", lambda p: p.partner, wrap=False),
    # A status is what the sources last said: a table says when, where they do.
    Column("status", "Status", lambda p: p.status.value if p.status_as_of is None
           else f"{p.status.value} (as of {p.status_as_of})", wrap=False),
    _date_column("start", "Start"),
    _date_column("end", "End"),
    Column("items_disposed", "Items disposed", lambda p: p.items_disposed, wrap=False,
           right=True),
    Column("area_cleared_m2", "Area cleared (m2)", lambda p: p.area_cleared_m2, wrap=False,
           right=True),
    # A table shows every budget with its currency: EUR, or the one the sources give.
    Column("budget_shown", "Budget", lambda p: _budget(p), wrap=False, right=True),
    Column("lead_nations", "Lead nations", lambda p: p.lead_nations),
)

PROGRAMME_COLUMNS = (
    Column("id", "ID", lambda p: p.id, wrap=False),
    Column("acronym", "Acronym", lambda p: p.acronym, wrap=False),
    Column("name", "Name", lambda p: p.name),
    Column("kind", "Kind", lambda p: p.kind, wrap=False),
    _date_column("established", "Established"),
    _date_column("ended", "Ended"),
    Column("succeeded_by", "Succeeded by", lambda p: p.succeeded_by, wrap=False),
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


def record_type(record: Record) -> str:
    """The name of a record's kind, as a search's JSON ``type`` gives it."""
    return kind_of(record).name


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

