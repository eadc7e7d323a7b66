"""Citations for what a piece of work uses: the sources behind records, and the data itself.

:func:`cite` gives a bibliography in one of three styles:

- ``"bibtex"``: one ``@misc`` entry per source (BibTeX and biblatex read it);
- ``"csl-json"``: a JSON list of CSL items, which Zotero, pandoc and every CSL processor
  read;
- ``"text"``: one plain reference per line.

Each source appears once, with its publisher, its address and its date at the precision
the data holds (a year, a month or a day). Citing the dataset itself, or nothing in
particular, gives the entry for the library and its data version.

>>> from nato_partners import memberships
>>> cite(memberships("AZ", "pfp"), style="text").splitlines()[0].split(". ")[:2]
['caliber-agencies-visit', 'Caliber.Az']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, Literal

from ._version import __data_version__, __version__
from .dates import PartialDate
from .model import Source

__all__ = ["cite"]

Style = Literal["bibtex", "csl-json", "text"]

#: The entry for the library and its data, for work that uses the dataset as a whole.
_SELF_ID = "nato-partners"
_SELF_TITLE = "nato_partners: NATO's partnerships as typed, sourced, queryable data"
_SELF_AUTHOR = "The nato_partners developers"


def cite(obj: object = None, style: Style = "text") -> str:
    """Cite a record, a query's results or the dataset, in a bibliography style.

    :param obj: a record (its sources are cited), any iterable of records such as a
        query's :class:`~nato_partners.Results` (every source once, by id), a
        :class:`~nato_partners.Source`, or a :class:`~nato_partners.Dataset` or ``None``
        (the library and its data version).
    :param style: ``"text"`` (the default), ``"bibtex"`` or ``"csl-json"``.
    :returns: the bibliography as text.
    :raises TypeError: if ``obj`` is none of those.
    :raises ValueError: if ``style`` is unknown.
    """
    writers = {"bibtex": _bibtex, "csl-json": _csl_json, "text": _text}
    if style not in writers:
        raise ValueError(f"unknown style {style!r}; expected bibtex, csl-json or text")
    version = _data_version(obj)
    sources = None if version is not None else _sources(obj)
    return writers[style](sources, version)


def _data_version(obj: object) -> str | None:
    """The data version to cite when ``obj`` stands for the dataset itself."""
    if obj is None:
        return __data_version__
    info = getattr(obj, "info", None)  # a Dataset, without importing the module
    if info is not None and hasattr(info, "version"):
        return str(info.version)
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
        raise TypeError(f"cite() takes a record, records, a Source or a Dataset, not "
                        f"{type(obj).__name__}")
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


# -- plain text --------------------------------------------------------------------------


def _text(sources: list[Source] | None, version: str | None) -> str:
    if sources is None:
        return (f"{_SELF_AUTHOR}. {_SELF_TITLE}. Version {__version__}, data version "
                f"{version}.\n")
    lines = []
    for source in sources:
        parts = [source.id, source.publisher, source.title]
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


def _bibtex(sources: list[Source] | None, version: str | None) -> str:
    if sources is None:
        fields = [("title", _braced(_SELF_TITLE)), ("author", "{" + _braced(_SELF_AUTHOR) + "}"),
                  ("version", _braced(__version__)), ("note", _braced(f"Data version {version}"))]
        return _entry(_SELF_ID, fields)
    entries = []
    for source in sources:
        # The publisher is an organisation: double braces keep BibTeX from splitting it
        # into a first and a last name.
        fields = [("title", _braced(source.title)),
                  ("author", "{" + _braced(source.publisher) + "}"),
                  ("organization", _braced(source.publisher))]
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


def _csl_json(sources: list[Source] | None, version: str | None) -> str:
    items: list[dict[str, Any]]
    if sources is None:
        items = [{"id": _SELF_ID, "type": "dataset", "title": _SELF_TITLE,
                  "author": [{"literal": _SELF_AUTHOR}], "version": __version__,
                  "note": f"Data version {version}"}]
    else:
        items = []
        for source in sources:
            item: dict[str, Any] = {"id": source.id, "type": "webpage",
                                    "title": source.title, "publisher": source.publisher,
                                    "author": [{"literal": source.publisher}]}
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
