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

from typing import NoReturn

import attrs

from .errors import NotKnownError

__all__ = ["NotKnown"]


@attrs.frozen
class NotKnown:
    """An answer the data cannot give, with the reason.

    It is neither true nor false: using it as a condition raises
    :class:`~nato_partners.NotKnownError`, and it equals only a :class:`NotKnown` with the
    same reason.

    :param reason: why the data cannot tell, naming what was asked about.
    """

    reason: str

    def __bool__(self) -> NoReturn:
        raise NotKnownError(self.reason)

    def __str__(self) -> str:
        return "not known"
