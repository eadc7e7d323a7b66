"""Sphinx configuration for the nato_partners documentation.

Build with ``bash scripts/docs`` (HTML) or, from a checkout with the ``docs`` extra
installed, ``sphinx-build -n -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nato_partners

# The local extensions: links to other projects' documentation (see below), the field
# tables of the data-format page, what the pages draw from the bundled data, and the
# catalogue, a page per country and programme written into catalogue/ (git-ignored) when
# the build starts; values documented with their own #: comments, never their types'
# docstrings; and the performance page's figures and goals table.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "nato_partners"
author = "The nato_partners developers"
copyright = "2026, The nato_partners developers"
release = nato_partners.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
    "external_links",
    "record_fields",
    "from_data",
    "catalogue",
    "own_docstrings",
    "benchmark_results",
]

# The changelog is Markdown, read through MyST; every other page is reStructuredText.
source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build"]
root_doc = "index"

# Every cross-reference must resolve: -n turns a dangling one into a warning, -W into an
# error. References to other projects' objects (pendulum.Date, datetime.date,
# cattrs.Converter, ...) are resolved by the local ``external_links`` extension from a
# table of known pages, rather than by intersphinx: CI has no network, so intersphinx
# could not download the inventories, and an inventory committed to the repository would
# be a binary file that nobody reviews. A reference to another project's object that is
# missing from that table still fails the build, so the table cannot fall silently behind.
nitpicky = True

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True}
python_use_unqualified_type_names = True

# Examples in docstrings are written for the namespace of their own module, where pytest
# runs them (tests/test_docs.py); this gives them the same names when Sphinx runs them.
# The pages import what they use themselves, and pytest runs them without this setup.
doctest_global_setup = """
import pendulum
from nato_partners import *
from nato_partners.dates import as_period
"""

html_theme = "furo"
html_title = f"nato_partners {release}"
html_static_path = ["_static"]
html_css_files = ["custom.css"]

# The type variable of partner()'s ``default`` (Partner | the default's type) has no page.
nitpick_ignore = [("py:class", "nato_partners.queries._D"),
                  ("py:class", "nato_partners.dataset._D")]
