"""How much the data holds about each partner and programme, and how well it is backed.

:func:`coverage` gives a row for every partner and programme: whether the data holds a
membership, what it answers when it holds none ("not a member" only where it holds the
programme's whole membership), how precise the membership's dates are, and which kinds of
source back it. The kind of a source is read from its web address: NATO's own sites
(``nato.int`` and its agencies), governments (ministries, missions, parliaments and
``.gov`` addresses), encyclopaedias (Wikipedia and its copies, Britannica), and the press
and everything else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from ._html import HtmlRepr
from .dates import Precision
from .model import Confidence, Membership, Source
from .results import Results

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["Coverage", "coverage", "source_kind"]

_GOVERNMENT = re.compile(
    r"(^|\.)(gov|gouv|gob|govt|mil|mfa|mod|mod\.gov|president|prezident|kremlin|parliament|"
    r"admin|army|defence|defense|mission|embassy|mae|mofa|state|whitehouse|bundesregierung)"
    r"(\.|-|$)|\.gov(\.[a-z]{2})?$|\.gv\.at$|\.gc\.ca$|\.admin\.ch$|mfa\.|mod\.|mzv\.|msz\."
)
_ENCYCLOPAEDIA = re.compile(r"wiki|britannica|encyclop|academic\.ru|en-academic|fandom")


def source_kind(source: Source) -> str:
    """Say what kind of publisher a source is, from its web address.

    :param source: the source.
    :returns: ``"nato"``, ``"government"``, ``"encyclopaedia"``, ``"press or other"``,
        or ``"offline"`` for a source with no address.
    """
    if not source.url:
        return "offline"
    host = re.sub(r"^https?://(www\.)?", "", source.url).split("/")[0].lower()
    if source.url.startswith(("https://web.archive.org/", "https://webarchive.")):
        # An archived copy: judge it by the address it keeps.
        inner = re.search(r"https?://(?:www\.)?([^/]+)/", source.url[8:])
        host = inner.group(1).lower() if inner else host
    if host == "nato.int" or host.endswith(".nato.int"):
        return "nato"
    if _ENCYCLOPAEDIA.search(host):
        return "encyclopaedia"
    if _GOVERNMENT.search(host):
        return "government"
    return "press or other"


@attrs.frozen(kw_only=True)
class Coverage(HtmlRepr):
    """What the data holds about one partner in one programme.

    :param partner: the partner's alpha-3 code.
    :param programme: the programme's id.
    :param held: whether the data holds a membership.
    :param answer: ``"member on record"``, ``"not a member"`` (the data holds the
        programme's complete membership and none of the partner's) or ``"not known"``.
    :param memberships: how many memberships the data holds.
    :param joined_precision: the coarsest precision of their ``joined`` dates, ``None``
        if none is dated.
    :param undated: whether some membership has no ``joined`` date.
    :param source_kinds: the kinds of source behind them, read from their addresses: ``nato``,
        ``government``, ``encyclopaedia`` or ``press or other``.
    :param confidence: the lowest confidence among them.
    """

    partner: str
    programme: str
    held: bool
    answer: str
    memberships: int = 0
    joined_precision: Precision | None = None
    undated: bool = False
    source_kinds: tuple[str, ...] = ()
    confidence: Confidence | None = None


_ORDER = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}
_PRECISION = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}


def coverage(dataset: Dataset | None = None) -> Results[Coverage]:
    """Report, for every partner and programme, what the data holds and what backs it.

    :param dataset: the dataset to report on; the bundled one if ``None``.
    :returns: one :class:`Coverage` per partner and programme, by partner, then
        programme in the dataset's order.
    """
    if dataset is None:
        from .loading import load

        dataset = load()
    rows = []
    for partner in dataset.partners():
        held_by: dict[str, list[Membership]] = {}
        for membership in dataset.memberships(partner):
            held_by.setdefault(membership.programme, []).append(membership)
        for programme in dataset.programmes():
            held = held_by.get(programme.id, [])
            if not held:
                answer = "not a member" if programme.members_complete else "not known"
                rows.append(Coverage(partner=partner.code, programme=programme.id,
                                     held=False, answer=answer))
                continue
            dated = [m.joined.precision for m in held if m.joined is not None]
            rows.append(Coverage(
                partner=partner.code, programme=programme.id, held=True,
                answer="member on record", memberships=len(held),
                joined_precision=min(dated, key=_PRECISION.__getitem__) if dated else None,
                undated=len(dated) < len(held),
                source_kinds=tuple(sorted({source_kind(s) for m in held for s in m.sources})),
                confidence=min((m.confidence for m in held), key=_ORDER.__getitem__),
            ))
    return Results(rows, Coverage)
