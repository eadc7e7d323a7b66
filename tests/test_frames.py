"""Frames that merge: empty results, slices, names beside codes, ordered categories, polars."""

from __future__ import annotations

import pytest

import nato_partners as np
from nato_partners import Membership, Milestone

pandas = pytest.importorskip("pandas")


def test_an_empty_result_is_an_empty_frame_with_the_same_columns() -> None:
    empty = np.memberships("AZ", "md")
    assert empty == ()
    full = np.memberships("AZ").to_dataframe()
    frame = empty.to_dataframe()
    assert list(frame.columns) == list(full.columns)
    assert len(frame) == 0
    assert dict(frame.dtypes) == dict(full.dtypes)


def test_an_empty_result_is_an_empty_arrow_table_with_the_same_schema() -> None:
    pytest.importorskip("pyarrow")
    assert np.milestones("AZ", since="2100").to_arrow().schema == (
        np.timeline("AZ").to_arrow().schema)


def test_a_slice_keeps_the_results_and_their_type() -> None:
    first = np.partners()[:3]
    assert type(first).__name__ == "Results"
    assert first.record_type is np.Partner
    assert list(first.to_dataframe()["code"]) == [p.code for p in np.partners()[:3]]
    assert np.partners()[0] == next(iter(np.partners()))  # an index still gives a record


def test_memberships_and_milestones_carry_names_beside_codes() -> None:
    frame = np.memberships("AZ").to_dataframe()
    assert set(frame["partner_name"]) == {"Azerbaijan"}
    pfp = frame[frame["programme"] == "pfp"].iloc[0]
    assert pfp["programme_name"] == "Partnership for Peace"
    timeline = np.timeline("GE").to_dataframe()
    assert set(timeline["partner_name"]) == {"Georgia"}
    named = timeline.dropna(subset=["programme"])
    assert all(np.programme(code).name == name
               for code, name in zip(named["programme"], named["programme_name"], strict=True))


def test_precision_and_confidence_are_ordered() -> None:
    frame = np.timeline("AZ").to_dataframe()
    assert frame["confidence"].cat.ordered
    assert list(frame["confidence"].cat.categories) == ["low", "medium", "high"]
    assert frame["date_precision"].cat.ordered
    assert list(frame["date_precision"].cat.categories) == ["year", "month", "day"]
    # So "at least medium" is one comparison.
    firm = frame[frame["confidence"] >= "medium"]
    assert set(firm["confidence"]) <= {"medium", "high"}
    assert "low" in set(frame["confidence"])
    # The region and kind vocabularies have no order.
    assert not frame["kind"].cat.ordered


def test_polars_has_the_columns_and_values_of_the_arrow_table() -> None:
    polars = pytest.importorskip("polars")
    timeline = np.timeline("AZ")
    frame = timeline.to_polars()
    assert isinstance(frame, polars.DataFrame)
    assert frame.columns == timeline.to_arrow().column_names
    assert frame["id"].to_list() == [m.id for m in timeline]
    assert np.memberships("AZ", "md").to_polars(Membership).height == 0
    assert np.milestones("AZ", since="2100").to_polars(Milestone).columns == frame.columns
