"""What researchers take away: code crosswalks, citations, diffs and coverage."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path

import attrs
import pytest

import nato_partners as np
from nato_partners import Precision
from nato_partners.citations import LICENCE, PROJECT_URL

# -- code crosswalks ---------------------------------------------------------------------

# Every country's codes as the lists give them: (ISO 3166-1 numeric, Correlates of War
# code from the COW State System Membership list v2016, Gleditsch-Ward code from the GW
# list of independent states). The two state lists differ for Germany and Serbia.
CODES = {
    "AFG": ("004", 700, 700),
    "ALB": ("008", 339, 339),
    "ARE": ("784", 696, 696),
    "ARM": ("051", 371, 371),
    "AUS": ("036", 900, 900),
    "AUT": ("040", 305, 305),
    "AZE": ("031", 373, 373),
    "BEL": ("056", 211, 211),
    "BGR": ("100", 355, 355),
    "BHR": ("048", 692, 692),
    "BIH": ("070", 346, 346),
    "BLR": ("112", 370, 370),
    "CAN": ("124", 20, 20),
    "CHE": ("756", 225, 225),
    "COL": ("170", 100, 100),
    "CZE": ("203", 316, 316),
    "DEU": ("276", 255, 260),
    "DNK": ("208", 390, 390),
    "DZA": ("012", 615, 615),
    "EGY": ("818", 651, 651),
    "ESP": ("724", 230, 230),
    "EST": ("233", 366, 366),
    "FIN": ("246", 375, 375),
    "FRA": ("250", 220, 220),
    "GBR": ("826", 200, 200),
    "GEO": ("268", 372, 372),
    "GRC": ("300", 350, 350),
    "HRV": ("191", 344, 344),
    "HUN": ("348", 310, 310),
    "IRL": ("372", 205, 205),
    "IRQ": ("368", 645, 645),
    "ISL": ("352", 395, 395),
    "ISR": ("376", 666, 666),
    "ITA": ("380", 325, 325),
    "JOR": ("400", 663, 663),
    "JPN": ("392", 740, 740),
    "KAZ": ("398", 705, 705),
    "KGZ": ("417", 703, 703),
    "KOR": ("410", 732, 732),
    "KWT": ("414", 690, 690),
    "LTU": ("440", 368, 368),
    "LUX": ("442", 212, 212),
    "LVA": ("428", 367, 367),
    "MAR": ("504", 600, 600),
    "MDA": ("498", 359, 359),
    "MKD": ("807", 343, 343),
    "MLT": ("470", 338, 338),
    "MNE": ("499", 341, 341),
    "MNG": ("496", 712, 712),
    "MRT": ("478", 435, 435),
    "NLD": ("528", 210, 210),
    "NOR": ("578", 385, 385),
    "NZL": ("554", 920, 920),
    "PAK": ("586", 770, 770),
    "POL": ("616", 290, 290),
    "PRT": ("620", 235, 235),
    "QAT": ("634", 694, 694),
    "ROU": ("642", 360, 360),
    "RUS": ("643", 365, 365),
    "SRB": ("688", 345, 340),
    "SVK": ("703", 317, 317),
    "SVN": ("705", 349, 349),
    "SWE": ("752", 380, 380),
    "TJK": ("762", 702, 702),
    "TKM": ("795", 701, 701),
    "TUN": ("788", 616, 616),
    "TUR": ("792", 640, 640),
    "UKR": ("804", 369, 369),
    "USA": ("840", 2, 2),
    "UZB": ("860", 704, 704),
    "CSK": ("200", 315, 315),  # Czechoslovakia: ISO 3166-3, the predecessor in the NACC
}


def test_partners_carry_iso_cow_and_gw_codes() -> None:
    assert {p.code for p in np.partners()} == set(CODES)
    for code, (iso, cow, gw) in CODES.items():
        partner = np.partner(code)
        assert (partner.iso_numeric, partner.cow_code, partner.gw_code) == (iso, cow, gw)
        if cow != gw:
            assert partner.note is not None
            assert "Gleditsch-Ward" in partner.note
    assert {code for code, (_, cow, gw) in CODES.items() if cow != gw} == {"DEU", "SRB"}


def test_iso_numeric_codes_agree_with_pycountry() -> None:
    pycountry = pytest.importorskip("pycountry")
    for partner in np.partners():
        country = (pycountry.countries.get(alpha_3=partner.code)
                   or pycountry.historic_countries.get(alpha_3=partner.code))
        assert country.numeric == partner.iso_numeric


def test_partner_accepts_numbers() -> None:
    assert np.partner(373).code == "AZE"  # an int is a COW code
    assert np.partner(cow=255).code == "DEU"
    assert np.partner(gw=260).code == "DEU"
    assert np.partner("031").code == "AZE"  # three digits are the ISO numeric code
    with pytest.raises(np.NotFoundError, match="code 1 "):
        np.partner(1)
    with pytest.raises(TypeError, match="one of"):
        np.partner("AZ", cow=373)


def test_a_panel_merges_with_cow_coded_data_in_one_line() -> None:
    pandas = pytest.importorskip("pandas")
    other = pandas.DataFrame({"ccode": [373, 372, 255], "year": [2000, 2000, 2000],
                              "score": [0.1, 0.2, 0.3]})
    panel = np.panel(programmes=["pfp"], start=2000, end=2000)
    merged = other.merge(panel, left_on=["ccode", "year"], right_on=["cow_code", "period"])
    assert dict(zip(merged.partner.astype(str), merged.status.tolist(), strict=True)) == {
        "AZE": 1, "GEO": 1, "DEU": 0}


# -- citations ---------------------------------------------------------------------------


def test_bibtex_of_every_record_parses() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    text = np.cite(np.sources(), style="bibtex")
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert {e.key for e in library.entries} == {s.id for s in np.sources()}
    dataset = np.load()
    for record in (*dataset.partners(), *dataset.programmes(), *dataset.memberships(),
                   *dataset.milestones(), *dataset.trust_fund_projects(funding=None)):
        parsed = bibtexparser.parse_string(np.cite(record, style="bibtex"))
        assert parsed.failed_blocks == []
        assert {e.key for e in parsed.entries} == {s.id for s in record.sources}


def test_bibtex_keeps_the_precision_of_dates_and_the_address() -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    source = next(s for s in np.sources() if s.published is not None
                  and s.published.precision is Precision.MONTH and s.url)
    (entry,) = bibtexparser.parse_string(np.cite(source, style="bibtex")).entries
    assert entry.fields_dict["date"].value == str(source.published)
    assert entry.fields_dict["url"].value == source.url
    assert entry.fields_dict["year"].value == str(source.published.year)


def test_csl_json_renders_with_a_csl_processor() -> None:
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    items = json.loads(np.cite(np.sources(), style="csl-json"))
    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, CiteProcJSON(items),
                                                       citeproc.formatter.plain)
    for item in items:
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(np.sources())
    seed = next(s for s in np.sources() if s.id == "caliber-agencies-visit")
    assert any(seed.title in line and "Caliber.Az" in line for line in rendered)


def test_csl_json_dates_keep_their_precision() -> None:
    items = {i["id"]: i for i in json.loads(np.cite(np.sources(), style="csl-json"))}
    for source in np.sources():
        if source.published is None:
            assert "issued" not in items[source.id]
        else:
            parts = items[source.id]["issued"]["date-parts"][0]
            assert len(parts) == {Precision.YEAR: 1, Precision.MONTH: 2,
                                  Precision.DAY: 3}[source.published.precision]


def test_each_source_once_and_the_dataset_itself() -> None:
    text = np.cite(np.memberships("AZ"), style="text")
    cited = {s.id for m in np.memberships("AZ") for s in m.sources}
    assert len(text.splitlines()) == len(cited)
    itself = np.cite(style="text")
    assert np.__data_version__ in itself
    assert np.__version__ in itself
    with pytest.raises(ValueError, match="unknown style"):
        np.cite(style="apa")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        np.cite(42)


def test_citation_cff_names_the_library_and_data_versions() -> None:
    cff = Path(__file__).resolve().parents[1] / "CITATION.cff"
    if not cff.is_file():
        pytest.skip("no CITATION.cff in this checkout")
    text = cff.read_text("utf-8")
    assert f'version: "{np.__version__}"' in text
    assert np.__data_version__ in text
    # Released with the data it carries, published where cite() says.
    assert f'date-released: "{np.__data_reviewed__}"' in text
    assert f'url: "{PROJECT_URL}"' in text
    assert f"license: {LICENCE}" in text
    yaml = pytest.importorskip("yaml")
    parsed = yaml.safe_load(text)
    assert str(parsed["date-released"]) == np.__data_reviewed__
    project = tomllib.loads((cff.parent / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["urls"]["Homepage"] == PROJECT_URL
    assert project["license"] == LICENCE


def test_the_dataset_is_cited_with_its_year_version_licence_and_address() -> None:
    text = np.cite()
    for part in ("(2026)", np.__data_version__, np.__version__, "MIT", PROJECT_URL):
        assert part in text
    (item,) = json.loads(np.cite(style="csl-json"))
    assert (item["issued"], item["URL"], item["type"]) == (
        {"date-parts": [[2026]]}, PROJECT_URL, "dataset")
    bibtexparser = pytest.importorskip("bibtexparser")
    (entry,) = bibtexparser.parse_string(np.cite(style="bibtex")).entries
    assert (entry.fields_dict["year"].value, entry.fields_dict["url"].value) == (
        "2026", PROJECT_URL)


def test_a_publisher_that_wrote_the_page_is_named_once_and_an_author_apart() -> None:
    nato_page = next(s for s in np.sources() if s.publisher == "NATO" and s.author is None)
    (item,) = json.loads(np.cite(nato_page, style="csl-json"))
    assert item["author"] == [{"literal": "NATO"}]
    assert "publisher" not in item  # APA would print "NATO. (n.d.). ... NATO."
    signed = attrs.evolve(nato_page, author="Jane Example")
    (item,) = json.loads(np.cite(signed, style="csl-json"))
    assert (item["author"], item["publisher"]) == ([{"literal": "Jane Example"}], "NATO")
    assert np.cite(signed).startswith(f"{nato_page.id}. Jane Example. ")
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    for source, count in ((nato_page, 1), (signed, 1)):
        (item,) = json.loads(np.cite(source, style="csl-json"))
        bibliography = citeproc.CitationStylesBibliography(style, CiteProcJSON([item]),
                                                           citeproc.formatter.plain)
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
        (rendered,) = [str(e) for e in bibliography.bibliography()]
        assert rendered.count("NATO") - source.title.count("NATO") == count, rendered


def test_a_panel_is_cited_by_the_sources_behind_its_cells() -> None:
    pandas = pytest.importorskip("pandas")
    frame = np.panel(["AZ", "GE"], ["pfp", "nato-pa"], 1992, 1996)
    cited = _ids(np.cite(frame))
    held = frame["membership"].dropna().unique()
    behind = {s.id for key in held for s in np.membership(key).sources}
    # The 0 and -1 cells rest on the PfP's list and dates; the codes on the state lists.
    assert (frame.loc[frame["programme"] == "pfp", "status"] <= 0).any()
    expected = behind | {s.id for s in np.programme("pfp").sources} | {
        "cow-state-system-2016", "gleditsch-ward-states"}
    assert cited == expected
    # The same sources, whatever shape the table has.
    assert _ids(np.cite(np.panel(["AZ", "GE"], ["pfp", "nato-pa"], 1992, 1996, wide=True))) \
        == expected
    assert _ids(np.cite(frame.astype({"status": "Int8"}))) == expected
    # A table of memberships cites what the memberships cite.
    memberships = np.memberships("GE")
    assert _ids(np.cite(memberships.to_dataframe())) == _ids(np.cite(memberships))
    assert _ids(np.cite(np.spells(["GE"]))) == _ids(np.cite(memberships))
    strange = pandas.DataFrame({"membership": ["GEO/pfp", "XXX/none"]})
    with pytest.raises(np.NotFoundError, match="XXX/none"):
        np.cite(strange)


def _ids(text: str) -> set[str]:
    return {line.split(". ")[0] for line in text.splitlines()}


# -- what changed between data versions --------------------------------------------------


def test_diff_reports_exactly_what_was_changed_added_and_removed(bundled: Path) -> None:
    georgia = bundled / "partners" / "geo.toml"
    text = georgia.read_text("utf-8")
    first = tomllib.loads(text)["milestones"][0]
    # One change: a title; one addition: a milestone; one removal: Azerbaijan's last
    # milestone (an undated one, which no membership claims).
    text = text.replace(f'title = "{first["title"]}"', 'title = "A new title"', 1)
    text += ('\n[[milestones]]\nid = "geo-added"\ndate = "2025"\nkind = "visit"\n'
             'title = "t"\nsummary = "s"\nsources = ["caliber-agencies-visit"]\n')
    georgia.write_text(text, "utf-8")
    azerbaijan = bundled / "partners" / "aze.toml"
    aze = azerbaijan.read_text("utf-8")
    last = aze.rindex("[[milestones]]")
    end = aze.find("[[", last + 2)
    removed = tomllib.loads(aze[last:end if end != -1 else None])["milestones"][0]["id"]
    azerbaijan.write_text(aze[:last] + (aze[end:] if end != -1 else ""), "utf-8")

    with resources.as_file(resources.files("nato_partners") / "data") as original:
        changes = np.diff(original, bundled)
    found = {(c.change, c.kind, c.id, c.field) for c in changes}
    assert found == {("changed", "milestone", first["id"], "title"),
                     ("added", "milestone", "geo-added", None),
                     ("removed", "milestone", removed, None)}
    (changed,) = [c for c in changes if c.change == "changed"]
    assert (changed.old, changed.new) == (first["title"], "A new title")


def corrected_jordan_eop(bundled: Path) -> Path:
    """Correct the month Jordan became an Enhanced Opportunities Partner, in a copy."""
    jordan = bundled / "partners" / "jor.toml"
    text = jordan.read_text("utf-8")
    old = 'programme = "eop"\njoined = "2014-10"\n'
    assert text.count(old) == 1
    jordan.write_text(text.replace(old, 'programme = "eop"\njoined = "2014-11"\n'), "utf-8")
    return bundled


def test_a_corrected_date_is_a_change_of_that_field_not_a_new_record(bundled: Path) -> None:
    with resources.as_file(resources.files("nato_partners") / "data") as original:
        changes = np.diff(original, corrected_jordan_eop(bundled))
    assert [(c.change, c.kind, c.id, c.field, c.old, c.new) for c in changes] == [
        ("changed", "membership", "JOR/eop", "joined", "2014-10", "2014-11")]


def test_diff_names_the_field_that_changed_inside_a_nested_record(bundled: Path) -> None:
    azerbaijan = bundled / "partners" / "aze.toml"
    text = azerbaijan.read_text("utf-8")
    head = np.partner("AZ").mission.head
    azerbaijan.write_text(text.replace(f'head = "{head}"', 'head = "Someone Else"', 1),
                          "utf-8")
    with resources.as_file(resources.files("nato_partners") / "data") as original:
        changes = np.diff(original, bundled)
    assert [(c.kind, c.id, c.field, c.old, c.new) for c in changes] == [
        ("partner", "AZE", "mission.head", head, "Someone Else")]


def test_panel_diff_lists_exactly_the_cells_a_correction_changes(bundled: Path) -> None:
    pytest.importorskip("pandas")
    with resources.as_file(resources.files("nato_partners") / "data") as original:
        cells = np.panel_diff(original, corrected_jordan_eop(bundled))
    # Joined "2014-10" became "2014-11": 2014 is still a year of membership.
    assert cells.empty
    text = (bundled / "partners" / "jor.toml").read_text("utf-8")
    (bundled / "partners" / "jor.toml").write_text(
        text.replace('joined = "2014-11"', 'joined = "2016"'), "utf-8")
    with resources.as_file(resources.files("nato_partners") / "data") as original:
        cells = np.panel_diff(original, bundled)
    # EOP's list is not whole: 2014 and 2015 become not known, 2016 is not known either
    # way ("2016" may be after any day of 2016), and nothing else moves.
    assert cells[["partner", "programme", "period", "change"]].values.tolist() == [
        ["JOR", "eop", 2014, "changed"], ["JOR", "eop", 2015, "changed"]]
    assert cells["status_old"].tolist() == [1, 1]
    assert cells["status_new"].isna().all()
    assert len(np.panel_diff(np.load(), np.load())) == 0
    with pytest.raises(ValueError, match="leave out"):
        np.panel_diff(np.load(), np.load(), wide=True)


def test_a_stored_id_from_before_ids_were_stable_still_finds_its_membership() -> None:
    from nato_partners._former_ids import FORMER_IDS

    data = np.load()
    # The table was written once, at the change; memberships added since have no old id.
    assert len(set(FORMER_IDS.values())) == len(FORMER_IDS) > 250
    for old, new in FORMER_IDS.items():
        assert data.membership(old) is data.membership(new)
        assert data.membership(new).id == new
    assert data.membership("MLT/pfp/2008-04-03").id == "MLT/pfp/2"
    assert data.membership("JPN/partners-across-the-globe/undated").joined is None
    with pytest.raises(np.NotFoundError, match="did you mean 'AZE/pfp'"):
        data.membership("AZE/pfp/1994-05-05")


def test_a_dataset_compared_with_itself_has_no_changes() -> None:
    assert np.diff(np.load(), np.load()) == ()


# -- coverage ----------------------------------------------------------------------------


def test_coverage_says_what_the_data_holds_for_each_pair() -> None:
    rows = {(r.partner, r.programme): r for r in np.coverage()}
    assert len(rows) == len(np.partners()) * len(np.programmes())
    pfp = rows[("AZE", "pfp")]
    assert (pfp.held, pfp.answer, pfp.joined_precision) == (True, "member on record",
                                                            Precision.DAY)
    assert "nato" in pfp.source_kinds or "government" in pfp.source_kinds
    assert rows[("AZE", "ici")].answer == "not a member"  # the ICI's list is complete
    assert rows[("AZE", "pii")].answer == "not known"  # the PII's is not
    assert rows[("JPN", "partners-across-the-globe")].undated is True
    for row in rows.values():
        complete = np.programme(row.programme).members_complete
        if not row.held:
            assert row.answer == ("not a member" if complete else "not known")


def test_source_kinds_follow_the_publisher_not_the_address() -> None:
    from nato_partners.coverage_report import source_kind

    def kind(publisher: str, url: str | None) -> str:
        return source_kind(np.Source(id="x", title="t", publisher=publisher, url=url))

    assert kind("NATO", "https://www.nato.int/cps/en/natohq/topics_49290.htm") == "nato"
    assert kind("NATO", "https://docslib.org/doc/123") == "nato"  # a copy elsewhere
    assert kind("NSPA", "https://www.defense-aerospace.com/article-view/release/1.html") == (
        "nato")
    assert kind("mfa.gov.az", "https://mfa.gov.az/en/content/560") == "government"
    assert kind("Wikipedia", "https://en.wikipedia.org/wiki/Azerbaijan") == "encyclopaedia"
    assert kind("RFE/RL", "https://rferl.org/a/1085070.html") == "press or other"
    # Addresses that look like a government's or NATO's do not make a publisher one.
    assert kind("Defense-Aerospace.com", "https://www.defense-aerospace.com/x.html") == (
        "press or other")
    assert kind("The Press (Christchurch), via Papers Past",
                "https://paperspast.natlib.govt.nz/newspapers/x") == "press or other"
    assert kind("Some blog", "https://defence.gov.example/nato.int/") == "press or other"
    assert kind("Some blog", None) == "offline"
    assert kind("NATO", None) == "nato"


def test_every_publisher_kind_names_a_publisher_of_the_data() -> None:
    from nato_partners.coverage_report import PUBLISHER_KINDS, source_kind

    sources = np.sources()
    publishers = {s.publisher for s in sources}
    assert set(PUBLISHER_KINDS) <= publishers  # the list is kept, not left to go stale
    assert set(PUBLISHER_KINDS.values()) == {"nato", "government", "encyclopaedia"}
    # One publisher, one kind, wherever its sources are kept.
    kinds: dict[str, set[str]] = {}
    for source in sources:
        if source.url:
            kinds.setdefault(source.publisher, set()).add(source_kind(source))
    assert {p: k for p, k in kinds.items() if len(k) > 1} == {}
