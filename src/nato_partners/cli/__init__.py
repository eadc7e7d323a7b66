"""The ``nato-partners`` command: answers from the dataset without writing Python.

Every command asks the same :class:`~nato_partners.Dataset` methods a Python user would,
of the bundled dataset or of the directory given with ``--data``, and prints the answer as
an aligned table or text for a person, as CSV (``--format csv``) or as JSON (``--json``,
the converter's unstructured form of the records).

Bad input (an unknown partner, a date that does not exist, a broken data directory) ends
with one line on standard error and exit status 2, never a traceback; ``validate`` exits
with status 1 when the dataset it checks has problems, and ``diff`` when the two
datasets differ. An answer the data cannot give is
"not known", with its own exit status 3: ``participates`` exits 0 for yes, 1 for no and 3
for not known, and ``members`` exits 3 when it cannot give the whole list. An answer is
written whole or not at all: one that cannot be (a full disk, a short write, a closed
output) ends with one line on standard error and exit status 4, and a reader that stops
early (``| head``) gets the usual quiet exit status 141.

To add a command, write a function that adds its arguments to a parser and one that runs
it with a :class:`~nato_partners.cli.output.Context`, and list them in a
:class:`~nato_partners.cli.commands.Command` in :data:`~nato_partners.cli.commands.COMMANDS`.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import textwrap
from collections.abc import Sequence

from .. import NotFoundError, Partner, __version__
from .commands import COMMANDS, Command
from .output import (
    BROKEN_PIPE_STATUS,
    FORMATS,
    OUTPUT_ERROR_STATUS,
    PROG,
    Context,
    Parser,
    UsageError,
    safe,
)

__all__ = ["main"]


# -- the parser and the entry point -----------------------------------------------------


def _common_options(formats: Sequence[str] = FORMATS, data: bool = True) -> Parser:
    """The options a command takes, before or after its name: only those that apply."""
    # SUPPRESS keeps a subcommand's parser from resetting what was given before its name.
    common = Parser(add_help=False)
    if data:
        common.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS,
                            help="use the dataset directory PATH instead of the bundled data")
    if len(formats) > 1:
        common.add_argument("--format", choices=formats, default=argparse.SUPPRESS,
                            help="how to print the answer (default: table)")
    if "json" in formats:
        common.add_argument("--json", dest="format", action="store_const", const="json",
                            default=argparse.SUPPRESS, help="print JSON; same as --format json")
    return common


def _parser() -> Parser:
    common = _common_options()
    formatter = argparse.RawDescriptionHelpFormatter
    parser = Parser(
        prog=PROG,
        description="NATO's partnerships as sourced data: partners, programmes, memberships,\n"
        "milestones and Trust Fund projects.",
        epilog="examples:\n"
        + "\n".join(f"  {PROG} {c.examples[0]}" for c in COMMANDS)
        + f"\n\n'{PROG} COMMAND --help' tells more about a command.",
        formatter_class=formatter,
        parents=[common],
    )
    parser.add_argument("--version", action="store_true",
                        help="print the library's version and the data's version and "
                        "review date")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=command.summary[0].upper() + command.summary[1:] + "."
            + (f"\n\n{textwrap.fill(command.details, 79)}" if command.details else ""),
            epilog="examples:\n" + "\n".join(f"  {PROG} {e}" for e in command.examples),
            formatter_class=formatter,
            parents=[_common_options(command.formats, command.reads_data)],
        )
        if command.arguments is not None:
            command.arguments(sub)
        sub.set_defaults(run=command)
    return parser


def _version(ctx: Context) -> int:
    info = ctx.dataset.info
    if ctx.format == "json":
        from ..convert import unstructure

        ctx.write_json({"version": __version__, "data": unstructure(info)})
    else:
        ctx.write_lines(
            [safe(f"{PROG} {__version__}, data {info.version} (reviewed {info.reviewed})")]
        )
    return 0


def _run(argv: Sequence[str] | None) -> int:
    args, extra = _parser().parse_known_args(argv)
    if extra:
        # Point to the help of the command that did not take them, not the program's.
        where = f"{PROG} {args.command}" if getattr(args, "command", None) else PROG
        raise UsageError(f"unrecognized arguments: {' '.join(extra)} (see '{where} --help')")
    ctx = Context(args)
    if args.version:
        return _version(ctx)
    command: Command | None = getattr(args, "run", None)
    if command is None:
        names = ", ".join(c.name for c in COMMANDS)
        raise UsageError(f"a command is required, one of: {names} (see '{PROG} --help')")
    if ctx.format not in command.formats:
        raise UsageError(f"{command.name} has no {ctx.format} output; choose from "
                          + ", ".join(command.formats))
    try:
        if getattr(args, "partner", None) is not None:
            args.partner = _partners(ctx, args.partner)
        return command.run(ctx)
    except UnicodeError:
        raise  # a fault of the output, not of what the user typed
    except (NotFoundError, ValueError) as error:
        # The library's own messages for unknown keys, areas, kinds and empty searches.
        raise UsageError(" ".join(str(error).split())) from None


def _partners(ctx: Context, keys: str | list[str]) -> Partner | list[Partner]:
    """The partners the command line names, as records the commands pass on.

    Every word on a command line is text, so a number is read in each numbering, as
    :meth:`Dataset.partner <nato_partners.Dataset.partner>` reads an ``int``: one that is
    a code of different countries in different numberings is refused, naming each
    reading. ``iso:372``, ``cow:372`` and ``gw:372`` choose one.
    """
    if isinstance(keys, list):
        return [_partner(ctx, key) for key in keys]
    return _partner(ctx, keys)


def _partner(ctx: Context, key: str) -> Partner:
    system, _, number = key.casefold().partition(":")
    if number.isascii() and number.isdigit():
        if system == "iso":
            return ctx.dataset.partner(iso=number)  # as text, "031" keeps its zero
        if system == "cow":
            return ctx.dataset.partner(cow=int(number))
        if system == "gw":
            return ctx.dataset.partner(gw=int(number))
    if key.isascii() and key.isdigit():
        try:
            return ctx.dataset.partner(int(key))
        except ValueError as error:  # say how to choose on the command line
            raise UsageError(re.sub(r"partner\((\w+)=(\d+)\)", r"\1:\2", str(error))
                             ) from None
    return ctx.dataset.partner(key)


def _silence_stdout() -> None:
    """Point standard output at devnull, so that the flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor left to point: nothing to flush
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - kept open until exit


def _arguments(argv: Sequence[str] | None) -> list[str]:
    """The command line's words, with bytes a C locale could not decode read as UTF-8.

    Under a locale that is not UTF-8, Python keeps undecodable bytes as lone surrogates,
    so ``search Türkiye`` would look for text no record holds and find nothing.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    return [os.fsencode(word).decode("utf-8", "surrogateescape")
            if any("\udc80" <= ch <= "\udcff" for ch in word) else word for word in words]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nato-partners`` command line.

    :param argv: the arguments after the program name; ``None`` reads :data:`sys.argv`.
    :returns: the exit status: 0 on success, 1 when ``validate`` finds problems (or
        ``participates`` answers no, or ``diff`` finds a difference), 2 for bad input
        (reported in one line on standard error), 3 when the data cannot give the answer
        ("not known"), 4 when the answer could not be written whole (a full disk, a short
        write, a closed output), 141 when the reader of a pipe stopped early.
    """
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        print(f"{PROG}: error: cannot write the answer: standard output is closed",
              file=sys.stderr)
        return OUTPUT_ERROR_STATUS
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A terminal or pipe that cannot show a name such as "Türkiye" gets an escape
        # instead of an encoding error halfway through the output.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        try:
            status = _run(_arguments(argv))
        except UsageError as error:
            sys.stdout.flush()
            print(f"{PROG}: error: {safe(str(error))}", file=sys.stderr)
            status = 2
        except SystemExit as stop:  # --help, once its text is written
            status = stop.code if isinstance(stop.code, int) else 0
        # Flushing here, not at exit, lets a closed pipe show up where it is caught.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (as `| head` does): the recipe of the signal module's
        # documentation points stdout at devnull so the final flush at exit cannot fail.
        _silence_stdout()
        return BROKEN_PIPE_STATUS
    except (OSError, ValueError) as error:
        # A full disk, a closed standard output: one line, and a status of its own (1 is
        # validate's "problems found"). ValueError is what writing to a closed file raises.
        if isinstance(error, ValueError) and "closed file" not in str(error):
            raise
        _silence_stdout()
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(f"{PROG}: error: cannot write the answer: {reason}", file=sys.stderr)
        return OUTPUT_ERROR_STATUS
    except KeyboardInterrupt:
        return 130
    return status
