"""Every check load_dataset makes, each shown failing on a tiny dataset that breaks it.

Each test builds a small, valid dataset in a temporary directory, breaks one thing, and
asserts the problem reported: its file, record, field and what was expected. Where a
test says "and nothing else", it checks that a mistake is reported once, without the
follow-on complaints that would bury it.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import nato_partners as np
from nato_partners import (
    MAX_FILE_BYTES,
    DataError,
    Dataset,
    DatasetInfo,
    Milestone,
    MilestoneKind,
    PartialDate,
    Problem,
    Source,
    load_dataset,
)

_TINY: dict[str, dict[str, Any]] = {
    "dataset": {"format": 1, "version": "test.1", "reviewed": "2024-01-02", "title": "Tiny"},
    "sources": {
        "sources": [
            {"id": "doc-a", "title": "A", "publisher": "P", "url": "https://example.org/a"},
            {"id": "doc-b", "title": "B", "publisher": "Q", "published": "2011-07"},
        ]
    },
    "programmes": {
        "programmes": [
            {"id": "old", "name": "Old council", "kind": "forum", "established": "1991-12-20",
             "ended": "1997-05-30", "succeeded_by": "new", "description": "d",
             "sources": ["doc-a"]},
            {"id": "new", "name": "New council", "kind": "forum", "established": "1997-05-30",
             "description": "d", "sources": ["doc-a"]},
            {"id": "third", "name": "Third", "kind": "plan", "description": "d",
             "sources": ["doc-b"]},
        ]
    },
    "partners/xyz": {
        "partner": {"code": "XYZ", "alpha2": "XY", "name": "Xyzland", "region": "gulf",
                    "sources": ["doc-a"]},
        "memberships": [
            {"programme": "old", "joined": "1992-03", "left": "1997-05-30",
             "sources": ["doc-a"]},
            {"programme": "new", "joined": "1997-05-30", "suspended": "2001",
             "sources": ["doc-b"]},
        ],
        "milestones": [
            {"id": "xyz-joined-old", "date": "1992-03", "kind": "joined", "programme": "old",
             "title": "t", "summary": "s", "sources": ["doc-a"]},
            {"id": "xyz-suspended-new", "date": "2001", "kind": "suspended",
             "programme": "new", "title": "t", "summary": "s", "sources": ["doc-b"]},
        ],
        "trust_fund_projects": [
            {"id": "clearance", "name": "Clearance", "executing_agency": "NSPA",
             "status": "completed", "purpose": "p", "start": "2006-01", "end": "2011-07-05",
             "items_disposed": 10, "area_cleared_m2": 5.5, "sources": ["doc-b"]},
        ],
    },
}

PARTNER = "partners/xyz.json"
Mutate = Callable[[dict[str, dict[str, Any]]], None]


def tiny(directory: Path, mutate: Mutate | None = None) -> Path:
    """Write the tiny dataset as JSON files, after ``mutate`` has changed it."""
    documents = copy.deepcopy(_TINY)
    if mutate is not None:
        mutate(documents)
    (directory / "partners").mkdir(parents=True)
    for name, document in documents.items():
        (directory / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
    return directory


def problems(directory: Path) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        load_dataset(directory)
    return caught.value.problems


def only(directory: Path) -> Problem:
    """The one problem the dataset has: anything more would be a follow-on complaint."""
    found = problems(directory)
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


def find(found: tuple[Problem, ...], file: str | None, record: str | None,
         field: str | None) -> Problem:
    matches = [p for p in found if (p.file, p.record, p.field) == (file, record, field)]
    assert matches, "\n".join(str(p) for p in found)
    return matches[0]


def xyz(documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return documents["partners/xyz"]


# -- the starting point ----------------------------------------------------------------


def test_the_tiny_dataset_is_valid(tmp_path: Path) -> None:
    dataset = load_dataset(tiny(tmp_path))
    assert dataset.partner("XY").name == "Xyzland"
    assert dataset.info.version == "test.1"
    assert [m.programme for m in dataset.memberships("XYZ")] == ["old", "new"]


def test_a_copy_of_the_bundled_data_is_valid(bundled: Path) -> None:
    assert load_dataset(bundled).info == np.load().info


# -- files ---------------------------------------------------------------------------


def test_toml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "sources.json").unlink()
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nid = "doc-a"\ntitle = A\n', encoding="utf-8"
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("sources.toml", 3)
    assert "valid TOML" in problem.expected


def test_json_syntax_error_gives_the_line(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "programmes.json").write_text('{\n  "programmes": [\n    {,}\n]}\n')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("programmes.json", 3)
    assert "valid JSON" in problem.expected


def test_a_json_key_given_twice_is_not_silently_dropped(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "dataset.json").write_text(
        '{"format": 1, "version": "a", "version": "b", "reviewed": "2024", "title": "T"}'
    )
    problem = only(tmp_path)
    assert problem.file == "dataset.json"
    assert "'version' appears twice" in problem.expected


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "sources.json").write_bytes(b'{"sources": []}\n\xff\xfe')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("sources.json", 2)
    assert "UTF-8" in problem.expected


def test_a_byte_order_mark_is_not_content(tmp_path: Path) -> None:
    tiny(tmp_path)
    path = tmp_path / "dataset.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_dataset(tmp_path).info.title == "Tiny"


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_an_empty_file(tmp_path: Path, content: bytes) -> None:
    tiny(tmp_path)
    (tmp_path / PARTNER).write_bytes(content)
    problem = only(tmp_path)
    assert problem.file == PARTNER
    assert "empty" in problem.expected


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    tiny(tmp_path)
    with (tmp_path / "sources.json").open("r+b") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    problem = only(tmp_path)
    assert problem.file == "sources.json"
    assert f"at most {MAX_FILE_BYTES} bytes" in problem.expected


def test_the_top_level_must_be_a_table(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "sources.json").write_text("[1, 2]")
    assert "table" in only(tmp_path).expected


@pytest.mark.parametrize("name", ["notes.txt", "sources.yaml", "partners/xyz.yml", "extra"])
def test_unexpected_files_are_reported(tmp_path: Path, name: str) -> None:
    tiny(tmp_path)
    if name == "extra":
        (tmp_path / name).mkdir()
    else:
        (tmp_path / name).write_text("x")
    problem = only(tmp_path)
    assert problem.file == name
    assert "no such file here" in problem.expected


def test_hidden_files_and_readmes_are_allowed(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "README.md").write_text("about")
    (tmp_path / "partners" / ".sources.json.swp").write_bytes(b"\x00")
    assert load_dataset(tmp_path).partner("XYZ").name == "Xyzland"


def test_the_same_file_in_two_formats(tmp_path: Path) -> None:
    tiny(tmp_path)
    shutil.copy(tmp_path / "sources.json", tmp_path / "sources.toml")
    problem = only(tmp_path)
    assert problem.file == "sources.toml"
    assert "only one of" in problem.expected


def test_a_missing_dataset_file(tmp_path: Path) -> None:
    tiny(tmp_path)
    (tmp_path / "dataset.json").unlink()
    assert "a dataset.toml or dataset.json" in only(tmp_path).expected


def test_not_a_directory(tmp_path: Path) -> None:
    problem = only(tmp_path / "nowhere")
    assert problem.file is not None
    assert problem.file.endswith("nowhere")
    assert "directory" in problem.expected


def test_an_unknown_section_suggests_the_close_one(tmp_path: Path) -> None:
    def misspell(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestone"] = xyz(docs).pop("milestones")

    found = problems(tiny(tmp_path, misspell))
    problem = find(found, PARTNER, None, "milestone")
    assert "did you mean 'milestones'?" in problem.expected


def test_a_section_of_the_wrong_shape(tmp_path: Path) -> None:
    def flatten(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"] = "pfp"

    # The programmes are lost, so no membership is blamed for naming one.
    problem = only(tiny(tmp_path, flatten))
    assert (problem.file, problem.field) == ("programmes.json", "programmes")
    assert problem.expected == "a list of tables"


def test_a_partner_file_without_its_partner(tmp_path: Path) -> None:
    def drop(docs: dict[str, dict[str, Any]]) -> None:
        del xyz(docs)["partner"]

    problem = only(tiny(tmp_path, drop))
    assert (problem.file, problem.field) == (PARTNER, "partner")
    assert "[partner] table" in problem.expected


# -- fields ----------------------------------------------------------------------------


def test_a_missing_required_field(tmp_path: Path) -> None:
    def drop(docs: dict[str, dict[str, Any]]) -> None:
        del xyz(docs)["milestones"][0]["title"]

    problem = only(tiny(tmp_path, drop))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "xyz-joined-old", "title")
    assert problem.expected == "required field is missing"


def test_a_misspelt_field_suggests_the_close_match(tmp_path: Path) -> None:
    def misspell(docs: dict[str, dict[str, Any]]) -> None:
        project = xyz(docs)["trust_fund_projects"][0]
        project["purpsoe"] = project.pop("purpose")

    found = problems(tiny(tmp_path, misspell))
    problem = find(found, PARTNER, "clearance", "purpsoe")
    assert "did you mean 'purpose'?" in problem.expected
    assert find(found, PARTNER, "clearance", "purpose").expected == "required field is missing"
    assert len(found) == 2


def test_an_extra_field(tmp_path: Path) -> None:
    def extra(docs: dict[str, dict[str, Any]]) -> None:
        docs["sources"]["sources"][1]["colour"] = "blue"

    problem = only(tiny(tmp_path, extra))
    assert (problem.file, problem.record, problem.field) == ("sources.json", "doc-b", "colour")
    assert "unknown field" in problem.expected


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("items_disposed", "ten", "whole number"),
        ("items_disposed", 2.5, "whole number"),
        ("area_cleared_m2", True, "a number"),
        ("name", 7, "text"),
        ("lead_nations", "Turkey", "a list"),
    ],
)
def test_a_wrong_type(tmp_path: Path, field: str, value: object, expected: str) -> None:
    def retype(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0][field] = value

    problem = only(tiny(tmp_path, retype))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "clearance", field)
    assert problem.value == value
    assert expected in problem.expected


def test_the_position_names_a_record_without_an_id(tmp_path: Path) -> None:
    def retype(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][1]["role"] = ["observer"]

    problem = only(tiny(tmp_path, retype))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "memberships[1]", "role")


@pytest.mark.parametrize("value", ["1994-13-45", "1995-02-29", "1994-5-4", "May 1994"])
def test_an_impossible_date(tmp_path: Path, value: str) -> None:
    def redate(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][0]["date"] = value

    # The milestone cannot be read, so it is not also blamed for disagreeing with its
    # membership.
    problem = only(tiny(tmp_path, redate))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "xyz-joined-old", "date")
    assert problem.value == value
    assert "date" in problem.expected


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_number_that_is_not_finite(tmp_path: Path, value: float) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0]["area_cleared_m2"] = value

    problem = only(tiny(tmp_path, spoil))
    assert (problem.record, problem.field) == ("clearance", "area_cleared_m2")
    assert "finite" in problem.expected


def test_text_with_a_lone_surrogate(tmp_path: Path) -> None:
    tiny(tmp_path)
    path = tmp_path / "sources.json"
    path.write_text(path.read_text().replace('"title": "A"', '"title": "A\\ud800"'))
    problem = only(tmp_path)
    assert (problem.file, problem.record, problem.field) == ("sources.json", "doc-a", "title")
    assert "surrogate" in problem.expected


def test_an_unknown_enum_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    def misspell(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][0]["kind"] = "jioned"

    problem = only(tiny(tmp_path, misspell))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "xyz-joined-old", "kind")
    assert all(repr(kind.value) in problem.expected for kind in MilestoneKind)


def test_the_dataset_file_is_checked(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        docs["dataset"]["format"] = 99
        docs["dataset"]["reviewed"] = "2024-02-30"

    found = problems(tiny(tmp_path, spoil))
    assert "2024-02-30" in str(find(found, "dataset.json", "dataset", "reviewed"))


def test_a_newer_format_is_refused(tmp_path: Path) -> None:
    def bump(docs: dict[str, dict[str, Any]]) -> None:
        docs["dataset"]["format"] = np.FORMAT_VERSION + 1

    problem = only(tiny(tmp_path, bump))
    assert (problem.file, problem.field) == ("dataset.json", "format")
    assert f"format version {np.FORMAT_VERSION}" in problem.expected


# -- records and references -------------------------------------------------------------


def test_a_duplicate_id(tmp_path: Path) -> None:
    def double(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append(copy.deepcopy(xyz(docs)["milestones"][0]))

    found = problems(tiny(tmp_path, double))
    assert len(found) == 2
    for problem in found:
        assert (problem.file, problem.record, problem.field) == (PARTNER, "xyz-joined-old", "id")
        assert "a unique id" in problem.expected


def test_a_duplicate_source(tmp_path: Path) -> None:
    def double(docs: dict[str, dict[str, Any]]) -> None:
        docs["sources"]["sources"].append({"id": "doc-a", "title": "C", "publisher": "R"})

    found = problems(tiny(tmp_path, double))
    assert len(found) == 2
    assert {(p.file, p.record, p.field) for p in found} == {("sources.json", "doc-a", "id")}


def test_a_duplicate_membership(tmp_path: Path) -> None:
    def double(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"].append(copy.deepcopy(xyz(docs)["memberships"][1]))

    found = problems(tiny(tmp_path, double))
    # The same id twice, and (as the copy's dates are the same) an overlap.
    assert {(p.record, p.field) for p in found} == {
        ("memberships[1]", "spell"), ("memberships[2]", "spell"), ("memberships[2]", "joined")
    }


def test_a_second_spell_needs_its_own_number(tmp_path: Path) -> None:
    """Two memberships of one programme, apart in time, share an id unless numbered."""
    def rejoined(spell: int | None) -> Mutate:
        def change(docs: dict[str, dict[str, Any]]) -> None:
            held = xyz(docs)["memberships"]
            held[1]["left"] = "2003"
            held.append({"programme": "new", "joined": "2005", "sources": ["doc-a"]}
                        | ({} if spell is None else {"spell": spell}))
        return change

    found = problems(tiny(tmp_path / "a", rejoined(None)))
    assert {(p.record, p.field, p.value) for p in found} == {
        ("memberships[1]", "spell", "XYZ/new"), ("memberships[2]", "spell", "XYZ/new")}
    dataset = load_dataset(tiny(tmp_path / "b", rejoined(2)))
    assert [m.id for m in dataset.memberships("XYZ", "new")] == ["XYZ/new", "XYZ/new/2"]
    # Correcting the later spell's date keeps its id; its old, dated id still finds it.
    assert dataset.membership("XYZ/new/2005") is dataset.membership("XYZ/new/2")


@pytest.mark.parametrize("spell", [0, -1])
def test_a_spell_number_is_one_or_more(tmp_path: Path, spell: int) -> None:
    def numbered(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][1]["spell"] = spell

    problem = only(tiny(tmp_path, numbered))
    assert (problem.record, problem.field, problem.value) == ("memberships[1]", "spell",
                                                             spell)


def test_a_reference_to_a_programme_that_does_not_exist(tmp_path: Path) -> None:
    def dangle(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][0]["programme"] = "olde"

    problem = only(tiny(tmp_path, dangle))
    assert (problem.file, problem.record, problem.field) == (
        PARTNER, "xyz-joined-old", "programme"
    )
    assert "a programme id that exists" in problem.expected
    assert "old" in problem.expected


def test_a_successor_that_does_not_exist(tmp_path: Path) -> None:
    def dangle(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][0]["succeeded_by"] = "newer"

    problem = only(tiny(tmp_path, dangle))
    assert (problem.file, problem.record, problem.field) == (
        "programmes.json", "old", "succeeded_by"
    )
    assert problem.expected == "a programme id that exists in the dataset (new, old, third)"


def test_a_reference_to_a_source_that_does_not_exist(tmp_path: Path) -> None:
    def dangle(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][1]["sources"] = ["doc-aa"]

    # The record still has its (unknown) source, so it is not also "without a source".
    problem = only(tiny(tmp_path, dangle))
    assert (problem.file, problem.record, problem.field) == (
        "programmes.json", "new", "sources[0]"
    )
    assert problem.value == "doc-aa"
    assert problem.expected == "the id of a source in the sources file; did you mean 'doc-a'?"


def test_a_citation_that_is_not_text(tmp_path: Path) -> None:
    # A table or a number where a source id belongs: each reported once, as not text.
    def miscite(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][1]["sources"] = [{"id": "doc-a"}, 5]

    found = problems(tiny(tmp_path, miscite))
    assert [(p.file, p.record, p.field, p.value, p.expected) for p in found] == [
        ("programmes.json", "new", f"sources[{index}]", value,
         "a source id (text) from the sources file")
        for index, value in enumerate([{"id": "doc-a"}, 5])
    ]


def test_a_partner_code_that_disagrees_with_the_file_name(tmp_path: Path) -> None:
    def recode(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][0]["partner"] = "ABC"

    problem = only(tiny(tmp_path, recode))
    assert (problem.file, problem.record, problem.field) == (
        PARTNER, "xyz-joined-old", "partner"
    )
    assert "'XYZ', the code in the file's name" in problem.expected
    assert problem.value == "ABC"


def test_a_reference_from_a_record_built_before_a_refused_one_is_located(
    tmp_path: Path,
) -> None:
    # The second milestone is refused; the first, built before it, still has its file and
    # id in the problem the checks across records find in it.
    def break_two(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][0]["programme"] = "olde"
        xyz(docs)["milestones"][1]["kind"] = "bogus"

    found = problems(tiny(tmp_path, break_two))
    assert {(p.file, p.record, p.field) for p in found} == {
        (PARTNER, "xyz-suspended-new", "kind"), (PARTNER, "xyz-joined-old", "programme")}


def test_a_reference_to_a_refused_programme_is_not_reported_whatever_its_id(
    tmp_path: Path,
) -> None:
    # Even an id that is a word the loader has a use of its own for.
    def refuse(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"].append({
            "id": "kind", "name": "Kind", "kind": "forum", "established": "1991-13",
            "description": "d", "sources": ["doc-a"]})
        xyz(docs)["memberships"].append(
            {"programme": "kind", "joined": "1995", "sources": ["doc-a"]})

    problem = only(tiny(tmp_path, refuse))
    assert (problem.file, problem.record, problem.field) == (
        "programmes.json", "kind", "established")


def test_a_reference_to_a_partner_that_does_not_exist() -> None:
    source = Source(id="doc-a", title="A", publisher="P")
    milestone = Milestone(id="m", partner="QQQ", kind=MilestoneKind.VISIT, title="t",
                          summary="s", sources=(source,))
    info = DatasetInfo(format=1, version="v", reviewed=PartialDate.parse("2024"), title="T")
    with pytest.raises(DataError) as caught:
        Dataset(info=info, sources=[source], partners=[], programmes=[],
                milestones=[milestone])
    (problem,) = caught.value.problems
    assert (problem.file, problem.record, problem.field) == (None, "m", "partner")
    # With no partner at all, the list of known codes says so.
    assert problem.expected == "a partner's alpha-3 code that exists in the dataset (none defined)"
    assert problem.value == "QQQ"


def test_a_record_with_no_source(tmp_path: Path) -> None:
    def unsource(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["partner"]["sources"] = []

    problem = only(tiny(tmp_path, unsource))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "XYZ", "sources")
    assert problem.expected == "at least one source"


@pytest.mark.parametrize("url", ["ftp://example.org/a", "example.org", "javascript:x()"])
def test_a_source_url_that_is_not_http(tmp_path: Path, url: str) -> None:
    def reurl(docs: dict[str, dict[str, Any]]) -> None:
        docs["sources"]["sources"][0]["url"] = url

    problem = only(tiny(tmp_path, reurl))
    assert (problem.file, problem.record, problem.field) == ("sources.json", "doc-a", "url")
    assert "http" in problem.expected


@pytest.mark.parametrize(("field", "value"), [("items_disposed", -1), ("area_cleared_m2", -0.5),
                                              ("budget_eur", -100.0), ("tonnes_disposed", -1.0),
                                              ("people_retrained", -3)])
def test_a_negative_count_or_area(tmp_path: Path, field: str, value: float) -> None:
    def negate(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0][field] = value

    problem = only(tiny(tmp_path, negate))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "clearance", field)
    assert "not negative" in problem.expected


@pytest.mark.parametrize(
    ("section", "index", "field", "value", "record"),
    [
        ("trust_fund_projects", 0, "end", "2005", "clearance"),
        ("memberships", 1, "suspended", "1996", "memberships[1]"),
    ],
)
def test_a_range_that_ends_before_it_starts(
    tmp_path: Path, section: str, index: int, field: str, value: str, record: str
) -> None:
    def reverse(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)[section][index][field] = value
        if field == "suspended":  # keep the suspension milestone agreeing
            xyz(docs)["milestones"][1]["date"] = value

    problem = only(tiny(tmp_path, reverse))
    assert (problem.file, problem.record, problem.field) == (PARTNER, record, field)
    assert "on or after the start" in problem.expected


def test_a_programme_that_ends_before_it_begins(tmp_path: Path) -> None:
    def reverse(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][2]["established"] = "2000"
        docs["programmes"]["programmes"][2]["ended"] = "1999-12-31"

    problem = only(tiny(tmp_path, reverse))
    assert (problem.file, problem.record, problem.field) == ("programmes.json", "third", "ended")


def test_ids_must_be_slugs_and_codes_iso(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][2]["id"] = "Third Plan"
        xyz(docs)["partner"]["alpha2"] = "xy"

    found = problems(tiny(tmp_path, spoil))
    assert "slug" in find(found, "programmes.json", "Third Plan", "id").expected
    assert "alpha-2" in find(found, PARTNER, "XYZ", "alpha2").expected


# -- semantic checks ----------------------------------------------------------------


def test_a_membership_that_begins_before_its_programme(tmp_path: Path) -> None:
    def early(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][0]["joined"] = "1990"
        xyz(docs)["milestones"][0]["date"] = "1990"

    problem = only(tiny(tmp_path, early))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "memberships[0]", "joined")
    assert "on or after 'old' was established" in problem.expected


@pytest.mark.parametrize(("given", "missing"), [({"budget_amount": 25.0}, "budget_currency"),
                                                ({"budget_currency": "USD"}, "budget_amount")])
def test_a_budget_in_another_currency_needs_amount_and_currency(
    tmp_path: Path, given: dict[str, Any], missing: str
) -> None:
    def half(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0].update(given)

    problem = only(tiny(tmp_path, half))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "clearance", missing)
    assert problem.expected == "a value: budget_amount and budget_currency go together"


@pytest.mark.parametrize("currency", ["EUR", "usd", "US$", "DOLLARS"])
def test_a_budget_currency_is_a_code_other_than_the_euro(tmp_path: Path, currency: str) -> None:
    def priced(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0].update(budget_amount=1.0, budget_currency=currency)

    problem = only(tiny(tmp_path, priced))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "clearance",
                                                             "budget_currency")
    assert "other than 'EUR'" in problem.expected


def test_a_budget_in_dollars_is_valid(tmp_path: Path) -> None:
    def priced(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0].update(budget_amount=3.6e6, budget_currency="USD",
                                                   tonnes_disposed=1300.0, people_retrained=40)

    (project,) = load_dataset(tiny(tmp_path, priced)).trust_fund_projects()
    assert (project.budget_amount, project.budget_currency) == (3.6e6, "USD")
    assert (project.tonnes_disposed, project.people_retrained) == (1300.0, 40)


def test_a_programme_milestone_before_the_programme_began(tmp_path: Path) -> None:
    def early(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append({
            "id": "xyz-visit", "date": "1997-05-29", "kind": "visit", "programme": "new",
            "title": "t", "summary": "s", "sources": ["doc-a"]})

    problem = only(tiny(tmp_path, early))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "xyz-visit", "date")
    assert problem.expected == ("a date on or after 'new' was established (1997-05-30), or no "
                                "programme")


def test_a_programme_milestone_on_the_day_the_programme_began_is_valid(tmp_path: Path) -> None:
    def same_day(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append({
            "id": "xyz-visit", "date": "1997-05", "kind": "visit", "programme": "new",
            "title": "t", "summary": "s", "sources": ["doc-a"]})

    assert len(load_dataset(tiny(tmp_path, same_day)).milestones()) == 3


def test_a_membership_that_outlives_its_programme(tmp_path: Path) -> None:
    def late(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][0]["left"] = "1998"

    problem = only(tiny(tmp_path, late))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "memberships[0]", "left")
    assert "on or before 'old' ended" in problem.expected


def test_a_membership_of_an_ended_programme_must_end(tmp_path: Path) -> None:
    def endless(docs: dict[str, dict[str, Any]]) -> None:
        del xyz(docs)["memberships"][0]["left"]

    problem = only(tiny(tmp_path, endless))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "memberships[0]", "left")
    assert "'old' ended" in problem.expected


def test_a_successor_must_begin_when_its_predecessor_ends(tmp_path: Path) -> None:
    def gap(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][0]["ended"] = "1996"
        xyz(docs)["memberships"][0]["left"] = "1996"

    problem = only(tiny(tmp_path, gap))
    assert (problem.file, problem.record, problem.field) == ("programmes.json", "old", "ended")
    assert "successor 'new' was established (1997-05-30)" in problem.expected


def test_a_programme_cannot_succeed_itself(tmp_path: Path) -> None:
    def loop(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][1]["succeeded_by"] = "new"

    problem = only(tiny(tmp_path, loop))
    assert (problem.record, problem.field) == ("new", "succeeded_by")


@pytest.mark.parametrize(("index", "date", "field"), [(0, "1992-04", "joined"),
                                                      (1, "2002", "suspended")])
def test_a_milestone_must_agree_with_the_membership_it_claims(
    tmp_path: Path, index: int, date: str, field: str
) -> None:
    def disagree(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][index]["date"] = date

    problem = only(tiny(tmp_path, disagree))
    assert (problem.file, problem.field, problem.value) == (PARTNER, "date", date)
    assert f"the {field!r} date of XYZ's" in problem.expected


def test_a_left_milestone_must_agree_with_the_membership(tmp_path: Path) -> None:
    def claim(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append({
            "id": "xyz-left-old", "date": "1997-05-29", "kind": "left", "programme": "old",
            "title": "t", "summary": "s", "sources": ["doc-a"],
        })

    problem = only(tiny(tmp_path, claim))
    assert (problem.record, problem.field) == ("xyz-left-old", "date")
    assert "'left' date of XYZ's 'old' membership (1997-05-30)" in problem.expected


def test_a_joined_milestone_needs_a_membership(tmp_path: Path) -> None:
    def claim(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"][0]["programme"] = "third"

    problem = only(tiny(tmp_path, claim))
    assert (problem.record, problem.field) == ("xyz-joined-old", "programme")
    assert "membership" in problem.expected


# -- every problem in one pass, none twice -----------------------------------------------


def test_independent_problems_are_all_reported_without_follow_ons(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        del docs["sources"]["sources"][1]["title"]  # doc-b is cited by three records
        docs["programmes"]["programmes"][0]["kind"] = "council"  # old, named by 3 records
        xyz(docs)["memberships"][1]["programme"] = "nwe"
        xyz(docs)["trust_fund_projects"][0]["items_disposed"] = -5

    found = problems(tiny(tmp_path, spoil))
    assert {(p.file, p.record, p.field) for p in found} == {
        ("sources.json", "doc-b", "title"),
        ("programmes.json", "old", "kind"),
        (PARTNER, "memberships[1]", "programme"),
        (PARTNER, "clearance", "items_disposed"),
    }


@pytest.mark.parametrize("name", ["sources.json", "programmes.json"])
def test_a_broken_shared_file_is_one_problem(tmp_path: Path, name: str) -> None:
    tiny(tmp_path)
    (tmp_path / name).write_text("{")
    assert only(tmp_path).file == name


def test_a_broken_partner_record_is_not_blamed_again(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["partner"]["region"] = "atlantis"

    problem = only(tiny(tmp_path, spoil))
    assert (problem.record, problem.field) == ("XYZ", "region")


def test_a_broken_membership_does_not_make_its_milestone_wrong(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][0]["joined"] = 1992

    problem = only(tiny(tmp_path, spoil))
    assert (problem.record, problem.field) == ("memberships[0]", "joined")


def test_a_mistake_in_the_bundled_data_is_found(bundled: Path) -> None:
    path = bundled / "partners" / "aze.toml"
    text = path.read_text(encoding="utf-8")
    assert 'region = "euro-atlantic"' in text
    path.write_text(text.replace('region = "euro-atlantic"', 'region = "europe"', 1),
                    encoding="utf-8")
    problem = only(bundled)
    assert (problem.file, problem.record, problem.field) == ("partners/aze.toml", "AZE",
                                                             "region")
    assert problem.value == "europe"


def test_the_message_lists_every_problem(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0]["items_disposed"] = -5
        xyz(docs)["trust_fund_projects"][0]["area_cleared_m2"] = -1

    with pytest.raises(DataError) as caught:
        load_dataset(tiny(tmp_path, spoil))
    message = str(caught.value)
    assert message.startswith("2 problems")
    assert "partners/xyz.json: record clearance, field items_disposed" in message
    assert "field area_cleared_m2" in message


# -- untrusted files -----------------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory beside the dataset, holding a valid-looking partner file."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "abc.json").write_text(json.dumps({"partner": {
        "alpha2": "AB", "name": "Abc", "region": "gulf", "sources": ["doc-a"]}}))
    return elsewhere


def test_a_link_to_a_file_outside_is_not_followed(tmp_path: Path, outside: Path) -> None:
    data = tiny(tmp_path / "data")
    (data / "partners" / "abc.json").symlink_to(outside / "abc.json")
    problem = only(data)
    assert problem.file == "partners/abc.json"
    assert "no link" in problem.expected


def test_a_partners_directory_linking_outside_is_not_followed(
    tmp_path: Path, outside: Path
) -> None:
    data = tiny(tmp_path / "data")
    shutil.move(data / "partners" / "xyz.json", outside / "xyz.json")
    (data / "partners").rmdir()
    (data / "partners").symlink_to(outside, target_is_directory=True)
    found = problems(data)
    assert ("partners", "no link to a file or directory outside the dataset") in {
        (p.file, p.expected) for p in found
    }
    assert not any(p.file and p.file.startswith("partners/") for p in found)


def test_a_link_inside_the_dataset_is_followed(tmp_path: Path) -> None:
    data = tiny(tmp_path / "data")
    (data / ".kept").mkdir()
    shutil.move(data / "sources.json", data / ".kept" / "sources.json")
    (data / "sources.json").symlink_to(data / ".kept" / "sources.json")
    assert [s.id for s in load_dataset(data).sources()] == ["doc-a", "doc-b"]


def test_a_dangling_link_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data = tiny(tmp_path / "data")
    (data / "partners" / "abc.json").symlink_to(tmp_path / "missing.json")
    assert only(data).file == "partners/abc.json"


_HOSTILE = {
    "dataset.json": '{"__class__": "os.system", "format": 1, "version": "x", '
    '"reviewed": "2024", "title": "__import__(\'os\').system(\'touch {marker}\')"}',
    "sources.toml": '[[sources]]\nid = "doc-a"\ntitle = "!!python/object/apply:os.system '
    '[\\"touch {marker}\\"]"\npublisher = "P"\nurl = "http://127.0.0.1:9/"\n',
    "programmes.json": '{"programmes": [{"$ref": "http://127.0.0.1:9/x.json"}]}',
    "partners/xyz.json": "\x80\x04\x95cos\nsystem\n(S'touch {marker}'\ntR.",
}


def test_loading_hostile_files_runs_nothing_and_opens_no_connection(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "partners").mkdir(parents=True)
    marker = tmp_path / "ran"
    for name, content in _HOSTILE.items():
        (data / name).write_text(content.replace("{marker}", str(marker)), encoding="utf-8")
    # An audit hook sees every attempt to run code, start a process, open a socket or a
    # file, or unpickle, whatever library would do it.
    code = textwrap.dedent(f"""
        import sys
        import nato_partners
        data = {str(data)!r}
        def load():
            try:
                nato_partners.load_dataset(data)
            except nato_partners.DataError as error:
                return error
        # Once first, so that lazy imports are done and cattrs has generated its own
        # structuring code (it compiles that on first use).
        load()
        events = []
        forbidden = ("exec", "compile", "os.system", "os.exec", "os.spawn", "os.posix_spawn",
                     "subprocess.", "socket.", "pickle.", "marshal.", "urllib.", "ctypes.",
                     "import")
        def hook(event, args):
            if event.startswith(forbidden):
                events.append(event)
            if event == "open" and isinstance(args[0], str) and not args[0].startswith(data):
                events.append(("open", args[0]))
        sys.addaudithook(hook)
        error = load()
        sys.stdout.write(repr((events, len(error.problems))))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    events, count = eval(result.stdout)  # our own repr of a list and an int
    assert events == []
    assert count >= len(_HOSTILE) - 1  # at least a problem per bad file
    assert not marker.exists()


def test_problems_print_with_their_place() -> None:
    problem = Problem(file="sources.toml", line=3, record="doc-a", field="url",
                      value="ftp://x", expected="an http:// or https:// address")
    assert str(problem) == (
        "sources.toml:3: record doc-a, field url: an http:// or https:// address "
        "(got 'ftp://x')"
    )


def test_load_dataset_takes_a_str_path(tmp_path: Path) -> None:
    assert load_dataset(os.fspath(tiny(tmp_path))).partner("XYZ").alpha2 == "XY"


# -- branches the checks above leave out -------------------------------------------------


def test_a_membership_that_joined_after_its_programme_ended(tmp_path: Path) -> None:
    def late(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][0].update(joined="1998", left="1998-06")
        xyz(docs)["milestones"][0]["date"] = "1998"

    found = problems(tiny(tmp_path, late))
    assert [(p.file, p.record, p.field, p.value, p.expected) for p in found] == [
        (PARTNER, "memberships[0]", "joined", "1998",
         "a date on or before 'old' ended (1997-05-30)"),
        (PARTNER, "memberships[0]", "left", "1998-06",
         "a date on or before 'old' ended (1997-05-30)"),
    ]


def test_a_membership_that_joined_the_day_before_its_programme_ended_is_valid(
    tmp_path: Path,
) -> None:
    def last_day(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][0].update(joined="1997-05-29", left="1997-05-30")
        xyz(docs)["milestones"][0]["date"] = "1997-05-29"

    (membership, _) = load_dataset(tiny(tmp_path, last_day)).memberships("XYZ")
    assert str(membership.joined) == "1997-05-29"


def test_a_membership_that_joined_the_day_its_programme_ended_was_never_in_force(
    tmp_path: Path,
) -> None:
    # In force up to, not including, the day it left, which is the day it joined.
    def end_day(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][0].update(joined="1997-05-30", left="1997-05-30")
        xyz(docs)["milestones"][0]["date"] = "1997-05-30"

    with pytest.raises(DataError, match="ends on the day it began was never in force"):
        load_dataset(tiny(tmp_path, end_day))


def test_an_undated_membership_of_an_ended_programme_is_valid(tmp_path: Path) -> None:
    # Its joining date is not known: nothing to compare with the programme's end.
    def undated(docs: dict[str, dict[str, Any]]) -> None:
        del xyz(docs)["memberships"][0]["joined"]
        del xyz(docs)["milestones"][0]

    dataset = load_dataset(tiny(tmp_path, undated))
    assert [m.joined for m in dataset.memberships("XYZ", "old")] == [None]


@pytest.mark.parametrize(("document", "section", "record"), [
    ("programmes", "programmes", "third"),
    ("partners/xyz", "trust_fund_projects", "clearance"),
])
def test_a_duplicate_programme_or_project_id(
    tmp_path: Path, document: str, section: str, record: str
) -> None:
    def double(docs: dict[str, dict[str, Any]]) -> None:
        records = docs[document][section]
        records.append(copy.deepcopy(next(r for r in records if r["id"] == record)))

    found = problems(tiny(tmp_path, double))
    assert [(p.file, p.record, p.field, p.value, p.expected) for p in found] == [
        (f"{document}.json", record, "id", record, "a unique id (this one is used 2 times)"),
    ] * 2


def test_an_unreadable_memberships_section_is_one_problem(tmp_path: Path) -> None:
    # The milestones that claim a membership's dates are not blamed for the lost section.
    def flatten(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"] = "old"

    problem = only(tiny(tmp_path, flatten))
    assert (problem.file, problem.record, problem.field, problem.value) == (
        PARTNER, None, "memberships", "old"
    )
    assert problem.expected == "a list of tables"


def test_an_unreadable_milestones_section_leaves_the_memberships_checked(
    tmp_path: Path,
) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"] = {"id": "loose"}
        xyz(docs)["memberships"][1]["programme"] = "nwe"

    found = problems(tiny(tmp_path, spoil))
    assert {(p.record, p.field) for p in found} == {
        (None, "milestones"), ("memberships[1]", "programme"),
    }


def test_an_unreadable_partner_file_hides_its_memberships_and_milestones(
    tmp_path: Path,
) -> None:
    tiny(tmp_path)
    (tmp_path / PARTNER).write_text("{")
    (problem,) = problems(tmp_path)
    assert (problem.file, problem.line) == (PARTNER, 1)


@pytest.mark.parametrize(("document", "index", "field", "value", "record"), [
    ("sources", 0, "id", "Doc A", "Doc A"),
    ("sources", 0, "url", "www.example.org", "doc-a"),
    ("programmes", 2, "id", "third_plan", "third_plan"),
])
def test_a_bad_format_names_the_record_the_field_and_the_value(
    tmp_path: Path, document: str, index: int, field: str, value: str, record: str
) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        docs[document][document][index][field] = value

    found = problems(tiny(tmp_path, spoil))
    problem = find(found, f"{document}.json", record, field)
    assert problem.value == value
    assert problem.expected in {"a lower-case slug such as 'nato-1994'",
                                "an http:// or https:// address",
                                "a lower-case slug such as 'pfp'"}


def test_a_bad_project_figure_names_the_record_the_field_and_the_value(tmp_path: Path) -> None:
    def spoil(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0].update(budget_amount=2.0, budget_currency="usd",
                                                   items_disposed=-1)

    found = problems(tiny(tmp_path, spoil))
    assert [(p.file, p.record, p.field, p.value) for p in found] == [
        (PARTNER, "clearance", "budget_currency", "usd"),
        (PARTNER, "clearance", "items_disposed", -1),
    ]
    assert found[1].expected == "a number that is not negative"


def test_an_uncited_source_names_the_file_the_record_and_the_position() -> None:
    from nato_partners.validate import check_citations

    listed = Source(id="doc-a", title="A", publisher="P")
    ghost = Source(id="ghost", title="G", publisher="Q")
    milestone = Milestone(id="m", partner="XYZ", kind=MilestoneKind.VISIT, title="t",
                          summary="s", sources=(listed, ghost))
    found = check_citations([milestone], [listed],
                            lambda record: ("partners/xyz.toml", getattr(record, "id", "?")))
    assert found == [Problem(file="partners/xyz.toml", record="m", field="sources[1]",
                             value="ghost",
                             expected="a source that the dataset's sources include")]
    assert check_citations([milestone], [listed, ghost], lambda record: (None, "m")) == []


def _programmes(count: int) -> Mutate:
    """Add programmes p01, p02, ... so that the dataset has ``count`` programmes in all."""
    def add(docs: dict[str, dict[str, Any]]) -> None:
        extra = count - len(docs["programmes"]["programmes"])
        docs["programmes"]["programmes"] += [
            {"id": f"p{n:02d}", "name": f"P{n}", "kind": "plan", "description": "d",
             "sources": ["doc-a"]} for n in range(1, extra + 1)
        ]
        xyz(docs)["memberships"][1]["programme"] = "nope"
    return add


@pytest.mark.parametrize(("count", "shown"), [
    (12, "new, old, p01, p02, p03, p04, p05, p06, p07, p08, p09, third"),
    (13, "new, old, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, ..."),
])
def test_a_list_of_known_ids_is_cut_off_after_twelve(
    tmp_path: Path, count: int, shown: str
) -> None:
    found = problems(tiny(tmp_path, _programmes(count)))
    problem = find(found, PARTNER, "memberships[1]", "programme")
    assert problem.expected == f"a programme id that exists in the dataset ({shown})"


def _every(found: tuple[Problem, ...]) -> list[tuple[object, ...]]:
    return [(p.file, p.record, p.field, p.value, p.expected) for p in found]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda docs: xyz(docs)["memberships"][1].update(left="1997-05-29"),
     (PARTNER, "memberships[1]", "left", "1997-05-29",
      "a date on or after the start (1997-05-30)")),
    (lambda docs: (xyz(docs)["memberships"][0].update(joined="1990"),
                   xyz(docs)["milestones"][0].update(date="1990")),
     (PARTNER, "memberships[0]", "joined", "1990",
      "a date on or after 'old' was established (1991-12-20)")),
    (lambda docs: docs["programmes"]["programmes"][1].update(succeeded_by="new"),
     ("programmes.json", "new", "succeeded_by", "new",
      "the id of another programme, not its own")),
    (lambda docs: (docs["programmes"]["programmes"][0].update(ended="1996"),
                   xyz(docs)["memberships"][0].update(left="1996")),
     ("programmes.json", "old", "ended", "1996",
      "the date its successor 'new' was established (1997-05-30)")),
    (lambda docs: xyz(docs)["milestones"].append({
        "id": "xyz-visit", "date": "1996", "kind": "visit", "programme": "new",
        "title": "t", "summary": "s", "sources": ["doc-a"]}),
     (PARTNER, "xyz-visit", "date", "1996",
      "a date on or after 'new' was established (1997-05-30), or no programme")),
    (lambda docs: xyz(docs)["partner"].update(sources=[]),
     (PARTNER, "XYZ", "sources", [], "at least one source")),
    (lambda docs: xyz(docs)["milestones"][0].update(programme="third"),
     (PARTNER, "xyz-joined-old", "programme", "third",
      "a programme XYZ has a membership of (a 'joined' milestone claims one)")),
    (lambda docs: xyz(docs)["milestones"].append({
        "id": "xyz-left-new", "date": "2005", "kind": "left", "programme": "new",
        "title": "t", "summary": "s", "sources": ["doc-a"]}),
     (PARTNER, "xyz-left-new", "date", "2005",
      "the 'left' date of XYZ's 'new' membership (none recorded): a 'left' milestone must "
      "match its membership")),
    (lambda docs: (xyz(docs)["memberships"][1].update(left="2003"),
                   xyz(docs)["memberships"].append({
                       "programme": "new", "spell": 2, "joined": "2005",
                       "sources": ["doc-a"]}),
                   xyz(docs)["milestones"].append({
                       "id": "xyz-rejoined", "date": "2006", "kind": "joined",
                       "programme": "new", "title": "t", "summary": "s",
                       "sources": ["doc-a"]})),
     (PARTNER, "xyz-rejoined", "date", "2006",
      "the 'joined' date of XYZ's 'new' membership (1997-05-30, 2005): a 'joined' "
      "milestone must match its membership")),
], ids=["left-before-joined", "joined-before-established", "own-successor",
        "successor-gap", "milestone-before-programme", "no-source", "claim-no-membership",
        "claim-no-date", "claim-two-memberships"])
def test_each_check_reports_the_record_the_field_the_value_and_why(
    tmp_path: Path, change: Mutate, expected: tuple[object, ...]
) -> None:
    assert _every(problems(tiny(tmp_path, change))) == [expected]


def test_zero_and_fractions_are_not_negative(tmp_path: Path) -> None:
    def small(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0].update(items_disposed=0, area_cleared_m2=0.5)

    (project,) = load_dataset(tiny(tmp_path, small)).trust_fund_projects()
    assert (project.items_disposed, project.area_cleared_m2) == (0, 0.5)


def test_partners_sharing_a_code_or_a_number_are_reported_by_python_builders() -> None:
    bundled = np.load()
    azerbaijan = bundled.partner("AZ")
    twin = attrs.evolve(azerbaijan, name="Twin")
    # Two partners with no numbers do not share a number: nothing to report for those.
    blank = [attrs.evolve(azerbaijan, code=code, alpha2=alpha2, name=code, iso_numeric=None,
                          cow_code=None, gw_code=None, states=())
             for code, alpha2 in (("QQA", "QA"), ("QQB", "QB"))]
    with pytest.raises(DataError) as caught:
        Dataset(info=bundled.info, sources=bundled.sources(),
                partners=[azerbaijan, twin, *blank], programmes=[])
    assert [(p.record, p.field, p.value, p.expected) for p in caught.value.problems] == [
        ("AZE", field, value, f"a unique {field} (this one is used 2 times)")
        for field, value in (("code", "AZE"), ("alpha2", "AZ"),
                             ("iso_numeric", azerbaijan.iso_numeric),
                             ("cow_code", azerbaijan.cow_code),
                             ("gw_code", azerbaijan.gw_code))
        for _ in range(2)
    ]


def test_references_of_records_built_in_python_name_the_record() -> None:
    bundled = np.load()
    membership = bundled.memberships("AZ", "pfp")[0]
    project = bundled.trust_fund_projects("AZ")[0]
    orphans = (attrs.evolve(membership, partner="QQQ"), attrs.evolve(project, partner="QQQ"))
    with pytest.raises(DataError) as caught:
        Dataset(info=bundled.info, sources=bundled.sources(), partners=bundled.partners(),
                programmes=bundled.programmes(), memberships=orphans[:1],
                trust_fund_projects=orphans[1:])
    assert [(p.file, p.record, p.field, p.value) for p in caught.value.problems] == [
        (None, orphans[0].id, "partner", "QQQ"),
        (None, project.id, "partner", "QQQ"),
    ]


def test_a_programme_milestone_after_the_programme_ended(tmp_path: Path) -> None:
    def late(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append({
            "id": "xyz-late", "date": "1998", "kind": "visit", "programme": "old",
            "title": "t", "summary": "s", "sources": ["doc-a"]})

    problem = only(tiny(tmp_path, late))
    assert (problem.file, problem.record, problem.field) == (PARTNER, "xyz-late", "date")
    assert problem.expected == "a date on or before 'old' ended (1997-05-30), or no programme"


def test_a_status_reported_before_its_project_began_is_refused(tmp_path: Path) -> None:
    def early(docs: dict[str, dict[str, Any]]) -> None:
        project = xyz(docs)["trust_fund_projects"][0]
        project["start"] = "2010-05"
        project["status_as_of"] = "2009"

    problem = only(tiny(tmp_path, early))
    assert (problem.field, problem.value) == ("status_as_of", "2009")
    assert "on or after the start (2010-05)" in problem.expected


def test_a_status_reported_in_the_projects_first_month_is_accepted(tmp_path: Path) -> None:
    def same(docs: dict[str, dict[str, Any]]) -> None:
        project = xyz(docs)["trust_fund_projects"][0]
        project["start"] = "2010-05"
        project["status_as_of"] = "2010-05-31"

    dataset = load_dataset(tiny(tmp_path, same))
    assert str(dataset.trust_fund_projects(funding=None)[0].status_as_of) == "2010-05-31"


@pytest.mark.parametrize("code", ["XYZ", "ABC", "QRS", "KLM", "TUV", "DEF", "GHJ", "NOP"])
def test_unread_shared_files_do_not_hide_an_unread_partner_section(
    tmp_path: Path, code: str
) -> None:
    # Four parts that could not be read: the dataset, sources and programmes files, and a
    # partner's memberships. The milestones claiming a joining and a suspension are not
    # checked against memberships that could not be read, whatever order the parts that
    # could not be read are taken in (the partner codes vary it).
    def unreadable(docs: dict[str, dict[str, Any]]) -> None:
        part = docs[f"partners/{code.lower()}"] = docs.pop("partners/xyz")
        part["partner"].update(code=code, alpha2=code[:2])
        part["memberships"] = 5
        docs["sources"] = {"sources": 5}
        docs["programmes"] = {"programmes": 5}

    directory = tiny(tmp_path, unreadable)
    (directory / "dataset.json").write_text("{", encoding="utf-8")
    found = problems(directory)
    assert len(found) == 4, "\n".join(str(p) for p in found)
    assert {(p.file, p.field) for p in found} == {
        ("dataset.json", None), ("sources.json", "sources"),
        ("programmes.json", "programmes"), (f"partners/{code.lower()}.json", "memberships")}


# -- every problem said whole: what each check reports -----------------------------------
#
# The tests above mostly check that a problem is reported; these check all it says (file,
# record, field, value and the expected text, written out) and where each check's bounds
# fall, a date on the bound accepted and one a day (or a month) past it refused.


def _states(*spells: dict[str, Any]) -> Mutate:
    """Give XYZ state periods; its first membership joined in 1992-03."""
    def change(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["partner"]["states"] = list(spells)
    return change


_EXISTED = ("a date on or after XYZ existed as a state ({}); a predecessor's membership is a "
            "record of the predecessor's")


@pytest.mark.parametrize(("spells", "born"), [
    ([{"system": "cow", "code": 700, "start": "1992-04-01"}], "1992-04-01"),
    ([{"system": "cow", "code": 700, "start": "1992-04"}], "1992-04"),
    # The state began with the earliest of its periods, of either list.
    ([{"system": "cow", "code": 700, "start": "1992-05-01"},
      {"system": "gw", "code": 701, "start": "1992-04-02"}], "1992-04-02"),
    # Of two that may have begun on the same first day, the first listed is shown.
    ([{"system": "cow", "code": 700, "start": "1992-04-01"},
      {"system": "gw", "code": 701, "start": "1992-04"}], "1992-04-01"),
    # A membership that joined in March 1992 may have joined on its last day.
    ([{"system": "cow", "code": 700, "start": "1992-03-31"}], None),
    ([{"system": "cow", "code": 700, "start": "1992"}], None),
    ([{"system": "cow", "code": 700, "start": "1993"},
      {"system": "gw", "code": 700, "start": "1991-12-21"}], None),
], ids=["a-day-after", "a-month-after", "earliest-period", "same-first-day",
        "last-day-of-the-month",
        "same-year", "earliest-period-before"])
def test_a_membership_cannot_begin_before_its_partner_existed_as_a_state(
    tmp_path: Path, spells: list[dict[str, Any]], born: str | None
) -> None:
    directory = tiny(tmp_path, _states(*spells))
    if born is None:
        assert str(load_dataset(directory).memberships("XYZ")[0].joined) == "1992-03"
    else:
        assert _every(problems(directory)) == [
            (PARTNER, "memberships[0]", "joined", "1992-03", _EXISTED.format(born)),
        ]


@pytest.mark.parametrize(("spells", "expected"), [
    ([{"system": "gw", "code": 700, "start": "1992-01-01"},
      {"system": "cow", "code": 700, "start": "1992-01-01", "end": "1991-12-31"}],
     [("states[1].end", "1991-12-31", "a date on or after the start (1992-01-01)")]),
    ([{"system": "cow", "code": 700, "start": "1992-01-01", "end": "1991"}],
     [("states[0].end", "1991", "a date on or after the start (1992-01-01)")]),
    # A period of one day, and one that ends in the year it began (perhaps after it).
    ([{"system": "cow", "code": 700, "start": "1992-01-01", "end": "1992-01-01"}], []),
    ([{"system": "cow", "code": 700, "start": "1992-01-01", "end": "1992"}], []),
], ids=["a-day-before", "a-year-before", "one-day", "same-year"])
def test_a_state_period_cannot_end_before_it_starts(
    tmp_path: Path, spells: list[dict[str, Any]], expected: list[tuple[str, str, str]]
) -> None:
    directory = tiny(tmp_path, _states(*spells))
    if not expected:
        assert len(load_dataset(directory).partner("XYZ").states) == len(spells)
    else:
        assert _every(problems(directory)) == [
            (PARTNER, "XYZ", field, value, why) for field, value, why in expected
        ]


def test_a_state_code_names_one_partner(tmp_path: Path) -> None:
    def twin(docs: dict[str, dict[str, Any]]) -> None:
        _states({"system": "cow", "code": 700, "start": "1991-12-26"},
                {"system": "gw", "code": 701, "start": "1991-12-21"})(docs)
        docs["partners/abc"] = {"partner": {
            "code": "ABC", "alpha2": "AB", "name": "Abcland", "region": "gulf",
            "sources": ["doc-a"],
            # The same number in the other list is another code: only COW 700 is shared.
            "states": [{"system": "cow", "code": 701, "start": "1960"},
                       {"system": "gw", "code": 700, "start": "1960"},
                       {"system": "cow", "code": 700, "start": "1961"}]}}

    # ABC's file is read first, so the code is ABC's and XYZ is told so.
    assert _every(problems(tiny(tmp_path, twin))) == [
        (PARTNER, "XYZ", "states[0].code", 700, "a COW code no other partner has (ABC has it)"),
    ]


def _spells(*dates: tuple[str, str]) -> Mutate:
    """Give XYZ memberships of 'third' (a programme with no dates), spells 1, 2, ...: they
    are memberships[2], memberships[3], ..., each ``(joined, left)``."""
    def change(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"] += [
            {"programme": "third", "spell": spell, "joined": joined, "left": left,
             "sources": ["doc-a"]}
            for spell, (joined, left) in enumerate(dates, start=1)
        ]
    return change


def _overlap(record: str, joined: str, earlier: str) -> tuple[object, ...]:
    return (PARTNER, record, "joined", joined,
            f"a date after the end of the membership that began {earlier} (two memberships "
            "of XYZ in 'third' cannot both be in force; a suspension and its end are the "
            "suspended and resumed dates of one membership)")


@pytest.mark.parametrize(("dates", "expected"), [
    ((("2000-01-01", "2005-01-01"), ("2004-12-31", "2006")),
     [_overlap("memberships[3]", "2004-12-31", "2000-01-01")]),
    # The one named is the one that may have begun later: the one that began in 2000 may
    # have begun before June.
    ((("2000-06-01", "2005"), ("2000", "2006")),
     [_overlap("memberships[2]", "2000-06-01", "2000")]),
    # The third overlaps the first, which lasts longer than the second: the second's end
    # in 2010 may be after the first's in June, but is not surely.
    ((("2000-01-01", "2010-06-01"), ("2001-01-01", "2010"), ("2010-03-01", "2011-01-01")),
     [_overlap("memberships[3]", "2001-01-01", "2000-01-01"),
      _overlap("memberships[4]", "2010-03-01", "2000-01-01")]),
    # Here the second surely lasts longer than the first (June 2010 against some day of
    # 2010 that may be 1 January), and the third overlaps the second.
    ((("2000-01-01", "2010"), ("2001-01-01", "2010-06-01"), ("2010-03-01", "2011-01-01")),
     [_overlap("memberships[3]", "2001-01-01", "2000-01-01"),
      _overlap("memberships[4]", "2010-03-01", "2001-01-01")]),
    # Of two it overlaps that end on the same day, the one that began first is named.
    ((("2000-01-01", "2010-06-01"), ("2001-01-01", "2010-06-01"), ("2005-01-01", "2011")),
     [_overlap("memberships[3]", "2001-01-01", "2000-01-01"),
      _overlap("memberships[4]", "2005-01-01", "2000-01-01")]),
    # In force up to, not including, the day it left: the next may join that day; and a
    # coarse end may come before a precise start in the same year.
    ((("2000-01-01", "2005-01-01"), ("2005-01-01", "2006")), []),
    ((("2000-01-01", "2005"), ("2005-06-01", "2006")), []),
], ids=["a-day-early", "later-is-the-first", "longest-is-the-first", "longest-is-the-second",
        "equally-long", "the-day-it-left", "in-the-year-it-left"])
def test_two_spells_of_one_membership_cannot_overlap(
    tmp_path: Path, dates: tuple[tuple[str, str], ...], expected: list[tuple[object, ...]]
) -> None:
    directory = tiny(tmp_path, _spells(*dates))
    if not expected:
        assert len(load_dataset(directory).memberships("XYZ", "third")) == len(dates)
    else:
        assert _every(problems(directory)) == expected


_NEVER_IN_FORCE = ("a date after the start (1997-05-30): a membership that ends on the day "
                   "it began was never in force")


@pytest.mark.parametrize(("end", "expected"), [
    ({"left": "1997-05-30"},
     [(PARTNER, "memberships[0]", "left", "1997-05-30", _NEVER_IN_FORCE)]),
    ({"left_by": "1997-05-30"},
     [(PARTNER, "memberships[0]", "left_by", "1997-05-30", _NEVER_IN_FORCE)]),
    # It may have left on 31 May, a day after: and it joined on the day 'old' ended, which
    # is on or before that end.
    ({"left": "1997-05"}, []),
], ids=["left", "left-by", "left-that-month"])
def test_a_membership_that_joined_on_its_programmes_last_day(
    tmp_path: Path, end: dict[str, str], expected: list[tuple[object, ...]]
) -> None:
    def last_day(docs: dict[str, dict[str, Any]]) -> None:
        membership = xyz(docs)["memberships"][0]
        del membership["left"]
        membership.update(joined="1997-05-30", **end)
        xyz(docs)["milestones"][0]["date"] = "1997-05-30"

    directory = tiny(tmp_path, last_day)
    if not expected:
        assert str(load_dataset(directory).memberships("XYZ")[0].joined) == "1997-05-30"
    else:
        assert _every(problems(directory)) == expected


@pytest.mark.parametrize(("dates", "field", "value"), [
    ({"left": "1991-12-19"}, "left", "1991-12-19"),
    ({"left_by": "1991-11"}, "left_by", "1991-11"),
    ({"left": "1997-05-30", "known_until": "1991-06"}, "known_until", "1991-06"),
    # On the day 'old' was established, or some day of its month: not before it.
    ({"left": "1991-12-20"}, None, None),
    ({"left_by": "1991-12"}, None, None),
    ({"left": "1997-05-30", "known_until": "1991"}, None, None),
], ids=["left", "left-by", "known-until", "left-on-the-day", "left-by-that-month",
        "known-until-that-year"])
def test_an_undated_membership_cannot_end_before_its_programme_began(
    tmp_path: Path, dates: dict[str, str], field: str | None, value: str | None
) -> None:
    # With no joining date, only the end can say the membership is older than 'old'.
    def undated(docs: dict[str, dict[str, Any]]) -> None:
        membership = xyz(docs)["memberships"][0]
        del membership["joined"], membership["left"]
        membership.update(dates)
        del xyz(docs)["milestones"][0]

    directory = tiny(tmp_path, undated)
    if field is None:
        assert load_dataset(directory).memberships("XYZ", "old")[0].joined is None
    else:
        assert _every(problems(directory)) == [
            (PARTNER, "memberships[0]", field, value,
             "a date on or after 'old' was established (1991-12-20)"),
        ]


@pytest.mark.parametrize(("date", "expected"), [
    ("1991-12-19", "a date on or after 'old' was established (1991-12-20), or no programme"),
    ("1997-05-31", "a date on or before 'old' ended (1997-05-30), or no programme"),
    ("1997-06", "a date on or before 'old' ended (1997-05-30), or no programme"),
    ("1991-12-20", None),
    ("1991-12", None),
    ("1997-05-30", None),
    ("1997", None),
], ids=["a-day-before", "a-day-after", "a-month-after", "the-first-day", "the-first-month",
        "the-last-day", "the-last-year"])
def test_a_programme_milestone_falls_within_the_programmes_life(
    tmp_path: Path, date: str, expected: str | None
) -> None:
    def visit(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append({
            "id": "xyz-visit", "date": date, "kind": "visit", "programme": "old",
            "title": "t", "summary": "s", "sources": ["doc-a"]})

    directory = tiny(tmp_path, visit)
    if expected is None:
        (visit,) = load_dataset(directory).milestones(kind="visit")
        assert str(visit.date) == date
    else:
        assert _every(problems(directory)) == [(PARTNER, "xyz-visit", "date", date, expected)]


@pytest.mark.parametrize("index", [0, 1])
def test_an_undated_milestone_claims_no_date(tmp_path: Path, index: int) -> None:
    # A 'joined' or 'suspended' milestone no source dates has nothing to disagree with.
    def undated(docs: dict[str, dict[str, Any]]) -> None:
        del xyz(docs)["milestones"][index]["date"]

    dataset = load_dataset(tiny(tmp_path, undated))
    assert [m.date for m in dataset.milestones()].count(None) == 1


def test_a_record_id_that_is_not_text_is_one_problem(tmp_path: Path) -> None:
    # A programme that cannot be built is remembered by its id, so that references to it
    # are not blamed too; an id that is a list is no id to remember.
    def listed(docs: dict[str, dict[str, Any]]) -> None:
        docs["programmes"]["programmes"][2]["id"] = ["third"]

    assert _every(problems(tiny(tmp_path, listed))) == [
        ("programmes.json", "programmes[2]", "id", ["third"], "expected text, not a list"),
    ]


@pytest.mark.parametrize("field", ["cow_code", "gw_code"])
def test_a_negative_state_code(tmp_path: Path, field: str) -> None:
    # The partners' other fields are all well, which must not let the figures go unchecked.
    def negative(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["partner"][field] = -1

    assert _every(problems(tiny(tmp_path, negative))) == [
        (PARTNER, "XYZ", field, -1, "a number that is not negative"),
    ]


@pytest.mark.parametrize(("document", "section", "index", "record"), [
    ("programmes", "programmes", 2, "third"),
    ("partners/xyz", "memberships", 1, "memberships[1]"),
    ("partners/xyz", "milestones", 1, "xyz-suspended-new"),
])
def test_a_programme_membership_or_milestone_with_no_source(
    tmp_path: Path, document: str, section: str, index: int, record: str
) -> None:
    # Records whose every id and address is well formed: only the missing source is wrong.
    def uncited(docs: dict[str, dict[str, Any]]) -> None:
        docs[document][section][index]["sources"] = []

    assert _every(problems(tiny(tmp_path, uncited))) == [
        (f"{document}.json", record, "sources", [], "at least one source"),
    ]


def test_an_empty_address(tmp_path: Path) -> None:
    # Empty text is given, unlike a missing value: it must match the form too.
    def empty(docs: dict[str, dict[str, Any]]) -> None:
        docs["sources"]["sources"][0]["url"] = ""

    assert _every(problems(tiny(tmp_path, empty))) == [
        ("sources.json", "doc-a", "url", "", "an http:// or https:// address"),
    ]


@pytest.mark.parametrize("spell", [0, -1])
def test_a_spell_number_below_one_is_reported_whole(tmp_path: Path, spell: int) -> None:
    def numbered(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["memberships"][1]["spell"] = spell

    assert _every(problems(tiny(tmp_path, numbered))) == [
        (PARTNER, "memberships[1]", "spell", spell, "a spell number of 1 or more"),
    ]


@pytest.mark.parametrize("kind", ["left", "suspended", "resumed", "joined"])
def test_a_milestone_that_ends_or_suspends_must_say_of_what(tmp_path: Path, kind: str) -> None:
    # A joining may stand alone (a source's date that disagrees with the membership's).
    def loose(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["milestones"].append({
            "id": "xyz-loose", "date": "1999", "kind": kind, "title": "t", "summary": "s",
            "sources": ["doc-a"]})

    directory = tiny(tmp_path, loose)
    if kind == "joined":
        milestones = load_dataset(directory).milestones()
        assert [m.programme for m in milestones if m.id == "xyz-loose"] == [None]
    else:
        assert _every(problems(directory)) == [
            (PARTNER, "xyz-loose", "programme", None,
             f"the programme whose membership a {kind!r} milestone dates (an event that ends "
             "or suspends no membership is of kind 'paused' or another)"),
        ]


def test_a_status_reported_before_its_project_began_is_reported_whole(tmp_path: Path) -> None:
    def early(docs: dict[str, dict[str, Any]]) -> None:
        xyz(docs)["trust_fund_projects"][0].update(start="2010-05", status_as_of="2010-04-30")

    assert _every(problems(tiny(tmp_path, early))) == [
        (PARTNER, "clearance", "status_as_of", "2010-04-30", "a date on or after the start "
         "(2010-05)"),
    ]


def _cycle(programme: str) -> str:
    return (f"a successor whose own successors do not lead back to {programme!r} (they form a "
            "cycle)")


@pytest.mark.parametrize(("successors", "expected"), [
    ({"new": "old"}, [("old", "new"), ("new", "old")]),
    # 'old' leads into the cycle of 'new' and 'third' but is not part of it.
    ({"new": "third", "third": "new"}, [("new", "third"), ("third", "new")]),
], ids=["two", "a-chain-into-a-cycle"])
def test_programmes_that_succeed_each_other_in_a_cycle(
    tmp_path: Path, successors: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    def loop(docs: dict[str, dict[str, Any]]) -> None:
        for programme in docs["programmes"]["programmes"]:
            if programme["id"] in successors:
                programme["succeeded_by"] = successors[programme["id"]]

    assert _every(problems(tiny(tmp_path, loop))) == [
        ("programmes.json", record, "succeeded_by", successor, _cycle(record))
        for record, successor in expected
    ]
