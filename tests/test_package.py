"""The package as users install it: files in the wheel, dependencies, import behaviour."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import pytest

import nato_partners


def test_py_typed_and_data_ship_in_the_package() -> None:
    root = resources.files("nato_partners")
    assert (root / "py.typed").is_file()
    data = root / "data"
    assert (data / "dataset.toml").is_file()
    assert (data / "sources.toml").is_file()
    assert (data / "programmes.toml").is_file()
    assert (data / "partners" / "aze.toml").is_file()


def test_runtime_dependencies_are_exactly_attrs_cattrs_pendulum() -> None:
    requires = metadata.requires("nato-partners") or []
    runtime = {
        re.split(r"[ <>=!~;\[]", r, maxsplit=1)[0].lower()
        for r in requires
        if "extra ==" not in r
    }
    assert runtime == {"attrs", "cattrs", "pendulum"}


def test_version_matches_the_distribution() -> None:
    assert nato_partners.__version__ == metadata.version("nato-partners")


def test_public_names_exist_and_are_listed() -> None:
    for name in nato_partners.__all__:
        assert hasattr(nato_partners, name), name
    assert len(set(nato_partners.__all__)) == len(nato_partners.__all__)
    # Every name the package loads on demand is public, and nothing else is on offer.
    lazy = set(nato_partners._HOME_OF)
    assert lazy <= set(nato_partners.__all__)
    assert set(nato_partners.__all__) - lazy == {
        "FORMAT_VERSION", "__data_reviewed__", "__data_version__", "__version__"
    }
    assert set(dir(nato_partners)) >= set(nato_partners.__all__)
    with pytest.raises(AttributeError, match="no attribute 'parnter'"):
        _ = nato_partners.parnter  # type: ignore[attr-defined]


def test_import_reads_no_data_and_loads_nothing_heavy() -> None:
    code = (
        "import sys, nato_partners\n"
        "assert 'nato_partners.loading' not in sys.modules, 'loading module imported'\n"
        "heavy = {'pandas', 'pyarrow', 'matplotlib', 'numpy'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "nato_partners.programme('pfp')\n"  # partner('AZ') needs no load: see test_quick
        "import nato_partners.loading as d\n"
        "assert d._loaded[False] is not None\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


#: The modules whose names users may import from, and those that are an implementation
#: detail though their names have no leading underscore (docs/api.rst says the same).
PUBLIC_MODULES = {"nato_partners", "nato_partners.export", "nato_partners.cli",
                  "nato_partners.errors", "nato_partners.panels"}
INTERNAL_MODULES = {f"nato_partners.{name}" for name in (
    "answers", "changes", "citations", "convert", "coverage_report", "dataset", "dates",
    "files", "loading", "matching", "model", "plot", "queries", "results", "rules", "schema",
    "state_lists", "validate", "write", "cli.columns", "cli.commands",
    "cli.output")}


def test_every_module_is_public_or_internal_by_decision() -> None:
    import pkgutil

    found = {"nato_partners"} | {
        info.name for info in pkgutil.walk_packages(nato_partners.__path__, "nato_partners.")}
    underscored = {name for name in found if name.rpartition(".")[2].startswith("_")}
    assert found - underscored == PUBLIC_MODULES | INTERNAL_MODULES
    assert not PUBLIC_MODULES & INTERNAL_MODULES
    api = (Path(__file__).parent.parent / "docs" / "api.rst").read_text("utf-8")
    for name in PUBLIC_MODULES - {"nato_partners"}:
        assert f"``{name}``" in api, name
    for name in INTERNAL_MODULES:
        if "." not in name.removeprefix("nato_partners."):
            assert f"``{name.removeprefix('nato_partners.')}``" in api, name


def test_the_export_module_offers_what_the_api_page_names() -> None:
    from nato_partners import export

    assert set(export.__all__) == {
        "TableRecord", "first_day", "from_arrow", "from_dataframe", "plain_table",
        "read_parquet",
        "to_arrow", "to_dataframe", "to_parquet", "to_polars"}
