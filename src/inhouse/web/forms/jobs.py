"""Form posts for background scans and the control of a job (cancel, retry)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from inhouse.jobs.scan import submit_scan
from inhouse.web.deps import WS, JobId, Runner
from inhouse.web.forms.common import Optional, to

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/scans")
def start_scan(ws: WS, runner: Runner, ref: str, repo: Optional = "") -> RedirectResponse:
    job = submit_scan(runner, ws, ref, repo or None)
    return to(f"/engagements/{ref}?job={job.id}#jobs")


@router.post("/jobs/{job_id}/cancel")
def cancel_job(ws: WS, runner: Runner, job_id: JobId) -> RedirectResponse:
    runner.cancel(ws, job_id)
    return to(f"/jobs/{job_id}")


@router.post("/jobs/{job_id}/retry")
def retry_job(ws: WS, runner: Runner, job_id: JobId) -> RedirectResponse:
    runner.retry(ws, job_id)
    return to(f"/jobs/{job_id}")
