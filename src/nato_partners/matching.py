"""Full-text search over records, and why each record matched.

A record's text is all its fields (figures as plain digits, such as ``640000``), the
readable labels of its vocabulary words, its note, and the ids, titles and publishers of
its sources. :class:`Match` says which field held the words and shows them in context,
so a result whose title does not mention the words still shows why it was found.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import attrs

from ._gc import collector_paused
from ._registry import kind_of
from .dates import PartialDate
from .model import (
    Match,
    Membership,
    Milestone,
    Mission,
    Partner,
    Programme,
    Record,
    Source,
    TrustFundProject,
    Vocabulary,
)

__all__ = ["SearchText", "field_texts", "record_text", "source_text"]

#: Characters of context kept on each side of the words found.
_CONTEXT = 40


def record_text(record: Record) -> str:
    """A record's own searchable text, in lower case, for the first pass of a search.

    Its sources' text is apart (:func:`source_text`): many records cite one source, and
    its title is kept once, not in every record that cites it.

    :param record: the record.
    :returns: the text of every field but ``sources``.
    """
    return " \n".join(text for field in attrs.fields(type(record)) if field.name != "sources"
                      for text in _texts(getattr(record, field.name))).casefold()


def source_text(source: Source) -> str:
    """The searchable text a source adds to every record that cites it, in lower case.

    :param source: the source.
    :returns: its id, title and publisher.
    """
    return " \n".join(_texts(source)).casefold()


def field_texts(record: Record, needle: str) -> list[Match]:
    """Say in which fields of a record the (lower-case) words are, with their context.

    :param record: a record whose text holds ``needle``.
    :param needle: the words, already stripped and in lower case.
    :returns: one :class:`Match` per field that holds them.
    """
    found = []
    for field in attrs.fields(type(record)):
        text = " ".join(_texts(getattr(record, field.name)))
        at = text.casefold().find(needle)
        if at < 0:
            continue
        start, end = max(0, at - _CONTEXT), min(len(text), at + len(needle) + _CONTEXT)
        excerpt = ("..." if start else "") + text[start:end] + ("..." if end < len(text)
                                                                    else "")
        found.append(Match(kind=kind_of(record).name, id=record.id,
                           partner=getattr(record, "partner", None) or (
                               record.code if isinstance(record, Partner) else None),
                           date=_date(record), field=field.name, excerpt=excerpt))
    return found


def _date(record: Record) -> PartialDate | None:
    for name in ("date", "joined", "start", "established"):
        value = getattr(record, name, None)
        if isinstance(value, PartialDate):
            return value
    return None


def _texts(value: object) -> Iterator[str]:
    """Every piece of text in a value: a field, a record, or a tuple of them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, enum.Enum):
        yield str(value.value)
        if isinstance(value, Vocabulary):
            yield value.label
    elif isinstance(value, Source):
        yield value.id
        yield value.title
        yield value.publisher
    elif isinstance(value, bool):
        return
    elif isinstance(value, int | float):
        # 5683769.0 is found as "5683769"; 640000 as "640000".
        yield str(int(value)) if float(value).is_integer() else str(value)
    elif isinstance(value, PartialDate):
        yield str(value)
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, Partner | Programme | Membership | Milestone | TrustFundProject
                    | Mission):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name))


class SearchText(NamedTuple):
    """What a dataset's search reads: each record with its text, and each source's id with
    its text.

    Made whole by :meth:`of` before anyone sees it, so that another thread searching at the
    same time finds no text (and makes its own) or all of it, never the records' text
    without the sources' (which once gave it no results).
    """

    records: tuple[tuple[Record, str], ...]
    sources: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, records: Iterable[Record], sources: Iterable[Source]) -> SearchText:
        """The text of the records and of the sources.

        :param records: the records to search, in the order results list them.
        :param sources: every source they cite.
        :returns: the text.
        """
        with collector_paused():  # many objects and no cycles (see _gc)
            return cls(tuple((r, record_text(r)) for r in records),
                       tuple((s.id, source_text(s)) for s in sources))

    def find(self, needle: str) -> Iterator[Record]:
        """The records whose own text, or whose sources' text, holds ``needle``.

        :param needle: the words, folded to lower case.
        :returns: the records, in order.
        """
        cited = {key for key, text in self.sources if needle in text}
        if not cited:  # the usual case: only the records' own text can hold the words
            return (record for record, text in self.records if needle in text)
        return (record for record, text in self.records
                if needle in text or any(s.id in cited for s in record.sources))
