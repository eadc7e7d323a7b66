"""The benchmark suite: what importing, loading, querying and keeping the data costs.

Every figure is a ratio against a baseline measured in the same run, interleaved with it,
because the machines here are shared and noisy. Each measurement is repeated; the table
gives the median and the spread (lowest to highest) of the repeats.

    python benchmarks/run.py                 # everything, N = 10^3, 10^4, 10^5
    python benchmarks/run.py --quick         # fewer repeats, N up to 10^4
    python benchmarks/run.py --only load     # one section: import, load, query, memory, panel

Needs the library installed (``pip install .``); pandas is used for the query comparison
when it is installed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

import nato_partners as np
from nato_partners import (
    Area,
    Membership,
    Milestone,
    MilestoneKind,
    PartialDate,
    Partner,
    Programme,
    ProgrammeKind,
    Region,
    Source,
)


def timed(func: Callable[[], object], repeat: int) -> list[float]:
    """Run ``func`` ``repeat`` times and return the seconds each run took."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def interleaved(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Time several functions in turn, so that a slow moment hits all of them alike."""
    results: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            results[name] += timed(func, 1)
    return results


def row(name: str, times: list[float], base: list[float] | None, unit: float, label: str,
        *, faster: bool = False) -> str:
    """One line of a table; ``faster`` gives the ratio as how many times faster than base."""
    median = statistics.median(times)
    spread = f"{min(times) / unit:9.2f} - {max(times) / unit:9.2f}"
    if not base:
        ratio = "      -"
    elif faster:
        ratio = f"{statistics.median(base) / median:8.0f}x faster"
    else:
        ratio = f"{median / statistics.median(base):6.2f}x"
    return f"  {name:<44} {median / unit:10.2f} {label:<3} [{spread}]  {ratio}"


def header(title: str) -> None:
    print(f"\n{title}\n  {'measure':<44} {'median':>14}  {'spread (min - max)':>23}  ratio")


# -- (a) import ------------------------------------------------------------------------


def bench_import(repeat: int) -> None:
    header("(a) import, fresh interpreter; ratio against importing attrs, cattrs, pendulum")

    # As installed packages are: with their bytecode compiled (pip does it at install time;
    # an editable install writes it on first import unless the environment forbids it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "import nato_partners as n; n.partner('AZ')"],
                   check=True, env=env)

    def run(code: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, "-c", code], check=True, env=env)

    results = interleaved(
        {
            "baseline: import attrs, cattrs, pendulum": run("import attrs, cattrs, pendulum"),
            "import nato_partners": run("import nato_partners"),
            "import + first query partner('AZ')": run(
                "import nato_partners; nato_partners.partner('AZ')"
            ),
        },
        repeat,
    )
    base = results["baseline: import attrs, cattrs, pendulum"]
    for name, times in results.items():
        print(row(name, times, base, 1e-3, "ms"))


# -- (b) load --------------------------------------------------------------------------


def hand_built(directory: Path) -> list[object]:
    """The practical lower bound: json.loads and records built by hand, no checks."""
    dates: dict[str, PartialDate] = {}

    def date(text: str | None) -> PartialDate | None:
        if text is None:
            return None
        found = dates.get(text)
        if found is None:
            found = dates[text] = PartialDate.parse(text)
        return found

    def load(name: str) -> Any:
        return json.loads((directory / name).read_text("utf-8"))

    sources = {
        s["id"]: Source(id=s["id"], title=s["title"], publisher=s["publisher"], url=s["url"],
                        published=date(s["published"]))
        for s in load("sources.json")["sources"]
    }
    records: list[object] = [
        Programme(id=p["id"], name=p["name"], kind=ProgrammeKind(p["kind"]),
                  established=date(p["established"]), description=p["description"],
                  sources=tuple(sources[i] for i in p["sources"]))
        for p in load("programmes.json")["programmes"]
    ]
    for path in sorted((directory / "partners").iterdir()):
        content = json.loads(path.read_text("utf-8"))
        code = path.stem.upper()
        p = content["partner"]
        records.append(Partner(code=code, alpha2=p["alpha2"], name=p["name"],
                               region=Region(p["region"]),
                               sources=tuple(sources[i] for i in p["sources"])))
        records.extend(
            Membership(partner=code, programme=m["programme"], joined=date(m["joined"]),
                       sources=tuple(sources[i] for i in m["sources"]))
            for m in content["memberships"]
        )
        records.extend(
            Milestone(id=m["id"], partner=code, date=date(m.get("date")),
                      kind=MilestoneKind(m["kind"]), title=m["title"], summary=m["summary"],
                      programme=m.get("programme"),
                      areas=tuple(Area(a) for a in m["areas"]),
                      sources=tuple(sources[i] for i in m["sources"]))
            for m in content["milestones"]
        )
    return records


def naive_load(directory: Path) -> list[object]:
    """What a first attempt would do: a default cattrs converter and the default GC."""
    import cattrs

    converter = cattrs.Converter()
    converter.register_structure_hook(PartialDate, lambda v, _: PartialDate.parse(v))

    def load(name: str) -> Any:
        return json.loads((directory / name).read_text("utf-8"))

    sources = {s["id"]: s for s in load("sources.json")["sources"]}

    def cite(record: dict[str, Any]) -> dict[str, Any]:
        return {**record, "sources": [sources[i] for i in record["sources"]]}

    records: list[object] = [converter.structure(cite(p), Programme)
                             for p in load("programmes.json")["programmes"]]
    for path in sorted((directory / "partners").iterdir()):
        content = json.loads(path.read_text("utf-8"))
        code = path.stem.upper()
        records.append(converter.structure(cite({**content["partner"], "code": code}), Partner))
        records += [converter.structure(cite({**m, "partner": code}), Membership)
                    for m in content["memberships"]]
        records += [converter.structure(cite({**m, "partner": code}), Milestone)
                    for m in content["milestones"]]
    return records


def with_gc_paused(func: Callable[[], object]) -> Callable[[], object]:
    """Run ``func`` under the loader's garbage-collector policy, for a fair bound."""

    def run() -> object:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func()
        finally:
            if enabled:
                gc.enable()

    return run


def bench_load(sizes: list[int], repeat: int, workdir: Path) -> None:
    header("(b) load N records from files; ratio against json.loads + records built by hand")
    for n in sizes:
        directory = synthetic.write(n, workdir / f"n{n}")
        runs = max(3, repeat // (1 + n // 10_000))
        results = interleaved(
            {
                f"N={n:>6}: bound (json + hand-built records)": with_gc_paused(
                    lambda d=directory: hand_built(d)  # type: ignore[misc]
                ),
                f"N={n:>6}: load_dataset": lambda d=directory: np.load_dataset(d),  # type: ignore[misc]
                f"N={n:>6}: naive (default cattrs, default GC)": (
                    lambda d=directory: naive_load(d)  # type: ignore[misc]
                ),
            },
            runs,
        )
        names = list(results)
        base = results[names[0]]
        for name in names:
            print(row(name, results[name], base, 1e-3, "ms"))
        loaded = statistics.median(results[names[1]])
        naive = statistics.median(results[names[2]])
        print(f"  {'':<44} load / naive = {loaded / naive:.2f}x,"
              f" {1e6 * loaded / n:.2f} us per record")
        gc.collect()


# -- (c) queries -----------------------------------------------------------------------


def bench_queries(n: int, repeat: int, workdir: Path) -> None:
    header(f"(c) queries at N={n}; how many times faster than a scan over the records")
    dataset = np.load_dataset(synthetic.write(n, workdir / f"n{n}"))
    milestones = list(dataset.milestones())
    code = dataset.partners()[len(dataset.partners()) // 2].code
    since, until = PartialDate.parse("2000-01-01"), PartialDate.parse("2000-12-31")
    first, last = since.earliest, until.latest
    # Calls per timing: an indexed query takes microseconds, a scan milliseconds.
    inner, scans = 200, 5
    start = time.perf_counter()
    dataset.milestones(kind="visit")  # the first filtered query builds the indexes
    print(f"  {'first filtered query (builds the indexes)':<44} "
          f"{(time.perf_counter() - start) * 1e3:10.2f} ms")

    def many(func: Callable[[], object], count: int = inner) -> Callable[[], object]:
        return lambda: [func() for _ in range(count)]

    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "partner + date range": (
            lambda: dataset.milestones(partner=code, since="2000", until="2000"),
            lambda: [m for m in milestones if m.partner == code and m.date is not None
                     and m.date.year == 2000],
        ),
        "date range only (one month)": (
            lambda: dataset.milestones(since="2000-06", until="2000-06"),
            lambda: [m for m in milestones if m.date is not None and m.date.year == 2000
                     and m.date.month == 6],
        ),
        "partner + programme + kind": (
            lambda: dataset.milestones(partner=code, programme="beta", kind="visit"),
            lambda: [m for m in milestones if m.partner == code and m.programme == "beta"
                     and m.kind is MilestoneKind.VISIT],
        ),
        "memberships of a partner on a date": (
            lambda: dataset.memberships(partner=code, on="2010-01-01"),
            lambda: [m for m in dataset.memberships() if m.partner == code
                     and m.in_force(first, last)],
        ),
    }
    for name, (query, scan) in cases.items():
        results = interleaved({"scan": many(scan, scans), "indexed": many(query)}, repeat)
        base = [t / scans for t in results["scan"]]
        print(row(f"{name}: list scan", base, None, 1e-6, "us"))
        print(row(f"{name}: indexed query", [t / inner for t in results["indexed"]], base,
                  1e-6, "us", faster=True))
    try:
        import pandas as pd
    except ImportError:
        print("  (pandas not installed: no DataFrame comparison)")
    else:
        frame = pd.DataFrame({"partner": [m.partner for m in milestones],
                              "day": [m.date.earliest if m.date else None for m in milestones]})
        frame["day"] = pd.to_datetime(frame["day"])
        lo, hi = pd.Timestamp(first), pd.Timestamp(last)
        results = interleaved({
            "mask": many(lambda: frame[(frame["partner"] == code) & (frame["day"] >= lo)
                                       & (frame["day"] <= hi)], scans),
            "indexed": many(lambda: dataset.milestones(partner=code, since="2000",
                                                       until="2000")),
        }, repeat)
        base = [t / scans for t in results["mask"]]
        print(row("partner + date range: pandas boolean mask", base, None, 1e-6, "us"))
        print(row("partner + date range: indexed query", [t / inner for t in
                                                          results["indexed"]], base, 1e-6,
                  "us", faster=True))
    texts = [(m, " ".join((m.title, m.summary)).casefold()) for m in milestones]
    dataset.search("warm-up")  # builds the search text once, as the first search does
    results = interleaved({
        "scan": lambda: [m for m, t in texts if "event 4" in t],
        "search": lambda: dataset.search("event 4"),
    }, repeat)
    print(row("search(text): scan of precomputed lower-case text", results["scan"], None,
              1e-3, "ms"))
    print(row("search(text)", results["search"], results["scan"], 1e-3, "ms"))


# -- (d) memory ------------------------------------------------------------------------


def bench_memory(n: int, workdir: Path) -> None:
    header(f"(d) memory kept at N={n}; ratio against the same data as plain dicts")
    directory = synthetic.write(n, workdir / f"n{n}")

    def kept(func: Callable[[], object]) -> int:
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        value = func()
        gc.collect()
        size = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del value
        return size

    dicts = kept(lambda: [json.loads(p.read_text("utf-8"))
                          for p in sorted(directory.rglob("*.json"))])
    dataset = kept(lambda: np.load_dataset(directory))
    print(f"  {'plain dicts (json.loads of every file)':<44} {dicts / n:10.0f} B per record")
    print(f"  {'loaded Dataset':<44} {dataset / n:10.0f} B per record"
          f"   {dataset / dicts:.2f}x")


# -- (e) panels -------------------------------------------------------------------------


def naive_panel(first: int, last: int) -> list[object]:
    """The panel as a user would build it without panel(): participates() per cell."""
    dataset = np.load()
    return [dataset.participates(partner, programme, on=str(year))
            for programme in dataset.programmes() for partner in dataset.partners()
            for year in range(first, last + 1)]


def bench_panel(repeat: int) -> None:
    header("(e) a full panel of the bundled data (every partner, programme and year); "
           "ratio against participates() per cell")
    try:
        import pandas  # noqa: F401 - panel() needs it
    except ImportError:
        print("  (pandas is not installed: skipped)")
        return
    np.load()
    np.panel(start=2000, end=2000)  # pandas and numpy imported outside the timing
    frame = np.panel()
    first, last = int(frame["period"].min()), int(frame["period"].max())
    times = interleaved({"panel": lambda: np.panel(),
                         "naive": lambda: naive_panel(first, last)}, max(3, repeat // 3))
    label = f"{len(frame):,} cells, {first}-{last}"
    print(row(f"naive: participates() per cell ({label})", times["naive"], None, 1e-3, "ms"))
    print(row("panel()", times["panel"], times["naive"], 1e-3, "ms", faster=True))
    median = statistics.median(times["panel"]) * 1e3
    verdict = "met" if median <= 50 else f"missed by {median - 50:.0f} ms"
    print(f"  goal: at most 50 ms for the full panel: {median:.0f} ms, {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, N up to 10^4")
    parser.add_argument("--only", choices=["import", "load", "query", "memory", "panel"])
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    repeat = 5 if args.quick else 15
    print(f"nato_partners {np.__version__} on Python {platform.python_version()}, "
          f"{platform.machine()}, {platform.system()}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.only in (None, "import"):
            bench_import(repeat * 2)
        if args.only in (None, "load"):
            bench_load(sizes, repeat, workdir)
        if args.only in (None, "query"):
            bench_queries(sizes[-1], repeat, workdir)
        if args.only in (None, "memory"):
            bench_memory(sizes[-1], workdir)
        if args.only in (None, "panel"):
            bench_panel(repeat)


if __name__ == "__main__":
    main()
