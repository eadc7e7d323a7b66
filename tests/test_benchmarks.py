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
               + len(dataset.milestones()) + len(dataset.trust_fund_projects()))
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
