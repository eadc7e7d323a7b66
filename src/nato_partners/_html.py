"""HTML for Jupyter's rich display of records and query results.

Jupyter calls ``_repr_html_`` on the last value of a cell; records get it from
:class:`HtmlRepr`, query results from :class:`~nato_partners.results.Results`, and the
answers :class:`~nato_partners.NotKnown` and :class:`~nato_partners.Status` from
:func:`answer_html`. A record shows as a table with a row per field, the fields it leaves
empty named together in a last row; a list of records as a table with a row per record.
Dates read as the sources give them ("March 1992", not 1 March 1992) inside a ``<time>``
element, and sources are links to the documents. Every piece of text is escaped.

A list of records is shown compactly, as pandas shows a long DataFrame: more than
:data:`MAX_ROWS` records show the first and the last few with a count; a column no record
fills is left out and named in the caption; long text is cut, whole in the cell's
tooltip; a record's sources are its publishers, each a link; a record inside a record is
its name. ``to_dataframe()`` gives every row and column in full.

This module imports no record types, so that :mod:`nato_partners.model` can use it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from .dates import PartialDate, Precision

__all__ = ["MAX_ROWS", "SHOWN_ROWS", "HtmlRepr", "answer_html", "date_text", "record_html",
           "results_html"]

# English month names, fixed so that the output does not depend on the locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SAFE_SCHEMES = ("https://", "http://")

#: A list of more records than this shows only its first and last few, as pandas does. A
#: row of records is several lines of prose and sources, not one line of figures, so the
#: limit is lower than pandas' 60: twenty rows already fill a few screens.
MAX_ROWS = 20
#: How many records a shortened list shows: half from its start, half from its end.
SHOWN_ROWS = 10
# Text longer than this many characters is cut in a list of records, which has a column
# per field side by side; the whole text is in the cell's tooltip.
_CUT = 100

# Jupyter's and VS Code's stylesheets right-align table cells, centre captions and space
# lists out, which suits figures, not prose with sources. The rules are scoped to the
# library's own tables and marked important so that the notebook's own rules yield; the
# same alignment is set inline too, for front ends that drop <style> elements.
_STYLE = (
    "<style>"
    ".nato-partners-record,.nato-partners-results{border-collapse:collapse;"
    "font-size:0.9em;margin:0.3em 0!important}"
    ".nato-partners-record caption,.nato-partners-results caption{text-align:left!important;"
    "font-weight:bold;padding:0.2em 0}"
    ".nato-partners-record th,.nato-partners-record td,.nato-partners-results th,"
    ".nato-partners-results td{text-align:left!important;vertical-align:top!important;"
    "padding:0.25em 0.6em!important;max-width:32em;white-space:normal!important}"
    ".nato-partners-record th{white-space:nowrap!important}"
    ".nato-partners-record ul,.nato-partners-results ul{margin:0!important;"
    "padding-left:1.1em!important}"
    ".nato-partners-record li,.nato-partners-results li{margin:0!important}"
    ".nato-partners-results td.nato-partners-gap{text-align:center!important;"
    "color:#666}"
    "</style>"
)
_CELL = ' style="text-align:left;vertical-align:top"'


class HtmlRepr:
    """The base of every record: it gives the record an HTML display in Jupyter."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return record_html(self)


def date_text(date: PartialDate) -> str:
    """Write a partial date at its precision, as a reader would: ``"4 May 1994"``.

    :param date: the date.
    :returns: ``"1992"``, ``"March 1992"`` or ``"4 May 1994"``.
    """
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month - 1]
    if date.day is None:
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


def record_html(record: Any) -> str:
    """Show a record as an HTML table with a row per field.

    The fields the record leaves empty share one last row, ``no value``, that names them,
    so a record with many optional fields (a Trust Fund project has 22) stays short.

    :param record: any :mod:`attrs` record of the library.
    :returns: the HTML.
    """
    rows = []
    empty = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if _empty(value):
            empty.append(field.name)
            continue
        rows.append(f"<tr><th{_CELL}>{_text(field.name)}</th>"
                    f"<td{_CELL}>{_value(field.name, value)}</td></tr>")
    if empty:
        rows.append(f"<tr><th{_CELL}>no value</th><td{_CELL}>{_text(', '.join(empty))}</td>"
                    "</tr>")
    return (f'{_STYLE}<table class="nato-partners-record"><caption>'
            f"{_text(_caption(record))}</caption><tbody>{''.join(rows)}</tbody></table>")


def results_html(records: Iterable[Any]) -> str:
    """Show records as an HTML table with a row per record and a column per field.

    Records of several types share the columns of fields with the same name, and a first
    ``record`` column names each row's type. More than :data:`MAX_ROWS` records show the
    first and the last :data:`SHOWN_ROWS` between them, and a row in the middle says how
    many are left out; a column that no record fills is left out and named in the caption.
    Cells are compact: long text is cut (whole in the tooltip), sources are their
    publishers, each a link to the document, and a record inside a record is its name.

    :param records: records of the library; a :class:`~nato_partners.Results` with no
        records still gets the columns of its ``record_type``.
    :returns: the HTML.
    """
    found = list(records)
    types = list(dict.fromkeys(type(r) for r in found))
    if not types and attrs.has(getattr(records, "record_type", None) or object):
        types = [records.record_type]  # type: ignore[attr-defined]
    fields = list(dict.fromkeys(f.name for t in types for f in attrs.fields(t)))
    names = [n for n in fields if not found
             or any(not _empty(getattr(r, n, None)) for r in found)]
    empty = [n for n in fields if n not in names]
    mixed = len(types) > 1
    head = "".join(f"<th{_CELL}>{_text(n)}</th>"
                   for n in (["record"] if mixed else []) + names)
    if len(found) > MAX_ROWS:
        half = SHOWN_ROWS // 2
        shown: list[Any] = [*found[:half], None, *found[-half:]]
    else:
        shown = found
    body = []
    for record in shown:
        if record is None:
            left_out = len(found) - 2 * (SHOWN_ROWS // 2)
            width = len(names) + mixed
            body.append(f'<tr><td class="nato-partners-gap" colspan="{width}">'
                        f"\u22ee {left_out:,} more records \u22ee</td></tr>")
            continue
        cells = [f"<td{_CELL}>{_text(type(record).__name__)}</td>"] if mixed else []
        cells.extend(_cell(n, getattr(record, n)) if hasattr(record, n)
                     else f"<td{_CELL}></td>" for n in names)
        body.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"{len(found):,} record{'' if len(found) == 1 else 's'}"
    if len(shown) < len(found):
        caption += (f", the first {SHOWN_ROWS // 2} and the last {SHOWN_ROWS // 2} shown "
                    "(to_dataframe() has them all)")
    if empty and found:
        caption += f"; no record has a value for {', '.join(empty)}"
    return (f'{_STYLE}<table class="nato-partners-results"><caption>{_text(caption)}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def answer_html(answer: Any) -> str:
    """Show an answer, a :class:`~nato_partners.NotKnown` or a status, as what it is.

    :param answer: a :class:`~nato_partners.NotKnown` (which has a ``reason``) or a
        :class:`~nato_partners.Status`.
    :returns: the HTML: the answer in bold and, for "not known", the reason after it.
    """
    if isinstance(answer, enum.Enum):
        return (f'<span class="nato-partners-answer"><strong>{_text(answer.value)}</strong>'
                f" <code>{_text(type(answer).__name__)}.{_text(answer.name)}</code></span>")
    return (f'<span class="nato-partners-answer"><strong>{_text(answer)}</strong>: '
            f"{_text(answer.reason)}</span>")


def _empty(value: object) -> bool:
    # False and 0 are values; only a field left out is empty.
    return value is None or value == () or value == ""


def _cell(name: str, value: object) -> str:
    """One compact cell of a list of records."""
    if isinstance(value, str) and len(value) > _CUT:
        # Cut at a word, so that a cut word is not read as a whole one.
        cut = value[:_CUT].rsplit(" ", 1)[0].rstrip(" ,;:.")
        return (f'<td{_CELL} title="{_text(value)}">{_text(cut)}\u2009\u2026</td>')
    if name == "sources" and isinstance(value, tuple):
        return f"<td{_CELL}>{_publishers(value)}</td>"
    if attrs.has(type(value)) and not isinstance(value, PartialDate):
        return f"<td{_CELL}>{_text(_name(value))}</td>"
    if isinstance(value, tuple) and value and all(attrs.has(type(v)) for v in value):
        # A line each, unbroken: a country's periods as a state read as a short list.
        lines = "<br>".join(f'<span style="white-space:nowrap">{_text(_name(v))}</span>'
                            for v in value)
        return f"<td{_CELL}>{lines}</td>"
    return f"<td{_CELL}>{_value(name, value)}</td>"


def _name(record: Any) -> str:
    """What a record inside another is called: a mission's name, a period's label."""
    for attribute in ("name", "label", "id"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    return type(record).__name__


def _publishers(sources: tuple[Any, ...]) -> str:
    """A record's sources in a list of records: each publisher once, linked to its first
    document, its other documents as numbers after it (``NATO [2] [3]``); every link has
    the document's title as its tooltip."""
    documents: dict[str, list[Any]] = {}
    for source in sources:
        documents.setdefault(source.publisher, []).append(source)
    return "; ".join(
        " ".join(_publisher(source, source.publisher if n == 1 else f"[{n}]")
                 for n, source in enumerate(cited, start=1))
        for cited in documents.values())


def _publisher(source: Any, text: str) -> str:
    title = source.title if source.published is None else (
        f"{source.title} ({date_text(source.published)})")
    url = source.url
    if isinstance(url, str) and url.lower().startswith(_SAFE_SCHEMES):
        return (f'<a href="{_text(url)}" title="{_text(title)}" rel="noopener noreferrer">'
                f"{_text(text)}</a>")
    return f'<span title="{_text(title)}">{_text(text)}</span>'


def _caption(record: Any) -> str:
    # Every record has an id; a Mission or a DatasetInfo shown alone has none.
    key = getattr(record, "id", None)
    return type(record).__name__ if key is None else f"{type(record).__name__} {key}"


def _text(value: object) -> str:
    import html  # only a notebook's display needs it, so it is not imported up front

    return html.escape(str(value), quote=True)


def _value(name: str, value: object) -> str:
    """The HTML of one field's value."""
    if value is None:
        return ""
    if name == "sources" and isinstance(value, tuple):
        items = "".join(f"<li>{_source(source)}</li>" for source in value)
        return f"<ul>{items}</ul>"
    if name == "url" and isinstance(value, str):
        return _link(value, value)
    if isinstance(value, PartialDate):
        return _date(value)
    if isinstance(value, enum.Enum):
        return _text(getattr(value, "label", value.value))
    if isinstance(value, bool | str):
        return _text(value)
    if isinstance(value, int | float):
        # Thousands separators: 5683769.0 square metres reads as 5,683,769.
        whole = isinstance(value, int) or value.is_integer()
        return _text(f"{int(value):,}" if whole else f"{value:,}")
    if isinstance(value, tuple) and value and all(attrs.has(type(v)) for v in value):
        # Records within a record (a country's periods as a state): one line each.
        items = "".join(f"<li>{_text(getattr(v, 'label', v))}</li>" for v in value)
        return f"<ul>{items}</ul>"
    if isinstance(value, tuple):
        return _text(", ".join(str(getattr(v, "label", v)) for v in value))
    if attrs.has(type(value)):
        return record_html(value)
    return _text(value)


def _date(date: PartialDate) -> str:
    known = {Precision.YEAR: "the year", Precision.MONTH: "the month",
             Precision.DAY: "the day"}[date.precision]
    return (f'<time datetime="{date}" title="known to {known}">'
            f"{_text(date_text(date))}</time>")


def _source(source: Any) -> str:
    """A cited source: its title, linked to the document, then its publisher and date."""
    title = _text(source.title)
    url = source.url
    shown = _link(url, source.title) if isinstance(url, str) else title
    details = [_text(source.publisher)]
    if source.published is not None:
        details.append(_date(source.published))
    return f"{shown} ({', '.join(details)})"


def _link(url: str, text: str) -> str:
    # Only web addresses become links: a javascript: URL in a data file must not run.
    if not url.lower().startswith(_SAFE_SCHEMES):
        return _text(text)
    return f'<a href="{_text(url)}" rel="noopener noreferrer">{_text(text)}</a>'
