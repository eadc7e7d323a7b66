"""The files of a small plugin dataset that the plugin tests install, in and out of process."""

from __future__ import annotations

import textwrap

__all__ = ["PARTNER", "SOURCES"]

PARTNER = textwrap.dedent("""
    [partner]
    alpha2 = "QZ"
    name = "Plugland"
    region = "global"
    sources = ["plugin-source"]

    [[memberships]]
    programme = "pfp"
    joined = "2001-02-03"
    sources = ["plugin-source", "caliber-agencies-visit"]
""")
SOURCES = textwrap.dedent("""
    [[sources]]
    id = "plugin-source"
    title = "A plugin's own source"
    publisher = "Plugin"
    url = "https://example.org/plugin"
""")
