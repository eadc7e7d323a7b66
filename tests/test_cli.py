"""The ``nato-partners`` command, run as users run it: the installed script, in a subprocess.

Every answer is checked against the library's own queries, so the command line cannot
drift from the Python API; bad input must give one line on stderr and exit status 2.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import nato_partners as np
from nato_partners import PartialDate

_SCRIPT = Path(sys.executable).parent / ("nato-partners" + (".exe" if os.name == "nt" else ""))
_ENTRY_POINTS = {
    "script": [str(_SCRIPT)],
    "module": [sys.executable, "-m", "nato_partners"],
}
_COMMANDS = ["partners", "show", "timeline", "projects", "programmes", "memberships",
             "participates", "status", "members", "panel", "cite", "diff", "coverage",
             "search", "sources", "validate", "plot"]
_ROW_DATE = re.compile(r"(\d{4}(?:-\d{2}){0,2}|undated)\s")


def run(
    *args: str, entry: str = "script", columns: int | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # Output goes to a pipe: tables keep a record per line unless COLUMNS asks for a width.
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    env["PYTHONIOENCODING"] = "utf-8"
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [*_ENTRY_POINTS[entry], *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120,
    )


def ok(*args: str, **options: Any) -> str:
    result = run(*args, **options)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def plain(records: Sequence[Any]) -> Any:
    """What --json should print for records: the library's unstructured form, via JSON."""
    return json.loads(json.dumps(np.unstructure(tuple(records))))


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def table_rows(text: str) -> list[str]:
    """The rows of a table, without header, rule, blank lines or wrapped continuations."""
    lines = text.splitlines()
    assert set(lines[1]) <= {"-", " "}, "the second line should rule off the header"
    return [line for line in lines[2:] if line and not line[0].isspace()]


def test_the_script_is_installed_next_to_the_interpreter() -> None:
    assert _SCRIPT.is_file()


@pytest.mark.parametrize("entry", list(_ENTRY_POINTS))
def test_both_entry_points_answer_alike(entry: str) -> None:
    out = ok("timeline", "AZ", "--json", entry=entry)
    assert json.loads(out) == plain(np.timeline("AZ"))


@pytest.mark.parametrize("entry", list(_ENTRY_POINTS))
def test_version_names_the_library_and_the_data(entry: str) -> None:
    out = ok("--version", entry=entry)
    info = np.load().info
    assert np.__version__ in out
    assert info.version in out
    assert str(info.reviewed) in out


def test_version_as_json() -> None:
    data = json.loads(ok("--version", "--json"))
    assert data["version"] == np.__version__
    assert data["data"] == json.loads(json.dumps(np.unstructure(np.load().info)))


# -- partners and show ------------------------------------------------------------------


def test_partners_table_lists_every_partner_in_aligned_columns() -> None:
    out = ok("partners", columns=250)
    rows = table_rows(out)
    assert [row.split()[0] for row in rows] == [p.code for p in np.partners()]
    header = out.splitlines()[0]
    azerbaijan = next(row for row in rows if row.startswith("AZE "))
    # The name starts in the column its header names.
    assert azerbaijan.index("Azerbaijan") == header.index("Name")
    for partner in np.partners():
        assert any(partner.name in row for row in rows), partner.name


def test_partners_json_is_the_unstructured_records() -> None:
    assert json.loads(ok("partners", "--json")) == plain(np.partners())


def test_partners_csv_has_a_row_per_partner() -> None:
    rows = csv_rows(ok("partners", "--format", "csv"))
    assert [row["code"] for row in rows] == [p.code for p in np.partners()]
    azerbaijan = next(row for row in rows if row["code"] == "AZE")
    assert azerbaijan["alpha2"] == "AZ"
    assert azerbaijan["region"] == "euro-atlantic"
    assert azerbaijan["official_name"] == "Republic of Azerbaijan"


def test_show_gives_the_partner_its_mission_and_memberships() -> None:
    out = ok("show", "AZ", columns=200)
    partner = np.partner("AZ")
    assert partner.mission is not None
    assert partner.official_name is not None
    for text in (partner.official_name, partner.mission.name, "Jafar Huseynzade"):
        assert text in out
    pfp = next(line for line in out.splitlines() if line.startswith("Partnership for Peace"))
    assert "1994-05-04" in pfp
    for membership in np.memberships("AZ"):
        assert np.programme(membership.programme).name in out


def test_show_json_has_the_partner_and_its_memberships() -> None:
    data = json.loads(ok("show", "azerbaijan", "--json"))
    assert data == {
        "partner": plain([np.partner("AZ")])[0],
        "memberships": plain(np.memberships("AZ")),
    }


# -- timeline ---------------------------------------------------------------------------


def test_timeline_is_in_date_order_at_the_precision_known() -> None:
    out = ok("timeline", "AZ", columns=250)
    dates = [_ROW_DATE.match(row).group(1) for row in table_rows(out)]  # type: ignore[union-attr]
    assert dates == [str(m.date) if m.date else "undated" for m in np.timeline("AZ")]
    # The PfP Framework Document was signed before the EAPC replaced the NACC.
    assert dates.index("1994-05-04") < dates.index("1997-05-30")
    signing = next(row for row in table_rows(out) if row.startswith("1994-05-04"))
    assert "Partnership for Peace" in signing
    # Azerbaijan joined the NACC in a month no source narrows down to a day.
    assert "1992-03" in dates
    assert "1992-03-01" not in out
    dated = [PartialDate.parse(d) for d in dates if d != "undated"]
    assert dated == sorted(dated)
    assert "undated" in dates
    assert all(d == "undated" for d in dates[dates.index("undated"):])


def test_since_leaves_out_earlier_and_undated_milestones() -> None:
    everything = np.timeline("AZ")
    assert any(m.date is not None and m.date.year < 1995 for m in everything)
    data = json.loads(ok("timeline", "AZ", "--since", "1995", "--json"))
    assert data
    assert all(item["date"] is not None and item["date"] >= "1995" for item in data)
    assert len(data) < len(everything)


@pytest.mark.parametrize(
    ("options", "query"),
    [
        (["--since", "1995"], {"since": "1995"}),
        (["--until", "2005-05"], {"until": "2005-05"}),
        (["--since", "1994", "--until", "2005"], {"since": "1994", "until": "2005"}),
        (["--programme", "PfP"], {"programme": "pfp"}),
        (["--area", "cyber-defence"], {"area": "cyber-defence"}),
        (["--kind", "visit"], {"kind": "visit"}),
        (["--programme", "sps", "--area", "cyber-defence"],
         {"programme": "sps", "area": "cyber-defence"}),
    ],
)
def test_timeline_filters_match_the_library(options: list[str], query: dict[str, str]) -> None:
    expected = np.milestones(partner="AZ", **query)
    assert expected, "the filter should keep something, or the test proves little"
    assert json.loads(ok("timeline", "AZ", *options, "--json")) == plain(expected)


def test_timeline_csv_has_every_field_flattened() -> None:
    rows = csv_rows(ok("timeline", "AZ", "--format", "csv"))
    milestones = np.timeline("AZ")
    assert [row["id"] for row in rows] == [m.id for m in milestones]
    for row, milestone in zip(rows, milestones, strict=True):
        # As every export writes a date: its first day, and how precise it is.
        assert row["date"] == ("" if milestone.date is None else str(milestone.date.earliest))
        assert row["date_precision"] == (
            "" if milestone.date is None else milestone.date.precision.value)
        assert row["kind"] == milestone.kind.value
        assert row["areas"].split("; ") == [a.value for a in milestone.areas] or (
            row["areas"] == "" and not milestone.areas
        )
        assert row["sources"].split("; ") == [s.id for s in milestone.sources]
        assert row["summary"] == " ".join(milestone.summary.split())


def test_tables_fit_the_terminal_and_wrap_rather_than_cut() -> None:
    narrow = ok("timeline", "AZ", columns=60)
    assert all(len(line) <= 60 for line in narrow.splitlines())
    wide = ok("timeline", "AZ", columns=400)
    # Wrapped or not, no word of a title is lost.
    for milestone in np.timeline("AZ"):
        assert milestone.title in wide
        for word in milestone.title.split():
            assert word in narrow


# -- projects, programmes, memberships ----------------------------------------------------


def test_projects_show_their_figures() -> None:
    projects = np.trust_fund_projects("AZ")
    assert projects
    out = ok("projects", "AZ", columns=250)
    for row, project in zip(table_rows(out), projects, strict=True):
        assert row.startswith(f"{project.name} ")
    for project in projects:
        assert project.name in out
        for figure in (project.items_disposed, project.area_cleared_m2, project.budget_eur):
            if figure is not None:
                assert f"{figure:,.0f}" in out
        for nation in project.lead_nations:
            assert nation in out
        assert project.start is not None
        assert str(project.start) in out


def test_projects_json_and_csv_carry_the_figures() -> None:
    projects = np.trust_fund_projects("AZ")
    assert json.loads(ok("projects", "AZ", "--json")) == plain(projects)
    rows = csv_rows(ok("projects", "AZ", "--format", "csv"))
    assert [row["id"] for row in rows] == [p.id for p in projects]
    for row, project in zip(rows, projects, strict=True):
        assert (int(row["items_disposed"]) if row["items_disposed"] else None) == (
            project.items_disposed
        )
        area = row["area_cleared_m2"]
        assert (float(area) if area else None) == project.area_cleared_m2
        assert (float(row["budget_eur"]) if row["budget_eur"] else None) == project.budget_eur
        leads = row["lead_nations"].split("; ") if row["lead_nations"] else []
        assert leads == list(project.lead_nations)


def test_projects_without_a_partner_lists_them_all() -> None:
    assert json.loads(ok("projects", "--json")) == plain(np.trust_fund_projects())


@pytest.mark.parametrize("options", [[], ["--partner", "AZ"]])
def test_programmes_match_the_library(options: list[str]) -> None:
    expected = np.programmes(*(options[1:]))
    assert json.loads(ok("programmes", *options, "--json")) == plain(expected)
    rows = table_rows(ok("programmes", *options, columns=250))
    assert [row.split()[0] for row in rows] == [p.id for p in expected]


def test_memberships_filters_match_the_library() -> None:
    data = json.loads(ok("memberships", "--partner", "AZ", "--programme", "pfp", "--on",
                         "1995", "--json"))
    assert data == plain(np.memberships("AZ", "pfp", on="1995"))
    assert [item["joined"] for item in data] == ["1994-05-04"]


def test_memberships_on_a_date_leave_out_those_that_ended() -> None:
    # The NACC gave way to the EAPC on 30 May 1997.
    rows = csv_rows(ok("memberships", "--partner", "AZ", "--on", "1998", "--format", "csv"))
    programmes = {row["programme"] for row in rows}
    assert "eapc" in programmes
    assert "nacc" not in programmes
    assert [row["programme"] for row in rows] == [
        m.programme for m in np.memberships("AZ", on="1998")
    ]


# -- search and sources -----------------------------------------------------------------


def test_search_json_tags_each_record_with_its_type() -> None:
    found = np.search("Saloglu")
    data = json.loads(ok("search", "Saloglu", "--json"))
    assert [item["record"] for item in data] == plain(found)
    types = {item["type"] for item in data}
    assert {"milestone", "trust_fund_project"} <= types
    table = ok("search", "saloglu", columns=200)
    assert [row.split()[1] for row in table_rows(table)] == [
        getattr(record, "id", None) for record in found]


def test_search_takes_several_words_as_one_phrase() -> None:
    data = json.loads(ok("search", "cyber", "defence", "--json"))
    assert [item["record"] for item in data] == plain(np.search("cyber defence"))
    assert data


def test_sources_list_every_address_whole_even_in_a_narrow_terminal() -> None:
    sources = np.sources("AZ")
    out = ok("sources", "AZ", columns=60)
    for source in sources:
        assert source.id in out
        if source.url:
            assert source.url in out
    assert json.loads(ok("sources", "AZ", "--json")) == plain(sources)
    rows = csv_rows(ok("sources", "AZ", "--format", "csv"))
    assert [(row["id"], row["url"]) for row in rows] == [(s.id, s.url or "") for s in sources]


# -- --data and validate ----------------------------------------------------------------


def _copy_bundled(target: Path) -> Path:
    source = resources.files("nato_partners") / "data"
    with resources.as_file(source) as path:
        shutil.copytree(path, target)
    return target


def _rewrite_as_json(path: Path, change: Any) -> None:
    """Read a TOML data file, change it, and store it as the JSON file of the same name."""
    content = tomllib.loads(path.read_text(encoding="utf-8"))
    change(content)
    path.with_suffix(".json").write_text(json.dumps(content, ensure_ascii=False),
                                         encoding="utf-8")
    path.unlink()


_NEW_TITLE = "Ağstafa: a title only the test's dataset has"


@pytest.fixture
def own_dataset(tmp_path: Path) -> Path:
    """A copy of the bundled data with its own version and one milestone retitled."""
    root = _copy_bundled(tmp_path / "data")

    def retitle(content: dict[str, Any]) -> None:
        content["milestones"][0]["title"] = _NEW_TITLE

    def new_version(content: dict[str, Any]) -> None:
        content["version"] = "1999.9.9"

    _rewrite_as_json(root / "partners" / "aze.toml", retitle)
    _rewrite_as_json(root / "dataset.toml", new_version)
    return root


def test_data_option_runs_a_command_on_another_directory(own_dataset: Path) -> None:
    mine = np.load_dataset(own_dataset)
    # Before or after the command's name, as people type it.
    for args in (["--data", str(own_dataset), "timeline", "AZ", "--json"],
                 ["timeline", "AZ", "--json", "--data", str(own_dataset)]):
        out = ok(*args)
        assert _NEW_TITLE in out, "non-ASCII text should be printed as it is"
        assert json.loads(out) == plain(mine.timeline("AZ"))
    assert _NEW_TITLE not in ok("timeline", "AZ", "--json")
    assert "1999.9.9" in ok("--data", str(own_dataset), "--version")


def test_validate_reports_ok_for_a_good_dataset(own_dataset: Path) -> None:
    out = ok("validate", str(own_dataset))
    assert len(out.splitlines()) == 1
    assert out.startswith("OK")
    assert "1999.9.9" in out
    assert json.loads(ok("validate", str(own_dataset), "--json")) == []


@pytest.fixture
def broken_dataset(tmp_path: Path) -> Path:
    """A copy of the bundled data with a problem in each of three files."""
    root = _copy_bundled(tmp_path / "broken")

    def bad_date(content: dict[str, Any]) -> None:
        content["milestones"][0]["date"] = "1994-13"

    def unknown_field(content: dict[str, Any]) -> None:
        content["sources"][0]["publsher"] = "a misspelt field"

    def bad_kind(content: dict[str, Any]) -> None:
        content["programmes"][0]["kind"] = "nonsense"

    _rewrite_as_json(root / "partners" / "aze.toml", bad_date)
    _rewrite_as_json(root / "sources.toml", unknown_field)
    _rewrite_as_json(root / "programmes.toml", bad_kind)
    return root


def test_validate_reports_every_problem_one_per_line(broken_dataset: Path) -> None:
    result = run("validate", str(broken_dataset))
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) >= 3
    assert any(line.startswith("partners/aze.json") and "1994-13" in line for line in lines)
    assert any(line.startswith("sources.json") and "publsher" in line for line in lines)
    assert any(line.startswith("programmes.json") and "nonsense" in line for line in lines)
    with pytest.raises(np.DataError) as error:
        np.load_dataset(broken_dataset)
    assert lines == [str(problem) for problem in error.value.problems]


def test_validate_json_and_csv_name_file_record_field_and_expectation(
    broken_dataset: Path,
) -> None:
    result = run("validate", str(broken_dataset), "--json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert {"partners/aze.json", "sources.json", "programmes.json"} <= {
        p["file"] for p in problems
    }
    assert all(p["expected"] for p in problems)
    result = run("validate", str(broken_dataset), "--format", "csv")
    assert result.returncode == 1
    rows = csv_rows(result.stdout)
    assert [(row["file"], row["record"], row["field"]) for row in rows] == [
        (p["file"] or "", p["record"] or "", p["field"] or "") for p in problems]
    bad_kind = next(row for row in rows if row["file"] == "programmes.json")
    assert bad_kind["field"] == "kind"
    assert bad_kind["value"] == "nonsense"


def test_a_broken_data_directory_is_one_line_pointing_at_validate(broken_dataset: Path) -> None:
    result = run("--data", str(broken_dataset), "partners")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("nato-partners: error:")
    assert "validate" in line
    with pytest.raises(np.DataError) as error:
        np.load_dataset(broken_dataset)
    count = len(error.value.problems)
    assert f"{count} problems" in line


@pytest.mark.parametrize("command", [["--data", "no-such-dir", "partners"],
                                     ["validate", "no-such-dir"]])
def test_a_missing_data_directory_is_one_line(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("nato-partners: error:")
    assert "no-such-dir" in line


# -- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["show", "Azerbajan"], "'Azerbaijan'"),  # names the close match
        (["show", "Atlantis"], "Atlantis"),
        (["timeline", "Atlantis"], "Atlantis"),
        (["timeline", "AZ", "--programme", "pfpp"], "pfpp"),
        (["programmes", "--partner", "Atlantis"], "Atlantis"),
        (["memberships", "--programme", "warsaw-pact"], "warsaw-pact"),
        (["timeline", "AZ", "--since", "1994-13"], "1994-13"),
        (["timeline", "AZ", "--until", "yesterday"], "yesterday"),
        (["memberships", "--on", "2021-02-30"], "2021-02-30"),
        (["timeline", "AZ", "--area", "underwater"], "cyber-defence"),  # lists what is allowed
        (["timeline", "AZ", "--kind", "party"], "visit"),
        (["timeline", "AZ", "--frobnicate"], "--frobnicate"),
        (["--frobnicate", "partners"], "--frobnicate"),
        (["frobnicate"], "frobnicate"),
        ([], "command"),
        (["timeline"], "KEY"),
        (["validate"], "PATH"),
        (["show", "AZ", "--format", "csv"], "csv"),
        (["partners", "--format", "xml"], "xml"),
        (["search", " "], "empty"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_status_2(args: list[str], mentions: str) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("nato-partners: error: ")
    assert mentions in line
    assert result.stdout == ""


@pytest.mark.parametrize("entry", list(_ENTRY_POINTS))
def test_bad_input_through_either_entry_point(entry: str) -> None:
    result = run("timeline", "AZ", "--since", "1994-13", entry=entry)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1


# -- pipes, help and import cost --------------------------------------------------------


@pytest.mark.parametrize("args", [["sources", "--json"], ["timeline", "AZ"], ["--help"]])
def test_a_reader_that_stops_early_causes_no_error(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # closed before the command writes a byte, so every write fails
    try:
        result = subprocess.run([str(_SCRIPT), *args], stdout=write_end,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode in (0, 141)  # 141: the status of a process stopped by SIGPIPE


def test_piping_into_head_prints_the_first_line_only() -> None:
    command = f"{shlex.quote(str(_SCRIPT))} sources --json | head -n 1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert result.stdout == "[\n"
    assert "BrokenPipeError" not in result.stderr
    assert result.stderr == ""


def test_help_lists_every_command_with_examples() -> None:
    out = ok("--help")
    for command in _COMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", out, re.MULTILINE), command
    assert "examples:" in out


@pytest.mark.parametrize("command", _COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    out = ok(command, "--help")
    assert out.startswith(f"usage: nato-partners {command}")
    assert "examples:" in out
    assert f"\n  nato-partners {command}" in out.split("examples:")[1]


def test_importing_the_command_line_is_cheap() -> None:
    code = (
        "import sys, nato_partners.cli, nato_partners.loading as d\n"
        "assert not d._loaded, 'data read at import'\n"
        "print(sorted({'csv', 'pandas', 'pyarrow', 'matplotlib', 'numpy', 'cattrs',\n"
        "              'nato_partners.panels', 'nato_partners.plot'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- yes, no and not known --------------------------------------------------------------


@pytest.mark.parametrize(("args", "word", "status"), [
    (["GE", "eapc", "--on", "2010"], "yes", 0),
    (["PL", "pfp", "--on", "2010"], "no", 1),
    (["AZ", "pii"], "not known", 3),
    (["AZ", "kfor", "--on", "2008-03-04"], "not known", 3),
])
def test_participates_says_yes_no_or_not_known(args: list[str], word: str,
                                                status: int) -> None:
    result = run("participates", *args)
    assert result.returncode == status, result.stderr
    assert result.stdout.split(":")[0].strip() == word
    assert result.stderr == ""
    answer = np.participates(args[0], args[1], on=args[3] if len(args) > 2 else None)
    data = json.loads(run("participates", *args, "--json").stdout)
    assert data["answer"] == word
    assert data["reason"] == (answer.reason if isinstance(answer, np.NotKnown) else None)
    (row,) = csv_rows(run("participates", *args, "--format", "csv").stdout)
    assert row["answer"] == word


@pytest.mark.parametrize(("args", "word", "status"), [
    (["RU", "eapc", "--on", "2020"], "suspended", 0),
    (["DE", "nato", "--on", "1980"], "member", 0),
    (["FI", "nacc", "--on", "1995"], "observer", 0),
    (["PL", "pfp", "--on", "2010"], "not a member", 0),
    (["GE", "eapc", "--on", "1996"], "programme not in existence", 0),
    (["CZ", "nacc", "--on", "1991"], "state not in existence", 0),
    (["AZ", "pfp", "--on", "2030"], "not known", 3),
    (["AZ", "pii"], "not known", 3),
])
def test_status_gives_the_standing_or_not_known(args: list[str], word: str,
                                                 status: int) -> None:
    result = run("status", *args)
    assert result.returncode == status, result.stderr
    assert result.stdout.split(":")[0].strip() == word
    answer = np.status(args[0], args[1], on=args[3] if len(args) > 2 else None)
    assert str(answer) == word
    data = json.loads(run("status", *args, "--json").stdout)
    assert data["status"] == word
    assert data["reason"] == (answer.reason if isinstance(answer, np.NotKnown) else None)


def test_participates_active_leaves_out_a_suspended_member() -> None:
    assert run("participates", "RU", "eapc", "--on", "2020").stdout.strip() == "yes"
    result = run("participates", "RU", "eapc", "--on", "2020", "--active")
    assert (result.returncode, result.stdout.strip()) == (1, "no")


def test_a_number_is_read_in_each_numbering_and_a_prefix_chooses_one() -> None:
    # 372 is Ireland's ISO 3166 numeric code and Georgia's COW and GW code.
    result = run("show", "372")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    for reading in ("ISO 3166 numeric 372 is Ireland", "COW 372 is Georgia",
                    "iso:372", "cow:372", "gw:372"):
        assert reading in result.stderr
    assert ok("show", "iso:372").startswith("Ireland (IRL, IE)")
    assert ok("show", "cow:372").startswith("Georgia (GEO, GE)")
    # West Germany's COW code, and a number that is one country's in every numbering.
    assert ok("status", "cow:260", "nato", "--on", "1980").strip() == "member"
    assert ok("show", "31").startswith("Azerbaijan (AZE, AZ)")


def test_members_gives_the_whole_list() -> None:
    rows = csv_rows(ok("members", "eapc", "--on", "2010", "--format", "csv"))
    assert [row["code"] for row in rows] == [p.code for p in np.members("eapc", on="2010")]
    assert len(rows) == 50


def test_members_of_an_incomplete_programme_is_not_known() -> None:
    result = run("members", "sps")
    assert result.returncode == 3
    assert result.stdout == ""
    assert "not known" in result.stderr
    assert "'sps'" in result.stderr
    known = run("members", "sps", "--known-only", "--format", "csv")
    assert known.returncode == 0
    assert [r["code"] for r in csv_rows(known.stdout)] == [
        p.code for p in np.members("sps", known_only=True)]
    assert "partial list" in known.stderr


def test_memberships_of_an_incomplete_programme_say_the_list_is_partial() -> None:
    partial = run("memberships", "--programme", "pii", "--format", "csv")
    assert partial.returncode == 0
    assert "partial list" in partial.stderr
    assert [r["partner"] for r in csv_rows(partial.stdout)] == [
        m.partner for m in np.memberships(programme="pii")]
    # A complete programme's list needs no such remark.
    assert run("memberships", "--programme", "ici").stderr == ""


def test_an_undated_joining_is_shown_as_not_dated() -> None:
    table = ok("memberships", "--programme", "partners-across-the-globe", columns=200)
    assert all("not dated" in row for row in table_rows(table))


# -- panels, citations, diffs and coverage ----------------------------------------------


def test_panel_csv_is_the_library_panel() -> None:
    pandas = pytest.importorskip("pandas")
    text = ok("panel", "--programme", "pfp", "--from", "1991", "--to", "2025",
              "--format", "csv")
    got = pandas.read_csv(io.StringIO(text), dtype={"iso_numeric": str})
    expected = np.panel(programmes=["pfp"], start=1991, end=2025)
    columns = ["partner", "programme", "period"]
    assert got[columns].astype(str).values.tolist() == (
        expected[columns].astype(str).values.tolist())
    assert got["status"].isna().tolist() == expected["status"].isna().tolist()
    assert got["status"].fillna(-9).astype(int).tolist() == (
        expected["status"].fillna(-9).astype(int).tolist())


def test_panel_table_says_not_known_only_for_a_status() -> None:
    pytest.importorskip("pandas")
    table = ok("panel", "--programme", "sps", "--partner", "GE", "--from", "2010", "--to",
               "2010")
    (row,) = table.splitlines()[1:]
    assert row.count("not known") == 3  # the status, its label and the suspension column
    assert "<NA>" not in table


def test_cite_bibtex_of_a_partner() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    library = bibtexparser.parse_string(ok("cite", "AZ", "--style", "bibtex"))
    assert {e.key for e in library.entries} == {s.id for s in np.sources("AZ")}
    assert np.__data_version__ in ok("cite")


def test_diff_of_a_directory_with_itself() -> None:
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        assert json.loads(ok("diff", str(data), str(data), "--json")) == []
        assert "No changes found." in ok("diff", str(data), str(data))
    result = run("diff", "/no/such/dir", "/no/such/other")
    assert result.returncode == 2
    assert "no dataset directory" in result.stderr


def test_diff_exits_1_when_the_datasets_differ_like_diff(bundled: Path) -> None:
    from test_research_outputs import corrected_jordan_eop

    with resources.as_file(resources.files("nato_partners") / "data") as data:
        result = run("diff", str(data), str(corrected_jordan_eop(bundled)), "--format", "csv")
    assert (result.returncode, result.stderr) == (1, "")
    (row,) = csv_rows(result.stdout)
    assert (row["id"], row["field"], row["old"], row["new"]) == (
        "JOR/eop", "joined", "2014-10", "2014-11")
    assert "exits with status 0 when" in ok("diff", "--help")
    pytest.importorskip("pandas")
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        same = run("diff", str(data), str(data), "--panel")
        assert (same.returncode, same.stdout) == (0, "No panel cell differs.\n")
        text = (bundled / "partners" / "jor.toml").read_text("utf-8")
        (bundled / "partners" / "jor.toml").write_text(
            text.replace('joined = "2014-11"', 'joined = "2016"'), "utf-8")
        cells = run("diff", str(data), str(bundled), "--panel", "--format", "csv")
    assert cells.returncode == 1
    assert [(r["partner"], r["period"], r["status_old"], r["status_new"])
            for r in csv_rows(cells.stdout)] == [("JOR", "2014", "1", ""),
                                                  ("JOR", "2015", "1", "")]


def test_package_writes_the_data_package(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    out = ok("package", str(tmp_path / "pkg"))
    assert out.startswith(f"wrote 12 files to {tmp_path / 'pkg'}: datapackage.json, ")
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text("utf-8"))
    assert descriptor["version"] == np.__data_version__
    (tmp_path / "file").write_text("x")
    result = run("package", str(tmp_path / "file"))
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)


def test_csv_quotes_text_so_codes_read_back_as_text() -> None:
    # iso_numeric "004" is text: quoted, where figures are not.
    text = ok("partners", "--format", "csv")
    rows = list(csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC))
    header, afghanistan = rows[0], next(r for r in rows if r[0] == "AFG")
    assert afghanistan[header.index("iso_numeric")] == "004"
    assert afghanistan[header.index("cow_code")] == 700
    pytest.importorskip("pandas")
    panel = ok("panel", "--partner", "AF", "--programme", "pfp", "--from", "1994", "--to",
               "1994", "--format", "csv")
    rows = list(csv.reader(io.StringIO(panel), quoting=csv.QUOTE_NONNUMERIC))
    assert rows[1][rows[0].index("iso_numeric")] == "004"


def test_projects_lists_trust_funds_and_sps_projects_apart() -> None:
    trust = csv_rows(ok("projects", "--format", "csv"))
    sps = csv_rows(ok("projects", "--funding", "sps", "--format", "csv"))
    every = csv_rows(ok("projects", "--funding", "all", "--format", "csv"))
    assert {r["id"] for r in sps} == {"aze-melange", "uzb-melange", "ukr-sesu-eod-equipment"}
    assert {r["funding"] for r in trust} == {"trust-fund"}
    assert len(every) == len(trust) + len(sps) == len(np.trust_fund_projects(funding=None))
    uzbekistan = next(r for r in sps if r["id"] == "uzb-melange")
    assert (uzbekistan["tonnes_planned"], uzbekistan["tonnes_disposed"]) == ("1100", "1100")


@pytest.mark.parametrize(("args", "expected"), [
    (["timline", "AZ"], "did you mean 'timeline'?"),
    (["partner"], "did you mean 'partners'"),
    (["panel", "--format", "cvs"], "did you mean 'csv'?"),
])
def test_a_mistyped_choice_names_the_close_ones(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "command"), [
    (["timeline", "AZ", "--on", "2000"], "timeline"),
    (["cite", "AZ", "--json"], "cite"),
    (["partners", "--programme", "pfp"], "partners"),
])
def test_an_unknown_option_points_to_its_commands_help(args: list[str], command: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert f"(see 'nato-partners {command} --help')" in result.stderr
    assert "unrecognized arguments" in result.stderr


def test_partners_can_leave_out_the_allies_or_list_only_them() -> None:
    def codes(*args: str) -> set[str]:
        return {r["code"] for r in csv_rows(ok("partners", "--format", "csv", *args))}

    every, allies = codes(), codes("--allies", "only")
    assert allies == {p.code for p in np.partners(ally=True)}
    # As partners(ally=False) answers: a state that no longer exists is neither.
    assert codes("--allies", "exclude") == {p.code for p in np.partners(ally=False)}
    assert codes("--allies", "exclude") <= every - allies
    assert "AZE" in codes("--allies", "exclude")


def test_diff_tables_keep_lines_short_and_csv_keeps_values_whole(bundled: Path) -> None:
    georgia = bundled / "partners" / "geo.toml"
    record = tomllib.loads(georgia.read_text("utf-8"))["milestones"][0]
    longer = record["summary"] + " " + "More words. " * 30
    georgia.write_text(georgia.read_text("utf-8").replace(
        f'summary = "{record["summary"]}"', f'summary = "{longer}"', 1), "utf-8")
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        table = run("diff", str(data), str(bundled), columns=200)
        rows = csv_rows(run("diff", str(data), str(bundled), "--format", "csv").stdout)
    assert table.returncode == 1
    assert max(len(line) for line in table.stdout.splitlines()) <= 200
    assert "…" in table.stdout
    assert [(r["field"], r["new"]) for r in rows] == [("summary", " ".join(longer.split()))]


def test_projects_name_their_partner_and_every_budget_with_its_currency() -> None:
    rows = table_rows(ok("projects", columns=300))
    ukraine = [row for row in rows if " UKR " in row]
    assert len(ukraine) == len(np.trust_fund_projects("UA"))
    assert any("25,000,000 USD" in row for row in ukraine)
    header = ok("projects", "--format", "csv").splitlines()[0]
    assert "budget_shown" not in header  # a table's view, not a field
    assert '"budget_amount","budget_currency"' in header
    # The CSV's columns are the export's, made in one place.
    pytest.importorskip("pandas")
    expected = np.trust_fund_projects(funding=None).to_dataframe().columns
    assert next(csv.reader([header])) == list(expected)


def test_panel_gives_every_state_of_a_list_when_asked() -> None:
    pytest.importorskip("pandas")
    rows = csv_rows(ok("panel", "--programme", "nato", "--from", "2010", "--to", "2010",
                       "--states", "cow", "--format", "csv"))
    library = np.panel(programmes=["nato"], start=2010, end=2010, states="cow")
    assert len(rows) == len(library) == 194
    cyprus = next(r for r in rows if r["cow_code"] == "352")
    assert (cyprus["partner"], cyprus["partner_name"], cyprus["status"]) == ("", "Cyprus", "0")
    both = run("panel", "--partner", "AZ", "--states", "cow")
    assert both.returncode == 2
    assert "leave out --partner" in both.stderr


def test_coverage_rows_match_the_library() -> None:
    rows = csv_rows(ok("coverage", "--partner", "GE", "--format", "csv"))
    expected = [r for r in np.coverage() if r.partner == "GEO"]
    assert [(r["programme"], r["answer"]) for r in rows] == [
        (r.programme, r.answer) for r in expected]


# -- tables that pipe, and read well in a terminal --------------------------------------


def test_in_a_pipe_every_record_stays_on_one_line() -> None:
    out = ok("timeline", "AZ")
    rows = out.splitlines()[2:]
    assert len(rows) == len(np.timeline("AZ"))
    for milestone, row in zip(np.timeline("AZ"), rows, strict=True):
        assert milestone.title in row
    # What `timeline AZ | grep Assembly` sees: whole rows.
    assembly = [row for row in rows if "Assembly" in row]
    assert assembly
    assert all(row.split()[0][:4].isdigit() or row.startswith("undated") for row in assembly)


def test_a_terminal_wraps_between_words_only() -> None:
    narrow = ok("timeline", "AZ", columns=60)
    words = {word for m in np.timeline("AZ") for word in m.title.split()}
    for line in narrow.splitlines()[2:]:
        for piece in line.split():
            # Every piece on a line is a whole word (or a date, a kind, a programme).
            assert piece in words or not piece.isalpha() or piece.islower(), piece


def test_a_huge_text_does_not_make_the_table_slow(tmp_path: Path) -> None:
    from nato_partners.cli.output import Column, table

    huge = "word " * 200_000
    columns = [Column("a", "A", lambda r: r), Column("b", "B", lambda r: "x", wrap=False)]
    lines = table(columns, [huge.strip()], 80)
    assert all(len(line) <= 80 for line in lines)
    assert sum(line.count("word") for line in lines) == 200_000


def test_colour_only_where_asked() -> None:
    from nato_partners.cli.output import Column, table

    columns = [Column("d", "Date", lambda r: r, date=True), Column("t", "Title", lambda r: "t")]
    plain = table(columns, ["1994-05-04"], None)
    coloured = table(columns, ["1994-05-04"], None, colour=True)
    assert "\033[" not in "".join(plain)
    assert coloured[0].startswith("\033[1m")  # a bold header
    assert "\033[36m1994-05-04" in coloured[2]  # a coloured date
    # Piped output, as in every test here, is never coloured.
    assert "\033[" not in ok("timeline", "AZ")


def test_each_command_lists_exactly_the_options_it_takes() -> None:
    show = ok("show", "--help")
    assert "--format {table,json}" in show
    plot = ok("plot", "--help")
    assert "--format" not in plot
    assert "--json" not in plot
    validate = ok("validate", "--help")
    assert "--data" not in validate
    assert "--format {table,csv,json}" in validate
    assert run("show", "AZ", "--format", "csv").returncode == 2


def test_an_empty_date_range_is_a_usage_error() -> None:
    result = run("timeline", "AZ", "--since", "2010", "--until", "2005")
    assert result.returncode == 2
    assert "after" in result.stderr
    assert result.stdout == ""
    with pytest.raises(ValueError, match="empty"):
        np.milestones(since="2010", until="2005")


def test_csv_carries_the_source_addresses() -> None:
    rows = csv_rows(ok("timeline", "AZ", "--format", "csv"))
    for row, milestone in zip(rows, np.timeline("AZ"), strict=True):
        assert row["source_urls"].split("; ") == [s.url or "" for s in milestone.sources]


def test_search_says_where_it_found_the_words() -> None:
    data = json.loads(ok("search", "disinformation", "--json"))
    for item in data:
        assert item["found_in"]
        assert all("disinformation" in f["excerpt"].casefold() for f in item["found_in"])
    rows = csv_rows(ok("search", "disinformation", "--format", "csv"))
    assert all("disinformation" in row["found_in"].casefold() for row in rows)


@pytest.mark.parametrize(("command", "records"), [
    (["partners"], lambda: np.partners()),
    (["programmes"], lambda: np.programmes()),
    (["memberships", "--partner", "AZ"], lambda: np.memberships("AZ")),
    (["timeline", "GE"], lambda: np.timeline("GE")),
    (["sources", "JO"], lambda: np.sources("JO")),
    (["coverage", "--partner", "GE"],
     lambda: np.Results([r for r in np.coverage() if r.partner == "GEO"], np.Coverage)),
])
def test_csv_columns_and_cells_are_the_exports(command: list[str], records: Any) -> None:
    pandas = pytest.importorskip("pandas")
    text = ok(*command, "--format", "csv")
    frame = np.to_dataframe(records())
    read = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(read.columns) == list(frame.columns)
    assert len(read) == len(frame)
    if "members_complete" in frame:  # the field that decides "no" or "not known"
        assert set(read.members_complete) == {"True", "False"}
    for name in ("mission_name", "joined_precision", "date_precision", "partner_name"):
        if name in frame:
            expected = ["" if pandas.isna(v) else str(v) for v in frame[name]]
            assert list(read[name]) == expected


def test_a_missing_directory_is_said_in_the_same_words_in_python_and_the_cli(
        tmp_path: Path) -> None:
    missing = str(tmp_path / "old-data")
    with pytest.raises(np.DataError) as raised:
        np.diff(missing, np.load())
    assert "no dataset directory" in str(raised.value)
    for command in (["diff", missing, missing], ["validate", missing],
                    ["--data", missing, "partners"]):
        result = run(*command)
        assert result.returncode == 2
        assert result.stderr.strip() == f"nato-partners: error: {raised.value}"
