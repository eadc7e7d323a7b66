"""The data package: files R, Stata and Python read as they come, and a valid descriptor."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import nato_partners as np
from nato_partners.panels import STATUS_LABELS

pandas = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("package")
    np.write_package(directory)
    return directory


def test_frictionless_finds_the_package_valid_keys_and_references_included(
    package: Path,
) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    schemas = {r["name"]: r.get("schema", {}) for r in descriptor["resources"]}
    assert schemas["memberships"]["primaryKey"] == ["id"]
    assert {"fields": "membership", "reference": {"resource": "memberships",
                                                  "fields": "id"}} \
        in schemas["panel"]["foreignKeys"]
    assert schemas["citations"]["foreignKeys"][0]["reference"]["resource"] == "sources"


def test_a_broken_reference_is_caught_by_the_validator(package: Path, tmp_path: Path) -> None:
    # The foreign keys are checked, not only declared: a citation of a source that is not
    # in sources.csv makes the package invalid.
    frictionless = pytest.importorskip("frictionless")
    for path in package.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    with open(tmp_path / "citations.csv", "a", encoding="utf-8") as out:
        out.write("partners,AZE,no-such-source\n")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_the_descriptor_carries_version_horizon_licence_and_citation(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    data = np.load()
    assert descriptor["version"] == np.__data_version__
    assert descriptor["horizon"] == str(data.horizon)
    assert descriptor["licenses"][0]["name"] == "MIT"
    assert descriptor["citation"] == np.cite().strip()
    fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == "partners"
              for f in r["schema"]["fields"]}
    assert fields["iso_numeric"]["type"] == "string"
    assert fields["cow_code"]["type"] == "integer"
    readme = (package / "README.md").read_text("utf-8")
    for words in ("read_dta", "read.csv", "use panel.dta", np.__data_version__):
        assert words in readme


def test_every_table_holds_every_record_and_every_citation(package: Path) -> None:
    data = np.load()
    for name, records in (("partners", data.partners()), ("programmes", data.programmes()),
                          ("memberships", data.memberships()),
                          ("milestones", data.milestones()),
                          ("trust_fund_projects", data.trust_fund_projects(funding=None)),
                          ("sources", data.sources())):
        with open(package / f"{name}.csv", encoding="utf-8", newline="") as table:
            rows = list(csv.DictReader(table))
        assert len(rows) == len(records), name
    with open(package / "memberships.csv", encoding="utf-8", newline="") as table:
        assert [r["id"] for r in csv.DictReader(table)] == [m.id for m in data.memberships()]
    with open(package / "citations.csv", encoding="utf-8", newline="") as table:
        links = {(r["table"], r["record"], r["source"]) for r in csv.DictReader(table)}
    expected = {("memberships", m.id, s.id) for m in data.memberships() for s in m.sources}
    assert expected <= links
    assert len(links) == sum(len(r.sources) for r in (
        *data.partners(), *data.programmes(), *data.memberships(), *data.milestones(),
        *data.trust_fund_projects(funding=None)))


def test_codes_stay_text_where_the_schema_says_so(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    package_ = frictionless.Package(str(package / "datapackage.json"))
    rows = package_.get_resource("partners").read_rows()
    afghanistan = next(r for r in rows if r["code"] == "AFG")
    assert afghanistan["iso_numeric"] == "004"
    assert isinstance(afghanistan["cow_code"], int)


def test_the_panel_csv_is_the_panel_with_not_known_left_empty(package: Path) -> None:
    read = pandas.read_csv(package / "panel.csv", dtype={"iso_numeric": str})
    panel = np.panel()
    assert len(read) == len(panel)
    assert (read["status"].isna() == panel["status"].isna()).all()
    known = panel["status"].notna()
    assert (read.loc[known, "status"] == panel.loc[known, "status"]).all()
    assert read["status"].isna().any()  # there are cells the data cannot settle
    assert set(read["iso_numeric"].dropna().str.len()) == {3}


def test_the_stata_panel_keeps_codes_labels_and_missing(package: Path) -> None:
    codes = pandas.read_stata(package / "panel.dta", convert_categoricals=False)
    panel = np.panel()
    assert len(codes) == len(panel)
    assert (codes["status"].isna() == panel["status"].isna()).all()
    known = panel["status"].notna()
    assert (codes.loc[known, "status"] == panel.loc[known, "status"]).all()
    with pandas.io.stata.StataReader(package / "panel.dta") as reader:
        labels = reader.value_labels()
        variables = reader.variable_labels()
    assert labels["status"] == {c: label for c, label in STATUS_LABELS.items()
                                if c is not None}
    assert "not known" in variables["status"]
    labelled = pandas.read_stata(package / "panel.dta")
    assert (labelled.loc[known, "status"].astype(str)
            == panel.loc[known, "status_label"].astype(str)).all()


def test_a_users_dataset_is_packaged_as_it_is(bundled: Path, tmp_path: Path) -> None:
    text = (bundled / "dataset.toml").read_text("utf-8")
    (bundled / "dataset.toml").write_text(text.replace('version = "', 'version = "mine-'),
                                          "utf-8")
    mine = np.load_dataset(bundled)
    np.write_package(tmp_path / "out", mine)
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))
    assert descriptor["version"] == mine.info.version
    assert descriptor["version"].startswith("mine-")
