"""Every fact of the seed article (Caliber.Az) is in the data, with the article as a source.

One test per claim of the article, in the article's order. Each checks the fact through
the public API and that the record carrying it cites the article.
"""

from __future__ import annotations

import pytest

import nato_partners as np
from nato_partners import Area, MilestoneKind, Precision, Record

ARTICLE = "caliber-agencies-visit"


def cites_article(record: Record) -> bool:
    return ARTICLE in {source.id for source in record.sources}


@pytest.fixture(scope="module")
def visit() -> np.Milestone:
    (found,) = [
        m for m in np.milestones("AZ", kind="visit")
        if "headquarters" in m.title.lower() and cites_article(m)
    ]
    return found


def test_the_article_is_a_source_with_its_publisher() -> None:
    (article,) = [s for s in np.sources() if s.id == ARTICLE]
    assert article.publisher == "Caliber.Az"
    assert article.url is not None
    assert article.url.startswith("https://caliber.az/")


def test_agencies_visited_nato_headquarters_in_brussels(visit: np.Milestone) -> None:
    assert "Brussels" in visit.summary
    assert "agencies" in visit.summary


def test_the_visit_stays_undated_because_no_source_dates_it(visit: np.Milestone) -> None:
    assert visit.date is None
    # A date filter must leave an undated milestone out rather than guess.
    assert visit not in np.milestones("AZ", since="1900")


def test_the_statement_came_from_jafar_huseynzade(visit: np.Milestone) -> None:
    mission = np.partner("AZ").mission
    assert mission is not None
    assert mission.head == "Jafar Huseynzade"
    assert cites_article(np.partner("AZ"))
    assert "Huseynzade" in visit.summary


def test_public_diplomacy_stratcom_and_disinformation(visit: np.Milestone) -> None:
    assert {
        Area.PUBLIC_DIPLOMACY,
        Area.STRATEGIC_COMMUNICATIONS,
        Area.COUNTERING_DISINFORMATION,
    } <= set(visit.areas)
    assert visit in np.milestones(area="countering-disinformation")


def test_briefings_and_round_tables_on_social_networks(visit: np.Milestone) -> None:
    text = visit.summary.lower()
    assert "briefings" in text
    assert "round tables" in text
    assert "social networks" in text


def test_pfp_framework_document_signed_on_4_may_1994() -> None:
    (signed,) = np.milestones("AZ", programme="pfp", kind=MilestoneKind.SIGNED)
    assert str(signed.date) == "1994-05-04"
    assert signed.date is not None
    assert signed.date.precision is Precision.DAY
    assert cites_article(signed)


def test_the_27_osce_countries_claim_is_kept_with_the_conflict_noted() -> None:
    (signed,) = np.milestones("AZ", programme="pfp", kind="signed")
    assert signed.note is not None
    assert "27 OSCE" in signed.note
    assert cites_article(signed)
    # The official sources that contradict the claim are cited beside it.
    assert {"nato-update-1994-01", "nato-press-release-97-065"} <= {s.id for s in signed.sources}


def test_relations_started_in_1992_by_joining_the_nacc() -> None:
    (nacc,) = np.memberships("AZ", "nacc")
    assert nacc.joined is not None
    assert nacc.joined.year == 1992
    assert cites_article(nacc)
    assert np.participates("AZ", "NACC", on="1992")


def test_nacc_was_succeeded_by_the_eapc_in_1997() -> None:
    nacc, eapc = np.programme("nacc"), np.programme("eapc")
    assert nacc.succeeded_by == "eapc"
    assert nacc.ended is not None
    assert nacc.ended.year == 1997
    assert eapc.established is not None
    assert eapc.established.year == 1997
    assert cites_article(eapc)
    assert np.participates("AZ", "eapc", on="1997-12-31")


def test_eapc_brings_allies_and_euro_atlantic_partners_together() -> None:
    assert "Euro-Atlantic" in np.programme("eapc").description
    assert np.partner("AZ").region is np.Region.EURO_ATLANTIC


def test_bilateral_cooperation_began_with_pfp_in_1994() -> None:
    (pfp,) = np.memberships("AZ", "Partnership for Peace")
    assert pfp.joined is not None
    assert pfp.joined.year == 1994
    assert cites_article(pfp)


def test_pfp_participation_supports_peace_support_operations() -> None:
    (pfp,) = np.memberships("AZ", "pfp")
    assert pfp.note is not None
    assert "peace-support" in pfp.note
    assert np.milestones("AZ", area="peace-support")


def test_sps_engagement_since_1995_keeps_year_precision() -> None:
    (sps,) = np.memberships("AZ", "sps")
    assert str(sps.joined) == "1995"
    assert sps.joined is not None
    assert sps.joined.precision is Precision.YEAR
    assert cites_article(sps)


def test_sps_leading_areas_are_cyber_defence_and_counter_terrorism() -> None:
    # The article gives today's leading areas; the 1995 milestone does not claim them.
    (sps,) = np.memberships("AZ", "sps")
    assert sps.note is not None
    assert "cyber defence and counter-terrorism" in sps.note
    assert cites_article(sps)
    (engagement,) = np.milestones("AZ", programme="sps", kind="joined")
    assert Area.CYBER_DEFENCE not in engagement.areas


def test_civil_servants_had_advanced_cyber_defence_training() -> None:
    found = [
        m for m in np.milestones("AZ", kind="training", area="cyber-defence")
        if cites_article(m) and "civil servants" in m.summary
    ]
    assert found


def test_research_project_on_portable_explosives_sensors() -> None:
    (research,) = [m for m in np.milestones("AZ", kind="research") if cites_article(m)]
    assert "explosives" in research.summary
    assert "portable" in research.summary
    assert research.programme == "sps"
    # Radio Prague reports the project with Azerbaijani scientists, without naming SPS.
    assert research.confidence is np.Confidence.MEDIUM
    assert any(s.publisher != "Caliber.Az" for s in research.sources)


def test_anama_worked_with_allies_on_trust_fund_demilitarization() -> None:
    projects = np.trust_fund_projects("AZ")
    assert any(p.partner_agency and "ANAMA" in p.partner_agency for p in projects)
    assert np.milestones("AZ", area=Area.DEMILITARIZATION)


def test_640000_items_disposed_from_5_68_million_m2() -> None:
    (project,) = [p for p in np.trust_fund_projects("AZ") if p.items_disposed == 640_000]
    assert project.area_cleared_m2 is not None
    assert round(project.area_cleared_m2 / 1e6, 2) == 5.68
    assert project.site is not None
    assert "Soviet" in project.site
    assert cites_article(project)
    assert project.note is not None
    assert "640,000" in project.note
