"""The Correlates of War and Gleditsch-Ward lists of the world's states.

An all-states panel (``panel(states="cow")``) has a row for every state of a list in each
period, the states the dataset holds as partners and all the others. The lists come from
the copies the bundled sources ``cow-state-system-2016`` and ``gleditsch-ward-states``
cite, written into ``state_lists.csv`` by ``scripts/state-lists``; a period that ran to
the list's last day has no end, as a partner's :attr:`~nato_partners.Partner.states` do.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple

from .dates import PartialDate
from .model import StateSystem

__all__ = ["LIST_SOURCES", "ListedState", "state_list"]

#: The source id (in the bundled ``sources.toml``) of each list.
LIST_SOURCES = {StateSystem.COW: "cow-state-system-2016",
                StateSystem.GW: "gleditsch-ward-states"}


class ListedState(NamedTuple):
    """One period of a state in a list: its code, abbreviation, name and dates."""

    system: StateSystem
    code: int
    abbrev: str
    name: str
    start: PartialDate
    end: PartialDate | None


def state_list(system: StateSystem | str) -> tuple[ListedState, ...]:
    """Every period of every state in a list, in the list's order.

    :param system: ``"cow"`` or ``"gw"``.
    :returns: the periods.
    :raises ValueError: if ``system`` is not a state list.
    """
    return _read()[StateSystem(system)]


@functools.cache
def _read() -> dict[StateSystem, tuple[ListedState, ...]]:
    import csv  # here, so that importing the package (and the CLI) does not import it
    import io

    text = (resources.files("nato_partners") / "state_lists.csv").read_text("utf-8")
    found: dict[StateSystem, list[ListedState]] = {s: [] for s in StateSystem}
    for row in csv.DictReader(io.StringIO(text)):
        system = StateSystem(row["system"])
        found[system].append(ListedState(
            system, int(row["code"]), row["abbrev"], row["name"],
            PartialDate.parse(row["start"]),
            PartialDate.parse(row["end"]) if row["end"] else None))
    return {system: tuple(rows) for system, rows in found.items()}
