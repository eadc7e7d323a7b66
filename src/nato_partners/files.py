"""Reading a dataset directory into plain records, one file at a time.

A dataset directory holds (each file as ``.toml`` or ``.json``, with the same layout)::

    dataset.toml        format version, data version, date of last review
    sources.toml        [[sources]]: every document the records cite
    programmes.toml     [[programmes]]: frameworks, forums, plans and operations
    partners/aze.toml   [partner], [[memberships]], [[milestones]], [[trust_fund_projects]]

This module only reads and parses: it turns each file into plain dicts and reports what
it cannot read. It executes nothing from the files (TOML and JSON only) and follows no
symbolic link that leads out of the directory.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from .errors import Problem

__all__ = ["MAX_FILE_BYTES", "RawDataset", "RawRecord", "read_directory"]

#: The largest data file read, in bytes; a larger one is reported, not parsed.
MAX_FILE_BYTES = 16 * 1024 * 1024

_SUFFIXES = (".toml", ".json")
#: The sections each kind of file may hold, and whether each is a list of tables.
_TOP_FILES: dict[str, dict[str, bool]] = {
    "sources": {"sources": True},
    "programmes": {"programmes": True},
}
_PARTNER_SECTIONS = {
    "partner": False,
    "memberships": True,
    "milestones": True,
    "trust_fund_projects": True,
}


@attrs.frozen
class RawRecord:
    """One record as read from a file, before it is checked.

    :param section: the section it was read from, such as ``"milestones"``.
    :param file: the file, relative to the dataset directory.
    :param label: the record's id, or its position such as ``milestones[3]``.
    :param data: the record's fields as parsed.
    """

    section: str
    file: str
    label: str
    data: dict[str, Any]


@attrs.frozen
class RawDataset:
    """Everything read from a dataset directory.

    :param info: the fields of ``dataset.toml``, or ``None`` if it could not be read.
    :param info_file: the name of that file as found.
    :param records: every record read, in file order.
    :param problems: what could not be read.
    """

    info: dict[str, Any] | None
    info_file: str
    records: tuple[RawRecord, ...]
    problems: tuple[Problem, ...]


def read_directory(root: str | os.PathLike[str] | Traversable) -> RawDataset:
    """Read every data file in a dataset directory.

    :param root: the directory.
    :returns: the raw records and the problems met while reading; a missing or unreadable
        directory is one problem.
    """
    base: Traversable = Path(root) if isinstance(root, str | os.PathLike) else root
    problems: list[Problem] = []
    records: list[RawRecord] = []
    if not base.is_dir():
        problems.append(Problem(file=str(root), expected="a dataset directory"))
        return RawDataset(None, "dataset.toml", (), tuple(problems))

    info: dict[str, Any] | None = None
    info_file = "dataset.toml"
    seen_top: dict[str, str] = {}
    partner_dir: Traversable | None = None
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        name = entry.name
        if _ignored(name):
            continue
        if name == "partners" and entry.is_dir():
            partner_dir = entry
            continue
        stem, suffix = os.path.splitext(name)
        if suffix not in _SUFFIXES or stem not in ("dataset", *_TOP_FILES) or not entry.is_file():
            problems.append(_unexpected(name))
            continue
        if stem in seen_top:
            problems.append(
                Problem(file=name, expected=f"only one of {seen_top[stem]} and {name}")
            )
            continue
        seen_top[stem] = name
        content = _parse(entry, name, base, problems)
        if content is None:
            continue
        if stem == "dataset":
            info, info_file = content, name
        else:
            records.extend(_sections(content, name, _TOP_FILES[stem], problems))
    if "dataset" not in seen_top:
        problems.append(Problem(file="dataset.toml", expected="a dataset.toml or dataset.json"))

    if partner_dir is not None:
        seen_partners: dict[str, str] = {}
        for entry in sorted(partner_dir.iterdir(), key=lambda e: e.name):
            name = f"partners/{entry.name}"
            if _ignored(entry.name):
                continue
            stem, suffix = os.path.splitext(entry.name)
            if suffix not in _SUFFIXES or not entry.is_file():
                problems.append(_unexpected(name))
                continue
            if stem in seen_partners:
                problems.append(
                    Problem(file=name, expected=f"only one file for {stem}, not also "
                            f"{seen_partners[stem]}")
                )
                continue
            seen_partners[stem] = name
            content = _parse(entry, name, base, problems)
            if content is not None:
                records.extend(_sections(content, name, _PARTNER_SECTIONS, problems))
    return RawDataset(info, info_file, tuple(records), tuple(problems))


def _ignored(name: str) -> bool:
    # Hidden files (editor swap files, .gitkeep) and READMEs for contributors are allowed.
    return name.startswith(".") or name.upper().startswith("README")


def _unexpected(name: str) -> Problem:
    return Problem(
        file=name,
        expected="no such file here: a dataset holds dataset, sources and programmes "
        "(.toml or .json) and partners/<code>.toml or .json",
    )


def _parse(
    entry: Traversable, name: str, base: Traversable, problems: list[Problem]
) -> dict[str, Any] | None:
    if isinstance(entry, Path) and isinstance(base, Path) and entry.is_symlink():
        target = entry.resolve()
        if not target.is_relative_to(base.resolve()):
            problems.append(Problem(file=name, expected="no link to a file outside the dataset"))
            return None
    raw = entry.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            Problem(file=name, expected=f"a file of at most {MAX_FILE_BYTES} bytes, "
                    f"not {len(raw)}")
        )
        return None
    if not raw.strip():
        problems.append(Problem(file=name, expected="some content, not an empty file"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(
            Problem(file=name, expected=f"UTF-8 text (bad byte at offset {error.start})")
        )
        return None
    try:
        content = tomllib.loads(text) if name.endswith(".toml") else json.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(Problem(file=name, expected=f"valid TOML: {error}"))
        return None
    except json.JSONDecodeError as error:
        problems.append(
            Problem(file=name, expected=f"valid JSON: {error.msg} at line {error.lineno}, "
                    f"column {error.colno}")
        )
        return None
    if not isinstance(content, dict):
        problems.append(Problem(file=name, expected="a table (JSON object) at the top level"))
        return None
    return content


def _sections(
    content: dict[str, Any], name: str, allowed: dict[str, bool], problems: list[Problem]
) -> Iterator[RawRecord]:
    for section, value in content.items():
        if section not in allowed:
            problems.append(
                Problem(
                    file=name,
                    field=section,
                    expected=f"one of the sections {', '.join(allowed)}",
                )
            )
            continue
        items = value if allowed[section] else [value]
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            shape = "a list of tables" if allowed[section] else "a table"
            problems.append(Problem(file=name, field=section, expected=shape))
            continue
        for index, item in enumerate(items):
            label = item.get("id", item.get("code"))
            if not isinstance(label, str):
                label = f"{section}[{index}]" if allowed[section] else section
            yield RawRecord(section, name, label, item)
