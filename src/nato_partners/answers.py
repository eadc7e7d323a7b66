"""The answer "not known": what a question gets when the data does not hold its answer.

The bundled data is an open world: a membership it does not hold is not evidence that
there was none. So a yes-or-no question has three answers, ``True``, ``False`` and a
:class:`NotKnown` that says why the data cannot tell. Like :data:`pandas.NA`, a
:class:`NotKnown` has no truth value, so it cannot be taken for "no" by mistake:

>>> answer = NotKnown("the dataset does not hold the complete membership of 'sps'")
>>> if answer:
...     pass
Traceback (most recent call last):
  ...
nato_partners.errors.NotKnownError: the dataset does not hold the complete membership of 'sps'

Test for it with :func:`isinstance`, or compare with ``True`` and ``False`` by identity
(``answer is True``). :doc:`/knowledge` explains when the data knows.
"""

from __future__ import annotations

import enum
from typing import NoReturn

import attrs

from ._html import answer_html

__all__ = ["FULL_MEMBERS", "NotKnown", "Status"]


class _Shown:
    """Gives an answer its display in Jupyter: the answer as a word, and why if not known."""

    __slots__ = ()

    # A mixin, because Enum refuses a _sunder_ name defined in its own body.
    def _repr_html_(self) -> str:
        return answer_html(self)


class Status(_Shown, enum.Enum):
    """A partner's standing in a programme in a period, as far as the data knows it.

    :meth:`Dataset.status <nato_partners.Dataset.status>` gives one of these, or a
    :class:`NotKnown` where the data cannot tell. A suspended partner is still a member:
    NATO counts it among the members, and the panels code it as one (with a column that
    says the membership was suspended). Like :class:`NotKnown`, a status has no truth
    value: compare it with a member, as in ``status is Status.MEMBER``.
    """

    #: A full member: a membership in force, not suspended, with no ``role``.
    MEMBER = "member"
    #: A membership whose ``role`` says associate.
    ASSOCIATE = "associate"
    #: A membership whose ``role`` says observer.
    OBSERVER = "observer"
    #: A member whose participation was suspended on some day of the period.
    SUSPENDED = "suspended"
    #: No membership in force, and the dataset holds the programme's whole membership.
    NOT_A_MEMBER = "not a member"
    #: The programme did not exist in the period.
    PROGRAMME_NOT_IN_EXISTENCE = "programme not in existence"
    #: The partner did not exist as a state in the period.
    STATE_NOT_IN_EXISTENCE = "state not in existence"

    @property
    def is_member(self) -> bool:
        """Whether the status is a membership (suspended included), as NATO counts one."""
        return self in _MEMBERS

    def __bool__(self) -> NoReturn:
        # `if status:` would be true for NOT_A_MEMBER too; refusing a truth value makes
        # that mistake loud, as for NotKnown.
        raise TypeError(f"{self!r} has no truth value: compare it with a Status, or ask "
                        "its is_member")

    def __str__(self) -> str:
        return self.value


_MEMBERS = frozenset({Status.MEMBER, Status.ASSOCIATE, Status.OBSERVER, Status.SUSPENDED})


@attrs.frozen
class NotKnown(_Shown):
    """An answer the data cannot give, with the reason.

    It is neither true nor false: using it as a condition raises
    :class:`~nato_partners.NotKnownError`, and it equals only a :class:`NotKnown` with the
    same reason.

    :param reason: why the data cannot tell, naming what was asked about.
    """

    reason: str

    def __bool__(self) -> NoReturn:
        # Imported here: a program that never misuses an answer need not import the errors.
        from .errors import NotKnownError

        raise NotKnownError(self.reason)

    def __str__(self) -> str:
        return "not known"


#: The standings ``members()`` and ``member_counts()`` take in unless asked otherwise:
#: full members, not associates or observers.
FULL_MEMBERS: tuple[Status | str, ...] = (Status.MEMBER,)
