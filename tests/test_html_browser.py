"""The notebook display as a browser draws it, under a notebook's own stylesheet.

JupyterLab's stylesheet right-aligns table cells and spaces lists out; the library's
tables must read left-aligned with compact source lists all the same. The check runs in
headless Chromium where the machine has it, and is skipped where it has none.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import nato_partners as np

_BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")

# The rules of JupyterLab's and VS Code's notebook stylesheets that fight prose in tables.
_NOTEBOOK_CSS = """
.jp-RenderedHTMLCommon table { margin-left: auto; margin-right: auto; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: right;
  vertical-align: middle; padding: 0.5em; }
.jp-RenderedHTMLCommon ul { padding-left: 2em; margin-bottom: 1em; }
.jp-RenderedHTMLCommon li { margin-bottom: 0.5em; }
"""

_PROBE = """
<script>
// The row that counts the records left out of a long list is centred on purpose.
const cells = [...document.querySelectorAll("td:not(.nato-partners-gap), th")];
const lists = [...document.querySelectorAll("ul")];
document.body.setAttribute("data-probe", JSON.stringify({
  align: [...new Set(cells.map(c => getComputedStyle(c).textAlign))],
  valign: [...new Set(cells.map(c => getComputedStyle(c).verticalAlign))],
  listPadding: lists.map(l => parseFloat(getComputedStyle(l).paddingLeft)),
  tableLeft: [...document.querySelectorAll(".jp-RenderedHTMLCommon > table")].map(
    t => t.getBoundingClientRect().left - t.parentElement.getBoundingClientRect().left),
  cells: cells.length,
  height: document.querySelector(".jp-RenderedHTMLCommon").getBoundingClientRect().height,
}));
</script>
"""


def _render(html: str, tmp_path: Path) -> dict[str, object]:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><style>{_NOTEBOOK_CSS}</style></head><body>"
                    f'<div class="jp-RenderedHTMLCommon">{html}</div>{_PROBE}</body></html>',
                    encoding="utf-8")
    assert _BROWSER is not None
    result = subprocess.run(
        [_BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    marker = 'data-probe="'
    start = result.stdout.index(marker) + len(marker)
    raw = result.stdout[start:result.stdout.index('"', start)]
    return json.loads(raw.replace("&quot;", '"'))  # type: ignore[no-any-return]


@pytest.mark.skipif(_BROWSER is None, reason="no Chromium on this machine")
@pytest.mark.parametrize("shown", ["timeline", "record"])
def test_tables_read_left_aligned_with_compact_lists(shown: str, tmp_path: Path) -> None:
    value = np.timeline("GE") if shown == "timeline" else np.partner("AZ")
    probe = _render(value._repr_html_(), tmp_path)
    assert probe["cells"]
    assert probe["align"] == ["left"]
    assert probe["valign"] == ["top"]
    # Sources sit close to their bullets: a compact indent, not the notebook's 2em.
    assert all(padding < 20 for padding in probe["listPadding"])  # type: ignore[attr-defined]
    # Tables start at the left of the output, not centred by the notebook's margins.
    assert all(left < 5 for left in probe["tableLeft"])  # type: ignore[attr-defined]


@pytest.mark.skipif(_BROWSER is None, reason="no Chromium on this machine")
@pytest.mark.parametrize("shown", ["timeline AZ", "memberships", "trust fund projects"])
def test_a_long_result_is_a_few_screens_at_most(shown: str, tmp_path: Path) -> None:
    # Every row of Azerbaijan's timeline made a cell about 10,000 pixels tall, and every
    # membership one of 86,000; the first and last rows with a count keep it short.
    value = {"timeline AZ": np.timeline("AZ"), "memberships": np.memberships(),
             "trust fund projects": np.trust_fund_projects()}[shown]
    probe = _render(value._repr_html_(), tmp_path)
    assert probe["height"] < 2500  # type: ignore[operator]
