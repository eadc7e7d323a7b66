"""The ``nato-partners`` command: answers from the dataset without writing Python.

Every command asks the same :class:`~nato_partners.Dataset` methods a Python user would,
of the bundled dataset or of the directory given with ``--data``, and prints the answer as
an aligned table or text for a person, as CSV (``--format csv``) or as JSON (``--json``,
the converter's unstructured form of the records).

Bad input (an unknown partner, a date that does not exist, a broken data directory) ends
with one line on standard error and exit status 2, never a traceback; ``validate`` exits
with status 1 when the dataset it checks has problems. An answer the data cannot give is
"not known", with its own exit status 3: ``participates`` exits 0 for yes, 1 for no and 3
for not known, and ``members`` exits 3 when it cannot give the whole list.

To add a command, write a function that adds its arguments to a parser and one that runs
it with a :class:`_Context`, and list them in a :class:`_Command` in :data:`_COMMANDS`.
"""

from __future__ import annotations

import argparse
import enum
import io
import operator
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, NoReturn

import attrs

from . import (
    Area,
    DataError,
    Dataset,
    Membership,
    Milestone,
    MilestoneKind,
    NotFoundError,
    NotKnown,
    NotKnownError,
    PartialDate,
    Partner,
    Problem,
    Programme,
    Record,
    Results,
    Source,
    TrustFundProject,
    __version__,
    cite,
    coverage,
    diff,
    load,
    load_dataset,
    panel,
    plot_timeline,
    unstructure,
)

__all__ = ["main"]

_PROG = "nato-partners"
_FORMATS = ("table", "csv", "json")
#: Columns assumed when the output is not a terminal, such as a pipe or a file.
_FALLBACK_COLUMNS = 100
_MIN_COLUMNS = 40
_GAP = "  "
#: The exit status of a process killed by SIGPIPE, which is what a reader that stops
#: early (``| head``) usually sees from command-line tools.
_BROKEN_PIPE_STATUS = 128 + 13
#: The exit status of an answer the data cannot give.
_NOT_KNOWN_STATUS = 3


class _UsageError(Exception):
    """Bad input from the user: reported in one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block and a message."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


# -- output -----------------------------------------------------------------------------


class _Column(NamedTuple):
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
    if isinstance(value, tuple):
        return ", ".join(_table_text(item) for item in value)
    if isinstance(value, enum.Enum):
        return str(value.value)  # the vocabulary word, as options such as --area take it
    return " ".join(str(value).split())


def _csv_text(value: object) -> str:
    """A value for a CSV cell: plain figures, lists joined by semicolons, empty if missing."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Source):
        return value.id
    if isinstance(value, tuple):
        return "; ".join(_csv_text(item) for item in value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return " ".join(str(value).split())


def _terminal_width() -> int:
    return max(_MIN_COLUMNS, shutil.get_terminal_size((_FALLBACK_COLUMNS, 24)).columns)


def _table(columns: Sequence[_Column], records: Iterable[Any], width: int) -> list[str]:
    """Lay records out as an aligned table no wider than ``width`` where text can wrap.

    A column with nothing to show in any row is left out, unless what it shows for a
    missing value says something ("not dated"), which a reader must not lose.
    """
    cells = [[_table_text(c.get(r), c.missing) for c in columns] for r in records]
    shown = [i for i, c in enumerate(columns)
             if c.missing != "-" or any(row[i] != c.missing for row in cells)]
    columns = [columns[i] for i in shown]
    cells = [[row[i] for i in shown] for row in cells]
    widths = [max([len(c.title)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    # Narrowest a wrapped column may get: its title, and room for a few words.
    floors = [min(w, max(len(c.title), 12)) for w, c in zip(widths, columns, strict=True)]
    overflow = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    while overflow > 0:
        shrinkable = [i for i, c in enumerate(columns) if c.wrap and widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        overflow -= 1

    def line(parts: Sequence[str]) -> str:
        padded = (
            part.rjust(w) if c.right else part.ljust(w)
            for part, w, c in zip(parts, widths, columns, strict=True)
        )
        return _GAP.join(padded).rstrip()

    lines = [line([c.title for c in columns]), line(["-" * w for w in widths])]
    wrapped_rows = [
        [
            textwrap.wrap(text, w, break_on_hyphens=False) or [""] if len(text) > w else [text]
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


def _fields(pairs: Iterable[tuple[str, object]], width: int, indent: str = "  ") -> list[str]:
    """Lay out labelled values, one per line, wrapping long text under its value.

    Missing values are left out. Long words such as addresses are never broken.
    """
    shown = [(label, _table_text(value, "")) for label, value in pairs]
    shown = [(label, text) for label, text in shown if text]
    if not shown:
        return []
    label_width = max(len(label) for label, _ in shown)
    text_width = max(20, width - len(indent) - label_width - len(_GAP))
    hanging = indent + " " * (label_width + len(_GAP))
    lines = []
    for label, text in shown:
        parts = textwrap.wrap(text, text_width, break_long_words=False, break_on_hyphens=False)
        lines.append(f"{indent}{label.ljust(label_width)}{_GAP}{parts[0]}")
        lines.extend(hanging + part for part in parts[1:])
    return lines


class _Context:
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

        :raises _UsageError: if the directory is missing or its data has problems.
        """
        if self._dataset is None:
            self._dataset = _open_dataset(self._data)
        return self._dataset

    @property
    def width(self) -> int:
        """How many columns a table may take."""
        return _terminal_width()

    def note(self, text: str) -> None:
        """Print a remark about the answer on standard error, after what stdout holds.

        :param text: the remark, without the program's name.
        """
        sys.stdout.flush()
        print(f"{_PROG}: {text}", file=sys.stderr)

    def write_lines(self, lines: Iterable[str]) -> None:
        """Print lines of text to standard output.

        :param lines: the lines, without their line ends.
        """
        sys.stdout.write("".join(line + "\n" for line in lines))

    def write_json(self, data: object) -> None:
        """Print plain data as JSON: keys sorted, non-ASCII text as it is.

        :param data: what :func:`~nato_partners.unstructure` gives.
        """
        import json

        # Values read from a broken TOML file can be dates or times; show them as text.
        json.dump(data, sys.stdout, sort_keys=True, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")

    def write_csv(self, columns: Sequence[_Column], records: Iterable[Any]) -> None:
        """Print records as CSV, one row each, with a header of column names.

        :param columns: every column, including those a table leaves out.
        :param records: the records.
        """
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(c.name for c in columns)
        writer.writerows([_csv_text(c.get(r)) for c in columns] for r in records)

    def listing(
        self,
        records: Sequence[Any],
        columns: Sequence[_Column],
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
            self.write_json(unstructure(tuple(records)) if data is None else data)
        elif self.format == "csv":
            self.write_csv(columns, records)
        elif records:
            self.write_lines(_table([c for c in columns if c.table], records, self.width))
        else:
            self.write_lines([f"No {noun} found."])


def _open_dataset(path: str | None) -> Dataset:
    """Load the bundled dataset or a directory, turning data problems into one line."""
    if path is not None and not os.path.isdir(path):
        raise _UsageError(f"no dataset directory at {path!r}")
    try:
        return load() if path is None else load_dataset(path)
    except DataError as error:
        import shlex
        from importlib.resources import files

        where = str(files("nato_partners") / "data") if path is None else path
        count = len(error.problems)
        plural = "s" if count != 1 else ""
        raise _UsageError(
            f"the dataset in {where!r} has {count} problem{plural}; "
            f"run '{_PROG} validate {shlex.quote(where)}' to list {'them' if plural else 'it'}"
        ) from None


# -- what the commands show -------------------------------------------------------------


def _date_column(name: str, title: str, table: bool = True) -> _Column:
    return _Column(name, title, lambda r: getattr(r, name), table=table, wrap=False)


_PARTNER_COLUMNS = (
    _Column("code", "Code", lambda p: p.code, wrap=False),
    _Column("alpha2", "Alpha-2", lambda p: p.alpha2, wrap=False),
    _Column("iso_numeric", "ISO numeric", lambda p: p.iso_numeric, table=False),
    _Column("cow_code", "COW code", lambda p: p.cow_code, table=False),
    _Column("gw_code", "GW code", lambda p: p.gw_code, table=False),
    _Column("name", "Name", lambda p: p.name),
    _Column("official_name", "Official name", lambda p: p.official_name),
    _Column("region", "Region", lambda p: p.region, wrap=False),
    _Column("aliases", "Aliases", lambda p: p.aliases, table=False),
    _Column("mission", "Mission", lambda p: p.mission and p.mission.name, table=False),
    _Column("mission_established", "Mission established",
            lambda p: p.mission and p.mission.established, table=False),
    _Column("mission_head", "Head of mission", lambda p: p.mission and p.mission.head,
            table=False),
    _Column("confidence", "Confidence", lambda p: p.confidence, wrap=False),
    _Column("sources", "Sources", lambda p: p.sources, table=False),
    _Column("note", "Note", lambda p: p.note, table=False),
)

_MEMBERSHIP_COLUMNS = (
    _Column("partner", "Partner", lambda m: m.partner, wrap=False),
    _Column("programme", "Programme", lambda m: m.programme, wrap=False),
    _Column("role", "Role", lambda m: m.role),
    _Column("joined", "Joined", lambda m: m.joined, missing="not dated", wrap=False),
    _date_column("left", "Left"),
    _date_column("suspended", "Suspended"),
    _Column("confidence", "Confidence", lambda m: m.confidence, wrap=False),
    _Column("sources", "Sources", lambda m: m.sources, table=False),
    _Column("note", "Note", lambda m: m.note, table=False),
)

_MILESTONE_COLUMNS = (
    _Column("id", "ID", lambda m: m.id, table=False),
    _Column("partner", "Partner", lambda m: m.partner, table=False),
    _Column("date", "Date", lambda m: m.date, missing="undated", wrap=False),
    _Column("kind", "Kind", lambda m: m.kind, wrap=False),
    _Column("programme", "Programme", lambda m: m.programme, wrap=False),
    _Column("areas", "Areas", lambda m: m.areas, table=False),
    _Column("title", "Title", lambda m: m.title),
    _Column("summary", "Summary", lambda m: m.summary, table=False),
    _Column("confidence", "Confidence", lambda m: m.confidence, table=False),
    _Column("sources", "Sources", lambda m: m.sources, table=False),
    _Column("note", "Note", lambda m: m.note, table=False),
)

_PROJECT_COLUMNS = (
    _Column("id", "ID", lambda p: p.id, table=False),
    _Column("name", "Name", lambda p: p.name),
    _Column("partner", "Partner", lambda p: p.partner, table=False),
    _Column("status", "Status", lambda p: p.status, wrap=False),
    _date_column("start", "Start"),
    _date_column("end", "End"),
    _Column("items_disposed", "Items disposed", lambda p: p.items_disposed, wrap=False,
            right=True),
    _Column("area_m2", "Area (m2)", lambda p: p.area_m2, wrap=False, right=True),
    _Column("budget_eur", "Budget (EUR)", lambda p: p.budget_eur, wrap=False, right=True),
    _Column("lead_nations", "Lead nations", lambda p: p.lead_nations),
    _Column("executing_agency", "Executing agency", lambda p: p.executing_agency, table=False),
    _Column("partner_agency", "Partner agency", lambda p: p.partner_agency, table=False),
    _Column("site", "Site", lambda p: p.site, table=False),
    _Column("purpose", "Purpose", lambda p: p.purpose, table=False),
    _Column("confidence", "Confidence", lambda p: p.confidence, table=False),
    _Column("sources", "Sources", lambda p: p.sources, table=False),
    _Column("note", "Note", lambda p: p.note, table=False),
)

_PROGRAMME_COLUMNS = (
    _Column("id", "ID", lambda p: p.id, wrap=False),
    _Column("acronym", "Acronym", lambda p: p.acronym, wrap=False),
    _Column("name", "Name", lambda p: p.name),
    _Column("kind", "Kind", lambda p: p.kind, wrap=False),
    _date_column("established", "Established"),
    _date_column("ended", "Ended"),
    _Column("succeeded_by", "Succeeded by", lambda p: p.succeeded_by, wrap=False),
    _Column("description", "Description", lambda p: p.description, table=False),
    _Column("confidence", "Confidence", lambda p: p.confidence, table=False),
    _Column("sources", "Sources", lambda p: p.sources, table=False),
    _Column("note", "Note", lambda p: p.note, table=False),
)

_SOURCE_COLUMNS = (
    _Column("id", "ID", lambda s: s.id),
    _Column("title", "Title", lambda s: s.title),
    _Column("publisher", "Publisher", lambda s: s.publisher),
    _date_column("published", "Published"),
    _Column("url", "URL", lambda s: s.url),
    _Column("note", "Note", lambda s: s.note),
)

# One column per field of Problem, so that CSV carries whatever a problem says.
_PROBLEM_COLUMNS = tuple(
    _Column(field.name, field.name.capitalize(), operator.attrgetter(field.name))
    for field in attrs.fields(Problem)
)


#: The name of each kind of record ``search`` finds, as its JSON ``type`` gives it.
_RECORD_TYPES: dict[type, str] = {
    Partner: "partner",
    Programme: "programme",
    Membership: "membership",
    Milestone: "milestone",
    TrustFundProject: "trust_fund_project",
}


def _record_type(record: Record) -> str:
    return _RECORD_TYPES[type(record)]


def _record_date(record: Record) -> PartialDate | None:
    if isinstance(record, Programme):
        return record.established
    if isinstance(record, Membership):
        return record.joined
    if isinstance(record, Milestone):
        return record.date
    if isinstance(record, TrustFundProject):
        return record.start
    return None


def _record_text(record: Record) -> str:
    if isinstance(record, Partner | Programme | TrustFundProject):
        return record.name
    if isinstance(record, Milestone):
        return record.title
    role = f" as {record.role}" if record.role else ""
    return f"{record.partner} in {record.programme}{role}"


_SEARCH_COLUMNS = (
    _Column("type", "Type", _record_type, wrap=False),
    _Column("id", "ID", operator.attrgetter("id"), wrap=False),
    _Column("date", "Date", _record_date, wrap=False),
    _Column("text", "Text", _record_text),
)


# -- commands ---------------------------------------------------------------------------


def _date(text: str) -> PartialDate:
    """Read a date option (YYYY, YYYY-MM or YYYY-MM-DD) with the library's own parser."""
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


_PARTNER_HELP = "a partner's alpha-2 or alpha-3 code, name or alias, any case (such as AZ)"


def _add_partner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="KEY", help=_PARTNER_HELP)


def _optional_partner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="KEY", nargs="?",
                        help=_PARTNER_HELP + "; all partners when left out")


def _partners(ctx: _Context) -> int:
    ctx.listing(ctx.dataset.partners(), _PARTNER_COLUMNS, "partners")
    return 0


def _show(ctx: _Context) -> int:
    dataset = ctx.dataset
    partner = dataset.partner(ctx.args.partner)
    memberships = dataset.memberships(partner)
    if ctx.format == "json":
        ctx.write_json(
            {"partner": unstructure(partner), "memberships": unstructure(memberships)}
        )
        return 0
    mission = partner.mission
    width = ctx.width
    lines = [f"{partner.name} ({partner.code}, {partner.alpha2})"]
    lines += _fields(
        [
            ("Official name", partner.official_name),
            ("Region", partner.region),
            ("Also known as", partner.aliases),
            ("Mission", mission and mission.name),
            ("Established", mission and mission.established),
            ("Head", mission and ", ".join(filter(None, (mission.head, mission.head_title)))),
            ("Confidence", partner.confidence),
            ("Sources", f"{len(partner.sources)} for this record; '{_PROG} sources "
                        f"{partner.alpha2}' lists every source behind the partner's records"),
            ("Note", partner.note),
        ],
        width,
    )
    lines += ["", "Memberships"]
    if memberships:
        columns = (
            _Column("programme", "Programme", lambda m: dataset.programme(m.programme).name),
            *(c for c in _MEMBERSHIP_COLUMNS if c.table and c.name not in ("partner",
                                                                            "programme")),
        )
        lines += _table(columns, memberships, width)
    else:
        lines.append("  none recorded")
    ctx.write_lines(lines)
    return 0


def _timeline_arguments(parser: argparse.ArgumentParser) -> None:
    _add_partner(parser)
    parser.add_argument("--since", metavar="DATE", type=_date,
                        help="only milestones from this year, month or day on")
    parser.add_argument("--until", metavar="DATE", type=_date,
                        help="only milestones up to the end of this year, month or day")
    parser.add_argument("--programme", metavar="P",
                        help="only milestones of this programme (id, acronym or name)")
    parser.add_argument("--area", metavar="A",
                        help="only milestones in this area of cooperation: "
                        + ", ".join(str(a.value) for a in Area))
    parser.add_argument("--kind", metavar="K",
                        help="only milestones of this kind: "
                        + ", ".join(str(k.value) for k in MilestoneKind))


def _timeline(ctx: _Context) -> int:
    args = ctx.args
    found = ctx.dataset.milestones(
        partner=args.partner,
        programme=args.programme,
        kind=args.kind,
        area=args.area,
        since=args.since,
        until=args.until,
    )
    ctx.listing(found, _MILESTONE_COLUMNS, "milestones")
    return 0


def _plot_arguments(parser: argparse.ArgumentParser) -> None:
    _add_partner(parser)
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the image to write; its extension (.png, .svg, .pdf) chooses "
                        "the format")


def _plot(ctx: _Context) -> int:
    output: str = ctx.args.output
    try:
        figure = plot_timeline(ctx.args.partner, ctx.dataset)
        figure.savefig(output)
    except ImportError as error:  # matplotlib is an optional extra
        raise _UsageError(str(error)) from None
    except OSError as error:
        raise _UsageError(f"cannot write {output!r}: {error.strerror or error}") from None
    ctx.write_lines([f"Wrote {output}"])
    return 0


def _projects(ctx: _Context) -> int:
    ctx.listing(ctx.dataset.trust_fund_projects(ctx.args.partner), _PROJECT_COLUMNS,
                "Trust Fund projects")
    return 0


def _partner_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--partner", metavar="KEY",
                        help=f"only {what} of this partner (code, name or alias)")


def _programmes_arguments(parser: argparse.ArgumentParser) -> None:
    _partner_option(parser, "the programmes")


def _programmes(ctx: _Context) -> int:
    ctx.listing(ctx.dataset.programmes(ctx.args.partner), _PROGRAMME_COLUMNS, "programmes")
    return 0


def _memberships_arguments(parser: argparse.ArgumentParser) -> None:
    _partner_option(parser, "the memberships")
    parser.add_argument("--programme", metavar="P",
                        help="only memberships of this programme (id, acronym or name)")
    parser.add_argument("--on", metavar="DATE", type=_date,
                        help="only memberships in force at some time in this year, month "
                        "or day (undated memberships are left out)")


def _memberships(ctx: _Context) -> int:
    args = ctx.args
    found = ctx.dataset.memberships(args.partner, args.programme, args.on)
    ctx.listing(found, _MEMBERSHIP_COLUMNS, "memberships")
    if args.programme is not None and args.partner is None:
        programme = ctx.dataset.programme(args.programme)
        if not programme.members_complete:
            # On stderr, so that CSV and JSON on stdout stay data; a terminal shows both.
            ctx.note(f"partial list: the dataset does not hold the complete membership of "
                     f"{programme.name} ({programme.id!r}); a country not listed may still "
                     "have been a member")
    return 0


def _answer_arguments(parser: argparse.ArgumentParser) -> None:
    _add_partner(parser)
    parser.add_argument("programme", metavar="PROGRAMME",
                        help="the programme's id, acronym or name, such as pfp or EAPC")
    parser.add_argument("--on", metavar="DATE", type=_date,
                        help="ask about this year, month or day (default: ever)")


def _participates(ctx: _Context) -> int:
    args = ctx.args
    partner = ctx.dataset.partner(args.partner)
    programme = ctx.dataset.programme(args.programme)
    answer = ctx.dataset.participates(partner, programme, args.on)
    word = "not known" if isinstance(answer, NotKnown) else "yes" if answer else "no"
    reason = answer.reason if isinstance(answer, NotKnown) else None
    row = {"partner": partner.code, "programme": programme.id,
           "on": None if args.on is None else str(args.on), "answer": word, "reason": reason}
    if ctx.format == "json":
        ctx.write_json(row)
    elif ctx.format == "csv":
        ctx.write_csv([_Column(k, k, operator.itemgetter(k)) for k in row], [row])
    else:
        ctx.write_lines([word if reason is None else f"{word}: {reason}"])
    if isinstance(answer, NotKnown):
        return _NOT_KNOWN_STATUS
    return 0 if answer else 1


def _members_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("programme", metavar="PROGRAMME",
                        help="the programme's id, acronym or name, such as pfp or EAPC")
    parser.add_argument("--on", metavar="DATE", type=_date,
                        help="only members at some time in this year, month or day")
    parser.add_argument("--known-only", action="store_true",
                        help="list the members the data shows even when it cannot give "
                        "them all (the list may then be partial)")


def _members(ctx: _Context) -> int:
    args = ctx.args
    try:
        found = ctx.dataset.members(args.programme, args.on, known_only=args.known_only)
    except NotKnownError as error:
        ctx.note(f"not known: {error}; --known-only lists the members the data shows")
        return _NOT_KNOWN_STATUS
    ctx.listing(found, _PARTNER_COLUMNS, "members")
    if args.known_only and not ctx.dataset.programme(args.programme).members_complete:
        ctx.note("partial list: only the members the data shows (--known-only)")
    return 0


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", metavar="TEXT", nargs="+",
                        help="what to look for; several words are searched as one phrase")


def _search(ctx: _Context) -> int:
    found = ctx.dataset.search(" ".join(ctx.args.text))
    data = [{"type": _record_type(r), "record": unstructure(r)} for r in found]
    ctx.listing(found, _SEARCH_COLUMNS, "records", data)
    return 0


def _sources(ctx: _Context) -> int:
    found = ctx.dataset.sources(ctx.args.partner)
    if ctx.format != "table" or not found:
        ctx.listing(found, _SOURCE_COLUMNS, "sources")
        return 0
    # A table would have to cut the addresses to fit a terminal; a block per source
    # keeps each one whole.
    lines: list[str] = []
    for source in found:
        if lines:
            lines.append("")
        lines.append(source.id)
        lines += _fields(
            [(c.title, c.get(source)) for c in _SOURCE_COLUMNS if c.name != "id"], ctx.width
        )
    ctx.write_lines(lines)
    return 0


def _panel_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--programme", metavar="P", action="append",
                        help="a programme to include (repeat for several; default: all)")
    parser.add_argument("--partner", metavar="KEY", action="append",
                        help="a partner to include (repeat for several; default: all)")
    parser.add_argument("--from", dest="start", metavar="YEAR", type=int,
                        help="the first year (default: the programmes' earliest)")
    parser.add_argument("--to", dest="end", metavar="YEAR", type=int,
                        help="the last year (default: this year)")
    parser.add_argument("--freq", choices=("year", "month", "day"), default="year",
                        help="the length of a period (default: year)")
    parser.add_argument("--reference", metavar="MM-DD",
                        help="ask about this day of each year instead of any day of it")
    parser.add_argument("--wide", action="store_true",
                        help="one column of status codes per programme")


def _panel(ctx: _Context) -> int:
    args = ctx.args
    try:
        frame = panel(args.partner, args.programme, args.start, args.end, freq=args.freq,
                      reference=args.reference, wide=args.wide, dataset=ctx.dataset)
    except ImportError as error:  # pandas is an optional extra
        raise _UsageError(str(error)) from None
    if ctx.format == "json":
        import json

        # pandas writes <NA> as null: in JSON "not known" is null beside a status_label.
        ctx.write_json(json.loads(frame.to_json(orient="records", date_format="iso")))
    elif ctx.format == "csv":
        sys.stdout.write(frame.to_csv(index=False, na_rep=""))
    else:
        # Only a status can be "not known"; an empty precision means no membership.
        statuses = [c for c in frame.columns if c not in _PANEL_KEYS]
        shown = frame.astype(object).where(frame.notna(), "-")
        shown[statuses] = shown[statuses].where(frame[statuses].notna(), "not known")
        sys.stdout.write(shown.to_string(index=False) + "\n")
    return 0


#: The panel's columns that are not status codes (the others are, in the wide form too).
_PANEL_KEYS = ("partner", "partner_name", "iso_numeric", "cow_code", "gw_code", "programme",
               "period", "status_label", "membership", "joined_precision", "ends_precision")


def _cite_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="KEY", nargs="?",
                        help="cite the sources behind this partner's records (default: the "
                        "library and its data version)")
    parser.add_argument("--style", choices=("text", "bibtex", "csl-json"), default="text",
                        help="the bibliography style (default: text)")


def _cite(ctx: _Context) -> int:
    args = ctx.args
    what = ctx.dataset if args.partner is None else ctx.dataset.sources(args.partner)
    sys.stdout.write(cite(what, style=args.style))
    return 0


def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the earlier dataset directory")
    parser.add_argument("new", metavar="NEW", help="the later dataset directory")


_CHANGE_COLUMNS = (
    _Column("change", "Change", lambda c: c.change, wrap=False),
    _Column("kind", "Kind", lambda c: c.kind, wrap=False),
    _Column("id", "ID", lambda c: c.id),
    _Column("field", "Field", lambda c: c.field, wrap=False),
    _Column("old", "Old", lambda c: _short_value(c.old)),
    _Column("new", "New", lambda c: _short_value(c.new)),
)


def _short_value(value: object) -> object:
    if isinstance(value, dict):
        return "(the whole record)"
    return value


def _diff(ctx: _Context) -> int:
    args = ctx.args
    for path in (args.old, args.new):
        if not os.path.isdir(path):
            raise _UsageError(f"no dataset directory at {path!r}")
    try:
        changes = diff(args.old, args.new)
    except DataError as error:
        raise _UsageError(f"a dataset has {len(error.problems)} problem(s); run "
                          f"'{_PROG} validate' on it") from None
    data = [attrs.asdict(c) for c in changes]
    ctx.listing(changes, _CHANGE_COLUMNS, "changes", data=data)
    return 0


_COVERAGE_COLUMNS = (
    _Column("partner", "Partner", lambda c: c.partner, wrap=False),
    _Column("programme", "Programme", lambda c: c.programme, wrap=False),
    _Column("answer", "Answer", lambda c: c.answer, wrap=False),
    _Column("memberships", "Memberships", lambda c: c.memberships, table=False),
    _Column("joined_precision", "Joined to the", lambda c: c.joined_precision, wrap=False),
    _Column("undated", "Undated", lambda c: c.undated or None, missing="", table=False),
    _Column("source_kinds", "Sources", lambda c: c.source_kinds),
    _Column("confidence", "Confidence", lambda c: c.confidence, wrap=False),
)


def _coverage_arguments(parser: argparse.ArgumentParser) -> None:
    _partner_option(parser, "the rows")
    parser.add_argument("--programme", metavar="P", help="only the rows of this programme")


def _coverage(ctx: _Context) -> int:
    args = ctx.args
    rows = coverage(ctx.dataset)
    if args.partner is not None:
        code = ctx.dataset.partner(args.partner).code
        rows = Results(r for r in rows if r.partner == code)
    if args.programme is not None:
        pid = ctx.dataset.programme(args.programme).id
        rows = Results(r for r in rows if r.programme == pid)
    ctx.listing(rows, _COVERAGE_COLUMNS, "rows")
    return 0


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the dataset directory to check")


def _validate(ctx: _Context) -> int:
    path: str = ctx.args.path
    if not os.path.isdir(path):
        raise _UsageError(f"no dataset directory at {path!r}")
    try:
        dataset = load_dataset(path)
    except DataError as error:
        problems: Sequence[Problem] = error.problems
    else:
        problems = ()
    if ctx.format != "table":
        ctx.listing(problems, _PROBLEM_COLUMNS, "problems")
    elif problems:
        ctx.write_lines(" ".join(str(problem).split()) for problem in problems)
    else:
        info = dataset.info
        counts = ", ".join(
            f"{len(records)} {noun}"
            for records, noun in (
                (dataset.partners(), "partners"),
                (dataset.programmes(), "programmes"),
                (dataset.memberships(), "memberships"),
                (dataset.milestones(), "milestones"),
                (dataset.trust_fund_projects(), "Trust Fund projects"),
                (dataset.sources(), "sources"),
            )
        )
        ctx.write_lines(
            [f"OK: {path}: data version {info.version}, reviewed {info.reviewed}; {counts}"]
        )
    return 1 if problems else 0


class _Command(NamedTuple):
    """One subcommand: its name, its help, its arguments and what it runs."""

    name: str
    #: One line for the list of commands.
    summary: str
    #: Example command lines for the command's ``--help``.
    examples: Sequence[str]
    run: Callable[[_Context], int]
    #: Adds the command's own arguments to its parser.
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    #: The output formats the command offers.
    formats: Sequence[str] = _FORMATS
    #: More about the command, after the summary in its ``--help``.
    details: str = ""


_COMMANDS: tuple[_Command, ...] = (
    _Command(
        name="partners",
        summary="list the partners",
        examples=["partners", "partners --format csv"],
        run=_partners,
    ),
    _Command(
        name="show",
        summary="show a partner with its mission and memberships",
        examples=["show AZ", "show azerbaijan --json"],
        run=_show,
        arguments=_add_partner,
        formats=("table", "json"),
    ),
    _Command(
        name="timeline",
        summary="list a partner's milestones in date order",
        examples=[
            "timeline AZ",
            "timeline AZ --since 1994 --until 2005",
            "timeline AZ --programme pfp",
            "timeline AZ --area cyber-defence --format csv",
        ],
        run=_timeline,
        arguments=_timeline_arguments,
        details="Dates are shown as precisely as the sources give them (a year, a month or "
        "a day); undated milestones come last and are left out by --since and --until. A "
        "date option names a whole period: --until 2005 takes in all of 2005.",
    ),
    _Command(
        name="plot",
        summary="draw a partner's memberships and milestones on a time axis, to an image",
        examples=["plot AZ -o timeline.png", "plot azerbaijan -o timeline.svg"],
        run=_plot,
        arguments=_plot_arguments,
        formats=("table",),
        details="Needs matplotlib: pip install 'nato-partners[plot]'. Memberships are "
        "bars, milestones dated to the day are points, and those dated only to a month or "
        "a year are bars over that period; undated ones are left out.",
    ),
    _Command(
        name="projects",
        summary="list Trust Fund projects with their figures",
        examples=["projects", "projects AZ --json"],
        run=_projects,
        arguments=_optional_partner,
    ),
    _Command(
        name="programmes",
        summary="list the programmes, oldest first",
        examples=["programmes", "programmes --partner AZ"],
        run=_programmes,
        arguments=_programmes_arguments,
    ),
    _Command(
        name="memberships",
        summary="list memberships of partners in programmes",
        examples=[
            "memberships --partner AZ",
            "memberships --programme pfp --on 1995",
            "memberships --partner AZ --on 2010-06 --format csv",
        ],
        run=_memberships,
        arguments=_memberships_arguments,
    ),
    _Command(
        name="participates",
        summary="tell whether a partner took part in a programme: yes, no or not known",
        examples=["participates GE eapc --on 2010", "participates AZ pii --json"],
        run=_participates,
        arguments=_answer_arguments,
        details="Prints yes, no, or 'not known' with the reason, and exits 0 for yes, 1 "
        "for no and 3 for not known. The answer is no only where the data rules it out: "
        "the programme did not exist then, or the dataset holds its complete membership.",
    ),
    _Command(
        name="members",
        summary="list the partners that took part in a programme, in joining order",
        examples=["members eapc --on 2010", "members sps --known-only"],
        run=_members,
        arguments=_members_arguments,
        details="Gives the whole list or none: where the dataset does not hold the "
        "programme's complete membership, or dates leave the period open, it says 'not "
        "known' on standard error and exits 3, unless --known-only is given.",
    ),
    _Command(
        name="panel",
        summary="write a partner-programme-year panel of membership status (COW IGO codes)",
        examples=["panel --programme pfp --from 1991 --to 2025 --format csv",
                  "panel --programme pfp --programme eapc --wide --format csv"],
        run=_panel,
        arguments=_panel_arguments,
        details="Needs pandas: pip install 'nato-partners[pandas]'. Status codes: 1 full "
        "member, 2 associate, 3 observer, 0 not a member (only where the data holds the "
        "programme's whole membership), -1 programme not in existence, and empty (null in "
        "JSON, 'not known' in a table) where the data cannot tell.",
    ),
    _Command(
        name="cite",
        summary="print a bibliography: the sources behind a partner, or the library itself",
        examples=["cite AZ --style bibtex", "cite --style csl-json"],
        run=_cite,
        arguments=_cite_arguments,
        formats=("table",),
    ),
    _Command(
        name="diff",
        summary="list the records added, removed and changed between two dataset directories",
        examples=["diff old-data/ new-data/", "diff old-data/ new-data/ --json"],
        run=_diff,
        arguments=_diff_arguments,
    ),
    _Command(
        name="coverage",
        summary="for each partner and programme: what the data holds and what backs it",
        examples=["coverage --partner GE", "coverage --programme pfp --format csv"],
        run=_coverage,
        arguments=_coverage_arguments,
    ),
    _Command(
        name="search",
        summary="find every record that mentions some text",
        examples=["search Saloglu", "search cyber defence --json"],
        run=_search,
        arguments=_search_arguments,
        details="The search ignores case and looks at every field of every record (figures "
        "as plain digits), and at the ids, titles and publishers of the sources it cites.",
    ),
    _Command(
        name="sources",
        summary="list the sources behind a partner's records, with their addresses",
        examples=["sources AZ", "sources --format csv"],
        run=_sources,
        arguments=_optional_partner,
    ),
    _Command(
        name="validate",
        summary="check a dataset directory and report every problem in it",
        examples=["validate ./my-data", "validate ./my-data --format csv"],
        run=_validate,
        arguments=_validate_arguments,
        details="Prints one line per problem (file, record, field, value, what was "
        "expected) and exits with status 1 if there is any, or prints a summary and exits "
        "with status 0. A --data option is not needed: PATH is the dataset checked.",
    ),
)


# -- the parser and the entry point -----------------------------------------------------


def _common_options() -> _Parser:
    """The options every command takes, before or after its name."""
    # SUPPRESS keeps a subcommand's parser from resetting what was given before its name.
    common = _Parser(add_help=False)
    common.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS,
                        help="use the dataset directory PATH instead of the bundled data")
    common.add_argument("--format", choices=_FORMATS, default=argparse.SUPPRESS,
                        help="how to print the answer (default: table)")
    common.add_argument("--json", dest="format", action="store_const", const="json",
                        default=argparse.SUPPRESS, help="print JSON; same as --format json")
    return common


def _parser() -> _Parser:
    common = _common_options()
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=_PROG,
        description="NATO's partnerships as sourced data: partners, programmes, memberships,\n"
        "milestones and Trust Fund projects.",
        epilog="examples:\n"
        + "\n".join(f"  {_PROG} {c.examples[0]}" for c in _COMMANDS)
        + f"\n\n'{_PROG} COMMAND --help' tells more about a command.",
        formatter_class=formatter,
        parents=[common],
    )
    parser.add_argument("--version", action="store_true",
                        help="print the library's version and the data's version and "
                        "review date")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in _COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=command.summary[0].upper() + command.summary[1:] + "."
            + (f"\n\n{textwrap.fill(command.details, 79)}" if command.details else ""),
            epilog="examples:\n" + "\n".join(f"  {_PROG} {e}" for e in command.examples),
            formatter_class=formatter,
            parents=[common],
        )
        if command.arguments is not None:
            command.arguments(sub)
        sub.set_defaults(run=command)
    return parser


def _version(ctx: _Context) -> int:
    info = ctx.dataset.info
    if ctx.format == "json":
        ctx.write_json({"version": __version__, "data": unstructure(info)})
    else:
        ctx.write_lines(
            [f"{_PROG} {__version__}, data {info.version} (reviewed {info.reviewed})"]
        )
    return 0


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    ctx = _Context(args)
    if args.version:
        return _version(ctx)
    command: _Command | None = getattr(args, "run", None)
    if command is None:
        names = ", ".join(c.name for c in _COMMANDS)
        raise _UsageError(f"a command is required, one of: {names} (see '{_PROG} --help')")
    if ctx.format not in command.formats:
        raise _UsageError(f"{command.name} has no {ctx.format} output; choose from "
                          + ", ".join(command.formats))
    try:
        return command.run(ctx)
    except UnicodeError:
        raise  # a fault of the output, not of what the user typed
    except (NotFoundError, ValueError) as error:
        # The library's own messages for unknown keys, areas, kinds and empty searches.
        raise _UsageError(" ".join(str(error).split())) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nato-partners`` command line.

    :param argv: the arguments after the program name; ``None`` reads :data:`sys.argv`.
    :returns: the exit status: 0 on success, 1 when ``validate`` finds problems (or
        ``participates`` answers no), 2 for bad input (reported in one line on standard
        error), 3 when the data cannot give the answer ("not known").
    """
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A terminal or pipe that cannot show a name such as "Türkiye" gets an escape
        # instead of an encoding error halfway through the output.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        try:
            status = _run(argv)
        except _UsageError as error:
            sys.stdout.flush()
            print(f"{_PROG}: error: {error}", file=sys.stderr)
            status = 2
        except SystemExit as stop:  # --help, once its text is written
            status = stop.code if isinstance(stop.code, int) else 0
        # Flushing here, not at exit, lets a closed pipe show up where it is caught.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (as `| head` does): the recipe of the signal module's
        # documentation points stdout at devnull so the final flush at exit cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _BROKEN_PIPE_STATUS
    except KeyboardInterrupt:
        return 130
    return status
