"""Background jobs as records: created queued, moved to running, finished done or failed.

The runner (``inhouse.jobs``) does the work in a thread; pages read the state from here. A job is
queued only while the queue has room: at most ``jobs_queued_limit`` jobs waiting or running in all
(else :class:`QueueFull`, 503) and ``jobs_per_user`` of one account's (else :class:`TooManyJobs`,
429); the job records who queued it (the acting workspace's actor).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import Job, JobKind, JobRecord, JobResult, JobStatus
from inhouse.errors import NotFound, StorageUnavailable, TooManyRequests
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
    if uow.jobs.count_unfinished(submitted_by=ws.actor.label) >= mine:
        raise TooManyJobs(f"{ws.actor.label} has {mine} background jobs waiting or running: wait for one to finish")


def admit(ws: Workspace) -> None:
    """Raise QueueFull or TooManyJobs when a job of ``ws.actor`` would not be queued now."""
    with ws.uow() as uow:
        _admit(uow, ws)


def create(ws: Workspace, kind: JobKind, subject: str = "", engagement_id: int | None = None) -> JobRecord:
    """Queue a job for ``ws.actor``, within the queue's limits (the count and the insert in one transaction)."""
    with ws.uow() as uow:
        _admit(uow, ws)
        job = uow.jobs.add(
            Job(
                kind=kind,
                subject=subject,
                engagement_id=engagement_id,
                submitted_by=ws.actor.label,
                submitted_by_user_id=ws.actor.user_id,
            )
        )
        uow.commit()
        return JobRecord.of(job)


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


def progress(ws: Workspace, job_id: int, fraction: float, message: str) -> JobRecord:
    return _change(ws, job_id, progress=min(max(fraction, 0.0), 1.0), message=message[:2000])


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


def list_for(ws: Workspace, engagement: str | None = None, limit: int = 20) -> list[JobRecord]:
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        return records(uow.jobs.list(engagement_id, limit=limit))


def of_engagement(ws: Workspace, engagement: str | None, limit: int = 20) -> list[JobRecord]:
    """The recent jobs of the engagement ``engagement`` names (the only one when None), newest first."""
    with ws.uow() as uow:
        return records(uow.jobs.list(lookup.engagement(uow, engagement).stored_id, limit=limit))


def interrupt_unfinished(ws: Workspace, running: set[int] | frozenset[int] = frozenset()) -> int:
    """Mark jobs a previous process left queued or running as failed (their thread is gone);
    ``running`` names the jobs this process is still working on."""
    with ws.uow() as uow:
        stale = [job for job in uow.jobs.list(unfinished=True, limit=10_000) if job.id not in running]
        for job in stale:
            job.status, job.error, job.finished_at = JobStatus.FAILED, "interrupted: the server stopped", utcnow()
            job.message = "interrupted"
            uow.jobs.update(job)
        uow.commit()
        return len(stale)
