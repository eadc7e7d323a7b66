"""The tuple that queries return, which Jupyter shows as a table.

A :class:`Results` is an ordinary tuple in every other way: it compares equal to a tuple
with the same records, slices, unpacks and prints like one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from ._html import results_html

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

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

    def to_dataframe(self, cls: type[Any] | None = None) -> pd.DataFrame:
        """These records as a pandas DataFrame; see :func:`nato_partners.export.to_dataframe`.

        So every query gives a table of its record type:
        ``np.milestones("AZ").to_dataframe()``.

        :param cls: the record type, needed only when there are no records.
        :returns: the DataFrame, one row per record.
        :raises ImportError: if pandas is not installed.
        :raises TypeError: if the records are of more than one type.
        """
        from .export import to_dataframe

        return to_dataframe(cast("Results[Any]", self), cls)

    def to_arrow(self, cls: type[Any] | None = None) -> pa.Table:
        """These records as a :class:`pyarrow.Table`; see :func:`nato_partners.export.to_arrow`.

        :param cls: the record type, needed only when there are no records.
        :returns: the table, one row per record.
        :raises ImportError: if pyarrow is not installed.
        :raises TypeError: if the records are of more than one type.
        """
        from .export import to_arrow

        return to_arrow(cast("Results[Any]", self), cls)
