"""The tuple that queries return, which Jupyter shows as a table.

A :class:`Results` is an ordinary tuple in every other way: it compares equal to a tuple
with the same records, slices, unpacks and prints like one.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, cast, overload

from ._html import results_html

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from .dataset import Dataset

__all__ = ["Results"]

_T_co = TypeVar("_T_co", covariant=True)


class Results(tuple[_T_co, ...]):
    """Records a query found, shown in Jupyter as a table with a row per record.

    A query's results know the type of record they hold, even when there are none, so an
    empty result still becomes a table with the right columns; a slice keeps it.

    :param records: the records.
    :param record_type: the type of record a query returns, such as
        :class:`~nato_partners.Membership`, or ``None`` where it may return several.
    :param dataset: the dataset the records come from, which the exports ask for the names
        of the partners and programmes they cite; held weakly, so that results kept by a
        caller do not keep a whole dataset alive.

    >>> Results(()) == ()
    True
    """

    record_type: type[Any] | None

    def __new__(cls, records: Iterable[_T_co] = (), record_type: type[Any] | None = None,
                dataset: Dataset | None = None) -> Results[_T_co]:
        self = super().__new__(cls, records)
        # Set past __setattr__, which refuses every change once a result exists.
        self.__dict__["record_type"] = record_type
        self.__dict__["_dataset"] = None if dataset is None else weakref.ref(dataset)
        return self

    @property
    def dataset(self) -> Dataset | None:
        """The dataset the records come from, or ``None`` if not known (or no longer held)."""
        ref = self.__dict__["_dataset"]
        return None if ref is None else cast("Dataset | None", ref())

    def __reduce__(self) -> tuple[Any, ...]:
        # A copy keeps the link to the dataset; a pickle, for another process, cannot.
        return (Results, (tuple(self), self.record_type))

    def __copy__(self) -> Results[_T_co]:
        return Results(self, self.record_type, self.dataset)

    def __deepcopy__(self, memo: dict[int, Any]) -> Results[_T_co]:
        import copy

        return Results(copy.deepcopy(tuple(self), memo), self.record_type, self.dataset)

    def __setattr__(self, name: str, value: object) -> None:
        # Results are shared (an index's own, the same for every caller): one caller that
        # set record_type, or any other attribute, would change them for all the others.
        raise AttributeError(f"Results are immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Results are immutable: cannot delete {name!r}")

    @overload
    def __getitem__(self, index: SupportsIndex) -> _T_co: ...

    @overload
    def __getitem__(self, index: slice) -> Results[_T_co]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> _T_co | Results[_T_co]:
        if isinstance(index, slice):
            return Results(super().__getitem__(index), self.record_type, self.dataset)
        return super().__getitem__(index)

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

        return to_dataframe(cast("Results[Any]", self), cls or self.record_type, self.dataset)

    def to_arrow(self, cls: type[Any] | None = None) -> pa.Table:
        """These records as a :class:`pyarrow.Table`; see :func:`nato_partners.export.to_arrow`.

        :param cls: the record type, needed only when there are no records.
        :returns: the table, one row per record.
        :raises ImportError: if pyarrow is not installed.
        :raises TypeError: if the records are of more than one type.
        """
        from .export import to_arrow

        return to_arrow(cast("Results[Any]", self), cls or self.record_type, self.dataset)

    def to_polars(self, cls: type[Any] | None = None) -> pl.DataFrame:
        """These records as a polars DataFrame; see :func:`nato_partners.export.to_polars`.

        :param cls: the record type, needed only when there are no records.
        :returns: the DataFrame, one row per record.
        :raises ImportError: if polars or pyarrow is not installed.
        :raises TypeError: if the records are of more than one type.
        """
        from .export import to_polars

        return to_polars(cast("Results[Any]", self), cls or self.record_type, self.dataset)
