"""Smaller edges: shared results that cannot be changed, and memberships that were never in
force or ended before their programme existed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import nato_partners as np
from nato_partners import DataError, Results, load_dataset
from nato_partners.model import MAX_WHOLE_NUMBER

# -- results are shared, so they cannot be changed -----------------------------------------

_SHARED: list[Callable[[], Results[object]]] = [
    lambda: np.memberships("AZ"),
    lambda: np.memberships(programme="pfp"),
    lambda: np.memberships(),
    lambda: np.partners(),
    lambda: np.programmes(),
    lambda: np.milestones(partner="AZ"),
    lambda: np.sources(),
    lambda: np.memberships("AZ")[1:3],
    lambda: Results(()),
]


@pytest.mark.parametrize("shared", _SHARED)
@pytest.mark.parametrize(("name", "value"), [("record_type", None),
                                              ("record_type", np.Partner),
                                              ("anything", 1)])
def test_results_refuse_new_or_changed_attributes(
    shared: Callable[[], Results[object]], name: str, value: object
) -> None:
    found = shared()
    before = found.record_type
    with pytest.raises(AttributeError, match="immutable"):
        setattr(found, name, value)
    with pytest.raises(AttributeError, match="immutable"):
        delattr(found, "record_type")
    # Every later caller still gets the results as they were.
    assert shared().record_type is before
    assert not hasattr(shared(), "anything")


def test_a_later_caller_can_still_make_a_table() -> None:
    pytest.importorskip("pandas")
    shared = np.memberships(programme="pfp")
    with pytest.raises(AttributeError):
        shared.record_type = None  # type: ignore[misc]
    assert list(np.memberships(programme="pfp").to_dataframe().programme.unique()) == ["pfp"]


def test_results_still_copy_and_pickle() -> None:
    import copy
    import pickle

    found = np.memberships("AZ")
    for twin in (copy.copy(found), copy.deepcopy(found), pickle.loads(pickle.dumps(found))):
        assert twin == found
        assert twin.record_type is np.Membership


# -- memberships never in force, or ended before their programme existed --------------------


def _with_membership(bundled: Path, fields: str) -> DataError:
    georgia = bundled / "partners" / "geo.toml"
    georgia.write_text(georgia.read_text("utf-8") + (
        f'\n[[memberships]]\nprogramme = "sps"\n{fields}\n'
        'sources = ["mfa-ge-nato-chronology"]\n'), "utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(bundled)
    return caught.value


@pytest.mark.parametrize(("fields", "field"), [
    ('joined = "2001-05-04"\nleft = "2001-05-04"', "left"),
    ('joined = "2001-05-31"\nleft = "2001-05"', "left"),
    ('joined = "2001-12-31"\nleft = "2001"', "left"),
    ('joined = "2001-05-04"\nleft_by = "2001-05-04"', "left_by"),
])
def test_a_membership_that_ends_the_day_it_began_is_refused(
    bundled: Path, fields: str, field: str
) -> None:
    error = _with_membership(bundled, fields)
    (problem,) = [p for p in error.problems if p.field == field]
    assert "ends on the day it began" in problem.expected
    assert problem.file == "partners/geo.toml"


@pytest.mark.parametrize("fields", [
    'joined = "2001"\nleft = "2001"',  # any two days of 2001
    'joined = "2001-05"\nleft = "2001-05"',
    'joined = "2001-05-04"\nleft = "2001-05-05"',
])
def test_coarse_equal_dates_may_be_a_short_membership(bundled: Path, fields: str) -> None:
    georgia = bundled / "partners" / "geo.toml"
    georgia.write_text(georgia.read_text("utf-8") + (
        f'\n[[memberships]]\nprogramme = "sps"\n{fields}\n'
        'sources = ["mfa-ge-nato-chronology"]\n'), "utf-8")
    assert len(load_dataset(bundled).memberships("GE", "sps")) == 1


@pytest.mark.parametrize(("fields", "field"), [
    ('left = "1950"', "left"),
    ('left_by = "1957-12-31"', "left_by"),
    ('known_until = "1950"\nleft_by = "1960"', "known_until"),
])
def test_an_end_before_the_programme_existed_is_refused(
    bundled: Path, fields: str, field: str
) -> None:
    sps = np.programme("sps")
    assert sps.established is not None
    error = _with_membership(bundled, fields)
    (problem,) = [p for p in error.problems if p.field == field]
    assert problem.expected == f"a date on or after 'sps' was established ({sps.established})"


def test_the_bundled_data_has_none_of_these() -> None:
    for membership in np.memberships():
        if membership.joined is not None and membership.left is not None:
            assert membership.left._last > membership.joined._first
        programme = np.programme(membership.programme)
        if programme.established is not None and membership.left is not None:
            assert membership.left._last >= programme.established._first


# -- what memberships --on says it lists, it lists ----------------------------------------


@pytest.mark.parametrize("on", ["2010", "2015-06", "2020-01-01"])
def test_memberships_on_lists_undated_memberships_as_its_help_says(
    on: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from nato_partners.cli import main

    assert main(["memberships", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "undated ones too, are listed" in help_text
    assert "left out" not in help_text
    undated = [m for m in np.memberships(on=on) if m.joined is None]
    assert undated  # the data holds undated memberships the answer keeps
    assert main(["memberships", "--on", on, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) - 1 == len(np.memberships(on=on))


# -- whole numbers every export keeps exactly ----------------------------------------------

_BIG = [2**53, -(2**53), 2**63, 2**70, 10**30]


def _saloglu(bundled: Path, field: str, value: int) -> Path:
    azerbaijan = bundled / "partners" / "aze.toml"
    text = azerbaijan.read_text("utf-8")
    assert "items_disposed = 640000\n" in text
    azerbaijan.write_text(text.replace("items_disposed = 640000\n",
                                       f"items_disposed = 640000\n{field} = {value}\n"
                                       if field != "items_disposed" else
                                       f"items_disposed = {value}\n"), "utf-8")
    return bundled


@pytest.mark.parametrize("value", _BIG)
@pytest.mark.parametrize("field", ["items_disposed", "people_retrained"])
def test_a_whole_number_an_export_would_change_is_refused(
    bundled: Path, field: str, value: int
) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(_saloglu(bundled, field, value))
    (problem,) = caught.value.problems
    assert problem.field == field
    assert problem.file == "partners/aze.toml"
    assert "which every export keeps exactly" in problem.expected


@pytest.mark.parametrize("value", _BIG)
def test_a_state_code_an_export_would_change_is_refused(bundled: Path, value: int) -> None:
    georgia = bundled / "partners" / "geo.toml"
    text = georgia.read_text("utf-8")
    georgia.write_text(text.replace("cow_code = 372", f"cow_code = {value}", 1), "utf-8")
    with pytest.raises(DataError, match="every export keeps exactly"):
        load_dataset(bundled)


@pytest.mark.parametrize("value", _BIG)
def test_a_record_built_in_python_is_held_to_the_same_bound(value: int) -> None:
    import attrs

    dataset = np.load()
    georgia = attrs.evolve(dataset.partner("GE"), cow_code=value)
    with pytest.raises(DataError, match="every export keeps exactly"):
        np.Dataset(info=dataset.info, sources=dataset.sources(),
                   partners=[georgia if p.code == "GEO" else p for p in dataset.partners()],
                   programmes=dataset.programmes())


@pytest.mark.parametrize("value", [MAX_WHOLE_NUMBER, MAX_WHOLE_NUMBER - 2, 2**40 + 1, 0])
def test_the_largest_whole_number_is_kept_exactly_by_every_export(
    bundled: Path, value: int, tmp_path: Path
) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    dataset = load_dataset(_saloglu(bundled, "items_disposed", value))
    (project,) = [p for p in dataset.trust_fund_projects("AZ") if p.id == "saloglu"]
    assert project.items_disposed == value
    frame = np.to_dataframe([project, *[p for p in dataset.trust_fund_projects()
                                        if p.items_disposed is None][:1]])
    assert int(frame.items_disposed.iloc[0]) == value  # beside a missing value too
    table = np.to_arrow([project])
    assert table.column("items_disposed")[0].as_py() == value
    pq.write_table(table, tmp_path / "p.parquet")
    assert pq.read_table(tmp_path / "p.parquet").column("items_disposed")[0].as_py() == value
