"""Dates known to a day, a month or only a year, as the sources give them.

A source that says "in 1992" tells us the year and nothing more. :class:`PartialDate` keeps
exactly that: ``PartialDate.parse("1992")`` is the whole of 1992, not 1 January. Its
:attr:`~PartialDate.earliest` and :attr:`~PartialDate.latest` days are :class:`pendulum.Date`
objects, so date arithmetic works as usual.

The rule used everywhere a partial date meets a question about a day (see
:doc:`/dates`): a stored date may be any day of its period, so an answer is yes or no only
if it holds for every such day, and not known otherwise (:class:`Certainty`); a date given
as a question names a whole period (a day, a month or a year).
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    # Imported where a pendulum date is asked for (earliest, latest, as_period): importing
    # pendulum costs a first answer more than the rest of the library does, and nothing
    # else here needs it.
    import pendulum

__all__ = ["Certainty", "DateLike", "PartialDate", "Precision", "as_period"]

# ASCII digits only: \d would also take Arabic-Indic or full-width digits, which the JSON
# Schemas (and every other reader of the files) reject.
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class Precision(enum.Enum):
    """How much of a date a source gave."""

    #: Only the year is known.
    YEAR = "year"
    #: The year and the month are known.
    MONTH = "month"
    #: The exact day is known.
    DAY = "day"


class Certainty(enum.Enum):
    """The answer to a question about a date that may be known only in part."""

    #: True whichever day within the partial date is the real one.
    YES = "yes"
    #: True for some days within the partial date and false for others.
    MAYBE = "maybe"
    #: False whichever day within the partial date is the real one.
    NO = "no"

    def __bool__(self) -> bool:
        # An enum member is always true, so `if date.on_or_before(day):` would say yes to
        # MAYBE and to NO alike. Refusing a truth value makes that mistake loud.
        raise TypeError(
            f"{self!r} has no truth value: compare it with Certainty.YES, Certainty.NO or "
            "Certainty.MAYBE"
        )


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to year, month or day precision.

    Build one with :meth:`parse` (or :meth:`coerce`) rather than by hand:

    >>> PartialDate.parse("1992-03")
    PartialDate('1992-03')
    >>> str(PartialDate.parse("1994-05-04"))
    '1994-05-04'
    >>> PartialDate.parse("1995").precision
    <Precision.YEAR: 'year'>

    Partial dates order by their first day, a coarser date first when two share it, so
    ``"1992" < "1992-03" < "1992-03-10"``. They hash and compare equal only to a partial
    date with the same text.

    :param year: the year, from 1 to 9999.
    :param month: the month (1-12), or ``None`` when only the year is known.
    :param day: the day of the month, or ``None`` when it is not known.
    :raises ValueError: if the parts do not make a real date, or a day is given without
        a month.
    """

    #: The year, from 1 to 9999; a partial date always knows it.
    year: int
    #: The month, 1 to 12, or ``None`` for a date known only to the year.
    month: int | None = None
    #: The day of the month, or ``None`` for a date known only to the year or the month.
    day: int | None = None
    # For the library's own use: the day numbers (date.toordinal()) of the first and the
    # last day, and a number that orders dates (by first day, a coarser date first). The
    # comparisons below, the loader, the checks and the indexes compare dates by the
    # hundred thousand; whole numbers compare far faster than pendulum dates or tuples,
    # and a date is made once and shared.
    _first: int = attrs.field(init=False, eq=False, repr=False)
    _last: int = attrs.field(init=False, eq=False, repr=False)
    _order: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range 1-9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
        elif not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range 1-12")
        try:
            first = datetime.date(self.year, self.month or 1,
                                  1 if self.day is None else self.day).toordinal()
        except ValueError:  # the day is not one of its month's
            import calendar  # for this message only: a first answer need not import it

            last = calendar.monthrange(self.year, self.month or 1)[1]
            raise ValueError(f"day {self.day} is out of range for {self.year}-"
                             f"{self.month:02d} (1-{last})") from None
        if self.day is not None:
            last = first
        elif self.month is None or self.month == 12:
            last = datetime.date(self.year, 12, 31).toordinal()
        else:  # the day before the first of the next month
            last = datetime.date(self.year, self.month + 1, 1).toordinal() - 1
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_last", last)
        object.__setattr__(self, "_order",
                           (self.year * 100 + (self.month or 0)) * 100 + (self.day or 0))

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        :param text: the ISO 8601 text.
        :returns: the partial date, with the precision the text has.
        :raises ValueError: if the text is not one of the three forms or is not a real date.

        >>> PartialDate.parse("1995-02-29")
        Traceback (most recent call last):
          ...
        ValueError: '1995-02-29' is not a real date: day 29 is out of range for 1995-02 (1-28)
        """
        if not isinstance(text, str):
            raise TypeError(f"expected date text, got {type(text).__name__}")
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        try:
            return cls(
                int(year),
                None if month is None else int(month),
                None if day is None else int(day),
            )
        except ValueError as error:
            raise ValueError(f"{text!r} is not a real date: {error}") from None

    @classmethod
    def coerce(cls, value: DateLike) -> PartialDate:
        """Turn a partial date, a date, a datetime or ISO text into a :class:`PartialDate`.

        A :class:`datetime.datetime` (pendulum's and pandas' ``Timestamp`` included) and a
        numpy ``datetime64`` keep only their calendar date.

        :param value: the date in any accepted form.
        :returns: the partial date; a full date becomes day precision.
        :raises TypeError: if the value is none of the accepted types.
        :raises ValueError: if text does not parse.

        >>> import pendulum
        >>> PartialDate.coerce(pendulum.date(1994, 5, 4))
        PartialDate('1994-05-04')
        """
        if isinstance(value, PartialDate):
            return value
        if type(value).__name__ == "datetime64" and hasattr(value, "astype"):
            # numpy's datetime64, without importing numpy: its day as a plain date.
            day = value.astype("datetime64[D]").item()
            if not isinstance(day, datetime.date):
                raise ValueError(f"{value!r} is not a date (NaT or out of range)")
            value = day
        if isinstance(value, datetime.datetime):  # pandas' Timestamp and pendulum's too
            value = value.date()
        if isinstance(value, datetime.date):
            if type(value.year) is not int:  # pandas' NaT passes for a datetime
                raise ValueError(f"{value!r} is not a date (NaT or missing)")
            return cls(value.year, value.month, value.day)
        if isinstance(value, str):
            return cls.parse(value)
        raise TypeError(
            f"expected a date, a datetime, a PartialDate or ISO text, got {type(value).__name__}"
        )

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def earliest(self) -> pendulum.Date:
        """The first day the date could be.

        >>> PartialDate.parse("1992-03").earliest
        Date(1992, 3, 1)
        """
        import pendulum

        return pendulum.Date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> pendulum.Date:
        """The last day the date could be.

        >>> PartialDate.parse("1992-02").latest
        Date(1992, 2, 29)
        """
        import pendulum

        return pendulum.Date.fromordinal(self._last)

    def contains(self, day: DateLike) -> bool:
        """Tell whether ``day`` is one of the days this date could be.

        :param day: a calendar date, in any form :meth:`coerce` accepts, given to the day.
        :returns: ``True`` if ``earliest <= day <= latest``.
        :raises ValueError: if ``day`` is known only to the month or the year.

        >>> PartialDate.parse("1992-03").contains("1992-03-10")
        True
        """
        date = PartialDate.coerce(day)
        if date.precision is not Precision.DAY:
            raise ValueError(f"contains() asks about one day; {str(date)!r} is a "
                             f"{date.precision.value}")
        return self.earliest <= date.earliest <= self.latest

    def on_or_before(self, day: datetime.date) -> Certainty:
        """Tell whether this date falls on or before ``day``.

        :param day: a calendar date.
        :returns: :attr:`Certainty.YES` if every possible day does,
            :attr:`Certainty.NO` if none does, :attr:`Certainty.MAYBE` otherwise.

        >>> import pendulum
        >>> PartialDate.parse("1992-03").on_or_before(pendulum.date(1992, 3, 15))
        <Certainty.MAYBE: 'maybe'>
        """
        if self.latest <= day:
            return Certainty.YES
        if self.earliest > day:
            return Certainty.NO
        return Certainty.MAYBE

    def on_or_after(self, day: datetime.date) -> Certainty:
        """Tell whether this date falls on or after ``day``.

        :param day: a calendar date.
        :returns: :attr:`Certainty.YES`, :attr:`Certainty.MAYBE` or :attr:`Certainty.NO`,
            as for :meth:`on_or_before`.
        """
        if self.earliest >= day:
            return Certainty.YES
        if self.latest < day:
            return Certainty.NO
        return Certainty.MAYBE

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order < other._order

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order <= other._order

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order > other._order

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order >= other._order

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"


# A dataset repeats the same few thousand dates many times over; parsing each text once
# makes repeats free and lets equal dates share one object. The loader's two paths (see
# nato_partners._fastpath and nato_partners.convert) and the questions share it.
_parse_date = functools.lru_cache(maxsize=1 << 16)(PartialDate.parse)


#: What a query accepts wherever it asks for a date.
DateLike = PartialDate | datetime.date | str


def as_period(value: DateLike) -> tuple[pendulum.Date, pendulum.Date]:
    """Read a date given as a question into the first and last day of the period it names.

    ``"1995"`` names all of 1995, ``"1995-06"`` all of June 1995, and a full date one day.

    :param value: any :data:`DateLike`.
    :returns: ``(first day, last day)``.
    :raises TypeError: if the value is not date-like.
    :raises ValueError: if text does not parse.

    >>> as_period("1995-06")
    (Date(1995, 6, 1), Date(1995, 6, 30))
    """
    date = PartialDate.coerce(value)
    return date.earliest, date.latest


def _period(value: DateLike, name: str = "on") -> PartialDate:
    """The day or period a question names.

    Questions repeat the same few dates ("2010", "1994-05"), so text is parsed once.

    :param value: the date as given.
    :param name: the parameter that gave it, which an error names.
    :raises TypeError: if the value is not date-like.
    :raises ValueError: if it is not a real date.
    """
    try:
        return _parse_date(value) if type(value) is str else PartialDate.coerce(value)
    except TypeError as error:
        raise TypeError(f"{name}: {error}") from None
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from None


def _period_days(value: DateLike, name: str = "on") -> tuple[int, int]:
    """The day numbers (``date.toordinal()``) of the first and last day a question names.

    :param value: the date as given.
    :param name: the parameter that gave it, which an error names.
    """
    date = _period(value, name)
    return date._first, date._last


#: Day numbers before and after every real day's (``date.toordinal()`` runs from 1 to
#: 3,652,059): the bounds of a start or an end that no date limits.
BEFORE = -(10**7)
NEVER = 10**7


def _overlap(first: Any, last: Any, start: tuple[Any, Any], end: tuple[Any, Any],
             maximum: Callable[[Any, Any], Any] = max) -> tuple[Any, Any]:
    """Whether a span meets the days ``first`` to ``last`` on some day: ``(yes, no)``.

    The span's first day lies between the day numbers ``start = (earliest, latest)``, and
    the first day after it between ``end = (soonest, latest)``. Yes: even starting as late
    and stopping as soon as the bounds allow, it meets the period. No: even starting as
    early and stopping as late as they allow, it misses it; and a span whose first day
    surely falls in the period meets it on that day, however soon it stopped. The same
    arithmetic serves one period (``int`` days) and many at once (numpy arrays, with
    ``numpy.maximum``).
    """
    day = maximum(first, start[0])
    no = (day > last) | (day >= end[1])
    day = maximum(first, start[1])
    yes = (day <= last) & ((day < end[0]) | (start[0] >= first))
    # A span whose bounds let it end on the day it began may have lasted no day at all:
    # then "no" stands. (`^ True` negates a bool and a numpy array alike.)
    return yes & (no ^ True), no


def _certainty(yes: bool, no: bool) -> Certainty:
    return Certainty.YES if yes else Certainty.NO if no else Certainty.MAYBE
