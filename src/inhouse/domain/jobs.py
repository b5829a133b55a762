"""Background jobs: long work (a scan, the analysis of an uploaded document) that runs while pages stay quick.

Each kind of job is a named task with a typed payload (:data:`PAYLOADS`): what a worker in any
process needs to run it, never a closure. An upload is kept with its job (stored in the same
transaction as the job's row), so the payload only names it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from inhouse.domain.knowledge import LeaversIn
from inhouse.domain.shapes import RecordId, Shape

JobKind = Literal["scan", "contract", "proposal", "document"]
"""The kinds of background work: a repository scan, the review of an uploaded contract, the assessment of
an uploaded proposal, the review of a contract a partner user handed over."""

OVER_BUDGET = "stopped: over its time budget of {seconds:g} s"
"""The error of a job stopped (or finished too late) past the ``job_seconds`` setting."""


CANCELLED = "cancelled at the user's request"
"""The message of a job cancelled before or while it ran."""


class JobStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)


class ScanPayload(Shape):
    """A scan of one of an engagement's repositories (at its head, or at ``commit``)."""

    engagement_id: RecordId
    repo_id: RecordId
    commit: str | None = None
    leavers: LeaversIn | None = Field(default=None, exclude_if=lambda v: v is None)  # a chosen-leavers simulation


class ContractPayload(Shape):
    """The review of a contract uploaded for an engagement (the upload is kept with the job)."""

    engagement_id: RecordId
    file_name: str
    confirm_parties: bool = False


class DocumentPayload(Shape):
    """The review of a contract already stored as a document (handed over by a partner user)."""

    engagement_id: RecordId
    document_id: RecordId


class ProposalPayload(Shape):
    """The assessment of a proposal uploaded for a partner (the upload is kept with the job)."""

    partner_id: RecordId
    file_name: str


JobPayload = ScanPayload | ContractPayload | DocumentPayload | ProposalPayload

PAYLOADS: dict[str, type[JobPayload]] = {
    "scan": ScanPayload,
    "contract": ContractPayload,
    "document": DocumentPayload,
    "proposal": ProposalPayload,
}
"""Each job kind's payload model."""


def repository_lock(repo_id: int) -> str:
    """The lock a scan holds while it runs (and the key of its waiting rescan): one per repository."""
    return f"repo:{repo_id}"


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
    payload: dict[str, Any] | None = None  # the kind's payload model, as stored
    queue: str = "default"
    lock: str | None = None  # no two running jobs hold the same lock
    queueing_lock: str | None = None  # no two waiting jobs hold the same queueing lock
    attempts: int = 0
    max_attempts: int = 1
    run_after: datetime | None = None  # a retried job waits until then (the backoff)
    heartbeat_at: datetime | None = None
    cancel_requested: bool = False
    worker: str = ""
    engine_id: int | None = None  # the engine's own id of the job (Procrastinate's), when it has one


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
    queue: str = Field("default", description="The queue workers take it from")
    attempts: int = Field(0, description="How many times a worker started it")
    max_attempts: int = Field(1, description="How many times it may be started (transient failures are retried)")
    cancel_requested: bool = Field(False, description="Cancel was asked: a running job stops at its next checkpoint")
    worker: str = Field("", description="The worker that runs it (or ran it last)")
    heartbeat_at: datetime | None = Field(None, description="When its worker last said it is alive")

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
                "queue": job.queue,
                "attempts": job.attempts,
                "max_attempts": job.max_attempts,
                "cancel_requested": job.cancel_requested,
                "worker": job.worker,
                "heartbeat_at": to_second(job.heartbeat_at),
            }
        )
