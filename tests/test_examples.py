"""The scripts and the notebook in examples/ run against the installed package and say
what they promise.

Each script runs in a fresh interpreter, from a scratch directory, as a user would run it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import nato_partners as nato

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True, text=True, timeout=120, cwd=cwd, env=env, check=False,
    )


def test_every_script_is_tested() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    source = Path(__file__).read_text(encoding="utf-8")
    assert scripts
    assert {s for s in scripts if f'"{s}"' not in source} == set()


# -- azerbaijan_timeline.py ---------------------------------------------------------------


def test_timeline_is_in_date_order_with_undated_events_last(tmp_path: Path) -> None:
    result = run("azerbaijan_timeline.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = [line.split()[0] for line in result.stdout.splitlines()[2:] if line.strip()]
    dated = [e for e in events if e != "undated"]
    assert events == dated + ["undated"] * (len(events) - len(dated))
    days = [nato.PartialDate.parse(e).earliest for e in dated]
    assert days == sorted(days)


def test_timeline_shows_the_pfp_signature_and_marks_weaker_records(tmp_path: Path) -> None:
    out = run("azerbaijan_timeline.py", "AZE", cwd=tmp_path).stdout
    signed = [line for line in out.splitlines() if "Framework Document" in line]
    assert signed
    assert signed[0].startswith("1994-05-04")
    assert "[low confidence]" in out


def test_timeline_of_an_unknown_partner_is_a_clear_error(tmp_path: Path) -> None:
    result = run("azerbaijan_timeline.py", "Azerbajan", cwd=tmp_path)
    assert result.returncode == 1
    assert "did you mean 'Azerbaijan'" in result.stderr
    assert "Traceback" not in result.stderr


# -- programmes_active_on.py --------------------------------------------------------------


def test_programmes_on_a_day(tmp_path: Path) -> None:
    out = run("programmes_active_on.py", "2010-06-01", cwd=tmp_path).stdout
    assert "Partnership for Peace (since 1994-05-04)" in out
    # The NACC gave way to the EAPC in 1997; the KFOR platoon came home in 2008.
    assert "Euro-Atlantic Partnership Council" in out
    assert "North Atlantic Cooperation Council" not in out
    assert "KFOR" not in out


def test_a_year_asks_about_every_day_in_it(tmp_path: Path) -> None:
    out = run("programmes_active_on.py", "1997", "AZ", cwd=tmp_path).stdout
    assert "North Atlantic Cooperation Council" in out
    assert "Euro-Atlantic Partnership Council" in out


def test_before_any_programme_nothing_is_listed(tmp_path: Path) -> None:
    result = run("programmes_active_on.py", "1990", cwd=tmp_path)
    assert result.returncode == 0
    assert "no programme" in result.stdout


@pytest.mark.parametrize("argument", ["1997-13", "next year"])
def test_a_bad_date_is_a_clear_error(tmp_path: Path, argument: str) -> None:
    result = run("programmes_active_on.py", argument, cwd=tmp_path)
    assert result.returncode == 1
    assert argument in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_date_the_script_says_how_to_use_it(tmp_path: Path) -> None:
    result = run("programmes_active_on.py", cwd=tmp_path)
    assert result.returncode == 2
    assert "Usage" in result.stderr


# -- trust_fund_figures.py ----------------------------------------------------------------


def _blocks(out: str) -> dict[str, str]:
    """The script's output, one block per project, by the project's name."""
    blocks = [b for b in out.strip().split("\n\n") if b.strip()]
    return {b.splitlines()[0]: b for b in blocks}


def test_trust_fund_figures_come_with_their_sources(tmp_path: Path) -> None:
    out = run("trust_fund_figures.py", cwd=tmp_path).stdout
    blocks = _blocks(out)
    assert "Saloglu project" in blocks
    saloglu = blocks["Saloglu project"]
    assert "640,000" in saloglu
    # No source gives the Saloglu budget: the script must not invent one.
    assert re.search(r"budget:\s+unknown", saloglu)
    known = {source.id for source in nato.sources()}
    for name, block in blocks.items():
        cited = re.findall(r"^\s+\[([a-z0-9-]+)\]", block, re.MULTILINE)
        assert cited, f"{name} lists no source"
        assert set(cited) <= known


def test_trust_fund_source_addresses_are_web_addresses(tmp_path: Path) -> None:
    out = run("trust_fund_figures.py", "Azerbaijan", cwd=tmp_path).stdout
    addresses = [line.strip() for line in out.splitlines() if "://" in line]
    assert addresses
    assert all(a.startswith(("https://", "http://")) for a in addresses)


# -- partner_since.py ---------------------------------------------------------------------


def test_partner_since_counts_with_pendulum(tmp_path: Path) -> None:
    out = run("partner_since.py", "--on", "2024-05-04", cwd=tmp_path).stdout
    # Azerbaijan signed the PfP Framework Document on 4 May 1994: thirty years to the day.
    assert "Partnership for Peace, since 1994-05-04: 30 years\n" in out
    assert "North Atlantic Cooperation Council, in 1992-03" in out


def test_partner_since_gives_a_range_for_a_partial_date(tmp_path: Path) -> None:
    out = run("partner_since.py", "AZ", "--on", "2024-05-04", cwd=tmp_path).stdout
    (line,) = [line for line in out.splitlines() if line.startswith("- Science for Peace")]
    # Joined in 1995: at most from 1 January, at least from 31 December.
    assert "between 28 years" in line
    assert "and 29 years" in line


def test_partner_since_today_runs(tmp_path: Path) -> None:
    result = run("partner_since.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Partnership for Peace, since 1994-05-04" in result.stdout


def test_partner_since_rejects_a_bad_date(tmp_path: Path) -> None:
    result = run("partner_since.py", "--on", "2024-02-30", cwd=tmp_path)
    assert result.returncode == 1
    assert "not a real date" in result.stderr
    assert "Traceback" not in result.stderr


# -- analysis.ipynb -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def notebook(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    executed = nbformat.read(EXAMPLES / "analysis.ipynb", as_version=4)
    folder = tmp_path_factory.mktemp("analysis")
    client = nbclient.NotebookClient(executed, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    return executed


def _output(notebook, tag: str) -> str:  # type: ignore[no-untyped-def]
    (cell,) = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_notebook_uses_only_the_core_library() -> None:
    text = (EXAMPLES / "analysis.ipynb").read_text(encoding="utf-8")
    assert not re.search(r"import (pandas|pyarrow|matplotlib)", text)


def test_notebook_runs_every_cell(notebook) -> None:  # type: ignore[no-untyped-def]
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    assert all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_notebook_years_follow_the_memberships(notebook) -> None:  # type: ignore[no-untyped-def]
    rows = {line[:4]: line for line in _output(notebook, "in-force").splitlines()}
    # KFOR: a platoon from 1999 until the contingent came home in 2008, day unknown, so
    # 2008 lists it as not known, never as out.
    assert "kfor" in rows["2007"]
    in_force, _, open_ = rows["2008"].partition("(not known:")
    assert "kfor" not in in_force
    assert "kfor" in open_
    assert "pfp" not in rows["1993"]
    assert "pfp" in rows["1994"]


def test_notebook_trust_fund_table(notebook) -> None:  # type: ignore[no-untyped-def]
    table = _output(notebook, "trust-fund")
    (saloglu,) = [line for line in table.splitlines() if line.startswith("Saloglu")]
    assert "640,000" in saloglu
    assert saloglu.rstrip().endswith("?")  # no source gives the budget
