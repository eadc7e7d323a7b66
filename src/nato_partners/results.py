"""The tuple that queries return, which Jupyter shows as a table.

A :class:`Results` is an ordinary tuple in every other way: it compares equal to a tuple
with the same records, slices, unpacks and prints like one.
"""

from __future__ import annotations

from typing import TypeVar

from ._html import results_html

__all__ = ["Results"]

_T_co = TypeVar("_T_co", covariant=True)


class Results(tuple[_T_co, ...]):
    """Records a query found, shown in Jupyter as a table with a row per record.

    >>> Results(()) == ()
    True
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        return results_html(self)
