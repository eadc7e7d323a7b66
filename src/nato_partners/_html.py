"""HTML for Jupyter's rich display of records and query results.

Jupyter calls ``_repr_html_`` on the last value of a cell; records get it from
:class:`HtmlRepr`, query results from :class:`~nato_partners.results.Results`. A record
shows as a table with a row per field; a list of records as a table with a row per record.
Dates read as the sources give them ("March 1992", not 1 March 1992) inside a ``<time>``
element, and sources are links to the documents. Every piece of text is escaped.

This module imports no record types, so that :mod:`nato_partners.model` can use it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from .dates import PartialDate, Precision

__all__ = ["HtmlRepr", "date_text", "record_html", "results_html"]

# English month names, fixed so that the output does not depend on the locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SAFE_SCHEMES = ("https://", "http://")

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

    :param record: any :mod:`attrs` record of the library.
    :returns: the HTML.
    """
    rows = "".join(
        f"<tr><th{_CELL}>{_text(field.name)}</th>"
        f"<td{_CELL}>{_value(field.name, getattr(record, field.name))}</td></tr>"
        for field in attrs.fields(type(record))
    )
    return (f'{_STYLE}<table class="nato-partners-record"><caption>'
            f"{_text(_caption(record))}</caption><tbody>{rows}</tbody></table>")


def results_html(records: Iterable[Any]) -> str:
    """Show records as an HTML table with a row per record and a column per field.

    Records of several types share the columns of fields with the same name, and a first
    ``record`` column names each row's type.

    :param records: records of the library.
    :returns: the HTML.
    """
    found = list(records)
    types = list(dict.fromkeys(type(r) for r in found))
    names = list(dict.fromkeys(f.name for t in types for f in attrs.fields(t)))
    mixed = len(types) > 1
    head = "".join(f"<th{_CELL}>{_text(n)}</th>"
                   for n in (["record"] if mixed else []) + names)
    body = []
    for record in found:
        cells = [f"<td{_CELL}>{_text(type(record).__name__)}</td>"] if mixed else []
        cells.extend(
            f"<td{_CELL}>{_value(n, getattr(record, n))}</td>" if hasattr(record, n)
            else f"<td{_CELL}></td>"
            for n in names
        )
        body.append(f"<tr>{''.join(cells)}</tr>")
    count = f"{len(found)} record{'' if len(found) == 1 else 's'}"
    return (f'{_STYLE}<table class="nato-partners-results"><caption>{count}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


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
