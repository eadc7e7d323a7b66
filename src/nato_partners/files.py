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
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from ._registry import STORED
from .errors import DataError, Problem, did_you_mean

__all__ = [
    "FILE_SECTIONS",
    "MAX_FILE_BYTES",
    "PARTNER_SECTIONS",
    "RawDataset",
    "RawRecord",
    "RawSection",
    "bundle_directory",
    "read_bundle",
    "read_directory",
]

#: The largest data file read, in bytes; a larger one is reported, not parsed.
MAX_FILE_BYTES = 16 * 1024 * 1024

_SUFFIXES = (".toml", ".json")
#: What a path that is not a directory gets.
NO_DIRECTORY = "the path of a dataset directory (no dataset directory is there)"
#: The sections of each top-level data file: the record type each holds, and whether the
#: section is a list of them. The loader, the JSON Schemas and the reader all use it.
FILE_SECTIONS: dict[str, dict[str, tuple[type[Any], bool]]] = {
    kind.file: {kind.section: (kind.cls, not kind.single)} for kind in STORED if kind.file
}
#: The sections of a partner file, ``partners/<code>``, in the same form.
PARTNER_SECTIONS: dict[str, tuple[type[Any], bool]] = {
    kind.section: (kind.cls, not kind.single) for kind in STORED if kind.file is None
}


class RawRecord(NamedTuple):
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


class RawSection(NamedTuple):
    """One section of one file as read: the records of one kind, before they are checked.

    :param section: the section, such as ``"milestones"``.
    :param file: the file, relative to the dataset directory.
    :param items: each record's fields as parsed (one for a section of one record).
    :param many: whether the section is a list of records (``[[milestones]]``) rather than
        one (``[partner]``).
    """

    section: str
    file: str
    items: list[dict[str, Any]]
    many: bool

    def label(self, index: int) -> str:
        """The label of the ``index``-th record in problems: its id, or its position."""
        item = self.items[index]
        label = item.get("id", item.get("code"))
        if isinstance(label, str):
            return label
        return f"{self.section}[{index}]" if self.many else self.section

    def records(self) -> list[RawRecord]:
        """The records one by one, with their labels."""
        return [RawRecord(self.section, self.file, self.label(index), item)
                for index, item in enumerate(self.items)]


class RawDataset(NamedTuple):
    """Everything read from a dataset directory.

    A directory's partner files are read one at a time, as ``sections`` is iterated, so
    that a loader can build each file's records and let its parsed dicts go before the next
    is read; ``problems`` and ``lost`` are complete once ``sections`` has been iterated.

    :param info: the fields of ``dataset.toml``, or ``None`` if it could not be read.
    :param info_file: the name of that file as found.
    :param sections: every section read, that of the sources file first, then in file
        order; to be iterated once.
    :param problems: what could not be read.
    :param lost: the parts that exist but could not be read, as ``(file, section)``, with
        ``section`` ``None`` for a whole file; records there are missing from ``records``,
        so references to them cannot be checked.
    """

    info: dict[str, Any] | None
    info_file: str
    sections: Iterable[RawSection]
    problems: Sequence[Problem]
    lost: AbstractSet[tuple[str, str | None]] = frozenset()


class _Reader:
    """Reads the files of one dataset directory, collecting records and problems."""

    def __init__(self, base: Traversable | None, *, keep: bool = False) -> None:
        self.base = base
        self.keep = keep
        self.problems: list[Problem] = []
        self.parts: list[RawSection] = []
        self.lost: set[tuple[str, str | None]] = set()
        self.info: dict[str, Any] | None = None
        self.info_file = "dataset.toml"
        #: Every file's parsed content, by its name in the dataset, if asked to keep them.
        self.contents: dict[str, dict[str, Any]] = {}
        #: Partner files found but not yet read: ``(entry, name)``.
        self.pending: list[tuple[Traversable, str]] = []
        # Only a real directory can hold a link; a package's resources are what they are.
        self.real_base = _real(base) if isinstance(base, Path) else None

    def add(self, name: str, content: dict[str, Any]) -> None:
        """Take in the parsed content of the data file ``name``."""
        if self.keep:
            self.contents[name] = content
        if name.startswith("partners/"):
            if "partner" not in content:
                self.problem(name, "a [partner] table describing the partner the file is "
                             "about", field="partner")
            self.split(content, name, PARTNER_SECTIONS)
            return
        stem = os.path.splitext(name)[0]
        if stem == "dataset":
            self.info, self.info_file = content, name
        else:
            self.split(content, name, FILE_SECTIONS[stem])

    def result(self) -> RawDataset:
        return RawDataset(self.info, self.info_file, self.stream(), self.problems, self.lost)

    def stream(self) -> Iterator[RawSection]:
        """The sections read so far, the sources first, then each pending file's in turn."""
        parts, self.parts = self.parts, []
        yield from (part for part in parts if part.section == "sources")
        yield from (part for part in parts if part.section != "sources")
        pending, self.pending = self.pending, []
        for entry, name in pending:
            content = self.parse(entry, name)
            if content is not None:
                self.add(name, content)
            parts, self.parts = self.parts, []
            yield from parts

    def problem(self, file: str, expected: str, *, lost: bool = True, **where: Any) -> None:
        self.problems.append(Problem(file=file, expected=expected, **where))
        if lost:
            self.lost.add((file, where.get("field")))

    def outside(self, entry: Traversable, name: str) -> bool:
        """Tell (and report) whether an entry leads out of the dataset directory."""
        if self.real_base is None or not isinstance(entry, Path):
            return False
        target = _real(entry)
        if target is not None and target.is_relative_to(self.real_base):
            return False
        self.problem(name, "no link to a file or directory outside the dataset")
        return True

    def parse(self, entry: Traversable, name: str) -> dict[str, Any] | None:
        if self.outside(entry, name):
            return None
        try:
            with entry.open("rb") as stream:
                # Read one byte past the limit, so a huge file is never read whole.
                raw = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            self.problem(name, f"a readable file ({error.strerror or error})")
            return None
        if len(raw) > MAX_FILE_BYTES:
            self.problem(name, f"a file of at most {MAX_FILE_BYTES} bytes")
            return None
        if not raw.strip():
            self.problem(name, "some content, not an empty file")
            return None
        try:
            # utf-8-sig: a byte-order mark, which some editors add, is not content.
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            self.problem(name, f"UTF-8 text (byte {raw[error.start]:#04x} at offset "
                         f"{error.start} is not UTF-8)", line=line)
            return None
        try:
            content = _loads(text, name)
        except _SyntaxProblem as error:
            self.problem(name, error.expected, line=error.line)
            return None
        if not isinstance(content, dict):
            self.problem(name, "a table (JSON object) at the top level")
            return None
        return content

    def split(
        self, content: dict[str, Any], name: str, allowed: dict[str, tuple[type[Any], bool]]
    ) -> None:
        """Take the sections of a file's content, each checked to be a table or a list of
        tables."""
        for section, value in content.items():
            if section not in allowed:
                self.problem(name, f"one of the sections {', '.join(allowed)}"
                             f"{did_you_mean(section, allowed)}", field=section, lost=False)
                continue
            many = allowed[section][1]
            items = value if many else [value]
            if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
                shape = "a list of tables" if many else "a table"
                self.problem(name, shape, field=section, value=value)
                continue
            self.parts.append(RawSection(section, name, items, many))


def read_directory(root: str | os.PathLike[str] | Traversable, *,
                   whole: bool = True) -> RawDataset:
    """Read every data file in a dataset directory.

    :param root: the directory.
    :param whole: whether the directory must hold a whole dataset, its sources and
        programmes files included; a plugin's directory adds to the bundled data and may
        leave them out.
    :returns: the raw records and the problems met while reading; a missing or unreadable
        directory is one problem.
    """
    return _read(root, whole).result()


def _read(root: str | os.PathLike[str] | Traversable, whole: bool = True, *,
          keep: bool = False) -> _Reader:
    """Read the top-level files of a dataset directory and list its partner files, which
    are read as the records are iterated (or all at once with ``keep``, which also keeps
    every file's content)."""
    base: Traversable = Path(root) if isinstance(root, str | os.PathLike) else root
    reader = _Reader(base, keep=keep)
    try:
        entries = sorted(base.iterdir(), key=lambda e: e.name) if base.is_dir() else None
    except OSError:
        reader.problem(str(root), "a dataset directory that can be read")
        return reader
    if entries is None:  # the command line says it in these words too
        reader.problem(str(root), NO_DIRECTORY)
        return reader

    seen_top: dict[str, str] = {}
    partner_dir: Traversable | None = None
    for entry in entries:
        name = entry.name
        if _ignored(name):
            continue
        if name == "partners" and entry.is_dir():
            if not reader.outside(entry, name):
                partner_dir = entry
            continue
        stem, suffix = os.path.splitext(name)
        expected = suffix in _SUFFIXES and stem in ("dataset", *FILE_SECTIONS)
        if not expected or not entry.is_file():
            reader.problem(name, _UNEXPECTED, lost=False)
            continue
        if stem in seen_top:
            reader.problem(name, f"only one of {seen_top[stem]} and {name}")
            continue
        seen_top[stem] = name
        content = reader.parse(entry, name)
        if content is not None:
            reader.add(name, content)
    if "dataset" not in seen_top:
        reader.problem("dataset.toml", "a dataset.toml or dataset.json", lost=False)
    for stem, cited_as in (("sources", "the sources records cite by id"),
                           ("programmes", "the programmes memberships belong to")):
        if whole and stem not in seen_top:
            # Said once, as the cause: the records that refer to them are not reported too.
            reader.problem(f"{stem}.toml", f"a {stem}.toml or {stem}.json with {cited_as}")

    if partner_dir is not None:
        seen_partners: dict[str, str] = {}
        try:
            partner_entries = sorted(partner_dir.iterdir(), key=lambda e: e.name)
        except OSError as error:
            reader.problem("partners", f"a directory that can be read ({error.strerror})")
            partner_entries = []
        for entry in partner_entries:
            name = f"partners/{entry.name}"
            if _ignored(entry.name):
                continue
            stem, suffix = os.path.splitext(entry.name)
            if suffix not in _SUFFIXES or not entry.is_file():
                reader.problem(name, _UNEXPECTED, lost=False)
                continue
            if not _PARTNER_STEM.fullmatch(stem):
                # The name gives the partner's code; a colon or a space would also confuse
                # the plugin prefix (``plugin:partners/x.toml``) that problems are named by.
                reader.problem(name, "a file named by its partner's alpha-3 code in lower "
                               "case, such as aze.toml", lost=False)
                continue
            if stem in seen_partners:
                reader.problem(name, f"only one file for {stem}, not also "
                               f"{seen_partners[stem]}")
                continue
            seen_partners[stem] = name
            reader.pending.append((entry, name))
    if keep:
        reader.parts = list(reader.stream())
    return reader


def read_bundle(text: str) -> RawDataset:
    """Read a dataset from a bundle: every data file's content in one JSON document.

    The library reads its own data this way, since one JSON document parses many times
    faster than the TOML files it is made from (see :func:`bundle_directory`). Problems
    name the TOML files, as if they had been read.

    :param text: the bundle, as :func:`bundle_directory` makes it.
    :returns: the raw records, as :func:`read_directory` would give them.
    """
    reader = _Reader(None)
    for name, content in json.loads(text).items():
        reader.add(name, content)
    return reader.result()  # the sources file's section first, as from a directory


def bundle_directory(root: str | os.PathLike[str] | Traversable) -> str:
    """Parse every data file of a dataset directory into one JSON bundle.

    :param root: the dataset directory.
    :returns: the bundle's JSON text: an object from each file's name to its content.
    :raises DataError: if any file cannot be read.
    """
    reader = _read(root, keep=True)
    if reader.problems:
        raise DataError(reader.problems)
    return json.dumps(reader.contents, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


_UNEXPECTED = (
    "no such file here: a dataset holds dataset, sources and programmes (.toml or .json) "
    "and partners/<code>.toml or .json"
)


def _ignored(name: str) -> bool:
    # Hidden files (editor swap files, .gitkeep) and READMEs for contributors are allowed.
    return name.startswith(".") or name.upper().startswith("README")


def _real(path: Path) -> Path | None:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop of links
        return None


class _SyntaxProblem(Exception):
    def __init__(self, expected: str, line: int | None = None) -> None:
        super().__init__(expected)
        self.expected = expected
        self.line = line


_PARTNER_STEM = re.compile(r"[a-z]{3}")
_TOML_WHERE = re.compile(r"(.*) \(at line (\d+), column (\d+)\)")


def _loads(text: str, name: str) -> Any:
    """Parse TOML or JSON text: data only, so nothing in a file can run code."""
    try:
        if name.endswith(".toml"):
            return _toml(text)
        return json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as error:
        raise _SyntaxProblem(f"valid JSON: {error.msg} at column {error.colno}",
                             error.lineno) from None
    except RecursionError:
        raise _SyntaxProblem("tables and lists nested less deeply") from None
    except ValueError as error:  # a whole number of thousands of digits, in either format
        if "integer string conversion" not in str(error):
            raise
        raise _SyntaxProblem(f"numbers of at most {sys.get_int_max_str_digits()} digits "
                             "(a longer one is refused before it is read)") from None


def _toml(text: str) -> Any:
    # Imported here: the bundled data is JSON, so most programs never need the TOML parser.
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _TOML_WHERE.fullmatch(message)
        if where is None:
            raise _SyntaxProblem(f"valid TOML: {message}") from None
        raise _SyntaxProblem(f"valid TOML: {where[1]} at column {where[3]}",
                             int(where[2])) from None


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON would keep the last of two equal keys and silently drop the first.
    content = dict(pairs)
    if len(content) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _SyntaxProblem(f"valid JSON: the key {key!r} appears twice in one object")
            seen.add(key)
    return content
