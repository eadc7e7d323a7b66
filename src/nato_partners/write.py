"""Writing a dataset to a directory that :func:`~nato_partners.load_dataset` reads back.

The layout is the one described in :doc:`/data-format`: ``dataset``, ``sources``,
``programmes`` and one ``partners/<code>`` file per partner, all in TOML or all in JSON.
As in hand-written files, records cite their sources by id, the records of a partner file
leave out the partner (the file's name says it), and fields that are empty or hold their
default are left out. Reading the files back gives the same records.

TOML is written by a small emitter for the few shapes the data has (text, numbers, lists
of text, tables and lists of tables), so no third-party writer is needed.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import attrs

from .convert import unstructure
from .dataset import Dataset

__all__ = ["write_dataset"]


def write_dataset(
    dataset: Dataset,
    directory: str | os.PathLike[str],
    format: Literal["toml", "json"] = "toml",
) -> tuple[Path, ...]:
    """Write every record of a dataset to a new dataset directory.

    :param dataset: the dataset, such as :func:`~nato_partners.load` gives.
    :param directory: where to write; it is created, and must not hold anything yet, so
        that no file of an earlier dataset is mixed with the new ones.
    :param format: ``"toml"`` or ``"json"``.
    :returns: the files written.
    :raises ValueError: if ``format`` is neither.
    :raises FileExistsError: if ``directory`` exists and is not empty.
    :raises OSError: if the files cannot be written.
    """
    if format not in ("toml", "json"):
        raise ValueError(f"format must be 'toml' or 'json', not {format!r}")
    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} exists and is not an empty directory")
    dump = _toml_document if format == "toml" else _json_document

    documents: dict[str, dict[str, Any]] = {
        "dataset": _plain(dataset.info),
        "sources": {"sources": [_plain(s) for s in dataset.sources()]},
        "programmes": {"programmes": [_plain(p) for p in dataset.programmes()]},
    }
    for partner in dataset.partners():
        document: dict[str, Any] = {"partner": _plain(partner)}
        for section, records in (
            ("memberships", dataset.memberships(partner)),
            ("milestones", dataset.milestones(partner)),
            ("trust_fund_projects", dataset.trust_fund_projects(partner, funding=None)),
        ):
            if records:
                document[section] = [_plain(r, implied=("partner",)) for r in records]
        documents[f"partners/{partner.code.lower()}"] = document

    (target / "partners").mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in documents.items():
        path = target / f"{name}.{format}"
        path.write_text(dump(document), encoding="utf-8", newline="\n")
        written.append(path)
    return tuple(written)


def _plain(record: Any, implied: Iterable[str] = ()) -> dict[str, Any]:
    """A record as a file holds it: sources by id, no defaults, no implied fields."""
    data: dict[str, Any] = unstructure(record)
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name in implied or value is None or value == field.default:
            del data[field.name]
        elif field.name == "sources":
            data["sources"] = [source.id for source in value]
        elif isinstance(data[field.name], dict):  # a record inside the record (a Mission)
            data[field.name] = _plain(value)
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            data[field.name] = [_plain(item) for item in value]  # a partner's states
    return data


def _json_document(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _toml_document(document: dict[str, Any]) -> str:
    lines: list[str] = []
    _toml_table(document, (), lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _toml_table(table: dict[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    """Write a table's values, then its sub-tables, then its lists of tables."""
    tables = {k: v for k, v in table.items() if isinstance(v, dict)}
    arrays = {
        k: v
        for k, v in table.items()
        if isinstance(v, list) and v and all(isinstance(item, dict) for item in v)
    }
    for key, value in table.items():
        if key not in tables and key not in arrays:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in tables.items():
        header = ".".join(_toml_key(part) for part in (*path, key))
        lines.extend(("", f"[{header}]"))
        _toml_table(value, (*path, key), lines)
    for key, items in arrays.items():
        header = ".".join(_toml_key(part) for part in (*path, key))
        for item in items:
            lines.extend(("", f"[[{header}]]"))
            _toml_table(item, (*path, key), lines)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    # bool first: it is an int too.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value} to a data file")
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char < " " or char == "\x7f":
        return f"\\u{ord(char):04x}"
    return char


def _toml_string(text: str) -> str:
    # Text is written as it is, non-ASCII included: the file is UTF-8. Long text with line
    # breaks goes in a multi-line string, so that notes stay readable in the file.
    if "\n" in text:
        body = "".join(char if char == "\n" else _escape(char) for char in text)
        return f'"""\n{body}"""'
    return '"' + "".join(_escape(char) for char in text) + '"'
