"""Nothing is lost on the way in or out: property-based round trips over generated records.

Records of every type, with dates at each precision and text from all of Unicode, go
through the converter, through JSON, and (as whole datasets) through files written by
write_dataset in TOML and JSON, and come back equal.
"""

from __future__ import annotations

import json
import tempfile
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from strategies import RECORDS, datasets, partial_dates, records, texts

from nato_partners import (
    Dataset,
    DatasetInfo,
    Membership,
    Milestone,
    PartialDate,
    Partner,
    Precision,
    Programme,
    Region,
    Source,
    TrustFundProject,
    load,
    load_dataset,
    structure,
    unstructure,
    write_dataset,
)

_SLOW = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _contents(dataset: Dataset) -> dict[str, Any]:
    """Every record of a dataset, as multisets, so that order does not matter."""
    return {
        "info": dataset.info,
        "sources": Counter(dataset.sources()),
        "partners": Counter(dataset.partners()),
        "programmes": Counter(dataset.programmes()),
        "memberships": Counter(dataset.memberships()),
        "milestones": Counter(dataset.milestones()),
        "projects": Counter(dataset.trust_fund_projects(funding=None)),
    }


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda cls: cls.__name__)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_structure_undoes_unstructure(cls: type[Any], data: st.DataObject) -> None:
    record = data.draw(RECORDS[cls])
    assert structure(unstructure(record), cls) == record


@settings(max_examples=200, deadline=None)
@given(records)
def test_records_survive_json(record: Any) -> None:
    text = json.dumps(unstructure(record), ensure_ascii=False)
    assert structure(json.loads(text), type(record)) == record


@pytest.mark.parametrize("precision", list(Precision))
def test_the_strategies_draw_dates_of_each_precision(precision: Precision) -> None:
    assert find(partial_dates, lambda d: d.precision is precision).precision is precision


def test_the_strategies_draw_text_that_is_hard_to_write() -> None:
    for hard in ('"', "\\", "\n", "\x00", "\u00e9"):
        assert hard in find(texts, lambda t, hard=hard: hard in t)


@_SLOW
@given(datasets(), st.sampled_from(["toml", "json"]))
def test_a_written_dataset_reads_back_equal(dataset: Dataset, format: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "out"
        write_dataset(dataset, target, format=format)  # type: ignore[arg-type]
        assert _contents(load_dataset(target)) == _contents(dataset)


@_SLOW
@given(datasets())
def test_the_json_export_reads_back_equal(dataset: Dataset) -> None:
    export = {
        "info": unstructure(dataset.info),
        "sources": unstructure(dataset.sources()),
        "partners": unstructure(dataset.partners()),
        "programmes": unstructure(dataset.programmes()),
        "memberships": unstructure(dataset.memberships()),
        "milestones": unstructure(dataset.milestones()),
        "trust_fund_projects": unstructure(dataset.trust_fund_projects(funding=None)),
    }
    back = json.loads(json.dumps(export, ensure_ascii=False))
    rebuilt = Dataset(
        info=structure(back["info"], DatasetInfo),
        sources=structure(back["sources"], tuple[Source, ...]),
        partners=structure(back["partners"], tuple[Partner, ...]),
        programmes=structure(back["programmes"], tuple[Programme, ...]),
        memberships=structure(back["memberships"], tuple[Membership, ...]),
        milestones=structure(back["milestones"], tuple[Milestone, ...]),
        trust_fund_projects=structure(back["trust_fund_projects"],
                                      tuple[TrustFundProject, ...]),
    )
    assert _contents(rebuilt) == _contents(dataset)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_survives_a_toml_file(text: str) -> None:
    source = Source(id="s", title=text, publisher=text, note=text)
    info = DatasetInfo(format=1, version=text, reviewed=PartialDate.parse("2024"), title=text)
    partner = Partner(code="XYZ", alpha2="XY", name=text, region=Region.GULF,
                      sources=(source,))
    dataset = Dataset(info=info, sources=[source], partners=[partner], programmes=[])
    with tempfile.TemporaryDirectory() as directory:
        write_dataset(dataset, Path(directory) / "out")
        written = (Path(directory) / "out" / "sources.toml").read_text(encoding="utf-8")
        assert tomllib.loads(written)["sources"][0]["title"] == text


@pytest.mark.parametrize("format", ["toml", "json"])
def test_the_bundled_dataset_survives_writing(tmp_path: Path, format: str) -> None:
    dataset = load()
    written = write_dataset(dataset, tmp_path / "out", format=format)  # type: ignore[arg-type]
    assert {p.suffix for p in written} == {f".{format}"}
    assert _contents(load_dataset(tmp_path / "out")) == _contents(dataset)


def test_writing_refuses_a_directory_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        write_dataset(load(), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_writing_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="toml"):
        write_dataset(load(), tmp_path / "out", format="yaml")  # type: ignore[arg-type]
