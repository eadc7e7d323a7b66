"""The loader, the JSON Schemas and ``Dataset(...)`` agree on what valid data is.

A small valid dataset is written as JSON files, and each case changes it. The cases that
change one record are generated from the record classes (every field of every record
type, by its type) and from the tables of checks in :mod:`nato_partners.validate`: a
value of each wrong JSON type, a required field left out, an unknown field, each pattern
broken, each figure negative, each pair of fields given by half, a word outside its
vocabulary, dates that are malformed or do not exist, numbers that are not finite, and
a good value for every field. Each of them is judged three ways:

* :func:`~nato_partners.load_dataset` on the directory;
* the shipped JSON Schema of the changed file, and of the changed record as
  :func:`~nato_partners.unstructure` gives it (its sources in full);
* :class:`~nato_partners.Dataset`, built in Python from the same records.

The schemas leave a few checks to the loader; they are listed here with the reason, and
the tests make sure those are exactly the ones where a schema lets through what the
loader refuses. The cases across records are judged by the loader and ``Dataset(...)``.
The last tests tie the data-format page to the code: every message a check can give is
produced by some case here and listed on the page.
"""

from __future__ import annotations

import ast
import copy
import enum
import functools
import inspect
import json
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]  # it ships no type information
import pytest

from nato_partners import (
    FORMAT_VERSION,
    DataError,
    Dataset,
    DatasetInfo,
    Membership,
    Milestone,
    MilestoneKind,
    PartialDate,
    Partner,
    Problem,
    Programme,
    Source,
    TrustFundProject,
    convert,
    files,
    load_dataset,
    schemas,
    structure,
    validate,
)
from nato_partners.validate import FIELD_PATTERNS, NON_NEGATIVE, TOGETHER

Documents = dict[str, dict[str, Any]]

# -- the dataset the cases change ----------------------------------------------------------

_BASE: Documents = {
    "dataset": {"format": FORMAT_VERSION, "version": "test.1", "reviewed": "2024-01-02",
                "title": "Tiny"},
    "sources": {"sources": [
        {"id": "doc-a", "title": "A", "publisher": "P"},
        {"id": "doc-b", "title": "B", "publisher": "Q"},
    ]},
    "programmes": {"programmes": [
        {"id": "host", "name": "Host", "kind": "forum", "description": "d",
         "sources": ["doc-a"]},
        {"id": "target", "name": "Target", "kind": "plan", "description": "d",
         "sources": ["doc-a"]},
    ]},
    "partners/abc": {
        "partner": {"alpha2": "AB", "name": "Abcland", "region": "gulf", "sources": ["doc-a"]},
        "memberships": [{"programme": "host", "sources": ["doc-a"]}],
        "milestones": [{"id": "abc-visit", "kind": "visit", "title": "t", "summary": "s",
                        "sources": ["doc-a"]}],
        "trust_fund_projects": [{"id": "clearance", "name": "Clearance",
                                 "executing_agency": "NSPA", "status": "active",
                                 "purpose": "p", "sources": ["doc-a"]}],
    },
    # Alone in its file, so that no record follows the partner when its code changes.
    "partners/xyz": {
        "partner": {"alpha2": "XY", "name": "Xyzland", "region": "gulf", "sources": ["doc-a"]},
    },
}

#: Where the record a single-record case changes is, by type. Nothing refers to any of
#: them, so a change is reported where it is made and nowhere else.
_PLACES: dict[type[Any], str] = {
    DatasetInfo: "dataset:",
    Source: "sources:sources[1].",
    Programme: "programmes:programmes[1].",
    Partner: "partners/xyz:partner.",
    Membership: "partners/abc:memberships[0].",
    Milestone: "partners/abc:milestones[0].",
    TrustFundProject: "partners/abc:trust_fund_projects[0].",
}
_FILE_SCHEMAS = {"dataset": "dataset_info", "sources": "sources_file",
                 "programmes": "programmes_file", "partners/abc": "partner_file",
                 "partners/xyz": "partner_file"}
_RECORD_SCHEMAS: dict[type[Any], str] = {
    DatasetInfo: "dataset_info", Source: "source", Programme: "programme",
    Partner: "partner", Membership: "membership", Milestone: "milestone",
    TrustFundProject: "trust_fund_project",
}
#: The field a partner file's records may leave out: the file's name gives it.
_IMPLIED = {Partner: "code", Membership: "partner", Milestone: "partner",
            TrustFundProject: "partner"}
_SECTIONS = {"partner": Partner, "memberships": Membership, "milestones": Milestone,
             "trust_fund_projects": TrustFundProject, "programmes": Programme}

class _LeftOut:
    """Stands for a field left out of its table."""

    def __repr__(self) -> str:
        return "<left out>"


_LEFT_OUT: Any = _LeftOut()


def _steps(path: str) -> list[str]:
    """``section[1].field`` as ``["section", "[1]", "field"]``."""
    return re.findall(r"\[[^]]*\]|[^.[\]]+", path)


def _at(table: Any, steps: list[str]) -> Any:
    for step in steps:
        table = table[int(step[1:-1])] if step.startswith("[") else table[step]
    return table


def _put(documents: Documents, where: str, value: Any) -> None:
    """Set the field at ``file:section[index].field`` (``[+]`` appends a record)."""
    file, _, path = where.partition(":")
    *steps, last = _steps(path)
    table = _at(documents[file], steps)
    if last == "[+]":
        table.append(copy.deepcopy(value))
    elif value is _LEFT_OUT:
        table.pop(last, None)
    else:
        table[last] = copy.deepcopy(value)


# -- what a case breaks --------------------------------------------------------------------

_TYPE = "a value of the field's type"
_REQUIRED = "every required field given"
_KNOWN = "no unknown field"
_PATTERN = "the field's pattern"
_NOT_NEGATIVE = "a figure that is not negative"
_TOGETHER = "fields given together or not at all"
_VOCABULARY = "a word of the vocabulary"
_DATE_FORM = "a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
_FORMAT = "the format version this library reads"
_FINITE = "a number a float can hold"
_SOURCES = "at least one source"
_REAL_DAY = "a day the month has"
_NOT_NAN = "a number, not NaN"
_WHOLE = "a whole number written as one"
_TEXT = "text a file can hold"
_ORDER = "an end that is not before its start"
_OTHER = "a successor other than the programme itself"
_DEFINED = "a source that the sources file defines"

#: The checks the JSON Schemas leave to the loader, and why. These, and only these, let a
#: record through a schema that the loader refuses.
_LEFT_TO_THE_LOADER = {
    _REAL_DAY: "the schemas check a date's form; the length of each month and the leap "
               "years are the calendar's to say",
    _NOT_NAN: "NaN is not JSON, though Python writes and reads it, and it is neither "
              "below nor above any limit a schema can set",
    _WHOLE: "JSON Schema counts 7.0 as an integer: a number with no fraction",
    _TEXT: "a lone surrogate is a valid JSON escape, and no schema keyword looks at "
           "code points",
    _ORDER: "a schema cannot compare the values of two fields",
    _OTHER: "a schema cannot compare the values of two fields",
    _DEFINED: "a schema checks one file, and the sources are in another",
}


# -- the cases on one record ---------------------------------------------------------------


@attrs.frozen
class Case:
    """A change to the fields of one record of the dataset."""

    name: str
    record: type[Any]
    #: (field, value) pairs, applied in order; a field of a nested record is dotted,
    #: such as ``mission.name``. The value may be ``_LEFT_OUT``.
    changes: tuple[tuple[str, Any], ...]
    #: What the change breaks, or ``None`` when the data stays valid.
    breaks: str | None

    def __str__(self) -> str:
        return self.name

    def apply(self, documents: Documents) -> Documents:
        file = _PLACES[self.record].partition(":")[0]
        changed = {**documents, file: copy.deepcopy(documents[file])}  # the rest is shared
        for field, value in self.changes:
            _put(changed, _PLACES[self.record] + field, value)
        return changed

    @property
    def buildable(self) -> bool:
        """Whether the change can be made to records built in Python.

        attrs checks no types, so only a required field left out and an unknown field
        stop a record from being built.
        """
        return self.breaks not in (_REQUIRED, _KNOWN) and all(
            value is not _LEFT_OUT for _, value in self.changes)

    @property
    def typed(self) -> bool:
        """Whether every value, as built in Python, is of the type its field declares."""
        for field, value in self.changes:
            *outer, name = field.split(".")
            cls = self.record
            for step in outer:
                cls = _unwrap(_hints(cls)[step])[0]
            hint = _hints(cls)[name]
            if name == "sources" and isinstance(value, list):
                if not all(isinstance(key, str) for key in value):
                    return False  # an id in a file is a Source record in Python
            elif not _fits(_in_python(hint, value), hint):
                return False
        return True


_SAMPLES: dict[str, Any] = {"null": None, "true": True, "a whole number": 7,
                            "a number": 2.5, "text": "text", "a list": [], "a table": {}}


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    # Slow to make, and asked for thousands of times.
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """``X | None`` as ``(X, True)``; any other type as ``(type, False)``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return inner, True
    return hint, False


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def _is_record(hint: Any) -> bool:
    return attrs.has(hint) and hint is not PartialDate


def _item(hint: Any) -> Any:
    """The item type of ``tuple[X, ...]``, or ``None`` for any other type."""
    return typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else None


def _json_kinds(hint: Any) -> set[str]:
    """The kinds of JSON value a field of this type holds, named as in ``_SAMPLES``."""
    inner, optional = _unwrap(hint)
    kinds = {"null"} if optional else set()
    if inner in (str, PartialDate) or _is_enum(inner):
        kinds.add("text")
    elif inner is bool:
        kinds.add("true")
    elif inner is int:
        kinds.add("a whole number")
    elif inner is float:
        kinds |= {"a whole number", "a number"}
    elif _item(inner) is not None:
        kinds.add("a list")
    elif _is_record(inner):
        kinds.add("a table")
    else:
        raise TypeError(f"no JSON kind for {hint!r}: teach this test the new type")
    return kinds


def _wrong_kinds(hint: Any) -> list[str]:
    """The kinds of JSON value a field of this type refuses: one of each JSON type, and a
    whole number besides a number where the field holds numbers (elsewhere 7 and 2.5 are
    both just numbers)."""
    kinds = _json_kinds(hint)
    wrong = set(_SAMPLES) - kinds
    if not kinds & {"a whole number", "a number"}:
        wrong.discard("a whole number")
    return sorted(wrong)


def _fits(value: Any, hint: Any) -> bool:
    inner, optional = _unwrap(hint)
    if value is None:
        return optional
    if inner is float:
        return type(value) in (int, float)
    if _item(inner) is not None:
        return isinstance(value, tuple) and all(_fits(item, _item(inner)) for item in value)
    if inner in (str, int, bool):
        return type(value) is inner  # True is an int to Python, not to a data file
    return isinstance(value, inner)


#: For each field with a pattern: a value that matches it, and values that do not.
_PATTERN_SAMPLES: dict[tuple[type[Any], str], tuple[str, tuple[str, ...]]] = {
    (Source, "id"): ("nato-1994", ("Nato-1994", "nato_1994", "nato--1994", "-nato")),
    (Source, "url"): ("https://example.org/a?b=c",
                      ("ftp://example.org", "https://", "https://a b", "example.org")),
    (Partner, "code"): ("XYZ", ("xyz", "XY", "XYZA", "\u00c4YZ")),
    (Partner, "alpha2"): ("XQ", ("xq", "X", "XQR")),
    (Partner, "iso_numeric"): ("031", ("31", "0310", "\u0660\u0663\u0661", "03a")),
    (Programme, "id"): ("target-2", ("Target", "target 2", "target-")),
    (Milestone, "id"): ("abc-visit-2", ("ABC-visit", "abc_visit", "abc-visit-")),
    (TrustFundProject, "id"): ("clearance-2", ("Clearance", "clearance.2")),
    (TrustFundProject, "budget_currency"): ("USD", ("EUR", "usd", "US", "USDX")),
}

#: Good values the type alone cannot give: the format version, references to records that
#: exist, and the code a partner file's name implies.
_GOOD_VALUES: dict[tuple[type[Any], str], Any] = {
    (DatasetInfo, "format"): FORMAT_VERSION,
    (Programme, "succeeded_by"): "host",
    (Membership, "programme"): "host",
    (Milestone, "programme"): "host",
    (Membership, "partner"): "ABC",
    (Milestone, "partner"): "ABC",
    (TrustFundProject, "partner"): "ABC",
    # An end the day after the other dates: one on the day a membership began is refused.
    (Membership, "left"): "1996-03-01",
    (Membership, "left_by"): "1996-03-01",
}

#: Dates a date field refuses, and the check each breaks. Every date field has the same
#: type: the first few are tried on each, and all of them on one.
_BAD_DATES = {
    "1994-13": _DATE_FORM, "1994-02-30": _REAL_DAY, "\u0661\u0669\u0669\u0664": _DATE_FORM,
    "1994\n": _DATE_FORM, "0000": _DATE_FORM,
    "94": _DATE_FORM, "1994-5": _DATE_FORM, "1994-05-4": _DATE_FORM, "1994/05/04": _DATE_FORM,
    "19940504": _DATE_FORM, " 1994": _DATE_FORM, "1994-00": _DATE_FORM,
    "1994-05-00": _DATE_FORM, "1994-05-32": _DATE_FORM, "\uff11\uff19\uff19\uff14": _DATE_FORM,
    "1994-\u0660\u0665": _DATE_FORM, "1995-02-29": _REAL_DAY, "1994-04-31": _REAL_DAY,
}
_ON_EVERY_DATE_FIELD = 5
_EVERY_DATE_ON = (Milestone, "date")


def _good(cls: type[Any], field: str, hint: Any) -> Any:
    """A valid value for a field: from the tables above, or else from its type."""
    if (cls, field) in _PATTERN_SAMPLES:
        return _PATTERN_SAMPLES[cls, field][0]
    if (cls, field) in _GOOD_VALUES:
        return _GOOD_VALUES[cls, field]
    inner, _ = _unwrap(hint)
    item = _item(inner)
    if item is not None:
        return ["doc-a", "doc-b"] if item is Source else [_good(cls, field, item)]
    if _is_record(inner):
        hints = _hints(inner)
        return {f.name: _good(inner, f.name, hints[f.name]) for f in attrs.fields(inner)
                if f.default is attrs.NOTHING}
    if _is_enum(inner):
        return list(inner)[-1].value  # the last word, which is no field's default
    scalars: dict[Any, Any] = {str: "Türkiye, Азербайджан, 北约", int: 7, float: 2.5,
                               bool: True, PartialDate: "1996-02-29"}
    return scalars[inner]


def _together(cls: type[Any], field: str) -> str | None:
    """The field that must be given with ``field``, if any."""
    for pair in TOGETHER.get(cls, ()):
        if field in pair:
            return pair[1 - pair.index(field)]
    return None


def _field_cases(cls: type[Any], top: type[Any], prefix: str = "",
                 setup: tuple[tuple[str, Any], ...] = ()) -> Iterator[Case]:
    """Every case for the fields of ``cls``: a record of type ``top``, or nested in one at
    ``prefix`` (after the ``setup`` changes that put it there)."""
    hints = _hints(cls)
    label = f"{top.__name__}.{prefix}"

    def case(field: str, what: str, value: Any, breaks: str | None) -> Case:
        changes = (*setup, (prefix + field, value))
        other = _together(cls, field)
        if other is not None and breaks != _TOGETHER:
            # The field's partner comes with it (or goes with it), so that the case
            # breaks one thing only.
            given = value is not None and value is not _LEFT_OUT
            changes += ((prefix + other, _good(cls, other, hints[other]) if given else value),)
        return Case(f"{label}{field}: {what}", top, changes, breaks)

    for attribute in attrs.fields(cls):
        field, hint = attribute.name, hints[attribute.name]
        inner, optional = _unwrap(hint)
        good = _good(cls, field, hint)
        yield case(field, "a good value", good, None)
        if optional:
            yield case(field, "null", None, None)
        if attribute.default is attrs.NOTHING:
            implied = prefix == "" and _IMPLIED.get(cls) == field
            yield case(field, "left out", _LEFT_OUT, None if implied else _REQUIRED)
        for kind in _wrong_kinds(hint):
            yield case(field, kind, _SAMPLES[kind], _TYPE)
        item = _item(inner)
        if item is not None:
            # A file cites a source by its id, which is text.
            for kind in _wrong_kinds(str if item is Source else item):
                yield case(field, f"an item that is {kind}", [_SAMPLES[kind]], _TYPE)
            if item is Source:
                yield case(field, "empty", [], _SOURCES)
                yield case(field, "an id that is not a slug", ["Doc-A"], _PATTERN)
                yield case(field, "an id no source has", ["doc-z"], _DEFINED)
            elif _is_enum(item):
                yield case(field, "an unknown word", ["no-such-word"], _VOCABULARY)
            else:
                yield case(field, "empty", [], None)
        if _is_record(inner):
            yield from _field_cases(inner, top, f"{prefix}{field}.",
                                    (*setup, (prefix + field, good)))
        if _is_enum(inner):
            yield case(field, "an unknown word", "no-such-word", _VOCABULARY)
            yield case(field, "a word in capitals", good.upper(), _VOCABULARY)
        if inner is PartialDate:
            dates = list(_BAD_DATES.items())
            if (cls, field) != _EVERY_DATE_ON:
                dates = dates[:_ON_EVERY_DATE_FIELD]
            for text, breaks in dates:
                yield case(field, f"the date {text!r}", text, breaks)
            for text in ("1994", "1994-05"):
                yield case(field, f"the date {text!r}", text, None)
        if inner is str and (cls, field) not in _PATTERN_SAMPLES:
            yield case(field, "a lone surrogate", "bad\udc80", _TEXT)
        if inner in (int, float):
            # Python's JSON writes NaN and Infinity, and reads them back.
            yield case(field, "NaN", float("nan"), _NOT_NAN if inner is float else _TYPE)
            for value in (float("inf"), float("-inf")):
                yield case(field, str(value), value, _FINITE if inner is float else _TYPE)
        if inner is int:
            yield case(field, repr(float(good)), float(good), _WHOLE)
        if inner is float:
            yield case(field, "10**400", 10**400, _FINITE)
        if field in NON_NEGATIVE.get(cls, ()):
            yield case(field, "zero", 0, None)
            yield case(field, "negative", -1, _NOT_NEGATIVE)
        if (cls, field) in _PATTERN_SAMPLES:
            # What no pattern here allows: nothing, and white space around a good value.
            for text in (*_PATTERN_SAMPLES[cls, field][1], "", f" {good}", f"{good} ",
                         f"{good}\n"):
                yield case(field, repr(text), text, _PATTERN)
        other = _together(cls, field)
        if other is not None:
            yield case(field, f"without {other}", good, _TOGETHER)
            yield Case(f"{label}{field}: with {other} null", top,
                       (*setup, (prefix + field, good), (prefix + other, None)), _TOGETHER)
    yield Case(f"{label}colour: an unknown field", top,
               (*setup, (prefix + "colour", "blue")), _KNOWN)
    every = tuple((prefix + a.name, _good(cls, a.name, hints[a.name]))
                  for a in attrs.fields(cls) if a.default is not attrs.NOTHING)
    yield Case(f"{label.rstrip('.')}: every optional field", top, (*setup, *every), None)


def _single_record_cases() -> Iterator[Case]:
    for cls in _PLACES:
        yield from _field_cases(cls, cls)
        hints = _hints(cls)
        dates = [a.name for a in attrs.fields(cls) if _unwrap(hints[a.name])[0] is PartialDate]
        # A record with more than one date holds a range, whose first date is the start.
        for end in dates[1:]:
            for first, last, breaks in (("2000", "1999-12-31", _ORDER),
                                        ("2000-05-04", "2000", None)):
                yield Case(f"{cls.__name__}.{end}: {last!r} after {dates[0]} {first!r}",
                           cls, ((dates[0], first), (end, last)), breaks)
    for end in ("left", "left_by"):  # in force up to, not including, the day it ended
        yield Case(f"Membership.{end}: the day it began", Membership,
                   (("joined", "2000-05-04"), (end, "2000-05-04")), _ORDER)
    yield Case("DatasetInfo.format: another version", DatasetInfo,
               (("format", FORMAT_VERSION + 1),), _FORMAT)
    yield Case("Programme.succeeded_by: its own id", Programme,
               (("succeeded_by", "target"),), _OTHER)


CASES = list(_single_record_cases())


# -- the three judges ----------------------------------------------------------------------


def _loader_problems(directory: Path) -> tuple[Problem, ...]:
    try:
        load_dataset(directory)
    except DataError as error:
        return error.problems
    return ()


_VALIDATORS = {name: jsonschema.Draft202012Validator(schema)
               for name, schema in schemas().items()}


def _schema_errors(instance: Any, name: str) -> list[str]:
    """The first thing the schema finds wrong, if any: enough to tell, and to show."""
    first = next(_VALIDATORS[name].iter_errors(instance), None)
    return [] if first is None else [first.message]


def _as_record(documents: Documents, cls: type[Any]) -> dict[str, Any]:
    """The changed record as :func:`~nato_partners.unstructure` gives it: its sources in
    full, and the code a partner file's name implies."""
    file, _, path = _PLACES[cls].partition(":")
    record: dict[str, Any] = copy.deepcopy(_at(documents[file], _steps(path)))
    if cls in _IMPLIED:
        record.setdefault(_IMPLIED[cls], file.rpartition("/")[2].upper())
    listed = {source["id"]: source for source in documents["sources"]["sources"]
              if isinstance(source, dict) and isinstance(source.get("id"), str)}
    if isinstance(record.get("sources"), list):
        record["sources"] = [listed.get(key, {"id": key, "title": key, "publisher": "?"})
                             if isinstance(key, str) else key for key in record["sources"]]
    return record


def _in_python(hint: Any, value: Any) -> Any:
    """What a caller building records in Python passes for a value read from a file: the
    value converted to the field's type where it converts, else the value as it is."""
    inner, _ = _unwrap(hint)
    if _is_record(inner) and isinstance(value, dict):
        return _build(inner, value)
    try:
        return structure(value, hint)
    except DataError:
        return value


def _build(cls: type[Any], data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    return cls(**{name: _in_python(hints[name], value) for name, value in data.items()})


def _dataset_problems(documents: Documents) -> tuple[Problem, ...]:
    """Build the records of the documents in Python; the problems ``Dataset(...)`` finds."""
    sources = [_build(Source, data) for data in documents["sources"]["sources"]]
    by_id = {source.id: source for source in reversed(sources) if isinstance(source.id, str)}
    records: dict[type[Any], list[Any]] = {cls: [] for cls in _SECTIONS.values()}
    for file, document in documents.items():
        for section, found in document.items():
            if section not in _SECTIONS:
                continue
            cls = _SECTIONS[section]
            for data in found if isinstance(found, list) else [found]:
                data = dict(data)
                if cls in _IMPLIED:
                    data.setdefault(_IMPLIED[cls], file.rpartition("/")[2].upper())
                if isinstance(data.get("sources"), list):
                    # An id the sources file lacks stands for a source the dataset lacks.
                    data["sources"] = tuple(
                        by_id.get(key) or Source(id=key, title=key, publisher="?")
                        if isinstance(key, str) else key for key in data["sources"])
                records[cls].append(_build(cls, data))
    try:
        Dataset(info=_build(DatasetInfo, documents["dataset"]), sources=sources,
                partners=records[Partner], programmes=records[Programme],
                memberships=records[Membership], milestones=records[Milestone],
                trust_fund_projects=records[TrustFundProject])
    except DataError as error:
        return error.problems
    return ()


def _fields(problems: tuple[Problem, ...]) -> set[str | None]:
    # In Python a record cites Source records, read field by field; a file cites ids.
    return {re.sub(r"^(sources\[\d+\])\..*", r"\1", p.field) if p.field else None
            for p in problems}


def _shown(problems: tuple[Problem, ...]) -> str:
    return "\n".join(f"    {p}" for p in problems) or "    (accepted)"


def _compared(loaded: tuple[Problem, ...], built: tuple[Problem, ...]) -> str:
    return f"  the loader:\n{_shown(loaded)}\n  Dataset(...):\n{_shown(built)}"


class _Judges:
    """The loader's and ``Dataset(...)``'s problems with each change, found once.

    The loader reads one directory, in which each case rewrites only the files that differ
    from the case before: much faster than a directory for each of a thousand cases.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        (directory / "partners").mkdir(parents=True)
        #: What each file holds now, as JSON text: to Python, true and 1.0 equal 1.
        self.written: dict[str, str] = {}
        self.by_loader: dict[str, tuple[Problem, ...]] = {}
        self.by_dataset: dict[str, tuple[Problem, ...]] = {}

    def loader(self, name: str, documents: Documents) -> tuple[Problem, ...]:
        if name not in self.by_loader:
            for file, document in documents.items():
                text = json.dumps(document)
                if self.written.get(file) != text:
                    (self.directory / f"{file}.json").write_text(text, encoding="utf-8")
                    self.written[file] = text
            self.by_loader[name] = _loader_problems(self.directory)
        return self.by_loader[name]

    def dataset(self, name: str, documents: Documents) -> tuple[Problem, ...]:
        if name not in self.by_dataset:
            self.by_dataset[name] = _dataset_problems(documents)
        return self.by_dataset[name]

    def schemas_disagree(self, case: Case) -> str | None:
        """Why the loader and the schemas disagree on a case, or ``None`` if they agree."""
        documents = case.apply(_BASE)
        problems = self.loader(case.name, documents)
        file = _PLACES[case.record].partition(":")[0]
        in_file = _schema_errors(documents[file], _FILE_SCHEMAS[file])
        as_record = _schema_errors(_as_record(documents, case.record),
                                   _RECORD_SCHEMAS[case.record])
        # Each case is valid or broken by construction, whatever the code says.
        if bool(problems) != (case.breaks is not None):
            return f"{'refused' if problems else 'accepted'} by the loader\n{_shown(problems)}"
        if bool(in_file) != bool(as_record):
            return f"the file's schema says {in_file}, the record's {as_record}"
        if case.breaks in _LEFT_TO_THE_LOADER:
            return f"a schema refuses what it leaves to the loader: {in_file}" if in_file else None
        if bool(in_file) != bool(problems):
            return f"the loader:\n{_shown(problems)}\n  the schema: {in_file or 'accepted'}"
        return None

    def dataset_disagrees(self, name: str, documents: Documents) -> str | None:
        """Why the loader and ``Dataset(...)`` disagree, or ``None`` if they agree."""
        loaded = self.loader(name, documents)
        try:
            built = self.dataset(name, documents)
        except Exception as error:  # a crash is one more way to disagree
            return f"Dataset(...) raised {type(error).__name__}: {error}"
        if bool(built) != bool(loaded) or _fields(built) != _fields(loaded):
            return _compared(loaded, built)
        return None


@pytest.fixture(scope="module")
def judges(tmp_path_factory: pytest.TempPathFactory) -> _Judges:
    return _Judges(tmp_path_factory.mktemp("dataset"))


def _by_field(cases: list[Case]) -> list[Any]:
    """The cases by the field they change, each group named like ``Partner.mission.name``."""
    grouped: dict[str, list[Case]] = {}
    for case in cases:
        grouped.setdefault(case.name.partition(":")[0], []).append(case)
    return [pytest.param(cases, id=field) for field, cases in grouped.items()]


# -- one record ----------------------------------------------------------------------------

# One test per field runs all the field's cases: a test for each case would spend more
# time in pytest than in the checks. A failure names every case that fails.
_TYPED: list[Case] = []
_OTHER_TYPES: list[Case] = []
for _case in CASES:
    if _case.buildable:
        (_TYPED if _case.typed else _OTHER_TYPES).append(_case)


def test_the_dataset_the_cases_change_is_valid_everywhere(judges: _Judges) -> None:
    assert judges.loader("the dataset as it is", _BASE) == ()
    assert judges.dataset("the dataset as it is", _BASE) == ()
    for name, schema in _FILE_SCHEMAS.items():
        assert _schema_errors(_BASE[name], schema) == []
    for cls, schema in _RECORD_SCHEMAS.items():
        assert _schema_errors(_as_record(_BASE, cls), schema) == []


def test_every_pattern_has_samples_here() -> None:
    patterns = {(cls, field) for cls, fields in FIELD_PATTERNS.items() for field in fields}
    assert set(_PATTERN_SAMPLES) == patterns


def test_every_check_left_to_the_loader_has_a_case() -> None:
    assert set(_LEFT_TO_THE_LOADER) <= {case.breaks for case in CASES}


def test_the_case_names_are_unique() -> None:
    # The judges keep their answers by name.
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("cases", _by_field(CASES))
def test_the_loader_and_the_schemas_agree_on_each_field(
    cases: list[Case], judges: _Judges
) -> None:
    failures = [f"{case}: {why}" for case in cases
                if (why := judges.schemas_disagree(case)) is not None]
    assert failures == [], "\n".join(failures)


# Values of the declared Python type and of another (text for a list, a word for a
# vocabulary member): a record built in Python may hold either.
@pytest.mark.parametrize("cases", _by_field([*_TYPED, *_OTHER_TYPES]))
def test_dataset_and_the_loader_agree_on_each_field(
    cases: list[Case], judges: _Judges
) -> None:
    failures = [f"{case}:\n{why}" for case in cases
                if (why := judges.dataset_disagrees(case.name, case.apply(_BASE)))]
    assert failures == [], "\n".join(failures)


# -- across records ------------------------------------------------------------------------

_HOST = "programmes:programmes[0]"
_TARGET = "programmes:programmes[1]"
_MEMBERSHIP = "partners/abc:memberships[0]"
_MILESTONE = "partners/abc:milestones[0]"
_PROJECT = "partners/abc:trust_fund_projects[0]"

#: Milestone kinds that claim a date of a membership: those named like a membership field.
_CLAIMS = [kind.value for kind in MilestoneKind if kind.value in attrs.fields_dict(Membership)]

_ACROSS: dict[str, tuple[tuple[str, Any], ...]] = {
    "two sources with one id": (
        ("sources:sources[+]", {"id": "doc-a", "title": "A again", "publisher": "P"}),),
    **{f"two partners with one {field}": (
        (f"partners/abc:partner.{field}", value), (f"partners/xyz:partner.{field}", value))
       for field, value in (("alpha2", "XY"), ("iso_numeric", "031"), ("cow_code", 7),
                            ("gw_code", 7))},
    "two programmes with one id": ((f"{_TARGET}.id", "host"),),
    "a successor that does not exist": ((f"{_TARGET}.succeeded_by", "nowhere"),),
    "successors that lead back": ((f"{_HOST}.succeeded_by", "target"),
                                  (f"{_TARGET}.succeeded_by", "host")),
    "an end on another day than the successor's start": (
        (f"{_TARGET}.ended", "1990"), (f"{_TARGET}.succeeded_by", "host"),
        (f"{_HOST}.established", "2000")),
    "two memberships of one programme from one day": (
        (f"{_MEMBERSHIP}.joined", "1994"),
        ("partners/abc:memberships[+]", {"programme": "host", "joined": "1994",
                                          "sources": ["doc-b"]})),
    "a membership of a programme that does not exist": (
        (f"{_MEMBERSHIP}.programme", "nowhere"),),
    # In a file the partner is the file's: the loader says the name and the code differ.
    "a membership of a partner that does not exist": ((f"{_MEMBERSHIP}.partner", "QQQ"),),
    "a membership from before its programme": (
        (f"{_HOST}.established", "2000"), (f"{_MEMBERSHIP}.joined", "1999")),
    "a membership of a programme that ended, without an end": (
        (f"{_HOST}.ended", "2000"), (f"{_MEMBERSHIP}.joined", "1995")),
    "a membership from after its programme ended": (
        (f"{_HOST}.ended", "2000"), (f"{_MEMBERSHIP}.joined", "2001"),
        (f"{_MEMBERSHIP}.left", "2002")),
    "a membership left after its programme ended": (
        (f"{_HOST}.ended", "2000"), (f"{_MEMBERSHIP}.joined", "1995"),
        (f"{_MEMBERSHIP}.left", "2001")),
    "a membership suspended after its programme ended": (
        (f"{_HOST}.ended", "2000"), (f"{_MEMBERSHIP}.joined", "1995"),
        (f"{_MEMBERSHIP}.left", "2000"), (f"{_MEMBERSHIP}.suspended", "2001")),
    "two memberships of one programme in force at once": (
        (f"{_MEMBERSHIP}.joined", "1994"),
        ("partners/abc:memberships[+]", {"programme": "host", "joined": "1996",
                                          "spell": 2, "sources": ["doc-b"]})),
    "a membership numbered below spell 1": ((f"{_MEMBERSHIP}.spell", 0),),
    "a membership from before its partner was a state": (
        ("partners/abc:partner.states", [{"system": "cow", "code": 901, "start": "2000"}]),
        (f"{_MEMBERSHIP}.joined", "1994")),
    "two partners with one state code": (
        ("partners/abc:partner.states", [{"system": "gw", "code": 902, "start": "1990"}]),
        ("partners/xyz:partner.states", [{"system": "gw", "code": 902, "start": "1990"}])),
    "an end milestone that names no programme": (
        (f"{_MILESTONE}.kind", "left"), (f"{_MILESTONE}.programme", None)),
    "two milestones with one id": (
        ("partners/abc:milestones[+]", _BASE["partners/abc"]["milestones"][0]),),
    "a milestone of a programme that does not exist": (
        (f"{_MILESTONE}.programme", "nowhere"),),
    "a milestone of a partner that does not exist": ((f"{_MILESTONE}.partner", "QQQ"),),
    **{f"a {kind!r} milestone with no membership": (
        (f"{_MILESTONE}.kind", kind), (f"{_MILESTONE}.date", "1994"),
        (f"{_MILESTONE}.programme", "target")) for kind in _CLAIMS},
    **{f"a {kind!r} milestone on another day than its membership's": (
        (f"{_MEMBERSHIP}.joined", "1990"), (f"{_MEMBERSHIP}.left", "1999"),
        (f"{_MEMBERSHIP}.suspended", "1995"), (f"{_MILESTONE}.kind", kind),
        (f"{_MILESTONE}.date", "1994"), (f"{_MILESTONE}.programme", "host"))
       for kind in _CLAIMS},
    "a milestone from before its programme": (
        (f"{_HOST}.established", "2000"), (f"{_MILESTONE}.date", "1999"),
        (f"{_MILESTONE}.programme", "host")),
    "a milestone from after its programme ended": (
        (f"{_HOST}.ended", "2000"), (f"{_MEMBERSHIP}.left", "2000"),
        (f"{_MILESTONE}.date", "2001"), (f"{_MILESTONE}.programme", "host")),
    "two projects with one id": (
        ("partners/abc:trust_fund_projects[+]",
         _BASE["partners/abc"]["trust_fund_projects"][0]),),
    "a project of a partner that does not exist": ((f"{_PROJECT}.partner", "QQQ"),),
}


def _across(name: str) -> Documents:
    documents = copy.deepcopy(_BASE)
    for where, value in _ACROSS[name]:
        _put(documents, where, value)
    return documents


@pytest.mark.parametrize("name", _ACROSS)
def test_dataset_and_the_loader_agree_across_records(name: str, judges: _Judges) -> None:
    documents = _across(name)
    loaded = judges.loader(name, documents)
    built = judges.dataset(name, documents)
    assert loaded, "each change breaks a check across records"
    assert built, _compared(loaded, built)
    assert _fields(built) == _fields(loaded), _compared(loaded, built)
    # Beyond what a schema can say: each file on its own is valid.
    for file, schema in _FILE_SCHEMAS.items():
        assert _schema_errors(documents[file], schema) == [], file


# -- every check is tested and documented --------------------------------------------------


def _messages(module: ModuleType, calls: dict[str, int | str]) -> list[re.Pattern[str]]:
    """The messages a module's checks give, as patterns in which each part filled in at
    run time is ``.*``.

    :param calls: the functions that take a message, and the position (or the keyword)
        of the message among their arguments. A message made by a helper of the module
        is found in the helper's ``return``.
    """
    tree = ast.parse(inspect.getsource(module))
    helpers = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}

    def patterns(node: ast.expr | None) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [re.escape(node.value)]
        if isinstance(node, ast.JoinedStr):
            return ["".join(re.escape(str(part.value)) if isinstance(part, ast.Constant)
                            else ".*" for part in node.values)]
        if isinstance(node, ast.Name) and isinstance(getattr(module, node.id, None), str):
            return [re.escape(getattr(module, node.id))]
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in helpers):
            return [found for ret in ast.walk(helpers[node.func.id])
                    if isinstance(ret, ast.Return) for found in patterns(ret.value)]
        return []  # a variable: its message is found where it is made

    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = getattr(node.func, "attr", getattr(node.func, "id", None))
        where = calls.get(called) if isinstance(called, str) else None
        if isinstance(where, int) and len(node.args) > where:
            found += patterns(node.args[where])
        elif isinstance(where, str):
            found += [text for keyword in node.keywords if keyword.arg == where
                      for text in patterns(keyword.value)]
    return [re.compile(text, re.DOTALL) for text in found]


@functools.cache
def _checks() -> dict[str, list[re.Pattern[str]]]:
    """The messages of every check, by where it is made."""
    return {
        "validate": _messages(validate, {"report": 3, "Problem": "expected"}),
        "patterns": [re.compile(re.escape(expected)) for fields in FIELD_PATTERNS.values()
                     for _, expected in fields.values()],
        "files": _messages(files, {"problem": 1, "_SyntaxProblem": 0}),
        "convert": _messages(convert, {"TypeError": 0, "ValueError": 0, "add": 2}),
    }


def test_the_messages_are_found_in_the_code() -> None:
    # Guards the tests below, which would pass vacuously if nothing were found.
    found = _checks()
    assert len(found["validate"]) >= 15
    assert len(found["files"]) >= 15
    assert len(found["convert"]) >= 10


def test_every_check_of_validate_is_made_by_some_case(judges: _Judges) -> None:
    given = set()
    for case in _TYPED:
        given |= {p.expected for p in judges.dataset(case.name, case.apply(_BASE))}
    for name in _ACROSS:
        given |= {p.expected for p in judges.dataset(name, _across(name))}
    untested = [message.pattern for message in _checks()["validate"] + _checks()["patterns"]
                if not any(message.fullmatch(text) for text in given)]
    assert untested == []


def test_the_data_format_page_lists_every_check() -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "data-format.rst"
    text = " ".join(page.read_text(encoding="utf-8").split())
    section = text.partition("Every check the data must pass")[2]
    section = section.partition("JSON Schemas for other tools")[0]
    assert section, "the page has a section that lists every check"
    # The page writes each message as code, with <...> where a value is filled in.
    written = re.findall(r"``(.+?)``", section)
    missing = [message.pattern for messages in _checks().values() for message in messages
               if not any(message.fullmatch(words) for words in written)]
    assert missing == []
    named = {field for fields in FIELD_PATTERNS.values() for field in fields}
    named |= {field for fields in NON_NEGATIVE.values() for field in fields}
    named |= {field for pairs in TOGETHER.values() for pair in pairs for field in pair}
    assert {field for field in named if field not in written} == set()
