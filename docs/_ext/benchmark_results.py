"""The performance page's figures, from ``docs/benchmark-results.txt``.

``python benchmarks/run.py --record`` writes the file: a line that names the machine, a
block of figures per part of the run (a heading, then aligned columns), and the goals as a
Markdown table, which reads as plain text in the README. ``.. benchmark-results::`` shows
each block under its heading as a scrolling block of figures, the heading as a paragraph
that wraps to the column, and ``.. benchmark-goals::`` turns the goals into a real table.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

_FILE = "benchmark-results.txt"


def read(text: str) -> tuple[str, list[tuple[str, list[str]]], list[list[str]]]:
    """Split a recorded run into its parts.

    :param text: the file's text.
    :returns: the machine line, the blocks as ``(heading, lines)``, and the goals' rows,
        the header row first.
    """
    machine, _, rest = text.partition("\n")
    blocks: list[tuple[str, list[str]]] = []
    goals: list[list[str]] = []
    for line in rest.splitlines():
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(set(cell) <= {"-", ":"} for cell in cells):  # the rule under the header
                goals.append(cells)
        elif line.startswith("(") and line[1:2].isalpha():
            blocks.append((line, []))
        elif line.startswith("Goals:") or not line.strip():
            continue
        elif blocks:
            blocks[-1][1].append(line)
    return machine, blocks, goals


class BenchmarkResults(SphinxDirective):
    """Show the recorded run: the machine, then each block under its heading."""

    def run(self) -> list[nodes.Node]:
        """Read the file.

        :returns: the paragraphs and literal blocks.
        """
        path = Path(self.env.srcdir) / _FILE
        self.env.note_dependency(str(path))
        machine, blocks, _ = read(path.read_text("utf-8"))
        found: list[nodes.Node] = [nodes.paragraph(text=machine)]
        for heading, lines in blocks:
            found.append(nodes.paragraph("", "", nodes.strong(text=heading)))
            # The file indents every line by two spaces, which the page has no room for.
            text = textwrap.dedent("\n".join(lines))
            block = nodes.literal_block(text, text)
            block["language"] = "text"
            block["classes"].append("figures")
            found.append(block)
        return found


class BenchmarkGoals(SphinxDirective):
    """Show the goals of the recorded run as a table."""

    def run(self) -> list[nodes.Node]:
        """Read the goals.

        :returns: one table.
        """
        path = Path(self.env.srcdir) / _FILE
        self.env.note_dependency(str(path))
        _, _, goals = read(path.read_text("utf-8"))
        header, *rows = goals
        lines = [".. list-table::", "   :header-rows: 1", "   :widths: 60 15 25", ""]
        for row in [header, *rows]:
            first, *rest = row
            lines.append(f"   * - {first}")
            lines.extend(f"     - {cell}" for cell in rest)
        return self.parse_text_to_nodes("\n".join(lines))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.add_directive("benchmark-results", BenchmarkResults)
    app.add_directive("benchmark-goals", BenchmarkGoals)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
