"""Records to pandas, Arrow and Parquet and back; the optional extras stay optional."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

import nato_partners as np_
from nato_partners import (
    DataError,
    Membership,
    Milestone,
    MilestoneKind,
    PartialDate,
    Partner,
    Programme,
    ProjectStatus,
    Region,
    Source,
    TrustFundProject,
)

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")


def _all_records() -> list[tuple[type, tuple]]:
    ds = np_.load()
    return [
        (Source, ds.sources()),
        (Partner, ds.partners()),
        (Programme, ds.programmes()),
        (Membership, ds.memberships()),
        (Milestone, ds.milestones()),
        (TrustFundProject, ds.trust_fund_projects(funding=None)),
    ]


ALL = _all_records()
IDS = [cls.__name__ for cls, _ in ALL]


def test_importing_the_package_imports_no_optional_extra() -> None:
    code = (
        "import sys, nato_partners\n"
        "heavy = {'pandas', 'pyarrow', 'matplotlib', 'numpy'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", lambda: np_.to_dataframe(np_.partners()), "pandas"),
        ("pandas", lambda: np_.from_dataframe(None, Partner), "pandas"),
        ("pyarrow", lambda: np_.to_arrow(np_.partners()), "arrow"),
        ("pyarrow", lambda: np_.from_arrow(None, Partner), "arrow"),
        ("pyarrow.parquet", lambda: np_.to_parquet(np_.partners(), "x.parquet"), "arrow"),
        ("pyarrow.parquet", lambda: np_.read_parquet("x.parquet", Partner), "arrow"),
    ],
)
def test_a_missing_extra_names_what_to_install(monkeypatch, module, call, extra) -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=rf"pip install 'nato-partners\[{extra}\]'"):
        call()


@pytest.mark.parametrize(("cls", "records"), ALL, ids=IDS)
def test_dataframe_round_trip_gives_equal_records(cls, records) -> None:
    frame = np_.to_dataframe(records)
    key = "partner" if cls is Membership else "code" if cls is Partner else "id"
    assert frame[key].tolist() == [getattr(record, key) for record in records]
    assert np_.from_dataframe(frame, cls) == records


@pytest.mark.parametrize(("cls", "records"), ALL, ids=IDS)
def test_arrow_round_trip_gives_equal_records(cls, records) -> None:
    assert np_.from_arrow(np_.to_arrow(records), cls) == records


@pytest.mark.parametrize(("cls", "records"), ALL, ids=IDS)
def test_parquet_round_trip_gives_equal_records(tmp_path: Path, cls, records) -> None:
    path = tmp_path / f"{cls.__name__}.parquet"
    np_.to_parquet(records, path)
    assert np_.read_parquet(path, cls) == records
    # A Parquet file read with pandas, as an analyst would, comes back too.
    assert np_.from_dataframe(pd.read_parquet(path), cls) == records


def test_dates_are_first_days_with_their_precision() -> None:
    milestones = [m for m in np_.milestones() if m.date is not None]
    frame = np_.to_dataframe(milestones)
    assert str(frame["date"].dtype).startswith("datetime64")
    assert set(frame["date_precision"].cat.categories) == {"year", "month", "day"}
    for milestone, day, precision in zip(milestones, frame["date"], frame["date_precision"],
                                         strict=True):
        assert milestone.date is not None
        assert day.date() == milestone.date.earliest
        assert precision == milestone.date.precision.value


def test_the_nacc_membership_is_stored_as_march_1992() -> None:
    (nacc,) = np_.memberships("AZ", "nacc")
    row = np_.to_dataframe([nacc]).iloc[0]
    assert row["joined"] == pd.Timestamp(1992, 3, 1)
    assert row["joined_precision"] == "month"
    assert row["left"] == pd.Timestamp(1997, 5, 30)
    assert row["left_precision"] == "day"
    assert pd.isna(row["suspended"])
    assert pd.isna(row["suspended_precision"])


def test_enums_are_categoricals_over_the_whole_vocabulary() -> None:
    # A partner's milestones use only some kinds; the categories still list every kind.
    frame = np_.to_dataframe(np_.milestones(partner="AZ"))
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == [k.value for k in MilestoneKind]
    partners = np_.to_dataframe(np_.partners())
    assert list(partners["region"].cat.categories) == [r.value for r in Region]
    projects = np_.to_dataframe(np_.trust_fund_projects())
    assert list(projects["status"].cat.categories) == [s.value for s in ProjectStatus]


def test_sources_become_ids_and_urls() -> None:
    records = np_.memberships("AZ")
    frame = np_.to_dataframe(records)
    for record, ids, urls in zip(records, frame["sources"], frame["source_urls"], strict=True):
        assert ids == [s.id for s in record.sources]
        assert urls == [s.url for s in record.sources]


def test_a_partners_mission_is_flattened() -> None:
    azerbaijan = np_.partner("AZ")
    assert azerbaijan.mission is not None
    row = np_.to_dataframe([azerbaijan]).iloc[0]
    assert row["mission_name"] == azerbaijan.mission.name
    assert row["mission_head"] == azerbaijan.mission.head
    assert azerbaijan.mission.established is not None
    assert row["mission_established"].date() == azerbaijan.mission.established.earliest


def test_arrow_types() -> None:
    table = np_.to_arrow(np_.milestones())
    schema = table.schema
    assert schema.field("date").type == pa.date32()
    kind = schema.field("kind").type
    assert pa.types.is_dictionary(kind)
    assert table.column("kind").combine_chunks().dictionary.to_pylist() == [
        k.value for k in MilestoneKind
    ]
    assert schema.field("areas").type == pa.list_(pa.string())
    assert schema.field("sources").type == pa.list_(pa.string())


def test_records_of_several_types_are_refused() -> None:
    mixed = [*np_.partners()[:1], *np_.programmes()[:1]]
    with pytest.raises(TypeError, match="one type"):
        np_.to_dataframe(mixed)
    with pytest.raises(TypeError, match="one type"):
        np_.to_arrow(mixed)


def test_no_records_need_a_type() -> None:
    with pytest.raises(ValueError, match="no records"):
        np_.to_dataframe([])
    with pytest.raises(ValueError, match="no records"):
        np_.to_arrow([])
    empty = np_.to_dataframe([], cls=Milestone)
    assert len(empty) == 0
    assert "date_precision" in empty.columns
    assert np_.from_arrow(np_.to_arrow([], cls=Milestone), Milestone) == ()


def test_something_that_is_not_a_record_is_refused() -> None:
    with pytest.raises(TypeError, match="makes tables of"):
        np_.to_dataframe([PartialDate.parse("1994")])
    with pytest.raises(TypeError, match="makes tables of"):
        np_.from_dataframe(pd.DataFrame(), PartialDate)


def test_extra_columns_are_ignored_and_missing_ones_named() -> None:
    records = np_.milestones(partner="AZ")
    frame = np_.to_dataframe(records)
    frame["decade"] = frame["date"].dt.year // 10 * 10
    assert np_.from_dataframe(frame, Milestone) == records
    with pytest.raises(ValueError, match="date_precision, kind"):
        np_.from_dataframe(frame.drop(columns=["kind", "date_precision"]), Milestone)


def test_an_unknown_source_id_is_a_data_error() -> None:
    frame = np_.to_dataframe(np_.milestones(partner="AZ")[:1])
    frame.at[0, "sources"] = ["no-such-source"]
    with pytest.raises(DataError) as caught:
        np_.from_dataframe(frame, Milestone)
    (problem,) = caught.value.problems
    assert problem.field == "sources[0]"
    assert problem.value == "no-such-source"


def test_a_date_that_is_not_the_first_day_of_its_period_is_a_data_error() -> None:
    (nacc,) = np_.memberships("AZ", "nacc")
    frame = np_.to_dataframe([nacc])
    frame.at[0, "joined"] = pd.Timestamp(1992, 3, 10)  # month precision: must be the 1st
    with pytest.raises(DataError, match="first day of the month"):
        np_.from_dataframe(frame, Membership)


def test_bad_cells_are_reported_together() -> None:
    frame = np_.to_dataframe(np_.milestones(partner="AZ")[:2])
    frame["kind"] = frame["kind"].cat.add_categories(["party"])
    frame.at[0, "kind"] = "party"
    frame["title"] = frame["title"].astype(object)
    frame.at[1, "title"] = 12
    with pytest.raises(DataError) as caught:
        np_.from_dataframe(frame, Milestone)
    assert {p.field for p in caught.value.problems} == {"kind", "title"}


def test_a_table_of_another_record_type_is_refused() -> None:
    table = np_.to_arrow(np_.memberships("AZ"))
    with pytest.raises(TypeError, match="holds Membership records, not Milestone"):
        np_.from_arrow(table, Milestone)


def test_sources_are_looked_up_in_the_dataset_given() -> None:
    source = Source(id="only-here", title="A page", publisher="Someone",
                    url="https://example.org/page")
    programme = Programme(id="test-programme", name="Test programme",
                          kind=np_.ProgrammeKind.FORUM, description="For a test.",
                          established=PartialDate.parse("2001-02"), sources=(source,))
    azerbaijan = np_.partner("AZ")
    dataset = np_.Dataset(info=np_.load().info, sources=[*azerbaijan.sources, source],
                          partners=[azerbaijan], programmes=[programme])
    frame = np_.to_dataframe([programme])
    with pytest.raises(DataError, match="only-here"):
        np_.from_dataframe(frame, Programme)  # the bundled dataset lacks the source
    (back,) = np_.from_dataframe(frame, Programme, dataset=dataset)
    assert back == programme
    assert back.established == PartialDate.parse("2001-02")
    assert datetime.date(2001, 2, 1) == frame.loc[0, "established"].date()
