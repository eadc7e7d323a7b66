"""The first answer: partner() by code or name before the whole dataset is loaded.

``nato_partners._quick`` reads a partners-only part of the bundle; what it gives must be
what the loaded dataset gives, record for record, for every key it answers.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

import nato_partners as np
from nato_partners import _quick


def _keys(partner: np.Partner) -> list[str]:
    """Every way of naming a partner that a user might type, exact or not."""
    names = [partner.code, partner.alpha2, partner.iso_numeric, partner.name,
             partner.official_name, *partner.aliases]
    found = [name for name in names if name]
    return [*found, *(n.lower() for n in found), *(n.upper() for n in found),
            *(f"  {n.swapcase()} " for n in found)]


def test_the_file_is_what_bundle_data_writes() -> None:
    root = resources.files("nato_partners")
    fresh = _quick.bundle(np.load_dataset(root / "data"),
                          (root / "_data.json").read_text("utf-8"))
    # If this fails, the data changed: run `bash scripts/bundle-data`.
    assert (root / _quick.FILE).read_bytes() == fresh.encode("ascii")


def test_every_partner_is_equal_to_the_loaded_ones_by_every_key() -> None:
    dataset = np.load()
    for partner in dataset.partners():
        for key in _keys(partner):
            found = _quick.find(key)
            if found is not None:  # a key it does not answer goes to the full load
                assert found == dataset.partner(key), key
                assert found.sources == dataset.partner(key).sources, key
        assert _quick.find(partner.code) == partner
        assert _quick.find(partner.name) == partner


def test_every_key_the_dataset_finds_without_a_search_is_answered() -> None:
    dataset = np.load()
    # The dataset's own index of codes and names: the file must hold each of its keys,
    # or a key it lacks could find another partner after folding than the dataset does.
    for key, partner in dataset._lookup._partner_keys.items():
        assert _quick.find(key) == partner, key


def test_keys_that_need_the_whole_dataset_are_left_to_it() -> None:
    assert _quick.find("Atlantis") is None
    assert _quick.find("") is None
    assert _quick.find("Bosnia") is None  # a word of a name: the dataset searches


def test_once_loaded_the_dataset_answers_with_its_own_records() -> None:
    dataset = np.load()
    assert _quick.partner("AZ") is None
    assert np.partner("AZ") is dataset.partner("AZ")
    assert np.partner("AZ", default=None) is np.partner("AZ")


_FRESH = """
import sys, nato_partners
{setup}
first = nato_partners.partner("AZ")
assert "nato_partners.loading" not in sys.modules, "the whole dataset was loaded"
assert "nato_partners.dataset" not in sys.modules
assert "pendulum" not in sys.modules, "pendulum imported for the first answer"
assert nato_partners.partner("aze") is first  # one record, until the full load
assert nato_partners.partner("Atlantis", default=None) is None  # the full load answers
dataset = nato_partners.load()
assert first == dataset.partner("AZ")
assert nato_partners.partner("AZ") is dataset.partner("AZ")
print(first.name)
"""


def _fresh(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={"PATH": "", **env})


def test_the_first_answer_in_a_fresh_process_loads_nothing_else() -> None:
    result = _fresh(_FRESH.format(setup=""))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Azerbaijan"


def test_the_first_answer_from_a_zipped_install(tmp_path: Path) -> None:
    # A package inside a zip file has no plain path: the file is read through
    # importlib.resources instead.
    package = Path(np.__file__).parent
    archive = tmp_path / "site.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, Path("nato_partners") / path.relative_to(package))
    setup = "assert '.zip' in nato_partners.__file__, nato_partners.__file__"
    import attrs
    import cattrs
    import pendulum

    site = {str(Path(m.__file__).parents[1]) for m in (attrs, cattrs, pendulum)}
    result = _fresh(_FRESH.format(setup=setup),
                    PYTHONPATH=":".join([str(archive), *sorted(site)]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Azerbaijan"


@pytest.mark.parametrize("broken", [b"", b"not json\n", b'{"format": 0, "keys": {}}\n'])
def test_a_missing_or_damaged_file_leaves_the_answer_to_the_full_load(
    monkeypatch: pytest.MonkeyPatch, broken: bytes,
) -> None:
    monkeypatch.setattr(_quick, "_index", None)
    monkeypatch.setattr(_quick, "_built", {})
    monkeypatch.setattr(_quick, "_bytes", lambda start, size: broken)
    assert _quick.find("AZ") is None
    assert _quick._index == ({}, [], 0)
