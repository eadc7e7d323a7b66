"""Fuzzing load_dataset: thousands of damaged copies of the bundled files.

Every outcome must be a Dataset or a DataError whose problems print; any other exception
is a bug. The damage is seeded, so a failure can be replayed, and the run stops after a
fixed number of cases or a time budget, whichever comes first, to keep CI quick.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
import time
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from nato_partners import DataError, Dataset, Problem, load_dataset

_SEED = 20261128
_CASES = 3000
#: A safety stop for slow machines; the cases normally run out well before it.
_BUDGET_SECONDS = 50.0

#: Stands for a number of 5,000 digits, which json.dumps cannot write: put in after it.
_HUGE = "<a number of 5000 digits>"

#: Values swapped into parsed data: wrong types, impossible dates, unknown words, extremes.
_ODD_VALUES: list[Any] = [
    None, True, 0, -1, 2**70, -0.5, 1e308, float("nan"), float("inf"), "", " ", "x" * 500,
    "1994-13-45", "1995-02-29", "0000", "99999", "2024-1-1", "jioned", "ftp://x", "AZ", "aze",
    "\u00e9\u0259\u0131", "\ud800", "\x00", [], [None], [1, 2], ["no-such-source"], {},
    {"id": 1}, [{}], [[[[]]]],
    # Digits that are not ASCII, numbers Python will not read, text that drives terminals.
    "\u0661\u0669\u0669\u0664", "\uff11\uff19\uff19\uff14-\uff10\uff15", _HUGE,
    "\x1b[2J\x1b]0;title\x07", "\u202eevil", "\x9b31m", "a\nb\r\tc",
]


def _byte_flips(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def _line_edit(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    action = rng.choice(["delete", "duplicate", "swap", "truncate"])
    if action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "swap":
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    else:
        return data[: rng.randrange(len(data))]
    return b"\n".join(lines)


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside parsed data."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _nodes(item, (*path, index))
    return found


def _value_swap(content: Any, rng: random.Random) -> Any:
    """Replace, delete or rename one value somewhere in the parsed data."""
    paths = [p for p in _nodes(content) if p]
    path = rng.choice(paths)
    parent = content
    for step in path[:-1]:
        parent = parent[step]
    key = path[-1]
    action = rng.random()
    if action < 0.6:
        # An odd value, or a value from elsewhere in the same file.
        elsewhere = rng.choice(paths)
        donor = content
        for step in elsewhere:
            donor = donor[step]
        parent[key] = copy.deepcopy(rng.choice([*_ODD_VALUES, donor, donor, donor]))
    elif action < 0.8:
        del parent[key]
    elif isinstance(parent, dict):
        parent[key[:-1] + key[-1:] * 2 if key else "?"] = parent.pop(key)  # misspelt key
    else:
        parent.append(parent[key])  # a duplicated record or item
    return content


def _mutate(root: Path, files: list[Path], rng: random.Random) -> Callable[[], None]:
    """Damage one file; return what puts it back."""
    path = rng.choice(files)
    original = path.read_bytes()
    kind = rng.random()
    if kind < 0.35:
        path.write_bytes(_byte_flips(original, rng))
        return lambda: path.write_bytes(original)
    if kind < 0.6:
        path.write_bytes(_line_edit(original, rng))
        return lambda: path.write_bytes(original)
    # Parsed data with a value swapped, written as JSON, which can hold any of them.
    content = _value_swap(tomllib.loads(original.decode("utf-8")), rng)
    swapped = path.with_suffix(".json")
    path.unlink()
    text = json.dumps(content, ensure_ascii=rng.random() < 0.5)
    text = text.replace(json.dumps(_HUGE), "9" * 5000)
    # A lone surrogate written raw makes bytes that are not UTF-8: damage worth trying too.
    swapped.write_bytes(text.encode("utf-8", "surrogatepass"))

    def restore() -> None:
        swapped.unlink()
        path.write_bytes(original)

    return restore


def _load(path: Path) -> Dataset | DataError:
    try:
        return load_dataset(path)
    except DataError as error:
        return error


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    """The bundled shared files and three partner files, Azerbaijan's among them."""
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        (tmp_path / "partners").mkdir()
        for entry in data.iterdir():
            if entry.is_file():
                shutil.copy(entry, tmp_path / entry.name)
        others = sorted((p for p in (data / "partners").iterdir() if p.name != "aze.toml"),
                        key=lambda p: p.stat().st_size)
        for entry in [data / "partners" / "aze.toml", *others[:2]]:
            shutil.copy(entry, tmp_path / "partners" / entry.name)
    return tmp_path


def test_damaged_files_give_a_dataset_or_a_data_error(small_copy: Path) -> None:
    assert isinstance(load_dataset(small_copy), Dataset)
    files = sorted(p for p in small_copy.rglob("*.toml"))
    rng = random.Random(_SEED)
    deadline = time.monotonic() + _BUDGET_SECONDS
    outcomes = {"dataset": 0, "error": 0}
    case = 0
    while case < _CASES and time.monotonic() < deadline:
        case += 1
        restore = _mutate(small_copy, files, rng)
        try:
            outcome = _load(small_copy)
        except Exception as error:  # pragma: no cover - what the test exists to catch
            pytest.fail(f"case {case} (seed {_SEED}) raised {error!r}")
        finally:
            restore()
        if isinstance(outcome, DataError):
            assert outcome.problems
            assert all(isinstance(p, Problem) for p in outcome.problems)
            assert str(outcome)
            outcomes["error"] += 1
        else:
            outcomes["dataset"] += 1
    # The damage was neither all fatal nor all harmless.
    assert outcomes["error"] > 0
    assert outcomes["dataset"] > 0
    assert isinstance(load_dataset(small_copy), Dataset)


# -- huge problem counts: the problems kept do not grow with the records -------------------

_EMPTY_RECORDS = {
    "milestones": "\n[[milestones]]\n",
    "memberships": "\n[[memberships]]\n",
    "trust_fund_projects": "\n[[trust_fund_projects]]\n",
    "odd milestones": '\n[[milestones]]\nid = "x"\ndate = "1994-13"\nkind = 7\nsources = []\n',
}


@pytest.mark.parametrize("section", list(_EMPTY_RECORDS))
@pytest.mark.parametrize("count", [500, 5000])
def test_thousands_of_broken_records_give_a_bounded_data_error(
    small_copy: Path, section: str, count: int
) -> None:
    from nato_partners.errors import PROBLEMS_KEPT

    azerbaijan = small_copy / "partners" / "aze.toml"
    azerbaijan.write_text(azerbaijan.read_text("utf-8") + _EMPTY_RECORDS[section] * count,
                          "utf-8")
    outcome = _load(small_copy)
    assert isinstance(outcome, DataError)
    problems = outcome.problems
    assert all(p.file == "partners/aze.toml" for p in problems)
    causes = {(p.field, p.expected) for p in problems if "more problems like" not in p.expected}
    # At most PROBLEMS_KEPT of each cause, and one line for each cause cut short.
    assert len(problems) <= len(causes) * (PROBLEMS_KEPT + 1)
    assert any(p.expected.startswith(f"{count - PROBLEMS_KEPT:,} more problems")
               for p in problems)
    assert str(outcome)
