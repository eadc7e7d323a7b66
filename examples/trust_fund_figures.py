"""Print each NATO Trust Fund project's figures, followed by the sources behind them.

Usage::

    python examples/trust_fund_figures.py [PARTNER]

PARTNER is a code or a name (Azerbaijan by default). A figure that no source gives is
reported as unknown, not guessed.
"""

from __future__ import annotations

import sys

import nato_partners as nato


def _figure(value: float | None, unit: str) -> str:
    return "unknown" if value is None else f"{value:,.0f} {unit}".rstrip()


def main(argv: list[str]) -> int:
    """Print the Trust Fund projects of the partner named in ``argv``.

    :param argv: the command-line arguments after the script's name.
    :returns: the exit status.
    """
    try:
        partner = nato.partner(argv[0] if argv else "Azerbaijan")
    except nato.NotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    projects = nato.trust_fund_projects(partner)
    if not projects:
        print(f"The dataset holds no Trust Fund project for {partner.name}.")
    for project in projects:
        print(project.name)
        print(f"  when:            {project.start or '?'} to {project.end or '?'} "
              f"({project.status.value})")
        print(f"  carried out by:  {project.executing_agency}")
        print(f"  lead nations:    {', '.join(project.lead_nations) or 'unknown'}")
        print(f"  items planned:   {_figure(project.items_planned, '')}")
        print(f"  items disposed:  {_figure(project.items_disposed, '')}")
        print(f"  area to clear:   {_figure(project.area_planned_m2, 'm2')}")
        print(f"  area cleared:    {_figure(project.area_cleared_m2, 'm2')}")
        print(f"  budget:          {_figure(project.budget_eur, 'EUR')}")
        print(f"  spent:           {_figure(project.spent_eur, 'EUR')}")
        print(f"  confidence:      {project.confidence.value}")
        if project.note:
            print(f"  note:            {project.note}")
        print("  sources:")
        for source in project.sources:
            print(f"    [{source.id}] {source.publisher}: {source.title}")
            if source.url:
                print(f"        {source.url}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
