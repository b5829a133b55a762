"""A job's life on a worker: claimed, kept alive by heartbeats, ended done, failed, cancelled or
queued again for a retry; and the recovery of the jobs whose worker stopped (stalled).

The in-process engine claims jobs from the ``jobs`` table itself (:func:`claim_next`); Procrastinate
claims its own jobs and marks inhouse's record with :func:`begin`. Both end a run through
:func:`end`, which decides on a retry: transient failures (the database or the network unavailable)
are retried with a doubling backoff up to the job's ``max_attempts``; user errors never.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor, Role
from inhouse.domain.jobs import CANCELLED, Job, JobRecord, JobResult, JobStatus
from inhouse.errors import InhouseError, NotFound, StorageUnavailable
from inhouse.store.tables import utcnow

STALLED = "stalled: its worker stopped answering"


def transient(exc: BaseException) -> bool:
    """Whether a failure may pass by itself (worth a retry): the database or the network unavailable."""
    return isinstance(exc, StorageUnavailable | ConnectionError | TimeoutError)


def backoff(ws: Workspace, attempts: int) -> float:
    """Seconds before attempt ``attempts + 1``: the ``job_retry_seconds`` setting, doubled each time."""
    return float(ws.settings.job_retry_seconds * 2 ** max(attempts - 1, 0))


def submitter(ws: Workspace, job: Job) -> Actor:
    """Who a job acts as while it runs: the account or operator who queued it (what it stores is
    theirs, in the audit log and as a document's uploader), whichever worker process runs it."""
    address = f"job {job.id}"
    if job.submitted_by_user_id is not None:
        with ws.uow() as uow:
            account = uow.users.get(job.submitted_by_user_id)
        if account is not None:
            return Actor(kind="user", label=account.email, user_id=account.id, role=account.role, address=address)
    if job.submitted_by == "local":
        return Actor(kind="local", label="local", role=Role.ADMIN, address=address)  # as its sessions are
    return Actor(kind="operator" if job.submitted_by else "job", label=job.submitted_by or "job", address=address)


def claim_next(ws: Workspace, worker: str, queues: list[str] | None = None) -> Job | None:
    """Start the oldest queued job a worker may take now (in-process engine), for ``worker``."""
    now = utcnow()
    with ws.uow() as uow:
        candidates = uow.jobs.claimable(queues, now)
    for job_id in candidates:
        with ws.uow() as uow:
            if uow.jobs.claim(job_id, worker, now):
                uow.commit()
                return uow.jobs.get(job_id)
    return None


def begin(ws: Workspace, job_id: int, worker: str, engine_id: int | None = None) -> Job | None:
    """Mark inhouse's record of a job an engine started (None when it is gone or was cancelled)."""
    now = utcnow()
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None or job.status.finished:
            return None
        if job.cancel_requested:
            _cancelled(job, now)
            uow.jobs.update(job)
            uow.commit()
            return None
        job.status, job.worker, job.heartbeat_at, job.started_at = JobStatus.RUNNING, worker, now, now
        job.attempts += 1
        job.message = "started"
        job.engine_id = engine_id if engine_id is not None else job.engine_id
        uow.jobs.update(job)
        uow.commit()
        return job


def heartbeat(ws: Workspace, job_ids: list[int], worker: str) -> None:
    with ws.uow() as uow:
        uow.jobs.heartbeat(job_ids, worker, utcnow())
        uow.commit()


def cancel_requested(ws: Workspace, job_id: int) -> bool:
    with ws.uow() as uow:
        return uow.jobs.cancel_requested(job_id)


def submitted_at(ws: Workspace, job_id: int) -> datetime:
    """When the job was queued, to the microsecond as stored (its record shows it to the second: a
    result stored earlier in that second is not this job's)."""
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None or job.created_at is None:
            raise NotFound(f"no job {job_id}")
        return job.created_at


def upload(ws: Workspace, job_id: int) -> tuple[str, bytes]:
    """The file kept with a job (its name and bytes)."""
    with ws.uow() as uow:
        return uow.jobs.upload(job_id)


def _cancelled(job: Job, now: datetime) -> None:
    job.status, job.message, job.error, job.finished_at = JobStatus.CANCELLED, "cancelled", CANCELLED, now


def end(
    ws: Workspace,
    job_id: int,
    *,
    result: JobResult | None = None,
    error: BaseException | None = None,
    cancelled: bool = False,
    may_retry: bool = True,
) -> JobRecord:
    """Record how a run ended: done with ``result``, cancelled, or failed with ``error`` (queued
    again after a backoff when the failure is transient and attempts are left, and ``may_retry``)."""
    now = utcnow()
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}")
        if cancelled:
            _cancelled(job, now)
        elif error is None:
            job.status, job.progress, job.message, job.finished_at = JobStatus.DONE, 1.0, "done", now
            job.result = result.model_dump(mode="json") if result is not None else None
            uow.jobs.drop_upload(job_id)
        else:
            text = error.message if isinstance(error, InhouseError) else f"{type(error).__name__}: {error}"
            if may_retry and transient(error) and job.attempts < job.max_attempts:
                _queue_again(ws, job, f"retrying after: {text}"[:2000])
                if uow.jobs.requeue(job):
                    uow.commit()
                    return JobRecord.of(job)
                job = uow.jobs.get(job_id) or job
            job.status, job.message, job.error, job.finished_at = JobStatus.FAILED, "failed", text[:4000], now
        uow.jobs.update(job)
        uow.commit()
        return JobRecord.of(job)


def _queue_again(ws: Workspace, job: Job, message: str) -> None:
    job.status, job.message, job.worker = JobStatus.QUEUED, message, ""
    job.run_after = utcnow() + timedelta(seconds=backoff(ws, job.attempts))
    job.heartbeat_at = None


def recover_stalled(ws: Workspace) -> list[JobRecord]:
    """The in-process engine's running jobs whose worker has not been heard from for
    ``job_stall_seconds``: queued again while attempts are left, else failed. A job is only ever
    recovered this way, so a starting server never touches a job another process runs."""
    before = utcnow() - timedelta(seconds=ws.settings.job_stall_seconds)
    done = []
    with ws.uow() as uow:
        stalled = uow.jobs.stalled(before)
    for job in stalled:
        assert job.id is not None, "a stored job has an id"
        if (again := requeue_stalled(ws, job.id)) is not None:
            done.append(again)
    return done


def requeue_stalled(ws: Workspace, job_id: int, engine_retries: bool = False) -> JobRecord | None:
    """One stalled job queued again (or failed after its last attempt); None when it is not running.
    ``engine_retries``: the engine runs it again itself (Procrastinate), so no backoff."""
    with ws.uow() as uow:
        current = uow.jobs.get(job_id)
        if current is None or current.status is not JobStatus.RUNNING:
            return None
        if current.attempts < current.max_attempts and not current.cancel_requested:
            _queue_again(ws, current, f"{STALLED}: queued again")
            if engine_retries:
                current.run_after = None
            if uow.jobs.requeue(current):
                uow.commit()
                return JobRecord.of(current)
            current = uow.jobs.get(job_id) or current
        if current.cancel_requested:
            _cancelled(current, utcnow())
        else:
            current.status, current.message, current.error = JobStatus.FAILED, "failed", STALLED
            current.finished_at = utcnow()
        uow.jobs.update(current)
        uow.commit()
        return JobRecord.of(current)
