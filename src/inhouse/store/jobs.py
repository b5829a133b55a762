"""Records of background jobs."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inhouse.domain.jobs import Job, JobStatus
from inhouse.store.tables import JobRow

MAX_ROW_ID = 2**31 - 1
"""The largest id the ``jobs.id`` column holds on every database (INTEGER: 32 bits on PostgreSQL)."""

_UNFINISHED = (JobStatus.QUEUED.value, JobStatus.RUNNING.value)
_FIELDS = ("status", "progress", "message", "result", "error", "started_at", "finished_at")


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
    )


class JobRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, job: Job) -> Job:
        row = JobRow(
            kind=job.kind,
            subject=job.subject,
            engagement_id=job.engagement_id,
            submitted_by=job.submitted_by,
            submitted_by_user_id=job.submitted_by_user_id,
        )
        for name in _FIELDS:
            value = getattr(job, name)
            setattr(row, name, value.value if isinstance(value, JobStatus) else value)
        self.session.add(row)
        self.session.flush()
        job.id, job.created_at = row.id, row.created_at
        return job

    def get(self, job_id: int) -> Job | None:
        if not 1 <= job_id <= MAX_ROW_ID:  # no such row (PostgreSQL would refuse to compare)
            return None
        row = self.session.get(JobRow, job_id)
        return _job(row) if row else None

    def update(self, job: Job) -> None:
        row = self.session.get(JobRow, job.id)
        for name in _FIELDS:
            value = getattr(job, name)
            setattr(row, name, value.value if isinstance(value, JobStatus) else value)
        self.session.flush()

    def list(self, engagement_id: int | None = None, unfinished: bool = False, limit: int = 50) -> list[Job]:
        query = select(JobRow).order_by(JobRow.id.desc()).limit(limit)
        if engagement_id is not None:
            query = query.where(JobRow.engagement_id == engagement_id)
        if unfinished:
            query = query.where(JobRow.status.in_(_UNFINISHED))
        return [_job(r) for r in self.session.scalars(query)]

    def count_unfinished(self, submitted_by: str | None = None) -> int:
        """How many jobs are queued or running (of everyone, or those ``submitted_by`` queued)."""
        query = select(func.count()).select_from(JobRow).where(JobRow.status.in_(_UNFINISHED))
        if submitted_by is not None:
            query = query.where(JobRow.submitted_by == submitted_by)
        return int(self.session.scalar(query) or 0)
