"""How much the data holds about each partner and programme, and how well it is backed.

:func:`coverage` gives a row for every partner and programme: whether the data holds a
membership, what it answers when it holds none ("not a member" only where it holds the
programme's whole membership), how precise the membership's dates are, and which kinds of
source back it. The kind of a source is its publisher's, from a list kept by hand
(:data:`PUBLISHER_KINDS`): NATO (its agencies and commands too), governments
(ministries, missions, armed forces, parliaments), encyclopaedias, and the press and
everything else; never a guess from a web address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import Precision
from .model import Confidence, Coverage, Membership, Source
from .results import Results
from .rules import without_record

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["PUBLISHER_KINDS", "Coverage", "coverage", "source_kind"]

#: The kind of each publisher that is not the press or another kind of source: NATO and
#: its agencies and commands, governments (ministries, missions, embassies, armed forces,
#: parliaments and their services, courts, official portals) and encyclopaedias. Kept by
#: hand: a source of a publisher not listed here is "press or other", whatever its web
#: address looks like (an address once filed a defence trade site, and a newspaper in a
#: national library's archive, under "government"). A test holds every name here to a
#: publisher the bundled sources cite.
PUBLISHER_KINDS: dict[str, str] = {
    # NATO, its agencies and its commands
    "KFOR": "nato",
    "NAMSA": "nato",
    "NATO": "nato",
    "NATO (copy on docslib.org)": "nato",
    "NATO Allied Command Transformation": "nato",
    "NATO Allied Joint Force Command Brunssum": "nato",
    "NATO Allied Joint Force Command Naples (KFOR)": "nato",
    "NATO KFOR": "nato",
    "NATO Review": "nato",
    "NATO SFOR (SFOR Informer #99)": "nato",
    "NATO Science for Peace and Security Programme (copy on docslib.org)": "nato",
    "NATO-Russia Council": "nato",
    "NSPA": "nato",
    "SHAPE": "nato",
    "jwc.nato.int": "nato",
    # Governments
    "ANAMA": "government",
    "Australian Government": "government",
    "Bundeswehr": "government",
    "Congressional Research Service (copy on congressionalresearch.com)": "government",
    "Constitutional Court of the Republic of Moldova": "government",
    "Embassy of Belarus in Austria (mfa.gov.by)": "government",
    "Embassy of Romania in Baku": "government",
    "Embassy of the Hashemite Kingdom of Jordan, Brussels": "government",
    "Embassy of the Republic of Croatia": "government",
    "Folketinget (ft.dk)": "government",
    "Government of Georgia": "government",
    "Government of Georgia (Office of the State Minister on European and Euro-Atlantic "
    "Integration)": "government",
    "Hellenic Republic, Ministry of Foreign Affairs": "government",
    "House of Commons Library": "government",
    "Irish Defence Forces": "government",
    "Ministry of Defence of Albania": "government",
    "Ministry of Defence of Ukraine": "government",
    "Ministry of Defence of the Republic of Armenia": "government",
    "Ministry of Defence of the Republic of Macedonia": "government",
    "Ministry of Defence of the Republic of Moldova": "government",
    "Ministry of Defence of the Republic of Serbia": "government",
    "Ministry of Foreign Affairs and European Integration of the Republic of Moldova":
        "government",
    "Ministry of Foreign Affairs of Georgia": "government",
    "Ministry of Foreign Affairs of the Republic of Korea": "government",
    "Ministry of Foreign Affairs of the Republic of Serbia": "government",
    "Ministry of Foreign and European Affairs of the Republic of Croatia": "government",
    "Mission of Finland to NATO": "government",
    "Mission of the Republic of Albania to NATO": "government",
    "Mission of the Republic of Serbia to NATO": "government",
    "National Defence (Canada)": "government",
    "New Zealand Defence Force": "government",
    "New Zealand Ministry of Defence": "government",
    "Office of the Prime Minister of Armenia": "government",
    "Office of the State Minister of Georgia on European and Euro-Atlantic Integration "
    "(eu-nato.gov.ge)": "government",
    "Parliament of Australia (ParlInfo)": "government",
    "President of Russia (kremlin.ru)": "government",
    "Swiss Federal Department of Foreign Affairs": "government",
    "Swiss federal administration": "government",
    "The White House": "government",
    "The White House, Office of the Press Secretary": "government",
    "U.S. Central Command": "government",
    "U.S. Department of State": "government",
    "U.S. Department of State (america.gov)": "government",
    "U.S. Department of State (copy on usinfo.org)": "government",
    "UK Parliament (Hansard)": "government",
    "US Army Combined Arms Center blog (Reflections from Dr. Jack)": "government",
    "airforce.gov.au": "government",
    "algerianembassy.it": "government",
    "belgium.mfa.gov.by": "government",
    "bmlv.gv.at": "government",
    "bundesheer.at": "government",
    "defence.gov.au": "government",
    "infocenter.gov.ge": "government",
    "mfa.gov.az": "government",
    "moldova.md (Government of the Republic of Moldova)": "government",
    "mon.gov.pl (archive)": "government",
    "news.belgium.be": "government",
    "psotc.gov.mn": "government",
    "vtg.admin.ch": "government",
    # Encyclopaedias
    "Military Wiki (wikia.org)": "encyclopaedia",
    "Wikipedia": "encyclopaedia",
    "en-academic.com": "encyclopaedia",
}


def source_kind(source: Source) -> str:
    """Say what kind of publisher a source is, from :data:`PUBLISHER_KINDS`.

    :param source: the source.
    :returns: ``"nato"``, ``"government"`` or ``"encyclopaedia"`` for a publisher listed
        as one, ``"offline"`` for a source of any other publisher with no address, and
        ``"press or other"`` for the rest.
    """
    kind = PUBLISHER_KINDS.get(source.publisher)
    if kind is not None:
        return kind
    return "press or other" if source.url else "offline"


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
                answer = ("not a member" if without_record(programme) is False
                          else "not known")
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
    return Results(rows, Coverage, dataset)
