"""The query functions and Dataset methods: lookups, filters, order and the date rule."""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from typing import Any

import attrs
import pendulum
import pytest

import nato_partners as np
from nato_partners import Dataset, Membership, Milestone, NotFoundError, NotKnown, NotKnownError
from nato_partners import loading as loading_module


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
    assert str(error.value) == "no programme matches 'Partnership for Peas'; did you mean 'pfp'?"


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


def test_a_partial_stored_date_answers_yes_no_or_not_known() -> None:
    # Joined the Mediterranean Dialogue (whose whole membership the data holds) in
    # "1995-11": no before November, yes from December, and on a day of November the
    # answer turns on a day the sources do not give.
    assert np.participates("JO", "md", on="1995-10-31") is False
    assert np.participates("JO", "md", on="1995-11-01") == NotKnown(
        "the recorded dates of the Mediterranean Dialogue ('md') membership "
        "of Jordan do not say whether it was in force in 1995-11-01; they are imprecise "
        "or missing")
    assert isinstance(np.participates("JO", "md", on="1995-11-29"), NotKnown)
    assert np.participates("JO", "md", on="1995-11-30") is True  # joined by then at latest
    assert np.participates("JO", "md", on="1995-11") is True  # some day of November
    assert np.participates("JO", "md", on="1995-12-01") is True
    # In the NACC, whose list the data cannot show whole, "no" is not known.
    assert isinstance(np.participates("AZ", "nacc", on="1992-02-29"), NotKnown)
    # Joined the SPS in "1995": the year as a whole is yes, its first day is not known.
    assert np.participates("AZ", "sps", on="1995") is True
    assert isinstance(np.participates("AZ", "sps", on=datetime.date(1995, 1, 1)), NotKnown)
    # Before 1995 no SPS membership is recorded, but the SPS's membership is not complete.
    before = np.participates("AZ", "sps", on=pendulum.date(1994, 12, 31))
    assert isinstance(before, NotKnown)
    assert "'sps'" in before.reason


def test_an_end_date_known_to_the_year_leaves_that_year_open() -> None:
    # KFOR: left = "2008"; on the day parliament voted to withdraw, the data cannot tell.
    assert np.participates("AZ", "kfor", on="2007-12-31") is True
    assert isinstance(np.participates("AZ", "kfor", on="2008-03-04"), NotKnown)


def test_participates_ever_and_never() -> None:
    assert np.participates("AZ", "pfp") is True
    # The ICI's membership is complete: Azerbaijan is not in it.
    assert np.participates("AZ", "ici") is False
    # The PII's is not: no record is not "no".
    assert np.participates("AZ", "pii") == NotKnown(
        "the dataset holds no Partnership Interoperability Initiative ('pii') membership of "
        "Azerbaijan's, and it does not hold the programme's complete membership")


def test_not_known_has_no_truth_value() -> None:
    answer = np.participates("AZ", "pii")
    assert isinstance(answer, NotKnown)
    with pytest.raises(NotKnownError, match="complete membership"):
        bool(answer)
    with pytest.raises(NotKnownError):
        assert not answer  # the mistake it guards against: reading "not known" as "no"
    assert answer != False  # noqa: E712 - the point: it is not equal to "no"
    assert str(answer) == "not known"


def test_a_programme_that_did_not_exist_had_no_members() -> None:
    # The PII began in 2014: before that no partner took part, complete list or not.
    assert np.participates("AZ", "pii", on="2000") is False
    assert np.members("pii", on="2000") == ()
    # The EAPC began on 30 May 1997 and the NACC ended that day.
    assert np.participates("AZ", "eapc", on="1997-05-29") is False
    assert np.participates("AZ", "nacc", on="1997-05-30") is False


def test_members_of_an_incomplete_programme_are_not_known_unless_asked_for() -> None:
    with pytest.raises(NotKnownError, match="'sps'"):
        np.members("sps")
    with pytest.raises(NotKnownError, match="'sps'"):
        np.member_counts("sps")
    known = np.members("sps", known_only=True)
    assert np.partner("AZ") in known
    counts = np.member_counts("sps", years=[2000], known_only=True)
    assert counts == {2000: len(np.members("sps", on="2000", known_only=True))}


def test_members_whose_dates_leave_a_period_open_are_not_known() -> None:
    # Every partner across the globe is known, but none of them is dated.
    assert len(np.members("partners-across-the-globe")) == 9
    with pytest.raises(NotKnownError, match="Australia"):
        np.members("partners-across-the-globe", on="2020")
    assert np.members("partners-across-the-globe", on="2020", known_only=True) == ()
    counts = np.member_counts("partners-across-the-globe", years=[2020])
    assert isinstance(counts[2020], NotKnown)
    with pytest.raises(TypeError):
        counts[2020] + 1  # type: ignore[operator]


def test_open_world_answers_of_the_issue() -> None:
    # Georgia has been in the EAPC since it was founded; Poland left the PfP's count when
    # it joined the Alliance; the EAPC had 50 members and the PfP 22 partners in 2010.
    assert np.participates("GE", "eapc", on="2010") is True
    assert len(np.members("eapc", on="2010")) == 50
    assert np.participates("POL", "pfp", on="2010") is False
    assert len(np.members("pfp", on="2010")) == 22
    assert len(np.members("md", on="2001-01-01")) == 7
    assert len(np.members("ici", on="2006-01-01")) == 4


def test_every_answer_about_an_incomplete_programme_is_yes_or_not_known() -> None:
    # Property over the whole dataset: where the membership is not complete, no answer is
    # "no" unless the programme did not exist in the period asked about.
    for programme in np.programmes():
        if programme.members_complete:
            continue
        for partner in np.partners():
            for year in (1995, 2005, 2015, 2025):
                answer = np.participates(partner, programme, on=str(year))
                if answer is False:
                    # No, only because the programme or the state did not exist then.
                    assert np.status(partner, programme, on=str(year)) in (
                        np.Status.PROGRAMME_NOT_IN_EXISTENCE, np.Status.STATE_NOT_IN_EXISTENCE)
                    existed = (programme.established is not None
                               and programme.established.earliest.year > year) or (
                        programme.ended is not None and programme.ended.latest.year <= year)
                    states = [s for s in partner.states if s.start.year <= year
                              and (s.end is None or s.end.year >= year)]
                    assert existed or not states, (partner.code, programme.id, year)
                else:
                    assert answer is True or isinstance(answer, NotKnown)


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
    assert "aze-melange" in {p.id for p in np.trust_fund_projects("AZ", funding=None)}


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
    with pytest.raises(ValueError, match=r"^search text is empty$"):
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
    real = loading_module._load_bundled

    def counting(plugins: bool) -> Dataset:
        calls.append(plugins)
        return real(plugins)

    monkeypatch.setattr(loading_module, "_loaded", {})
    monkeypatch.setattr(loading_module, "_load_bundled", counting)
    barrier = threading.Barrier(8)

    def first_use() -> Dataset:
        barrier.wait()
        return np.load()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: first_use(), range(8)))
    assert calls == [False]
    assert all(r is results[0] for r in results)


def test_members_are_in_joining_order() -> None:
    members = np.members("pfp")
    assert np.partner("AZ") in members
    first_joined = [np.memberships(p, "pfp")[0].joined for p in members]
    dated = [d for d in first_joined if d is not None]
    assert dated == sorted(dated)


def test_members_on_a_date_follow_the_memberships() -> None:
    assert np.partner("AZ") in np.members("eapc", on="1998")
    assert np.partner("AZ") not in np.members("nacc", on="1998")


def test_member_counts_agree_with_members_per_year() -> None:
    counts = np.member_counts("nacc", known_only=True)
    nacc = np.programme("nacc")
    assert nacc.established is not None
    assert nacc.ended is not None
    assert max(counts) == nacc.ended.year  # no count past the programme's end
    for year, count in counts.items():
        assert count == len(np.members("nacc", on=str(year), known_only=True))


def test_member_counts_for_chosen_years() -> None:
    assert list(np.member_counts("pfp", years=[2000, 1995])) == [1995, 2000]


def test_pfp_had_27_partners_in_1997_as_nato_counted_them() -> None:
    # NATO's press release (97)65 counts 27 PfP partners in 1997: the signatures, Malta's
    # withdrawal of October 1996 and the suspensions in the data must add up to that.
    assert np.member_counts("pfp", years=[1997]) == {1997: 27}


def test_query_results_are_results_tuples() -> None:
    from nato_partners.results import Results

    for result in (np.partners(), np.partners(region="gulf"), np.programmes("AZ"),
                   np.memberships("AZ"), np.members("pfp"), np.timeline("AZ"),
                   np.milestones(kind="visit"),
                   np.trust_fund_projects(), np.sources("AZ"), np.search("Saloglu")):
        assert isinstance(result, Results)


def test_query_results_convert_to_tables_of_their_record_type() -> None:
    pytest.importorskip("pandas")
    timeline = np.timeline("AZ")
    frame = timeline.to_dataframe()
    assert len(frame) == len(timeline)
    assert np.from_dataframe(frame, Milestone) == timeline
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


def test_a_load_runs_no_collection_where_the_collector_is_off() -> None:
    import gc

    root = resources.files("nato_partners") / "data"
    walked: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            walked.append(info["generation"])

    gc.callbacks.append(note)
    try:
        gc.disable()
        try:
            np.load_dataset(root)
        finally:
            gc.enable()
        assert walked == []  # a program that turned the collector off runs no collection
    finally:
        gc.callbacks.remove(note)


def _membership(joined: str | None, left: str | None = None,
                suspended: str | None = None) -> Membership:
    return Membership(partner="AZE", programme="pfp",
                      joined=None if joined is None else np.PartialDate.parse(joined),
                      left=None if left is None else np.PartialDate.parse(left),
                      suspended=None if suspended is None else np.PartialDate.parse(suspended),
                      sources=())


@pytest.mark.parametrize(("joined", "left", "suspended", "period", "expected"), [
    # A day-precise membership: in force from the day it joined, not on the day it left.
    ("1994-05-04", "1999-03-12", None, "1994-05-03", "no"),
    ("1994-05-04", "1999-03-12", None, "1994-05-04", "yes"),
    ("1994-05-04", "1999-03-12", None, "1999-03-11", "yes"),
    ("1994-05-04", "1999-03-12", None, "1999-03-12", "no"),
    # Joined in a month: its days before the month's last are open.
    ("1992-03", None, None, "1992-02-29", "no"),
    ("1992-03", None, None, "1992-03-01", "maybe"),
    ("1992-03", None, None, "1992-03-31", "yes"),
    ("1992-03", None, None, "1992-03", "yes"),
    # Ended in a year: that year's days are open, the year as a whole is too.
    ("1999", "2008", None, "2007-12-31", "yes"),
    ("1999", "2008", None, "2008-06-01", "maybe"),
    ("1999", "2008", None, "2008", "maybe"),
    ("1999", "2008", None, "2009-01-01", "no"),
    # A suspension does not end it: the partner is a suspended member (see below).
    ("1997-05-30", "2020", "2014-04-01", "2014-03-31", "yes"),
    ("1997-05-30", "2020", "2014-04-01", "2015", "yes"),
    ("1997-05-30", "2020", "2014-04-01", "2021-01-01", "no"),
    # Undated: open, unless its end rules the period out.
    (None, None, None, "1800", "maybe"),
    (None, "2000-01-01", None, "2000-01-01", "no"),
    (None, "2000", None, "1999-12-31", "maybe"),
])
def test_in_force_answers_yes_no_or_maybe(joined: str | None, left: str | None,
                                          suspended: str | None, period: str,
                                          expected: str) -> None:
    first, last = np.PartialDate.parse(period).earliest, np.PartialDate.parse(period).latest
    assert _membership(joined, left, suspended).in_force(first, last).value == expected


@pytest.mark.parametrize(("suspended", "resumed", "period", "expected"), [
    ("2014-04-01", None, "2014-03-31", "no"),
    ("2014-04-01", None, "2014-04-01", "yes"),
    ("2014-04-01", None, "2019", "yes"),
    ("2014-04-01", None, "2021-01-01", "no"),  # the membership had left by then
    ("2014-04", None, "2014-04-10", "maybe"),
    ("2014-04-01", "2016-05-01", "2016-05-01", "no"),
    ("2014-04-01", "2016-05", "2016-05-10", "maybe"),
    ("2014-04-01", "2016-05-01", "2016", "yes"),
    (None, None, "2015", "no"),
])
def test_suspended_in_answers_yes_no_or_maybe(suspended: str | None, resumed: str | None,
                                              period: str, expected: str) -> None:
    membership = attrs.evolve(_membership("1997-05-30", "2020", suspended),
                              resumed=None if resumed is None else np.PartialDate.parse(resumed))
    first, last = np.PartialDate.parse(period).earliest, np.PartialDate.parse(period).latest
    assert membership.suspended_in(first, last).value == expected


def test_trust_fund_projects_are_those_of_the_partner_asked_about() -> None:
    everything = np.trust_fund_projects()
    for key, code in (("AZ", "AZE"), ("Jordan", "JOR")):
        assert np.trust_fund_projects(key) == tuple(p for p in everything if p.partner == code)
    # Two partners with projects of their own, none shared.
    assert not set(np.trust_fund_projects("AZ")) & set(np.trust_fund_projects("JO"))
    assert np.trust_fund_projects(np.partner("JO")) == np.trust_fund_projects("JOR")


def test_a_partner_by_its_correlates_of_war_or_gleditsch_ward_code() -> None:
    azerbaijan = np.partner("AZ")
    assert azerbaijan.cow_code is not None
    assert azerbaijan.gw_code is not None
    assert np.partner(cow=azerbaijan.cow_code) is azerbaijan
    assert np.partner(gw=azerbaijan.gw_code) is azerbaijan


def test_the_sources_of_a_partner_are_fewer_than_all() -> None:
    assert set(np.sources("AZ")) < set(np.sources())
    assert np.sources("AZ") != np.sources("GE")


def test_an_incomplete_programme_has_no_member_list_unless_asked_for_the_known_ones() -> None:
    reason = ("the dataset does not hold the complete membership of Science for Peace and "
              "Security ('sps')")
    with pytest.raises(NotKnownError) as error:
        np.members("sps")
    assert str(error.value) == reason
    with pytest.raises(NotKnownError) as error:
        np.member_counts("sps", years=[2010])
    assert str(error.value) == reason
    assert np.partner("AZ") in np.members("sps", known_only=True)


def test_a_partner_without_memberships_has_empty_answers() -> None:
    bundled = np.load()
    alone = Dataset(info=bundled.info, sources=bundled.sources(),
                    partners=[bundled.partner("AZ")], programmes=bundled.programmes())
    assert alone.memberships("AZ") == ()
    assert alone.memberships(programme="ici") == ()
    assert alone.memberships("AZ", "ici") == ()
    assert alone.programmes("AZ") == ()
    assert alone.participates("AZ", "ici") is False  # the ICI's membership is complete
    assert alone.participates("AZ", "ici", on="2010") is False
    assert alone.members("ici") == ()
    assert alone.member_counts("ici", years=[2010]) == {2010: 0}
    assert alone.sources("AZ") == tuple(sorted(bundled.partner("AZ").sources,
                                               key=lambda s: s.id))


def test_the_allies_of_a_given_year() -> None:
    # Poland joined the Alliance on 12 March 1999.
    poland = np.partner("PL")
    assert poland not in np.partners(ally=True, on="1995")
    assert poland in np.partners(ally=False, on="1995")
    assert poland in np.partners(ally=True, on="2000")


def test_a_partner_by_number_or_by_nothing() -> None:
    azerbaijan = np.partner("AZ")
    assert np.partner(azerbaijan.cow_code) is azerbaijan  # an int key is a COW code
    with pytest.raises(NotFoundError, match=r"^no partner matches 'COW 1'$"):
        np.partner(cow=1)
    with pytest.raises(NotFoundError, match=r"^no partner matches 'GW 1'$"):
        np.partner(gw=1)
    with pytest.raises(TypeError,
                       match=r"^give one of a key, iso=, cow= or gw= to find a partner$"):
        np.partner("AZ", cow=373)


# -- the edges mutation testing found ----------------------------------------------------


def test_every_query_knows_its_record_type_even_when_empty() -> None:
    dataset = np.load()
    assert dataset.milestones(since="2100").record_type is Milestone
    assert dataset.milestones("AZ", since="2100").record_type is Milestone
    assert dataset.milestones("AZ", kind="visit", since="2100").record_type is Milestone
    assert dataset.milestones("AZ", area="cyber-defence", kind="visit").record_type is (
        Milestone)
    assert dataset.members("pii", on="2000").record_type is np.Partner
    assert dataset.memberships("AZ", "md").record_type is Membership
    assert dataset.trust_fund_projects("MT").record_type is np.TrustFundProject
    assert dataset.partners(region="gulf", ally=True).record_type is np.Partner
    assert dataset.programmes("MT").record_type is np.Programme
    assert dataset.memberships("AZ", on="1900").record_type is Membership
    assert dataset.members("pfp").record_type is np.Partner
    assert dataset.sources("MT").record_type is np.Source


def test_the_errors_of_a_question_say_what_was_wrong_in_words() -> None:
    with pytest.raises(ValueError, match=r"^unknown funding 'loan'; expected trust-fund, "
                                         r"sps or None for both$"):
        np.trust_fund_projects(funding="loan")
    with pytest.raises(ValueError,
                       match=r"^since 2001 is after until 2000-12: the range is empty$"):
        np.milestones(since="2001", until="2000-12")
    with pytest.raises(NotFoundError) as caught:
        np.partner(99999)
    assert str(caught.value) == ("no partner matches 'code 99999 (ISO 3166 numeric, COW or "
                                 "GW)'")
    assert caught.value.kind == "partner"


def test_a_date_range_of_one_day_is_not_empty() -> None:
    found = np.milestones(since="1994-05-04", until="1994-05-04")
    assert [m.id for m in found] == [m.id for m in np.milestones()
                                     if m.date is not None and str(m.date) == "1994-05-04"]
    assert found


def test_a_date_range_without_other_filters() -> None:
    found = np.milestones(since="2020", until="2021")
    assert found
    assert all(m.date is not None and 2020 <= m.date.year <= 2021 for m in found)
    later = np.milestones(since="2024")
    assert later
    assert all(m.date is not None and m.date.year >= 2024 for m in later)


def test_area_with_another_filter_keeps_only_that_area() -> None:
    found = np.milestones("AZ", area="cyber-defence")
    assert found
    assert all(np.Area.CYBER_DEFENCE in m.areas for m in found)
    assert len(found) < len(np.timeline("AZ"))


def test_unknown_kind_and_area_messages_name_what_was_wrong() -> None:
    with pytest.raises(ValueError, match="unknown kind 'party'"):
        np.milestones("AZ", kind="party")
    with pytest.raises(ValueError, match="unknown area 'cooking'"):
        np.milestones("AZ", area="cooking")


def test_members_of_the_dataset_are_whole_or_not_known_by_default() -> None:
    dataset = np.load()
    with pytest.raises(NotKnownError, match="'sps'"):
        dataset.members("sps")
    with pytest.raises(NotKnownError, match="'sps'"):
        dataset.members("sps", on="2010")
    # A programme that had ended had no members, complete list or not.
    assert dataset.members("pjc", on="2010") == ()


# -- the module's functions pass every way of asking to the dataset ----------------------


def test_partner_passes_every_keyword_to_the_dataset() -> None:
    dataset = np.load()
    azerbaijan = dataset.partner("AZ")
    assert np.partner(iso=int(azerbaijan.iso_numeric)) is azerbaijan
    assert np.partner(cow=azerbaijan.cow_code) is azerbaijan
    assert np.partner(gw=azerbaijan.gw_code) is azerbaijan
    assert np.partner("Atlantis", default=None) is None
    assert np.partner(iso=999, default="none") == "none"
    assert np.partner(cow=azerbaijan.cow_code, default=None) is azerbaijan
    assert np.partner(gw=azerbaijan.gw_code, default=None) is azerbaijan
    with pytest.raises(np.NotFoundError):
        np.partner(iso=999)


def test_the_first_answer_before_the_load_is_equal_to_the_loaded_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from nato_partners import loading

    dataset = np.load()
    monkeypatch.setattr(loading, "_loaded", {})  # as in a fresh process: nothing loaded
    quick = np.partner("AZ")
    # Read from the partners file, not the dataset: equal, and nothing loaded for it.
    assert quick == dataset.partner("AZ")
    assert loading._loaded == {}
    with pytest.raises(TypeError, match="give one of"):  # a key and a number: which?
        np.partner("AZ", iso=int(quick.iso_numeric))
    # A number goes to the full load, which the quick file never answers.
    azerbaijan = np.partner(iso=int(quick.iso_numeric))
    assert azerbaijan == quick
    assert np.partner("AZ") is azerbaijan  # once loaded, the dataset answers


def test_members_and_counts_pass_their_roles_on() -> None:
    # The NATO PA lists associate members: counted only when asked for.
    every = ("member", "associate", "observer")
    dataset = np.load()
    assert np.member_counts("nato-pa", [2015], known_only=True, roles=every) \
        == dataset.member_counts("nato-pa", [2015], known_only=True, roles=every)
    assert np.member_counts("nato-pa", [2015], known_only=True, roles=every) \
        != np.member_counts("nato-pa", [2015], known_only=True)
    assert np.members("nato-pa", "2015", known_only=True, roles=every) \
        == dataset.members("nato-pa", "2015", known_only=True, roles=every)
    assert len(np.members("nato-pa", "2015", known_only=True, roles=every)) \
        > len(np.members("nato-pa", "2015", known_only=True))


def test_a_bad_date_names_the_parameter_it_was_given_as() -> None:
    with pytest.raises(ValueError, match=r"^since: 'garbage' is not a date"):
        np.milestones(since="garbage")
    with pytest.raises(ValueError, match=r"^on: 'garbage' is not a date"):
        np.memberships("AZ", on="garbage")
    with pytest.raises(ValueError, match=r"^on: 'garbage' is not a date"):
        np.status("AZ", "pfp", on="garbage")
    with pytest.raises(TypeError, match=r"^since: expected a date"):
        np.milestones(since=3.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^until: "):
        np.milestones(until="1999-13")


def test_a_dataset_asked_directly_counts_a_suspended_member_as_a_member() -> None:
    # As NATO counts members: Russia's EAPC participation is suspended, not ended.
    dataset = np.load()
    assert dataset.participates("RU", "eapc", on="2020") is True
    assert dataset.participates("RU", "eapc", on="2020", active=True) is False
    # "Ever", without a date: it took part before the suspension.
    assert dataset.participates("RU", "eapc", active=True) is True
    with pytest.raises(TypeError, match=r"^active must be True or False, not int 1$"):
        dataset.participates("RU", "eapc", active=1)  # type: ignore[arg-type]


def test_the_module_finds_a_membership_by_id() -> None:
    found = np.membership("AZE/pfp")
    assert (found.partner, found.programme, str(found.joined)) == ("AZE", "pfp", "1994-05-04")
    with pytest.raises(NotFoundError, match="AZE/pfp"):  # the close id is named
        np.membership("AZE/pfx")


# -- a dataset of its own: dates chosen for each answer --------------------------------


def _club(*memberships: tuple[str, dict[str, str]], established: str | None = "1990"
          ) -> Dataset:
    """Two partners and one programme whose complete membership the dataset holds, with
    the memberships given as (partner, dates); reviewed on 2 January 2024."""
    source = np.Source(id="doc", title="Doc", publisher="P")
    day = np.PartialDate.parse
    partners = [np.Partner(code=code, alpha2=code[:2], name=name, region="gulf",
                           sources=(source,))
                for code, name in (("XYZ", "Xyzland"), ("ABC", "Abcland"))]
    club = np.Programme(id="club", name="The Club", kind="forum",
                        established=None if established is None else day(established),
                        members_complete=True, description="d", sources=(source,))
    held = [Membership(partner=partner, programme="club", sources=(source,),
                       **{field: day(value) for field, value in dates.items()})
            for partner, dates in memberships]
    info = np.DatasetInfo(format=1, version="t", reviewed=day("2024-01-02"), title="T")
    return Dataset(info=info, sources=[source], partners=partners, programmes=[club],
                   memberships=held)


def test_active_ever_is_true_for_a_day_of_participation() -> None:
    # Suspended the day after joining: it took part without suspension for one day.
    club = _club(("XYZ", {"joined": "2001-03-01", "suspended": "2001-03-02"}))
    assert club.participates("XYZ", "club") is True
    assert club.participates("XYZ", "club", active=True) is True


def test_active_ever_looks_back_to_the_calendars_first_day() -> None:
    # "Ever" is every day from 1 January of year 1: one day of participation then counts.
    club = _club(("XYZ", {"joined": "0001-01-01", "suspended": "0001-01-02"}),
                 established=None)
    assert club.participates("XYZ", "club", active=True) is True


def test_active_ever_is_false_for_a_membership_suspended_from_its_first_day() -> None:
    club = _club(("XYZ", {"joined": "2001-03-01", "suspended": "2001-03-01"}))
    assert club.participates("XYZ", "club") is True  # a member all the same
    assert club.participates("XYZ", "club", active=True) is False


def test_active_ever_is_not_known_when_the_joining_is_undated() -> None:
    club = _club(("XYZ", {"suspended": "2001"}))
    answer = club.participates("XYZ", "club", active=True)
    assert isinstance(answer, NotKnown)
    assert answer.reason == ("the data does not say whether Xyzland took part in The Club "
                             "without suspension")


def test_active_on_a_day_the_suspension_may_have_begun_is_not_known() -> None:
    # Suspended in March 2001: on 1 March it may or may not have been yet.
    club = _club(("XYZ", {"joined": "2000", "suspended": "2001-03"}))
    assert club.participates("XYZ", "club", on="2001-03-01") is True
    answer = club.participates("XYZ", "club", on="2001-03-01", active=True)
    assert isinstance(answer, NotKnown)
    assert answer.reason == ("the data does not say whether the 'club' membership was "
                             "active (not suspended) on some day of 2001-03-01")
    assert club.participates("XYZ", "club", on="2001-02-28", active=True) is True


def test_a_list_turning_on_imprecise_dates_names_the_period_asked_about() -> None:
    # Abcland's membership has no joining date: whether it was in force before it left
    # in 1998 is open, and the reason names the year or day asked about.
    club = _club(("XYZ", {"joined": "1995-01-01"}), ("ABC", {"left": "1998"}))
    reason = ("the recorded dates of the The Club ('club') membership of Abcland do not "
              "say whether it was in force in {}; they are imprecise or missing")
    with pytest.raises(NotKnownError) as caught:
        club.members("club", on="1996-05")
    assert caught.value.reason == reason.format("1996-05")
    counts = club.member_counts("club", [1996])
    assert isinstance(counts[1996], NotKnown)
    assert counts[1996].reason == reason.format(1996)
    assert club.member_counts("club", [1996], known_only=True) == {1996: 1}
    assert [p.code for p in club.members("club", on="1996-05", known_only=True)] == ["XYZ"]


def test_a_partners_sources_are_those_its_own_records_cite() -> None:
    # Each record cites a source of its own; Abcland's must not be listed for Xyzland.
    cite = {name: np.Source(id=name, title=name, publisher="P") for name in (
        "partner", "club", "membership", "milestone", "trust-fund", "sps", "abc")}
    day = np.PartialDate.parse
    partners = [np.Partner(code="XYZ", alpha2="XY", name="Xyzland", region="gulf",
                           sources=(cite["partner"],)),
                np.Partner(code="ABC", alpha2="AB", name="Abcland", region="gulf",
                           sources=(cite["abc"],))]
    club = np.Programme(id="club", name="The Club", kind="forum", description="d",
                        sources=(cite["club"],))
    memberships = [Membership(partner="XYZ", programme="club", joined=day("2000"),
                              sources=(cite["membership"],)),
                   Membership(partner="ABC", programme="club", joined=day("2001"),
                              sources=(cite["abc"],))]
    milestones = [Milestone(id=f"{code.lower()}-joined", partner=code, kind="joined", title="t",
                            summary="s", sources=(cite[name],))
                  for code, name in (("XYZ", "milestone"), ("ABC", "abc"))]
    projects = [np.TrustFundProject(id=f"{code.lower()}-{funding}", name="n", partner=code,
                                    executing_agency="NSPA", status="completed", purpose="p",
                                    funding=funding, sources=(cite[name],))
                for code, funding, name in (("XYZ", "trust-fund", "trust-fund"),
                                            ("XYZ", "sps", "sps"), ("ABC", "sps", "abc"))]
    info = np.DatasetInfo(format=1, version="t", reviewed=day("2024"), title="T")
    dataset = Dataset(info=info, sources=cite.values(), partners=partners,
                      programmes=[club], memberships=memberships, milestones=milestones,
                      trust_fund_projects=projects)
    assert [s.id for s in dataset.sources("XYZ")] == [
        "club", "membership", "milestone", "partner", "sps", "trust-fund"]
    assert [s.id for s in dataset.sources("ABC")] == ["abc", "club"]


def test_counts_by_default_begin_with_the_programme() -> None:
    # The EAPC was founded in May 1997; older programmes' memberships do not start it early.
    assert min(np.member_counts("eapc")) == 1997


def test_a_membership_without_a_joining_date_has_an_old_id_that_says_so() -> None:
    # The dated ids before 0.2 wrote "undated" in place of a missing date.
    club = _club(("XYZ", {"left": "1998"}), ("ABC", {"joined": "1995-01-01"}))
    assert club.membership("XYZ/club/undated") is club.membership("XYZ/club")
    assert club.membership("ABC/club/1995-01-01") is club.membership("ABC/club")


def test_a_programme_key_that_is_not_text_is_not_found() -> None:
    for key in (["pfp"], 5, None):
        with pytest.raises(NotFoundError, match=r"^no programme matches "):
            np.programme(key)  # type: ignore[arg-type]


def test_counts_reaching_past_the_horizon_are_not_known() -> None:
    # Reviewed on 2 January 2024: 2024 runs past that day, 2025 is wholly after it.
    club = _club(("XYZ", {"joined": "1995-01-01"}))
    counts = club.member_counts("club", [2023, 2024, 2025])
    assert counts[2023] == 1
    for year in (2024, 2025):
        assert isinstance(counts[year], NotKnown)
        assert counts[year].reason == ("the data was last reviewed on 2024-01-02 and knows "
                                       "nothing of later days")
    assert club.member_counts("club", [2024, 2025], known_only=True) == {2024: 1, 2025: 0}


@pytest.fixture(scope="module")
def own() -> Dataset:
    """The bundled data read from its files: a dataset of one's own, not load()'s."""
    return np.load_dataset(resources.files("nato_partners") / "data")


@pytest.mark.parametrize("ask", [
    lambda d: d.members("pfp", on="1995", known_only=True),
    lambda d: d.memberships("AZ", on="1995"),
    lambda d: d.milestones("AZ", since="1994"),
    lambda d: d.programmes("AZ"),
    lambda d: d.search("Azerbaijan"),
    lambda d: d.sources("AZ"),
], ids=["members", "memberships on", "milestones", "programmes of", "search", "sources of"])
def test_a_question_of_ones_own_dataset_answers_with_results_of_that_dataset(
        own: Dataset, ask: Any) -> None:
    # The exports name partners and programmes from the results' dataset.
    found = ask(own)
    assert found
    assert found.dataset is own
