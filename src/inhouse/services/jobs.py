"""Background jobs as records: created queued, moved to running, finished done or failed.

The runner (``inhouse.jobs``) does the work in a thread; pages read the state from here.
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import Job, JobStatus
from inhouse.errors import NotFound
from inhouse.services import lookup
from inhouse.store.tables import utcnow


def _iso(value) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def job_dict(job: Job) -> dict:
    return {
        "id": job.id,
        "kind": job.kind,
        "subject": job.subject,
        "engagement_id": job.engagement_id,
        "status": job.status.value,
        "finished": job.status.finished,
        "progress": round(job.progress, 4),
        "message": job.message,
        "result": job.result,
        "error": job.error,
        "created_at": _iso(job.created_at),
        "started_at": _iso(job.started_at),
        "finished_at": _iso(job.finished_at),
    }


def create(ws: Workspace, kind: str, subject: str = "", engagement_id: int | None = None) -> dict:
    with ws.uow() as uow:
        job = uow.jobs.add(Job(kind=kind, subject=subject, engagement_id=engagement_id))
        uow.commit()
        return job_dict(job)


def _change(ws: Workspace, job_id: int, **changes) -> dict:
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}")
        for name, value in changes.items():
            setattr(job, name, value)
        uow.jobs.update(job)
        uow.commit()
        return job_dict(job)


def start(ws: Workspace, job_id: int) -> dict:
    return _change(ws, job_id, status=JobStatus.RUNNING, started_at=utcnow(), message="started")


def progress(ws: Workspace, job_id: int, fraction: float, message: str) -> dict:
    return _change(ws, job_id, progress=min(max(fraction, 0.0), 1.0), message=message[:2000])


def finish(ws: Workspace, job_id: int, result: dict | None, message: str = "done") -> dict:
    return _change(
        ws, job_id, status=JobStatus.DONE, progress=1.0, result=result, message=message, finished_at=utcnow()
    )


def fail(ws: Workspace, job_id: int, error: str) -> dict:
    return _change(ws, job_id, status=JobStatus.FAILED, error=error[:4000], message="failed", finished_at=utcnow())


def get(ws: Workspace, job_id: int) -> dict:
    with ws.uow() as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}")
        return job_dict(job)


def list_for(ws: Workspace, engagement: str | None = None, limit: int = 20) -> list[dict]:
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        return [job_dict(j) for j in uow.jobs.list(engagement_id, limit=limit)]


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
