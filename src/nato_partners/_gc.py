"""Pausing the cyclic garbage collector while a dataset's many objects are made.

Loading a dataset, or building its indexes, makes hundreds of thousands of objects and no
garbage cycles; with the collector on, it would walk them again and again (and the whole
dataset with them), most of the time of a large load. Once the records are made, one walk
over them while they are held in the order they were made costs half a walk left to the
end (see :func:`collect_young`).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collect_young", "collector_paused"]

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


def collect_young() -> None:
    """Walk the objects made since the pause began now, if the collector was on before it.

    Meant for the moment a dataset's records are all held by lists made before them: the
    collector then finds each record reachable as it comes to it. Left to the end of the
    pause, it would meet the records before the indexes made after them, set each one
    aside as unreachable and then take it back, which costs twice the walk.
    """
    if _gc_was_enabled and _gc_pauses:
        gc.collect(0)
