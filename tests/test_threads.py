"""Many threads asking a fresh dataset at once get the answers one thread gets: every lazy
index is built whole before any thread can see it."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from nato_partners import Dataset, load_dataset

_THREADS = 8
_ROUNDS = 12


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled shared files and a few partner files: quick to load cold many times."""
    root = tmp_path_factory.mktemp("small") / "data"
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        shutil.copytree(data, root, ignore=shutil.ignore_patterns("partners"))
        (root / "partners").mkdir()
        for code in ("aze", "geo", "ukr", "arm", "mda"):
            shutil.copy(data / "partners" / f"{code}.toml", root / "partners")
    return root


def _publisher_word(dataset: Dataset) -> str:
    """A word found only through a source (its publisher), never in a record's own text."""
    from nato_partners.matching import record_text

    texts = [record_text(r) for r in (*dataset.partners(), *dataset.memberships(),
                                      *dataset.milestones(), *dataset.programmes())]
    cited = {s for partner in dataset.partners() for s in dataset.sources(partner)}
    for source in sorted(cited, key=lambda s: s.id):
        word = source.publisher.casefold()
        if word and not any(word in text for text in texts) and len(word) > 3:
            return source.publisher
    pytest.skip("every publisher is named in some record's text")


_QUESTIONS: dict[str, Callable[[Dataset, str], object]] = {
    "search by a publisher": lambda d, word: d.search(word),
    "search by a record's word": lambda d, word: d.search("partnership"),
    "matches": lambda d, word: d.matches(word),
    "a partner by a word of its name": lambda d, word: d.partner("Moldova"),
    "members, full members only": lambda d, word: d.members("pfp", on="2000",
                                                             known_only=True),
    "member counts of observers too": lambda d, word: d.member_counts(
        "pfp", [2000], known_only=True, roles=("member", "observer")),
    "milestones by kind": lambda d, word: d.milestones(kind="joined"),
    "milestones by partner and kind": lambda d, word: d.milestones(partner="GE", kind="joined"),
    "milestones by area": lambda d, word: d.milestones(
        area=next(a for m in d.milestones() for a in m.areas)),
}


@pytest.mark.parametrize("name", list(_QUESTIONS))
def test_threads_on_a_cold_dataset_get_the_answer_of_one(small: Path, name: str) -> None:
    ask = _QUESTIONS[name]
    warm = load_dataset(small)
    word = _publisher_word(warm)
    expected = ask(warm, word)
    assert expected  # a question with an answer, so that a missing one shows
    for _ in range(_ROUNDS):
        cold = load_dataset(small)
        start = threading.Barrier(_THREADS)
        answers: list[object] = []
        errors: list[BaseException] = []

        def run(dataset: Dataset = cold, barrier: threading.Barrier = start,
                got: list[object] = answers, failed: list[BaseException] = errors) -> None:
            barrier.wait()
            try:
                got.append(ask(dataset, word))
            except BaseException as error:  # pragma: no cover - reported below
                failed.append(error)

        threads = [threading.Thread(target=run) for _ in range(_THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors
        assert answers == [expected] * _THREADS
