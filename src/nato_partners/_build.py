"""One way to build a dataset's records, whether read from files or built in Python.

Below :class:`~nato_partners.Dataset`: :func:`build` turns what was read from a dataset
directory (or the bundle) into checked records, and :func:`from_python` checks records a
program built, the same way. :func:`~nato_partners.load_dataset`, :func:`~nato_partners.load`
and ``Dataset(...)`` all come here, and the dataset only indexes what this gives it.
"""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs

from ._fastpath_code import STRUCTURERS
from ._gc import collect_young
from ._registry import STORED
from ._version import FORMAT_VERSION
from .dates import PartialDate
from .errors import DataError, Problem, _Capped, did_you_mean
from .files import FILE_SECTIONS, PARTNER_SECTIONS, RawDataset, RawRecord, RawSection
from .model import (
    DatasetInfo,
    Membership,
    Milestone,
    Partner,
    Programme,
    Source,
    TrustFundProject,
)

if TYPE_CHECKING:
    from .validate import Locator, Unread

__all__ = ["Parts", "build", "format_problems", "from_python", "label"]

_R = TypeVar("_R")

#: The record type of each section.
_SECTIONS: dict[str, type[Any]] = {
    section: cls
    for sections in (*FILE_SECTIONS.values(), PARTNER_SECTIONS)
    for section, (cls, _) in sections.items()
}


def build(raw: RawDataset, *, checked: bool = False) -> tuple[DatasetInfo, Parts]:
    """Check and structure everything read from a dataset directory.

    One pass over the sections, file by file, so that a file's parsed dicts can go as soon
    as its records are built: the sources come first, so that every citation resolves.
    Each record goes through the fast path once: a section it takes whole is built in one
    go; from a record it refuses, the converter says what is wrong with that one, and the
    records after it are built one at a time. With ``checked``, the checks across records
    are left out: each record is still built and checked field by field, but its
    references and dates were checked together when the data was bundled.

    :param raw: what :func:`~nato_partners.files.read_directory` (or the bundle) read.
    :param checked: whether the checks across records were made when the data was bundled.
    :returns: what the dataset says about itself, and its records.
    :raises DataError: listing every problem found.
    """
    problems = _Capped()
    origins = _Origins()
    unread = _lost(raw)

    info: DatasetInfo | None = None
    if raw.info is not None:
        info = _structure(raw.info_file, "dataset", DatasetInfo, raw.info, problems)
        if info is not None:
            problems += format_problems(info.format, raw.info_file)

    sources: dict[str, Source] = {}
    suggest = _Suggestions(sources)
    built: dict[str, list[Any]] = {section: [] for section in _SECTIONS}
    for part in raw.sections:
        out = built[part.section]
        start = len(out)
        fast = STRUCTURERS[_SECTIONS[part.section]]
        code = _partner_of(part.file)
        try:
            # The common case, a section whose every record the fast path takes; extend
            # keeps those built before a refusal, so none is built twice.
            out.extend(fast(item, sources, code) for item in part.items)
        except Exception:
            refused = len(out) - start
            for index, record in enumerate(out[start:]):
                origins.note(record, part.file, part.label(index))
            for index in range(refused, len(part.items)):
                raw_record = RawRecord(part.section, part.file, part.label(index),
                                       part.items[index])
                record = _one(raw_record, sources, unread, problems, suggest,
                              fast=index != refused)
                if record is not None:
                    out.append(record)
                    origins.note(record, raw_record.file, raw_record.label)
        else:
            origins.add(part, out[start:])
        if part.section == "sources":
            for source in out[start:]:
                sources.setdefault(source.id, source)

    problems[:0] = raw.problems  # what could not be read, known once every file was read
    unread |= _lost(raw)
    collect_young()  # while the lists made first hold every record: see collect_young
    parts = Parts(*(tuple(built[kind.section]) for kind in STORED))
    if checked and not problems and info is not None:
        return info, parts
    from .validate import Unread  # only where the checks run: see loading._load_bundled

    problems += parts.check(
        origins,
        Unread(keys=frozenset(k for k in unread if k[0] != "kind"),
               kinds=frozenset(k[1] for k in unread if k[0] == "kind")),
    )
    if problems or info is None:
        raise DataError(problems.whole())
    return info, parts


def format_problems(found: object, file: str | None = None) -> list[Problem]:
    """The problem with a dataset's format version, if it is not this library's.

    :param found: the ``format`` the dataset gives.
    :param file: the file that gives it, if any.
    :returns: one problem, or none.
    """
    if found == FORMAT_VERSION:
        return []
    return [Problem(file=file, record="dataset", field="format", value=found,
                    expected=f"format version {FORMAT_VERSION}")]


def _one(record: RawRecord, sources: dict[str, Source], unread: set[tuple[str, str]],
         problems: list[Problem], suggest: Callable[[str], str], *, fast: bool) -> Any:
    """Build one record of a section the fast path refused, after resolving its sources,
    adding to ``problems`` what is wrong; ``None`` for a record that cannot be built.

    The section's later records come this way too, each tried on the fast path (``fast``)
    unless it is the one refused: a load that comes here ends in an error, so speed
    matters less than one path for every message.
    """
    cls = _SECTIONS[record.section]
    if cls is Source:
        source = _structure(record.file, record.label, Source, record.data, problems,
                            fast=fast)
        if source is None:
            unread.add(("source", record.label))
        return source
    data = _resolve(record, sources, unread, problems, suggest)
    built = _structure(record.file, record.label, cls, data, problems, fast=fast)
    if built is None:
        from .validate import unread_keys

        unread.update(unread_keys(cls, data))
    return built


class _Origins:
    """Where each built record came from, for the problems the checks find.

    Most loads find none, so the records of a section are kept as one run, and the lookup
    by record is made when a problem first asks for it.
    """

    def __init__(self) -> None:
        self.runs: list[tuple[str, str, list[Any]]] = []
        self.notes: dict[int, tuple[str, str]] = {}
        self.by_id: dict[int, tuple[str, str]] | None = None

    def add(self, part: RawSection, built: list[Any]) -> None:
        """Note that ``built`` are the records of ``part``, one for each of its items."""
        if part.many:
            self.runs.append((part.file, part.section, built))
        else:  # a label that may come from the data, which is let go
            self.notes[id(built[0])] = (part.file, part.label(0))

    def note(self, built: object, file: str, label: str) -> None:
        """Note where one record came from."""
        self.notes[id(built)] = (file, label)

    def __call__(self, record: object) -> tuple[str | None, str]:
        if self.by_id is None:
            # The labels RawSection.label gives: the id of a record that has one (its data
            # held it, or the fast path would not have built it), else the position.
            self.by_id = {
                id(built): (file, built.id if type(built) in _WITH_ID else f"{section}[{i}]")
                for file, section, run in self.runs for i, built in enumerate(run)
            }
            self.by_id.update(self.notes)
        return self.by_id.get(id(record), (None, label(record)))


#: The record types whose data gives their label by an ``id`` field.
_WITH_ID = frozenset(cls for cls in _SECTIONS.values() if "id" in attrs.fields_dict(cls))


#: The kind of record each file's sections hold, for the references to them.
_KIND_OF_FILE = {"sources": "source", "programmes": "programme"}


def _lost(raw: RawDataset) -> set[tuple[str, str]]:
    """The records a file or section that could not be read may have held.

    ``("kind", k)`` stands for every record of kind ``k``; ``(k, key)`` for one record.
    """
    unread: set[tuple[str, str]] = set()
    for file, section in raw.lost:
        stem = os.path.splitext(os.path.basename(file.rpartition(":")[2]))[0]
        if not _in_partners(file):
            if stem in _KIND_OF_FILE:
                unread.add(("kind", _KIND_OF_FILE[stem]))
            continue
        unread.add(("partner", stem.upper()))
        if section in (None, "memberships"):
            unread.add(("kind", "membership"))
    return unread


def _resolve(
    record: RawRecord,
    sources: dict[str, Source],
    unread: set[tuple[str, str]],
    problems: list[Problem],
    suggest: Callable[[str], str],
) -> Any:
    """Put the cited Source records in place of their ids, and the file's partner code in.

    A wrong value is reported here and replaced by a stand-in, so that the record can still
    be built and checked without the same mistake being reported again.
    """
    data = record.data  # read for this load alone, so changing it in place is safe
    cited = data.get("sources")
    if isinstance(cited, list):
        resolved: list[Any] = []
        for index, key in enumerate(cited):
            source = sources.get(key) if isinstance(key, str) else None
            if source is None:
                if not isinstance(key, str):
                    expected = "a source id (text) from the sources file"
                elif ("source", key) in unread or ("kind", "source") in unread:
                    expected = ""  # the source itself could not be read: already reported
                else:
                    expected = ("the id of a source in the sources file"
                                + suggest(key))
                if expected:
                    problems.append(Problem(file=record.file, record=record.label,
                                            field=f"sources[{index}]", value=key,
                                            expected=expected))
                # A stand-in, so the record is built and checked without repeating this; a
                # record elsewhere that cites the same unknown id is reported in its place.
                source = Source(id=str(key), title=str(key), publisher="?")
            resolved.append(source)
        # A tuple of built sources is taken by the converter as it is, item checks and all.
        data["sources"] = tuple(resolved)
    code = _partner_of(record.file)
    if code is not None:
        field = "code" if record.section == "partner" else "partner"
        data.setdefault(field, code)
        if data[field] != code:
            problems.append(Problem(file=record.file, record=record.label, field=field,
                                    value=data[field],
                                    expected=f"{code!r}, the code in the file's name"))
            data[field] = code
    return data


#: How many misspelt source ids a load suggests a correction for: each suggestion compares
#: the id with every source's, so thousands of unknown ids would take seconds.
_SUGGESTIONS = 50


class _Suggestions:
    """Did-you-mean hints for unknown source ids: once per id, and only so many per load."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self.given: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        if key not in self.given:
            within = len(self.given) < _SUGGESTIONS
            self.given[key] = did_you_mean(key, self.sources) if within else ""
        return self.given[key]


def _in_partners(file: str) -> bool:
    """Tell whether a file is a partner file, ``partners/x.toml`` or ``plugin:partners/x.toml``."""
    return file.rpartition(":")[2].startswith("partners/")


@functools.lru_cache(maxsize=1024)
def _partner_of(file: str) -> str | None:
    """The partner code a partner file's name gives (``AZE`` for ``partners/aze.toml``), or
    ``None`` for a file that is not a partner file."""
    if not _in_partners(file):
        return None
    return os.path.splitext(os.path.basename(file))[0].upper()


def _structure(file: str, label: str, cls: type[_R], data: Any, problems: list[Problem],
               *, fast: bool = True) -> _R | None:
    """Build a record, adding to ``problems`` what is wrong with it; ``None`` if it cannot
    be built. ``fast=False`` for one the fast path has refused already."""
    if fast:
        try:
            return STRUCTURERS[cls](data, None, None)  # type: ignore[no-any-return]
        except Exception:  # the converter decides, and says what is wrong
            pass
    # Imported here: a record the fast path refused is the only reason to build the
    # converter (and to import cattrs), so loading valid data never pays for it.
    from .convert import structure_or_describe

    result = structure_or_describe(data, cls, file, label, fast=False)
    if isinstance(result, list):
        problems.extend(result)
        return None
    return result


def from_python(info: DatasetInfo, parts: Parts) -> Parts:
    """Check records built in Python as :func:`build` checks those read from files.

    They skipped the checks of each field that loading makes (the types, finite numbers,
    no lone surrogates, no booleans for numbers): each is built again from its plain data,
    by the converter that builds what files hold, and the checks across records run on
    those built, leaving out references to the records that were refused.

    :param info: what the dataset says about itself.
    :param parts: the records.
    :returns: the records as built again.
    :raises DataError: listing every problem found.
    """
    # Imported here: only records built in Python need the converter, and it takes cattrs
    # with it, which loading the bundled data does without.
    from .convert import structure_or_describe
    from .validate import Unread, check_citations, unread_keys

    problems: list[Problem] = []
    refused: set[tuple[str, str]] = set()

    def rebuild(records: Sequence[Any], cls: type[Any]) -> tuple[Any, ...]:
        built = []
        for record in records:
            name = "dataset" if cls is DatasetInfo else label(record)
            if type(record) is not cls:
                problems.append(Problem(record=name, value=type(record).__name__,
                                        expected=f"a {cls.__name__} record"))
                continue
            plain = _plain(record)
            result = structure_or_describe(plain, cls, None, name)
            if isinstance(result, list):
                problems.extend(result)
                refused.update(unread_keys(cls, plain))
            else:
                built.append(result)
        return tuple(built)

    rebuild([info], DatasetInfo)
    problems += format_problems(info.format)
    parts = Parts(*(rebuild(records, kind.cls) for records, kind in zip(parts, STORED,
                                                                        strict=True)))

    def locate(record: object) -> tuple[str | None, str]:
        return None, label(record)

    problems += parts.check(locate, Unread(keys=frozenset(refused)))
    problems += check_citations(
        (*parts.partners, *parts.programmes, *parts.memberships, *parts.milestones,
         *parts.projects),
        parts.sources,
        locate,
    )
    if problems:
        raise DataError(problems)
    return parts


def _plain(record: Any) -> dict[str, Any]:
    """A record as a data file would hold it, by the type each value has.

    Not by the types the fields declare, as :func:`~nato_partners.unstructure` goes: a
    record built in Python may hold a value of another type, which must reach the
    converter as it is, to be reported.
    """
    return {field.name: _plain_value(getattr(record, field.name))
            for field in attrs.fields(type(record))}


def _plain_value(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, Source):
        return value  # cited sources stay records, as the loader hands them over
    if attrs.has(type(value)):
        return _plain(value)
    if isinstance(value, tuple | list):
        return [_plain_value(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


class Parts(NamedTuple):
    """The records of a dataset before they are indexed, one field per stored kind of
    :data:`~nato_partners._registry.STORED`, in its order."""

    sources: tuple[Source, ...]
    partners: tuple[Partner, ...]
    programmes: tuple[Programme, ...]
    memberships: tuple[Membership, ...]
    milestones: tuple[Milestone, ...]
    projects: tuple[TrustFundProject, ...]

    def check(self, locate: Locator, unread: Unread | None = None) -> list[Problem]:
        from .validate import Unread, check

        return check(**self._asdict(), locate=locate,
                     unread=Unread() if unread is None else unread)


def label(record: object) -> str:
    """How a problem names a record built in Python: its id, or its type."""
    return str(getattr(record, "id", type(record).__name__))
