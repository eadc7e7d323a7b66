"""The bundled data's one-file JSON form, and datasets that other packages register."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest
from plugin_data import PARTNER, SOURCES

import nato_partners as np
from nato_partners.files import (
    RawDataset,
    RawRecord,
    bundle_directory,
    read_bundle,
    read_directory,
)


def test_the_json_bundle_matches_the_toml_files() -> None:
    root = resources.files("nato_partners")
    shipped = json.loads((root / "_data.json").read_text("utf-8"))
    fresh = json.loads(bundle_directory(root / "data"))
    # If this fails, the TOML files changed: run `bash scripts/bundle-data`.
    assert shipped == fresh


def test_the_bundle_gives_the_same_records_as_the_files() -> None:
    root = resources.files("nato_partners")
    from_bundle = read_bundle((root / "_data.json").read_text("utf-8"))
    from_files = read_directory(root / "data")
    assert from_bundle.info == from_files.info
    def records(raw: RawDataset) -> list[RawRecord]:
        found = [record for part in raw.sections for record in part.records()]
        return sorted(found, key=lambda r: (r.file, r.label))

    assert records(from_bundle) == records(from_files)
    assert np.load() is np.load()  # read once, then cached
    # load() leaves out the checks across records, which the files pass here (and
    # scripts/bundle-data before it writes the bundle).
    checked = np.load_dataset(root / "data")
    for question in ("partners", "programmes", "memberships", "milestones",
                     "trust_fund_projects", "sources"):
        assert getattr(np.load(), question)() == getattr(checked, question)(), question


def _install_plugin(tmp_path: Path, partner_file: str, sources: str = "") -> Path:
    """Make an installed-looking package 'npplugin' with a dataset under an entry point."""
    site = tmp_path / "site"
    data = site / "npplugin" / "data"
    (data / "partners").mkdir(parents=True)
    (site / "npplugin" / "__init__.py").write_text(
        "from importlib.resources import files\nDATA = files(__name__) / 'data'\n"
    )
    (data / "dataset.toml").write_text(
        'format = 1\nversion = "1"\nreviewed = "2026-11-01"\ntitle = "Plugin data"\n'
    )
    if sources:
        (data / "sources.toml").write_text(sources)
    (data / "partners" / "qzz.toml").write_text(partner_file)
    info = site / "npplugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: npplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[nato_partners.datasets]\nextra = npplugin:DATA\n")
    return site


def _run(site: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True,
        env={"PYTHONPATH": str(site), "PATH": ""},
    )


def test_a_plugin_adds_partners_only_when_asked(tmp_path: Path) -> None:
    site = _install_plugin(tmp_path, PARTNER, SOURCES)
    result = _run(site, textwrap.dedent("""
        import nato_partners as np
        with_plugins = np.load(plugins=True)
        plug = with_plugins.partner("Plugland")
        assert plug.code == "QZZ"
        # It may cite the bundled sources and programmes.
        (membership,) = with_plugins.memberships("QZ", "pfp")
        assert str(membership.joined) == "2001-02-03"
        assert "caliber-agencies-visit" in {s.id for s in membership.sources}
        assert with_plugins.partner("AZ") == np.partner("AZ")
        try:
            np.load().partner("Plugland")
        except np.NotFoundError:
            print("ok")
    """))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_broken_plugin_is_named_in_the_error(tmp_path: Path) -> None:
    site = _install_plugin(tmp_path, PARTNER.replace('"pfp"', '"pfpp"'), SOURCES)
    result = _run(site, textwrap.dedent("""
        import nato_partners as np
        try:
            np.load(plugins=True)
        except np.DataError as error:
            (problem,) = error.problems
            print(problem.file, problem.field, problem.value)
    """))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["extra:partners/qzz.toml", "programme", "pfpp"]


def test_a_plugin_that_cannot_be_imported_is_a_data_error(tmp_path: Path) -> None:
    site = _install_plugin(tmp_path, PARTNER, SOURCES)
    shutil.rmtree(site / "npplugin")
    result = _run(site, textwrap.dedent("""
        import nato_partners as np
        try:
            np.load(plugins=True)
        except np.DataError as error:
            print(error)
    """))
    assert result.returncode == 0, result.stderr
    assert "npplugin:DATA" in result.stdout
    assert "ModuleNotFoundError" in result.stdout


@pytest.mark.parametrize("plugins", [False, True])
def test_without_plugins_installed_both_loads_agree(plugins: bool) -> None:
    assert np.load(plugins=plugins).partners() == np.load().partners()


def test_a_plugin_whose_sources_file_is_broken_reports_it_once(tmp_path: Path) -> None:
    site = _install_plugin(tmp_path, PARTNER, "[[sources]\nid = 1\n")
    result = _run(site, textwrap.dedent("""
        import nato_partners as np
        try:
            np.load(plugins=True)
        except np.DataError as error:
            for problem in error.problems:
                print(problem.file)
    """))
    assert result.returncode == 0, result.stderr
    # The unreadable file, and not every record that cites a source from it.
    assert result.stdout.split() == ["extra:sources.toml"]


def test_a_source_id_that_is_not_text_is_named_as_such(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(str(resources.files("nato_partners") / "data"), root)
    path = root / "partners" / "aze.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('sources = ["mfa-content-681",', "sources = [681,", 1),
                    "utf-8")
    with pytest.raises(np.DataError) as error:
        np.load_dataset(root)
    (problem,) = error.value.problems
    assert problem.field is not None
    assert problem.field.startswith("sources[")
    assert problem.value == 681
    assert "source id (text)" in problem.expected
