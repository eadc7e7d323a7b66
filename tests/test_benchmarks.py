"""The benchmark suite's synthetic data passes validation, and its bound builds the same records.

A ratio against the bound only means something if the bound builds what the loader
builds; and the synthetic data only measures the loader if the loader accepts it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import nato_partners as np

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> Any:
    if not (BENCHMARKS / "run.py").is_file():
        pytest.skip("the benchmarks are not in this checkout")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import run
    finally:
        sys.path.remove(str(BENCHMARKS))
    return run


@pytest.mark.parametrize("n", [1, 250, 3000])
def test_synthetic_data_of_n_records_loads(bench: Any, tmp_path: Path, n: int) -> None:
    directory = bench.synthetic.write(n, tmp_path)
    dataset = np.load_dataset(directory)
    counted = (len(dataset.partners()) + len(dataset.memberships())
               + len(dataset.milestones()) + len(dataset.trust_fund_projects(funding=None)))
    assert counted == n


def test_synthetic_data_is_repeatable(bench: Any) -> None:
    assert bench.synthetic.generate(500, seed=3) == bench.synthetic.generate(500, seed=3)
    assert bench.synthetic.generate(500, seed=3) != bench.synthetic.generate(500, seed=4)


def test_the_bound_and_the_naive_load_build_what_the_loader_builds(
    bench: Any, tmp_path: Path
) -> None:
    directory = bench.synthetic.write(2000, tmp_path)
    dataset = np.load_dataset(directory)
    loaded = {*dataset.programmes(), *dataset.partners(), *dataset.memberships(),
              *dataset.milestones()}
    assert set(bench.hand_built(directory)) == loaded
    assert set(bench.naive_load(directory)) == loaded


def test_the_readme_and_the_performance_page_show_the_same_run() -> None:
    root = BENCHMARKS.parent
    results, readme = root / "docs" / "benchmark-results.txt", root / "README.md"
    if not results.is_file() or not readme.is_file():
        pytest.skip("the docs are not in this checkout")
    run = results.read_text("utf-8").splitlines()
    text = readme.read_text("utf-8")
    block = text[text.index("<!-- benchmarks"):text.index("<!-- /benchmarks -->")]
    table = [line for line in block.splitlines() if line.startswith("|")]
    goals = run[run.index(next(line for line in run if line.startswith("Goals: "))) + 1:]
    assert table == [line for line in goals if line.startswith("|")]
    assert len(table) > 10  # every goal of a full run, not an empty block
    assert f"({run[0]})" in block  # the machine and the date of the same run
    met = sum(line.endswith("| met |") for line in table)
    assert f"{met} of {len(table) - 2} goals met" in block
