"""The ``record-fields`` directive: a table of a record's fields, made from the code.

``.. record-fields:: nato_partners.Partner`` lists every field of the record as a data
file writes it: its name, its type in the file's terms, whether it is required (or its
default), and its meaning, taken from the record's ``:param:`` entry. The data-format page
uses it so that the field tables cannot fall behind the records.

Option ``:implied: name`` marks a field that a partner file may leave out because the
loader takes it from the file's name.
"""

from __future__ import annotations

import enum
import importlib
import re
import types
import typing
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from nato_partners import PartialDate, Source

_PARAM = re.compile(r":param (\w+):(.*?)(?=\n\s*:\w|\Z)", re.DOTALL)
_WORDS = {str: "text", int: "whole number", float: "number", bool: "true or false"}


def _kind(tp: Any) -> str:
    """Say what a field of type ``tp`` holds, in the terms of a data file."""
    if tp in _WORDS:
        return _WORDS[tp]
    if tp is PartialDate:
        return ":ref:`date <date-text>`"
    if tp is Source:
        return "source id"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(f"``{m.value}``" for m in tp)
    if isinstance(tp, type) and attrs.has(tp):
        return f"table (:ref:`{tp.__name__} <fields-{tp.__name__.lower()}>`)"
    if typing.get_origin(tp) is tuple:
        item = typing.get_args(tp)[0]
        if item is Source:
            return "list of source ids"
        return f"list, each item {_kind(item)}"
    raise ValueError(f"no wording for type {tp!r}: add one to record_fields._kind")


def _optional(tp: Any) -> tuple[Any, bool]:
    """Split ``X | None`` into ``(X, True)``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0], True
    return tp, False


def _default(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f', default ``"{value.value}"``'
    if value == ():
        return ", default an empty list"
    return ""


class RecordFields(SphinxDirective):
    """Render the field table of the record named in the argument."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"implied": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        module_name, _, name = self.arguments[0].rpartition(".")
        cls = getattr(importlib.import_module(module_name), name)
        hints = typing.get_type_hints(cls)
        meanings = {
            key: " ".join(text.split()) for key, text in _PARAM.findall(cls.__doc__ or "")
        }
        implied = self.options.get("implied")
        rows = []
        for field in attrs.fields(cls):
            tp, _ = _optional(hints[field.name])
            if field.name == implied:
                need = "in a partner file, taken from the file's name"
            elif field.default is attrs.NOTHING:
                need = "required"
            else:
                need = f"optional{_default(field.default)}"
            if field.name not in meanings:
                raise self.error(f"{cls.__name__} has no :param {field.name}: in its docstring")
            rows.append((f"``{field.name}``", _kind(tp), need, meanings[field.name]))
        lines = [".. list-table::", "   :header-rows: 1", "   :widths: 18 24 18 40", ""]
        for row in [("Field", "Type", "Required", "Meaning"), *rows]:
            lines.append(f"   * - {row[0]}")
            lines.extend(f"     - {cell}" for cell in row[1:])
        return self.parse_text_to_nodes("\n".join(lines))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.add_directive("record-fields", RecordFields)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
