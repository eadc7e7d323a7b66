"""Pausing the cyclic garbage collector while a dataset's many objects are made.

Loading a dataset, or building its indexes, makes hundreds of thousands of objects and no
garbage cycles; with the collector on, it would walk them again and again (and the whole
dataset with them), most of the time of a large load.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_gc_lock = threading.Lock()
_gc_pauses = 0  # pauses under way, in any thread
_gc_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off while objects are made, then restore it.

    The collector is one switch for the whole process, so pauses in several threads share
    one pause: the last to finish restores the setting found by the first, even on error.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
