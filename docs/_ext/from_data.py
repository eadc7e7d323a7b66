"""Directives that draw on the bundled data when the docs are built, so no page types a count
or pastes a picture that could fall behind the data.

``.. data-coverage::`` becomes one paragraph with the number of countries, programmes,
memberships, milestones, Trust Fund projects and sources, counted by the same function
that writes the README's sentence. ``.. timeline-figure:: AZ`` draws a partner's timeline
with :func:`nato_partners.plot_timeline` and puts it in the page as SVG (the plot extra
must be installed, as the ``docs`` extra makes sure).
"""

from __future__ import annotations

import io
import re
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from nato_partners import load, plot_timeline
from nato_partners._summary import coverage_text


class DataCoverage(SphinxDirective):
    """Write the coverage sentence of the bundled data."""

    def run(self) -> list[nodes.Node]:
        """Count the bundled data.

        :returns: one paragraph.
        """
        return [nodes.paragraph(text=coverage_text(load()))]


class TimelineFigure(SphinxDirective):
    """Draw a partner's timeline from the bundled data, inline as SVG."""

    required_arguments: ClassVar[int] = 1

    def run(self) -> list[nodes.Node]:
        """Draw the figure.

        :returns: a raw HTML node holding the SVG.
        """
        import matplotlib

        matplotlib.use("Agg")  # no screen when the docs are built
        import matplotlib.pyplot as plt

        figure = plot_timeline(self.arguments[0])
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight")
        plt.close(figure)
        svg = buffer.getvalue()
        svg = svg[svg.index("<svg"):]  # the XML prologue does not belong inside HTML
        # Scale to the page's width rather than scroll: drop the fixed size, keep viewBox.
        svg = re.sub(r'\s(width|height)="[^"]*"', "", svg[:svg.index(">")], count=2) + (
            svg[svg.index(">"):])
        svg = svg.replace("<svg", '<svg style="width:100%;height:auto"', 1)
        html = f'<div class="timeline-figure" style="overflow-x:auto">{svg}</div>'
        return [nodes.raw("", html, format="html")]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.add_directive("data-coverage", DataCoverage)
    app.add_directive("timeline-figure", TimelineFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
