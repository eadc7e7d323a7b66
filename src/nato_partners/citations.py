"""Citations for what a piece of work uses: the sources behind records, and the data itself.

:func:`cite` gives a bibliography in one of three styles:

- ``"bibtex"``: one ``@misc`` entry per source (BibTeX and biblatex read it);
- ``"csl-json"``: a JSON list of CSL items, which Zotero, pandoc and every CSL processor
  read;
- ``"text"``: one plain reference per line.

Each source appears once, with its author where a person wrote it, its publisher, its
address and its date at the precision the data holds (a year, a month or a day). A table
(a panel, spells, an export) is cited by the sources behind its cells. Citing the dataset
itself, or nothing in particular, gives the entry for the library and its data: versions,
year, licence and address.

>>> from nato_partners import memberships
>>> cite(memberships("AZ", "pfp"), style="text").splitlines()[0].split(". ")[:2]
['caliber-agencies-visit', 'Caliber.Az']
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from ._version import __data_reviewed__, __data_version__, __version__
from .dates import PartialDate
from .errors import NotFoundError
from .model import Source
from .state_lists import LIST_SOURCES

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["LICENCE", "PROJECT_URL", "cite"]

#: Where the library and its data are published (``pip install nato-partners``).
PROJECT_URL = "https://pypi.org/project/nato-partners/"
#: The licence of the library and its data.
LICENCE = "MIT"

#: The entry for the library and its data, for work that uses the dataset as a whole.
_SELF_ID = "nato-partners"
_SELF_TITLE = "nato_partners: NATO's partnerships as typed, sourced, queryable data"
_SELF_AUTHOR = "The nato_partners developers"


def cite(obj: object = None, style: Literal["bibtex", "csl-json", "text"] = "text", *,
         dataset: Dataset | None = None) -> str:
    """Cite a record, a query's results, a table or the dataset, in a bibliography style.

    :param obj: a record (its sources are cited), any iterable of records such as a
        query's :class:`~nato_partners.Results` (every source once, by id), a
        :class:`~nato_partners.Source`, a table (a pandas or polars DataFrame, an Arrow
        table) from :func:`~nato_partners.panel`, :func:`~nato_partners.spells` or an
        export, or a :class:`~nato_partners.Dataset` or ``None`` (the library and its
        data: title, versions, year, licence and address). A table's citation is the
        sources behind its cells: those of the memberships it names (its ``membership``
        or ``*_membership`` columns, or a membership table's ``id``), those a record
        table lists in ``sources``, those of each programme where a cell is 0 or -1
        (the programme's whole membership and its dates), and the state lists where it
        has ``cow_code`` or ``gw_code`` columns.
    :param style: ``"text"`` (the default), ``"bibtex"`` or ``"csl-json"``.
    :param dataset: where a table's ids are looked up; the bundled dataset if ``None``.
    :returns: the bibliography as text.
    :raises TypeError: if ``obj`` is none of those.
    :raises ValueError: if ``style`` is unknown.
    :raises NotFoundError: if a table names a record the dataset does not hold.
    """
    writers = {"bibtex": _bibtex, "csl-json": _csl_json, "text": _text}
    if style not in writers:
        raise ValueError(f"unknown style {style!r}; expected bibtex, csl-json or text")
    itself = _itself(obj)
    if itself is not None:
        return writers[style](None, itself)
    columns = _table_columns(obj)
    sources = _sources(obj) if columns is None else _table_sources(columns, dataset)
    return writers[style](sources, None)


class _Itself:
    """What a citation of the dataset as a whole says."""

    def __init__(self, version: str, reviewed: str) -> None:
        self.version = version
        self.year = int(reviewed[:4])


def _itself(obj: object) -> _Itself | None:
    """The dataset to cite as a whole, when ``obj`` stands for it."""
    if obj is None:
        return _Itself(__data_version__, __data_reviewed__)
    info = getattr(obj, "info", None)  # a Dataset, without importing the module
    if info is not None and hasattr(info, "version") and hasattr(info, "reviewed"):
        return _Itself(str(info.version), str(info.reviewed))
    return None


def _sources(obj: object) -> list[Source]:
    if isinstance(obj, Source):
        return [obj]
    records: Iterable[Any]
    if hasattr(obj, "sources") and not isinstance(obj, Iterable):
        records = [obj]
    elif isinstance(obj, Iterable) and not isinstance(obj, str | bytes):
        records = obj
    else:
        raise TypeError(f"cite() takes a record, records, a table, a Source or a Dataset, "
                        f"not {type(obj).__name__}")
    found: dict[str, Source] = {}
    for record in records:
        if isinstance(record, Source):
            found.setdefault(record.id, record)
            continue
        cited = getattr(record, "sources", None)
        if cited is None:
            raise TypeError(f"cite() cannot cite a {type(record).__name__}")
        for source in cited:
            found.setdefault(source.id, source)
    return [found[key] for key in sorted(found)]


# -- tables ------------------------------------------------------------------------------


def _table_columns(obj: object) -> dict[str, list[Any]] | None:
    """A table's columns as lists (pandas, polars or Arrow), or ``None`` for no table."""
    if isinstance(obj, Iterable) and not hasattr(obj, "columns") \
            and not hasattr(obj, "column_names"):
        return None
    names = getattr(obj, "column_names", None)  # an Arrow table
    if names is not None:
        return {str(n): obj[n].to_pylist() for n in names}  # type: ignore[index]
    names = getattr(obj, "columns", None)
    if names is None:
        return None
    return {str(n): list(obj[n]) for n in names}  # type: ignore[index]


def _decided(code: Any) -> bool:
    """Whether a status code is 0 or -1, which rest on a programme's list and dates."""
    return isinstance(code, numbers.Real) and _present(code) and code <= 0


def _present(value: Any) -> bool:
    """Whether a cell holds a value (not None, NaN or pandas' NA)."""
    try:
        return value is not None and bool(value == value)
    except TypeError:  # pandas.NA refuses a truth value
        return False


def _table_sources(columns: dict[str, list[Any]], dataset: Dataset | None) -> list[Source]:
    if dataset is None:
        from .loading import load

        dataset = load()
    found: dict[str, Source] = {}

    def add(sources: Iterable[Source]) -> None:
        for source in sources:
            found.setdefault(source.id, source)

    ids = [columns.get("membership", [])] + [
        values for name, values in columns.items() if name.endswith("_membership")]
    if {"id", "programme", "joined"} <= columns.keys():  # a table of memberships
        ids.append(columns["id"])
    for column in ids:
        for key in dict.fromkeys(v for v in column if _present(v)):
            add(dataset.membership(str(key)).sources)
    by_id = {source.id: source for source in dataset.sources()}
    for cell in columns.get("sources", []):
        if isinstance(cell, Iterable) and not isinstance(cell, str):
            for key in cell:
                if key not in by_id:
                    raise NotFoundError("source", str(key))
                add([by_id[key]])
    # A 0 rests on the programme's whole membership, a -1 on its dates.
    decided: set[str] = set()
    if "programme" in columns and "status" in columns:
        decided = {str(p) for p, code in zip(columns["programme"], columns["status"],
                                              strict=True) if _decided(code)}
    for programme in dataset.programmes():
        values = columns.get(programme.id.replace("-", "_"), [])
        if programme.id in decided or any(_decided(v) for v in values):
            add(programme.sources)
    for system, key in LIST_SOURCES.items():
        if f"{system.value}_code" in columns and key in by_id:
            add([by_id[key]])
    return [found[key] for key in sorted(found)]


# -- plain text --------------------------------------------------------------------------


def _text(sources: list[Source] | None, itself: _Itself | None) -> str:
    if sources is None:
        assert itself is not None
        return (f"{_SELF_AUTHOR} ({itself.year}). {_SELF_TITLE}. Version {__version__}, "
                f"data version {itself.version}. Licence: {LICENCE}. {PROJECT_URL}\n")
    lines = []
    for source in sources:
        parts = [source.id, source.author or source.publisher, source.title]
        if source.author:
            parts.append(source.publisher)
        if source.published is not None:
            parts.append(str(source.published))
        if source.url:
            parts.append(source.url)
        lines.append(". ".join(part.rstrip(".") for part in parts))
    return "".join(line + "\n" for line in lines)


# -- BibTeX -------------------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def _braced(text: str) -> str:
    """Text as a BibTeX field value: specials escaped, capitals kept as written."""
    escaped = _SPECIAL.sub(lambda m: {"\\": r"\textbackslash{}", "^": r"\^{}",
                                      "~": r"\~{}"}.get(m.group(1), "\\" + m.group(1)),
                           text)
    return "{" + escaped + "}"


def _bibtex_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", text)


def _bibtex(sources: list[Source] | None, itself: _Itself | None) -> str:
    if sources is None:
        assert itself is not None
        fields = [("title", _braced(_SELF_TITLE)), ("author", "{" + _braced(_SELF_AUTHOR) + "}"),
                  ("year", "{" + str(itself.year) + "}"), ("version", _braced(__version__)),
                  ("url", "{" + PROJECT_URL + "}"),
                  ("note", _braced(f"Data version {itself.version}. Licence: {LICENCE}"))]
        return _entry(_SELF_ID, fields)
    entries = []
    for source in sources:
        # A publisher is an organisation: double braces keep BibTeX from splitting it
        # into a first and a last name. A person who wrote it is the author instead, and
        # the publisher is named once, not as both.
        author = (_braced(source.author) if source.author
                  else "{" + _braced(source.publisher) + "}")
        fields = [("title", _braced(source.title)), ("author", author)]
        if source.author:
            fields.append(("organization", _braced(source.publisher)))
        fields += _bibtex_date(source.published)
        if source.url:
            fields += [("url", "{" + source.url.replace("}", "%7D").replace("{", "%7B") + "}"),
                       ("howpublished", "{\\url{" + source.url.replace("}", "%7D")
                        .replace("{", "%7B") + "}}")]
        if source.note:
            fields.append(("note", _braced(source.note)))
        entries.append(_entry(source.id, fields))
    return "\n".join(entries)


def _bibtex_date(date: PartialDate | None) -> list[tuple[str, str]]:
    if date is None:
        return []
    fields = [("year", "{" + f"{date.year:04d}" + "}")]
    if date.month is not None:
        fields.append(("month", _MONTHS[date.month - 1]))
    fields.append(("date", "{" + str(date) + "}"))  # biblatex keeps the precision
    return fields


def _entry(key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{_bibtex_key(key)},\n{body}\n}}\n"


# -- CSL-JSON -----------------------------------------------------------------------------


def _csl_json(sources: list[Source] | None, itself: _Itself | None) -> str:
    items: list[dict[str, Any]]
    if sources is None:
        assert itself is not None
        items = [{"id": _SELF_ID, "type": "dataset", "title": _SELF_TITLE,
                  "author": [{"literal": _SELF_AUTHOR}], "version": __version__,
                  "issued": {"date-parts": [[itself.year]]}, "URL": PROJECT_URL,
                  "note": f"Data version {itself.version}. Licence: {LICENCE}"}]
    else:
        items = []
        for source in sources:
            # Where the publisher wrote it, it is the author and is not named twice (APA
            # would print "NATO. (2004). Title. NATO.").
            item: dict[str, Any] = {"id": source.id, "type": "webpage",
                                    "title": source.title,
                                    "author": [{"literal": source.author or source.publisher}]}
            if source.author:
                item["publisher"] = source.publisher
            if source.published is not None:
                parts = [source.published.year, source.published.month,
                         source.published.day]
                item["issued"] = {"date-parts": [[p for p in parts if p is not None]]}
            if source.url:
                item["URL"] = source.url
            if source.note:
                item["note"] = source.note
            items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
