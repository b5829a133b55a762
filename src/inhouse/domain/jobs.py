"""Background jobs: long work (a scan of a large repository) that runs while pages stay quick."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any


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
    status: JobStatus = JobStatus.QUEUED
    progress: float = 0.0  # 0..1
    message: str = ""
    result: dict[str, Any] | None = None
    error: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    id: int | None = None
    created_at: datetime | None = None
