"""Partner-programme-year panels agree with the yes/no/not-known answers, cell by cell."""

from __future__ import annotations

from typing import Any

import attrs
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
        if pandas.isna(row.status):
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
    assert rows.loc[1994, "membership"] == "AZE/pfp"
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
    assert pandas.isna(sps.loc["GEO", "status"])
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
    assert mid["status"].isna().tolist() == [True]


def test_months_and_days() -> None:
    months = np.panel(["AZ"], ["pfp"], 1994, 1994, freq="month").set_index("period")
    assert months.loc["1994-04", "status"] == 0
    assert months.loc["1994-05", "status"] == 1
    days = np.panel(["JO"], ["md"], 1995, 1995, freq="day").set_index("period")
    assert days.loc["1995-10-31", "status"] == 0
    assert pandas.isna(days.loc["1995-11-05", "status"])  # joined in November, day unknown
    assert days.loc["1995-12-01", "status"] == 1


def test_the_wide_form_has_a_column_per_programme() -> None:
    wide = np.panel(["AZ", "GE"], ["pfp", "eapc"], 1996, 1998, wide=True)
    assert list(wide.columns[6:]) == [
        "pfp", "pfp_suspended", "pfp_membership", "pfp_confidence",
        "eapc", "eapc_suspended", "eapc_membership", "eapc_confidence"]
    assert len(wide) == 6
    row = wide[(wide.partner == "AZE") & (wide.period == 1996)].iloc[0]
    assert (row["pfp"], row["eapc"]) == (1, -1)
    assert (row["pfp_membership"], row["pfp_confidence"]) == ("AZE/pfp", "high")
    assert pandas.isna(row["eapc_membership"])  # the EAPC did not exist: no record


def test_wide_names_are_identifiers_and_keep_what_the_long_form_says() -> None:
    long = np.panel(["AZ", "RU"], start=2015, end=2016)
    wide = np.panel(["AZ", "RU"], start=2015, end=2016, wide=True)
    assert all(name.isidentifier() for name in wide.columns)
    assert {"nato_pa", "partners_across_the_globe", "resolute_support"} <= set(wide.columns)
    # Every long cell is in the wide form under its programme's identifier.
    keyed = wide.set_index(["partner", "period"])
    for cell in long.itertuples(index=False):
        name = cell.programme.replace("-", "_")
        at = keyed.loc[(cell.partner, cell.period)]
        for value, column in ((cell.status, name), (cell.suspended, f"{name}_suspended"),
                              (cell.membership, f"{name}_membership"),
                              (cell.confidence, f"{name}_confidence")):
            assert (pandas.isna(value) and pandas.isna(at[column])) or value == at[column]


def test_the_confidence_column_is_that_of_the_membership_behind_the_cell() -> None:
    frame = np.panel(start=1990)
    held = frame[frame["membership"].notna()]
    assert len(held) > 1000
    confidence = {m.id: m.confidence.value for m in np.memberships()}
    assert (held["confidence"].astype(str) == held["membership"].map(confidence)).all()
    assert set(held["confidence"].astype(str)) > {"high"}  # not one value everywhere
    assert frame.loc[frame["membership"].isna(), "confidence"].isna().all()
    # Ordered as the exports order it, so "at least medium" is a comparison.
    for column in (frame["confidence"], np.spells()["confidence"]):
        assert column.cat.ordered
        assert column.cat.categories.tolist() == ["low", "medium", "high"]


def test_the_default_dtypes_go_into_a_statsmodels_formula_as_they_come() -> None:
    smf = pytest.importorskip("statsmodels.formula.api")
    frame = np.panel(programmes=["pfp", "eapc", "nato-pa"], start=1991)
    assert not any(isinstance(t, pandas.api.extensions.ExtensionDtype)
                   and not isinstance(t, pandas.CategoricalDtype) for t in frame.dtypes), \
        frame.dtypes
    frame["y"] = (frame["partner"].cat.codes % 7).astype(float)
    fit = smf.ols("y ~ status + suspended + C(period) + C(programme)", data=frame).fit()
    # Not known cells are dropped by the formula, never counted as 0.
    known = frame[["status", "suspended"]].notna().all(axis=1)
    assert fit.nobs == known.sum() < len(frame)
    assert smf.ols("y ~ C(status)", data=frame).fit().nobs == frame["status"].notna().sum()
    wide = np.panel(programmes=["pfp", "nato-pa"], start=1991, wide=True)
    wide["y"] = wide["period"] % 3
    assert smf.ols("y ~ nato_pa + pfp", data=wide).fit().nobs == (
        wide[["nato_pa", "pfp"]].notna().all(axis=1).sum())


def test_numpy_and_nullable_dtypes_hold_the_same_cells() -> None:
    numpy_frame = np.panel(start=1990)
    nullable = np.panel(start=1990, dtypes="nullable")
    assert (str(nullable["status"].dtype), str(nullable["period"].dtype)) == ("Int8", "Int64")
    for column in ("status", "suspended", "cow_code", "gw_code"):
        a, b = numpy_frame[column], nullable[column]
        assert (a.isna() == b.isna()).all(), column
        assert (a[a.notna()] == b[b.notna()].astype(float)).all(), column
    assert (numpy_frame["period"] == nullable["period"]).all()
    with pytest.raises(ValueError, match="dtypes"):
        np.panel(["AZ"], dtypes="python")  # type: ignore[arg-type]


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
    return None if pandas.isna(cell) else int(cell)  # type: ignore[call-overload, arg-type]


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


# -- spells --------------------------------------------------------------------------------


def test_spells_split_a_membership_at_its_suspension() -> None:
    frame = np.spells(["RU"], ["pfp"])
    assert frame[["membership", "status", "end_kind"]].values.tolist() == [
        ["RUS/pfp", "member", "suspended"], ["RUS/pfp", "suspended", "open"]]
    russia = np.membership("RUS/pfp")
    assert frame["start"].dt.date.tolist() == [russia.joined.earliest, russia.suspended.earliest]
    assert frame["end"].iloc[0] == frame["start"].iloc[1]
    assert pandas.isna(frame["end"].iloc[1])  # no end recorded: open at the horizon


def test_malta_has_two_pfp_spells_one_per_membership() -> None:
    frame = np.spells(["MT"], ["pfp"])
    assert frame["membership"].tolist() == ["MLT/pfp", "MLT/pfp/2"]
    first = frame.iloc[0]
    assert (first["end_kind"], first["end_precision"], str(first["end"].date())) == (
        "left", "month", "1996-10-01")  # the left date's first day, to the month


def test_every_membership_gives_its_spells_and_they_follow_each_other() -> None:
    frame = np.spells()
    memberships = np.memberships()
    expected = sum(1 + (m.suspended is not None) + (m.resumed is not None) for m in memberships)
    assert len(frame) == expected
    assert set(frame["membership"]) == {m.id for m in memberships}
    for membership_id, group in frame.groupby("membership", sort=False):
        m = np.membership(str(membership_id))
        starts, ends = group["start"].tolist(), group["end"].tolist()
        assert starts[1:] == ends[:-1]  # each spell begins where the last one ended
        last = m.left or m.left_by
        assert (pandas.isna(ends[-1]) if last is None
                else ends[-1].date() == last.earliest), membership_id
        assert group["end_kind"].iloc[-1] == (
            "left" if m.left else "ended by" if m.left_by else "open")
        # An end nobody dated keeps how long the membership is known to have lasted.
        known = group["known_until"].iloc[-1]
        assert (pandas.isna(known) if m.known_until is None
                else known.date() == m.known_until.earliest), membership_id
        assert (group["confidence"] == m.confidence.value).all()
    undated = frame[frame["start"].isna()]
    assert len(undated) == sum(m.joined is None for m in memberships)
    assert undated["start_precision"].isna().all()


# -- every state of a list -----------------------------------------------------------------


def test_an_all_states_panel_has_every_listed_state_of_each_year() -> None:
    frame = np.panel(programmes=["nato", "pfp", "nato-pa"], start=2005, end=2010,
                     states="cow")
    listed = np.state_list("cow")
    for year in (2005, 2010):
        expected = {s.code for s in listed if s.start.year <= year
                    and (s.end is None or s.end.year >= year)}
        rows = frame[(frame["period"] == year) & (frame["programme"] == "nato")]
        assert set(rows["cow_code"].astype(int)) == expected
        assert rows["cow_code"].is_unique
    assert len(expected) == 194  # the COW states of 2010


def test_a_state_the_data_does_not_hold_is_0_only_where_the_list_is_complete() -> None:
    frame = np.panel(programmes=["nato", "pfp", "nato-pa"], start=2005, end=2010,
                     states="cow")
    cyprus = frame[frame["cow_code"] == 352].set_index(["programme", "period"])
    assert cyprus["partner"].isna().all()
    assert set(cyprus["partner_name"]) == {"Cyprus"}
    assert cyprus["iso_numeric"].isna().all()
    for programme in ("nato", "pfp"):  # whole memberships: Cyprus was in neither
        assert np.programme(programme).members_complete
        assert (cyprus.loc[programme, "status"] == 0).all()
    assert not np.programme("nato-pa").members_complete
    assert cyprus.loc["nato-pa", "status"].isna().all()  # not known, never 0


def test_partners_keep_their_codes_and_rows_only_while_listed() -> None:
    frame = np.panel(programmes=["nato"], start=1950, end=1995, states="cow")
    germany = frame[frame["partner"] == "DEU"]
    # West Germany from 1955 (COW 260), then Germany (255); no row while COW lists none.
    assert germany["period"].min() == 1955
    assert set(germany.loc[germany["period"] <= 1989, "cow_code"]) == {260}
    assert set(germany.loc[germany["period"] >= 1991, "cow_code"]) == {255}
    assert (germany["status"] == 1).all()
    austria = frame[frame["partner"] == "AUT"]
    assert austria["period"].min() == 1955  # GW lists Austria earlier; COW does not
    gdr = frame[frame["cow_code"] == 265]
    assert gdr["partner"].isna().all()
    assert (gdr["period"].min(), gdr["period"].max()) == (1954, 1990)
    gw = np.panel(programmes=["nato"], start=1950, end=1995, states="gw")
    assert gw[gw["partner"] == "AUT"]["period"].min() == 1950


def test_states_is_checked() -> None:
    with pytest.raises(ValueError, match="leave partners= out"):
        np.panel(["AZ"], states="cow")
    with pytest.raises(ValueError, match="unknown states"):
        np.panel(states="un")  # type: ignore[arg-type]


def test_a_partner_with_no_periods_of_its_own_takes_the_lists_or_has_no_rows() -> None:
    # A user's dataset may give a partner its codes but no periods as a state: in an
    # all-states panel it then has the list's periods for its code (and is not listed a
    # second time as a state the data does not hold); with no code either, it is not
    # known to be in the list at all, and has no rows, not rows in every year.
    data = np.load()
    stripped = {"AZE": {"states": ()},
                "MLT": {"states": (), "cow_code": None, "gw_code": None}}
    partners = [attrs.evolve(p, **stripped.get(p.code, {})) for p in data.partners()]
    mine = np.Dataset(info=data.info, sources=data.sources(), partners=partners,
                      programmes=data.programmes(), memberships=data.memberships(),
                      milestones=data.milestones(),
                      trust_fund_projects=data.trust_fund_projects(funding=None))
    before = np.panel(programmes=["pfp"], start=1985, end=2000, states="cow")
    after = np.panel(programmes=["pfp"], start=1985, end=2000, states="cow", dataset=mine)
    azerbaijan = after[after["cow_code"] == 373]
    assert set(azerbaijan["partner"].astype(str)) == {"AZE"}  # one row a year, its own
    assert azerbaijan["period"].tolist() == before.loc[before["cow_code"] == 373,
                                                       "period"].tolist()
    assert (azerbaijan["status"].tolist()
            == before.loc[before["cow_code"] == 373, "status"].tolist())
    assert "MLT" not in set(after["partner"].dropna().astype(str))
    # Malta the state is still in the list, as a state the data does not hold as MLT;
    # since MLT cannot be matched to it, no such state is a "no": Malta's PfP years of
    # 1995-1996, and Cyprus's, are not known, where the bundled data says 1 and 0.
    malta = after[after["cow_code"] == 338]
    assert malta["partner"].isna().all()
    assert malta["status"].isin([-1]).sum() + malta["status"].isna().sum() == len(malta)
    cyprus = after[(after["cow_code"] == 352) & (after["period"] >= 1994)]
    assert cyprus["status"].isna().all()
    assert (before.loc[(before["cow_code"] == 352) & (before["period"] >= 1994), "status"]
            == 0).all()
