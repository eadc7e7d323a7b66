"""Finding a dataset's partners and programmes by any of their names or numbers.

A :class:`Lookup` is built once per dataset: every code, name and alias folded to lower
case, every number of every numbering, and (on the first miss) every word of every name,
so that a lookup is one dictionary read and a miss names the close matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from ._params import whole
from .errors import NotFoundError
from .model import Partner, Programme

__all__ = ["MISSING", "Lookup", "close", "partner_keys"]

_R = TypeVar("_R")
#: The default of a ``default=`` parameter: none given, so a miss raises.
MISSING: Any = object()
_SYSTEMS = {"ISO 3166 numeric": "iso", "COW": "cow", "GW": "gw"}


class Lookup:
    """The keys of a dataset's partners and programmes.

    :param partners: the partners, in the order a tie goes to the first.
    :param programmes: the programmes, likewise.
    """

    __slots__ = ("_all", "_number_keys", "_partner_keys", "_programme_keys", "_words")

    def __init__(self, partners: Sequence[Partner], programmes: Sequence[Programme]) -> None:
        self._all = partners
        self._partner_keys = partner_keys(partners)
        self._words: dict[str, tuple[Partner, ...]] | None = None
        self._number_keys: dict[tuple[str, int], Partner] = {}
        for partner in partners:
            iso = int(partner.iso_numeric) if partner.iso_numeric else None
            codes: list[tuple[str, int | None]] = [
                ("ISO 3166 numeric", iso), ("COW", partner.cow_code), ("GW", partner.gw_code)]
            codes += [(spell.system.name, spell.code) for spell in partner.states]
            for system, number in codes:
                if number is not None:
                    self._number_keys.setdefault((system, number), partner)
        self._programme_keys: dict[str, Programme] = {}
        for programme in programmes:
            for key in (programme.id, programme.acronym, programme.name):
                if key:
                    self._programme_keys.setdefault(key.casefold(), programme)

    def partner(self, key: str | int | Partner | None = None, *, iso: int | str | None = None,
                cow: int | None = None, gw: int | None = None,
                default: object = MISSING) -> object:
        """Find a partner: see :meth:`nato_partners.Dataset.partner`."""
        if type(key) is str and iso is None and cow is None and gw is None:
            # The common case first: a code as written (such as "AZE") or a folded name.
            found = self._partner_keys.get(key)
            if found is not None:
                return found
        if isinstance(key, Partner):
            return self.own_partner(key, default)
        given = [k for k in (key, iso, cow, gw) if k is not None]
        if len(given) != 1:
            raise TypeError("give one of a key, iso=, cow= or gw= to find a partner")
        if key is not None and not isinstance(key, str):
            key = whole(key, "key")  # numpy's integers and 373.0 too, as cow= takes them
        if isinstance(key, int):
            readings = {system: self._number_keys.get((system, key)) for system in _SYSTEMS}
            meant = {system: p for system, p in readings.items() if p is not None}
            if len({p.code for p in meant.values()}) > 1:
                shown = ", ".join(f"{system} {key} is {p.name}" for system, p in meant.items())
                calls = " or ".join(f"partner({_SYSTEMS[system]}={key})" for system in meant)
                raise ValueError(f"{shown}: use {calls}")
            if meant:
                return next(iter(meant.values()))
            if default is not MISSING:
                return default
            raise NotFoundError("partner", f"code {key} (ISO 3166 numeric, COW or GW)")
        for system, number in (("ISO 3166 numeric", iso), ("COW", cow), ("GW", gw)):
            if number is None:
                continue
            name = _SYSTEMS[system]
            if system == "ISO 3166 numeric" and isinstance(number, str):
                if not (number.isascii() and number.isdigit()):
                    raise ValueError(f"iso {number!r} is not an ISO 3166 numeric code "
                                     "(ASCII digits, such as '031')")
                number = int(number)
            number = whole(number, name)
            found = self._number_keys.get((system, number))
            if found is None:
                if default is not MISSING:
                    return default
                raise NotFoundError("partner", f"{system} {number}")
            return found
        text = str(key).strip().casefold()
        found = self._partner_keys.get(text)
        if found is None:
            named = self.named_by_word().get(text, ())
            if len(named) == 1:
                return named[0]
            if default is not MISSING:
                return default
            near = [p.name for p in named] or close(key, self._partner_keys,
                                                    lambda p: p.name)
            if not near:  # a misspelt word of a long name, such as "Bosnai"
                import difflib

                words = self.named_by_word()
                near = list(dict.fromkeys(
                    p.name for word in difflib.get_close_matches(text, words, n=3)
                    for p in words[word]))
            raise NotFoundError("partner", str(key), near[:6])
        return found

    def own_partner(self, record: Partner, default: object = MISSING) -> object:
        """The dataset's own record of a partner given as a record: the same object, or
        one equal to it.

        A record from another dataset, or one changed with :func:`attrs.evolve`, would
        otherwise be answered about with this dataset's memberships as if it were one of
        its partners (a "no" for a country the dataset does not hold).
        """
        own = self._partner_keys.get(record.code)
        if own is not None and (own is record or own == record):
            return own
        if default is not MISSING:
            return default
        raise NotFoundError("partner", _foreign(record.code, record.name, own is not None))

    def named_by_word(self) -> dict[str, tuple[Partner, ...]]:
        """The partners whose names or aliases hold each word, built on the first miss."""
        if self._words is None:
            words: dict[str, dict[str, Partner]] = {}
            for partner in self._all:
                for name in (partner.name, partner.official_name, *partner.aliases):
                    for word in re.findall(r"\w+", (name or "").casefold()):
                        if len(word) > 3:  # not "and", "of", "the"
                            words.setdefault(word, {})[partner.code] = partner
            self._words = {word: tuple(found.values()) for word, found in words.items()}
        return self._words

    def programme(self, key: str | Programme) -> Programme:
        """Find a programme: see :meth:`nato_partners.Dataset.programme`."""
        if isinstance(key, Programme):
            # The dataset's own record, or one equal to it: a copy with other fields (a
            # list marked complete, say) would change the answers (see _own_partner).
            own = self._programme_keys.get(key.id.casefold())
            if own is not None and (own is key or own == key):
                return own
            raise NotFoundError("programme", _foreign(key.id, key.name, own is not None))
        found = self._programme_keys.get(key) if type(key) is str else None
        if found is None:
            found = self._programme_keys.get(str(key).strip().casefold())
        if found is None:
            raise NotFoundError("programme", str(key), close(key, self._programme_keys,
                                                                   lambda p: p.id))
        return found


def partner_keys(partners: Sequence[Partner]) -> dict[str, Partner]:
    """Every key that finds a partner without a search: each code, number, name and alias
    folded to lower case, then the codes as written; a key shared goes to the first.

    :param partners: the partners, in the order a tie goes to the first.
    :returns: the partner of each key.
    """
    keys: dict[str, Partner] = {}
    for partner in partners:
        for key in (partner.code, partner.alpha2, partner.iso_numeric, partner.name,
                    partner.official_name, *partner.aliases):
            if key:
                keys.setdefault(key.casefold(), partner)
    for partner in partners:  # the codes as written too, found without folding
        for key in (partner.code, partner.alpha2):
            keys.setdefault(key, partner)
    return keys


def close(key: object, keys: Mapping[str, _R], show: Callable[[_R], str]) -> list[str]:
    """The names (as ``show`` gives them) of the keys closest to ``key``, at most three."""
    import difflib  # only an unknown key needs it, so it is not imported up front

    matches = difflib.get_close_matches(str(key).strip().casefold(), keys, n=6, cutoff=0.6)
    return list(dict.fromkeys(show(keys[m]) for m in matches))[:3]


def _foreign(key: str, name: str, differs: bool) -> str:
    """How an error names a record that is not the dataset's own."""
    why = "differs from this dataset's" if differs else "is not this dataset's"
    return f"the record {key} ({name}), which {why}"


