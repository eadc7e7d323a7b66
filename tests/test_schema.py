"""The published format: versions, and the JSON Schemas shipped with the package."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import nato_partners as np
from nato_partners import (
    Membership,
    Milestone,
    MilestoneKind,
    PartialDate,
    Partner,
    Programme,
    Source,
    TrustFundProject,
    json_schema,
    schemas,
    unstructure,
    write_dataset,
    write_schemas,
)

_DATA = resources.files("nato_partners") / "data"
_SHIPPED = resources.files("nato_partners") / "schemas"
_Validator = jsonschema.Draft202012Validator


def _errors(instance: Any, name: str) -> list[str]:
    validator = _Validator(schemas()[name])
    return [error.message for error in validator.iter_errors(instance)]


def _data_files() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every bundled data file, parsed, with the name of the schema for it."""
    for name, schema in (("dataset.toml", "dataset_info"), ("sources.toml", "sources_file"),
                         ("programmes.toml", "programmes_file")):
        yield schema, tomllib.loads((_DATA / name).read_text(encoding="utf-8"))
    for entry in (_DATA / "partners").iterdir():
        if entry.name.endswith(".toml"):
            yield "partner_file", tomllib.loads(entry.read_text(encoding="utf-8"))


# -- versions ------------------------------------------------------------------------


def test_versions_agree_with_the_bundled_dataset_file() -> None:
    info = tomllib.loads((_DATA / "dataset.toml").read_text(encoding="utf-8"))
    assert np.__data_version__ == info["version"]
    assert np.__data_reviewed__ == info["reviewed"]
    assert info["format"] == np.FORMAT_VERSION
    loaded = np.load().info
    assert (loaded.version, str(loaded.reviewed)) == (np.__data_version__, np.__data_reviewed__)


def test_the_reviewed_date_is_a_full_date() -> None:
    assert PartialDate.parse(np.__data_reviewed__).precision.value == "day"


def test_the_data_version_is_known_without_reading_a_file() -> None:
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0]))"
        " if event == 'open' else None)\n"
        "import nato_partners\n"
        "version = nato_partners.__data_version__\n"
        "assert not [p for p in opened if '.toml' in p or '.json' in p], opened\n"
        "print(version)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == np.__data_version__


# -- the shipped schemas ---------------------------------------------------------------


def test_the_shipped_schemas_are_exactly_what_the_records_generate(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    shipped = {e.name: e.read_bytes() for e in _SHIPPED.iterdir() if e.name.endswith(".json")}
    assert {path.name: path.read_bytes() for path in written} == shipped


def test_there_is_a_schema_for_each_record_type_and_file() -> None:
    names = set(schemas())
    assert {"partner", "programme", "membership", "milestone", "trust_fund_project",
            "source", "dataset_info"} <= names
    assert {"partner_file", "sources_file", "programmes_file"} <= names


@pytest.mark.parametrize("name", sorted(schemas()))
def test_every_schema_is_a_valid_json_schema(name: str) -> None:
    _Validator.check_schema(schemas()[name])


def test_json_schema_refuses_what_is_not_a_record() -> None:
    with pytest.raises(TypeError):
        json_schema(PartialDate)
    with pytest.raises(TypeError):
        json_schema(dict)


def test_enumerations_list_their_allowed_values() -> None:
    kind = json_schema(Milestone)["properties"]["kind"]
    assert kind["enum"] == [k.value for k in MilestoneKind]


# -- the bundled data against the schemas --------------------------------------------


def test_every_bundled_data_file_matches_its_schema() -> None:
    checked = 0
    for schema, content in _data_files():
        assert _errors(content, schema) == [], schema
        checked += 1
    assert checked >= 4


def test_every_record_matches_its_record_schema() -> None:
    dataset = np.load()
    for name, records in (
        ("partner", dataset.partners()),
        ("programme", dataset.programmes()),
        ("membership", dataset.memberships()),
        ("milestone", dataset.milestones()),
        ("trust_fund_project", dataset.trust_fund_projects(funding=None)),
        ("source", dataset.sources()),
    ):
        for record in records:
            plain = json.loads(json.dumps(unstructure(record)))
            assert _errors(plain, name) == [], (name, record)
    assert _errors(json.loads(json.dumps(unstructure(dataset.info))), "dataset_info") == []


def test_written_json_files_match_the_file_schemas(tmp_path: Path) -> None:
    write_dataset(np.load(), tmp_path / "out", format="json")
    for path in (tmp_path / "out" / "partners").iterdir():
        assert _errors(json.loads(path.read_text(encoding="utf-8")), "partner_file") == []
    programmes = json.loads((tmp_path / "out" / "programmes.json").read_text())
    assert _errors(programmes, "programmes_file") == []


# -- what the schemas refuse --------------------------------------------------------------


def _a_milestone_file() -> dict[str, Any]:
    return {
        "partner": {"alpha2": "XY", "name": "X", "region": "gulf", "sources": ["doc-a"]},
        "milestones": [{"id": "m-1", "kind": "visit", "date": "1994-05", "title": "t",
                        "summary": "s", "sources": ["doc-a"]}],
    }


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("date", "1994-13"),
        ("date", "94"),
        ("date", "1994-05-4"),
        ("kind", "jioned"),
        ("sumary", "s"),
        ("sources", []),
        ("sources", [{"id": "doc-a", "title": "A", "publisher": "P"}]),
        ("id", "Not A Slug"),
        ("title", None),
        ("areas", "science"),
    ],
)
def test_the_file_schema_refuses_a_bad_field(change: str, value: object) -> None:
    content = _a_milestone_file()
    assert _errors(content, "partner_file") == []
    content["milestones"][0][change] = value
    assert _errors(content, "partner_file") != []


def test_a_partner_file_needs_its_partner_but_not_its_code() -> None:
    content = _a_milestone_file()
    assert "code" not in content["partner"]
    assert "partner" not in content["milestones"][0]
    del content["partner"]
    assert _errors(content, "partner_file") != []


@pytest.mark.parametrize(
    ("cls", "field", "value"),
    [
        (TrustFundProject, "items_disposed", -1),
        (TrustFundProject, "area_cleared_m2", "large"),
        (Source, "url", "ftp://example.org"),
        (Partner, "code", "aze"),
        (Programme, "established", "1995-02-30x"),
        (Membership, "partner", None),
    ],
)
def test_a_record_schema_refuses_a_bad_field(cls: type[Any], field: str, value: object) -> None:
    dataset = np.load()
    record = {
        TrustFundProject: dataset.trust_fund_projects,
        Source: dataset.sources,
        Partner: dataset.partners,
        Programme: dataset.programmes,
        Membership: dataset.memberships,
    }[cls]()[0]
    plain = json.loads(json.dumps(unstructure(record)))
    name = next(n for n, c in np.schema.RECORD_SCHEMAS.items() if c is cls)
    assert _errors(plain, name) == []
    spoilt = copy.deepcopy(plain)
    spoilt[field] = value
    assert _errors(spoilt, name) != []
