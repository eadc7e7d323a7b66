"""The versions of the library, of the data file format and of the bundled data.

They are plain constants, not read from ``data/dataset.toml`` when asked for (through a
module-level ``__getattr__``, say), because importing the package must read no file: a
constant costs nothing, and ``tests/test_schema.py`` checks that these agree with the
bundled ``dataset.toml``, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

__all__ = ["FORMAT_VERSION", "__data_reviewed__", "__data_version__", "__version__"]

#: The version of the library.
__version__ = "0.2.0"

#: The version of the data file layout this release reads and writes.
FORMAT_VERSION = 1

#: The version of the bundled data, as its ``dataset.toml`` states it.
__data_version__ = "2026.12.01"

#: The day the bundled data was last checked against its sources (ISO 8601).
__data_reviewed__ = "2026-12-01"
