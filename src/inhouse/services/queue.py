"""The one job interface: the web, the CLI and the scheduler queue, cancel, retry and read
background jobs only through :class:`JobQueue`; which engine runs them is the ``job_engine``
setting's choice.

- ``local`` (the SQLite default): the ``jobs`` table is the queue. An in-process worker
  (``inhouse.jobs.worker``, started by the web server or by ``inhouse worker``) claims queued jobs
  in a transaction; :meth:`JobQueue.enqueue` only stores the row and wakes the workers of this process.
- ``procrastinate`` (the PostgreSQL default): the row is inhouse's record of the job and a
  Procrastinate job, deferred with the same lock and queueing lock, runs it on any
  ``inhouse worker`` (``inhouse.jobs.engine``).

Locks: a job's ``lock`` is held while it runs (no two scans of one repository at once); its
``queueing_lock`` while it waits (a second rescan of a repository with one already waiting answers
the waiting job instead of queuing another).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Literal

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Role
from inhouse.domain.jobs import JobKind, JobPayload, JobRecord, JobStatus
from inhouse.errors import Conflict, Forbidden, NotFound, StorageUnavailable
from inhouse.services import jobs as job_service
from inhouse.services import procrastinate_engine

EngineName = Literal["local", "procrastinate"]


def engine_of(ws: Workspace) -> EngineName:
    """The engine the settings choose for this workspace's database."""
    chosen = ws.settings.job_engine
    postgres = ws.engine.dialect.name == "postgresql"
    if chosen == "procrastinate" and not postgres:
        raise StorageUnavailable(
            "the procrastinate job engine needs a PostgreSQL workspace (set INHOUSE_JOB_ENGINE=local)"
        )
    if chosen == "auto":
        return "procrastinate" if postgres else "local"
    return chosen


class JobQueue:
    """Queue, cancel, retry and read jobs. ``ws`` of each call is the acting workspace (whose
    actor queued or cancels the job); the queue's own ``ws`` is the one it was built over."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.engine: EngineName = engine_of(ws)
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    # ---- queuing ----

    def enqueue(
        self,
        ws: Workspace | None,
        kind: JobKind,
        payload: JobPayload,
        subject: str = "",
        engagement_id: int | None = None,
        *,
        lock: str | None = None,
        queueing_lock: str | None = None,
        queue: str = "default",
        upload: tuple[str, bytes] | None = None,
    ) -> JobRecord:
        """Queue a job of ``kind`` with its ``payload`` for ``ws.actor``, within the queue's limits;
        answers the job already waiting with the same ``queueing_lock``, if any."""
        ws = ws or self.ws
        job, new = job_service.add(
            ws,
            kind,
            subject,
            engagement_id,
            payload=payload,
            queue=queue,
            lock=lock,
            queueing_lock=queueing_lock,
            upload=upload,
        )
        if not new:
            return job
        if self.engine == "procrastinate":
            return procrastinate_engine.defer(ws, job)
        self.wake()
        return job

    def on_enqueue(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever a job is queued or queued again (the in-process workers wake up)."""
        with self._lock:
            self._listeners.append(listener)

    def wake(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    # ---- control ----

    def cancel(self, ws: Workspace | None, job_id: int) -> JobRecord:
        """Cancel a job: a queued one at once, a running one at its next progress checkpoint
        (``cancel_requested``). Only the one who queued it, a lead or an admin may."""
        ws = ws or self.ws
        job = self.get(ws, job_id)
        _may_control(ws, job)
        if job.finished:
            raise Conflict(f"job {job_id} is already {job.status.value}")
        if self.engine == "procrastinate":
            procrastinate_engine.cancel(ws, job)
        return job_service.request_cancel(ws, job_id)

    def retry(self, ws: Workspace | None, job_id: int) -> JobRecord:
        """Queue a failed or cancelled job again, with its attempts counted afresh."""
        ws = ws or self.ws
        job = self.get(ws, job_id)
        _may_control(ws, job)
        if job.status not in (JobStatus.FAILED, JobStatus.CANCELLED):
            raise Conflict(f"job {job_id} is {job.status.value}: only a failed or cancelled job is retried")
        again = job_service.queue_again(ws, job_id)
        if self.engine == "procrastinate":
            return procrastinate_engine.defer(ws, again)
        self.wake()
        return again

    # ---- reading ----

    def get(self, ws: Workspace | None, job_id: int) -> JobRecord:
        return job_service.get(ws or self.ws, job_id)

    def list(
        self,
        ws: Workspace | None = None,
        state: JobStatus | None = None,
        engagement: str | None = None,
        limit: int = 50,
    ) -> list[JobRecord]:
        return job_service.list_for(ws or self.ws, engagement, limit=limit, state=state)

    def wait(self, job_id: int, timeout: float | None = None, interval: float = 0.02) -> JobRecord:
        """Block until the job has finished (tests, the CLI); its final state, or its state at ``timeout``."""
        deadline = time.monotonic() + (timeout if timeout is not None else 3600.0)
        while True:
            job = job_service.get(self.ws, job_id)
            if job.finished or time.monotonic() >= deadline:
                return job
            time.sleep(interval)

    def shutdown(self, wait: bool = True) -> None:
        """Nothing to stop in the interface itself (a worker attached to it stops itself)."""


def _may_control(ws: Workspace, job: JobRecord) -> None:
    """Only the one who queued a job, a lead or an admin may cancel or retry it (a partner user:
    its own jobs only, and another's answers as if it did not exist)."""
    actor = ws.actor
    if actor.kind != "user" or actor.role in (Role.ADMIN, Role.LEAD):
        return  # the operator on the command line, the local single user
    if job.submitted_by == actor.label:
        return
    if actor.role is Role.PARTNER:
        raise NotFound(f"no job {job.id}")
    raise Forbidden(f"only {job.submitted_by or 'its owner'}, a lead or an admin may change job {job.id}")
