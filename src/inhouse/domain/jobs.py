"""Background jobs: long work (a scan, the analysis of an uploaded document) that runs while pages stay quick."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from inhouse.domain.shapes import RecordId, Shape

JobKind = Literal["scan", "contract", "proposal", "document"]
"""The kinds of background work: a repository scan, the review of an uploaded contract, the assessment of
an uploaded proposal, the review of a contract a partner user handed over."""

OVER_BUDGET = "stopped: over its time budget of {seconds:g} s"
"""The error of a job stopped (or finished too late) past the ``job_seconds`` setting."""


class JobStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.DONE, JobStatus.FAILED)


@dataclass
class Job:
    kind: str
    subject: str = ""
    engagement_id: int | None = None
    submitted_by: str = ""  # the actor's label: an e-mail, the operator's login name, 'local'
    submitted_by_user_id: int | None = None
    status: JobStatus = JobStatus.QUEUED
    progress: float = 0.0  # 0..1
    message: str = ""
    result: dict[str, Any] | None = None  # a JobResult, as stored
    error: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    id: int | None = None
    created_at: datetime | None = None


class JobResult(Shape):
    """What a finished job keeps of its work's answer: the stored result it made, in one line."""

    result_id: RecordId | None = None
    repo: str | None = None
    commits: int | None = None
    head: str | None = None
    summary: str
    document_id: RecordId | None = Field(None, description="The document a contract or proposal job stored")
    partner_id: RecordId | None = Field(None, description="The partner a proposal job assessed")
    partner: str | None = None


def to_second(value: datetime | None) -> datetime | None:
    """A moment to the second, as records show it."""
    return value.replace(microsecond=0) if value is not None else None


class JobRecord(Shape):
    """One background job as the API, the job page and the engagement page show it."""

    id: RecordId
    kind: JobKind
    subject: str
    engagement_id: RecordId | None
    submitted_by: str = Field(description="Who queued it: an e-mail, the operator's login name or 'local'")
    status: JobStatus
    finished: bool
    progress: Annotated[float, Field(ge=0.0, le=1.0)]
    message: str
    result: JobResult | None
    error: str
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def of(cls, job: Job) -> JobRecord:
        assert job.id is not None, "a stored job has an id"
        return cls.model_validate(
            {
                "id": job.id,
                "kind": job.kind,
                "subject": job.subject,
                "engagement_id": job.engagement_id,
                "submitted_by": job.submitted_by,
                "status": job.status,
                "finished": job.status.finished,
                "progress": round(job.progress, 4),
                "message": job.message,
                "result": job.result or None,
                "error": job.error,
                "created_at": to_second(job.created_at),
                "started_at": to_second(job.started_at),
                "finished_at": to_second(job.finished_at),
            }
        )
