"""The converter: lossless round trips, dates as text, and strict structuring."""

from __future__ import annotations

import json
from typing import Any

import pytest

import nato_partners as np
from nato_partners import (
    DataError,
    Membership,
    Milestone,
    Partner,
    Programme,
    Source,
    TrustFundProject,
    structure,
    unstructure,
)

RECORD_TYPES = [Partner, Programme, Membership, Milestone, TrustFundProject, Source]


def _records() -> list[tuple[type[Any], Any]]:
    dataset = np.load()
    return [
        *((Partner, r) for r in dataset.partners()),
        *((Programme, r) for r in dataset.programmes()),
        *((Membership, r) for r in dataset.memberships()),
        *((Milestone, r) for r in dataset.milestones()),
        *((TrustFundProject, r) for r in dataset.trust_fund_projects(funding=None)),
        *((Source, r) for r in dataset.sources()),
    ]


def test_every_record_in_the_dataset_round_trips() -> None:
    records = _records()
    assert {cls for cls, _ in records} == set(RECORD_TYPES)
    for cls, record in records:
        data = unstructure(record)
        # Through real JSON text, as a user would store it.
        assert structure(json.loads(json.dumps(data)), cls) == record


def test_dates_travel_as_text_at_their_precision() -> None:
    membership = np.memberships("AZ", "sps")[0]
    data = unstructure(membership)
    assert data["joined"] == "1995"
    assert data["left"] is None
    assert unstructure(np.memberships("AZ", "nacc")[0])["joined"] == "1992-03"


def test_enums_travel_as_their_values_and_tuples_as_lists() -> None:
    milestone = next(m for m in np.timeline("AZ") if m.areas)
    data = unstructure(milestone)
    assert data["kind"] == milestone.kind.value
    assert data["areas"] == [area.value for area in milestone.areas]


def _source_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": "x", "title": "T", "publisher": "P", "url": None,
                            "published": "1994", "note": None}
    data.update(changes)
    return data


def _problem_fields(error: DataError) -> set[str | None]:
    return {problem.field for problem in error.problems}


def test_unknown_key_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(DataError) as error:
        structure(_source_data(publsher="P"), Source)
    (problem,) = error.value.problems
    assert problem.field == "publsher"
    assert "did you mean 'publisher'" in problem.expected


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"title": 12}, "title", "expected text"),
        ({"published": 1994}, "published", "expected a date"),
        ({"published": "1994-13"}, "published", "not a real date"),
        ({"published": "1995-02-29"}, "published", "not a real date"),
        ({"published": "May 1994"}, "published", "YYYY"),
    ],
)
def test_bad_values_name_the_field(changes: dict[str, Any], field: str, expected: str) -> None:
    with pytest.raises(DataError) as error:
        structure(_source_data(**changes), Source)
    (problem,) = error.value.problems
    assert problem.field == field
    assert expected in problem.expected
    assert problem.value == changes[field]


def test_missing_required_field_is_named() -> None:
    data = _source_data()
    del data["title"]
    with pytest.raises(DataError) as error:
        structure(data, Source)
    assert [(p.field, p.expected) for p in error.value.problems] == [
        ("title", "required field is missing")
    ]


def test_every_bad_field_is_reported_not_only_the_first() -> None:
    data = unstructure(np.memberships("AZ", "pfp")[0])
    data.update(joined="1994-05-40", role=3, colour="blue")
    with pytest.raises(DataError) as error:
        structure(data, Membership)
    assert _problem_fields(error.value) == {"joined", "role", "colour"}


def test_unknown_enum_value_lists_the_allowed_ones() -> None:
    data = unstructure(np.timeline("AZ")[0])
    data["kind"] = "party"
    with pytest.raises(DataError) as error:
        structure(data, Milestone)
    (problem,) = error.value.problems
    assert problem.field == "kind"
    assert "'visit'" in problem.expected
    assert "'signed'" in problem.expected


def test_text_is_not_silently_split_into_a_tuple() -> None:
    data = unstructure(np.trust_fund_projects("AZ")[0])
    data["lead_nations"] = "Turkey"
    with pytest.raises(DataError) as error:
        structure(data, TrustFundProject)
    assert _problem_fields(error.value) == {"lead_nations"}


def test_bad_item_in_a_list_is_named_by_index() -> None:
    data = unstructure(next(m for m in np.timeline("AZ") if m.areas))
    data["areas"] = [*data["areas"], "gardening"]
    with pytest.raises(DataError) as error:
        structure(data, Milestone)
    (problem,) = error.value.problems
    assert problem.field == f"areas[{len(data['areas']) - 1}]"
    assert problem.value == "gardening"


@pytest.mark.parametrize(("value", "ok"), [(True, False), ("640000", False), (640000, True)])
def test_counts_are_strictly_whole_numbers(value: object, ok: bool) -> None:
    data = unstructure(np.trust_fund_projects("AZ")[0])
    data["items_disposed"] = value
    if ok:
        assert structure(data, TrustFundProject).items_disposed == value
    else:
        with pytest.raises(DataError, match="items_disposed"):
            structure(data, TrustFundProject)


def test_a_whole_number_is_accepted_as_an_area() -> None:
    data = unstructure(np.trust_fund_projects("AZ")[0])
    data["area_cleared_m2"] = 5683769
    assert structure(data, TrustFundProject).area_cleared_m2 == 5683769.0


def test_nested_mission_errors_have_a_dotted_path() -> None:
    data = unstructure(np.partner("AZ"))
    data["mission"]["established"] = "1997-11-31"
    with pytest.raises(DataError) as error:
        structure(data, Partner)
    assert _problem_fields(error.value) == {"mission.established"}


def test_not_a_table_is_an_error_not_a_crash() -> None:
    with pytest.raises(DataError, match="expected a table"):
        structure(["not", "a", "record"], Source)


def test_the_library_converter_is_not_the_global_one() -> None:
    import cattrs

    assert np.converter is not cattrs.global_converter
    assert isinstance(np.make_converter(), cattrs.Converter)
    assert np.make_converter() is not np.converter


def test_hooks_added_to_the_public_converter_do_not_change_what_is_valid() -> None:
    from nato_partners import convert

    lenient = lambda value, _: np.PartialDate.parse(str(value).replace("/", "-"))  # noqa: E731
    np.converter.register_structure_hook(np.PartialDate, lenient)
    try:
        assert np.converter.structure(_source_data(published="1994/05"), Source).published
        with pytest.raises(DataError, match="published"):
            structure(_source_data(published="1994/05"), Source)
    finally:
        np.converter.register_structure_hook(np.PartialDate, convert._structure_date)
