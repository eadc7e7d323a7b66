"""The first answer: a partner found by code or name without loading the whole dataset.

``nato_partners.partner("AZ")`` is most often a program's first question, and loading the
bundled dataset to answer it would build some three thousand records to return one.
``_partners.jsonl``, written next to ``_data.json`` by ``scripts/bundle-data``, holds
what that question needs and nothing else: its first line maps every key that
:meth:`Dataset.partner <nato_partners.Dataset.partner>` finds without a search (a code as
written, or a code, number, name or alias folded) to a line and gives where each line
lies, and each further line holds one partner's record and the sources it cites, as the
bundle has them; only the first line and the line asked for are read. A partner is built
from its line by the loader's own fast path, so the record is equal to the one the loaded
dataset holds, sources included (a test holds that for every partner and key).

Only :func:`nato_partners.partner` asks here, and only while the bundled dataset is not
loaded: once it is, the dataset answers, so that every record a program gets from then on
is the dataset's own. Anything else (a number, a word of a name, a key that finds no one)
goes to the full load, which knows the answer or says why there is none.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import Dataset
    from .model import Partner

__all__ = ["FILE", "bundle", "find", "partner"]

#: The file's name, next to this module.
FILE = "_partners.jsonl"
# Changed when the layout of the file changes, so that a file from another version is
# not misread: it is then ignored and the full load answers.
_FORMAT = 1

# The loader's module, which holds the loaded dataset once there is one.
_LOADING = f"{__package__}.loading"

_lock = threading.Lock()
# Both published whole, under the lock: the file's index (each key's line, where each line
# lies after the first, and the first line's length), then each record once built.
_index: tuple[dict[str, int], list[list[int]], int] | None = None
_built: dict[int, Partner] = {}


def partner(key: str) -> Partner | None:
    """The partner a code or a name finds, while the bundled dataset is not loaded yet.

    :param key: the key as given to :func:`nato_partners.partner`.
    :returns: the partner, equal to the loaded dataset's; ``None`` for a key this file does
        not answer, or once the bundled dataset is loaded (which then answers itself).
    """
    loading = sys.modules.get(_LOADING)
    if loading is not None and loading._loaded.get(False) is not None:
        return None
    return find(key)


def find(key: str) -> Partner | None:
    """The partner a code as written, or a folded code, number, name or alias finds.

    :param key: the key, as :meth:`Dataset.partner <nato_partners.Dataset.partner>`
        takes it.
    :returns: the partner, or ``None`` for a key that needs the whole dataset (or if the
        file cannot be read).
    """
    keys, spans, base = _index or _read()
    line = keys.get(key)
    if line is None:
        line = keys.get(key.strip().casefold())
        if line is None:
            return None
    found = _built.get(line)
    if found is None:
        with _lock:
            found = _built.get(line)
            if found is None:
                start, size = spans[line - 1]
                found = _built[line] = _build(_bytes(base + start, size))
    return found


def _read() -> tuple[dict[str, int], list[list[int]], int]:
    """Read the file's first line once: no keys if the file is missing or of another
    format, so that the full load answers."""
    global _index
    with _lock:
        if _index is None:
            try:
                first = _bytes(0, None)
                head = json.loads(first)
            except (OSError, ValueError):
                head = {}
            ok = head.get("format") == _FORMAT
            _index = (head["keys"], head["lines"], len(first)) if ok else ({}, [], 0)
        return _index


def _bytes(start: int, size: int | None) -> bytes:
    """``size`` bytes of the file from ``start``, or its first line for ``None``: only
    what a question needs is read, by the file's path when the package is a directory of
    files, as installed packages are, or through importlib.resources (from a zip file)."""
    try:
        with open(os.path.join(os.path.dirname(__file__), FILE), "rb") as stream:
            stream.seek(start)
            return stream.readline() if size is None else stream.read(size)
    except OSError:
        from importlib.resources import files

        whole = (files(__package__) / FILE).read_bytes()
        if size is None:
            return whole[:whole.find(b"\n") + 1]
        return whole[start:start + size]


def _build(line: bytes) -> Partner:
    """Build a partner and the sources it cites from its line, by the loader's fast path."""
    from ._fastpath_code import STRUCTURERS
    from .model import Partner, Source

    data = json.loads(line)
    source = STRUCTURERS[Source]
    sources = {raw["id"]: source(raw, None, None) for raw in data["sources"]}
    return STRUCTURERS[Partner](data["partner"], sources, data["code"])  # type: ignore[no-any-return]


def bundle(dataset: Dataset, bundle_text: str) -> str:
    """Write the file from a dataset and the bundle it was read from.

    :param dataset: the bundled dataset, loaded and checked.
    :param bundle_text: the bundle (``_data.json``) the dataset is read from: each
        partner's line holds its record and sources as the bundle has them.
    :returns: the file's text, ASCII only, to be written with ``"\\n"`` line ends.
    :raises ValueError: if a key would find another partner here than in the dataset.
    """
    raw = json.loads(bundle_text)
    sources = {source["id"]: source for source in raw["sources.toml"]["sources"]}
    partners = dataset.partners()
    lines: list[str] = []
    for record in partners:
        data: dict[str, Any] = raw[f"partners/{record.code.lower()}.toml"]["partner"]
        lines.append(json.dumps({
            "code": record.code,
            "partner": data,
            "sources": [sources[key] for key in data.get("sources", ())],
        }, sort_keys=True))  # ASCII, so that a line's place in bytes is its place in text
    # The keys Dataset.partner finds without a search, as its lookup makes them.
    from ._lookup import partner_keys

    line_of = {record.code: line for line, record in enumerate(partners, start=1)}
    index = {key: line_of[record.code] for key, record in partner_keys(partners).items()}
    for key, line in index.items():
        if dataset.partner(key).code != partners[line - 1].code:
            raise ValueError(f"{key!r} finds another partner in the dataset")
    spans, start = [], 0
    for line_text in lines:
        spans.append([start, len(line_text) + 1])
        start += len(line_text) + 1
    head = json.dumps({"format": _FORMAT, "keys": index, "lines": spans}, sort_keys=True)
    return "\n".join([head, *lines]) + "\n"
