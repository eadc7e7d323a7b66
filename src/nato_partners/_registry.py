"""Every kind of record the package knows, listed once.

The files, the loader and its fast path, the dataset's parts, the exports and the data
package, the command line's tables, the JSON Schemas, search and the differ all read this
list: a new record type is added here (and its class in :mod:`nato_partners.model`), and
each of them learns of it from here.
"""

from __future__ import annotations

from typing import Any

import attrs

from .model import (
    Coverage,
    Match,
    Membership,
    Milestone,
    Partner,
    Programme,
    Source,
    TrustFundProject,
)

__all__ = ["KINDS", "STORED", "TABLES", "RecordKind", "kind_of"]


@attrs.frozen
class RecordKind:
    """One kind of record, and the names it goes by.

    :param cls: its class.
    :param name: its name in the singular, as JSON output and search give a record's
        type (``"trust_fund_project"``).
    :param table: its name in the plural: the section of a data file that holds it, and
        its table in a data package (``"trust_fund_projects"``).
    :param key: the field that identifies a record, or ``None`` for one that is known by
        several fields.
    :param file: the data file that holds every record of the kind (``"sources"``), or
        ``None`` for a kind held in each partner's file; ``""`` for a kind never held in
        a file, made by a function (the rows of a coverage report, search matches).
    :param single: whether a file holds one record of the kind (a partner file's
        ``[partner]``) rather than a list.
    """

    cls: type[Any]
    name: str
    table: str
    key: str | None
    file: str | None = None
    single: bool = False

    @property
    def stored(self) -> bool:
        """Whether the records are held in data files (not made by a function)."""
        return self.file != ""

    @property
    def section(self) -> str:
        """The section of its file that holds it: ``partner`` for the one partner."""
        return self.name if self.single else self.table


#: Every kind, the stored ones in the order a dataset is built: sources first, since every
#: other record cites them, then partners and programmes, which the rest refer to.
KINDS: tuple[RecordKind, ...] = (
    RecordKind(Source, "source", "sources", "id", file="sources"),
    RecordKind(Partner, "partner", "partners", "code", single=True),
    RecordKind(Programme, "programme", "programmes", "id", file="programmes"),
    RecordKind(Membership, "membership", "memberships", "id"),
    RecordKind(Milestone, "milestone", "milestones", "id"),
    RecordKind(TrustFundProject, "trust_fund_project", "trust_fund_projects", "id"),
    RecordKind(Coverage, "coverage", "coverage", None, file=""),
    RecordKind(Match, "match", "matches", None, file=""),
)
#: The kinds held in data files.
STORED: tuple[RecordKind, ...] = tuple(kind for kind in KINDS if kind.stored)
#: Each kind by its class.
TABLES: dict[type[Any], RecordKind] = {kind.cls: kind for kind in KINDS}


def kind_of(record: object) -> RecordKind:
    """The kind of a record.

    :param record: a record of one of the :data:`KINDS`.
    :returns: its kind.
    :raises TypeError: if it is not a record of a known kind.
    """
    kind = TABLES.get(type(record))
    if kind is None:
        raise TypeError(f"not a record of nato_partners: {type(record).__name__}")
    return kind
