"""Reading a dataset: files, then structured records, then the checks, then a :class:`Dataset`.

Data flows one way through it: :mod:`~nato_partners.files` reads a directory (or the
bundled JSON) into raw records, the converter structures each one (describing every
failure in place), the checks of :mod:`~nato_partners.validate` look across them, and only
a dataset without problems is indexed and returned. The cyclic collector is paused while
a dataset is built, and the bundled data is read once, with or without the datasets that
other packages register as plugins.
"""

from __future__ import annotations

import os
import threading
from importlib.resources.abc import Traversable  # pendulum imports importlib.resources
from typing import TYPE_CHECKING, TypeVar

import attrs

if TYPE_CHECKING:
    import importlib.metadata

from ._build import build, format_problems
from ._gc import collector_paused
from .dataset import Dataset
from .errors import DataError, Problem
from .files import RawDataset, read_bundle, read_directory

__all__ = ["PLUGIN_GROUP", "load", "load_dataset"]

_R = TypeVar("_R")

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
        return Dataset._checked(*build(read_directory(path)))


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
        return Dataset._checked(*build(raw, checked=not plugins))


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
        if raw.info is not None:
            problems += format_problems(raw.info.get("format"), f"{name}:{raw.info_file}")
    sections.sort(key=lambda part: part.section != "sources")  # every source first
    return RawDataset(base.info, base.info_file, sections, problems, lost)
