"""The benchmark suite: what the first answer, loading, questions and memory cost.

Every figure is a ratio against a baseline measured in the same run, interleaved with it,
because the machines here are shared and noisy. Each measurement is repeated; the tables
give the median and the spread (lowest to highest) of the repeats. The run ends with the
project's goals, each marked met or missed (and by how much).

    python benchmarks/run.py                 # everything, N = 10^3, 10^4, 10^5
    python benchmarks/run.py --quick         # fewer repeats, N up to 10^4
    python benchmarks/run.py --only load     # one section: first, load, query, memory,
                                             # panel, package
    python benchmarks/run.py --record        # also write docs/benchmark-results.txt and
                                             # the README's table, from this one run

Needs the library installed (``pip install .``); pandas is used for the query comparison
and the panel when it is installed.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

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

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "docs" / "benchmark-results.txt"
README = ROOT / "README.md"


class Goal(NamedTuple):
    """One of the project's goals, and where this run leaves it."""

    goal: str
    measured: str
    met: bool
    verdict: str


def goal(text: str, measured: float, limit: float, unit: str, shown: str | None = None,
         *, at_least: bool = False) -> Goal:
    """A goal of the form "at most ``limit``" (or at least), judged on ``measured``."""
    met = measured >= limit if at_least else measured <= limit
    shown = shown or f"{measured:.2f}{unit}"
    if met:
        verdict = "met"
    elif at_least:
        verdict = f"missed: {limit / measured:.1f}x short"
    else:
        verdict = f"missed by {100 * (measured / limit - 1):.0f}%"
    return Goal(text, shown, met, verdict)


class Report:
    """What a run prints, kept so that ``--record`` can write the same text."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.goals: list[Goal] = []

    def out(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def header(self, title: str) -> None:
        self.out()
        self.out(title)
        self.out(f"  {'measure':<52} {'median':>14}  {'spread (min - max)':>23}  ratio")

    def row(self, name: str, times: list[float], base: list[float] | None, unit: float,
            label: str, *, faster: bool = False) -> float:
        """One line of a table; ``faster`` gives the ratio as how many times faster than base.

        The ratio is the median of the ratios of the runs timed in turn with the base's,
        pair by pair, so that a drift in the machine's speed during a run cancels out.

        :returns: the ratio (times base for ``faster``), or 0 without a base.
        """
        median = statistics.median(times)
        spread = f"{min(times) / unit:9.2f} - {max(times) / unit:9.2f}"
        ratio = 0.0
        if not base:
            shown = "      -"
        elif faster:
            ratio = statistics.median(b / t for b, t in zip(base, times, strict=True))
            shown = f"{ratio:8.0f}x faster"
        else:
            ratio = statistics.median(t / b for b, t in zip(base, times, strict=True))
            shown = f"{ratio:6.2f}x"
        self.out(f"  {name:<52} {median / unit:10.2f} {label:<3} [{spread}]  {shown}")
        return ratio


def timed(func: Callable[[], object], repeat: int, *, collect: bool = False) -> list[float]:
    """Run ``func`` ``repeat`` times and return the seconds each run took.

    With ``collect``, each run starts after a full collection, keeps what it made until its
    time is taken (freeing a dataset is not loading it) and includes the collector's first
    pass over what it made, which a program pays soon after a load that paused it.
    """
    times = []
    for _ in range(repeat):
        if collect:
            gc.collect()
        start = time.perf_counter()
        made = func()
        if collect:
            gc.collect(0)
        times.append(time.perf_counter() - start)
        del made
    return times


def interleaved(funcs: dict[str, Callable[[], object]], repeat: int, *,
                collect: bool = False) -> dict[str, list[float]]:
    """Time several functions in turn, so that a slow moment hits all of them alike."""
    results: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            results[name] += timed(func, 1, collect=collect)
    return results


# -- (a) the first answer ----------------------------------------------------------------

# As installed packages are: with their bytecode compiled (pip does it at install time).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

_WARM = """
import time, nato_partners
nato_partners.partner("AZ")
start = time.perf_counter()
for _ in range(10000):
    nato_partners.partner("AZ")
print((time.perf_counter() - start) / 10000)
"""


def bench_first(report: Report, repeat: int) -> None:
    report.header("(a) the first answer, cold: a fresh interpreter each time; ratio against "
                  "importing attrs, cattrs, pendulum")
    subprocess.run([sys.executable, "-c", "import nato_partners as n; n.partner('AZ')"],
                   check=True, env=_ENV)  # writes any bytecode not yet written

    def run(code: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, "-c", code], check=True, env=_ENV)

    base_name = "baseline: import attrs, cattrs, pendulum"
    results = interleaved({
        base_name: run("import attrs, cattrs, pendulum"),
        "import nato_partners": run("import nato_partners"),
        "import + first query partner('AZ')": run(
            "import nato_partners; nato_partners.partner('AZ')"),
    }, repeat)
    base = results[base_name]
    ratios = {name: report.row(name, times, base, 1e-3, "ms") for name, times in results.items()}
    warm = float(subprocess.run([sys.executable, "-c", _WARM], check=True, env=_ENV,
                                capture_output=True, text=True).stdout)
    label = "warm: partner('AZ') again, in the same process"
    report.out(f"  {label:<52} {warm * 1e6:10.2f} us")
    first = ratios["import + first query partner('AZ')"]
    report.goals.append(goal("first query at most 1.25x importing attrs, cattrs, pendulum",
                             first, 1.25, "x"))
    bench_first_against_pycountry(report, repeat + 6)


_OURS = "import nato_partners; nato_partners.partner('AZ').name"
_PYCOUNTRY = "import pycountry; pycountry.countries.get(alpha_2='AZ').name"


def cpu_seconds(code: str) -> float:
    """The CPU time (user and system) a fresh interpreter takes to run ``code``."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], check=True, env=_ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_first_against_pycountry(report: Report, repeat: int) -> None:
    """The first answer against pycountry's first lookup, in CPU time, pair by pair.

    CPU time rather than wall time: what the two programs cost, not how busy the machine
    was while they ran.
    """
    name = "baseline: pycountry first lookup (CPU)"
    try:
        import resource  # noqa: F401 - not on Windows
    except ImportError:
        report.out(f"  {name:<52} (no resource module here: skipped)")
        return
    if subprocess.run([sys.executable, "-c", "import pycountry"], env=_ENV,
                      capture_output=True).returncode:
        report.out(f"  {name:<52} (pycountry not installed: pip install "
                   "'nato-partners[benchmark]'; skipped)")
        return
    for code in (_OURS, _PYCOUNTRY):  # writes any bytecode not yet written
        cpu_seconds(code)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        theirs.append(cpu_seconds(_PYCOUNTRY))
        ours.append(cpu_seconds(_OURS))
    report.row(name, theirs, None, 1e-3, "ms")
    ratio = report.row("partner('AZ').name, fresh process (CPU)", ours, theirs, 1e-3, "ms")
    report.goals.append(goal("first answer at most pycountry's first lookup (CPU time)",
                             ratio, 1.0, "x"))


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


def naive_converter() -> Any:
    """What a first attempt would use: a default cattrs converter that reads dates."""
    import cattrs

    converter = cattrs.Converter()
    converter.register_structure_hook(PartialDate, lambda v, _: PartialDate.parse(v))
    return converter


def naive_load(directory: Path, converter: Any = None) -> list[object]:
    """What a first attempt would do: cattrs' structure per record, the default GC.

    :param converter: built once by the caller, so that its setting-up is not timed.
    """
    converter = converter or naive_converter()

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


def cold_load(directory: Path) -> object:
    """A load with the date cache emptied first, as a new process would start it."""
    from nato_partners.dates import _parse_date

    _parse_date.cache_clear()
    return np.load_dataset(directory)


def bench_load(report: Report, sizes: list[int], repeat: int, workdir: Path) -> None:
    report.header("(b) load N records from files; ratio against json.loads + records built "
                  "by hand")
    report.out("  cold: the date cache emptied before each load; warm: dates parsed before")
    converter = naive_converter()
    for n in sizes:
        directory = synthetic.write(n, workdir / f"n{n}")
        runs = max(3, repeat // (1 + n // 10_000))
        names = [f"N={n:>6}: bound (json + hand-built records)",
                 f"N={n:>6}: load_dataset, cold",
                 f"N={n:>6}: load_dataset, warm",
                 f"N={n:>6}: naive (cattrs structure, default GC)"]
        results = interleaved({
            names[0]: with_gc_paused(lambda d=directory: hand_built(d)),  # type: ignore[misc]
            names[1]: lambda d=directory: cold_load(d),  # type: ignore[misc]
            names[2]: lambda d=directory: np.load_dataset(d),  # type: ignore[misc]
            names[3]: lambda d=directory: naive_load(d, converter),  # type: ignore[misc]
        }, runs, collect=True)
        base = results[names[0]]
        ratio = {name: report.row(name, results[name], base, 1e-3, "ms") for name in names}
        loaded = statistics.median(results[names[1]])
        to_naive = statistics.median(
            a / b for a, b in zip(results[names[1]], results[names[3]], strict=True))
        report.out(f"  {'':<52} load / naive = {to_naive:.2f}x,"
                   f" {1e6 * loaded / n:.2f} us per record")
        if n == max(sizes):
            report.goals.append(goal(f"load {n:,} records at most 1.3x the hand-built bound "
                                     "(cold)", ratio[names[1]], 1.3, "x"))
            report.goals.append(goal(f"load {n:,} records at most 0.35x the naive load",
                                     to_naive, 0.35, "x"))
        gc.collect()


# -- (c) queries -----------------------------------------------------------------------


def bench_queries(report: Report, n: int, repeat: int, workdir: Path) -> None:
    report.header(f"(c) questions at N={n}, warm (indexes built); how many times faster than "
                  "a list scan of the same records")
    dataset = np.load_dataset(synthetic.write(n, workdir / f"n{n}"))
    milestones = list(dataset.milestones())
    memberships = list(dataset.memberships())
    code = dataset.partners()[len(dataset.partners()) // 2].code
    since, until = PartialDate.parse("2000-01-01"), PartialDate.parse("2000-12-31")
    first, last = since.earliest, until.latest
    start = time.perf_counter()
    dataset.milestones(kind="visit")  # the first filtered query builds the indexes
    report.out(f"  {'cold: first filtered query (builds the indexes)':<52} "
               f"{(time.perf_counter() - start) * 1e3:10.2f} ms")
    inner, scans = 200, 5  # calls per timing: a query takes microseconds, a scan more

    def many(func: Callable[[], object], count: int = inner) -> Callable[[], object]:
        return lambda: [func() for _ in range(count)]

    def holds(partner: str, programme: str) -> list[Membership]:
        return [m for m in memberships if m.partner == partner and m.programme == programme
                and m.in_force(first, last) is not np.Certainty.NO]

    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "milestones: partner + date range": (
            lambda: dataset.milestones(partner=code, since="2000", until="2000"),
            lambda: [m for m in milestones if m.partner == code and m.date is not None
                     and m.date.year == 2000],
        ),
        "milestones: date range only (one month)": (
            lambda: dataset.milestones(since="2000-06", until="2000-06"),
            lambda: [m for m in milestones if m.date is not None and m.date.year == 2000
                     and m.date.month == 6],
        ),
        "milestones: partner + programme + kind": (
            lambda: dataset.milestones(partner=code, programme="beta", kind="visit"),
            lambda: [m for m in milestones if m.partner == code and m.programme == "beta"
                     and m.kind is MilestoneKind.VISIT],
        ),
        "milestones: programme + kind": (
            lambda: dataset.milestones(programme="beta", kind="visit", since="2000",
                                       until="2000"),
            lambda: [m for m in milestones if m.programme == "beta"
                     and m.kind is MilestoneKind.VISIT and m.date is not None
                     and m.date.year == 2000],
        ),
        "memberships: a partner's on a date": (
            lambda: dataset.memberships(partner=code, on="2010-01-01"),
            lambda: [m for m in memberships if m.partner == code
                     and m.in_force(first, last) is not np.Certainty.NO],
        ),
        "memberships: a programme's (programme=)": (
            lambda: dataset.memberships(programme="beta"),
            lambda: [m for m in memberships if m.programme == "beta"],
        ),
        "participates(partner, programme, on=)": (
            lambda: dataset.participates(code, "beta", on="2000"),
            lambda: holds(code, "beta"),
        ),
    }
    for name, (query, scan) in cases.items():
        query()  # builds the index this question uses, if the first question did not
        results = interleaved({"scan": many(scan, scans), "indexed": many(query)}, repeat)
        base = [t / scans for t in results["scan"]]
        report.row(f"{name}: list scan", base, None, 1e-6, "us")
        each = [t / inner for t in results["indexed"]]
        faster = report.row(f"{name}: query", each, base, 1e-6, "us", faster=True)
        median = statistics.median(each) * 1e6
        report.goals.append(goal(f"{name} at most 10 us", median, 10, " us"))
        report.goals.append(goal(f"{name} at least 100x faster than a scan", faster, 100, "x",
                                 f"{faster:.0f}x", at_least=True))
    try:
        import pandas as pd
    except ImportError:
        report.out("  (pandas not installed: no DataFrame comparison)")
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
        report.row("partner + date range: pandas boolean mask", base, None, 1e-6, "us")
        report.row("partner + date range: query", [t / inner for t in results["indexed"]],
                   base, 1e-6, "us", faster=True)
    texts = [(m, " ".join((m.title, m.summary)).casefold()) for m in milestones]
    dataset.search("warm-up")  # builds the search text once, as the first search does
    results = interleaved({
        "scan": lambda: [m for m, t in texts if "event 4" in t],
        "search": lambda: dataset.search("event 4"),
    }, repeat)
    report.row("search(text): scan of precomputed lower-case text", results["scan"], None,
               1e-3, "ms")
    ratio = report.row("search(text)", results["search"], results["scan"], 1e-3, "ms")
    report.goals.append(goal("search(text) at most 2x a scan of precomputed text", ratio, 2,
                             "x"))


# -- (d) memory ------------------------------------------------------------------------

_MEMORY = """
import gc, json, os, sys, tracemalloc
from pathlib import Path
import nato_partners
mode, directory, trace = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "1"

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

if trace:
    tracemalloc.start()
gc.collect()
before, traced = rss(), tracemalloc.get_traced_memory()[0]
if mode == "dicts":
    kept = [json.loads(p.read_text("utf-8")) for p in sorted(directory.rglob("*.json"))]
else:
    kept = nato_partners.load_dataset(directory)
    kept.milestones(kind="visit")  # the indexes
    kept.search("warm-up")  # the search text
gc.collect()
print(rss() - before, tracemalloc.get_traced_memory()[0] - traced)
"""


def bench_memory(report: Report, n: int, workdir: Path) -> None:
    report.header(f"(d) memory kept at N={n}, each in a fresh process, the dataset with its "
                  "indexes and search text; ratio against the same files as plain dicts")
    if not Path("/proc/self/statm").exists():
        report.out("  (no /proc on this system: memory is not measured)")
        return
    directory = synthetic.write(n, workdir / f"n{n}")

    def kept(mode: str, trace: bool) -> int:
        done = subprocess.run([sys.executable, "-c", _MEMORY, mode, str(directory),
                               "1" if trace else "0"], check=True, env=_ENV,
                              capture_output=True, text=True)
        rss, traced = (int(x) for x in done.stdout.split())
        return traced if trace else rss

    for label, trace in (("RSS", False), ("tracemalloc", True)):
        dicts = statistics.median(kept("dicts", trace) for _ in range(3))
        dataset = statistics.median(kept("dataset", trace) for _ in range(3))
        report.out(f"  {f'plain dicts (json.loads of every file), {label}':<52} "
                   f"{dicts / n:10.0f} B per record")
        report.out(f"  {f'loaded Dataset, {label}':<52} {dataset / n:10.0f} B per record"
                   f"   {dataset / dicts:.2f}x")
        report.goals.append(goal(f"memory kept at {n:,} records ({label}) at most that of "
                                 "the plain dicts", dataset / dicts, 1.0, "x"))


# -- (e) panels -------------------------------------------------------------------------


def naive_panel(first: int, last: int) -> list[object]:
    """The panel as a user would build it without panel(): participates() per cell."""
    dataset = np.load()
    return [dataset.participates(partner, programme, on=str(year))
            for programme in dataset.programmes() for partner in dataset.partners()
            for year in range(first, last + 1)]


def bench_panel(report: Report, repeat: int) -> None:
    report.header("(e) a full panel of the bundled data (every partner, programme and "
                  "year); ratio against participates() per cell")
    try:
        import pandas  # noqa: F401 - panel() needs it
    except ImportError:
        report.out("  (pandas is not installed: skipped)")
        return
    np.load()
    np.panel(start=2000, end=2000)  # pandas and numpy imported outside the timing
    frame = np.panel()
    first, last = int(frame["period"].min()), int(frame["period"].max())
    times = interleaved({"panel": lambda: np.panel(),
                         "naive": lambda: naive_panel(first, last)}, max(3, repeat // 3))
    label = f"{len(frame):,} cells, {first}-{last}"
    report.row(f"naive: participates() per cell ({label})", times["naive"], None, 1e-3, "ms")
    report.row("panel()", times["panel"], times["naive"], 1e-3, "ms", faster=True)
    median = statistics.median(times["panel"]) * 1e3
    report.goals.append(goal("the full panel of the bundled data at most 50 ms", median, 50,
                             " ms"))


def plain_csvs(directory: Path) -> None:
    """What a user would write by hand: each record table and the panel, as CSV."""
    for records in (np.partners(), np.programmes(), np.memberships(), np.milestones(),
                    np.trust_fund_projects(), np.sources()):
        records.to_dataframe().to_csv(directory / f"{records.record_type.__name__}.csv")
    np.panel().to_csv(directory / "panel.csv")


def bench_package(report: Report, repeat: int, workdir: Path) -> None:
    report.header("(f) writing the data package of the bundled data (CSV files, a Stata "
                  "panel, datapackage.json); ratio against plain CSVs of the same tables")
    try:
        import pandas  # noqa: F401 - write_package() needs it
    except ImportError:
        report.out("  (pandas is not installed: skipped)")
        return
    (workdir / "package").mkdir()
    (workdir / "plain").mkdir()
    np.write_package(workdir / "package")  # imports and the loaded data outside the timing
    times = interleaved({"package": lambda: np.write_package(workdir / "package"),
                         "plain": lambda: plain_csvs(workdir / "plain")},
                        max(3, repeat // 3))
    report.row("plain CSVs of the tables and the panel", times["plain"], None, 1, "s")
    report.row("write_package()", times["package"], times["plain"], 1, "s")
    median = statistics.median(times["package"])
    report.goals.append(goal("writing the data package of the bundled data at most 5 s",
                             median, 5, " s"))


# -- the goals, and the record of a run --------------------------------------------------


def goals_table(goals: list[Goal]) -> list[str]:
    """The goals as a Markdown table, which reads as plain text too."""
    lines = ["| goal | measured | verdict |", "|---|---|---|"]
    lines += [f"| {g.goal} | {g.measured} | {g.verdict} |" for g in goals]
    return lines


def record(report: Report, machine: str) -> None:
    """Write this run to the docs and its goals to the README, so that both agree."""
    RESULTS.write_text("\n".join(report.lines).strip("\n") + "\n", "utf-8")
    met = sum(g.met for g in report.goals)
    block = [f"From one run of `python benchmarks/run.py` ({machine}): "
             f"{met} of {len(report.goals)} goals met.", "", *goals_table(report.goals)]
    text = README.read_text("utf-8")
    new, count = re.subn(r"(<!-- benchmarks[^>]*-->\n).*?(<!-- /benchmarks -->)",
                         lambda m: m.group(1) + "\n".join(block) + "\n" + m.group(2),
                         text, flags=re.S)
    if count != 1:
        raise SystemExit("README.md: no <!-- benchmarks --> block to fill in")
    README.write_text(new, "utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)} and the table in README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, N up to 10^4")
    parser.add_argument("--only", choices=["first", "load", "query", "memory", "panel",
                                           "package"])
    parser.add_argument("--record", action="store_true",
                        help="write docs/benchmark-results.txt and the README's goals table")
    args = parser.parse_args()
    if args.record and (args.quick or args.only):
        parser.error("--record needs a full run (no --quick, no --only)")
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    repeat = 5 if args.quick else 15
    report = Report()
    cpu = platform.processor() or platform.machine()
    machine = (f"nato_partners {np.__version__}, Python {platform.python_version()}, "
               f"{platform.system()} {cpu}, {os.cpu_count()} CPUs, "
               f"{datetime.date.today().isoformat()}")
    report.out(machine)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.only in (None, "first"):
            bench_first(report, repeat * 2)
        if args.only in (None, "load"):
            bench_load(report, sizes, repeat, workdir)
        if args.only in (None, "query"):
            bench_queries(report, sizes[-1], repeat, workdir)
        if args.only in (None, "memory"):
            bench_memory(report, sizes[-1], workdir)
        if args.only in (None, "panel"):
            bench_panel(report, repeat)
        if args.only in (None, "package"):
            bench_package(report, repeat, workdir)
    met = sum(g.met for g in report.goals)
    report.out()
    report.out(f"Goals: {met} of {len(report.goals)} met")
    for line in goals_table(report.goals):
        report.out(line)
    if args.record:
        record(report, machine)


if __name__ == "__main__":
    main()
