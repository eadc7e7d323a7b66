"""Records as tables: pandas DataFrames, Arrow tables and Parquet files, and back.

Every export flattens records the same way, one row per record and one column per field:

- a date becomes the first day of its period (a ``datetime64`` column in pandas, ``date32``
  in Arrow) plus a ``<field>_precision`` column saying ``year``, ``month`` or ``day``, so
  ``"1992-03"`` is stored as 1 March 1992 with precision ``month``;
- a vocabulary word becomes its value, such as ``"cyber-defence"``, in a categorical column
  (dictionary-encoded in Arrow) whose categories are the whole vocabulary;
- a tuple of words or names (``aliases``, ``areas``, ``lead_nations``) becomes a list, so no
  separator can clash with the text; :meth:`pandas.DataFrame.explode` gives a row per item;
- ``sources`` becomes a list of source ids, with their URLs alongside in ``source_urls``;
- a partner's ``mission`` becomes ``mission_name``, ``mission_established`` and so on;
- a membership's ``id``, which is not a field, comes first, so that a row joins the
  ``membership`` column of a panel.

Reading a table back (:func:`from_dataframe`, :func:`from_arrow`, :func:`read_parquet`)
gives records equal to those written. A table holds source ids, not whole sources, so the
sources are looked up in a :class:`~nato_partners.Dataset`. Columns that are not record
fields (``source_urls``, or any a user added) are ignored.

This module reads no dataset of its own: the names beside the codes come from the dataset
given, or the one the records came from (query results know it), and are not known
otherwise. The package's functions of the same names (``nato_partners.to_dataframe``
and so on) fall back on the bundled dataset.

These functions need the optional extras: ``pip install 'nato-partners[pandas]'`` for
DataFrames and ``pip install 'nato-partners[arrow]'`` for Arrow and Parquet.

>>> import nato_partners as nato
>>> frame = to_dataframe(nato.memberships("AZ", "nacc"))
>>> frame[["programme", "joined", "joined_precision"]].to_string(index=False)
'programme     joined joined_precision\\n     nacc 1992-03-01            month'
>>> back = from_dataframe(frame, nato.Membership, nato.load())  # the sources they cite
>>> list(back) == list(nato.memberships("AZ", "nacc"))
True
"""

from __future__ import annotations

import datetime
import enum
import numbers
import os
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from ._extras import require
from ._registry import TABLES
from .dates import PartialDate, Precision
from .errors import DataError, NotFoundError, Problem
from .model import (
    Confidence,
    Coverage,
    Match,
    Membership,
    Milestone,
    Partner,
    Programme,
    Source,
    StateSpell,
    TrustFundProject,
)

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from .dataset import Dataset

__all__ = [
    "TableRecord",
    "first_day",
    "from_arrow",
    "from_dataframe",
    "plain_table",
    "read_parquet",
    "to_arrow",
    "to_dataframe",
    "to_parquet",
    "to_polars",
]

#: The record types that can be turned into tables.
TableRecord = (Source | Partner | Programme | Membership | Milestone | TrustFundProject
               | Coverage | Match)

_R = TypeVar("_R", Source, Partner, Programme, Membership, Milestone, TrustFundProject,
             Coverage, Match)
_TYPES: tuple[type[Any], ...] = tuple(TABLES)
_PRECISIONS = tuple(p.value for p in Precision)
_CONFIDENCES = ("low", "medium", "high")
#: Category lists with a natural order: the rest (kinds, areas, regions) have none.
_ORDERED = (_PRECISIONS, _CONFIDENCES)
# The Arrow schema metadata key that names the record type a table holds.
_META_KEY = b"nato_partners.record"


@attrs.frozen
class _Leaf:
    """A field of a record, or of a record inside it, that becomes one or two columns."""

    name: str
    path: tuple[str, ...]
    kind: str  # text, int, float, bool, date, category, list or sources
    vocabulary: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """The columns it becomes, as (name, column kind, categories)."""
        if self.kind == "date":
            return ((self.name, "date", ()),
                    (f"{self.name}_precision", "category", _PRECISIONS))
        if self.kind == "sources":
            return ((self.name, "list", ()), ("source_urls", "list", ()))
        if self.kind == "spells":
            return ((self.name, "list", ()),)
        return ((self.name, self.kind, self.vocabulary),)


def _leaves(cls: type[Any], prefix: tuple[str, ...] = ()) -> list[_Leaf]:
    hints = typing.get_type_hints(cls)
    leaves: list[_Leaf] = []
    for field in attrs.fields(cls):
        path = (*prefix, field.name)
        name = "_".join(path)
        kind = _strip_none(hints[field.name])
        item = typing.get_args(kind)[0] if typing.get_origin(kind) is tuple else None
        if kind is PartialDate:
            leaves.append(_Leaf(name, path, "date"))
        elif _is_vocabulary(kind):
            # Confidence's words run high to low in the enum; a table orders them upward.
            words = _CONFIDENCES if kind is Confidence else tuple(m.value for m in kind)
            leaves.append(_Leaf(name, path, "category", words))
        elif kind in (str, int, float, bool):
            leaves.append(_Leaf(name, path, kind.__name__.replace("str", "text")))
        elif item is Source:
            leaves.append(_Leaf(name, path, "sources"))
        elif item is str or _is_vocabulary(item):
            leaves.append(_Leaf(name, path, "list"))
        elif item is StateSpell:
            leaves.append(_Leaf(name, path, "spells"))
        elif attrs.has(kind):
            leaves.extend(_leaves(kind, path))
        else:  # pragma: no cover - a new field type in model.py must be handled here
            raise TypeError(f"no column type for {cls.__name__}.{field.name}: {kind!r}")
    return leaves


def _strip_none(kind: Any) -> Any:
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    return args[0] if typing.get_origin(kind) is not tuple and len(args) == 1 else kind


def _is_vocabulary(kind: Any) -> bool:
    # The closed vocabularies, and the other enumerations records hold (Precision).
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


_LEAVES = {cls: tuple(_leaves(cls)) for cls in _TYPES}
#: The columns written: the fields, after the id of a record whose id is not a field (a
#: membership's), so that a row can be joined to a panel's ``membership`` column.
_WRITTEN = {cls: (_Leaf("id", ("id",), "text"),) * (cls is Membership) + _LEAVES[cls]
            for cls in _TYPES}


#: Columns of codes that a table follows with a column of names, for the record types
#: that refer to partners and programmes (not Partner and Programme themselves).
_NAMED = {"partner": "partner_name", "programme": "programme_name"}
#: Every column of a table of each record type, in order: its kind and its categories.
_COLUMN_KINDS: dict[type[Any], dict[str, tuple[str, tuple[str, ...]]]] = {
    cls: {column: (kind, categories)
          for leaf in _WRITTEN[cls]
          for name, kind, categories in leaf.columns
          for column in (name, *([_NAMED[name]] if name in _NAMED else []))}
    for cls in _TYPES}
for _kinds in _COLUMN_KINDS.values():  # a name column is text, whatever its code's kind
    _kinds.update({name: ("text", ()) for name in _NAMED.values() if name in _kinds})


# -- records to columns --------------------------------------------------------------------


def plain_table(records: Iterable[TableRecord], cls: type[TableRecord] | None = None,
                dataset: Dataset | None = None) -> tuple[type[Any], dict[str, list[Any]]]:
    """The records as plain Python columns, those of every table and in the same order.

    What the DataFrames, Arrow tables and the command line's CSV are made from: dates as
    their first day (:class:`datetime.date`) with a ``_precision`` column, vocabulary words
    as text, lists as lists, ``partner_name`` and ``programme_name`` after the codes.

    :param records: records of one type.
    :param cls: the record type; needed only to get an empty table from no records.
    :param dataset: where to look up partner and programme names, as for
        :func:`to_dataframe`.
    :returns: the record type, and the columns by name.
    :raises TypeError: if the records are of several types, or not records.
    :raises ValueError: if there are no records and no ``cls``.
    """
    return _table(records, cls, dataset, "plain_table")


def _table(records: Iterable[Any], cls: type[Any] | None, dataset: Dataset | None,
           needed_by: str) -> tuple[type[Any], dict[str, list[Any]]]:
    dataset = _dataset_of(records, dataset)
    rows = list(records)
    cls = _record_type(rows, cls, needed_by)
    columns = _columns(rows, cls)
    for code, name in _NAMED.items():
        if code in columns:
            # The names beside the codes, so an analysis needs no merge to read them.
            columns[name] = _names(code, columns[code], dataset)
    return cls, {name: columns[name] for name in _COLUMN_KINDS[cls]}


def _record_type(records: Sequence[Any], cls: type[Any] | None, needed_by: str) -> type[Any]:
    """The one record type of ``records``, checked."""
    found = list(dict.fromkeys(type(r) for r in records))
    if cls is not None and cls not in _TYPES:
        raise TypeError(f"{needed_by} makes tables of {_type_names()}, not {cls!r}")
    if not found:
        if cls is None:
            raise ValueError(
                f"{needed_by} was given no records; pass cls= to get an empty table"
            )
        return cls
    if len(found) > 1 or (cls is not None and found[0] is not cls):
        names = ", ".join(t.__name__ for t in found)
        raise TypeError(
            f"{needed_by} needs records of one type per table, got {names}; "
            "make one table per record type"
        )
    if found[0] not in _TYPES:
        raise TypeError(f"{needed_by} makes tables of {_type_names()}, not {found[0].__name__}")
    return found[0]


def _type_names() -> str:
    return ", ".join(t.__name__ for t in _TYPES)


def _columns(records: Sequence[Any], cls: type[Any]) -> dict[str, list[Any]]:
    """The records as plain Python columns: the shared core of every export."""
    columns: dict[str, list[Any]] = {}
    for leaf in _WRITTEN[cls]:
        values = [_get(record, leaf.path) for record in records]
        if leaf.kind == "date":
            flat = [first_day(v) for v in values]
            columns[leaf.name] = [day for day, _ in flat]
            columns[f"{leaf.name}_precision"] = [precision for _, precision in flat]
        elif leaf.kind == "sources":
            columns[leaf.name] = [[s.id for s in v] for v in values]
            columns["source_urls"] = [[s.url for s in v] for v in values]
        elif leaf.kind == "category":
            columns[leaf.name] = [None if v is None else v.value for v in values]
        elif leaf.kind == "list":
            columns[leaf.name] = [[getattr(x, "value", x) for x in v] for v in values]
        elif leaf.kind == "spells":
            columns[leaf.name] = [[_spell_text(x) for x in v] for v in values]
        else:
            columns[leaf.name] = values
    return columns


def _get(record: object, path: tuple[str, ...]) -> Any:
    value: Any = record
    for name in path:
        value = None if value is None else getattr(value, name)
    return value


def first_day(date: PartialDate | None) -> tuple[datetime.date | None, str | None]:
    """A date as every table writes it: its period's first day, and its precision.

    :param date: the date, or ``None``.
    :returns: the first day as a plain :class:`datetime.date` (which pandas and Arrow read
        as a date; no pendulum is needed) and ``"year"``, ``"month"`` or ``"day"``; or
        ``(None, None)``.
    """
    if date is None:
        return None, None
    return datetime.date.fromordinal(date._first), date.precision.value


def to_dataframe(records: Iterable[TableRecord], cls: type[TableRecord] | None = None,
                 dataset: Dataset | None = None) -> pd.DataFrame:
    """Make a pandas DataFrame with one row per record, flattened as the module describes.

    :param records: records of one type, such as ``dataset.milestones()``.
    :param cls: the record type; needed only to get an empty table from no records.
    :param dataset: where to look up the names of the partners and programmes that
        memberships, milestones and projects refer to; if ``None``, the dataset the records
        came from (see :attr:`Results.dataset <nato_partners.Results.dataset>`), else the
        names are missing (not known).
    :returns: the DataFrame; dates are ``datetime64[s]``, vocabulary words and precisions
        are categoricals (precision and confidence ordered: year < month < day and
        low < medium < high), text is the ``string`` dtype, whole numbers ``Int64``; a
        ``partner_name`` and a ``programme_name`` column follow the codes.
    :raises ImportError: if pandas is not installed.
    :raises TypeError: if the records are of several types, or not records.
    :raises ValueError: if there are no records and no ``cls``.
    """
    pandas = require("pandas", "pandas", "to_dataframe")
    cls, columns = _table(records, cls, dataset, "to_dataframe")
    data: dict[str, Any] = {}
    for name, (kind, categories) in _COLUMN_KINDS[cls].items():
        values = columns[name]
        if kind == "category":
            data[name] = pandas.Categorical(values, categories=categories,
                                            ordered=categories in _ORDERED)
        elif kind == "list":
            data[name] = pandas.Series(values, dtype=object)
        else:
            data[name] = pandas.array(values, dtype=_PANDAS_TYPES[kind])
    return pandas.DataFrame(data, index=pandas.RangeIndex(len(next(iter(columns.values())))))


def _dataset_of(records: Iterable[Any], dataset: Dataset | None) -> Dataset | None:
    """The dataset given, or else the one query results say they came from."""
    return dataset if dataset is not None else getattr(records, "dataset", None)


def _names(column: str, codes: list[Any], dataset: Dataset | None) -> list[str | None]:
    if dataset is None:  # no dataset to ask: the names are not known
        return [None] * len(codes)
    find = dataset.partner if column == "partner" else dataset.programme
    names: dict[str, str | None] = {}
    for code in dict.fromkeys(codes):
        if code is None:
            continue
        try:
            names[code] = find(code).name
        except NotFoundError:
            names[code] = None  # a record of another dataset: its name is not known here
    return [None if code is None else names[code] for code in codes]


_PANDAS_TYPES = {"text": "string", "int": "Int64", "float": "Float64", "bool": "boolean",
                 "date": "datetime64[s]"}


def to_arrow(records: Iterable[TableRecord], cls: type[TableRecord] | None = None,
             dataset: Dataset | None = None) -> pa.Table:
    """Make a :class:`pyarrow.Table` with one row per record, flattened as the module describes.

    The schema's metadata names the record type, so :func:`from_arrow` can tell a table of
    milestones from a table of memberships.

    :param records: records of one type.
    :param cls: the record type; needed only to get an empty table from no records.
    :param dataset: where to look up partner and programme names, as for
        :func:`to_dataframe`.
    :returns: the table; dates are ``date32``, vocabulary words and precisions are
        dictionary-encoded strings whose dictionary is the whole vocabulary, lists are
        ``list<string>``.
    :raises ImportError: if pyarrow is not installed.
    :raises TypeError: if the records are of several types, or not records.
    :raises ValueError: if there are no records and no ``cls``.
    """
    pa = require("pyarrow", "arrow", "to_arrow")
    cls, columns = _table(records, cls, dataset, "to_arrow")
    arrow_types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(),
                   "bool": pa.bool_(), "date": pa.date32(), "list": pa.list_(pa.string())}
    arrays: dict[str, Any] = {}
    for name, (kind, categories) in _COLUMN_KINDS[cls].items():
        values = columns[name]
        if kind == "category":
            index = {value: i for i, value in enumerate(categories)}
            arrays[name] = pa.DictionaryArray.from_arrays(
                pa.array([None if v is None else index[v] for v in values], pa.int8()),
                pa.array(categories, pa.string()),
            )
        else:
            arrays[name] = pa.array(values, arrow_types[kind])
    return pa.table(arrays, metadata={_META_KEY: cls.__name__.encode()})


def to_polars(records: Iterable[TableRecord], cls: type[TableRecord] | None = None,
              dataset: Dataset | None = None) -> pl.DataFrame:
    """Make a polars DataFrame with one row per record, by way of :func:`to_arrow`.

    :param records: records of one type.
    :param cls: the record type; needed only to get an empty table from no records.
    :param dataset: where to look up partner and programme names, as for
        :func:`to_dataframe`.
    :returns: the DataFrame, with the columns and types of the Arrow table (vocabulary
        words as categoricals).
    :raises ImportError: if polars or pyarrow is not installed.
    :raises TypeError: if the records are of several types, or not records.
    :raises ValueError: if there are no records and no ``cls``.
    """
    polars = require("polars", "polars", "to_polars")
    frame = polars.from_arrow(to_arrow(records, cls, dataset))
    return cast("pl.DataFrame", frame)


def to_parquet(records: Iterable[TableRecord], path: str | os.PathLike[str],
               cls: type[TableRecord] | None = None, dataset: Dataset | None = None) -> None:
    """Write records to a Parquet file, as the table :func:`to_arrow` makes.

    :param records: records of one type.
    :param path: the file to write; it is replaced if it exists.
    :param cls: the record type; needed only to write an empty table.
    :param dataset: where to look up partner and programme names, as for
        :func:`to_dataframe`.
    :raises ImportError: if pyarrow is not installed.
    :raises TypeError: if the records are of several types, or not records.
    :raises ValueError: if there are no records and no ``cls``.
    """
    parquet = require("pyarrow.parquet", "arrow", "to_parquet")
    parquet.write_table(to_arrow(records, cls, dataset), os.fspath(path))


# -- columns to records --------------------------------------------------------------------


def from_dataframe(frame: pd.DataFrame, cls: type[_R], dataset: Dataset | None = None
                   ) -> tuple[_R, ...]:
    """Read records back from a DataFrame made by :func:`to_dataframe`.

    :param frame: the DataFrame; its columns may be in any order, and extra columns are
        ignored.
    :param cls: the record type the rows hold, such as :class:`~nato_partners.Milestone`.
    :param dataset: where to look up the sources the rows cite by id (needed for every
        record type but :class:`~nato_partners.Coverage` and :class:`~nato_partners.Match`).
    :returns: the records, in row order.
    :raises ImportError: if pandas is not installed.
    :raises TypeError: if ``cls`` is not a record type that makes tables.
    :raises ValueError: if a column is missing, or no dataset is given where one is
        needed.
    :raises DataError: listing every cell that does not make a valid record.
    """
    require("pandas", "pandas", "from_dataframe")
    _record_type([], cls, "from_dataframe")
    _check_columns(frame.columns, cls)
    columns = {
        name: frame[name].astype(object).where(frame[name].notna(), None).tolist()
        for name in _needed(cls)
    }
    return _records(columns, len(frame), cls, dataset)


def from_arrow(table: pa.Table, cls: type[_R], dataset: Dataset | None = None
               ) -> tuple[_R, ...]:
    """Read records back from an Arrow table made by :func:`to_arrow`.

    :param table: the table; extra columns are ignored.
    :param cls: the record type the rows hold.
    :param dataset: where to look up the sources the rows cite by id (needed for every
        record type but :class:`~nato_partners.Coverage` and :class:`~nato_partners.Match`).
    :returns: the records, in row order.
    :raises ImportError: if pyarrow is not installed.
    :raises TypeError: if ``cls`` is not a record type that makes tables, or the table's
        metadata says it holds another type.
    :raises ValueError: if a column is missing, or no dataset is given where one is
        needed.
    :raises DataError: listing every cell that does not make a valid record.
    """
    require("pyarrow", "arrow", "from_arrow")
    _record_type([], cls, "from_arrow")
    stored = (table.schema.metadata or {}).get(_META_KEY)
    if stored is not None and stored.decode() != cls.__name__:
        raise TypeError(f"the table holds {stored.decode()} records, not {cls.__name__}")
    _check_columns(table.column_names, cls)
    columns = {name: table.column(name).to_pylist() for name in _needed(cls)}
    return _records(columns, table.num_rows, cls, dataset)


def read_parquet(path: str | os.PathLike[str], cls: type[_R], dataset: Dataset | None = None
                 ) -> tuple[_R, ...]:
    """Read records back from a Parquet file written by :func:`to_parquet`.

    :param path: the file.
    :param cls: the record type the file holds.
    :param dataset: where to look up the sources the rows cite by id (needed for every
        record type but :class:`~nato_partners.Coverage` and :class:`~nato_partners.Match`).
    :returns: the records, in row order.
    :raises ImportError: if pyarrow is not installed.
    :raises OSError: if the file cannot be read.
    :raises TypeError: if the file holds another record type.
    :raises ValueError: if a column is missing, or no dataset is given where one is
        needed.
    :raises DataError: listing every cell that does not make a valid record.
    """
    parquet = require("pyarrow.parquet", "arrow", "read_parquet")
    return from_arrow(parquet.read_table(os.fspath(path)), cls, dataset)


def _needed(cls: type[Any]) -> list[str]:
    # source_urls only repeats what the dataset's sources say, so reading ignores it.
    return [name for leaf in _LEAVES[cls] for name, _, _ in leaf.columns
            if name != "source_urls"]


def _check_columns(present: Iterable[object], cls: type[Any]) -> None:
    missing = sorted(set(_needed(cls)) - {str(name) for name in present})
    if missing:
        raise ValueError(
            f"a table of {cls.__name__} records needs the columns {', '.join(missing)}"
        )


def _records(columns: Mapping[str, list[Any]], count: int, cls: type[_R],
             dataset: Dataset | None) -> tuple[_R, ...]:
    # Only reading a table back needs the converter; writing one, as the command line
    # does, need not import it.
    from .convert import structure_or_describe

    sources: dict[str, Source] = {}
    if any(leaf.kind == "sources" for leaf in _LEAVES[cls]):
        if dataset is None:
            raise ValueError(f"reading {cls.__name__} records back needs the dataset whose "
                             "sources they cite: pass dataset=")
        sources = {s.id: s for s in dataset.sources()}
    records: list[_R] = []
    problems: list[Problem] = []
    for row in range(count):
        label = _row_label(columns, row)
        data = _unflatten(columns, row, cls, sources, label, problems)
        result = structure_or_describe(data, cls, None, label)
        if isinstance(result, list):
            problems.extend(result)
        else:
            records.append(result)
    if problems:
        raise DataError(problems)
    return tuple(records)


def _row_label(columns: Mapping[str, list[Any]], row: int) -> str:
    for key in ("id", "code"):
        value = columns.get(key, [None] * (row + 1))[row]
        if isinstance(value, str):
            return value
    return f"row {row}"


def _unflatten(columns: Mapping[str, list[Any]], row: int, cls: type[Any],
               sources: Mapping[str, Source], label: str, problems: list[Problem]
               ) -> dict[str, Any]:
    """One row as the plain data the converter structures, with sources looked up."""
    data: dict[str, Any] = {}
    for leaf in _LEAVES[cls]:
        value = columns[leaf.name][row]
        if leaf.kind == "date":
            value = _partial_date(value, columns[f"{leaf.name}_precision"][row], leaf.name,
                                  label, problems)
        elif leaf.kind == "int" and isinstance(value, numbers.Real) \
                and float(value).is_integer():
            # A column of whole numbers with gaps may have become floats on its way.
            value = int(float(value))
        elif leaf.kind == "float" and isinstance(value, numbers.Real):
            value = float(value)
        elif leaf.kind == "bool" and hasattr(value, "item"):
            value = value.item()  # numpy's bool_ is not the bool the converter insists on
        elif leaf.kind in ("list", "sources"):
            value = _plain_list(value)
        elif leaf.kind == "spells":
            value = _plain_list(value)
            if isinstance(value, list):
                value = [_spell_data(x) for x in value]
        elif isinstance(value, str):
            value = str(value)  # numpy's str_ is not the str the converter insists on
        if leaf.kind == "sources" and isinstance(value, list):
            value = _cited(value, sources, leaf.name, label, problems)
        if value is not None:
            target = data
            for name in leaf.path[:-1]:
                target = target.setdefault(name, {})
            target[leaf.path[-1]] = value
    return data


def _spell_text(spell: StateSpell) -> str:
    """A state period in one cell of text: ``system:code:start:end`` (end empty if open)."""
    return f"{spell.system.value}:{spell.code}:{spell.start}:{spell.end or ''}"


def _spell_data(text: Any) -> Any:
    """The plain data of a state period written by :func:`_spell_text`; anything else is
    passed on as it is, for the converter to describe."""
    parts = text.split(":") if isinstance(text, str) else []
    if len(parts) != 4 or not (parts[1].isascii() and parts[1].isdigit()):
        return text
    data: dict[str, Any] = {"system": parts[0], "code": int(parts[1]), "start": parts[2]}
    if parts[3]:
        data["end"] = parts[3]
    return data


def _plain_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        return value  # the converter reports it as not a list
    return [str(x) if isinstance(x, str) else x for x in value]


def _partial_date(day: Any, precision: Any, field: str, label: str,
                  problems: list[Problem]) -> str | None:
    """The ISO text of the partial date that a first day and a precision stand for."""
    if day is None and precision is None:
        return None
    if isinstance(day, datetime.datetime):
        day = day.date()
    if not isinstance(day, datetime.date) or precision not in _PRECISIONS:
        problems.append(Problem(
            record=label, field=field, value=f"{day} ({precision})",
            expected=f"a date with its precision in {field}_precision, or neither",
        ))
        return None
    date = PartialDate(
        day.year,
        None if precision == "year" else day.month,
        day.day if precision == "day" else None,
    )
    if first_day(date)[0] != day:
        problems.append(Problem(
            record=label, field=field, value=day.isoformat(),
            expected=f"the first day of the {precision}, as {field} holds",
        ))
        return None
    return str(date)


def _cited(ids: list[Any], sources: Mapping[str, Source], field: str, label: str,
           problems: list[Problem]) -> list[Any]:
    found: list[Any] = []
    for index, key in enumerate(ids):
        if isinstance(key, str) and key not in sources:
            problems.append(Problem(record=label, field=f"{field}[{index}]", value=key,
                                    expected="the id of a source in the dataset"))
        else:
            found.append(sources.get(key, key) if isinstance(key, str) else key)
    return found
