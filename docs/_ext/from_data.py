"""The ``data-coverage`` directive: what the bundled data holds, counted when the docs build.

``.. data-coverage::`` becomes one paragraph with the number of countries, programmes,
memberships, milestones, Trust Fund projects and sources, counted from the bundled data
by the same function that writes the README's sentence, so no page types a count by hand.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from nato_partners import load
from nato_partners._summary import coverage_text


class DataCoverage(SphinxDirective):
    """Write the coverage sentence of the bundled data."""

    def run(self) -> list[nodes.Node]:
        """Count the bundled data.

        :returns: one paragraph.
        """
        return [nodes.paragraph(text=coverage_text(load()))]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.add_directive("data-coverage", DataCoverage)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
