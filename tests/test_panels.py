"""Partner-programme-year panels agree with the yes/no/not-known answers, cell by cell."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import timed_datasets

import nato_partners as np
from nato_partners import Dataset, NotKnown, PartialDate, Status

pandas = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def full() -> pandas.DataFrame:
    # From the Alliance's founding to the horizon's year, which the panel ends with by default.
    return np.panel(start=1949)


def test_every_cell_agrees_with_status_and_participates(full: pandas.DataFrame) -> None:
    # The rule: a panel cell is what status() and participates() say of the same
    # year; "not known" is a missing cell, never 0.
    for row in full.itertuples(index=False):
        period = str(row.period)
        _agrees(row, np.status(row.partner, row.programme, on=period),
                np.participates(row.partner, row.programme, on=period))
        if row.status is pandas.NA:
            assert row.status_label == "not known"


def test_azerbaijan_in_the_partnership_for_peace(full: pandas.DataFrame) -> None:
    rows = full[(full.partner == "AZE") & (full.programme == "pfp")].set_index("period")
    # The PfP was set up in January 1994: in 1993 it did not exist yet, which COW codes
    # apart from "not a member".
    assert rows.loc[1993, "status"] == -1
    assert rows.loc[1993, "status_label"] == "not in existence"
    assert set(rows.loc[1994:, "status"]) == {1}
    # Armenia signed in October 1994: a whole-list programme, so before that, "no".
    armenia = np.panel(["AM"], ["pfp"], 1994, 1994, freq="month").set_index("period")
    assert armenia.loc["1994-09", "status"] == 0
    assert armenia.loc["1994-09", "status_label"] == "not a member"
    assert rows.loc[1994, "membership"] == "AZE/pfp/1994-05-04"
    assert rows.loc[1994, "joined_precision"] == "day"


def test_a_year_before_a_programme_existed_is_coded_as_such(full: pandas.DataFrame) -> None:
    rows = full[(full.partner == "GEO") & (full.programme == "eapc")].set_index("period")
    assert rows.loc[1996, "status"] == -1
    assert rows.loc[1996, "status_label"] == "not in existence"
    assert rows.loc[1997, "status"] == 1


def test_observers_and_unknown_cells(full: pandas.DataFrame) -> None:
    nacc = full[(full.programme == "nacc") & (full.period == 1995)].set_index("partner")
    assert nacc.loc["FIN", "status"] == 3  # an observer
    sps = full[(full.programme == "sps") & (full.period == 2010)].set_index("partner")
    # The SPS's membership is not complete: a partner without a record is not known.
    assert sps.loc["GEO", "status"] is pandas.NA
    assert (full["status"].fillna(-9) != 0).sum() > 0  # -9 is how COW codes missing


def test_a_reference_day_asks_about_one_day_of_the_year() -> None:
    # Poland left the PfP's count on 12 March 1999: in 1999 as a whole it was a partner,
    # on 31 December 1999 it was not.
    any_day = np.panel(["PL"], ["pfp"], 1999, 1999)
    year_end = np.panel(["PL"], ["pfp"], 1999, 1999, reference="12-31")
    assert any_day["status"].tolist() == [1]
    assert year_end["status"].tolist() == [0]
    # Joined "1995": on 1 July 1995 the sources cannot tell.
    mid = np.panel(["AZ"], ["sps"], 1995, 1995, reference="07-01")
    assert mid["status"].tolist() == [pandas.NA]


def test_months_and_days() -> None:
    months = np.panel(["AZ"], ["pfp"], 1994, 1994, freq="month").set_index("period")
    assert months.loc["1994-04", "status"] == 0
    assert months.loc["1994-05", "status"] == 1
    days = np.panel(["JO"], ["md"], 1995, 1995, freq="day").set_index("period")
    assert days.loc["1995-10-31", "status"] == 0
    assert days.loc["1995-11-05", "status"] is pandas.NA  # joined in November, day unknown
    assert days.loc["1995-12-01", "status"] == 1


def test_the_wide_form_has_a_column_per_programme() -> None:
    wide = np.panel(["AZ", "GE"], ["pfp", "eapc"], 1996, 1998, wide=True)
    assert list(wide.columns[-2:]) == ["pfp", "eapc"]
    assert len(wide) == 6
    row = wide[(wide.partner == "AZE") & (wide.period == 1996)].iloc[0]
    assert (row["pfp"], row["eapc"]) == (1, -1)


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="starts after it ends"):
        np.panel(start=2000, end=1990)
    with pytest.raises(ValueError, match="MM-DD"):
        np.panel(["AZ"], ["pfp"], 2000, 2000, reference="31-12")
    with pytest.raises(ValueError, match="yearly"):
        np.panel(["AZ"], ["pfp"], 2000, 2000, freq="month", reference="12-31")
    with pytest.raises(np.NotFoundError):
        np.panel(["Atlantis"])


def test_other_backends() -> None:
    pa = pytest.importorskip("pyarrow")
    table = np.panel(["AZ"], ["pfp"], 1993, 1995, backend="arrow")
    assert isinstance(table, pa.Table)
    assert table.column("status").to_pylist() == [-1, 1, 1]


def test_polars_backend() -> None:
    polars = pytest.importorskip("polars")
    frame = np.panel(["AZ"], ["pfp"], 1993, 1995, backend="polars")
    assert isinstance(frame, polars.DataFrame)
    assert frame["status"].to_list() == [-1, 1, 1]
    with pytest.raises(ValueError, match="unknown backend"):
        np.panel(["AZ"], ["pfp"], 1993, 1995, backend="excel")  # type: ignore[arg-type]


def _value(cell: object) -> int | None:
    return None if cell is pandas.NA else int(cell)  # type: ignore[call-overload]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(timed_datasets(), st.sampled_from(["year", "month"]))
def test_every_cell_of_a_generated_panel_is_what_status_says(dataset: Dataset,
                                                             freq: str) -> None:
    # Generated datasets reach every rule: states that begin and end, programmes with open
    # and closed lives and lists, every kind of end and suspension, and a horizon inside
    # the window, so the panel runs from before to after everything they date.
    frame = np.panel(start=1989, end=2006, freq=freq, dataset=dataset)
    cells = {(r.partner, r.programme, str(r.period)): r for r in frame.itertuples(index=False)}
    years = range(1989, 2007)
    periods = ([str(y) for y in years] if freq == "year"
               else [f"{y}-{m:02d}" for y in years for m in range(1, 13)])
    horizon = dataset.horizon
    for partner in dataset.partners():
        born = min((s.start.earliest for s in partner.states), default=None)
        for programme in dataset.programmes():
            for period in periods:
                days = PartialDate.parse(period)
                status = dataset.status(partner, programme, on=period)
                member = dataset.participates(partner, programme, on=period)
                cell = cells.get((partner.code, programme.id, period))
                where = (partner.code, programme.id, period, status, cell)
                # What no rule may code as a fact, checked apart from status():
                if born is not None and days.latest < born and days.latest <= horizon:
                    assert cell is None, where  # no row before the state existed
                if status is Status.STATE_NOT_IN_EXISTENCE:
                    assert cell is None, where
                    assert member is False, where
                    continue
                assert cell is not None, where
                code = _value(cell.status)
                if days.earliest > horizon:
                    assert code is None, where  # nothing after the horizon
                if (programme.established is not None
                        and days.latest < programme.established.earliest):
                    assert code in (-1, None), where  # nothing before the programme began
                _agrees(cell, status, member)


_CODES = {Status.MEMBER: 1, Status.ASSOCIATE: 2, Status.OBSERVER: 3}


def _agrees(cell: Any, status: Status | NotKnown, member: bool | NotKnown) -> None:
    """Assert that a panel row codes the status and the membership answer of its cell."""
    code, suspended = _value(cell.status), _value(cell.suspended)
    where = (cell.partner, cell.programme, cell.period, status, code, suspended)
    # The status, with suspension in a column of its own:
    if status is Status.SUSPENDED:
        assert code in (1, 2, 3), where
        assert suspended == 1, where
    elif isinstance(status, Status) and status.is_member:
        assert (code, suspended) == (_CODES[status], 0), where
    elif status is Status.NOT_A_MEMBER:
        assert code == 0, where
    elif status is Status.PROGRAMME_NOT_IN_EXISTENCE:
        assert code == -1, where
    else:
        assert isinstance(status, NotKnown), where
        # Not known: the membership itself, or only whether it was suspended.
        assert code is None or (code in (1, 2, 3) and suspended is None), where
    # ... and the membership answer:
    if member is True:
        assert code in (1, 2, 3), where
    elif member is False:
        assert code in (0, -1), where
    else:
        assert code is None, where
