"""The one :mod:`cattrs` converter between records and plain data (dicts, lists, text).

Dates travel as their ISO text at the precision they have (``"1995"``, ``"1992-03"``,
``"1994-05-04"``) and enumerations as their lower-case values. Structuring is strict: an
unknown field, a value of the wrong type, a date that does not exist or a word that is not
in a vocabulary is an error, never a silent coercion. Errors come out as a
:class:`~nato_partners.DataError` that names each bad field.

>>> from nato_partners import PartialDate, Source
>>> src = Source(id="c1", title="A report", publisher="Caliber.Az",
...              published=PartialDate.parse("2024"))
>>> unstructure(src)["published"]
'2024'
>>> structure(unstructure(src), Source) == src
True
"""

from __future__ import annotations

import enum
import math
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from ._fastpath_code import STRUCTURERS
from .dates import PartialDate, _parse_date
from .errors import DataError, Problem, did_you_mean
from .model import MAX_WHOLE_NUMBER

__all__ = [
    "converter",
    "make_converter",
    "problems_from",
    "structure",
    "structure_or_describe",
    "unstructure",
]

T = TypeVar("T")

_KINDS = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _kind_of(value: object) -> str:
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return _KINDS.get(type(value), type(value).__name__)


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected text, not {_kind_of(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # A JSON escape such as \ud800 gives text that no file could hold.
            raise ValueError("expected text, not a lone surrogate code point") from None
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, not {_kind_of(value)}")
    if not -MAX_WHOLE_NUMBER <= value <= MAX_WHOLE_NUMBER:
        raise ValueError(f"expected a whole number from -{MAX_WHOLE_NUMBER} to "
                         f"{MAX_WHOLE_NUMBER} (2**53 - 1), which every export keeps exactly")
    return value


def _structure_float(value: object, _: type) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, not {_kind_of(value)}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except OverflowError:
        raise ValueError("expected a number, not one too large for a float") from None
    if not math.isfinite(number):
        raise ValueError("expected a finite number, not nan or infinity")
    return number


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, not {_kind_of(value)}")
    return value


def _structure_date(value: object, _: type) -> PartialDate:
    if type(value) is not str:
        raise TypeError(f"expected a date as text such as 1994-05-04, not {_kind_of(value)}")
    return _parse_date(value)


def _is_tuple_subclass(cls: Any) -> bool:
    return (isinstance(cls, type) and issubclass(cls, tuple) and cls is not tuple
            and not hasattr(cls, "_fields"))


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure_enum(value: object, _: type) -> enum.Enum:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise ValueError(f"expected one of {allowed}") from None

    return structure_enum


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    cls: Any, conv: cattrs.Converter
) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = get_args(cls)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        if type(value) is tuple and all(type(item) is item_type for item in value):
            return value  # records already built, such as the sources the loader resolved
        # Text is iterable too: without this check "Turkey" would become six letters.
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, not {_kind_of(value)}")
        items = []
        errors = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as error:
                error.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return tuple(items)

    return structure_tuple


def _is_optional(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) in (Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook_factory(cls: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    # cattrs looks the inner hook up again on every call; look it up once instead.
    (inner,) = (arg for arg in get_args(cls) if arg is not type(None))
    hook = conv.get_structure_hook(inner)
    return lambda value, _: None if value is None else hook(value, inner)


def _record_hook_factory(cls: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    generated = make_dict_structure_fn(cls, conv)

    def structure_record(value: object, type_: type) -> Any:
        if isinstance(value, cls):
            # The loader hands over Source records it has already built, so that every
            # record citing a source shares the one object.
            return value
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a table of fields, not {_kind_of(value)}")
        return generated(value, type_)

    return structure_record


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Build a new converter configured for the records of this library.

    The library's own :data:`converter` is one of these; build another only to extend it
    without touching the shared one.

    :param detailed: whether a failure should say which field failed (cattrs' detailed
        validation). Both kinds accept and refuse exactly the same data; the other kind is
        faster. (The loader and :func:`structure` try the record types' own fast path
        first, and ask a detailed converter only to describe a record it refused.)
    :returns: a strict :class:`cattrs.Converter` with hooks for every record type.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(PartialDate, str)
    # Query results are a tuple subclass that cattrs would otherwise pass through as is;
    # named tuples are left to cattrs.
    conv.register_unstructure_hook_func(
        _is_tuple_subclass, lambda items: [conv.unstructure(item) for item in items])
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda cls: _tuple_hook_factory(cls, conv)
    )
    conv.register_structure_hook_factory(
        _is_optional, lambda cls: _optional_hook_factory(cls, conv)
    )
    conv.register_structure_hook_factory(
        lambda cls: attrs.has(cls) and cls is not PartialDate,
        lambda cls: _record_hook_factory(cls, conv),
    )
    return conv


#: A converter configured for the records, for use with cattrs directly. Hooks added to it
#: change neither :func:`structure`, :func:`unstructure` nor the loader, which keep
#: converters of their own, so that no caller can change what valid data is.
converter: cattrs.Converter = make_converter()
_fast_converter = make_converter(detailed=False)
_detailed_converter = make_converter()


def structure_or_describe(data: Any, cls: type[T], file: str | None, record: str | None,
                          *, fast: bool = True) -> T | list[Problem]:
    """Structure on the fast path (the record type's own, see ``nato_partners._fastpath``);
    only if that fails, find out field by field what is wrong.

    :param data: plain data.
    :param cls: the record type.
    :param file: the file the data came from, for the problems.
    :param record: the record's id or position, for the problems.
    :param fast: ``False`` for data the fast path has refused already.
    :returns: the record, or the problems that stop it being built.
    """
    if fast:
        structurer = STRUCTURERS.get(cls)
        try:
            if structurer is not None:
                return structurer(data, None, None)  # type: ignore[no-any-return]
            return _fast_converter.structure(data, cls)
        except Exception:  # the detailed converter decides, and says what is wrong
            pass
    try:
        return _detailed_converter.structure(data, cls)
    except Exception as error:
        try:
            return problems_from(error, data, file=file, record=record)
        finally:
            _forget(error)


def _forget(error: BaseException) -> None:
    """Drop the tracebacks of an error and of every error it holds or follows.

    Loading runs with the cyclic collector paused, and the errors of a record that cannot
    be built hold tracebacks whose frames hold the errors: each failed record left a cycle
    that nothing freed (200,000 empty records took gigabytes). Without the tracebacks,
    counting references frees them.
    """
    stack = [error]
    seen: set[int] = set()
    while stack:
        exc = stack.pop()
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        stack += [e for e in (exc.__context__, exc.__cause__) if e is not None]
        if isinstance(exc, BaseExceptionGroup):
            stack += exc.exceptions
        exc.__traceback__ = exc.__context__ = exc.__cause__ = None


def unstructure(obj: Any) -> Any:
    """Turn a record (or a tuple of records) into plain dicts, lists and text.

    :param obj: a record, a :class:`~nato_partners.PartialDate`, or a tuple of them.
    :returns: data that :func:`json.dumps` accepts as it is.
    """
    return _detailed_converter.unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """Build a record of type ``cls`` from plain data, strictly.

    :param data: plain data as :func:`unstructure` gives it.
    :param cls: the record type, such as :class:`~nato_partners.Milestone`.
    :returns: the record.
    :raises DataError: listing every field that is missing, unknown or invalid.
    """
    result = structure_or_describe(data, cls, None, None)
    if isinstance(result, list):
        raise DataError(result)
    return result


_MISSING = object()


def problems_from(
    error: BaseException, data: Any, *, file: str | None = None, record: str | None = None
) -> list[Problem]:
    """Turn an error raised while structuring ``data`` into one :class:`Problem` per field.

    :param error: what the converter raised.
    :param data: the plain data that was being structured.
    :param file: the file the data came from, if any.
    :param record: the record's id or position, if known.
    :returns: the problems, at least one.
    """
    problems: list[Problem] = []

    def add(path: list[str | int], value: Any, expected: str) -> None:
        problems.append(
            Problem(
                file=file,
                record=record,
                field=_path_text(path),
                value=None if value is _MISSING else value,
                expected=expected,
            )
        )

    # A loop over a stack, not a function that calls itself: such a function refers to
    # itself, a cycle that the collector, paused while a dataset loads, would never free.
    pending: list[tuple[BaseException, list[str | int], Any]] = [(error, [], data)]
    while pending:
        exc, path, value = pending.pop()
        if isinstance(exc, ClassValidationError | IterableValidationError):
            found = []
            for sub in exc.exceptions:
                sub_path, sub_value = path, value
                for note in getattr(sub, "__notes__", ()):
                    if isinstance(note, AttributeValidationNote):
                        sub_path = [*path, note.name]
                        sub_value = (
                            value.get(note.name, _MISSING)
                            if isinstance(value, Mapping)
                            else _MISSING
                        )
                    elif isinstance(note, IterableValidationNote) and isinstance(note.index, int):
                        sub_path = [*path, note.index]
                        sub_value = (
                            value[note.index]
                            if isinstance(value, list | tuple) and note.index < len(value)
                            else _MISSING
                        )
                found.append((sub, sub_path, sub_value))
            pending += reversed(found)  # in their order, as a walk in depth would go
        elif isinstance(exc, ForbiddenExtraKeysError):
            known = [a.name for a in attrs.fields(exc.cl)]
            for extra in sorted(exc.extra_fields):
                add([*path, extra], _MISSING, _unknown_field_message(extra, known))
        elif isinstance(exc, KeyError) and value is _MISSING:
            add(path, _MISSING, "required field is missing")
        else:
            add(path, value, str(exc))
    return problems


def _unknown_field_message(name: str, known: list[str]) -> str:
    return f"unknown field (expected one of {', '.join(known)}){did_you_mean(name, known)}"


def _path_text(path: list[str | int]) -> str | None:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or None
