"""Run the command line as ``python -m nato_partners``; see :mod:`nato_partners.cli`."""

from .cli import main

__all__: list[str] = []

raise SystemExit(main())
