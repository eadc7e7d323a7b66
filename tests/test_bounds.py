"""Costs with a bound: checks that grow with the records, not with their square, and the
problems of a broken file kept to a number that does not grow with its records."""

from __future__ import annotations

import datetime
import itertools
import random
from pathlib import Path

import pytest

from nato_partners import DataError, Membership, PartialDate, Problem, load_dataset
from nato_partners.errors import PROBLEMS_KEPT
from nato_partners.validate import _no_overlap

# -- two memberships of one partner in one programme in force on one day ------------------


def _membership(joined: str | None, left: str | None) -> Membership:
    return Membership(partner="GEO", programme="sps",
                      joined=None if joined is None else PartialDate.parse(joined),
                      left=None if left is None else PartialDate.parse(left),
                      sources=())


def _pairs_overlap(memberships: list[Membership]) -> set[int]:
    """The memberships the pairwise rule reports: the later of each pair surely in force on
    one day."""
    found: set[int] = set()
    spans = [(m, *m._span()) for m in memberships]
    for (a, a_start, a_end), (b, b_start, b_end) in itertools.combinations(spans, 2):
        if max(a_start[1], b_start[1]) < min(a_end[0], b_end[0]):
            found.add(id(b if b_start[0] >= a_start[0] else a))
    return found


def _reported(memberships: list[Membership]) -> set[int]:
    found: set[int] = set()
    _no_overlap(memberships, lambda record, *_: found.add(id(record)))
    return found


def _random_dates(rng: random.Random) -> tuple[str | None, str | None]:
    day = datetime.date(1995, 1, 1) + datetime.timedelta(days=rng.randrange(3000))
    joined = rng.choice([day.isoformat(), day.isoformat()[:7], str(day.year), None])
    if rng.random() < 0.2:
        return joined, None
    end = day + datetime.timedelta(days=rng.randrange(1, 900))
    return joined, rng.choice([end.isoformat(), end.isoformat()[:7], str(end.year)])


@pytest.mark.parametrize("seed", range(40))
def test_the_overlap_check_finds_an_overlap_where_the_pairs_do(seed: int) -> None:
    rng = random.Random(seed)
    memberships = [_membership(*_random_dates(rng)) for _ in range(rng.randrange(2, 9))]
    pairs = _pairs_overlap(memberships)
    reported = _reported(memberships)
    assert bool(reported) == bool(pairs)
    assert reported <= pairs  # each one reported is the later of an overlapping pair


@pytest.mark.parametrize(("spans", "overlap"), [
    ([("1995", "1996-06"), ("1996-07", "1998")], False),
    ([("1995-01-01", "1996-01-01"), ("1996-01-01", "1997")], False),  # one ends as one begins
    ([("1995-01-01", "2000"), ("1996-01-01", "1997")], True),  # one inside another
    ([("1995-01-01", "1996"), ("1997", "1998"), ("1995-06-01", None)], True),  # after a gap
    ([("1995-01-01", "1995-02-01"), ("1996", "1997"), ("1998", "1999")], False),
    ([("1995", "1996"), ("1995", "1996")], True),  # both surely in force late in 1995
    ([("1995", "1996"), ("1996", "1997")], False),  # the years leave it open
])
def test_the_overlap_check_on_chosen_layouts(spans: list[tuple[str, str | None]],
                                             overlap: bool) -> None:
    memberships = [_membership(*span) for span in spans]
    assert bool(_reported(memberships)) is overlap
    assert bool(_pairs_overlap(memberships)) is overlap


def _georgia_with(bundled: Path, text: str) -> Path:
    georgia = bundled / "partners" / "geo.toml"
    georgia.write_text(georgia.read_text("utf-8") + text, "utf-8")
    return bundled


def _claims(count: int, wrong: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """``count`` one-day SPS memberships of Georgia and a 'joined' milestone for each,
    whose date is a day late for those in ``wrong``."""
    base = datetime.date(1996, 1, 1)
    memberships, milestones = [], []
    for i in range(count):
        day = base + datetime.timedelta(days=2 * i)
        claimed = day + datetime.timedelta(days=1 if i in wrong else 0)
        # Georgia's own SPS membership is spell 1: each of these is a later spell.
        memberships.append(f'\n[[memberships]]\nprogramme = "sps"\nspell = {i + 2}\n'
                           f'joined = "{day}"\nleft = "{day + datetime.timedelta(days=1)}"\n'
                           'sources = ["mfa-ge-nato-chronology"]\n')
        milestones.append(f'\n[[milestones]]\nid = "geo-claim-{i}"\ndate = "{claimed}"\n'
                          'kind = "joined"\nprogramme = "sps"\ntitle = "t"\nsummary = "s"\n'
                          'sources = ["mfa-ge-nato-chronology"]\n')
    return "".join(memberships + milestones)


@pytest.mark.parametrize(("count", "wrong"), [(1, set()), (300, set()), (300, {0, 299}),
                                              (2000, {1234})])
def test_many_claims_are_checked_against_their_memberships(
    bundled: Path, count: int, wrong: set[int]
) -> None:
    _georgia_with(bundled, _claims(count, wrong))
    if not wrong:
        dataset = load_dataset(bundled)
        assert len(dataset.memberships("GE", "sps")) == count
        return
    with pytest.raises(DataError) as caught:
        load_dataset(bundled)
    assert sorted(p.record for p in caught.value.problems) == sorted(
        f"geo-claim-{i}" for i in wrong)


# -- the problems of a broken file are bounded ---------------------------------------------


def _more(problems: tuple[Problem, ...]) -> list[Problem]:
    return [p for p in problems if "more problems like the first" in p.expected]


@pytest.mark.parametrize("count", [PROBLEMS_KEPT, PROBLEMS_KEPT + 1, 3000])
def test_empty_records_by_the_thousand_give_a_bounded_list(bundled: Path, count: int) -> None:
    _georgia_with(bundled, "\n[[milestones]]\n" * count)
    with pytest.raises(DataError) as caught:
        load_dataset(bundled)
    problems = caught.value.problems
    missing = [p for p in problems if p.expected == "required field is missing"]
    causes = {p.field for p in missing}
    assert causes >= {"id", "kind", "title", "summary", "sources"}
    assert all(p.file == "partners/geo.toml" for p in problems)
    for field in causes:
        kept = [p for p in missing if p.field == field]
        assert len(kept) == min(count, PROBLEMS_KEPT)
    more = _more(problems)
    if count <= PROBLEMS_KEPT:
        assert more == []
    else:
        assert {p.field for p in more} == causes
        assert all(p.expected.startswith(f"{count - PROBLEMS_KEPT:,} more problems")
                   for p in more)
        assert len(problems) == len(causes) * (PROBLEMS_KEPT + 1)


@pytest.mark.parametrize("where", ["partners/geo.toml", "partners/aze.toml"])
def test_problems_are_kept_per_file(bundled: Path, where: str) -> None:
    # The same cause in two files: each file keeps its own first problems.
    for name in {"partners/geo.toml", where}:
        path = bundled / name
        bad = "".join(f'\n[[milestones]]\nid = "{path.stem}-bad-{i}"\ndate = "1999"\n'
                      'kind = "nonsense"\ntitle = "t"\nsummary = "s"\n'
                      'sources = ["mfa-ge-nato-chronology"]\n'
                      for i in range(PROBLEMS_KEPT + 20))
        path.write_text(path.read_text("utf-8") + bad, "utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(bundled)
    problems = caught.value.problems
    files = {"partners/geo.toml", where}
    for file in files:
        kinds = [p for p in problems if p.file == file and p.field == "kind"
                 and "more problems" not in p.expected]
        assert len(kinds) == PROBLEMS_KEPT
        (more,) = [p for p in _more(problems) if p.file == file]
        assert more.expected.startswith("20 more problems")


def test_problems_of_different_causes_are_all_kept() -> None:
    from nato_partners.errors import _Capped

    capped = _Capped()
    capped.extend(Problem(file="f", field=f"sources[{i}]", expected=f"cause {i % 7}")
                  for i in range(7 * (PROBLEMS_KEPT + 3)))
    capped += [Problem(file="g", field="sources[0]", expected="cause 0")]
    capped.append(Problem(field="id", expected="cause 0"))
    whole = capped.whole()
    assert len(whole) == 7 * PROBLEMS_KEPT + 2 + 7
    assert [p.expected for p in _more(tuple(whole))] == [
        f"3 more problems like the first {PROBLEMS_KEPT} of this field in this file "
        f"(cause {i}), not listed" for i in range(7)]
    assert {p.field for p in _more(tuple(whole))} == {"sources[]"}
