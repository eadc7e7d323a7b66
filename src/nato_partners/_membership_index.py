"""A dataset's memberships, indexed by partner, by programme, by both, by role and by id.

The indexes hold the dataset's own :class:`~nato_partners.Results`, so a question answered
from one hands out a shared, unchangeable result that knows its dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from . import rules
from ._lookup import close
from ._params import ALL_ROLES
from .answers import Status
from .errors import NotFoundError
from .model import Membership
from .results import Results

__all__ = ["MembershipIndex"]

_K = TypeVar("_K")


class MembershipIndex:
    """The memberships of a dataset, found by what a question names.

    :param memberships: every membership, in joining order, as the dataset's results.
    """

    __slots__ = ("_all", "_by_pair", "_by_partner", "_by_programme", "_by_role", "_ids")

    def __init__(self, memberships: Results[Membership]) -> None:
        self._all = memberships
        self._by_partner = _group(memberships, lambda m: m.partner)
        self._by_programme = _group(memberships, lambda m: m.programme)
        self._by_pair = _group(memberships, lambda m: (m.partner, m.programme))
        # A programme's memberships in some roles only, built on the first question.
        self._by_role: dict[tuple[str, frozenset[Status]], Sequence[Membership]] = {}
        self._ids: dict[str, Membership] | None = None

    def find(self, partner: str | None, programme: str | None) -> Sequence[Membership]:
        """The memberships of a partner (by code), of a programme (by id), of both, or all.

        :param partner: the partner's code, or ``None`` for every partner.
        :param programme: the programme's id, or ``None`` for every programme.
        :returns: the memberships, in joining order.
        """
        if partner is not None:
            if programme is not None:
                return self._by_pair.get((partner, programme), ())
            return self._by_partner.get(partner, ())
        if programme is not None:
            return self._by_programme.get(programme, ())
        return self._all

    def in_roles(self, programme: str, roles: frozenset[Status]) -> Sequence[Membership]:
        """A programme's memberships whose role is one of ``roles``, in joining order.

        Kept once made (questions repeat the same few), and put in place whole.
        """
        held = self._by_programme.get(programme, ())
        if roles == ALL_ROLES:
            return held
        found = self._by_role.get((programme, roles))
        if found is None:
            found = [m for m in held if rules.role_status(m) in roles]
            self._by_role[programme, roles] = found
        return found

    def by_id(self, id: str) -> Membership:
        """The membership of an id of today's form or of the dated form before 0.2.

        :raises NotFoundError: if no membership has that id; the error names close ids.
        """
        ids = self._ids
        if ids is None:
            from ._former_ids import FORMER_IDS

            ids = {m.id: m for m in self._all}
            for membership in self._all:  # the old form, from the dates held now
                old = f"{membership.partner}/{membership.programme}/" \
                      f"{membership.joined or 'undated'}"
                ids.setdefault(old, membership)
            for old, new in FORMER_IDS.items():  # ...and from the dates held at 0.1
                if new in ids:
                    ids.setdefault(old, ids[new])
            self._ids = ids
        found = ids.get(id) if type(id) is str else None
        if found is None:
            # Close to an id of either form, named by its id today.
            raise NotFoundError("membership", str(id), close(
                id, {key.casefold(): m for key, m in ids.items()}, lambda m: m.id))
        return found


def _group(records: Results[Membership], key: Callable[[Membership], _K]
           ) -> dict[_K, Results[Membership]]:
    groups: dict[_K, list[Membership]] = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    return {k: Results(v, records.record_type, records.dataset) for k, v in groups.items()}
