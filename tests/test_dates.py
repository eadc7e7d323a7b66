"""PartialDate: parsing, precision, bounds, ordering and questions about days."""

from __future__ import annotations

import datetime

import pendulum
import pytest

from nato_partners import Certainty, PartialDate, Precision
from nato_partners.dates import as_period


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
