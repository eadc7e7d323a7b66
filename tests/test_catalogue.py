"""The catalogue the docs build writes from the data: a page per country and programme.

The pages are reStructuredText made by ``docs/_ext/catalogue.py``; most tests read that
text, which takes a fraction of a second. The search-index test needs the HTML: it reads
the site ``scripts/test`` has just built when ``NATO_PARTNERS_DOCS_HTML`` names it, and
otherwise builds the catalogue alone with Sphinx into a temporary directory.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

import nato_partners as nato

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

sphinx = pytest.importorskip("sphinx", reason="the docs extra is not installed")

import catalogue  # noqa: E402


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return catalogue.pages_of(nato.load())


def test_a_page_for_every_country_and_programme(pages: dict[str, str]) -> None:
    data = nato.load()
    countries = {f"countries/{p.code.lower()}.rst" for p in data.partners()}
    programmes = {f"programmes/{p.id}.rst" for p in data.programmes()}
    assert set(pages) == {"index.rst"} | countries | programmes
    # Predecessor states are countries of the catalogue too.
    assert "countries/csk.rst" in pages
    for partner in data.partners():
        page = pages[f"countries/{partner.code.lower()}.rst"]
        title = page.split("\n")[4]
        assert title == catalogue._esc(partner.name)
    index = pages["index.rst"]
    for name in [*countries, *programmes]:
        assert f"</catalogue/{name.removesuffix('.rst')}>`" in index
        assert pages[name].startswith(":orphan:")


def test_every_page_states_the_data_version_and_horizon(pages: dict[str, str]) -> None:
    data = nato.load()
    for page in pages.values():
        assert f"From data version ``{data.info.version}``, whose horizon is 1 December 2026" in (
            " ".join(page.split()))


@pytest.mark.parametrize("code", ["AZE", "GEO", "UKR", "RUS", "CSK", "USA"])
def test_a_country_page_holds_its_story_projects_and_linked_sources(
        pages: dict[str, str], code: str) -> None:
    data = nato.load()
    page = pages[f"countries/{code.lower()}.rst"]
    flat = " ".join(page.split())
    for milestone in data.timeline(code):
        assert catalogue._esc(milestone.title) in flat
        assert f"``{milestone.id}``" in flat
    for project in data.trust_fund_projects(code, funding=None):
        assert catalogue._esc(project.name) in flat
        if project.items_disposed is not None:
            assert f"{project.items_disposed:,}" in flat
    for membership in data.memberships(code):
        assert f"``{membership.id}``" in flat
    records = [data.partner(code), *data.memberships(code), *data.timeline(code),
               *data.trust_fund_projects(code, funding=None)]
    cited = {s.id: s for r in records for s in r.sources}
    labels = re.findall(r"^\.\. \[#(s-[a-z0-9-]+)\] (.*)$", page, re.M)
    assert len(labels) == len(cited)
    # Every source is a footnote that every fact citing it points to, linked to its page.
    for source in cited.values():
        label = catalogue._Citations._label(source)
        footnote = dict(labels)[label]
        assert f"[#{label}]_" in page
        if source.url is not None:
            assert f"<{source.url}>`__" in footnote
    # Nothing of another country's is on the page.
    other = data.timeline("MDA") if code != "MDA" else data.timeline("AZ")
    assert all(f"``{m.id}``" not in flat for m in other)


def test_a_country_page_gives_its_standing_at_the_horizon(pages: dict[str, str]) -> None:
    page = " ".join(pages["countries/rus.rst"].split())
    assert "Standing on 1 December 2026" in page
    assert "suspended" in page  # Russia's EAPC membership stays, suspended
    standing = " ".join(pages["countries/aze.rst"].split())
    assert "not known: the dataset holds no KFOR" in standing
    assert "<svg" in standing
    assert "</svg>" in standing


def test_a_programme_page_says_whether_its_membership_is_complete(
        pages: dict[str, str]) -> None:
    data = nato.load()
    for programme in data.programmes():
        page = " ".join(pages[f"programmes/{programme.id}.rst"].split())
        answer = "Yes. The data holds every member" if programme.members_complete else (
            "No. The data does not hold every member")
        assert answer in page
        if programme.note:
            assert catalogue._esc(programme.note) in page
        assert catalogue._esc(programme.description) in page


def test_members_by_year_counts_as_the_library_does(pages: dict[str, str]) -> None:
    data = nato.load()
    counts = data.member_counts("pfp", range(1994, 2026))
    page = pages["programmes/pfp.rst"]
    table = page[page.index("Members by year"):page.index("\nMemberships\n")]
    rows = re.findall(r"\* - (\d{4})(?:\u2013(\d{4}))?\n\s+- (\d+)", table)
    assert rows
    for first, last, count in rows:
        for year in range(int(first), int(last or first) + 1):
            if year in counts:
                assert counts[year] == int(count), year


def test_text_from_the_data_cannot_become_markup() -> None:
    assert catalogue._esc("a *b* `c` d_ |e|") == r"a \*b\* \`c\` d\_ \|e\|"
    assert catalogue._esc("1995. A year") == r"\1995. A year"
    assert catalogue._esc("- not a list") == r"\- not a list"
    assert catalogue._esc("two\nlines") == "two lines"


def test_the_catalogue_directory_is_ignored_by_git() -> None:
    ignored = (DOCS.parent / ".gitignore").read_text("utf-8").splitlines()
    assert "docs/catalogue/" in ignored


def test_generating_twice_rewrites_nothing(tmp_path: Path) -> None:
    class App:
        srcdir = tmp_path

    catalogue.generate(App())  # type: ignore[arg-type]
    stale = tmp_path / "catalogue" / "countries" / "zzz.rst"
    stale.write_text("gone", "utf-8")
    times = {p: p.stat().st_mtime_ns for p in (tmp_path / "catalogue").rglob("*.rst")}
    catalogue.generate(App())  # type: ignore[arg-type]
    assert not stale.exists()
    for path in (tmp_path / "catalogue").rglob("*.rst"):
        assert path.stat().st_mtime_ns == times[path]


# -- the built site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("NATO_PARTNERS_DOCS_HTML")
    if given:
        return Path(given)
    from sphinx.cmd.build import build_main

    source = tmp_path_factory.mktemp("docs")
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['catalogue']\n"
        # No sidebar: drawing the navigation into each page is most of the build's time.
        "html_sidebars = {'**': []}\n", "utf-8")
    (source / "index.rst").write_text("Docs\n====\n\n.. toctree::\n\n   catalogue/index\n",
                                      "utf-8")
    out = source / "_build"
    assert build_main(["-n", "-W", "-q", "-b", "html", str(source), str(out)]) == 0
    return out


def test_search_finds_every_country_by_its_name(site: Path) -> None:
    from sphinx.search.en import SearchEnglish

    text = (site / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    language = SearchEnglish({})
    for partner in nato.partners():
        docname = f"catalogue/countries/{partner.code.lower()}"
        number = index["docnames"].index(docname)
        assert index["titles"][number] == partner.name
        # The search page drops the stop words of a query ("and"), stems each other word
        # and looks it up among the titles' words, as here.
        for word in re.findall(r"\w+", partner.name.lower()):
            if word in language.stopwords:
                continue
            found = index["titleterms"][language.stem(word)]
            assert number in (found if isinstance(found, list) else [found]), word
        assert (site / f"{docname}.html").is_file()


def test_the_built_pages_link_their_sources(site: Path) -> None:
    page = (site / "catalogue" / "countries" / "aze.html").read_text("utf-8")
    records = [nato.partner("AZ"), *nato.memberships("AZ"), *nato.timeline("AZ"),
               *nato.trust_fund_projects("AZ", funding=None)]
    for source in {s for r in records for s in r.sources}:
        if source.url is not None:
            assert f'href="{source.url.replace("&", "&amp;")}"' in page, source.id
