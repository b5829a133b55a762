"""Periodic rescans: every linked repository queued for a scan at the times of the
``rescan_schedule`` setting (a cron expression; empty: never).

- On PostgreSQL, Procrastinate's periodic task :data:`RESCAN_TASK` (``inhouse.jobs.engine``):
  Procrastinate defers it once per due time whatever the number of workers.
- On SQLite, each in-process worker (``jobs/worker.py``) calls :meth:`RescanScheduler.tick` as
  it polls; the first worker to record the due time (a row of ``schedule_ticks``, unique per due
  time) queues the scans, the others see the row and do nothing.

Either way the scans go through the job interface with each repository's queueing lock, so a
repository whose rescan is still waiting keeps that one. A due time missed while no worker ran is
made up only if it is at most :data:`MAX_DELAY` seconds old (as Procrastinate does).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from croniter import croniter

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor
from inhouse.domain.repos import QueuedScans
from inhouse.jobs.scan import submit_all
from inhouse.services.queue import JobQueue
from inhouse.store.tables import utcnow

log = logging.getLogger(__name__)

RESCAN = "rescan"
"""The schedule's name (its ticks' ``name``)."""
RESCAN_TASK = "inhouse.rescan_all"
"""The Procrastinate task of the periodic rescans."""
MAX_DELAY = 600.0
SCHEDULER = Actor(kind="job", label="scheduler")
"""Whom the scheduled scans are queued by."""


def rescan_all(ws: Workspace, queue: JobQueue | None = None) -> QueuedScans:
    """Queue a scan of every linked repository, as the scheduler."""
    acting = ws.acting(SCHEDULER)
    done = submit_all(queue or JobQueue(acting), acting)
    log.info("scheduled rescan: %s queued, %s already waiting, %s refused", done.queued, done.waiting, done.refused)
    return done


def due_time(schedule: str, now: datetime) -> datetime:
    """The latest time at or before ``now`` the schedule names."""
    return croniter(schedule, now + timedelta(microseconds=1)).get_prev(datetime)


class RescanScheduler:
    """The in-process worker's scheduler: at most one rescan per due time, across every worker."""

    def __init__(self, ws: Workspace, queue: JobQueue, worker: str) -> None:
        self.ws, self.queue, self.worker = ws, queue, worker
        self.last: datetime | None = None

    def tick(self, now: datetime | None = None) -> QueuedScans | None:
        """Queue the rescan now due, if this worker is the first to see it; None otherwise."""
        schedule = self.ws.settings.rescan_schedule
        if not schedule:
            return None
        now = now or utcnow()
        due = due_time(schedule, now)
        if due == self.last or (now - due).total_seconds() > MAX_DELAY:
            return None
        self.last = due
        with self.ws.uow() as uow:
            if not uow.schedule_ticks.take(RESCAN, due, self.worker):
                return None  # another worker has it
            uow.commit()
        return rescan_all(self.ws, self.queue)
