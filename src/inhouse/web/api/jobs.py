"""JSON API: Background scans and their jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from inhouse.domain.jobs import JobRecord
from inhouse.domain.knowledge import LeaversIn
from inhouse.domain.shapes import MAX_TITLE
from inhouse.jobs.scan import submit_scan
from inhouse.services import jobs as job_service
from inhouse.services.dashboard import jobs_queue as dashboard_jobs
from inhouse.services.dashboard.jobs_queue import JobQueueView
from inhouse.web.deps import WS, JobId, JobLimit, JobState, Runner

router = APIRouter()

RepoRef = Annotated[
    str | None, Query(max_length=MAX_TITLE, description="Repository id or name (default: the engagement's first)")
]


@router.post(
    "/engagements/{ref}/scans",
    status_code=202,
    summary="Scan a repository in the background; the optional body chooses leavers to simulate "
    "(`leaves`: identity ids, emails or names; `inactive_days`; `gone_after`: a date)",
)
def start_scan(ws: WS, runner: Runner, ref: str, repo: RepoRef = None, body: LeaversIn | None = None) -> JobRecord:
    return submit_scan(runner, ws, ref, repo, leavers=body)


@router.get("/engagements/{ref}/jobs", summary="The engagement's recent background jobs")
def engagement_jobs(ws: WS, ref: str) -> list[JobRecord]:
    return job_service.list_for(ws, ref)


@router.get("/jobs", summary="The queue: every state's count, the limits, and the latest jobs (of one state)")
def job_queue(ws: WS, state: JobState = None, limit: JobLimit = 100) -> JobQueueView:
    return dashboard_jobs.job_queue(ws, state, limit)


@router.get("/jobs/{job_id}", summary="One background job: status and progress")
def job(ws: WS, job_id: JobId) -> JobRecord:
    return job_service.get(ws, job_id)


@router.post(
    "/jobs/{job_id}/cancel", summary="Cancel a job: a queued one at once, a running one at its next checkpoint"
)
def cancel_job(ws: WS, runner: Runner, job_id: JobId) -> JobRecord:
    return runner.cancel(ws, job_id)


@router.post("/jobs/{job_id}/retry", summary="Queue a failed or cancelled job again")
def retry_job(ws: WS, runner: Runner, job_id: JobId) -> JobRecord:
    return runner.retry(ws, job_id)
