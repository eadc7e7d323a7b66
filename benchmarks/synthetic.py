"""Synthetic datasets of N records in the data format, for measuring at scale.

The records are made up (their alpha-3 codes start with ``Q``, which ISO 3166 leaves to
private use, and every title says it is synthetic) but they pass the same checks as the
bundled data: references resolve, ids are unique, dates fall inside programme lifetimes.

    python benchmarks/synthetic.py 100000 /tmp/synthetic-1e5
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import string
from pathlib import Path
from typing import Any

#: Programmes of the synthetic data, with the year each began.
PROGRAMMES = {"alpha": 1990, "beta": 1994, "gamma": 1997, "delta": 2004, "epsilon": 2010}
KINDS = ["signed", "visit", "training", "research", "project", "deployment", "approved"]
AREAS = ["cyber-defence", "counter-terrorism", "public-diplomacy", "demilitarization",
         "science", "peace-support"]
RECORDS_PER_PARTNER = 200
SOURCES = 500
FIRST_DAY = 726_000  # 1988-09-25 as an ordinal; 13,000 days on reaches 2024


def _codes() -> list[tuple[str, str]]:
    """Partner codes: alpha-3 codes starting with Q (private use in ISO 3166) and the
    two-letter codes after it, which are unique but stand for no real country here."""
    letters = string.ascii_uppercase
    return [(f"Q{a}{b}", f"{a}{b}") for a, b in itertools.product(letters, repeat=2)]


def _date(rng: random.Random) -> str:
    import datetime

    day = datetime.date.fromordinal(FIRST_DAY + rng.randrange(13_000))
    roll = rng.random()
    if roll < 0.1:
        return f"{day.year:04d}"
    if roll < 0.25:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def generate(n: int, seed: int = 1) -> dict[str, Any]:
    """Make the content of a dataset directory with about ``n`` records.

    :param n: how many partner, membership, milestone and project records to make.
    :param seed: the random seed, so that runs are repeatable.
    :returns: a dict from relative file name to the JSON content of that file.
    """
    rng = random.Random(seed)
    partners = max(1, min(len(_codes()), n // RECORDS_PER_PARTNER))
    per_partner = n // partners
    files: dict[str, Any] = {
        "dataset.json": {"format": 1, "version": f"synthetic-{n}", "reviewed": "2026-11-28",
                         "title": f"Synthetic dataset of {n} records"},
        "sources.json": {"sources": [
            {"id": f"s{i}", "title": f"Synthetic source {i}", "publisher": "Benchmarks",
             "url": f"https://example.org/source/{i}", "published": _date(rng)}
            for i in range(SOURCES)
        ]},
        "programmes.json": {"programmes": [
            {"id": pid, "name": f"Programme {pid.title()}", "kind": "partnership",
             "established": str(year), "description": "A synthetic programme.",
             "sources": [f"s{i}"]}
            for i, (pid, year) in enumerate(PROGRAMMES.items())
        ]},
    }
    made = 0
    for code, alpha2 in _codes()[:partners]:
        count = per_partner if made + per_partner <= n else n - made
        programmes = rng.sample(sorted(PROGRAMMES), k=min(len(PROGRAMMES), max(0, count - 1)))
        memberships = [
            {"programme": pid, "joined": f"{rng.randrange(PROGRAMMES[pid], 2024)}",
             "sources": [f"s{rng.randrange(SOURCES)}"]}
            for pid in programmes
        ]
        milestones = []
        for index in range(max(0, count - 1 - len(memberships))):
            date = _date(rng)
            kind = rng.choice(KINDS)
            programme = rng.choice(programmes) if programmes and rng.random() < 0.6 else None
            if programme is not None and int(date[:4]) < PROGRAMMES[programme]:
                date = str(PROGRAMMES[programme])  # not before the programme began
            milestones.append({
                "id": f"{code.lower()}-{index}",
                "date": date,
                "kind": kind,
                "programme": programme,
                "areas": rng.sample(AREAS, k=rng.randrange(3)),
                "title": f"Synthetic event {index} of {code}",
                "summary": f"A made-up event number {index} for measuring the library.",
                "sources": [f"s{rng.randrange(SOURCES)}" for _ in range(rng.randrange(1, 3))],
            })
        files[f"partners/{code.lower()}.json"] = {
            "partner": {"alpha2": alpha2, "name": f"Synthetic {code}", "region": "global",
                        "sources": ["s0"]},
            "memberships": memberships,
            "milestones": [{k: v for k, v in m.items() if v is not None} for m in milestones],
        }
        made += 1 + len(memberships) + len(milestones)
        if made >= n:
            break
    return files


def write(n: int, directory: Path, seed: int = 1) -> Path:
    """Write a synthetic dataset of about ``n`` records into ``directory``.

    :param n: how many records.
    :param directory: where to write; created if missing.
    :param seed: the random seed.
    :returns: the directory.
    """
    for name, content in generate(n, seed).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of records")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(write(args.n, args.directory, args.seed))


if __name__ == "__main__":
    main()
