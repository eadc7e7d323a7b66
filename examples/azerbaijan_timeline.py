"""Print a partner's timeline with NATO, oldest first, undated events last.

Usage::

    python examples/azerbaijan_timeline.py [PARTNER]

PARTNER is a code or a name (Azerbaijan by default). Records whose confidence is not
high are marked, so a reader knows which lines to check against their sources.
"""

from __future__ import annotations

import sys

import nato_partners as nato


def main(argv: list[str]) -> int:
    """Print the timeline of the partner named in ``argv`` (Azerbaijan by default).

    :param argv: the command-line arguments after the script's name.
    :returns: the exit status.
    """
    try:
        partner = nato.partner(argv[0] if argv else "Azerbaijan")
    except nato.NotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{partner.name} and NATO")
    print()
    for milestone in nato.timeline(partner):
        date = str(milestone.date) if milestone.date is not None else "undated"
        mark = "" if milestone.confidence is nato.Confidence.HIGH else (
            f"  [{milestone.confidence.value} confidence]"
        )
        print(f"{date:<11} {milestone.kind.label:<13} {milestone.title}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
