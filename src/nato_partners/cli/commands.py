"""The commands: for each, a function that adds its arguments and one that runs it.

To add a command, write the two functions and list them in a :class:`Command` in
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import operator
import os
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import attrs

from .. import (
    Area,
    Coverage,
    DataError,
    MilestoneKind,
    NotKnown,
    NotKnownError,
    PartialDate,
    Partner,
    Problem,
    Programme,
    Results,
    load_dataset,
)
from .._params import needle as needle_of
from ..matching import field_texts
from .columns import (
    MEMBERSHIP_COLUMNS,
    MILESTONE_COLUMNS,
    PARTNER_COLUMNS,
    PROBLEM_COLUMNS,
    PROGRAMME_COLUMNS,
    PROJECT_COLUMNS,
    SEARCH_COLUMNS,
    SOURCE_COLUMNS,
    record_type,
)
from .output import (
    FORMATS,
    NOT_KNOWN_STATUS,
    PROG,
    Column,
    Context,
    UsageError,
    fields,
    safe,
    table,
)

__all__ = ["COMMANDS", "Command"]

# The library's functions that only some commands need (the converter, the panels, the
# picture, the citations, the differ, the package writer) are imported by those commands:
# a command pays for what it uses, not for every other command's imports.


# -- commands ---------------------------------------------------------------------------


def _date(text: str) -> PartialDate:
    """Read a date option (YYYY, YYYY-MM or YYYY-MM-DD) with the library's own parser."""
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _year(text: str) -> int:
    """Read a year option: ASCII digits only, as dates are, from 1 to 9999."""
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and int(text) >= 1):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from 1 to 9999 in ASCII "
                                         "digits")
    return int(text)


_PARTNER_HELP = ("a partner's alpha-2 or alpha-3 code, name or alias, any case (such as AZ), "
                 "or a number read as an ISO 3166 numeric, COW or GW code (iso:031, cow:373 "
                 "or gw:373 to choose one)")


def _add_partner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="KEY", help=_PARTNER_HELP)


def _optional_partner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="KEY", nargs="?",
                        help=_PARTNER_HELP + "; all partners when left out")


def _partners_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--allies", choices=("include", "exclude", "only"), default="include",
                        help="list the Allies with the partners (the default), leave them "
                        "out, or list only them")


def _partners(ctx: Context) -> int:
    ally = {"include": None, "exclude": False, "only": True}[ctx.args.allies]
    ctx.listing(ctx.dataset.partners(ally=ally), PARTNER_COLUMNS, "partners")
    return 0


def _show(ctx: Context) -> int:
    dataset = ctx.dataset
    partner = dataset.partner(ctx.args.partner)
    memberships = dataset.memberships(partner)
    if ctx.format == "json":
        from ..convert import unstructure

        ctx.write_json(
            {"partner": unstructure(partner), "memberships": unstructure(memberships)}
        )
        return 0
    mission = partner.mission
    width = ctx.width
    lines = [safe(f"{partner.name} ({partner.code}, {partner.alpha2})")]
    lines += fields(
        [
            ("Official name", partner.official_name),
            ("Region", partner.region),
            ("Also known as", partner.aliases),
            ("Mission", mission and mission.name),
            ("Established", mission and mission.established),
            ("Head", mission and ", ".join(filter(None, (mission.head, mission.head_title)))),
            ("Confidence", partner.confidence),
            ("Sources", f"{len(partner.sources)} for this record; '{PROG} sources "
                        f"{partner.alpha2}' lists every source behind the partner's records"),
            ("Note", partner.note),
        ],
        width,
    )
    lines += ["", "Memberships"]
    if memberships:
        columns = (
            Column("programme", "Programme", lambda m: dataset.programme(m.programme).name),
            *(c for c in MEMBERSHIP_COLUMNS if c.table and c.name not in ("partner",
                                                                            "programme")),
        )
        lines += table(columns, memberships, width, colour=ctx.colour)
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


def _timeline(ctx: Context) -> int:
    args = ctx.args
    found = ctx.dataset.milestones(
        partner=args.partner,
        programme=args.programme,
        kind=args.kind,
        area=args.area,
        since=args.since,
        until=args.until,
    )
    ctx.listing(found, MILESTONE_COLUMNS, "milestones")
    return 0


def _plot_arguments(parser: argparse.ArgumentParser) -> None:
    _add_partner(parser)
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the image to write; its extension (.png, .svg, .pdf) chooses "
                        "the format")


def _plot(ctx: Context) -> int:
    output: str = ctx.args.output
    try:
        from ..plot import plot_timeline

        figure = plot_timeline(ctx.args.partner, ctx.dataset)
        figure.savefig(output)
    except ImportError as error:  # matplotlib is an optional extra
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {output!r}: {error.strerror or error}") from None
    ctx.write_lines([safe(f"Wrote {output}")])
    return 0


def _projects_arguments(parser: argparse.ArgumentParser) -> None:
    _optional_partner(parser)
    parser.add_argument("--funding", choices=("trust-fund", "sps", "all"),
                        default="trust-fund",
                        help="Trust Fund projects (the default), those the Science for Peace "
                        "and Security Programme paid for, or all")


def _projects(ctx: Context) -> int:
    funding = ctx.args.funding
    ctx.listing(ctx.dataset.trust_fund_projects(
        ctx.args.partner, funding=None if funding == "all" else funding), PROJECT_COLUMNS,
        "Trust Fund projects" if funding == "trust-fund" else "projects")
    return 0


def _partner_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--partner", metavar="KEY",
                        help=f"only {what} of this partner (code, name or alias)")


def _programmes_arguments(parser: argparse.ArgumentParser) -> None:
    _partner_option(parser, "the programmes")


def _programmes(ctx: Context) -> int:
    ctx.listing(ctx.dataset.programmes(ctx.args.partner), PROGRAMME_COLUMNS, "programmes")
    return 0


def _memberships_arguments(parser: argparse.ArgumentParser) -> None:
    _partner_option(parser, "the memberships")
    parser.add_argument("--programme", metavar="P",
                        help="only memberships of this programme (id, acronym or name)")
    parser.add_argument("--on", metavar="DATE", type=_date,
                        help="only memberships in force at some time in this year, month "
                        "or day, or that may have been (those whose dates leave it open, "
                        "undated ones too, are listed)")


def _memberships(ctx: Context) -> int:
    args = ctx.args
    found = ctx.dataset.memberships(args.partner, args.programme, args.on)
    ctx.listing(found, MEMBERSHIP_COLUMNS, "memberships")
    if args.programme is not None and args.partner is None:
        programme = ctx.dataset.programme(args.programme)
        if not programme.members_complete:
            # On stderr, so that CSV and JSON on stdout stay data; a terminal shows both.
            ctx.note(f"partial list: the dataset does not hold the complete membership of "
                     f"{programme.name} ({programme.id!r}); a country not listed may still "
                     "have been a member")
    return 0


def _pair_arguments(parser: argparse.ArgumentParser, default: str) -> None:
    _add_partner(parser)
    parser.add_argument("programme", metavar="PROGRAMME",
                        help="the programme's id, acronym or name, such as pfp or EAPC")
    parser.add_argument("--on", metavar="DATE", type=_date,
                        help=f"ask about this year, month or day (default: {default})")


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    _pair_arguments(parser, "the day the data was last reviewed")


def _participates_arguments(parser: argparse.ArgumentParser) -> None:
    _pair_arguments(parser, "ever, up to the day the data was last reviewed")
    parser.add_argument("--active", action="store_true",
                        help="ask whether it took part without suspension, instead of "
                        "whether it was a member")


def _participates(ctx: Context) -> int:
    args = ctx.args
    partner = ctx.dataset.partner(args.partner)
    programme = ctx.dataset.programme(args.programme)
    answer = ctx.dataset.participates(partner, programme, args.on, active=args.active)
    word = "not known" if isinstance(answer, NotKnown) else "yes" if answer else "no"
    _write_answer(ctx, partner, programme, "answer", word, answer)
    if isinstance(answer, NotKnown):
        return NOT_KNOWN_STATUS
    return 0 if answer else 1


def _status(ctx: Context) -> int:
    args = ctx.args
    partner = ctx.dataset.partner(args.partner)
    programme = ctx.dataset.programme(args.programme)
    answer = ctx.dataset.status(partner, programme, args.on)
    _write_answer(ctx, partner, programme, "status", str(answer), answer)
    return NOT_KNOWN_STATUS if isinstance(answer, NotKnown) else 0


def _write_answer(ctx: Context, partner: Partner, programme: Programme, field: str,
                  word: str, answer: object) -> None:
    """Print one answer about a partner and a programme, with the reason if not known."""
    reason = answer.reason if isinstance(answer, NotKnown) else None
    row = {"partner": partner.code, "programme": programme.id,
           "on": None if ctx.args.on is None else str(ctx.args.on), field: word,
           "reason": reason}
    if ctx.format == "json":
        ctx.write_json(row)
    elif ctx.format == "csv":
        ctx.write_csv([Column(k, k, operator.itemgetter(k)) for k in row], [row])
    else:
        ctx.write_lines([word if reason is None else safe(f"{word}: {reason}")])


def _members_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("programme", metavar="PROGRAMME",
                        help="the programme's id, acronym or name, such as pfp or EAPC")
    parser.add_argument("--on", metavar="DATE", type=_date,
                        help="only members at some time in this year, month or day")
    parser.add_argument("--known-only", action="store_true",
                        help="list the members the data shows even when it cannot give "
                        "them all (the list may then be partial)")
    parser.add_argument("--role", action="append", choices=("member", "associate", "observer"),
                        help="a standing to list (repeat for several; default: full members "
                        "only, as counts and panels count them)")


def _members(ctx: Context) -> int:
    args = ctx.args
    try:
        found = ctx.dataset.members(args.programme, args.on, known_only=args.known_only,
                                    roles=args.role or ("member",))
    except NotKnownError as error:
        ctx.note(f"not known: {error}; --known-only lists the members the data shows")
        return NOT_KNOWN_STATUS
    ctx.listing(found, PARTNER_COLUMNS, "members")
    if args.known_only and not ctx.dataset.programme(args.programme).members_complete:
        ctx.note("partial list: only the members the data shows (--known-only)")
    return 0


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", metavar="TEXT", nargs="+",
                        help="what to look for; several words are searched as one phrase")


def _search(ctx: Context) -> int:
    from ..convert import unstructure

    text = " ".join(ctx.args.text)
    found = ctx.dataset.search(text)
    needle = needle_of(text)  # the words as the search looked for them
    # Each record with the fields that hold the words, so a reader sees why it was found.
    hits = [(record, field_texts(record, needle)) for record in found]
    data = [{"type": record_type(r), "record": unstructure(r),
             "found_in": [{"field": m.field, "excerpt": m.excerpt} for m in matches]}
            for r, matches in hits]
    ctx.listing(hits, SEARCH_COLUMNS, "records", data)
    return 0


def _sources(ctx: Context) -> int:
    found = ctx.dataset.sources(ctx.args.partner)
    if ctx.format != "table" or not found:
        ctx.listing(found, SOURCE_COLUMNS, "sources")
        return 0
    # A table would have to cut the addresses to fit a terminal; a block per source
    # keeps each one whole.
    lines: list[str] = []
    for source in found:
        if lines:
            lines.append("")
        lines.append(source.id)
        lines += fields(
            [(c.title, c.get(source)) for c in SOURCE_COLUMNS if c.name != "id"], ctx.width
        )
    ctx.write_lines(lines)
    return 0


def _panel_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--programme", metavar="P", action="append",
                        help="a programme to include (repeat for several; default: all)")
    parser.add_argument("--partner", metavar="KEY", action="append",
                        help="a partner to include (repeat for several; default: all)")
    parser.add_argument("--from", dest="start", metavar="YEAR", type=_year,
                        help="the first year (default: the programmes' earliest)")
    parser.add_argument("--to", dest="end", metavar="YEAR", type=_year,
                        help="the last year (default: this year)")
    parser.add_argument("--freq", choices=("year", "month", "day"), default="year",
                        help="the length of a period (default: year)")
    parser.add_argument("--reference", metavar="MM-DD",
                        help="ask about this day of each year instead of any day of it")
    parser.add_argument("--wide", action="store_true",
                        help="one column of status codes per programme")
    parser.add_argument("--states", choices=("cow", "gw"),
                        help="a row for every state of the Correlates of War or "
                        "Gleditsch-Ward list, partners or not (leave out --partner)")


def _panel(ctx: Context) -> int:
    args = ctx.args
    if args.states and args.partner:  # the library's words name its own parameters
        raise UsageError("--states gives every state of a list; leave out --partner")
    try:
        from ..panels import panel

        frame = panel(args.partner, args.programme, args.start, args.end, freq=args.freq,
                      reference=args.reference, wide=args.wide, dtypes="nullable",
                      states=args.states, dataset=ctx.dataset)
    except ImportError as error:  # pandas is an optional extra
        raise UsageError(str(error)) from None
    if ctx.format == "json":
        import json

        # pandas writes <NA> as null: in JSON "not known" is null beside a status_label.
        ctx.write_json(json.loads(frame.to_json(orient="records", date_format="iso")))
    elif ctx.format == "csv":
        _write_frame_csv(ctx, frame)
    else:
        # Only a status can be "not known"; an empty precision means no membership.
        statuses = [c for c in frame.columns if c not in _PANEL_KEYS
                    and not c.endswith(("_membership", "_confidence"))]
        shown = frame.astype(object).where(frame.notna(), "-")
        shown[statuses] = shown[statuses].where(frame[statuses].notna(), "not known")
        ctx.write_text(shown.to_string(index=False) + "\n")
    return 0


#: The panel's columns that are not status codes (the others are, in the wide form too).
_PANEL_KEYS = ("partner", "partner_name", "iso_numeric", "cow_code", "gw_code", "programme",
               "period", "status_label", "membership", "joined_precision", "ends_precision",
               "confidence")


def _cite_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("partner", metavar="KEY", nargs="?",
                        help="cite the sources behind this partner's records (default: the "
                        "library and its data version)")
    parser.add_argument("--style", choices=("text", "bibtex", "csl-json"), default="text",
                        help="the bibliography style (default: text)")


def _cite(ctx: Context) -> int:
    args = ctx.args
    from ..citations import cite

    what = ctx.dataset if args.partner is None else ctx.dataset.sources(args.partner)
    ctx.write_text(cite(what, style=args.style))
    return 0


def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the earlier dataset directory")
    parser.add_argument("new", metavar="NEW", help="the later dataset directory")
    parser.add_argument("--panel", action="store_true",
                        help="list the yearly panel's cells the two code differently "
                        "instead of the records (needs the pandas extra)")


_CHANGE_COLUMNS = (
    Column("change", "Change", lambda c: c.change, wrap=False),
    Column("kind", "Kind", lambda c: c.kind, wrap=False),
    Column("id", "ID", lambda c: c.id),
    Column("field", "Field", lambda c: c.field, wrap=False),
    Column("old", "Old", lambda c: c.old, table=False),
    Column("new", "New", lambda c: c.new, table=False),
    Column("old_shown", "Old", lambda c: _short_value(c.old), csv=False),
    Column("new_shown", "New", lambda c: _short_value(c.new), csv=False),
)

#: The longest value a table of changes shows; CSV and JSON give every value whole.
_SHOWN = 60


def _short_value(value: object) -> object:
    """A changed value as a table shows it: a whole record by its kind, long text cut."""
    if isinstance(value, dict):
        return "(the whole record)"
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and len(value) > _SHOWN:
        return value[:_SHOWN - 1].rstrip() + "…"
    return value


def _diff(ctx: Context) -> int:
    args = ctx.args
    try:
        if args.panel:
            from ..panels import panel_diff

            return _diff_panel(ctx, panel_diff(args.old, args.new))
        from ..changes import diff

        changes = diff(args.old, args.new)
    except DataError as error:
        for path in (args.old, args.new):
            if not os.path.isdir(path):
                raise UsageError(str(error)) from None  # in the library's own words
        raise UsageError(f"a dataset has {len(error.problems)} problem(s); run "
                          f"'{PROG} validate' on it") from None
    except ImportError as error:  # pandas is an optional extra
        raise UsageError(str(error)) from None
    data = [attrs.asdict(c) for c in changes]
    ctx.listing(changes, _CHANGE_COLUMNS, "changes", data=data)
    return 1 if changes else 0  # as diff(1) does, so a script can test for a change


def _package_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", metavar="DIR",
                        help="the directory to write the package into (created if needed)")


def _package(ctx: Context) -> int:
    directory = ctx.args.directory
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise UsageError(f"{directory!r} is a file, not a directory")
    try:
        from .._package import write_package

        written = write_package(directory, ctx.dataset)
    except ImportError as error:  # pandas is an optional extra
        raise UsageError(str(error)) from None
    ctx.write_lines([f"wrote {len(written)} files to {directory}: {', '.join(written)}"])
    return 0


def _write_frame_csv(ctx: Context, frame: Any) -> None:
    """Print a DataFrame as CSV: text quoted and figures bare, as in every CSV listing, so
    iso_numeric "004" stays text; a truth value is text too, since no reader takes a bare
    False for a figure; an empty cell is missing."""
    import csv

    flags = frame.select_dtypes("boolean").columns
    frame[flags] = frame[flags].astype("string")
    ctx.write_text(frame.to_csv(index=False, na_rep="", quoting=csv.QUOTE_NONNUMERIC))


def _diff_panel(ctx: Context, frame: Any) -> int:
    if ctx.format == "json":
        import json

        ctx.write_json(json.loads(frame.to_json(orient="records")))
    elif ctx.format == "csv":
        _write_frame_csv(ctx, frame)
    elif frame.empty:
        ctx.write_lines(["No panel cell differs."])
    else:
        # A status or a suspension can be not known; an empty membership means none.
        shown = frame.astype(object).where(frame.notna(), "not known")
        for name in ("membership_old", "membership_new"):
            shown[name] = frame[name].astype(object).where(frame[name].notna(), "-")
        ctx.write_text(shown.to_string(index=False) + "\n")
    return 1 if len(frame) else 0


_COVERAGE_COLUMNS = (
    Column("partner", "Partner", lambda c: c.partner, wrap=False),
    Column("programme", "Programme", lambda c: c.programme, wrap=False),
    Column("answer", "Answer", lambda c: c.answer, wrap=False),
    Column("memberships", "Memberships", lambda c: c.memberships, table=False),
    Column("joined_precision", "Joined to the", lambda c: c.joined_precision, wrap=False),
    Column("undated", "Undated", lambda c: c.undated or None, missing="", table=False),
    Column("source_kinds", "Sources", lambda c: c.source_kinds),
    Column("confidence", "Confidence", lambda c: c.confidence, wrap=False),
)


def _coverage_arguments(parser: argparse.ArgumentParser) -> None:
    _partner_option(parser, "the rows")
    parser.add_argument("--programme", metavar="P", help="only the rows of this programme")


def _coverage(ctx: Context) -> int:
    from ..coverage_report import coverage

    args = ctx.args
    rows = coverage(ctx.dataset)
    if args.partner is not None:
        code = ctx.dataset.partner(args.partner).code
        rows = Results((r for r in rows if r.partner == code), Coverage, rows.dataset)
    if args.programme is not None:
        pid = ctx.dataset.programme(args.programme).id
        rows = Results((r for r in rows if r.programme == pid), Coverage, rows.dataset)
    ctx.listing(rows, _COVERAGE_COLUMNS, "rows")
    return 0


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the dataset directory to check")


def _validate(ctx: Context) -> int:
    path: str = ctx.args.path
    try:
        dataset = load_dataset(path)
    except DataError as error:
        if not os.path.isdir(path):
            raise UsageError(str(error)) from None  # in the library's own words
        problems: Sequence[Problem] = error.problems
    else:
        problems = ()
    if ctx.format != "table":
        ctx.listing(problems, PROBLEM_COLUMNS, "problems")
    elif problems:
        ctx.write_lines(safe(" ".join(str(problem).split())) for problem in problems)
    else:
        info = dataset.info
        counts = ", ".join(
            f"{len(records)} {noun}"
            for records, noun in (
                (dataset.partners(), "partners"),
                (dataset.programmes(), "programmes"),
                (dataset.memberships(), "memberships"),
                (dataset.milestones(), "milestones"),
                (dataset.trust_fund_projects(funding=None), "projects"),
                (dataset.sources(), "sources"),
            )
        )
        ctx.write_lines(
            [safe(f"OK: {path}: data version {info.version}, reviewed {info.reviewed}; "
                  f"{counts}")]
        )
    return 1 if problems else 0


class Command(NamedTuple):
    """One subcommand: its name, its help, its arguments and what it runs."""

    name: str
    #: One line for the list of commands.
    summary: str
    #: Example command lines for the command's ``--help``.
    examples: Sequence[str]
    run: Callable[[Context], int]
    #: Adds the command's own arguments to its parser.
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    #: The output formats the command offers.
    formats: Sequence[str] = FORMATS
    #: More about the command, after the summary in its ``--help``.
    details: str = ""
    #: Whether it reads a dataset that ``--data`` can choose (``validate`` and ``diff`` are
    #: given their directories instead).
    reads_data: bool = True


COMMANDS: tuple[Command, ...] = (
    Command(
        name="partners",
        summary="list the partners",
        examples=["partners", "partners --allies exclude --format csv"],
        run=_partners,
        arguments=_partners_arguments,
    ),
    Command(
        name="show",
        summary="show a partner with its mission and memberships",
        examples=["show AZ", "show azerbaijan --json"],
        run=_show,
        arguments=_add_partner,
        formats=("table", "json"),
    ),
    Command(
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
    Command(
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
    Command(
        name="projects",
        summary="list Trust Fund projects (or SPS projects) with their figures",
        examples=["projects", "projects AZ --json", "projects --funding sps"],
        run=_projects,
        arguments=_projects_arguments,
    ),
    Command(
        name="programmes",
        summary="list the programmes, oldest first",
        examples=["programmes", "programmes --partner AZ"],
        run=_programmes,
        arguments=_programmes_arguments,
    ),
    Command(
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
    Command(
        name="participates",
        summary="tell whether a partner took part in a programme: yes, no or not known",
        examples=["participates GE eapc --on 2010", "participates AZ pii --json"],
        run=_participates,
        arguments=_participates_arguments,
        details="Prints yes, no, or 'not known' with the reason, and exits 0 for yes, 1 "
        "for no and 3 for not known. The answer is no only where the data rules it out: "
        "the partner or the programme did not exist then, or the dataset holds the "
        "programme's complete membership. A suspended partner is a member; --active asks "
        "whether it took part without suspension. A day after the data's last review "
        "(its horizon) is not known.",
    ),
    Command(
        name="status",
        summary="give a partner's standing in a programme: member, suspended, not a member, "
        "...",
        examples=["status RU eapc --on 2020", "status DE nato --on 1980 --json"],
        run=_status,
        arguments=_status_arguments,
        details="Prints member, associate, observer, suspended, not a member, programme not "
        "in existence or state not in existence, and exits 0; or 'not known' with the "
        "reason, and exits 3. Without --on it asks about the data's horizon, the day it "
        "was last reviewed.",
    ),
    Command(
        name="members",
        summary="list the partners that took part in a programme, in joining order",
        examples=["members eapc --on 2010", "members sps --known-only"],
        run=_members,
        arguments=_members_arguments,
        details="Gives the whole list or none: where the dataset does not hold the "
        "programme's complete membership, or dates leave the period open, it says 'not "
        "known' on standard error and exits 3, unless --known-only is given.",
    ),
    Command(
        name="panel",
        summary="write a partner-programme-year panel of membership status (COW IGO codes)",
        examples=["panel --programme pfp --from 1991 --to 2025 --format csv",
                  "panel --programme pfp --programme eapc --wide --format csv",
                  "panel --programme nato --states cow --format csv"],
        run=_panel,
        arguments=_panel_arguments,
        details="Needs pandas: pip install 'nato-partners[pandas]'. Status codes: 1 full "
        "member, 2 associate, 3 observer, 0 not a member (only where the data holds the "
        "programme's whole membership), -1 programme not in existence, and empty (null in "
        "JSON, 'not known' in a table) where the data cannot tell.",
    ),
    Command(
        name="cite",
        summary="print a bibliography: the sources behind a partner, or the library itself",
        examples=["cite AZ --style bibtex", "cite --style csl-json"],
        run=_cite,
        arguments=_cite_arguments,
        formats=("table",),
    ),
    Command(
        name="diff",
        summary="list the records added, removed and changed between two dataset directories",
        examples=["diff old-data/ new-data/", "diff old-data/ new-data/ --json",
                  "diff old-data/ new-data/ --panel --format csv"],
        run=_diff,
        arguments=_diff_arguments,
        details="Like diff(1), it exits with status 0 when the two datasets hold the same "
        "records, 1 when they differ and 2 when a directory cannot be read. A record keeps "
        "its id when a date in it is corrected, so a correction is listed as a change of "
        "that field. With --panel it lists the yearly panel's cells instead, and exits 1 "
        "when a cell differs.",
        reads_data=False,
    ),
    Command(
        name="package",
        summary="write the dataset as a data package: CSV files, a Stata panel, "
        "datapackage.json",
        examples=["package nato-partners-data/", "package out/ --data my-dataset/"],
        run=_package,
        arguments=_package_arguments,
        formats=("table",),
        details="A Frictionless Data Package that R, Stata and Python read: a CSV file per "
        "table, the yearly panel in long form (also as panel.dta, with value labels), its "
        "spells, and datapackage.json with the data version, horizon, licence, citation "
        "and each table's schema. Needs the pandas extra.",
    ),
    Command(
        name="coverage",
        summary="for each partner and programme: what the data holds and what backs it",
        examples=["coverage --partner GE", "coverage --programme pfp --format csv"],
        run=_coverage,
        arguments=_coverage_arguments,
    ),
    Command(
        name="search",
        summary="find every record that mentions some text",
        examples=["search Saloglu", "search cyber defence --json"],
        run=_search,
        arguments=_search_arguments,
        details="The search ignores case and looks at every field of every record (figures "
        "as plain digits), and at the ids, titles and publishers of the sources it cites.",
    ),
    Command(
        name="sources",
        summary="list the sources behind a partner's records, with their addresses",
        examples=["sources AZ", "sources --format csv"],
        run=_sources,
        arguments=_optional_partner,
    ),
    Command(
        name="validate",
        summary="check a dataset directory and report every problem in it",
        examples=["validate ./my-data", "validate ./my-data --format csv"],
        run=_validate,
        arguments=_validate_arguments,
        details="Prints one line per problem (file, record, field, value, what was "
        "expected) and exits with status 1 if there is any, or prints a summary and exits "
        "with status 0.",
        reads_data=False,
    ),
)


