"""Jupyter's rich display of records and query results, read back with an HTML parser.

Each record type is checked on a record of the bundled data that fills most of its fields
and on edge cases built here (empty fields, a source with no address or a javascript:
one, dates of each precision); one test then runs the checks every record must pass over
the whole bundled dataset in a single loop, rather than as a test per record.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import attrs
import pytest

import nato_partners as np_
from nato_partners import (
    Membership,
    Milestone,
    NotKnown,
    PartialDate,
    Precision,
    Results,
    Source,
    Status,
    TrustFundProject,
)
from nato_partners._html import MAX_ROWS, SHOWN_ROWS


class _Page(HTMLParser):
    """The parts of the HTML the tests look at: tables, rows, links and dates."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []
        self.tables = 0
        self.rows: list[list[tuple[str, str]]] = []  # outermost table's rows: (tag, text)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.times: list[tuple[str, str]] = []  # (datetime attribute, text)
        self._cell: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None
        self._time: tuple[str, list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = dict(attributes)
        self.tags.append(tag)
        self.open.append(tag)
        depth = self.open.count("table")
        if tag == "table":
            self.tables += 1
        elif tag == "tr" and depth == 1:
            self.rows.append([])
        elif tag in ("th", "td") and depth == 1:
            self._cell = []
        elif tag == "a":
            self._link = (found.get("href") or "", [])
        elif tag == "time":
            self._time = (found.get("datetime") or "", [])

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop() != tag:
            pass
        depth = self.open.count("table")
        if tag in ("th", "td") and depth == 1 and self._cell is not None:
            self.rows[-1].append((tag, "".join(self._cell).strip()))
            self._cell = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], "".join(self._link[1])))
            self._link = None
        elif tag == "time" and self._time is not None:
            self.times.append((self._time[0], "".join(self._time[1])))
            self._time = None

    def handle_data(self, data: str) -> None:
        for part in (self._cell, self._link[1] if self._link else None,
                     self._time[1] if self._time else None):
            if part is not None:
                part.append(data)


def _cells(record: Any) -> dict[str, str]:
    """A record's table as field name to the text shown for it, empty fields as ``""``."""
    cells = {row[0][1]: row[1][1] for row in _Page(record._repr_html_()).rows}
    for name in cells.pop("no value", "").split(", "):
        if name:
            cells[name] = ""
    return cells


def _records() -> list[object]:
    ds = np_.load()
    return [*ds.sources(), *ds.partners(), *ds.programmes(), *ds.memberships(),
            *ds.milestones(), *ds.trust_fund_projects(funding=None), ds.info]


def _fullest() -> list[object]:
    """For each record type, the bundled record with the most fields filled."""
    best: dict[type, tuple[int, object]] = {}
    for record in _records():
        filled = sum(_filled(getattr(record, f.name)) for f in attrs.fields(type(record)))
        if filled > best.get(type(record), (-1, None))[0]:
            best[type(record)] = (filled, record)
    return [record for _, record in best.values()]


def _filled(value: object) -> bool:
    return value is not None and value != () and value != ""


def _dates(record: Any) -> list[PartialDate]:
    """Every date a record's table shows: its own, its mission's and its sources'."""
    dates = [getattr(record, f.name) for f in attrs.fields(type(record))]
    dates += [getattr(getattr(record, "mission", None), "established", None)]
    dates += [s.published for s in getattr(record, "sources", ())]
    return [d for d in dates if isinstance(d, PartialDate)]


def _check_record(record: Any) -> None:
    """What every record's table must be: a row per filled field, then one row naming the
    empty fields; every source a link (and nothing else); every date at its precision."""
    page = _Page(record._repr_html_())
    names = [f.name for f in attrs.fields(type(record))]
    filled = [n for n in names if _filled(getattr(record, n))]
    empty = [n for n in names if n not in filled]
    heads = [row[0] for row in page.rows]
    assert heads == [("th", n) for n in filled] + ([("th", "no value")] if empty else [])
    assert all(len(row) == 2 and row[1][0] == "td" for row in page.rows)
    if empty:
        assert page.rows[-1][1][1] == ", ".join(empty)
    cited = getattr(record, "sources", ())
    if isinstance(record, Source):
        cited = (record,)
    # Only web addresses become links: a javascript: address must not run.
    expected = [s.url for s in cited if s.url is not None and s.url.startswith("http")]
    assert [href for href, _ in page.links] == expected
    shown = [PartialDate.parse(stamp) for stamp, _ in page.times]
    assert shown == _dates(record)
    for date, (_, text) in zip(shown, page.times, strict=True):
        assert str(date.year) in text
        assert (str(date.day) in text.split()) == (date.precision is Precision.DAY)
        has_month = any(m in text for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                            "Aug", "Sep", "Oct", "Nov", "Dec"))
        assert has_month == (date.precision is not Precision.YEAR)


@pytest.mark.parametrize("record", _fullest(), ids=lambda r: type(r).__name__)
def test_each_record_type_is_a_table_of_its_fields(record: Any) -> None:
    _check_record(record)


def test_every_bundled_record_is_shown_whole() -> None:
    # One loop, not a test per record: the same checks, in a fraction of the time.
    records = _records()
    for record in records:
        _check_record(record)
    assert len({type(r) for r in records}) == 7


_NO_URL = Source(id="book", title="A book", publisher="A press",
                 published=PartialDate.parse("1994-05"))
_EVIL = Source(id="x", title="<script>alert(1)</script>", publisher='A & B "quoted"',
               url="javascript:alert(1)")
_WEB = Source(id="web", title="A page", publisher="NATO", url="https://www.nato.int/a",
              published=PartialDate.parse("2020"))


@pytest.mark.parametrize("record", [
    # Only the required fields: every optional one is named in the "no value" row.
    Membership(partner="AZE", programme="pfp", sources=(_WEB,)),
    # Dates of each precision, a source with no address and one with a javascript: one.
    Membership(partner="AZE", programme="nacc", joined=PartialDate.parse("1992"),
               left=PartialDate.parse("1997-05"), suspended=PartialDate.parse("1996-01-02"),
               sources=(_NO_URL, _EVIL, _WEB)),
    Milestone(id="m", partner="AZE", kind="signed", title="T", summary="S",
              date=PartialDate.parse("1994-05-04"), areas=("cyber-defence",),
              sources=(_WEB,)),
    # Figures of 0 are values, not empty fields.
    TrustFundProject(id="p", name="P", partner="AZE", executing_agency="NSPA",
                     status="completed", purpose="To clear.", items_disposed=0,
                     area_cleared_m2=5683769.0, sources=(_WEB, _NO_URL)),
    _NO_URL, _WEB,
], ids=["required-only", "precisions", "milestone", "figures", "no-url", "web"])
def test_edge_cases_of_records(record: Any) -> None:
    _check_record(record)


def test_figures_read_with_thousands_separators_and_zero_is_shown() -> None:
    project = TrustFundProject(id="p", name="P", partner="AZE", executing_agency="NSPA",
                               status="completed", purpose="To clear.", items_disposed=0,
                               area_cleared_m2=5683769.0, sources=(_WEB,))
    cells = _cells(project)
    assert cells["area_cleared_m2"] == "5,683,769"
    assert cells["items_disposed"] == "0"


def test_the_nacc_membership_reads_as_the_sources_give_it() -> None:
    (nacc,) = np_.memberships("AZ", "nacc")
    cells = _cells(nacc)
    assert cells["joined"] == "March 1992"
    assert cells["left"] == "30 May 1997"
    assert cells["suspended"] == ""


def test_a_countrys_periods_as_a_state_are_a_line_each() -> None:
    html = np_.partner("DE")._repr_html_()
    states = html[html.index(">states<"):html.index(">sources<")]
    assert states.count("<li>") == len(np_.partner("DE").states) == 5
    assert "<li>COW 260, 1955-05-05 to 1990-10-02</li>" in states
    assert "<li>GW 260, from 1949-09-21</li>" in states
    assert "StateSpell(" not in html


def test_a_year_is_shown_as_a_year() -> None:
    (sps,) = np_.memberships("AZ", "sps")
    cells = _cells(sps)
    assert cells["joined"] == "1995"


def test_text_is_escaped_and_only_web_addresses_are_links() -> None:
    page = _Page(_EVIL._repr_html_())
    assert "script" not in page.tags
    assert page.links == []
    cells = _cells(_EVIL)
    assert cells["title"] == "<script>alert(1)</script>"
    assert cells["publisher"] == 'A & B "quoted"'
    assert cells["url"] == "javascript:alert(1)"
    listed = _Page(Results([Membership(partner="AZE", programme="pfp", sources=(_EVIL,))])
                   ._repr_html_())
    assert "script" not in listed.tags
    assert listed.links == []


def test_results_are_a_table_with_a_row_per_record() -> None:
    found = np_.milestones(partner="GE")[:MAX_ROWS]
    results = Results(found)
    assert results == found
    page = _Page(results._repr_html_())
    header, *body = page.rows
    filled = [f.name for f in attrs.fields(Milestone)
              if any(_filled(getattr(m, f.name)) for m in found)]
    assert [text for _, text in header] == filled
    assert len(body) == len(found)
    assert [row[0][1] for row in body] == [m.id for m in found]
    cited = [s.url for m in found for s in m.sources if s.url is not None]
    assert [href for href, _ in page.links] == cited


def test_a_long_result_shows_its_first_and_last_rows_and_a_count() -> None:
    found = np_.memberships()
    assert len(found) > MAX_ROWS
    html = found._repr_html_()
    page = _Page(html)
    _, *body = page.rows
    half = SHOWN_ROWS // 2
    ids = [m.id for m in found]
    assert [row[0][1] for row in body[:half]] == [m.partner for m in found[:half]]
    assert [row[0][1] for row in body[-half:]] == [m.partner for m in found[-half:]]
    (gap,) = body[half]
    assert gap[1] == f"\u22ee {len(found) - 2 * half:,} more records \u22ee"
    assert f"{len(found):,} records, the first {half} and the last {half} shown" in html
    # Tens of kilobytes, not the half a megabyte of every row.
    assert len(html) < 40_000
    assert len(ids) == len(set(ids))


def test_a_result_of_exactly_the_limit_is_shown_whole() -> None:
    found = np_.memberships()
    page = _Page(Results(found[:MAX_ROWS])._repr_html_())
    assert len(page.rows) == 1 + MAX_ROWS
    page = _Page(Results(found[:MAX_ROWS + 1])._repr_html_())
    assert len(page.rows) == 1 + SHOWN_ROWS + 1


def test_columns_no_record_fills_are_named_not_shown() -> None:
    found = np_.memberships("AZ")
    assert all(m.resumed is None for m in found)
    header, *_ = _Page(found._repr_html_()).rows
    assert "resumed" not in [text for _, text in header]
    assert "no record has a value for" in found._repr_html_()
    assert "resumed" in found._repr_html_().split("no record has a value for")[1]


def test_an_empty_result_has_the_columns_of_its_type() -> None:
    empty = np_.memberships("AZ", "pii")
    assert empty == ()
    header, = _Page(empty._repr_html_()).rows
    assert [text for _, text in header] == [f.name for f in attrs.fields(Membership)]


def test_cells_of_a_result_are_compact() -> None:
    # Long text is cut at a word and whole in the tooltip; sources are their publishers;
    # a record inside a record is its name.
    long = "word " * 60
    record = Milestone(id="m", partner="AZE", kind="signed", title="T", summary=long,
                       sources=(_WEB, Source(id="w2", title="B", publisher="NATO",
                                              url="https://www.nato.int/b"), _NO_URL))
    html = Results([record])._repr_html_()
    _, (row) = _Page(html).rows
    cells = dict(zip([f.name for f in attrs.fields(Milestone)
                      if _filled(getattr(record, f.name))], [c for _, c in row], strict=True))
    assert cells["summary"].endswith("\u2026")
    assert len(cells["summary"]) < 110
    assert f'title="{long}"' in html
    assert cells["sources"] == "NATO [2]; A press"
    partners = np_.partners()[:1]
    assert "Mission" not in _Page(partners._repr_html_()).tags


def test_mixed_results_name_each_rows_type() -> None:
    found = np_.search("Saloglu")
    assert len({type(r) for r in found}) > 1
    header, *body = _Page(Results(found)._repr_html_()).rows
    assert header[0][1] == "record"
    assert [row[0][1] for row in body] == [type(r).__name__ for r in found]


def test_not_known_and_statuses_show_as_what_they_are() -> None:
    answer = np_.participates("AZ", "pii")
    assert isinstance(answer, NotKnown)
    html = answer._repr_html_()
    assert "<strong>not known</strong>" in html
    assert "Partnership Interoperability Initiative (&#x27;pii&#x27;)" in html
    assert "NotKnown(" not in html
    for status in Status:
        shown = status._repr_html_()
        assert f"<strong>{status.value}</strong>" in shown
        assert f"Status.{status.name}" in shown
    escaped = NotKnown("<b>x</b>")._repr_html_()
    assert "<b>" not in escaped


def test_plain_repr_stays_plain() -> None:
    found = np_.memberships("AZ")
    assert repr(Results(found)) == repr(found)
    assert "<table" not in repr(found[0])
    assert repr(NotKnown("why")) == "NotKnown(reason='why')"
