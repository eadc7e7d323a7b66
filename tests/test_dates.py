"""PartialDate: parsing, precision, bounds, ordering and questions about days."""

from __future__ import annotations

import datetime
import re

import pendulum
import pytest
from hypothesis import given
from strategies import partial_dates

from nato_partners import Certainty, PartialDate, Precision
from nato_partners.dates import _overlap, as_period


@pytest.mark.parametrize(
    ("text", "precision"),
    [("1992", Precision.YEAR), ("1992-03", Precision.MONTH), ("1994-05-04", Precision.DAY)],
)
def test_parse_keeps_the_precision_and_the_text(text: str, precision: Precision) -> None:
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert str(date) == text


@pytest.mark.parametrize(
    "text",
    ["", "92", "1992-3", "1992-03-4", "1994-13", "1994-13-45", "1995-02-29", "1994-00",
     "1994-04-31", "0000", "1994/05/04", " 1994", "1994-05-04T00:00"],
)
def test_parse_rejects_what_is_not_a_real_date(text: str) -> None:
    with pytest.raises(ValueError, match="date") as error:
        PartialDate.parse(text)
    assert repr(text) in str(error.value)


def test_leap_day_is_a_real_date_in_a_leap_year() -> None:
    assert PartialDate.parse("1996-02-29").latest == pendulum.date(1996, 2, 29)


def test_a_day_without_a_month_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate(1994, None, 4)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1995", (1995, 1, 1), (1995, 12, 31)),
        ("1992-02", (1992, 2, 1), (1992, 2, 29)),
        ("1993-02", (1993, 2, 1), (1993, 2, 28)),
        ("1994-05-04", (1994, 5, 4), (1994, 5, 4)),
    ],
)
def test_earliest_and_latest_bound_the_period(
    text: str, earliest: tuple[int, int, int], latest: tuple[int, int, int]
) -> None:
    date = PartialDate.parse(text)
    assert date.earliest == pendulum.date(*earliest)
    assert date.latest == pendulum.date(*latest)
    assert isinstance(date.earliest, pendulum.Date)
    assert isinstance(date.latest, pendulum.Date)


def test_a_year_is_not_its_first_day() -> None:
    year, day = PartialDate.parse("1995"), PartialDate.parse("1995-01-01")
    assert year != day
    assert year < day


def test_ordering_is_by_first_day_then_coarser_first() -> None:
    texts = ["1997-05-30", "1992", "1992-03-10", "1992-03", "1994-05-04", "1991-12-20"]
    ordered = sorted(PartialDate.parse(t) for t in texts)
    assert [str(d) for d in ordered] == [
        "1991-12-20", "1992", "1992-03", "1992-03-10", "1994-05-04", "1997-05-30",
    ]


def test_equal_dates_hash_alike_and_work_as_keys() -> None:
    seen = {PartialDate.parse("1992-03"): "nacc"}
    assert seen[PartialDate(1992, 3)] == "nacc"


def test_comparing_with_a_plain_date_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _ = PartialDate.parse("1992") < datetime.date(1993, 1, 1)  # type: ignore[operator]


def test_on_or_before_answers_yes_maybe_no() -> None:
    march = PartialDate.parse("1992-03")
    assert march.on_or_before(pendulum.date(1992, 3, 31)) is Certainty.YES
    assert march.on_or_before(pendulum.date(1992, 3, 15)) is Certainty.MAYBE
    assert march.on_or_before(pendulum.date(1992, 2, 29)) is Certainty.NO


def test_on_or_after_answers_yes_maybe_no() -> None:
    year = PartialDate.parse("1995")
    assert year.on_or_after(datetime.date(1995, 1, 1)) is Certainty.YES
    assert year.on_or_after(datetime.date(1995, 7, 1)) is Certainty.MAYBE
    assert year.on_or_after(datetime.date(1996, 1, 1)) is Certainty.NO


def test_contains() -> None:
    year = PartialDate.parse("1995")
    assert year.contains(datetime.date(1995, 6, 1))
    assert not year.contains(datetime.date(1996, 1, 1))


@pytest.mark.parametrize(
    "value",
    [
        "1994-05-04",
        datetime.date(1994, 5, 4),
        pendulum.date(1994, 5, 4),
        datetime.datetime(1994, 5, 4, 23, 59),
        pendulum.datetime(1994, 5, 4, 12, tz="Asia/Baku"),
        PartialDate(1994, 5, 4),
    ],
)
def test_coerce_accepts_every_date_form(value: object) -> None:
    assert PartialDate.coerce(value) == PartialDate(1994, 5, 4)  # type: ignore[arg-type]


def test_coerce_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="expected a date"):
        PartialDate.coerce(1994)  # type: ignore[arg-type]


def test_as_period_names_the_whole_period() -> None:
    assert as_period("1995") == (pendulum.date(1995, 1, 1), pendulum.date(1995, 12, 31))
    assert as_period(datetime.date(1995, 6, 1)) == (pendulum.date(1995, 6, 1),) * 2


def test_partial_dates_are_immutable() -> None:
    date = PartialDate.parse("1995")
    with pytest.raises(AttributeError):
        date.year = 1996  # type: ignore[misc]


def test_certainty_has_no_truth_value() -> None:
    # `if date.on_or_before(day):` would otherwise say yes to MAYBE and NO alike.
    for answer in Certainty:
        with pytest.raises(TypeError, match=r"compare it with Certainty\.YES"):
            bool(answer)


def test_a_span_that_may_have_lasted_no_day_meets_no_period() -> None:
    # Begun in 1991 and over by 1 January 1991: only a start on 1 January fits, and then
    # it ended the day it began. Scalars and arrays give the same answer.
    numpy = pytest.importorskip("numpy")
    year = PartialDate(1991)
    start, end = (year._first, year._last), (year._first, year._first)
    assert _overlap(year._first, year._last, start, end) == (False, True)
    yes, no = _overlap(numpy.array([year._first]), numpy.array([year._last]), start, end,
                       numpy.maximum)
    assert (yes.tolist(), no.tolist()) == ([False], [True])
    # One day more, and the span surely met the year on its first day.
    assert _overlap(year._first, year._last, start, (year._first + 1,) * 2) == (True, False)


# -- the edges of the range, and the exact messages ---------------------------------------


def exactly(message: str) -> str:
    """A ``match`` pattern that only the whole message, as written, satisfies."""
    return f"^{re.escape(message)}$"


def test_the_years_run_from_1_to_9999() -> None:
    assert str(PartialDate(1)) == "0001"
    assert PartialDate.parse("9999-12-31").latest == pendulum.date(9999, 12, 31)
    for year in (0, 10000):
        with pytest.raises(ValueError, match=rf"^year {year} is out of range 1-9999$"):
            PartialDate(year)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ((1994, 0), "month 0 is out of range 1-12"),
        ((1994, 13), "month 13 is out of range 1-12"),
        ((1994, 4, 0), "day 0 is out of range for 1994-04 (1-30)"),
        ((1994, 4, 31), "day 31 is out of range for 1994-04 (1-30)"),
        ((1994, None, 4), "a day needs a month"),
    ],
)
def test_parts_out_of_range_are_named_exactly(parts: tuple[int, ...], message: str) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        PartialDate(*parts)


def test_the_first_and_last_month_and_day_are_accepted() -> None:
    assert PartialDate(1994, 1, 1).earliest == pendulum.date(1994, 1, 1)
    assert PartialDate(1994, 12, 31).latest == pendulum.date(1994, 12, 31)
    assert PartialDate(1994, 12).latest == pendulum.date(1994, 12, 31)


def test_parse_says_which_text_and_why() -> None:
    with pytest.raises(ValueError, match=exactly(
        "'1994/05/04' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    )):
        PartialDate.parse("1994/05/04")
    with pytest.raises(ValueError, match=exactly(
        "'1994-04-31' is not a real date: day 31 is out of range for 1994-04 (1-30)"
    )):
        PartialDate.parse("1994-04-31")


@pytest.mark.parametrize("value", [1994, None, datetime.date(1994, 5, 4), b"1994"])
def test_parse_takes_text_only(value: object) -> None:
    with pytest.raises(TypeError) as error:
        PartialDate.parse(value)  # type: ignore[arg-type]
    assert str(error.value) == f"expected date text, got {type(value).__name__}"


def test_coerce_names_the_type_it_refuses() -> None:
    with pytest.raises(TypeError) as error:
        PartialDate.coerce(1994.5)  # type: ignore[arg-type]
    assert str(error.value) == (
        "expected a date, a datetime, a PartialDate or ISO text, got float"
    )


def test_coerce_returns_a_partial_date_as_it_is() -> None:
    date = PartialDate.parse("1992-03")
    assert PartialDate.coerce(date) is date
    assert PartialDate.coerce("1992-03") == date


def test_certainty_names_the_answers_to_compare_with() -> None:
    with pytest.raises(TypeError) as error:
        bool(Certainty.MAYBE)
    assert str(error.value) == (
        "<Certainty.MAYBE: 'maybe'> has no truth value: compare it with Certainty.YES, "
        "Certainty.NO or Certainty.MAYBE"
    )


@pytest.mark.parametrize(
    ("date", "text"),
    [(PartialDate(800), "0800"), (PartialDate(800, 3), "0800-03"),
     (PartialDate(800, 3, 9), "0800-03-09")],
)
def test_text_is_zero_padded_iso(date: PartialDate, text: str) -> None:
    assert str(date) == text
    assert repr(date) == f"PartialDate({text!r})"
    assert PartialDate.parse(text) == date


def test_precision_of_each_form() -> None:
    assert PartialDate(1992).precision is Precision.YEAR
    assert PartialDate(1992, 3).precision is Precision.MONTH
    assert PartialDate(1992, 3, 10).precision is Precision.DAY


# -- order -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("coarse", "fine"),
    [("1992", "1992-01"), ("1992-01", "1992-01-01"), ("1992", "1992-01-01"),
     ("1992-03", "1992-03-01"), ("1991-12-31", "1992"), ("1992-02-29", "1992-03")],
)
def test_order_puts_the_coarser_date_first_when_they_share_a_first_day(
    coarse: str, fine: str
) -> None:
    early, late = PartialDate.parse(coarse), PartialDate.parse(fine)
    assert early < late
    assert early <= late
    assert late > early
    assert late >= early
    assert not late < early
    assert not late <= early
    assert not early > late
    assert not early >= late


@pytest.mark.parametrize("text", ["1992", "1992-01", "1992-01-01"])
def test_a_date_is_not_before_or_after_itself(text: str) -> None:
    date, same = PartialDate.parse(text), PartialDate.parse(text)
    assert not date < same
    assert not date > same
    assert date <= same
    assert date >= same
    assert date == same


@pytest.mark.parametrize("compare", [
    lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a > b, lambda a, b: a >= b,
])
def test_order_against_a_plain_date_is_refused_both_ways(compare) -> None:  # type: ignore[no-untyped-def]
    date, day = PartialDate.parse("1992"), datetime.date(1993, 1, 1)
    with pytest.raises(TypeError):
        compare(date, day)
    with pytest.raises(TypeError):
        compare(day, date)


def test_a_partial_date_never_equals_a_plain_date() -> None:
    assert PartialDate.parse("1994-05-04") != datetime.date(1994, 5, 4)
    assert PartialDate.parse("1994-05-04") != "1994-05-04"


# -- questions about the first and the last possible day --------------------------------


@pytest.mark.parametrize("text", ["1992", "1992-02", "1992-02-29"])
def test_contains_its_first_and_last_day_and_nothing_outside(text: str) -> None:
    date = PartialDate.parse(text)
    first, last = date.earliest, date.latest
    assert date.contains(first)
    assert date.contains(last)
    assert not date.contains(first.subtract(days=1))
    assert not date.contains(last.add(days=1))


def test_on_or_before_at_the_edges() -> None:
    month = PartialDate.parse("1992-02")
    assert month.on_or_before(pendulum.date(1992, 2, 29)) is Certainty.YES  # the last day
    assert month.on_or_before(pendulum.date(1992, 2, 28)) is Certainty.MAYBE
    assert month.on_or_before(pendulum.date(1992, 2, 1)) is Certainty.MAYBE  # the first day
    assert month.on_or_before(pendulum.date(1992, 1, 31)) is Certainty.NO
    day = PartialDate.parse("1994-05-04")
    assert day.on_or_before(datetime.date(1994, 5, 4)) is Certainty.YES
    assert day.on_or_before(datetime.date(1994, 5, 3)) is Certainty.NO


def test_on_or_after_at_the_edges() -> None:
    month = PartialDate.parse("1992-02")
    assert month.on_or_after(pendulum.date(1992, 2, 1)) is Certainty.YES  # the first day
    assert month.on_or_after(pendulum.date(1992, 2, 2)) is Certainty.MAYBE
    assert month.on_or_after(pendulum.date(1992, 2, 29)) is Certainty.MAYBE  # the last day
    assert month.on_or_after(pendulum.date(1992, 3, 1)) is Certainty.NO
    day = PartialDate.parse("1994-05-04")
    assert day.on_or_after(datetime.date(1994, 5, 4)) is Certainty.YES
    assert day.on_or_after(datetime.date(1994, 5, 5)) is Certainty.NO


def test_as_period_of_each_precision() -> None:
    assert as_period("1992-02") == (pendulum.date(1992, 2, 1), pendulum.date(1992, 2, 29))
    assert as_period(PartialDate(1994, 5, 4)) == (pendulum.date(1994, 5, 4),) * 2
    assert as_period(pendulum.datetime(1994, 5, 4, 23)) == (pendulum.date(1994, 5, 4),) * 2


@given(partial_dates, partial_dates)
def test_the_day_numbers_and_the_sort_number_agree_with_the_dates(
    a: PartialDate, b: PartialDate
) -> None:
    # The loader, the checks and the indexes compare these numbers instead of the dates.
    assert (a._first, a._last) == (a.earliest.toordinal(), a.latest.toordinal())
    assert (a._order < b._order) == (a < b)
    assert (a._order == b._order) == (a == b)


def test_coerce_tells_numpy_dates_from_other_numpy_values() -> None:
    numpy = pytest.importorskip("numpy")
    assert PartialDate.coerce(numpy.datetime64("2001-02-03")) == PartialDate.parse("2001-02-03")
    # A numpy number has astype too, but is no date.
    with pytest.raises(TypeError, match="got int64"):
        PartialDate.coerce(numpy.int64(2001))
    with pytest.raises(ValueError, match="NaT"):
        PartialDate.coerce(numpy.datetime64("NaT"))
    pandas = pytest.importorskip("pandas")
    with pytest.raises(ValueError, match=r"is not a date \(NaT or missing\)"):
        PartialDate.coerce(pandas.NaT)


def test_contains_names_the_period_it_was_given() -> None:
    with pytest.raises(ValueError, match="'2001-02' is a month"):
        PartialDate.parse("2001").contains("2001-02")
