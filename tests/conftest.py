"""Fixtures shared by the test modules."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled data directory, to break one file of."""
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        shutil.copytree(data, tmp_path / "data")
    return tmp_path / "data"
