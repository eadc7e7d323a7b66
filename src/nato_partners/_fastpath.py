"""The loader's fast path: straight-line code that builds each record type from plain data.

The converter (:mod:`nato_partners.convert`) is general and explains every failure, field
by field; most of a large load's time went into its layers. For each record type this
module writes a function that does the same checks in one pass: exact types (no ``"5"``
for 5, no ``True`` for 1), finite numbers, no lone surrogates, vocabulary words by
dictionary, dates through the shared cache, no unknown fields. It can also put cited
:class:`~nato_partners.Source` records in place of their ids and a partner file's code in
place of a missing ``partner``, which spares the loader a second pass over each record.

It never explains: on any doubt it raises, and the caller asks the converter, which either
builds the same record or says exactly what is wrong. So the fast path decides nothing
alone; a test checks on generated inputs that both accept and refuse the same data and
build equal records.

The functions are written once, when the library is built, into ``_fastpath_code.py``
(``scripts/bundle-data`` runs :func:`module_source`; a test fails while the file is out of
date), so that a program's first query does not pay for writing and compiling them.
"""

from __future__ import annotations

import enum
import math
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._registry import STORED
from .dates import PartialDate
from .model import MAX_WHOLE_NUMBER, DatasetInfo, Source

__all__ = ["module_source", "record_types"]

#: ``fast(data, sources, code)``: ``sources`` maps the ids cited in a data file to their
#: records (``None`` outside the loader), ``code`` is the partner a file is about.
FastStructurer = Callable[[Any, Mapping[str, Source] | None, str | None], Any]

#: Stands for a field that the data leaves out.
ABSENT = object()


class Refused(Exception):
    """The fast path will not build this input; the converter must look at it."""


def refuse() -> Any:
    """Raise :class:`Refused`, from inside an expression."""
    raise Refused


def encodable(text: str) -> bool:
    """Tell that non-ASCII text holds no lone surrogate, which no file could hold (or raise)."""
    text.encode("utf-8")
    return True


def whole(value: object) -> int:
    """A whole number within the bounds every export keeps exactly (or raise), as the
    converter reads one."""
    if type(value) is not int or not -MAX_WHOLE_NUMBER <= value <= MAX_WHOLE_NUMBER:
        raise Refused
    return value


#: Make a record without calling its ``__init__``, then set each field, as the ``__init__``
#: attrs writes for a frozen class does (see :func:`_plain`).
new = object.__new__


def number(value: object) -> float:
    """A whole or decimal number as a finite float (or raise), as the converter reads one."""
    if type(value) is not float and type(value) is not int:
        raise Refused
    result = float(value)  # OverflowError for a number too large for a float
    if not math.isfinite(result):
        raise Refused
    return result


class _Writer:
    """Writes the expression that checks and converts a value of a given type.

    Each expression gives the value or raises. What it uses beyond the helpers of this
    module (the vocabularies, each record type's field names) is defined once at the top
    of the written module.
    """

    def __init__(self) -> None:
        self.definitions: dict[str, str] = {}
        self.imports: set[str] = set()

    def words(self, vocabulary: type[enum.Enum]) -> str:
        """The name of the table of a vocabulary's members by their words."""
        name = f"WORDS_{vocabulary.__name__}"
        self.imports.add(vocabulary.__name__)
        self.definitions[name] = f"{{m.value: m for m in {vocabulary.__name__}}}"
        return name

    def expression(self, hint: Any, v: str) -> str:
        if hint is str:
            return f"({v} if type({v}) is str and ({v}.isascii() or encodable({v})) else refuse())"
        if hint is int:
            return f"whole({v})"
        if hint is bool:
            return f"({v} if type({v}) is bool else refuse())"
        if hint is float:
            return f"number({v})"
        if hint is PartialDate:
            return f"(parse_date({v}) if type({v}) is str else refuse())"
        if _vocabulary(hint):
            # KeyError for a word that is not in the vocabulary, TypeError for a list
            return f"{self.words(hint)}[{v}]"
        if attrs.has(hint):
            # A record built already is taken as the converter takes it; plain data goes to
            # that record type's own fast path.
            self.imports.add(hint.__name__)
            return (f"({v} if type({v}) is {hint.__name__} else "
                    f"structure_{hint.__name__}({v}, None, None))")
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
            # Words of a vocabulary by map: no comprehension's frame for each record.
            each = (f"map({self.words(args[0])}.__getitem__, {v})" if _vocabulary(args[0])
                    else f"[{self.expression(args[0], 'x')} for x in {v}]")
            return f"(tuple({each}) if type({v}) is list or type({v}) is tuple else refuse())"
        raise TypeError(f"the fast path cannot structure {hint!r}")


def _vocabulary(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def _optional(hint: Any) -> Any:
    """``X`` for ``X | None``, else ``None``."""
    args = typing.get_args(hint)
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    if union and len(args) == 2 and type(None) in args:
        return next(arg for arg in args if arg is not type(None))
    return None


def _with_nested(classes: typing.Iterable[type]) -> tuple[type, ...]:
    """The classes, each after the attrs classes its fields hold (a partner's mission and
    state spells), each once, in that order; not dates, which are read from their text."""
    found: list[type] = []

    def add(hint: Any) -> None:
        for arg in typing.get_args(hint):
            add(arg)
        if attrs.has(hint) and hint is not PartialDate and hint not in found:
            for inner in typing.get_type_hints(hint).values():
                add(inner)
            found.append(hint)

    for cls in classes:
        add(cls)
    return tuple(found)


def record_types() -> tuple[type, ...]:
    """The record types that have a fast path: what the dataset file holds, then every
    stored kind of the registry with the types nested in it.

    A function, not a constant: reading the fields' types compiles their annotations, which
    only writing the module needs, not each program that loads data.
    """
    return _with_nested((DatasetInfo, *(kind.cls for kind in STORED)))


def module_source() -> str:
    """The source of ``_fastpath_code.py``: a function per record type, written from the
    model, and ``STRUCTURERS``, the function of each type.

    :returns: the module's text.
    """
    write = _Writer()
    classes = record_types()
    functions = [_function(cls, write) for cls in classes]
    names = sorted({cls.__name__ for cls in classes} | write.imports)
    lines = [
        '"""Written by nato_partners._fastpath.module_source() (scripts/bundle-data); '
        'do not edit."""',
        "",
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "from ._fastpath import ABSENT, FastStructurer, Refused, encodable, new, number, "
        "refuse, whole",
        "from .dates import _parse_date as parse_date",
        f"from .model import {', '.join(names)}",
        "",
        *(f"{name} = {definition}" for name, definition in sorted(write.definitions.items())),
        *functions,
        "",
        "STRUCTURERS: dict[type, FastStructurer] = {",
        *(f"    {cls.__name__}: structure_{cls.__name__}," for cls in classes),
        "}",
    ]
    return "\n".join(lines) + "\n"


def _function(cls: type, write: _Writer) -> str:
    """The source of the fast path of one record type."""
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    known = f"FIELDS_{cls.__name__}"
    write.definitions[known] = f"frozenset({[field.name for field in fields]!r})"
    lines = ["", "", f"def structure_{cls.__name__}(data, sources, code):",
             f"    if type(data) is not dict or not data.keys() <= {known}:",
             "        raise Refused"]
    plain = _plain(cls)
    if plain:
        # Made before its fields' values: the cyclic collector walks young objects in the
        # order they were made, and finds a tuple the record holds reachable through the
        # record only if it meets the record first (see _gc.collect_young).
        lines.append(f"    record = new({cls.__name__})")
    for field in fields:
        name, hint, v = field.name, hints[field.name], f"f_{field.name}"
        inner = _optional(hint)
        check = write.expression(hint if inner is None else inner, v)
        if name == "sources" and cls is not Source:
            # In a data file, ids to resolve through the file's sources (an unknown one is
            # a KeyError); in Python, the sources themselves, kept if they are records.
            lines += [f"    {v} = data['sources']",
                      f"    if sources is not None and type({v}) is list:",
                      f"        {v} = tuple(map(sources.__getitem__, {v}))",
                      f"    elif not (type({v}) is tuple"
                      f" and all(type(x) is Source for x in {v})):",
                      f"        {v} = {check}"]
        elif name == _CODE_FIELDS.get(cls.__name__):
            # A partner file's records may leave out the code its name gives.
            lines += [f"    {v} = data.get({name!r}, ABSENT)",
                      "    if code is not None:",
                      f"        if {v} is ABSENT:",
                      f"            {v} = code",
                      f"        elif {v} != code:",
                      "            raise Refused",
                      f"    {v} = {check}"]
        elif field.default is attrs.NOTHING:
            lines += [f"    {v} = data[{name!r}]", f"    {v} = {check}"]
        elif inner is not None and field.default is None:
            lines += [f"    {v} = data.get({name!r})",
                      f"    if {v} is not None:",
                      f"        {v} = {check}"]
        else:
            default = _literal(field.default)
            if isinstance(field.default, enum.Enum):
                write.imports.add(type(field.default).__name__)
            lines += [f"    {v} = data.get({name!r}, ABSENT)",
                      f"    {v} = {default} if {v} is ABSENT else {check}"]
    if plain:
        # What the class's own __init__ would do, without matching a dozen keyword
        # arguments: a tenth of a large load's time to build its records. Each field is
        # set through its slot's own setter, which skips looking the name up.
        for field in fields:
            setter = f"SET_{cls.__name__}_{field.name}"
            write.definitions[setter] = f"{cls.__name__}.__dict__[{field.name!r}].__set__"
            lines.append(f"    {setter}(record, f_{field.name})")
        lines.append("    return record")
    else:
        arguments = ", ".join(f"{field.name}=f_{field.name}" for field in fields)
        lines.append(f"    return {cls.__name__}({arguments})")
    return "\n".join(lines)


def _plain(cls: type) -> bool:
    """Tell that the ``__init__`` attrs wrote for ``cls`` only sets each field in turn.

    So it is for a frozen record whose fields all go through ``__init__`` with no validator
    or converter, no ``__attrs_pre_init__`` or ``__attrs_post_init__`` and no cached hash;
    a record type that gains any of them is built by calling it again.
    """
    fields = attrs.fields(cls)
    return (
        all(f.init and f.validator is None and f.converter is None and f.on_setattr is None
            for f in fields)
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and "__attrs_cached_hash" not in getattr(cls, "__slots__", ())
        and getattr(getattr(vars(cls).get("__init__"), "__code__", None), "co_filename",
                    "").startswith("<attrs generated")  # not one of ours
        and "__setattr__" in vars(cls)  # frozen: attrs' __init__ sets past it, as we do
        # slotted: each field has a slot whose setter ignores the frozen __setattr__
        and all(type(vars(cls).get(f.name)) is types.MemberDescriptorType for f in fields)
    )


def _literal(value: object) -> str:
    """A field's default as source text."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if value is None or isinstance(value, bool | int | str) or value == ():
        return repr(value)
    raise TypeError(f"no source text for the default {value!r}")


#: The field of each record type that a partner file's name fills in when it is left out.
_CODE_FIELDS = {"Partner": "code", "Membership": "partner", "Milestone": "partner",
                "TrustFundProject": "partner"}
