"""The loader's fast path and the converter accept and refuse the same data.

The fast path (``nato_partners._fastpath``) builds records without explaining failures;
the converter explains them. If the fast path accepted something the converter refuses,
or built a different record, a dataset would load differently depending on which path a
record took. Hypothesis draws valid records, spoils them in the ways data files go wrong,
and both paths must agree on every one.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import RECORDS

import nato_partners
from nato_partners import DataError, Partner, Source, structure, unstructure
from nato_partners._build import build
from nato_partners._fastpath import module_source, record_types
from nato_partners._fastpath_code import STRUCTURERS
from nato_partners.convert import make_converter
from nato_partners.dataset import Dataset
from nato_partners.files import read_bundle

RECORD_TYPES = record_types()
_DETAILED = make_converter()

# Values a data file (or a caller) may put where it should not: every JSON type, and the
# values that pass for others (booleans for numbers, digits as text, huge and non-finite
# numbers, lone surrogates, lists of the wrong items, tables).
_TRICKY = [
    None, True, False, 0, -1, 2**63, 10**400, 0.5, -0.0, 1e308, math.nan, math.inf,
    -math.inf, "", "5", "true", "1994", "1994-02", "1994-02-30", "\u0661\u0669\u0669\u0664",
    "high", "visit", "AZE", "\ud800", "a\udfffb", "caf\u00e9", [], ["x"], [1], [None],
    ["\ud800"], [["x"]], {}, {"a": 1}, ("x",), (),
]
_ODD = st.one_of(
    st.sampled_from(_TRICKY),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.lists(st.one_of(st.text(max_size=4), st.integers(), st.none()), max_size=3),
)


def _accepts(build: Any, data: Any) -> tuple[bool, Any]:
    try:
        return True, build(data)
    except Exception:
        return False, None


@st.composite
def _spoilt(draw: st.DrawFn, cls: type) -> dict[str, Any]:
    """The plain data of a valid record of ``cls``, often spoilt in one or more places."""
    data: dict[str, Any] = unstructure(draw(RECORDS[cls]))
    for _ in range(draw(st.integers(0, 3))):
        field = draw(st.sampled_from(sorted(data)))
        action = draw(st.sampled_from(["replace", "drop", "add", "item"]))
        if action == "replace":
            data[field] = draw(_ODD)
        elif action == "drop":
            del data[field]
        elif action == "add":
            data[draw(st.sampled_from(["extra", "Title", "partner ", field.upper()]))] = 1
        elif isinstance(data.get(field), list) and data[field]:
            items = list(data[field])
            items[draw(st.integers(0, len(items) - 1))] = draw(_ODD)
            data[field] = items
    return data


@pytest.mark.parametrize("cls", [c for c in RECORD_TYPES if c in RECORDS],
                         ids=lambda c: c.__name__)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_fast_path_and_the_converter_agree(cls: type, data: st.DataObject) -> None:
    plain = data.draw(_spoilt(cls))
    fast_ok, fast = _accepts(lambda d: STRUCTURERS[cls](d, None, None), plain)
    detailed_ok, detailed = _accepts(lambda d: _DETAILED.structure(d, cls), plain)
    assert fast_ok == detailed_ok, plain
    assert fast == detailed


def _richest(cls: type) -> Any:
    """The bundled record of a type with the most fields given."""
    dataset = nato_partners.load()
    found = [dataset.info, *dataset.sources(), *dataset.partners(), *dataset.programmes(),
             *dataset.memberships(), *dataset.milestones(),
             *dataset.trust_fund_projects(funding=None),
             *(p.mission for p in dataset.partners() if p.mission),
             *(s for p in dataset.partners() for s in p.states)]
    return max((r for r in found if type(r) is cls),
               key=lambda r: sum(v not in (None, ()) for v in unstructure(r).values()))


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
def test_every_field_with_every_odd_value(cls: type) -> None:
    # Every field of a valid record, one at a time, given each value in turn, left out,
    # and joined by an unknown field: the cases a random draw may miss.
    valid: dict[str, Any] = unstructure(_richest(cls))
    variants = [valid, {**valid, "extra": 1}]
    for field in valid:
        variants.append({k: v for k, v in valid.items() if k != field})
        variants += [{**valid, field: value} for value in _TRICKY]
        if isinstance(valid[field], list) and valid[field]:
            variants += [{**valid, field: [value, *valid[field][1:]]} for value in _TRICKY]
    disagree = []
    for plain in variants:
        fast_ok, fast = _accepts(lambda d: STRUCTURERS[cls](d, None, None), plain)
        detailed_ok, detailed = _accepts(lambda d: _DETAILED.structure(d, cls), plain)
        if (fast_ok, fast) != (detailed_ok, detailed):
            disagree.append(plain)
    assert not disagree
    assert len(variants) > 10 * len(valid)


@settings(max_examples=150, deadline=None)
@given(record=st.one_of(*(RECORDS[c] for c in RECORD_TYPES if c in RECORDS)))
def test_the_fast_path_takes_every_valid_record(record: Any) -> None:
    # Agreement alone would also hold for a fast path that refused everything.
    assert STRUCTURERS[type(record)](unstructure(record), None, None) == record


def test_the_fast_path_keeps_records_given_in_python() -> None:
    source = Source(id="s1", title="T", publisher="P")
    data = unstructure(nato_partners.partner("AZ")) | {"sources": (source,)}
    built = STRUCTURERS[Partner](data, None, None)
    assert built.sources[0] is source
    assert structure(data, Partner) == built


def test_the_generated_module_is_written_from_the_model() -> None:
    # scripts/bundle-data rewrites it; a change to the model must be followed by that.
    import nato_partners._fastpath_code as code

    assert Path(code.__file__).read_text("utf-8") == module_source()


# -- the loader, with and without the fast path -----------------------------------------

# A small dataset as a bundle (file name -> content), with a record of every kind.
_SMALL: dict[str, Any] = {
    "dataset.toml": {"format": nato_partners.FORMAT_VERSION, "version": "1",
                     "reviewed": "2026-11-30", "title": "Small"},
    "sources.toml": {"sources": [{"id": "s1", "title": "T", "publisher": "P"},
                                 {"id": "s2", "title": "U", "publisher": "Q",
                                  "published": "2001-02"}]},
    "programmes.toml": {"programmes": [{"id": "pfp", "name": "PfP", "kind": "partnership",
                                        "established": "1994", "description": "D",
                                        "sources": ["s1"]}]},
    "partners/aze.toml": {
        "partner": {"code": "AZE", "alpha2": "AZ", "name": "Azerbaijan",
                    "region": "euro-atlantic", "aliases": ["Azərbaycan"],
                    "mission": {"name": "M"}, "sources": ["s1"]},
        "memberships": [{"partner": "AZE", "programme": "pfp", "joined": "1994-05-04",
                         "role": "partner", "sources": ["s1", "s2"]}],
        "milestones": [{"id": "m1", "date": "1994-05-04", "kind": "signed", "title": "T",
                        "summary": "S", "programme": "pfp", "areas": ["science"],
                        "sources": ["s2"]}],
        "trust_fund_projects": [{"id": "t1", "name": "N", "executing_agency": "E",
                                 "status": "active", "purpose": "P", "start": "2005",
                                 "items_disposed": 3, "budget_amount": 2.5,
                                 "budget_currency": "USD", "lead_nations": ["CAN"],
                                 "sources": ["s1"]}],
    },
}


def _outcome(bundle: dict[str, Any]) -> Any:
    """The records a bundle loads into, or the problems it is refused with."""
    try:
        dataset = Dataset._checked(*build(read_bundle(json.dumps(bundle))))
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return [unstructure(record) for record in (
        dataset.info, *dataset.sources(), *dataset.partners(), *dataset.programmes(),
        *dataset.memberships(), *dataset.milestones(), *dataset.trust_fund_projects(funding=None))]


def _variants() -> list[dict[str, Any]]:
    """The small bundle with each field of each record spoilt in turn, or left out."""
    values = [*_TRICKY, "GEO", "AZE", ["s1"], ["s1", "nope"], "pfp", "nope"]
    variants = []
    for file, content in _SMALL.items():
        for section in [None] if file == "dataset.toml" else list(content):
            for field in list(_record_in(copy.deepcopy(_SMALL), file, section)):
                for value in (*values, _DROP):
                    bundle = copy.deepcopy(_SMALL)
                    record = _record_in(bundle, file, section)
                    if value is _DROP:
                        del record[field]
                    else:
                        record[field] = value
                    variants.append(bundle)
    return variants


def _record_in(bundle: dict[str, Any], file: str, section: str | None) -> dict[str, Any]:
    """The first record of a section of a file in a bundle (the file itself for None)."""
    if section is None:
        return bundle[file]  # type: ignore[no-any-return]
    found = bundle[file][section]
    return found[0] if isinstance(found, list) else found  # type: ignore[no-any-return]


_DROP = object()


def test_a_load_ends_the_same_whichever_path_its_records_take() -> None:
    refuse_all = dict.fromkeys(STRUCTURERS, _refuse)
    differ = []
    variants = [_SMALL, *_variants()]
    for bundle in variants:
        fast = _outcome(bundle)
        with pytest.MonkeyPatch.context() as patch:
            for cls, refuse in refuse_all.items():
                patch.setitem(STRUCTURERS, cls, refuse)
            slow = _outcome(bundle)
        if fast != slow:
            differ.append((fast, slow))
    assert not differ
    assert not isinstance(_outcome(_SMALL)[0], str)  # the small dataset itself loads
    assert len(variants) > 1000


def _refuse(*_: object) -> Any:
    raise ValueError("the fast path is off")
