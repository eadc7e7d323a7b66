"""Bad input in hostile forms: text that passes for what it is not, and data that would
take over the terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nato_partners import PartialDate, schemas

# Dates in every script that has digits: only ASCII digits make a date, in the loader and
# in the shipped JSON Schemas alike.
_DATES = [
    "1994",
    "1994-05",
    "1994-05-04",
    "\u0661\u0669\u0669\u0664",
    "\u06f1\u06f9\u06f9\u06f4-\u06f0\u06f5",
    "\uff11\uff19\uff19\uff14",
    "1994-\uff10\uff15-04",
    "\u0967\u096f\u096f\u096a",
    "1994-5",
    "94",
    "1994-13",
    "1994-02-30",
    "",
    " 1994",
]


def _parses(text: str) -> bool:
    try:
        PartialDate.parse(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("text", _DATES)
def test_the_loader_and_the_schemas_agree_on_dates(text: str) -> None:
    date_schema = schemas()["milestone"]["properties"]["date"]
    pattern = next(option["pattern"] for option in date_schema.get("anyOf", [date_schema])
                   if "pattern" in option)
    schema_says = re.search(pattern, text) is not None
    if text == "1994-02-30":
        # The schema checks the form; that February has no 30th is the loader's to say.
        assert schema_says
        assert not _parses(text)
    else:
        assert _parses(text) == schema_says


def test_the_command_line_refuses_non_ascii_digits() -> None:
    from nato_partners.cli import main

    assert main(["memberships", "--partner", "AZ", "--on", "\u0661\u0669\u0669\u0664"]) == 2


_HOSTILE = "Evil\x1b[2J\x1b]0;owned\x07 \u202etxt.exe \x9b31m title"


@pytest.fixture
def hostile(bundled: Path) -> Path:
    georgia = bundled / "partners" / "geo.toml"
    georgia.write_text(georgia.read_text("utf-8") + (
        '\n[[milestones]]\nid = "geo-hostile"\ndate = "2025"\nkind = "visit"\n'
        f'title = {json.dumps(_HOSTILE)}\nsummary = "s"\n'
        'sources = ["caliber-agencies-visit"]\n'), "utf-8")
    return bundled


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nato_partners", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize("form", [[], ["--format", "csv"], ["--json"]])
def test_text_from_data_cannot_drive_the_terminal(hostile: Path, form: list[str]) -> None:
    result = _run("--data", str(hostile), "timeline", "GE", *form)
    assert result.returncode == 0, result.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in result.stdout
    assert "Evil" in result.stdout
    if form == ["--json"]:
        titles = [m["title"] for m in json.loads(result.stdout)]
        assert _HOSTILE in titles  # JSON keeps the text itself, escaped


def test_a_broken_file_cannot_drive_the_terminal_through_validate(hostile: Path) -> None:
    georgia = hostile / "partners" / "geo.toml"
    georgia.write_text(georgia.read_text("utf-8").replace(
        'id = "geo-hostile"', 'id = "geo\\u001b[2Jhostile"'), "utf-8")
    result = _run("validate", str(hostile))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "\\x1b" in result.stdout


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_number_of_thousands_of_digits_is_a_data_error_naming_the_file(
    bundled: Path, suffix: str
) -> None:
    from nato_partners import DataError, load_dataset

    georgia = bundled / "partners" / "geo.toml"
    huge = "9" * 5000
    if suffix == ".toml":
        georgia.write_text(georgia.read_text("utf-8").replace(
            "cow_code = 372", f"cow_code = {huge}"), "utf-8")
    else:
        georgia.unlink()
        (bundled / "partners" / "geo.json").write_text(
            '{"partner": {"alpha2": "GE", "name": "Georgia", "region": "euro-atlantic", '
            f'"sources": ["caliber-agencies-visit"], "cow_code": {huge}}}}}', "utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(bundled)
    (problem,) = [p for p in caught.value.problems if p.file == f"partners/geo{suffix}"]
    assert "digits" in problem.expected


def test_a_huge_figure_built_in_python_is_reported_not_raised() -> None:
    import attrs

    import nato_partners as np

    project = attrs.evolve(np.trust_fund_projects("AZ")[0], items_disposed=-(10**5000))
    dataset = np.load()
    with pytest.raises(np.DataError, match="digits"):
        np.Dataset(info=dataset.info, sources=dataset.sources(),
                   partners=dataset.partners(), programmes=dataset.programmes(),
                   trust_fund_projects=[project])


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("area_cleared_m2", float("nan"), "finite"),
    ("area_cleared_m2", float("inf"), "finite"),
    ("items_disposed", True, "whole number"),
    ("name", "bad\udc80", "surrogate"),
])
def test_a_dataset_built_in_python_is_checked_as_loading_checks(
    field: str, value: object, expected: str
) -> None:
    import attrs

    import nato_partners as np

    dataset = np.load()
    project = attrs.evolve(np.trust_fund_projects("AZ")[0], **{field: value})
    with pytest.raises(np.DataError, match=expected) as caught:
        np.Dataset(info=dataset.info, sources=dataset.sources(), partners=dataset.partners(),
                   programmes=dataset.programmes(), trust_fund_projects=[project])
    assert [p.field for p in caught.value.problems] == [field]


def test_a_dataset_built_in_python_with_another_format_is_refused() -> None:
    import attrs

    import nato_partners as np

    dataset = np.load()
    with pytest.raises(np.DataError, match="format version"):
        np.Dataset(info=attrs.evolve(dataset.info, format=99), sources=dataset.sources(),
                   partners=dataset.partners(), programmes=dataset.programmes())


def test_load_dataset_of_nothing_is_a_clear_error() -> None:
    import nato_partners as np

    with pytest.raises(TypeError, match="path of a dataset directory"):
        np.load_dataset(None)  # type: ignore[arg-type]
    # Not a path either: the error names what was given.
    with pytest.raises(TypeError, match=r"^load_dataset\(\) needs the path of a dataset "
                                        r"directory, not int$"):
        np.load_dataset(5)  # type: ignore[arg-type]
    with pytest.raises(np.DataError, match="empty path"):
        np.load_dataset("")


def test_a_cycle_of_successors_is_reported(bundled: Path) -> None:
    import tomllib

    import nato_partners as np

    programmes = bundled / "programmes.toml"
    text = programmes.read_text("utf-8")
    assert tomllib.loads(text)
    # The NRC is said to be succeeded by the PJC, which it succeeded: a cycle.
    text = text.replace('id = "nrc"\n', 'id = "nrc"\nsucceeded_by = "pjc"\n', 1)
    programmes.write_text(text, "utf-8")
    with pytest.raises(np.DataError) as caught:
        np.load_dataset(bundled)
    cycle = [p for p in caught.value.problems if "cycle" in p.expected]
    assert {p.record for p in cycle} == {"nrc", "pjc"}


def test_a_plugin_that_exits_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_partners import loading as module

    class Exiting:
        name = "exiting"
        value = "exiting_plugin:data"

        def load(self) -> object:
            raise SystemExit(3)

    problems = module._read_plugin(Exiting()).problems  # type: ignore[arg-type]
    assert len(problems) == 1
    assert "SystemExit" in problems[0].expected


def test_thousands_of_unknown_sources_are_reported_quickly(bundled: Path) -> None:
    import nato_partners as np

    georgia = bundled / "partners" / "geo.toml"
    cited = ", ".join(f'"nato-topic-{900000 + i}"' for i in range(3000))  # near real ids
    georgia.write_text(georgia.read_text("utf-8") + (
        '\n[[milestones]]\nid = "geo-many"\nkind = "visit"\ntitle = "t"\nsummary = "s"\n'
        f"sources = [{cited}]\n"), "utf-8")
    with pytest.raises(np.DataError) as caught:
        np.load_dataset(bundled)
    unknown = [p for p in caught.value.problems if p.record == "geo-many"]
    # One line per place it occurs, up to the first PROBLEMS_KEPT of one cause in a file,
    # and then one line saying how many more there were.
    (more,) = [p for p in caught.value.problems if "more problems like" in p.expected]
    left_out = int(more.expected.split()[0].replace(",", ""))
    assert len(unknown) + left_out == 3000
    assert more.field == "sources[]"
    # A suggestion compares the id with every source's: only the first few get one, so
    # the cost of the messages stays linear in the number of unknown ids.
    suggested = [p for p in unknown if "did you mean" in p.expected]
    assert 0 < len(suggested) <= 50


def test_an_unknown_source_is_reported_at_every_place_that_cites_it(bundled: Path) -> None:
    import nato_partners as np

    for code in ("geo", "ukr", "mda"):
        path = bundled / "partners" / f"{code}.toml"
        path.write_text(path.read_text("utf-8") + (
            f'\n[[milestones]]\nid = "{code}-ghost"\nkind = "visit"\ntitle = "t"\n'
            'summary = "s"\nsources = ["ghost-source"]\n'), "utf-8")
    with pytest.raises(np.DataError) as caught:
        np.load_dataset(bundled)
    places = sorted(p.record for p in caught.value.problems if p.value == "ghost-source")
    assert places == ["geo-ghost", "mda-ghost", "ukr-ghost"]


def test_a_missing_sources_file_is_said_once_and_first(bundled: Path) -> None:
    import nato_partners as np

    (bundled / "sources.toml").unlink()
    with pytest.raises(np.DataError) as caught:
        np.load_dataset(bundled)
    problems = caught.value.problems
    assert "sources" in str(problems[0])
    assert len(problems) < 5, "\n".join(str(p) for p in problems[:10])


def test_the_bundled_data_never_waits_for_a_plugin_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from nato_partners import loading as module

    monkeypatch.setattr(module, "_loaded", {})
    loaded: list[object] = []
    # As if a slow plugin load in another thread held its lock for as long as it likes.
    with module._locks[True]:
        reader = threading.Thread(target=lambda: loaded.append(module.load()))
        reader.start()
        reader.join(timeout=60)
        assert not reader.is_alive()
    assert isinstance(loaded[0], module.Dataset)


def test_a_damaged_bundle_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # The installed package's own data, changed after it was checked: a record that is
    # not valid is reported, though the checks across records are not made again.
    import json

    import nato_partners as np
    from nato_partners import loading as module

    bundle = json.loads(module._bundle_text())
    name = next(name for name, content in bundle.items() if content.get("milestones"))
    bundle[name]["milestones"][0]["kind"] = "rumour"
    monkeypatch.setattr(module, "_bundle_text", lambda: json.dumps(bundle))
    monkeypatch.setattr(module, "_loaded", {})
    with pytest.raises(np.DataError) as caught:
        np.load()
    (problem,) = caught.value.problems
    assert (problem.file, problem.field, problem.value) == (name, "kind", "rumour")


# -- output that cannot be written -------------------------------------------------------


def _cli(args: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nato_partners", *args],
                          capture_output=True, text=True, timeout=120, **options)  # type: ignore[call-overload]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line_and_its_own_status() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "nato_partners", "timeline", "AZ"],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 4
    assert result.stderr.strip().splitlines() == [
        "nato-partners: error: cannot write the answer: No space left on device"]


def test_a_closed_standard_output_is_one_line_and_its_own_status() -> None:
    result = subprocess.run([sys.executable, "-m", "nato_partners", "timeline", "AZ"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            timeout=120, preexec_fn=lambda: os.close(1))
    assert result.returncode == 4
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot write the answer" in result.stderr


def test_json_is_valid_json_under_any_encoding() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    result = _cli(["show", "TR", "--json"], env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert json.loads(result.stdout)["partner"]["name"] == "Türkiye"


def test_a_non_ascii_word_is_found_under_a_c_locale() -> None:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "nato_partners", "search", "Türkiye",
                             "--format", "csv"], capture_output=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert b"TUR" in result.stdout


@pytest.mark.parametrize("name", ["az:e.toml", "AZE.toml", "az e.toml", "azer.toml"])
def test_a_partner_file_must_be_named_by_its_code(bundled: Path, name: str) -> None:
    import nato_partners as np

    georgia = bundled / "partners" / "geo.toml"
    georgia.rename(georgia.with_name(name))
    with pytest.raises(np.DataError) as caught:
        np.load_dataset(bundled)
    named = [p for p in caught.value.problems if p.file == f"partners/{name}"]
    assert len(named) == 1
    assert "alpha-3 code in lower case" in named[0].expected


def test_a_dataset_directory_of_another_format_is_refused_naming_its_file(
    bundled: Path,
) -> None:
    import nato_partners as np

    info = bundled / "dataset.toml"
    info.write_text(re.sub(r"(?m)^format = \d+", "format = 99", info.read_text("utf-8")),
                    "utf-8")
    with pytest.raises(np.DataError) as caught:
        np.load_dataset(bundled)
    (problem,) = caught.value.problems
    assert (problem.file, problem.record, problem.field, problem.value) == (
        "dataset.toml", "dataset", "format", 99)
