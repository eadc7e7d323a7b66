"""Pages of the docs that draw on code: the API page's values and the performance page.

The local extensions in ``docs/_ext`` are imported and asked directly, which takes no
Sphinx build: the API page's values must show our own ``#:`` comments, never the
docstring of their type, and the benchmark results must split into blocks and a goals
table.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

import nato_partners as nato

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

sphinx = pytest.importorskip("sphinx", reason="the docs extra is not installed")

import benchmark_results  # noqa: E402
import own_docstrings  # noqa: E402


def test_no_value_on_the_api_page_shows_another_projects_docstring() -> None:
    api = (DOCS / "api.rst").read_text("utf-8")
    names = re.findall(r"^\.\. autodata:: (\S+)", api, re.M)
    assert {"Record", "DateLike", "converter"} <= set(names)
    for name in names:
        module, _, short = name.rpartition(".")
        value = getattr(importlib.import_module(module or "nato_partners"), short)
        foreign = type(value).__doc__
        lines = [foreign or ""]
        own_docstrings.own_docstring(None, "data", f"nato_partners.{short}", value, None,
                                     lines)
        text = " ".join(lines)
        assert "PEP 604" not in text
        assert "specialized" not in text
        assert text.strip(), name
    lines = [type(nato.Record).__doc__ or ""]
    own_docstrings.own_docstring(None, "data", "nato_partners.Record", nato.Record, None,
                                 lines)
    assert lines[0].startswith("Any record a dataset holds")


def test_a_value_without_a_comment_fails_the_build() -> None:
    from sphinx.errors import ExtensionError

    with pytest.raises(ExtensionError, match="would show the docstring"):
        own_docstrings.own_docstring(None, "data", "nato_partners.nothing_like_it", 1 | 2,
                                     None, [])


def test_the_goals_table_is_a_table() -> None:
    text = (DOCS / "benchmark-results.txt").read_text("utf-8")
    machine, blocks, goals = benchmark_results.read(text)
    assert machine.startswith("nato_partners ")
    assert [heading[:3] for heading, _ in blocks] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    header, *rows = goals
    assert header == ["goal", "measured", "verdict"]
    assert rows
    assert all(len(row) == 3 for row in rows)
    assert not any("|" in cell or set(cell) <= {"-"} for row in goals for cell in row)
    # No line of a block, headings apart, is wider than the page's column holds.
    assert max(len(line) - 2 for _, lines in blocks for line in lines) <= 116
    page = (DOCS / "performance.rst").read_text("utf-8")
    assert ".. benchmark-goals::" in page
    assert "literalinclude:: benchmark-results.txt" not in page
