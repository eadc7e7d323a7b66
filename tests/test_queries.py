"""The query functions and Dataset methods: lookups, filters, order and the date rule."""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from importlib import resources

import pendulum
import pytest

import nato_partners as np
from nato_partners import Dataset, Membership, Milestone, NotFoundError
from nato_partners import dataset as dataset_module


@pytest.mark.parametrize("key", ["AZ", "az", "AZE", "aze", "Azerbaijan", "AZERBAIJAN",
                                 " azerbaijan ", "Republic of Azerbaijan"])
def test_partner_by_any_key(key: str) -> None:
    assert np.partner(key).code == "AZE"


def test_unknown_partner_names_the_close_matches() -> None:
    with pytest.raises(NotFoundError) as error:
        np.partner("Azerbajan")
    assert "Azerbaijan" in error.value.matches
    assert "Azerbaijan" in str(error.value)
    assert isinstance(error.value, LookupError)


def test_unknown_partner_with_nothing_close_says_so_plainly() -> None:
    with pytest.raises(NotFoundError, match="no partner matches 'Atlantis'"):
        np.partner("Atlantis")


@pytest.mark.parametrize("key", ["pfp", "PfP", "PFP", "Partnership for Peace"])
def test_programme_by_id_acronym_or_name(key: str) -> None:
    assert np.programme(key).id == "pfp"


def test_unknown_programme_names_the_close_matches() -> None:
    with pytest.raises(NotFoundError) as error:
        np.programme("Partnership for Peas")
    assert error.value.matches == ("pfp",)


def test_results_are_tuples_in_a_stable_order() -> None:
    assert isinstance(np.partners(), tuple)
    # A dataset read afresh from the TOML files gives the same order.
    fresh = np.load_dataset(resources.files("nato_partners") / "data")
    assert fresh.timeline("AZ") == np.timeline("AZ")
    assert fresh.memberships() == np.memberships()
    memberships = np.memberships()
    dated = [m.joined for m in memberships if m.joined is not None]
    assert dated == sorted(dated)
    # Undated memberships come after every dated one.
    assert [m.joined is None for m in memberships] == sorted(
        m.joined is None for m in memberships
    )


def test_programmes_of_a_partner_are_those_it_joined() -> None:
    ids = {p.id for p in np.programmes("AZ")}
    assert {"nacc", "eapc", "pfp", "sps"} <= ids
    assert ids == {m.programme for m in np.memberships("AZ")}


def test_memberships_on_a_day_use_half_open_ranges() -> None:
    handover = "1997-05-30"  # the NACC gave way to the EAPC that day
    assert not np.participates("AZ", "nacc", on=handover)
    assert np.participates("AZ", "eapc", on=handover)
    assert np.participates("AZ", "nacc", on="1997-05-29")
    assert not np.participates("AZ", "eapc", on="1997-05-29")


def test_a_period_question_matches_any_day_in_it() -> None:
    # In 1997 Azerbaijan was in the NACC and then in the EAPC.
    in_1997 = {m.programme for m in np.memberships("AZ", on="1997")}
    assert {"nacc", "eapc"} <= in_1997


def test_partial_stored_dates_count_from_their_first_day() -> None:
    # Joined the NACC in "1992-03": counted from 1 March 1992.
    assert np.participates("AZ", "nacc", on="1992-03-01")
    assert not np.participates("AZ", "nacc", on="1992-02-29")
    # Joined the SPS in "1995": counted from 1 January 1995.
    assert np.participates("AZ", "sps", on=datetime.date(1995, 1, 1))
    assert not np.participates("AZ", "sps", on=pendulum.date(1994, 12, 31))


def test_participates_ever_and_never() -> None:
    assert np.participates("AZ", "pfp")
    assert not np.participates("AZ", "pii")


def test_date_arguments_accept_every_form() -> None:
    forms = ["1995-06-01", datetime.date(1995, 6, 1), pendulum.date(1995, 6, 1),
             np.PartialDate.parse("1995-06-01"), pendulum.datetime(1995, 6, 1, 10)]
    for form in forms:
        in_force = {m.programme for m in np.memberships("AZ", on=form)}  # type: ignore[arg-type]
        # NACC since March 1992, PfP since May 1994, SPS since 1995.
        assert in_force == {"nacc", "pfp", "sps"}


def test_bad_date_argument_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="1994-13"):
        np.memberships("AZ", on="1994-13")
    with pytest.raises(ValueError, match="1994-13"):
        np.milestones("AZ", since="1994-13")


def test_milestones_are_in_date_order_with_undated_last() -> None:
    timeline = np.timeline("AZ")
    dated = [m for m in timeline if m.date is not None]
    undated = [m for m in timeline if m.date is None]
    assert dated
    assert undated
    assert timeline == (*dated, *undated)
    assert [m.date for m in dated] == sorted(m.date for m in dated if m.date)


def test_since_and_until_are_inclusive_periods_and_drop_undated() -> None:
    found = np.milestones("AZ", since="1997", until="1997")
    assert found
    assert all(m.date is not None and m.date.earliest.year == 1997 for m in found)
    everything_1997 = [m for m in np.timeline("AZ") if m.date and m.date.earliest.year == 1997]
    assert list(found) == everything_1997


def test_filters_combine() -> None:
    found = np.milestones("AZ", programme="ipap", kind="approved", since="2005")
    assert found
    assert all(m.programme == "ipap" and m.kind is np.MilestoneKind.APPROVED for m in found)
    assert all(m.date is not None and m.date.earliest.year >= 2005 for m in found)
    brute = [
        m for m in np.timeline("AZ")
        if m.programme == "ipap" and m.kind.value == "approved"
        and m.date is not None and m.date.earliest >= pendulum.date(2005, 1, 1)
    ]
    assert list(found) == brute


def test_unknown_kind_or_area_lists_the_allowed_values() -> None:
    with pytest.raises(ValueError, match=r"'party'.*visit"):
        np.milestones(kind="party")
    with pytest.raises(ValueError, match="cyber-defence"):
        np.milestones(area="cyber")


def test_area_accepts_its_readable_label() -> None:
    assert np.milestones(area="Cyber defence") == np.milestones(area="cyber-defence")


def test_trust_fund_projects_of_a_partner() -> None:
    projects = np.trust_fund_projects("Azerbaijan")
    assert projects
    assert all(p.partner == "AZE" for p in projects)
    assert set(projects) <= set(np.trust_fund_projects())


def test_sources_of_a_partner_cover_every_cited_source() -> None:
    cited = {s.id for s in np.sources("AZ")}
    for record in (*np.memberships("AZ"), *np.timeline("AZ"), *np.trust_fund_projects("AZ")):
        assert {s.id for s in record.sources} <= cited
    assert {s.id for s in np.sources()} >= cited


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("saloglu", np.TrustFundProject),  # a field
        ("CALIBER.AZ", Milestone),  # a source's publisher
        ("Cyber defence", Milestone),  # the readable label of an area
        ("Huseynzada", np.Partner),  # the note
    ],
)
def test_search_looks_at_all_text_of_a_record(text: str, expect: type) -> None:
    assert any(isinstance(r, expect) for r in np.search(text))


def test_search_matches_are_real_matches() -> None:
    found = np.search("disinformation")
    assert found
    for record in found:
        assert "disinformation" in repr(record).lower() or "disinformation" in str(
            np.unstructure(record)
        ).lower()


def test_search_refuses_empty_text() -> None:
    with pytest.raises(ValueError, match="empty"):
        np.search("  ")


def test_records_cannot_be_changed() -> None:
    partner = np.partner("AZ")
    with pytest.raises(AttributeError):
        partner.name = "Elsewhere"  # type: ignore[misc]
    assert isinstance(np.partners(), tuple)


def test_building_a_dataset_in_python_checks_it() -> None:
    dataset = np.load()
    membership = dataset.memberships("AZ", "pfp")[0]
    orphan = Membership(partner="XXX", programme="pfp", joined=membership.joined,
                        sources=membership.sources)
    with pytest.raises(np.DataError) as error:
        Dataset(info=dataset.info, sources=dataset.sources(), partners=dataset.partners(),
                programmes=dataset.programmes(), memberships=(orphan,))
    (problem,) = error.value.problems
    assert problem.field == "partner"
    assert problem.value == "XXX"


def test_concurrent_first_use_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = dataset_module._load_bundled

    def counting(plugins: bool) -> Dataset:
        calls.append(plugins)
        return real(plugins)

    monkeypatch.setattr(dataset_module, "_loaded", {})
    monkeypatch.setattr(dataset_module, "_load_bundled", counting)
    barrier = threading.Barrier(8)

    def first_use() -> Dataset:
        barrier.wait()
        return np.load()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: first_use(), range(8)))
    assert calls == [False]
    assert all(r is results[0] for r in results)


def test_members_are_in_joining_order() -> None:
    members = np.members("nacc")
    assert np.partner("AZ") in members
    first_joined = [np.memberships(p, "nacc")[0].joined for p in members]
    dated = [d for d in first_joined if d is not None]
    assert dated == sorted(dated)


def test_members_on_a_date_follow_the_memberships() -> None:
    assert np.partner("AZ") in np.members("eapc", on="1998")
    assert np.partner("AZ") not in np.members("nacc", on="1998")


def test_member_counts_agree_with_members_per_year() -> None:
    counts = np.member_counts("nacc")
    nacc = np.programme("nacc")
    assert nacc.established is not None
    assert nacc.ended is not None
    assert max(counts) == nacc.ended.year  # no count past the programme's end
    for year, count in counts.items():
        assert count == len(np.members("nacc", on=str(year)))


def test_member_counts_for_chosen_years() -> None:
    assert list(np.member_counts("pfp", years=[2000, 1995])) == [1995, 2000]


def test_pfp_had_27_partners_in_1997_as_nato_counted_them() -> None:
    # NATO's press release (97)65 counts 27 PfP partners in 1997: the signatures, Malta's
    # withdrawal of October 1996 and the suspensions in the data must add up to that.
    assert np.member_counts("pfp", years=[1997]) == {1997: 27}


def test_query_results_are_results_tuples() -> None:
    from nato_partners.results import Results

    for result in (np.partners(), np.programmes("AZ"), np.memberships("AZ"),
                   np.members("pfp"), np.timeline("AZ"), np.milestones(kind="visit"),
                   np.trust_fund_projects(), np.sources("AZ"), np.search("Saloglu")):
        assert isinstance(result, Results)


def test_query_results_convert_to_tables_of_their_record_type() -> None:
    pytest.importorskip("pandas")
    from nato_partners.export import from_dataframe

    timeline = np.timeline("AZ")
    frame = timeline.to_dataframe()
    assert len(frame) == len(timeline)
    assert from_dataframe(frame, Milestone) == timeline
    assert len(np.milestones(partner="AZ", since="2100").to_dataframe(Milestone)) == 0


def test_query_results_unstructure_to_plain_lists() -> None:
    data = np.unstructure(np.memberships("AZ", "pfp"))
    assert isinstance(data, list)
    assert data[0]["joined"] == "1994-05-04"


def test_search_finds_figures_and_source_ids() -> None:
    (saloglu,) = [p for p in np.trust_fund_projects("AZ") if p.items_disposed == 640_000]
    assert saloglu in np.search("640000")
    assert saloglu in np.search("5683769")
    assert saloglu in np.search("caliber-agencies-visit")


def test_a_dataset_cannot_be_changed_by_its_callers() -> None:
    dataset = np.load()
    with pytest.raises(AttributeError):
        dataset.info = None  # type: ignore[misc]
    with pytest.raises(AttributeError):
        dataset.extra = 1  # type: ignore[attr-defined]


def test_building_a_dataset_checks_the_sources_its_records_cite() -> None:
    dataset = np.load()
    ghost = np.Source(id="ghost", title="Nowhere", publisher="Nobody")
    membership = dataset.memberships("AZ", "pfp")[0]
    cited = Membership(partner="AZE", programme="pfp", joined=membership.joined,
                       sources=(ghost,))
    with pytest.raises(np.DataError) as error:
        Dataset(info=dataset.info, sources=dataset.sources(), partners=dataset.partners(),
                programmes=dataset.programmes(), memberships=(cited,))
    assert [(p.field, p.value) for p in error.value.problems] == [("sources[0]", "ghost")]


def test_the_collector_is_paused_once_for_loads_in_several_threads() -> None:
    import gc

    root = resources.files("nato_partners") / "data"
    barrier = threading.Barrier(4)

    def load_one(_: int) -> Dataset:
        barrier.wait()
        return np.load_dataset(root)

    assert gc.isenabled()
    with ThreadPoolExecutor(4) as pool:
        loaded = list(pool.map(load_one, range(4)))
    assert all(d.partners() == loaded[0].partners() for d in loaded)
    assert gc.isenabled()
    gc.disable()
    try:
        np.load_dataset(root)
        assert not gc.isenabled()  # a caller's choice to keep it off is kept
    finally:
        gc.enable()
