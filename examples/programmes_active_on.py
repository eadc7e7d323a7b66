"""List the programmes a partner took part in on a date, a month or a year.

Usage::

    python examples/programmes_active_on.py DATE [PARTNER]

DATE is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or a month asks about any day in
it. PARTNER is a code or a name (Azerbaijan by default).
"""

from __future__ import annotations

import sys

import nato_partners as nato


def main(argv: list[str]) -> int:
    """Print the programmes in force for the date and partner given in ``argv``.

    :param argv: the command-line arguments after the script's name.
    :returns: the exit status.
    """
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        partner = nato.partner(argv[1] if len(argv) > 1 else "Azerbaijan")
        memberships = nato.memberships(partner, on=argv[0])
    except (nato.NotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not memberships:
        print(f"{partner.name} took part in no programme in {argv[0]}.")
        return 0
    print(f"{partner.name} took part in these programmes in {argv[0]}:")
    for membership in memberships:
        programme = nato.programme(membership.programme)
        role = f", {membership.role}" if membership.role else ""
        print(f"- {programme.name} (since {membership.joined}{role})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
