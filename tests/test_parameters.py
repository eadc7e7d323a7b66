"""Parameters checked at the door: each public function refuses a value of the wrong type
or range with a TypeError or ValueError that names the parameter, before any work, and
numbers are read from ASCII digits only, as dates are."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import nato_partners as np
from nato_partners.cli import main

numpy = pytest.importorskip("numpy")
pandas = pytest.importorskip("pandas")


# -- panel ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("options", "error", "names"), [
    ({"reference": 1231}, TypeError, "reference"),
    ({"reference": b"12-31"}, TypeError, "reference"),
    ({"reference": "\u0661\u0662-\u0663\u0661"}, ValueError, "reference"),
    ({"reference": "12-3\uff11"}, ValueError, "reference"),
    ({"reference": "1_2-31"}, ValueError, "reference"),
    ({"reference": "12-31 "}, ValueError, "reference"),
    ({"reference": "02-30"}, ValueError, "reference"),
    ({"reference": "12-31", "freq": "month"}, ValueError, "reference"),
    ({"start": "2000"}, TypeError, "start"),
    ({"end": "2001"}, TypeError, "end"),
    ({"start": True, "end": 2}, TypeError, "start"),
    ({"start": 1990, "end": False}, TypeError, "end"),
    ({"start": 1990.0}, TypeError, "start"),
    ({"start": 0}, ValueError, "start"),
    ({"start": 10**23}, ValueError, "start"),
    ({"end": -5}, ValueError, "end"),
    ({"freq": "week"}, ValueError, "freq"),
    ({"wide": "yes"}, TypeError, "wide"),
    ({"backend": "excel"}, ValueError, "backend"),
    ({"dataset": "bundled"}, TypeError, "dataset"),
])
def test_panel_parameters_are_checked(options: dict[str, Any], error: type[Exception],
                                      names: str) -> None:
    with pytest.raises(error, match=names):
        np.panel(["AZ"], ["pfp"], **{"start": 1995, "end": 1996, **options})


@pytest.mark.parametrize(("start", "end"), [(numpy.int64(1995), numpy.int32(1996)),
                                            (1995, 1996)])
def test_panel_takes_numpy_whole_numbers_for_years(start: Any, end: Any) -> None:
    frame = np.panel(["AZ"], ["pfp"], start, end)
    assert list(frame.period) == [1995, 1996]


@pytest.mark.parametrize(("partners", "programmes", "start", "end", "freq"), [
    (None, None, 1, 9999, "day"),
    (None, None, 1949, 2026, "day"),
    (None, ["pfp"], 1, 9999, "day"),
    (None, None, 1, 9999, "month"),
    (None, None, 1, 9999, "year"),
])
def test_a_panel_too_large_is_refused_before_it_is_built(
    partners: Any, programmes: Any, start: int, end: int, freq: str
) -> None:
    with pytest.raises(ValueError, match="cells, more than") as caught:
        np.panel(partners, programmes, start, end, freq=freq)  # type: ignore[arg-type]
    for name in ("partners=", "programmes=", "start=", "end="):
        assert name in str(caught.value)


@pytest.mark.parametrize(("start", "end", "freq", "periods"), [
    (9999, 9999, "month", 12),
    (9998, 9999, "month", 24),
    (9999, 9999, "day", 365),
    (9999, 9999, "year", 1),
    (1, 1, "month", 0),  # Azerbaijan was no state in year 1: no rows, and no error
])
def test_panels_reach_the_calendars_ends(start: int, end: int, freq: str,
                                         periods: int) -> None:
    frame = np.panel(["AZ"], ["pfp"], start, end, freq=freq)  # type: ignore[arg-type]
    assert len(frame) == periods
    # After the horizon nothing is known, before the state existed there is no row.
    if start > 2026:
        assert frame.status.isna().all()


def test_the_last_month_of_the_calendar_ends_on_its_last_day() -> None:
    frame = np.panel(["AZ"], ["pfp"], 9999, 9999, freq="month")
    assert list(frame.period)[-1] == "9999-12"


@pytest.mark.parametrize(("args", "status"), [
    (["panel", "--freq", "day"], 2),
    (["panel", "--from", "99999999999999999999999"], 2),
    (["panel", "--from", "\u0661\u0669\u0669\u0664"], 2),
    (["panel", "--from", "1_994"], 2),
    (["panel", "--to", "\uff12\uff10\uff10\uff10"], 2),
    (["panel", "--from", "-1994"], 2),
    (["panel", "--from", "0"], 2),
    (["panel", "--from", "1994", "--to", "1995", "--reference", "\u0661\u0662-\u0663\u0661"],
     2),
    (["panel", "--from", "1994", "--to", "1995", "--reference", "13-01"], 2),
])
def test_the_command_line_refuses_panels_at_the_door(
    args: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("nato-partners: error: ")
    assert "Traceback" not in captured.err


def test_the_command_line_takes_ascii_years(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["panel", "--partner", "AZ", "--programme", "pfp", "--from", "1994",
                 "--to", "1995", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [row.split(",")[6] for row in rows[1:]] == ["1994", "1995"]


# -- questions of a dataset ----------------------------------------------------------------


@pytest.mark.parametrize(("years", "error"), [
    (["2010"], TypeError),
    ([2010.0], TypeError),
    ([True], TypeError),
    ("2010", TypeError),
    (2010, TypeError),
    ([0], ValueError),
    ([10000], ValueError),
    ([10**30], ValueError),
])
def test_member_counts_checks_its_years(years: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="year"):
        np.member_counts("pfp", years)


@pytest.mark.parametrize("years", [[numpy.int64(2010)], range(2009, 2011), (2010,)])
def test_member_counts_takes_whole_numbers(years: Any) -> None:
    counts = np.member_counts("pfp", years)
    assert 2010 in counts
    assert all(type(year) is int for year in counts)
    assert counts[2010] == np.member_counts("pfp", [2010])[2010]


@pytest.mark.parametrize("ally", [1, 0, "yes", "", "False", numpy.bool_(True)])
def test_partners_refuses_an_ally_that_is_not_a_bool(ally: Any) -> None:
    with pytest.raises(TypeError, match=r"^ally must be True or False, not "):
        np.partners(ally=ally)


@pytest.mark.parametrize("flag", [1, "yes", None])
def test_the_other_flags_take_bools_only(flag: Any) -> None:
    with pytest.raises(TypeError, match=r"^known_only must be True or False, not "):
        np.members("pfp", on="2000", known_only=flag)
    with pytest.raises(TypeError, match=r"^known_only must be True or False, not "):
        np.member_counts("pfp", [2000], known_only=flag)
    with pytest.raises(TypeError, match=r"^active must be True or False, not "):
        np.participates("AZ", "pfp", on="2000", active=flag)


@pytest.mark.parametrize("key", [numpy.int64(373), numpy.int16(373), 373.0, 373])
def test_a_number_key_of_any_integral_type_is_read_as_cow_reads_it(key: Any) -> None:
    assert np.partner(key) == np.partner(cow=373) == np.partner(cow=key)


def test_a_key_given_with_a_number_option_is_refused() -> None:
    # Even a key that would be found at once: which of the two is meant is not clear.
    with pytest.raises(TypeError, match=r"^give one of a key, iso=, cow= or gw= to find "):
        np.partner("AZE", gw=373)


@pytest.mark.parametrize(("key", "error"), [
    (373.5, ValueError),
    (float("nan"), ValueError),
    (float("inf"), ValueError),
    (True, TypeError),
    (b"AZ", TypeError),
    ([373], TypeError),
])
def test_a_key_that_is_no_partner_key_is_refused(key: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"^key "):
        np.partner(key)


@pytest.mark.parametrize(("option", "value", "error"), [
    ("cow", 373.5, ValueError),
    ("cow", "373", TypeError),
    ("gw", True, TypeError),
    ("iso", 31.5, ValueError),
    ("iso", "\u0660\u0663\u0661", ValueError),
])
def test_the_number_options_are_checked(option: str, value: Any,
                                        error: type[Exception]) -> None:
    with pytest.raises(error, match=rf"^{option} "):
        np.partner(**{option: value})


def test_iso_takes_its_three_digits_as_text() -> None:
    assert np.partner(iso="031").code == "AZE"
    assert np.partner(iso="31").code == "AZE"
    with pytest.raises(ValueError, match=r"^iso '03l' is not an ISO 3166 numeric code "
                                         r"\(ASCII digits, such as '031'\)$"):
        np.partner(iso="03l")


@pytest.mark.parametrize("on", [pandas.NaT, numpy.datetime64("NaT"), float("nan"), 1995,
                                b"1995", "\u0661\u0669\u0669\u0665", "1_995"])
def test_a_date_that_is_not_one_is_refused_naming_the_parameter(on: Any) -> None:
    with pytest.raises((TypeError, ValueError), match=r"^on: "):
        np.participates("AZ", "pfp", on=on)
    with pytest.raises((TypeError, ValueError), match=r"^on: "):
        np.status("AZ", "pfp", on=on)
    with pytest.raises((TypeError, ValueError), match=r"^on: "):
        np.members("pfp", on=on)
    with pytest.raises((TypeError, ValueError), match=r"^on: "):
        np.memberships("AZ", on=on)
    with pytest.raises((TypeError, ValueError), match=r"^on: "):
        np.partners(ally=False, on=on)
    with pytest.raises((TypeError, ValueError), match=r"^since: "):
        np.milestones(since=on)
    with pytest.raises((TypeError, ValueError), match=r"^until: "):
        np.milestones(until=on)


@pytest.mark.parametrize("on", [pandas.Timestamp("1995-01-01"), datetime.date(1995, 1, 1),
                                numpy.datetime64("1995-01-01"), "1995"])
def test_dates_of_every_accepted_kind_still_work(on: Any) -> None:
    assert np.participates("AZ", "pfp", on=on) is True
