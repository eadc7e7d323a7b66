"""The indexes answer as a scan of every record would: for any mix of filters."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nato_partners
from nato_partners import Area, Milestone, MilestoneKind, PartialDate

_DATA = nato_partners.load()
_EVERY = list(_DATA.milestones())
_maybe = st.none().__or__


def _scan(partner: Any, programme: Any, kind: Any, area: Any, since: Any,
          until: Any) -> list[Milestone]:
    """The milestones the filters keep, by the documented rules, one record at a time."""
    first = None if since is None else PartialDate.parse(since).earliest
    last = None if until is None else PartialDate.parse(until).latest
    kept = []
    for m in _EVERY:
        if partner is not None and m.partner != partner:
            continue
        if programme is not None and m.programme != programme:
            continue
        if kind is not None and m.kind is not kind:
            continue
        if area is not None and area not in m.areas:
            continue
        if (first is not None or last is not None) and m.date is None:
            continue
        if first is not None and m.date.earliest < first:
            continue
        if last is not None and m.date.earliest > last:
            continue
        kept.append(m)
    return kept


@settings(max_examples=300, deadline=None)
@given(
    partner=_maybe(st.sampled_from(sorted({m.partner for m in _EVERY}))),
    programme=_maybe(st.sampled_from(sorted({m.programme for m in _EVERY if m.programme}))),
    kind=_maybe(st.sampled_from(MilestoneKind)),
    area=_maybe(st.sampled_from(Area)),
    since=_maybe(st.sampled_from(["1992", "1994-05", "2001-09-12", "2008"])),
    until=_maybe(st.sampled_from(["1995", "2004-03", "2014-12-31", "2025"])),
)
def test_any_mix_of_filters_keeps_what_a_scan_keeps(
    partner: Any, programme: Any, kind: Any, area: Any, since: Any, until: Any
) -> None:
    if since is not None and until is not None and since > until:
        return
    found = _DATA.milestones(partner=partner, programme=programme, kind=kind, area=area,
                             since=since, until=until)
    assert list(found) == _scan(partner, programme, kind, area, since, until)


def test_a_pair_of_filters_is_answered_from_its_own_index() -> None:
    # The pair index holds exactly the milestones of the partner in the programme.
    pair = _DATA._milestones._family("partner+programme")["AZE", "pfp"]
    assert list(pair.records) == [m for m in _EVERY
                                  if m.partner == "AZE" and m.programme == "pfp"]
    assert list(_DATA.milestones("AZ", "pfp")) == list(pair.records)


def _whole_text(record: Any) -> str:
    """A record's text with its sources' in one string, as a search once scanned it."""
    from nato_partners.matching import _texts

    return " \n".join(_texts(record)).casefold()


_RECORDS = [*_DATA.partners(), *_DATA.programmes(), *_DATA.memberships(), *_EVERY,
            *_DATA.trust_fund_projects(funding=None)]
_WORDS = sorted({word for record in _RECORDS[::7] for word in _whole_text(record).split()
                 if len(word) > 3} | {s.title.casefold() for s in _DATA.sources()[::40]})


@settings(max_examples=150, deadline=None)
@given(needle=st.sampled_from(_WORDS))
def test_search_finds_what_a_scan_of_each_records_whole_text_finds(needle: str) -> None:
    # The search keeps each source's text once, apart from the records citing it.
    assert list(_DATA.search(needle)) == [r for r in _RECORDS if needle in _whole_text(r)]


def test_a_dataset_of_its_own_builds_its_indexes_and_search_text_alike() -> None:
    # The cached bundled dataset's indexes are built once per process; a dataset loaded
    # here builds its own, so a mistake in building them shows in this test too.
    from importlib import resources

    with resources.as_file(resources.files("nato_partners") / "data") as data:
        fresh = nato_partners.load_dataset(data)
    every = list(fresh.milestones())
    for partner, programme, kind, area in [
        ("AZE", "pfp", None, None), ("GEO", None, MilestoneKind.VISIT, None),
        (None, "pfp", MilestoneKind.SIGNED, None), ("AZE", None, None, Area.CYBER_DEFENCE),
        ("AZE", "pfp", MilestoneKind.SIGNED, None), (None, None, None, Area.SCIENCE),
    ]:
        found = fresh.milestones(partner=partner, programme=programme, kind=kind, area=area)
        assert list(found) == [
            m for m in every if partner in (None, m.partner)
            and programme in (None, m.programme) and kind in (None, m.kind)
            and (area is None or area in m.areas)], (partner, programme, kind, area)
        assert found  # each mix holds something, so an empty index would show
    for needle in ("caliber", "sofa", "cyber"):
        assert list(fresh.search(needle)) == list(_DATA.search(needle))
        assert fresh.search(needle)


def _copy() -> nato_partners.Dataset:
    """A dataset of the bundled records, whose lazy indexes no earlier test has built."""
    return nato_partners.Dataset(
        info=_DATA.info, sources=_DATA.sources(), partners=_DATA.partners(),
        programmes=_DATA.programmes(), memberships=_DATA.memberships(), milestones=_EVERY,
        trust_fund_projects=_DATA.trust_fund_projects(funding=None))


def test_a_membership_is_found_by_its_ids_of_every_form() -> None:
    dataset = _copy()
    # Today's id; the dated form of 0.1 from the date held now; the 0.1 id of a date
    # corrected since (Ukraine joined the NATO-Ukraine Council on 11 July 2023, the data
    # of 0.1 said the 12th); and the old form of a membership with no date.
    for id in ("UKR/nato-ukraine-council", "UKR/nato-ukraine-council/2023-07-11",
               "UKR/nato-ukraine-council/2023-07-12"):
        found = dataset.membership(id)
        assert (found.partner, found.programme) == ("UKR", "nato-ukraine-council")
    undated = dataset.membership("AFG/partners-across-the-globe/undated")
    assert (undated.partner, undated.programme, undated.joined) == (
        "AFG", "partners-across-the-globe", None)
    assert dataset.membership("UKR/nato-ukraine-council/2023-07-12") is dataset.membership(
        "UKR/nato-ukraine-council")


def test_an_unknown_membership_id_names_the_close_ones() -> None:
    with pytest.raises(nato_partners.NotFoundError) as caught:
        _DATA.membership("AZE/pfpp")
    assert str(caught.value).startswith("no membership matches 'AZE/pfpp'; did you mean ")
    assert caught.value.kind == "membership"
    assert caught.value.matches[0] == "AZE/pfp"
    # Not text: not found either, rather than an error of another kind.
    with pytest.raises(nato_partners.NotFoundError, match=r"^no membership matches "):
        _DATA.membership(["AZE/pfp"])  # type: ignore[arg-type]


def test_a_list_of_observers_holds_observers_only() -> None:
    from nato_partners.rules import role_status

    dataset = _copy()
    # The NACC had observers beside its many members.
    for on in ("1995", "1997-01"):
        observers = dataset.members("nacc", on=on, roles=["observer"], known_only=True)
        assert observers
        for partner in observers:
            assert nato_partners.Status.OBSERVER in {
                role_status(m) for m in dataset.memberships(partner, "nacc", on=on)}


def test_one_filter_and_a_range_on_a_dataset_whose_indexes_are_fresh() -> None:
    dataset = _copy()
    for filters in ({"partner": "AZE"}, {"programme": "pfp"}, {"kind": MilestoneKind.VISIT},
                    {"area": Area.SCIENCE}):
        found = dataset.milestones(**filters, since="1994-05", until="2014-12-31")
        wanted = {"partner": None, "programme": None, "kind": None, "area": None, **filters}
        assert list(found) == _scan(**wanted, since="1994-05", until="2014-12-31")
        assert found
