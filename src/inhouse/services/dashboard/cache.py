"""A cache of computed engagement statuses, keyed by what they are computed from.

The status service computes an engagement's lights from everything stored about it
(tens of milliseconds each); the portfolio needs them for every engagement. A status is
reused while the engagement's fingerprint (counts, newest ids and edited text lengths of
the rows it reads, see ``store.dashboard.fingerprints``) and the day are unchanged.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Callable

_lock = threading.Lock()
_entries: dict[tuple[str, int], tuple[tuple, dict]] = {}
MAX_ENTRIES = 10_000


def cached(database: str, engagement_id: int, fingerprint: tuple, compute: Callable[[], dict]) -> dict:
    key = (database, engagement_id)
    stamp = (fingerprint, date.today().isoformat())
    with _lock:
        entry = _entries.get(key)
    if entry is not None and entry[0] == stamp:
        return entry[1]
    value = compute()
    with _lock:
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        _entries[key] = (stamp, value)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
