"""JSON Schemas for the records and the data files, generated from the record classes.

The schemas are derived from the :mod:`attrs` fields of the records in
:mod:`nato_partners.model`, with the patterns and limits :mod:`nato_partners.validate`
applies, so they are never written by hand, and they refuse what the loader refuses but
for the few checks a schema cannot make (:doc:`/data-format` lists them). They let tools
in other languages check a file before this library reads it. The package ships
them as ``nato_partners/schemas/<name>.schema.json``; a test regenerates them and checks
that the shipped files are the same.

Two shapes are described:

* a record as :func:`~nato_partners.unstructure` gives it (and as a JSON export holds
  it): ``partner``, ``programme``, ``membership``, ``milestone``, ``trust_fund_project``,
  ``source`` and ``dataset_info``; ``sources`` are whole source records;
* a data file as a dataset directory holds it: ``dataset_info`` for ``dataset.toml``,
  ``sources_file``, ``programmes_file`` and ``partner_file``. In files, ``sources`` are
  lists of source ids, and the partner of a partner file's records is implied by the
  file's name, so ``code`` and ``partner`` may be left out there.

Checks across records (unique ids, references that resolve, dates that agree with one
another) are beyond what a schema can say; :func:`~nato_partners.load_dataset` makes them.
"""

from __future__ import annotations

import enum
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from ._registry import STORED
from ._version import FORMAT_VERSION
from .dates import PartialDate
from .files import PARTNER_SECTIONS
from .model import (
    MAX_WHOLE_NUMBER,
    DatasetInfo,
    Programme,
    Source,
)
from .validate import FIELD_PATTERNS, NON_NEGATIVE, TOGETHER

__all__ = ["RECORD_SCHEMAS", "json_schema", "schemas", "write_schemas"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: YYYY, YYYY-MM or YYYY-MM-DD from year 0001; the loader also rejects days a month does
#: not have.
_DATE = r"(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
#: The largest number a float holds: the loader refuses a larger one, and infinity.
_FLOAT_MAX = sys.float_info.max

#: The record types that have a schema of their own, by schema name.
RECORD_SCHEMAS: dict[str, type[Any]] = {
    "dataset_info": DatasetInfo, **{kind.name: kind.cls for kind in STORED}}


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema of one record type, as :func:`~nato_partners.unstructure` gives it.

    :param cls: a record class, such as :class:`~nato_partners.Milestone`.
    :returns: a JSON Schema (draft 2020-12) as a dict, ready for :func:`json.dumps`.
    :raises TypeError: if ``cls`` is not an :mod:`attrs` record class.
    """
    if not attrs.has(cls) or cls is PartialDate:
        raise TypeError(f"expected a record class, not {cls!r}")
    return {"$schema": _DRAFT, **_object(cls, in_file=False)}


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema the package ships, by name: one per record type and one per data file.

    :returns: the schemas, keyed by names such as ``"partner"`` or ``"partner_file"``.
    """
    found = {name: json_schema(cls) for name, cls in RECORD_SCHEMAS.items()}
    found["sources_file"] = _file(
        "Sources file", "sources.toml or sources.json: every document the records cite.",
        {"sources": _array(_object(Source, in_file=True))},
    )
    found["programmes_file"] = _file(
        "Programmes file", "programmes.toml or programmes.json: the programmes partners "
        "take part in; sources are cited by id.",
        {"programmes": _array(_object(Programme, in_file=True))},
    )
    found["partner_file"] = _file(
        "Partner file", "partners/<code>.toml or .json: one partner and its memberships, "
        "milestones and Trust Fund projects. The partner is the one the file is named "
        "after (its alpha-3 code in lower case); sources are cited by id.",
        {
            section: _array(schema) if many else schema
            for section, (cls, many) in PARTNER_SECTIONS.items()
            for schema in [_object(cls, in_file=True)]
        },
        required=["partner"],
    )
    return found


def write_schemas(directory: str | Path) -> tuple[Path, ...]:
    """Write every schema to ``<directory>/<name>.schema.json``.

    :param directory: where to write; it is created if it does not exist.
    :returns: the files written, in name order.
    :raises OSError: if the files cannot be written.
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in sorted(schemas().items()):
        path = target / f"{name}.schema.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return tuple(written)


def _file(
    title: str, description: str, sections: dict[str, Any], required: list[str] | None = None
) -> dict[str, Any]:
    return {
        "$schema": _DRAFT,
        "title": title,
        "description": description,
        "type": "object",
        "properties": sections,
        "required": list(sections) if required is None else required,
        "additionalProperties": False,
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _object(cls: type[Any], *, in_file: bool) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    # In a partner file, the partner is the file's own; the loader fills it in.
    implied = {"code", "partner"} if in_file and cls in _PARTNER_RECORDS else set()
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type(hints[field.name], in_file)
        if field.name in docs:
            # The field's own words come first, before those of its type.
            schema.pop("description", None)
            schema = {"description": docs[field.name], **schema}
        pattern = FIELD_PATTERNS.get(cls, {}).get(field.name)
        if pattern is not None:
            schema["pattern"] = _anchored(pattern[0])
        if field.name in NON_NEGATIVE.get(cls, ()):
            schema["minimum"] = 0
        if cls is DatasetInfo and field.name == "format":
            # The library reads one format; a file of another is refused, not guessed at.
            schema["const"] = FORMAT_VERSION
        if field.name == "sources":
            schema["minItems"] = 1
        if field.default is attrs.NOTHING:
            if field.name not in implied:
                required.append(field.name)
        elif field.default is not None:
            schema["default"] = _plain(field.default)
        properties[field.name] = schema
    result = {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    together = TOGETHER.get(cls, ())
    if together:
        # A field set to null is not given, as the loader sees it; dependentRequired would
        # count it as given, so "given" is spelt out: present and not null.
        result["allOf"] = [
            {"if": _given(field), "then": _given(other)}
            for a, b in together for field, other in ((a, b), (b, a))
        ]
    return result


def _given(field: str) -> dict[str, Any]:
    return {"required": [field], "properties": {field: {"not": {"type": "null"}}}}


_PARTNER_RECORDS = {cls for cls, _ in PARTNER_SECTIONS.values()}


def _type(hint: Any, in_file: bool) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        schema = _type(inner, in_file)
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    if origin is tuple:
        item = args[0]
        if item is Source and in_file:
            source_id = FIELD_PATTERNS[Source]["id"][0]
            return _array({"type": "string", "pattern": _anchored(source_id)})
        return _array(_type(item, in_file))
    if hint is PartialDate:
        return {"type": "string", "pattern": _anchored(_DATE)}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if attrs.has(hint):
        return _object(hint, in_file=in_file)
    if hint is float:
        return {"type": "number", "minimum": -_FLOAT_MAX, "maximum": _FLOAT_MAX}
    if hint is int:
        return {"type": "integer", "minimum": -MAX_WHOLE_NUMBER, "maximum": MAX_WHOLE_NUMBER}
    simple = {str: "string", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")  # a new field type needs a rule here


def _anchored(pattern: str) -> str:
    # The loader matches the whole value; a JSON Schema pattern may match any part of it.
    # Python's $ also matches before a final newline, so "AZE\n" would pass a validator
    # written in Python: (?!\n) rules that out, and changes nothing in ECMA-262 patterns.
    return f"^(?:{pattern})$(?!\\n)"


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


_ROLE = re.compile(r":\w+:`~?(?:[\w.]*\.)?([\w]+)`")


def _plain_text(text: str) -> str:
    """ReStructuredText to plain words: ``x`` becomes x, :class:`~a.B` becomes B."""
    return " ".join(_ROLE.sub(r"\1", text).replace("``", "").split())


def _summary(cls: type[Any]) -> str:
    return _plain_text((cls.__doc__ or "").strip().split("\n\n")[0])


_PARAM = re.compile(r":param (\w+):(.*?)(?=\n\s*:\w|\n\s*\n|\Z)", re.DOTALL)


def _field_docs(cls: type[Any]) -> dict[str, str]:
    return {name: _plain_text(text) for name, text in _PARAM.findall(cls.__doc__ or "")}
