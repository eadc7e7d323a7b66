"""Jupyter's rich display of records and query results, read back with an HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import attrs
import pytest

import nato_partners as np_
from nato_partners import Milestone, PartialDate, Precision, Results, Source


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
    """A record's table as field name to the text shown for it."""
    return {row[0][1]: row[1][1] for row in _Page(record._repr_html_()).rows}


def _records() -> list[object]:
    ds = np_.load()
    return [*ds.sources(), *ds.partners(), *ds.programmes(), *ds.memberships(),
            *ds.milestones(), *ds.trust_fund_projects(funding=None), ds.info]


@pytest.mark.parametrize("record", _records(), ids=lambda r: f"{type(r).__name__}")
def test_a_record_is_a_table_with_a_row_per_field(record) -> None:
    page = _Page(record._repr_html_())
    names = [f.name for f in attrs.fields(type(record))]
    assert [row[0] for row in page.rows] == [("th", name) for name in names]
    assert all(len(row) == 2 and row[1][0] == "td" for row in page.rows)


@pytest.mark.parametrize("record", _records(), ids=lambda r: f"{type(r).__name__}")
def test_sources_are_links_and_dates_keep_their_precision(record) -> None:
    page = _Page(record._repr_html_())
    cited = getattr(record, "sources", ())
    hrefs = [href for href, _ in page.links]
    expected = [s.url for s in cited if s.url is not None]
    if isinstance(record, Source) and record.url is not None:
        expected = [record.url]
    assert hrefs == expected
    # Every date in the record, and in the sources it cites, shows at its own precision.
    dates = [getattr(record, f.name) for f in attrs.fields(type(record))]
    dates += [getattr(getattr(record, "mission", None), "established", None)]
    dates += [s.published for s in cited]
    shown = [PartialDate.parse(stamp) for stamp, _ in page.times]
    assert shown == [d for d in dates if isinstance(d, PartialDate)]
    for date, (_, text) in zip(shown, page.times, strict=True):
        assert str(date.year) in text
        assert (str(date.day) in text.split()) == (date.precision is Precision.DAY)
        has_month = any(m in text for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                            "Aug", "Sep", "Oct", "Nov", "Dec"))
        assert has_month == (date.precision is not Precision.YEAR)


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
    evil = Source(id="x", title="<script>alert(1)</script>", publisher='A & B "quoted"',
                  url="javascript:alert(1)")
    page = _Page(evil._repr_html_())
    assert "script" not in page.tags
    assert page.links == []
    cells = _cells(evil)
    assert cells["title"] == "<script>alert(1)</script>"
    assert cells["publisher"] == 'A & B "quoted"'
    assert cells["url"] == "javascript:alert(1)"


def test_results_are_a_table_with_a_row_per_record() -> None:
    found = np_.milestones(partner="AZ")
    results = Results(found)
    assert results == found
    page = _Page(results._repr_html_())
    header, *body = page.rows
    assert [text for _, text in header] == [f.name for f in attrs.fields(Milestone)]
    assert len(body) == len(found)
    assert [row[0][1] for row in body] == [m.id for m in found]
    cited = [s.url for m in found for s in m.sources if s.url is not None]
    assert [href for href, _ in page.links] == cited


def test_mixed_results_name_each_rows_type() -> None:
    found = np_.search("Saloglu")
    assert len({type(r) for r in found}) > 1
    header, *body = _Page(Results(found)._repr_html_()).rows
    assert header[0][1] == "record"
    assert [row[0][1] for row in body] == [type(r).__name__ for r in found]


def test_plain_repr_stays_plain() -> None:
    found = np_.memberships("AZ")
    assert repr(Results(found)) == repr(found)
    assert "<table" not in repr(found[0])
