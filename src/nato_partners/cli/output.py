"""How the command line writes answers: tables for people, CSV and JSON for programs.

It also holds what every command shares: the program's name, its exit statuses, the
one-line usage error and the :class:`Context` a command runs with.
"""

from __future__ import annotations

import argparse
import enum
import errno
import io
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, NoReturn

from .. import (
    DataError,
    Dataset,
    Source,
    load,
    load_dataset,
)
from .._registry import TABLES
from ..export import plain_table

__all__ = [
    "BROKEN_PIPE_STATUS",
    "FORMATS",
    "NOT_KNOWN_STATUS",
    "OUTPUT_ERROR_STATUS",
    "PROG",
    "Column",
    "Context",
    "Parser",
    "UsageError",
    "emit",
    "fields",
    "safe",
    "table",
]


PROG = "nato-partners"
FORMATS = ("table", "csv", "json")
#: Columns assumed when the output is not a terminal, such as a pipe or a file.
_FALLBACK_COLUMNS = 100
_MIN_COLUMNS = 40
_GAP = "  "
#: How much CSV is gathered before it is written.
_BLOCK = 1 << 16
#: The exit status of a process killed by SIGPIPE, which is what a reader that stops
#: early (``| head``) usually sees from command-line tools.
BROKEN_PIPE_STATUS = 128 + 13
#: The exit status of an answer the data cannot give.
NOT_KNOWN_STATUS = 3
#: The exit status when the answer could not be written (a full disk, a closed output).
OUTPUT_ERROR_STATUS = 4


class UsageError(Exception):
    """Bad input from the user: reported in one line on stderr, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block and a message."""

    def error(self, message: str) -> NoReturn:
        # A mistyped choice (a command, a format) gets the closest ones, as a mistyped
        # partner or programme does.
        found = re.search(r"invalid choice: '(.*?)' \(choose from (.*)\)$", message)
        if found:
            import difflib

            # Quoted up to Python 3.11, bare from 3.12 on.
            choices = (re.findall(r"'([^']*)'", found.group(2))
                       or [c.strip() for c in found.group(2).split(",")])
            close = difflib.get_close_matches(found.group(1), choices, n=3, cutoff=0.6)
            if close:
                message += "; did you mean " + ", ".join(repr(c) for c in close) + "?"
        raise UsageError(f"{message} (see '{self.prog} --help')")


# -- output -----------------------------------------------------------------------------


class Column(NamedTuple):
    """One column of a listing: its CSV name, its table title and how to read a record."""

    name: str
    title: str
    get: Callable[[Any], object]
    #: Whether the person-readable table shows it; CSV always does.
    table: bool = True
    #: What a table shows for a missing value.
    missing: str = "-"
    #: Whether a table may wrap the text to fit the terminal.
    wrap: bool = True
    #: Whether a table aligns it to the right, as for figures.
    right: bool = False
    #: Whether it holds dates, which a terminal shows in colour.
    date: bool = False
    #: Whether CSV has it, for rows that are not records (whose CSV columns are the
    #: exports'): a column made only for reading in a table (a shortened value) leaves CSV
    #: to the column it is made from.
    csv: bool = True


def _table_text(value: object, missing: str = "-") -> str:
    """A value as a person reads it: figures grouped by thousands, lists by commas."""
    if value is None or value == "" or value == ():
        return missing
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, Source):
        return value.id
    if isinstance(value, dict):  # a whole record, as diff gives one: its JSON
        import json

        return safe(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, tuple):
        return ", ".join(_table_text(item) for item in value)
    if isinstance(value, enum.Enum):
        return str(value.value)  # the vocabulary word, as options such as --area take it
    return safe(" ".join(str(value).split()))


def safe(text: str) -> str:
    """Text from a dataset made harmless for a terminal: control characters escaped.

    A data file can hold escape sequences, bidirectional overrides or lone surrogates that
    would move the cursor, recolour or reorder what the terminal shows; each becomes a
    visible escape such as ``\\x1b``.

    :param text: the text.
    :returns: the text with every control, format or surrogate character escaped.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _json_safe(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in " \n" else f"\\u{ord(ch):04x}"
                   for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _csv_text(value: object) -> str | int | float:
    """A value for a CSV cell: figures as numbers, lists joined by semicolons, text
    (quoted when written, so that a code such as "004" stays text), empty if missing."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, Source):
        return value.id
    if isinstance(value, tuple | list):
        return "; ".join(str(_csv_text(item)) for item in value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return safe(" ".join(str(value).split()))


def _terminal_width() -> int | None:
    """How wide a table may be: the terminal's width, or ``None`` (no limit) in a pipe.

    A ``COLUMNS`` variable in the environment sets the width for a pipe too.
    """
    if "COLUMNS" not in os.environ and not sys.stdout.isatty():
        return None
    return max(_MIN_COLUMNS, shutil.get_terminal_size((_FALLBACK_COLUMNS, 24)).columns)


def _colour_wanted() -> bool:
    """Whether to colour tables: only in a terminal, and never with ``NO_COLOR`` set."""
    return (sys.stdout.isatty() and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb")


_BOLD, _CYAN, _RESET = "\033[1m", "\033[36m", "\033[0m"


def _fit(widths: list[int], floors: list[int], wraps: list[bool], room: int) -> list[int]:
    """Narrow the widest wrappable columns, evenly, until the row fits in ``room``.

    The cap is found by bisection, so the cost does not grow with how much too wide the
    text is (a single very long value once made this loop take minutes).
    """
    def total(cap: int) -> int:
        return sum(max(f, min(w, cap)) if r else w
                   for w, f, r in zip(widths, floors, wraps, strict=True))

    if total(max(widths, default=0)) <= room:
        return widths
    low, high = 0, max(widths)
    while low < high:  # the widest cap that fits, or 0 if none does
        cap = (low + high + 1) // 2
        if total(cap) <= room:
            low = cap
        else:
            high = cap - 1
    return [max(f, min(w, low)) if r else w
            for w, f, r in zip(widths, floors, wraps, strict=True)]


def table(columns: Sequence[Column], records: Iterable[Any], width: int | None,
          *, colour: bool = False) -> list[str]:
    """Lay records out as an aligned table, one line per record unless it must wrap.

    With a ``width`` (a terminal's), columns of text narrow to fit and wrap between words,
    never inside one; with none (a pipe or a file), every record stays on one line, so
    that ``grep`` and ``cut`` see whole records. A column with nothing to show in any row
    is left out, unless what it shows for a missing value says something ("not dated"),
    which a reader must not lose.

    :param columns: the columns to show.
    :param records: the records, one row each.
    :param width: the most characters a line may take, or ``None`` for no limit.
    :param colour: bold headers and coloured dates, for a terminal.
    :returns: the lines.
    """
    cells = [[_table_text(c.get(r), c.missing) for c in columns] for r in records]
    shown = [i for i, c in enumerate(columns)
             if c.missing != "-" or any(row[i] != c.missing for row in cells)]
    columns = [columns[i] for i in shown]
    cells = [[row[i] for i in shown] for row in cells]
    widths = [max([len(c.title)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    if width is not None:
        # Narrowest a wrapped column may get: its title, and room for a few words.
        floors = [min(w, max(len(c.title), 12)) for w, c in zip(widths, columns, strict=True)]
        room = width - len(_GAP) * (len(widths) - 1)
        widths = _fit(widths, floors, [c.wrap for c in columns], room)
    dated = [c.date for c in columns]

    def line(parts: Sequence[str], style: str | None = None) -> str:
        padded = [
            part.rjust(w) if c.right else part.ljust(w)
            for part, w, c in zip(parts, widths, columns, strict=True)
        ]
        if colour:
            padded = [f"{style}{p}{_RESET}" if style and p.strip() else
                      f"{_CYAN}{p}{_RESET}" if style is None and is_date and p.strip() else p
                      for p, is_date in zip(padded, dated, strict=True)]
        return _GAP.join(padded).rstrip()

    lines = [line([c.title for c in columns], _BOLD), line(["-" * w for w in widths], "")]
    wrapped_rows = [
        [
            textwrap.wrap(text, w, break_long_words=False, break_on_hyphens=False) or [""]
            if len(text) > w else [text]
            for text, w in zip(row, widths, strict=True)
        ]
        for row in cells
    ]
    spaced = any(len(part) > 1 for row in wrapped_rows for part in row)
    for index, row in enumerate(wrapped_rows):
        if spaced and index:
            lines.append("")  # rows of several lines are easier to tell apart with a gap
        for depth in range(max(len(part) for part in row)):
            lines.append(line([part[depth] if depth < len(part) else "" for part in row]))
    return lines


def fields(pairs: Iterable[tuple[str, object]], width: int | None,
           indent: str = "  ") -> list[str]:
    """Lay out labelled values, one per line, wrapping long text under its value.

    Missing values are left out. Long words such as addresses are never broken.
    """
    shown = [(label, _table_text(value, "")) for label, value in pairs]
    shown = [(label, text) for label, text in shown if text]
    if not shown:
        return []
    label_width = max(len(label) for label, _ in shown)
    text_width = (10**9 if width is None
                  else max(20, width - len(indent) - label_width - len(_GAP)))
    hanging = indent + " " * (label_width + len(_GAP))
    lines = []
    for label, text in shown:
        parts = textwrap.wrap(text, text_width, break_long_words=False, break_on_hyphens=False)
        lines.append(f"{indent}{label.ljust(label_width)}{_GAP}{parts[0]}")
        lines.extend(hanging + part for part in parts[1:])
    return lines


def emit(text: str) -> None:
    """Write text to standard output whole, or fail.

    A write can be short: on a nearly full disk the buffered standard output of CPython
    takes a large write in part and reports only the count, which ``print`` and
    :meth:`io.TextIOWrapper.write` drop. Here each write's count is checked: the rest is
    written again, and what could not be written is an :class:`OSError`, which
    :func:`~nato_partners.cli.main` turns into one line and exit status 4.

    :param text: the text, line ends included.
    :raises OSError: if the text could not all be written (``BrokenPipeError`` if the
        reader has gone).
    """
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if isinstance(stream, io.TextIOWrapper) and buffer is not None:
        # Bytes through the stream's own buffer, whose counts say what was taken.
        stream.flush()
        if os.linesep != "\n":  # as the text layer would have written line ends
            text = text.replace("\n", os.linesep)
        data = memoryview(text.encode(stream.encoding, stream.errors or "strict"))
        while data:
            written = buffer.write(data)
            if not written:  # None (it would block) or nothing taken: it cannot go on
                raise _short(len(data))
            data = data[written:]
        return
    written = stream.write(text)
    # A text stream takes all or raises; one that counts less has dropped the rest.
    if isinstance(written, int) and written < len(text):
        raise _short(len(text) - written, "characters")


def _short(left: int, unit: str = "bytes") -> OSError:
    return OSError(errno.EIO, f"the output took only part of the answer ({left:,} {unit} "
                              "not written)")


class Context:
    """What a command works with: its arguments, the dataset, and how to write the answer.

    :param args: the parsed command line.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        #: ``table``, ``csv`` or ``json``.
        self.format: str = getattr(args, "format", None) or "table"
        self._data: str | None = getattr(args, "data", None)
        self._dataset: Dataset | None = None

    @property
    def dataset(self) -> Dataset:
        """The dataset the command asks: the bundled one or the ``--data`` directory.

        :raises UsageError: if the directory is missing or its data has problems.
        """
        if self._dataset is None:
            self._dataset = _open_dataset(self._data)
        return self._dataset

    @property
    def width(self) -> int | None:
        """How many columns a table may take: ``None`` in a pipe, where lines are not cut."""
        return _terminal_width()

    @property
    def colour(self) -> bool:
        """Whether tables are coloured: in a terminal, unless ``NO_COLOR`` is set."""
        return _colour_wanted()

    def note(self, text: str) -> None:
        """Print a remark about the answer on standard error, after what stdout holds.

        :param text: the remark, without the program's name; text from the data in it
            (a programme's name, a reason) is made safe for a terminal here.
        """
        sys.stdout.flush()
        print(f"{PROG}: {safe(text)}", file=sys.stderr)

    def write_lines(self, lines: Iterable[str]) -> None:
        """Print lines of text to standard output.

        :param lines: the lines, without their line ends, each already safe for a
            terminal (:func:`safe`, or :func:`table` and :func:`fields`, which use it):
            a table's colours are escape sequences of its own.
        """
        emit("".join(line + "\n" for line in lines))

    def write_json(self, data: object) -> None:
        """Print plain data as JSON: keys sorted, non-ASCII text as it is.

        :param data: what :func:`~nato_partners.unstructure` gives.
        """
        import json

        # Values read from a broken TOML file can be dates or times; show them as text.
        # An output that cannot encode every character (a C locale, say) gets \\u escapes,
        # which are valid JSON, rather than the \\x escapes of the fallback for text.
        encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
        text = json.dumps(data, sort_keys=True, indent=2, default=str,
                          ensure_ascii=encoding not in ("utf8", "utf16", "utf32"))
        # JSON escapes C0 controls itself; C1 controls, bidi overrides and the like are
        # valid in JSON strings but not harmless in a terminal, so they are escaped too.
        emit(_json_safe(text) + "\n")

    def write_csv(self, columns: Sequence[Column], records: Sequence[Any]) -> None:
        """Print records as CSV, one row each, with a header of column names.

        Records of the package's kinds get the columns of every export (those of
        :func:`nato_partners.to_dataframe`, made in one place), whatever a table shows;
        other rows (a search's, a diff's) get the columns given.

        :param columns: the columns for rows that are not records.
        :param records: the records.
        """
        import csv

        cls = getattr(records, "record_type", None) or (type(records[0]) if records else None)
        if cls in TABLES:
            _, table = plain_table(records, cls, self.dataset)
            header: Sequence[str] = list(table)
            rows: Iterable[Sequence[object]] = zip(*table.values(), strict=True)
        else:
            columns = [c for c in columns if c.csv]
            header = [c.name for c in columns]
            rows = ([c.get(record) for c in columns] for record in records)
        # Rows go out in blocks, each written whole, so a long listing is never held in
        # memory at once and no short write goes unnoticed. Text is quoted and figures are
        # not, so a reader that tells them apart (Python's csv with QUOTE_NONNUMERIC,
        # spreadsheets) keeps "004" as text.
        block = io.StringIO()
        writer = csv.writer(block, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_text(value) for value in row])
            if block.tell() > _BLOCK:
                emit(block.getvalue())
                block.seek(0)
                block.truncate()
        emit(block.getvalue())

    def write_text(self, text: str) -> None:
        """Print text made elsewhere (a panel, a bibliography), every line safe for a
        terminal.

        :param text: the text, line ends included.
        """
        emit("\n".join(safe(line) for line in text.split("\n")))

    def listing(
        self,
        records: Sequence[Any],
        columns: Sequence[Column],
        noun: str,
        data: object = None,
    ) -> None:
        """Print records in the chosen format.

        :param records: the records, in order.
        :param columns: how to show them in a table or CSV.
        :param noun: what they are, in the plural, for "no ... found".
        :param data: the JSON content, when it is not just the unstructured records.
        """
        if self.format == "json":
            from ..convert import unstructure  # only JSON needs the converter

            self.write_json(unstructure(tuple(records)) if data is None else data)
        elif self.format == "csv":
            self.write_csv(columns, records)
        elif records:
            self.write_lines(table([c for c in columns if c.table], records, self.width,
                                   colour=self.colour))
        else:
            self.write_lines([f"No {noun} found."])


def _open_dataset(path: str | None) -> Dataset:
    """Load the bundled dataset or a directory, turning data problems into one line."""
    try:
        return load() if path is None else load_dataset(path)
    except DataError as error:
        if path is not None and not os.path.isdir(path):
            raise UsageError(str(error)) from None  # in the library's own words
        import shlex
        from importlib.resources import files

        where = str(files("nato_partners") / "data") if path is None else path
        count = len(error.problems)
        plural = "s" if count != 1 else ""
        raise UsageError(
            f"the dataset in {where!r} has {count} problem{plural}; "
            f"run '{PROG} validate {shlex.quote(where)}' to list {'them' if plural else 'it'}"
        ) from None


