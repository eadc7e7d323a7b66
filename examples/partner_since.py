"""Say how long a partner has been in each of its current programmes, using pendulum.

Usage::

    python examples/partner_since.py [PARTNER] [--on YYYY-MM-DD]

PARTNER is a code or a name (Azerbaijan by default); ``--on`` counts up to that day
instead of today. Where the sources give only the month or the year a membership began,
the length is given as a range: from the last day the membership could have begun to the
first.
"""

from __future__ import annotations

import sys

import pendulum

import nato_partners as nato


def _length(start: pendulum.Date, end: pendulum.Date) -> str:
    if start >= end:
        return "less than a day"
    return (end - start).in_words(locale="en")


def main(argv: list[str]) -> int:
    """Print how long the partner named in ``argv`` has been in each current programme.

    :param argv: the command-line arguments after the script's name.
    :returns: the exit status.
    """
    args = list(argv)
    today = pendulum.today().date()
    if "--on" in args:
        at = args.index("--on")
        try:
            today = nato.PartialDate.parse(args[at + 1]).earliest
        except (IndexError, ValueError) as error:
            print(f"error: --on needs a date such as 2026-01-01 ({error})", file=sys.stderr)
            return 1
        del args[at : at + 2]
    try:
        partner = nato.partner(args[0] if args else "Azerbaijan")
    except nato.NotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    first = next((m for m in nato.memberships(partner) if m.joined is not None), None)
    if first is None:
        print(f"No source dates when {partner.name} first joined a NATO programme.")
        return 0
    programme = nato.programme(first.programme)
    print(f"{partner.name} first joined a NATO programme, the {programme.name}, "
          f"in {first.joined}.")
    print(f"Programmes in force on {today}:")
    for membership in nato.memberships(partner, on=today):
        assert membership.joined is not None  # undated memberships answer no date question
        name = nato.programme(membership.programme).name
        earliest, latest = membership.joined.earliest, membership.joined.latest
        if earliest == latest:
            length = _length(earliest, today)
        elif latest >= today:
            # The sources allow a start after the day asked about: give only the upper bound.
            length = f"up to {_length(earliest, today)}"
        else:
            length = f"between {_length(latest, today)} and {_length(earliest, today)}"
        print(f"- {name}, since {membership.joined}: {length}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
