"""Reading a dataset: files, then structured records, then the checks, then a :class:`Dataset`.

Data flows one way through it: :mod:`~nato_partners.files` reads a directory (or the
bundled JSON) into raw records, the converter structures each one (describing every
failure in place), the checks of :mod:`~nato_partners.validate` look across them, and only
a dataset without problems is indexed and returned. The cyclic collector is paused while
a dataset is built, and the bundled data is read once, with or without the datasets that
other packages register as plugins.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from importlib.resources.abc import Traversable  # pendulum imports importlib.resources
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

if TYPE_CHECKING:
    import importlib.metadata

from ._fastpath_code import STRUCTURERS
from ._gc import collector_paused
from ._version import FORMAT_VERSION
from .dataset import Dataset, _label, _Parts
from .errors import DataError, Problem, _Capped, did_you_mean
from .files import (
    FILE_SECTIONS,
    PARTNER_SECTIONS,
    RawDataset,
    RawRecord,
    RawSection,
    read_bundle,
    read_directory,
)
from .model import DatasetInfo, Source

__all__ = ["PLUGIN_GROUP", "load", "load_dataset"]

_R = TypeVar("_R")

#: The record type of each section.
_SECTIONS: dict[str, type[Any]] = {
    section: cls
    for sections in (*FILE_SECTIONS.values(), PARTNER_SECTIONS)
    for section, (cls, _) in sections.items()
}


def load_dataset(path: str | os.PathLike[str] | Traversable) -> Dataset:
    """Read and check a dataset directory laid out like the bundled one.

    Every problem is collected before anything is raised: a record that cannot be read is
    reported, and the checks across records still run on all the others (leaving out
    references to the records that could not be read, which would only repeat the news).

    :param path: the directory (see :doc:`/data-format`).
    :returns: the dataset.
    :raises DataError: listing every problem found (at most
        :data:`~nato_partners.errors.PROBLEMS_KEPT` of one cause in one file, with their
        number): files that cannot be read, fields
        that are missing, unknown or invalid, references that do not resolve, and the
        other checks in :doc:`/data-format`; or an empty path.
    :raises TypeError: if ``path`` is not a path (``None``, say).
    """
    if path is None or not isinstance(path, str | os.PathLike | Traversable):
        raise TypeError(f"load_dataset() needs the path of a dataset directory, not "
                        f"{type(path).__name__}")
    if isinstance(path, str | os.PathLike) and not os.fspath(path):
        raise DataError([Problem(expected="the path of a dataset directory (got an empty "
                                 "path, which would read the current directory)")])
    with collector_paused():
        return _build(read_directory(path))


def _build(raw: RawDataset, *, checked: bool = False) -> Dataset:
    """Check and structure everything read from a dataset, and index it.

    One pass over the sections, file by file, so that a file's parsed dicts can go as soon
    as its records are built: the sources come first, so that every citation resolves.
    With ``checked``, the checks across records are left out: each record is still built
    and checked field by field, but its references and dates were checked together when
    the data was bundled.
    """
    problems = _Capped()
    origins = _Origins()
    unread = _lost(raw)

    info: DatasetInfo | None = None
    if raw.info is not None:
        info = _structure(raw.info_file, "dataset", DatasetInfo, raw.info, problems)
        if info is not None and info.format != FORMAT_VERSION:
            problems.append(Problem(file=raw.info_file, record="dataset", field="format",
                                    value=info.format,
                                    expected=f"format version {FORMAT_VERSION}"))

    sources: dict[str, Source] = {}
    suggest = _Suggestions(sources)
    built: dict[str, list[Any]] = {section: [] for section in _SECTIONS}
    for part in raw.sections:
        out = built[part.section]
        start = len(out)
        # The common case, a section whose every record the fast path takes, in one go.
        fast = STRUCTURERS[_SECTIONS[part.section]]
        code = _partner_of(part.file)
        try:
            out += [fast(item, sources, code) for item in part.items]
        except Exception:  # one record at a time, the converter deciding on any doubt
            del out[start:]
            for record in part.records():
                built_record = _one(record, sources, unread, problems, suggest)
                if built_record is not None:
                    out.append(built_record)
                    origins.note(built_record, record)
        else:
            origins.add(part, out[start:])
        if part.section == "sources":
            for source in out[start:]:
                sources.setdefault(source.id, source)

    problems[:0] = raw.problems  # what could not be read, known once every file was read
    unread |= _lost(raw)
    parts = _Parts(
        sources=tuple(built["sources"]),
        partners=tuple(built["partner"]),
        programmes=tuple(built["programmes"]),
        memberships=tuple(built["memberships"]),
        milestones=tuple(built["milestones"]),
        projects=tuple(built["trust_fund_projects"]),
    )
    if checked and not problems and info is not None:
        return Dataset._checked(info, parts)
    from .validate import Unread  # only where the checks run: see _load_bundled

    problems += parts.check(
        origins,
        Unread(keys=frozenset(k for k in unread if k[0] != "kind"),
               kinds=frozenset(k[1] for k in unread if k[0] == "kind")),
    )
    if problems or info is None:
        raise DataError(problems.whole())
    return Dataset._checked(info, parts)


def _one(record: RawRecord, sources: dict[str, Source], unread: set[tuple[str, str]],
         problems: list[Problem], suggest: Callable[[str], str]) -> Any:
    """Build one record of a section the fast path refused, after resolving its sources,
    adding to ``problems`` what is wrong; ``None`` for a record that cannot be built.

    The section's other records come this way too: a load that comes here ends in an
    error, so speed matters less than one path for every message.
    """
    cls = _SECTIONS[record.section]
    if cls is Source:
        source = _structure(record.file, record.label, Source, record.data, problems)
        if source is None:
            unread.add(("source", record.label))
        return source
    data = _resolve(record, sources, unread, problems, suggest)
    built = _structure(record.file, record.label, cls, data, problems)
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

    def note(self, built: object, raw: RawRecord) -> None:
        """Note where one record came from."""
        self.notes[id(built)] = (raw.file, raw.label)

    def __call__(self, record: object) -> tuple[str | None, str]:
        if self.by_id is None:
            # The labels RawSection.label gives: the id of a record that has one (its data
            # held it, or the fast path would not have built it), else the position.
            self.by_id = {
                id(built): (file, built.id if type(built) in _WITH_ID else f"{section}[{i}]")
                for file, section, run in self.runs for i, built in enumerate(run)
            }
            self.by_id.update(self.notes)
        return self.by_id.get(id(record), (None, _label(record)))


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


def _structure(
    file: str, label: str, cls: type[_R], data: Any, problems: list[Problem]
) -> _R | None:
    """Build a record, adding to ``problems`` what is wrong with it; ``None`` if it cannot
    be built."""
    try:
        return STRUCTURERS[cls](data, None, None)  # type: ignore[no-any-return]
    except Exception:  # the converter decides, and says what is wrong
        pass
    # Imported here: a record the fast path refused is the only reason to build the
    # converter (and to import cattrs), so loading valid data never pays for it.
    from .convert import structure_or_describe

    result = structure_or_describe(data, cls, file, label)
    if isinstance(result, list):
        problems.extend(result)
        return None
    return result


#: The entry-point group under which other packages register dataset directories that
#: :func:`load` adds to the bundled data when asked to.
PLUGIN_GROUP = "nato_partners.datasets"

# One lock per kind of load, so that the bundled data never waits for a slow plugin.
_locks = {False: threading.Lock(), True: threading.Lock()}
_loaded: dict[bool, Dataset] = {}


def load(*, plugins: bool = False) -> Dataset:
    """The dataset bundled with the library, read and checked on first use, then cached.

    Safe to call from several threads at once: the data is read once.

    :param plugins: also read the dataset directories that installed packages register in
        the entry-point group ``nato_partners.datasets`` (see :doc:`/data-format`), checked
        together with the bundled data.
    :returns: the bundled dataset, with the plugins' records if asked.
    :raises DataError: if a plugin's data is not valid (naming the plugin in each file
        name), or if the installed package's own data was damaged.
    """
    dataset = _loaded.get(plugins)
    if dataset is None:
        with _locks[plugins]:
            dataset = _loaded.get(plugins)
            if dataset is None:
                dataset = _loaded[plugins] = _load_bundled(plugins)
    return dataset


def _load_bundled(plugins: bool) -> Dataset:
    # The TOML files under data/ are what people edit; _data.json is the same content in
    # one JSON document, which parses far faster. scripts/bundle-data writes it only from
    # data that passed every check, and a test holds it equal to the files: so the checks
    # across records, a tenth of the first answer's cost, are not made again here, unless
    # plugins add records of their own.
    raw = read_bundle(_bundle_text())
    if plugins:
        from importlib.metadata import entry_points  # slow to import; only plugins need it

        raw = _merge(raw, [(entry.name, _read_plugin(entry))
                           for entry in entry_points(group=PLUGIN_GROUP)])
    with collector_paused():
        return _build(raw, checked=not plugins)


def _bundle_text() -> str:
    """The bundled data's JSON text: by its path when the package is a directory of files,
    as installed packages are, or through importlib.resources (from a zip file, say)."""
    path = os.path.join(os.path.dirname(__file__), "_data.json")
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except OSError:
        from importlib.resources import files

        return (files("nato_partners") / "_data.json").read_text("utf-8")


def _read_plugin(entry: importlib.metadata.EntryPoint) -> RawDataset:
    """Read the dataset directory an entry point names (or a function of it returns)."""
    try:
        root = entry.load()
        if callable(root):
            root = root()
        return read_directory(root, whole=False)
    except (Exception, SystemExit) as error:  # a broken plugin is a problem, not an exit
        return RawDataset(None, "dataset.toml", (), (Problem(
            file=None, record=entry.value, expected="an entry point that gives a dataset "
            f"directory ({type(error).__name__}: {error})"),))


def _merge(base: RawDataset, plugins: list[tuple[str, RawDataset]]) -> RawDataset:
    """Add the plugins' records to the bundled ones, their file names behind the plugin's."""
    sections = list(base.sections)
    problems = list(base.problems)
    lost = set(base.lost)
    for name, raw in plugins:
        sections += [part._replace(file=f"{name}:{part.file}") for part in raw.sections]
        problems += [attrs.evolve(p, file=f"{name}:{p.file or ''}") for p in raw.problems]
        lost |= {(f"{name}:{file}", section) for file, section in raw.lost}
        if raw.info is not None and raw.info.get("format") != FORMAT_VERSION:
            problems.append(Problem(file=f"{name}:{raw.info_file}", field="format",
                                    value=raw.info.get("format"),
                                    expected=f"format version {FORMAT_VERSION}"))
    sections.sort(key=lambda part: part.section != "sources")  # every source first
    return RawDataset(base.info, base.info_file, sections, problems, lost)
