"""Python's cyclic garbage collector, paused while a use case builds millions of small objects.

A scan mines and folds hundreds of thousands of commits into lists, tuples and records that
reference counting frees on its own; none of them form cycles worth looking for. With the
collector running, each 700 allocations start a young-generation pass and every so often a
full pass walks every live object (the whole history), which cost 25–30% of a rescan of a long
history (measured in docs/performance.md). :func:`collection_paused` turns the collector off
for the use case and back on after it, when the last of concurrent ones (threads of one
process) ends; what the use case left in cycles is collected by the next pass after that.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """The collector off while the block runs (re-entrant and safe across threads)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
