"""A record passed to a question must be the dataset's own, or equal to it: a record from
another dataset, or a changed copy, is not answered about with this dataset's data."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import nato_partners as nato
from nato_partners import Dataset, NotFoundError, load_dataset


@pytest.fixture(scope="module")
def georgia_only(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """A dataset of the bundled shared files and Georgia's file alone."""
    from importlib import resources

    root = tmp_path_factory.mktemp("georgia")
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        shutil.copytree(data, root / "data", ignore=shutil.ignore_patterns("partners"))
        (root / "data" / "partners").mkdir()
        shutil.copy(data / "partners" / "geo.toml", root / "data" / "partners" / "geo.toml")
    return load_dataset(root / "data")


# Each question that takes a partner, asked with a partner record.
_PARTNER_QUESTIONS: list[Callable[[Dataset, Any], object]] = [
    lambda d, p: d.participates(p, "pfp", on="2000"),
    lambda d, p: d.participates(p, "pfp"),
    lambda d, p: d.status(p, "pfp", on="2000"),
    lambda d, p: d.memberships(p),
    lambda d, p: d.memberships(p, "pfp", on="2000"),
    lambda d, p: d.programmes(p),
    lambda d, p: d.timeline(p),
    lambda d, p: d.milestones(partner=p, kind="joined"),
    lambda d, p: d.trust_fund_projects(p),
    lambda d, p: d.sources(p),
    lambda d, p: d.partner(p),
]


@pytest.mark.parametrize("ask", _PARTNER_QUESTIONS)
def test_a_partner_of_another_dataset_is_not_found(
    georgia_only: Dataset, ask: Callable[[Dataset, Any], object]
) -> None:
    azerbaijan = nato.load().partner("AZ")
    with pytest.raises(NotFoundError, match="AZE"):
        ask(georgia_only, azerbaijan)
    with pytest.raises(NotFoundError):  # as the code itself is
        ask(georgia_only, "AZ")


@pytest.mark.parametrize("ask", _PARTNER_QUESTIONS)
@pytest.mark.parametrize("change", [
    {"name": "Narnia"},
    {"aliases": ("Narnia",)},
    {"states": ()},
    {"note": "changed"},
])
def test_a_changed_copy_of_a_partner_is_not_found(
    ask: Callable[[Dataset, Any], object], change: dict[str, object]
) -> None:
    dataset = nato.load()
    copy = attrs.evolve(dataset.partner("GE"), **change)
    with pytest.raises(NotFoundError, match="differs from this dataset's"):
        ask(dataset, copy)


@pytest.mark.parametrize("ask", _PARTNER_QUESTIONS)
def test_an_equal_copy_of_a_partner_is_answered_as_the_partner(
    georgia_only: Dataset, ask: Callable[[Dataset, Any], object]
) -> None:
    own = georgia_only.partner("GE")
    from_bundled = nato.load().partner("GE")  # another load's record, equal to this one
    assert from_bundled == own
    assert ask(georgia_only, attrs.evolve(own)) == ask(georgia_only, own)
    assert ask(georgia_only, from_bundled) == ask(georgia_only, own)


def test_partner_with_a_default_returns_it_for_a_foreign_record(georgia_only: Dataset) -> None:
    azerbaijan = nato.load().partner("AZ")
    assert georgia_only.partner(azerbaijan, default=None) is None
    georgia = georgia_only.partner("GE")
    assert georgia_only.partner(attrs.evolve(georgia), default=None) is georgia


_PROGRAMME_QUESTIONS: list[Callable[[Dataset, Any], object]] = [
    lambda d, p: d.members(p, known_only=True),
    lambda d, p: d.members(p, on="2000", known_only=True),
    lambda d, p: d.member_counts(p, [2000], known_only=True),
    lambda d, p: d.participates("GE", p, on="2000"),
    lambda d, p: d.status("GE", p),
    lambda d, p: d.memberships(programme=p),
    lambda d, p: d.milestones(programme=p),
    lambda d, p: d.programme(p),
]


@pytest.mark.parametrize("ask", _PROGRAMME_QUESTIONS)
@pytest.mark.parametrize("change", [
    {"members_complete": True},
    {"members_complete": False},
    {"ended": nato.PartialDate(1995)},
    {"name": "Partnership for War"},
])
def test_a_changed_copy_of_a_programme_is_not_found(
    ask: Callable[[Dataset, Any], object], change: dict[str, object]
) -> None:
    dataset = nato.load()
    own = dataset.programme("pfp")
    copy = attrs.evolve(own, **change)
    if copy == own:
        assert ask(dataset, copy) == ask(dataset, own)
        return
    with pytest.raises(NotFoundError, match="differs from this dataset's"):
        ask(dataset, copy)


def test_a_programme_copy_marked_complete_does_not_make_a_whole_list() -> None:
    dataset = nato.load()
    sps = dataset.programme("sps")
    assert not sps.members_complete
    with pytest.raises(NotFoundError):
        dataset.members(attrs.evolve(sps, members_complete=True))


@pytest.mark.parametrize("ask", _PROGRAMME_QUESTIONS)
def test_an_equal_programme_of_another_dataset_is_answered(
    georgia_only: Dataset, ask: Callable[[Dataset, Any], object]
) -> None:
    own = georgia_only.programme("pfp")
    from_bundled = nato.load().programme("pfp")
    assert from_bundled == own
    assert ask(georgia_only, from_bundled) == ask(georgia_only, own)


def test_a_panel_refuses_a_foreign_partner(georgia_only: Dataset) -> None:
    pytest.importorskip("pandas")
    narnia = attrs.evolve(nato.load().partner("AZ"), name="Narnia")
    with pytest.raises(NotFoundError):
        nato.panel([narnia], ["pfp"], 2000, 2001)
    with pytest.raises(NotFoundError):
        nato.panel([nato.load().partner("AZ")], ["pfp"], 2000, 2001, dataset=georgia_only)
    with pytest.raises(NotFoundError):
        nato.panel(["GE"], [attrs.evolve(georgia_only.programme("sps"),
                                          members_complete=True)], 2000, 2001,
                   dataset=georgia_only)
    same = nato.panel([nato.load().partner("GE")], ["pfp"], 2000, 2001, dataset=georgia_only)
    assert list(same.status) == [1, 1]


def test_the_module_functions_refuse_a_changed_record() -> None:
    narnia = attrs.evolve(nato.partner("AZ"), name="Narnia")
    with pytest.raises(NotFoundError):
        nato.participates(narnia, "pfp", on="2000")
    assert nato.participates(nato.partner("AZ"), "pfp", on="2000") is True



def test_the_error_for_a_foreign_programme_names_the_record() -> None:
    dataset = nato.load()
    copy = attrs.evolve(dataset.programme("pfp"), name="Partnership for War")
    with pytest.raises(NotFoundError) as caught:
        dataset.programme(copy)
    assert str(caught.value) == ('no programme matches "the record pfp (Partnership for War), '
                                 'which differs from this dataset\'s"')
    assert caught.value.kind == "programme"
