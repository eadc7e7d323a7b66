"""The checks of the parameters the questions take: each wrong value gets a clear error.

A ``True`` or ``False`` that is ``1`` or ``"yes"``, a year that is a bool or text, a role
or a vocabulary word that does not exist: refused here, rather than answered as if it
meant something (``ally=1`` once found no country).
"""

from __future__ import annotations

import functools
import math
import numbers
import operator
from collections.abc import Iterable
from typing import Any, TypeVar

from .answers import Status
from .dates import DateLike, _period
from .model import Funding, Vocabulary

__all__ = ["ALL_ROLES", "day_range", "flag", "funding", "needle", "roles", "vocabulary",
           "whole", "years"]

_V = TypeVar("_V", bound=Vocabulary)


def roles(roles: Iterable[Status | str]) -> frozenset[Status]:
    """The member standings a count or a list takes in, checked."""
    if isinstance(roles, Status | str):
        roles = (roles,)
    try:
        given = list(roles)
    except TypeError:
        raise TypeError(f"roles must be statuses or their words, such as ('member', "
                        f"'observer'), not {type(roles).__name__}") from None
    chosen = set()
    for role in given:
        if not isinstance(role, Status | str):
            raise TypeError(f"roles must be statuses or their words, not "
                            f"{type(role).__name__} {role!r}")
        status = _ROLE_WORDS.get(role.value if isinstance(role, Status) else role.casefold())
        if status is None:
            raise ValueError(f"unknown role {role!r} in roles; expected member, associate "
                             "or observer")
        chosen.add(status)
    if not chosen:
        raise ValueError("roles is empty; give at least one of member, associate, observer")
    return frozenset(chosen)


_ROLE_WORDS = {s.value: s for s in (Status.MEMBER, Status.ASSOCIATE, Status.OBSERVER)}
#: Every member standing: a list of them all leaves no membership out.
ALL_ROLES = frozenset(_ROLE_WORDS.values())


def flag(value: object, name: str) -> None:
    """A parameter that takes ``True`` or ``False`` only: ``1`` or ``"yes"`` is refused."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {type(value).__name__} {value!r}")


def years(years: Iterable[Any]) -> list[int]:
    """Years given to a count, checked: whole numbers (not bools or text) from 1 to 9999."""
    if isinstance(years, str | bytes):
        raise TypeError(f"years must be whole numbers, not {type(years).__name__}")
    try:
        given = list(years)
    except TypeError:
        raise TypeError(f"years must be an iterable of whole numbers, not "
                        f"{type(years).__name__}") from None
    checked = []
    for year in given:
        if isinstance(year, bool):
            raise TypeError(f"years must be whole numbers, not bool {year!r}")
        try:
            number = operator.index(year)
        except TypeError:
            raise TypeError(f"years must be whole numbers, not {type(year).__name__} "
                            f"{year!r}") from None
        if not 1 <= number <= 9999:
            raise ValueError(f"year {number} in years is out of range 1-9999")
        checked.append(number)
    return checked


def whole(value: object, name: str) -> int:
    """A number parameter, checked: a whole number of any integral type (numpy's too), or
    a float with no fraction; never a bool, text or a fraction."""
    if isinstance(value, bool | str | bytes):
        raise TypeError(f"{name} must be a whole number here, not {type(value).__name__} "
                        f"{value!r}")
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        pass
    if isinstance(value, float | numbers.Real) and not isinstance(value, numbers.Integral):
        number = float(value)
        if not (math.isfinite(number) and number.is_integer()):
            raise ValueError(f"{name} {value!r} is not a whole number")
        return int(number)
    raise TypeError(f"{name} must be text, a whole number or a Partner, not "
                    f"{type(value).__name__}")


def vocabulary(cls: type[_V], value: _V | str, what: str) -> _V:
    if isinstance(value, cls):
        return value
    words: dict[str, _V] = _words(cls)
    found = words.get(value) if isinstance(value, str) else None
    if found is None:
        found = words.get(str(value).casefold())
    if found is None:
        allowed = ", ".join(str(m.value) for m in cls)
        raise ValueError(f"unknown {what} {value!r}; expected one of {allowed}")
    return found


@functools.cache
def _words(cls: type[_V]) -> dict[str, _V]:
    """A vocabulary's members by value and by label in any case, as questions name them."""
    words = {member.label.casefold(): member for member in cls}
    words.update({str(member.value): member for member in cls})  # a value wins over a label
    return words


def funding(value: Funding | str) -> Funding:
    """A kind of funding, by its value (``"trust-fund"``, ``"sps"``) only."""
    if isinstance(value, Funding):  # the default: what Funding(value) gives, sooner
        return value
    try:
        return Funding(value)
    except ValueError:
        raise ValueError(f"unknown funding {value!r}; expected trust-fund, sps or "
                         "None for both") from None


def day_range(since: DateLike | None, until: DateLike | None) -> tuple[int | None, int | None]:
    """The first day of ``since`` and the last of ``until`` (``None`` where not given),
    refused where the range between them is empty."""
    first = None if since is None else _period(since, "since")._first
    last = None if until is None else _period(until, "until")._last
    if first is not None and last is not None and first > last:
        raise ValueError(f"since {since} is after until {until}: the range is empty")
    return first, last


def needle(text: str) -> str:
    """The words a search looks for: stripped, in lower case, never none."""
    found = text.strip().casefold()
    if not found:
        raise ValueError("search text is empty")
    return found
