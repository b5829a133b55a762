"""The dashboard's read model: what an engagement's status and page show, computed once and
stored until its data changes.

Computing an engagement's status or page reads everything stored about it (tens of
milliseconds); the portfolio needs every engagement's lights. So both are stored in
``engagement_status`` rows (``store.status_rows``) and recomputed only when a write has
raised the engagement's version, or the day or the settings they depend on changed.

A page never waits long: the portfolio computes stale statuses for at most ``budget``
seconds, shows the rest with their previous lights marked ``updating`` (or ``pending``
when none was ever computed) and leaves them to one background thread per process.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from inhouse.bootstrap import Workspace
from inhouse.errors import InhouseError
from inhouse.store.status_rows import Stored

log = logging.getLogger(__name__)

Value = dict[str, Any]  # a part's value as stored: JSON
Compute = Callable[[Workspace, int], Value]  # (workspace, engagement id) -> the value
Columns = Callable[[Value], dict[str, Any]]  # the value -> the columns to store (its part's columns)
Stamp = Callable[[Workspace], str]  # what a value depends on besides the data: the day, settings

PENDING = "computing the status lights: reload in a few seconds"


class _Unread:
    """``Model.current``'s default: the caller has not read the engagement's row."""


_UNREAD = _Unread()


class Model:
    """One part of the read model (``store.status_rows.PARTS``): how to compute, store and stamp it."""

    def __init__(
        self,
        part: str,
        compute: Compute,
        columns: Columns,
        stamp: Stamp,
        slim: Callable[[Value], Value] | None = None,
    ) -> None:
        self.part, self.compute, self.columns, self.stamp = part, compute, columns, stamp
        self.slim: Callable[[Value], Value] = slim or (lambda value: value)

    def current(
        self, ws: Workspace, engagement_id: int, stamp: str | None = None, stored: Stored | None | _Unread = _UNREAD
    ) -> Value:
        """The engagement's value: the stored one when current, else computed and stored.
        ``stored``: the engagement's row (``StatusRows.read(part, full=True)``) when the caller
        has just read it (None: it has none)."""
        stamp = stamp or self.stamp(ws)
        if isinstance(stored, _Unread):
            with ws.uow() as uow:
                stored = uow.status_rows.read(self.part, [engagement_id], full=True).get(engagement_id)
        if stored is not None and stored.current(stamp) and stored.value is not None:
            return stored.value
        return self.rebuild(ws, engagement_id, stamp, stored)

    def rebuild(self, ws: Workspace, engagement_id: int, stamp: str, stored: Stored | None) -> Value:
        """The engagement's value computed afresh and stored in place of ``stored`` (its row as
        read, None when it has none): also for a stored value an older version wrote in another
        shape."""
        value = self.compute(ws, engagement_id)
        with ws.uow() as uow:
            if uow.status_rows.save(
                self.part, engagement_id, stored.version if stored else None, stamp, **self.columns(value)
            ):
                uow.commit()
        return value

    def many(self, ws: Workspace, engagement_ids: list[int], budget: float = 0.5) -> dict[int, Value]:
        """The slim value of each engagement; stale ones are computed for at most ``budget`` seconds,
        the others come back ``updating`` (their previous value) or ``pending`` and are left to the
        background thread."""
        stamp = self.stamp(ws)
        with ws.uow() as uow:
            stored = uow.status_rows.read(self.part, engagement_ids)
        out: dict[int, Value] = {}
        deadline = time.monotonic() + budget
        left = False
        for eid in engagement_ids:
            row = stored.get(eid)
            if row is not None and row.current(stamp) and row.value is not None:
                out[eid] = row.value
            elif time.monotonic() < deadline:
                out[eid] = self.slim(self.current(ws, eid, stamp))
            else:
                left = True
                out[eid] = (
                    {**row.value, "updating": True}
                    if row is not None and row.value
                    else {"measured": False, "pending": True, "why": PENDING, "lights": [], "next_actions": []}
                )
        if left:
            self.schedule(ws)
        return out

    def refresh(self, ws: Workspace) -> int:
        """Compute and store every stale value; returns how many were stale."""
        stamp = self.stamp(ws)
        with ws.uow() as uow:
            stale = uow.status_rows.stale(self.part, stamp)
        random.shuffle(stale)  # several server processes then mostly share the work
        for eid in stale:
            self.current(ws, eid, stamp)
        return len(stale)

    def schedule(self, ws: Workspace) -> None:
        """Refresh the stale values in this process's background thread (started when needed)."""
        key = (ws.settings.database_url, self.part)
        with _lock:
            _again.add(key)
            thread = _threads.get(key)
            if thread is not None and thread.is_alive():
                return
            thread = threading.Thread(
                target=self._loop, args=(ws, key), name=f"inhouse-refresh-{self.part}", daemon=True
            )
            _threads[key] = thread
        thread.start()

    def _loop(self, ws: Workspace, key: tuple[str, str]) -> None:
        while True:
            with _lock:
                if key not in _again:
                    _threads.pop(key, None)
                    return
                _again.discard(key)
            try:
                self.refresh(ws)
            except InhouseError as exc:
                log.warning("%s refresh: %s", self.part, exc.message)
            except Exception:  # a background thread must log, not die silently
                log.exception("%s refresh failed", self.part)


_lock = threading.Lock()
_threads: dict[tuple[str, str], threading.Thread] = {}
_again: set[tuple[str, str]] = set()


def wait_idle(timeout: float = 30.0) -> bool:
    """Wait until no background refresh runs (tests, and a clean shutdown)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _lock:
            threads = [t for t in _threads.values() if t.is_alive()]
        if not threads:
            return True
        threads[0].join(timeout=max(0.0, deadline - time.monotonic()))
    return False
