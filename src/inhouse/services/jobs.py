"""Background jobs as records: created queued, moved to running, finished done, failed or cancelled.

The job interface (``services/queue.py``) queues them; a worker (``inhouse.jobs``) runs them; pages
read the state from here. A job is
queued only while the queue has room: at most ``jobs_queued_limit`` jobs waiting or running in all
(else :class:`QueueFull`, 503) and ``jobs_per_user`` of one account's (else :class:`TooManyJobs`,
429; not for the operator on the command line nor the scheduler); the job records who queued it
(the acting workspace's actor).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import CANCELLED, Job, JobKind, JobPayload, JobRecord, JobResult, JobStatus
from inhouse.errors import Conflict, NotFound, StorageUnavailable, TooManyRequests
from inhouse.services import lookup
from inhouse.store.tables import utcnow
from inhouse.store.uow import UnitOfWork


def records(jobs: Iterable[Job]) -> list[JobRecord]:
    return [JobRecord.of(job) for job in jobs]


def recent(uow: UnitOfWork, engagement_id: int, limit: int = 10) -> list[JobRecord]:
    """The engagement's latest jobs, newest first (the engagement page's list)."""
    return records(uow.jobs.list(engagement_id, limit=limit))


RETRY_SECONDS = 30
"""Seconds a client is told to wait (Retry-After) when the job queue is full."""


class QueueFull(StorageUnavailable):
    """The server has ``jobs_queued_limit`` jobs waiting or running: try again later (503)."""

    retry_after = RETRY_SECONDS


class TooManyJobs(TooManyRequests):
    """The account has ``jobs_per_user`` jobs waiting or running: wait for one to finish (429)."""

    retry_after = RETRY_SECONDS


def _admit(uow: UnitOfWork, ws: Workspace) -> None:
    limit, mine = ws.settings.jobs_queued_limit, ws.settings.jobs_per_user
    if uow.jobs.count_unfinished() >= limit:
        raise QueueFull(f"the server has {limit} background jobs waiting or running: try again later")
    if ws.actor.kind in ("user", "local") and uow.jobs.count_unfinished(submitted_by=ws.actor.label) >= mine:
        raise TooManyJobs(f"{ws.actor.label} has {mine} background jobs waiting or running: wait for one to finish")


def admit(ws: Workspace) -> None:
    """Raise QueueFull or TooManyJobs when a job of ``ws.actor`` would not be queued now."""
    with ws.uow() as uow:
        _admit(uow, ws)


def add(
    ws: Workspace,
    kind: JobKind,
    subject: str = "",
    engagement_id: int | None = None,
    *,
    payload: JobPayload | None = None,
    queue: str = "default",
    lock: str | None = None,
    queueing_lock: str | None = None,
    upload: tuple[str, bytes] | None = None,
) -> tuple[JobRecord, bool]:
    """Queue a job for ``ws.actor``, within the queue's limits (the count and the insert in one
    transaction); with an ``upload`` kept beside it. When a job holding ``queueing_lock`` is already
    waiting, that job is answered instead (False: nothing new was queued). A job without a
    ``payload`` is a record no worker takes."""
    with ws.uow() as uow:
        if queueing_lock is not None and (waiting := uow.jobs.waiting(queueing_lock)) is not None:
            return JobRecord.of(waiting), False
        _admit(uow, ws)
        job = uow.jobs.add(
            Job(
                kind=kind,
                subject=subject,
                engagement_id=engagement_id,
                submitted_by=ws.actor.label,
                submitted_by_user_id=ws.actor.user_id,
                payload=payload.model_dump(mode="json") if payload is not None else None,
                queue=queue,
                lock=lock,
                queueing_lock=queueing_lock,
                max_attempts=ws.settings.job_max_attempts,
            ),
            upload,
        )
        uow.commit()
        return JobRecord.of(job), True


def create(ws: Workspace, kind: JobKind, subject: str = "", engagement_id: int | None = None) -> JobRecord:
    """A job record of ``ws.actor``'s with no payload (no worker takes it), within the queue's limits."""
    return add(ws, kind, subject, engagement_id)[0]


def _change(
    ws: Workspace,
    job_id: int,
    *,
    status: JobStatus | None = None,
    progress: float | None = None,
    message: str | None = None,
    result: JobResult | None = None,
    error: str | None = None,
    started_at: datetime | None = None,
    finished_at: datetime | None = None,
) -> JobRecord:
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}")
        if status is not None:
            job.status = status
        if progress is not None:
            job.progress = progress
        if message is not None:
            job.message = message
        if result is not None:
            job.result = result.model_dump(mode="json")
        if error is not None:
            job.error = error
        if started_at is not None:
            job.started_at = started_at
        if finished_at is not None:
            job.finished_at = finished_at
        uow.jobs.update(job)
        uow.commit()
        return JobRecord.of(job)


def start(ws: Workspace, job_id: int) -> JobRecord:
    return _change(ws, job_id, status=JobStatus.RUNNING, started_at=utcnow(), message="started")


def progress(ws: Workspace, job_id: int, fraction: float, message: str) -> None:
    """A running job's progress (and a sign of life), leaving its other fields as they are."""
    with ws.uow() as uow:
        uow.jobs.set_progress(job_id, min(max(fraction, 0.0), 1.0), message[:2000], utcnow())
        uow.commit()


def finish(ws: Workspace, job_id: int, result: JobResult | None, message: str = "done") -> JobRecord:
    return _change(
        ws, job_id, status=JobStatus.DONE, progress=1.0, result=result, message=message, finished_at=utcnow()
    )


def fail(ws: Workspace, job_id: int, error: str) -> JobRecord:
    return _change(ws, job_id, status=JobStatus.FAILED, error=error[:4000], message="failed", finished_at=utcnow())


def get(ws: Workspace, job_id: int) -> JobRecord:
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}")
        return JobRecord.of(job)


def list_for(
    ws: Workspace, engagement: str | None = None, limit: int = 20, state: JobStatus | None = None
) -> list[JobRecord]:
    """The latest jobs (of ``engagement`` when given; in ``state`` when given), newest first."""
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        return records(uow.jobs.list(engagement_id, limit=limit, status=state))


def of_engagement(ws: Workspace, engagement: str | None, limit: int = 20) -> list[JobRecord]:
    """The recent jobs of the engagement ``engagement`` names (the only one when None), newest first."""
    with ws.uow() as uow:
        return records(uow.jobs.list(lookup.engagement(uow, engagement).stored_id, limit=limit))


def request_cancel(ws: Workspace, job_id: int) -> JobRecord:
    """Cancel a queued job at once; ask a running one to stop at its next progress checkpoint."""
    with ws.uow() as uow:
        if not uow.jobs.cancel_queued(job_id, utcnow(), CANCELLED):
            uow.jobs.request_cancel(job_id)
        uow.commit()
    return get(ws, job_id)


def queue_again(ws: Workspace, job_id: int) -> JobRecord:
    """A failed or cancelled job queued again as if new (its attempts counted afresh)."""
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}")
        job.status, job.progress, job.message, job.error, job.result = JobStatus.QUEUED, 0.0, "queued again", "", None
        job.attempts, job.cancel_requested, job.worker, job.engine_id = 0, False, "", None
        job.started_at = job.finished_at = job.run_after = job.heartbeat_at = None
        if not uow.jobs.requeue(job):
            raise Conflict(f"job {job_id} cannot be queued again: a job with its key is already waiting")
        uow.commit()
        return JobRecord.of(job)


def set_engine_id(ws: Workspace, job_id: int, engine_id: int) -> None:
    with ws.uow() as uow:
        uow.jobs.set_engine_id(job_id, engine_id)
        uow.commit()
