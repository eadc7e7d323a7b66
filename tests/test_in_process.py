"""The command line and the dataset plugins again, run in this interpreter.

tests/test_cli.py and tests/test_bundle_and_plugins.py run them as users do, in a fresh
interpreter. Mutation testing (scripts/mutation) changes the code of the process it runs
in, so it can credit only tests that run in-process: these state the same behaviour, with
answers fixed in advance rather than read from the library, which a change to the library
would change alike.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from plugin_data import PARTNER, SOURCES

import nato_partners as np
from nato_partners import loading as loading_module
from nato_partners.cli import main


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# -- the command line -------------------------------------------------------------------


@pytest.mark.parametrize(("args", "word", "status"), [
    (["GE", "eapc", "--on", "2010"], "yes", 0),
    (["PL", "pfp", "--on", "2010"], "no", 1),
    (["AZ", "pii"], "not known", 3),
    (["AZ", "kfor", "--on", "2008-03-04"], "not known", 3),
])
def test_participates_answers_with_its_exit_status(
    capsys: pytest.CaptureFixture[str], args: list[str], word: str, status: int
) -> None:
    got, out, err = cli(capsys, "participates", *args)
    assert (got, out.split(":")[0].strip(), err) == (status, word, "")


def test_memberships_filtered_by_partner_programme_and_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = cli(capsys, "memberships", "--partner", "AZ", "--programme", "pfp",
                         "--on", "1995", "--json")
    assert status == 0
    assert [(m["partner"], m["programme"], m["joined"]) for m in json.loads(out)] == [
        ("AZE", "pfp", "1994-05-04")
    ]


def test_timeline_since_a_year_keeps_dated_milestones_from_it_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = cli(capsys, "timeline", "AZ", "--since", "1995", "--json")
    assert status == 0
    dates = [item["date"] for item in json.loads(out)]
    assert dates
    assert all(date is not None and date >= "1995" for date in dates)
    assert dates == sorted(dates)


def test_members_of_an_incomplete_programme_is_not_known(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = cli(capsys, "members", "sps")
    assert (status, out) == (3, "")
    assert "'sps'" in err


def test_an_unknown_partner_is_one_line_with_the_close_matches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = cli(capsys, "show", "Azerbajan")
    assert (status, out) == (2, "")
    assert err == ("nato-partners: error: no partner matches 'Azerbajan'; did you mean "
                   "'Azerbaijan'?\n")


def test_validate_lists_the_problems_of_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "partners").mkdir()
    (tmp_path / "dataset.json").write_text(json.dumps(
        {"format": 1, "version": "t", "reviewed": "2024", "title": "T"}))
    (tmp_path / "sources.json").write_text(json.dumps(
        {"sources": [{"id": "doc-a", "title": "A", "publisher": "P"}]}))
    (tmp_path / "programmes.json").write_text(json.dumps({"programmes": [
        {"id": "pfp", "name": "P", "kind": "partnership", "description": "d",
         "sources": ["doc-b"]}]}))
    status, out, _ = cli(capsys, "validate", str(tmp_path), "--json")
    assert status == 1
    assert [(p["file"], p["record"], p["field"], p["value"]) for p in json.loads(out)] == [
        ("programmes.json", "pfp", "sources[0]", "doc-b"),
    ]
    assert cli(capsys, "validate", str(tmp_path / "nowhere"))[0] == 2


# -- plugins ----------------------------------------------------------------------------


class _EntryPoint:
    """What importlib.metadata gives for an entry point: a name, a value and load()."""

    def __init__(self, name: str, value: str, target: Any) -> None:
        self.name, self.value, self._target = name, value, target

    def load(self) -> Any:
        if isinstance(self._target, Exception):
            raise self._target
        return self._target


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> list[_EntryPoint]:
    """The entry points load(plugins=True) finds; a fresh cache, so it reads them."""
    import importlib.metadata

    registered: list[_EntryPoint] = []

    def entry_points(*, group: str) -> list[_EntryPoint]:
        return registered if group == loading_module.PLUGIN_GROUP else []

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.setattr(loading_module, "_loaded", {})
    return registered


def _plugin_data(root: Path, partner: str = PARTNER) -> Path:
    (root / "partners").mkdir(parents=True)
    (root / "dataset.toml").write_text(
        'format = 1\nversion = "1"\nreviewed = "2026-11-01"\ntitle = "Plugin data"\n')
    (root / "sources.toml").write_text(SOURCES)
    (root / "partners" / "qzz.toml").write_text(partner)
    return root


def test_a_plugin_adds_its_partners_only_when_asked(
    plugins: list[_EntryPoint], tmp_path: Path
) -> None:
    plugins.append(_EntryPoint("extra", "npplugin:DATA", _plugin_data(tmp_path / "data")))
    with_plugins = np.load(plugins=True)
    assert with_plugins.partner("Plugland").code == "QZZ"
    (membership,) = with_plugins.memberships("QZ", "pfp")
    assert str(membership.joined) == "2001-02-03"
    assert [s.id for s in membership.sources] == ["plugin-source", "caliber-agencies-visit"]
    assert with_plugins.partner("AZ") == np.load().partner("AZ")
    with pytest.raises(np.NotFoundError):
        np.load().partner("Plugland")


def test_a_plugin_may_name_a_function_that_gives_its_directory(
    plugins: list[_EntryPoint], tmp_path: Path
) -> None:
    data = _plugin_data(tmp_path / "data")
    plugins.append(_EntryPoint("extra", "npplugin:data", lambda: data))
    assert np.load(plugins=True).partner("QZZ").name == "Plugland"


def test_a_broken_plugin_is_named_in_the_file_of_each_problem(
    plugins: list[_EntryPoint], tmp_path: Path
) -> None:
    broken = PARTNER.replace('"pfp"', '"pfpp"')
    plugins.append(_EntryPoint("extra", "npplugin:DATA", _plugin_data(tmp_path, broken)))
    with pytest.raises(np.DataError) as caught:
        np.load(plugins=True)
    assert [(p.file, p.record, p.field, p.value) for p in caught.value.problems] == [
        ("extra:partners/qzz.toml", "memberships[0]", "programme", "pfpp"),
    ]


def test_a_plugins_unreadable_sources_file_is_the_one_problem_reported(
    plugins: list[_EntryPoint], tmp_path: Path
) -> None:
    # Its partner cites a source of that file: not reported again, as unknown.
    data = _plugin_data(tmp_path)
    (data / "sources.toml").write_text("[[sources]\n")
    plugins.append(_EntryPoint("extra", "npplugin:DATA", data))
    with pytest.raises(np.DataError) as caught:
        np.load(plugins=True)
    assert [p.file for p in caught.value.problems] == ["extra:sources.toml"]


def test_a_plugin_that_cannot_be_loaded_is_a_data_error(plugins: list[_EntryPoint]) -> None:
    plugins.append(_EntryPoint("extra", "npplugin:DATA", ModuleNotFoundError("npplugin")))
    with pytest.raises(np.DataError) as caught:
        np.load(plugins=True)
    (problem,) = caught.value.problems
    assert problem.record == "npplugin:DATA"
    assert problem.expected == ("an entry point that gives a dataset directory "
                                "(ModuleNotFoundError: npplugin)")


def test_a_plugin_of_another_format_is_refused(
    plugins: list[_EntryPoint], tmp_path: Path
) -> None:
    data = _plugin_data(tmp_path)
    (data / "dataset.toml").write_text(
        'format = 99\nversion = "1"\nreviewed = "2026-11-01"\ntitle = "Plugin data"\n')
    plugins.append(_EntryPoint("extra", "npplugin:DATA", data))
    with pytest.raises(np.DataError) as caught:
        np.load(plugins=True)
    assert [(p.file, p.field, p.value) for p in caught.value.problems] == [
        ("extra:dataset.toml", "format", 99),
    ]


def test_the_bundled_dataset_is_read_once(plugins: list[_EntryPoint]) -> None:
    assert np.load() is np.load()
    assert np.load(plugins=True) is np.load(plugins=True)
