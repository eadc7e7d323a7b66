"""The NATO panel agrees with the Correlates of War IGO data (v3) on every state-year.

The extract in ``tests/data`` (see its README for the source and the citation) holds
COW's NATO code for every state in the COW state system from 1949 to 2014. Merged on the
COW code of each period, every state-year both hold must carry the same code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import nato_partners as nato

pandas = pytest.importorskip("pandas")

_EXTRACT = Path(__file__).parent / "data" / "cow-igo-v3-nato.csv"


@pytest.fixture(scope="module")
def merged() -> pandas.DataFrame:
    cow = pandas.read_csv(_EXTRACT)
    ours = nato.panel(programmes=["nato"], start=1949, end=2014)
    return cow.merge(ours, how="outer", indicator=True,
                     left_on=["ccode", "year"], right_on=["cow_code", "period"])


def test_every_state_year_both_hold_agrees(merged: pandas.DataFrame) -> None:
    both = merged[merged["_merge"] == "both"]
    # The data knows every one of them: none is missing in the panel.
    assert both["status"].notna().all()
    assert (both["status"].astype(int) == both["nato"]).all(), both[
        both["status"].astype(int) != both["nato"]]
    # Every NATO member state-year in the COW file is one the panel holds, West Germany's
    # 35 under COW 260 included; what the panel lacks are non-members not in the dataset.
    cow_members = merged[merged["nato"] == 1]
    assert (cow_members["_merge"] == "both").all()
    west_germany = both[both["ccode"] == 260]
    assert set(west_germany["year"]) == set(range(1955, 1990))
    assert set(west_germany["partner"]) == {"DEU"}


def test_panel_rows_without_a_cow_row_are_years_the_cow_list_lacks(
    merged: pandas.DataFrame,
) -> None:
    # A panel row has no COW row only where the COW state list does not hold the state in
    # that year (the Gleditsch-Ward list does, so the state existed): Austria before
    # 1955, say. Its COW code for the year is then missing.
    ours_only = merged[merged["_merge"] == "right_only"]
    assert len(ours_only) > 0
    for row in ours_only.itertuples(index=False):
        assert pandas.isna(row.cow_code), row
        partner = nato.partner(row.partner)
        assert partner.state_code("cow", str(int(row.period))) is None, row
        assert partner.state_code("gw", str(int(row.period))) is not None, row


def test_an_all_states_panel_agrees_on_every_state_year_of_the_cow_file() -> None:
    # With a row for every COW state, the panel holds every state-year of the COW file,
    # the states the dataset does not hold as partners (Cyprus, say) coded 0 because
    # NATO's membership is complete, and agrees with every one of them.
    cow = pandas.read_csv(_EXTRACT)
    ours = nato.panel(programmes=["nato"], start=1949, end=2014, states="cow")
    merged = cow.merge(ours, how="outer", indicator=True,
                       left_on=["ccode", "year"], right_on=["cow_code", "period"])
    both = merged[merged["_merge"] == "both"]
    assert len(both) == len(cow)
    assert (both["status"] == both["nato"]).all()
    assert ours["partner"].isna().sum() > len(ours) / 2  # most states are not partners
    # The rows the COW file lacks are of states that ceased during that year: the file
    # lists a state in a year only if it lasted to the year's end.
    extra = merged[merged["_merge"] == "right_only"]
    assert len(extra) > 0
    listed = {(s.code, s.end.year) for s in nato.state_list("cow") if s.end is not None}
    for row in extra.itertuples(index=False):
        assert (int(row.cow_code), row.period) in listed, row
