"""The exceptions the library raises, and the :class:`Problem` a bad data file produces."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

__all__ = ["DataError", "NotFoundError", "NotKnownError", "Problem"]


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a dataset: where it is and what was expected instead.

    :param file: the data file, relative to the dataset directory, or ``None`` when the
        problem is not in a file (for example a record built in Python).
    :param line: the line of the file, where the parser gives one (syntax errors).
    :param record: the record's id, or its position such as ``milestones[3]``.
    :param field: the field's path inside the record, such as ``sources[0]``.
    :param value: the offending value, as read.
    :param expected: what would have been accepted, in words.
    """

    file: str | None = None
    line: int | None = None
    record: str | None = None
    field: str | None = None
    value: object = None
    expected: str

    def __str__(self) -> str:
        where = ", ".join(
            f"{label} {part}"
            for label, part in (("record", self.record), ("field", self.field))
            if part is not None
        )
        place = self.file or "<data>"
        if self.line is not None:
            place = f"{place}:{self.line}"
        if where:
            place = f"{place}: {where}"
        got = "" if self.value is None else f" (got {_short(self.value)})"
        return f"{place}: {self.expected}{got}"


#: How many problems of one cause (the same field and the same expectation) are kept for
#: one file; the others are counted, and said in one more problem.
PROBLEMS_KEPT = 100


class _Capped(list[Problem]):
    """Problems as they are found, at most ``PROBLEMS_KEPT`` of each cause per file.

    A file of 200,000 empty records made a million problems, and gigabytes of memory,
    before the error was raised: the problems kept now grow with the causes, not with the
    records, and :meth:`whole` says how many more there were.
    """

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[tuple[str | None, str | None, str], int] = {}

    def append(self, problem: Problem) -> None:
        # A field's position in a list ("sources[3]") is not part of the cause.
        field = None if problem.field is None else _INDEX.sub("[]", problem.field)
        key = (problem.file, field, problem.expected)
        seen = self._counts[key] = self._counts.get(key, 0) + 1
        if seen <= PROBLEMS_KEPT:
            super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iadd__(self, problems: Iterable[Problem]) -> _Capped:  # type: ignore[override,misc]
        self.extend(problems)
        return self

    def whole(self) -> list[Problem]:
        """The problems kept, then one for each cause of which some were left out.

        :returns: the problems.
        """
        more = [Problem(file=file, field=field,
                        expected=f"{count - PROBLEMS_KEPT:,} more problems like the first "
                        f"{PROBLEMS_KEPT} of this field in this file ({expected}), not listed")
                for (file, field, expected), count in self._counts.items()
                if count > PROBLEMS_KEPT]
        return [*self, *more]


_INDEX = re.compile(r"\[\d+\]")


def _short(value: object, limit: int = 60) -> str:
    if isinstance(value, int) and abs(value).bit_length() > 4 * limit:
        # repr() of a number of thousands of digits raises; its size is what matters.
        return f"a number of about {int(abs(value).bit_length() * 0.30103)} digits"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """The end of a message suggesting the known word closest to a misspelt one.

    :param word: the word as given.
    :param known: the words that would have been accepted.
    :returns: ``"; did you mean 'x'?"``, or an empty string when nothing is close.
    """
    import difflib  # only a misspelling needs it, so it is not imported up front

    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


class DataError(ValueError):
    """A dataset is not valid: it lists every problem found, not only the first.

    Of problems with one cause in one file (the same field, the same expectation), the
    first :data:`~nato_partners.errors.PROBLEMS_KEPT` are listed and one more says how many there
    were, so that the list grows with the kinds of mistake, not with the records.

    :param problems: what is wrong, at least one.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("DataError needs at least one problem")
        lines = [str(problem) for problem in self.problems]
        if len(lines) == 1:
            message = lines[0]
        else:
            message = f"{len(lines)} problems in the data:\n" + "\n".join(
                f"  - {line}" for line in lines
            )
        super().__init__(message)


class NotFoundError(LookupError):
    """No partner or programme answers to a key; the message names the close matches.

    :param kind: what was looked up, such as ``"partner"``.
    :param key: the key as given.
    :param matches: the closest known keys, best first (may be empty).
    """

    def __init__(self, kind: str, key: str, matches: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.matches: tuple[str, ...] = tuple(matches)
        message = f"no {kind} matches {key!r}"
        if self.matches:
            message += "; did you mean " + ", ".join(repr(m) for m in self.matches) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError would quote the message like a KeyError; show it as written.
        return str(self.args[0])


class NotKnownError(LookupError):
    """The data cannot answer a question: it does not hold what the answer rests on.

    Raised where an answer that left out what the data does not hold would pass for a
    whole one: :meth:`~nato_partners.Dataset.members` of a programme whose complete
    membership the dataset does not hold, for example, and the truth value of a
    :class:`~nato_partners.NotKnown` answer. See :doc:`/knowledge`.

    :param reason: why the data cannot tell, naming what was asked about.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)

    def __str__(self) -> str:
        return self.reason
