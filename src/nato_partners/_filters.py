"""The filters of the questions no index answers: a dataset's records narrowed to those a
question names.

Each takes records in the order their query lists them and keeps that order; each takes
its parameters already checked (:mod:`nato_partners._params`) and looked up, as codes and
vocabulary members.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

from .dates import Certainty
from .model import Funding, Membership, Partner, Record, Region, Source, TrustFundProject
from .rules import state_existed

__all__ = ["allied", "cited", "in_region", "may_be_in_force", "projects"]


def in_region(partners: Sequence[Partner], region: Region) -> list[Partner]:
    """The partners of a region."""
    return [p for p in partners if p.region is region]


def allied(partners: Sequence[Partner], allies: Container[str], ally: bool, first: int,
           last: int) -> list[Partner]:
    """The Allies (``ally``) or the other countries among ``partners`` in a period.

    :param partners: the countries.
    :param allies: the codes of the Allies in the period.
    :param ally: keep the Allies, or the others.
    :param first: the period's first day.
    :param last: its last day.
    :returns: the countries kept.
    """
    # A country that was not a state then was neither an Ally nor a partner.
    return [p for p in partners if (p.code in allies) is ally and
            state_existed(p, first, last) is not Certainty.NO]


def may_be_in_force(memberships: Sequence[Membership], first: int, last: int
                    ) -> list[Membership]:
    """The memberships in force, or that may have been, on some day of a period."""
    return [m for m in memberships if m._certainty(first, last) is not Certainty.NO]


def projects(projects: Sequence[TrustFundProject], partner: str | None,
             funding: Funding | None) -> Sequence[TrustFundProject]:
    """The projects of a partner (by code) and of a kind of funding, either ``None`` for
    all: ``projects`` itself where neither is given."""
    if partner is not None:
        projects = [p for p in projects if p.partner == partner]
    if funding is not None:
        projects = [p for p in projects if p.funding is funding]
    return projects


def cited(records: Iterable[Record]) -> list[Source]:
    """Every source the records cite, once, by id."""
    found = {s.id: s for record in records for s in record.sources}
    return [found[key] for key in sorted(found)]
