"""The dataset's coverage in one sentence, for the README and the docs.

``scripts/bundle-data`` writes it into the README after every data change, and a test
checks that the README says what the data holds, so the numbers are never typed by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dataset import Dataset


def coverage_text(dataset: Dataset) -> str:
    """Say how much the dataset holds: countries, records, projects and sources.

    :param dataset: the dataset to describe.
    :returns: one sentence, with every figure counted from the records.
    """
    countries = dataset.partners()
    allies = dataset.partners(ally=True)
    projects = dataset.trust_fund_projects()
    sps = dataset.trust_fund_projects(funding="sps")
    milestones = dataset.milestones()
    with_story = {m.partner for m in milestones}
    return (
        f"Data version {dataset.info.version} holds {len(countries)} countries "
        f"({len(countries) - len(allies)} partners and {len(allies)} Allies), "
        f"{len(dataset.programmes())} programmes, {len(dataset.memberships())} memberships, "
        f"{len(milestones)} milestones (for {len(with_story)} countries), "
        f"{len(projects)} Trust Fund projects in {len({p.partner for p in projects})} "
        f"countries and {len(sps)} projects of the Science for Peace and Security "
        f"Programme, citing {len(dataset.sources())} sources."
    )
