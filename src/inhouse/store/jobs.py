"""Records of background jobs, and the queue operations the in-process worker runs on them: claim a
queued job (in one transaction, skipping jobs whose lock a running job holds), heartbeat, find the
stalled ones."""

from __future__ import annotations

import builtins
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from inhouse.domain.jobs import Job, JobStatus
from inhouse.store.tables import JobRow

MAX_ROW_ID = 2**31 - 1
"""The largest id the ``jobs.id`` column holds on every database (INTEGER: 32 bits on PostgreSQL)."""

_UNFINISHED = (JobStatus.QUEUED.value, JobStatus.RUNNING.value)
_FIELDS = (
    "status", "progress", "message", "result", "error", "started_at", "finished_at", "payload", "queue", "lock",
    "queueing_lock", "attempts", "max_attempts", "run_after", "heartbeat_at", "cancel_requested", "worker",
    "engine_id",
)  # fmt: skip


def _job(row: JobRow) -> Job:
    return Job(
        kind=row.kind,
        subject=row.subject,
        engagement_id=row.engagement_id,
        submitted_by=row.submitted_by,
        submitted_by_user_id=row.submitted_by_user_id,
        status=JobStatus(row.status),
        progress=row.progress,
        message=row.message,
        result=row.result,
        error=row.error,
        started_at=row.started_at,
        finished_at=row.finished_at,
        id=row.id,
        created_at=row.created_at,
        payload=row.payload,
        queue=row.queue,
        lock=row.lock,
        queueing_lock=row.queueing_lock,
        attempts=row.attempts,
        max_attempts=row.max_attempts,
        run_after=row.run_after,
        heartbeat_at=row.heartbeat_at,
        cancel_requested=row.cancel_requested,
        worker=row.worker,
        engine_id=row.engine_id,
    )


def _set(row: JobRow, job: Job) -> None:
    for name in _FIELDS:
        value = getattr(job, name)
        setattr(row, name, value.value if isinstance(value, JobStatus) else value)


class JobRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, job: Job, upload: tuple[str, bytes] | None = None) -> Job:
        """Store ``job`` (and the file it works on, kept with it until it is done)."""
        row = JobRow(
            kind=job.kind,
            subject=job.subject,
            engagement_id=job.engagement_id,
            submitted_by=job.submitted_by,
            submitted_by_user_id=job.submitted_by_user_id,
        )
        _set(row, job)
        if upload is not None:
            row.upload_name, row.upload = upload
        self.session.add(row)
        self.session.flush()
        job.id, job.created_at = row.id, row.created_at
        return job

    def get(self, job_id: int) -> Job | None:
        if not 1 <= job_id <= MAX_ROW_ID:  # no such row (PostgreSQL would refuse to compare)
            return None
        row = self.session.get(JobRow, job_id)
        return _job(row) if row else None

    def upload(self, job_id: int) -> tuple[str, bytes]:
        """The file kept with the job: its name and bytes (empty once the job is done)."""
        row = self.session.execute(select(JobRow.upload_name, JobRow.upload).where(JobRow.id == job_id)).one()
        return row.upload_name, bytes(row.upload)

    def drop_upload(self, job_id: int) -> None:
        self.session.execute(update(JobRow).where(JobRow.id == job_id).values(upload=b""))

    def update(self, job: Job) -> None:
        row = self.session.get(JobRow, job.id)
        assert row is not None, "an updated job exists"
        _set(row, job)
        self.session.flush()

    def list(
        self,
        engagement_id: int | None = None,
        unfinished: bool = False,
        limit: int = 50,
        status: JobStatus | None = None,
    ) -> list[Job]:
        query = select(JobRow).order_by(JobRow.id.desc()).limit(limit)
        if engagement_id is not None:
            query = query.where(JobRow.engagement_id == engagement_id)
        if unfinished:
            query = query.where(JobRow.status.in_(_UNFINISHED))
        if status is not None:
            query = query.where(JobRow.status == status.value)
        return [_job(r) for r in self.session.scalars(query)]

    def count_unfinished(self, submitted_by: str | None = None) -> int:
        """How many jobs are queued or running (of everyone, or those ``submitted_by`` queued)."""
        query = select(func.count()).select_from(JobRow).where(JobRow.status.in_(_UNFINISHED))
        if submitted_by is not None:
            query = query.where(JobRow.submitted_by == submitted_by)
        return int(self.session.scalar(query) or 0)

    def count_by_status(self) -> dict[JobStatus, int]:
        """How many jobs are in each state (every state, zero included), in one query."""
        found = dict(self.session.execute(select(JobRow.status, func.count()).group_by(JobRow.status)).tuples().all())
        return {status: int(found.get(status.value, 0)) for status in JobStatus}

    def waiting(self, queueing_lock: str) -> Job | None:
        """The queued job holding ``queueing_lock``, if any."""
        query = select(JobRow).where(JobRow.status == JobStatus.QUEUED.value, JobRow.queueing_lock == queueing_lock)
        row = self.session.scalars(query).first()
        return _job(row) if row else None

    # ---- the in-process engine's queue ----

    def claimable(self, queues: builtins.list[str] | None, now: datetime, limit: int = 10) -> builtins.list[int]:
        """Ids of queued jobs a worker may start now, oldest first: due, not cancelled, with a
        payload, and no running job holding their lock."""
        running = aliased(JobRow)
        held = select(running.id).where(running.status == JobStatus.RUNNING.value, running.lock == JobRow.lock)
        query = (
            select(JobRow.id)
            .where(
                JobRow.status == JobStatus.QUEUED.value,
                JobRow.payload.is_not(None),
                JobRow.engine_id.is_(None),
                or_(JobRow.run_after.is_(None), JobRow.run_after <= now),
                or_(JobRow.lock.is_(None), ~held.exists()),
            )
            .order_by(JobRow.id)
            .limit(limit)
        )
        if queues:
            query = query.where(JobRow.queue.in_(queues))
        return list(self.session.scalars(query))

    def claim(self, job_id: int, worker: str, now: datetime) -> bool:
        """Move the queued job to running for ``worker``; False when another worker took it first
        (or a running job took its lock: the transaction is then rolled back)."""
        try:
            done = self.session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status == JobStatus.QUEUED.value)
                .values(
                    status=JobStatus.RUNNING.value,
                    worker=worker,
                    heartbeat_at=now,
                    started_at=now,
                    attempts=JobRow.attempts + 1,
                    message="started",
                )
            )
        except IntegrityError:  # its lock is held by a job another worker started meanwhile
            self.session.rollback()
            return False
        return bool(getattr(done, "rowcount", 0))

    def heartbeat(self, job_ids: builtins.list[int], worker: str, now: datetime) -> None:
        if job_ids:
            self.session.execute(
                update(JobRow)
                .where(JobRow.id.in_(job_ids), JobRow.worker == worker, JobRow.status == JobStatus.RUNNING.value)
                .values(heartbeat_at=now)
            )

    def set_progress(self, job_id: int, fraction: float, message: str, now: datetime) -> None:
        """A running job's progress (a heartbeat too), touching nothing else (a cancel asked meanwhile stays)."""
        self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.status == JobStatus.RUNNING.value)
            .values(progress=fraction, message=message, heartbeat_at=now)
        )

    def cancel_queued(self, job_id: int, now: datetime, error: str) -> bool:
        """Cancel the job if it is still queued (False when a worker has started it)."""
        done = self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.status == JobStatus.QUEUED.value)
            .values(
                status=JobStatus.CANCELLED.value, cancel_requested=True, message="cancelled", error=error,
                finished_at=now,
            )
        )  # fmt: skip
        return bool(getattr(done, "rowcount", 0))

    def set_engine_id(self, job_id: int, engine_id: int) -> None:
        self.session.execute(update(JobRow).where(JobRow.id == job_id).values(engine_id=engine_id))

    def request_cancel(self, job_id: int) -> None:
        self.session.execute(update(JobRow).where(JobRow.id == job_id).values(cancel_requested=True))

    def cancel_requested(self, job_id: int) -> bool:
        return bool(self.session.scalar(select(JobRow.cancel_requested).where(JobRow.id == job_id)))

    def stalled(self, before: datetime) -> builtins.list[Job]:
        """Running jobs of the in-process engine whose worker's last heartbeat is older than ``before``."""
        query = select(JobRow).where(
            JobRow.status == JobStatus.RUNNING.value,
            JobRow.engine_id.is_(None),
            or_(JobRow.heartbeat_at.is_(None), JobRow.heartbeat_at < before),
        )
        return [_job(r) for r in self.session.scalars(query)]

    def requeue(self, job: Job) -> bool:
        """Put the job back in the queue (a retry); False when a waiting job already holds its
        queueing lock (the transaction is then rolled back)."""
        try:
            self.update(job)
        except IntegrityError:
            self.session.rollback()
            return False
        return True
