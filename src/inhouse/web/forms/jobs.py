"""Form posts for background scans and the control of a job (cancel, retry)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from inhouse.domain.knowledge import LeaversIn
from inhouse.domain.shapes import validated
from inhouse.jobs.scan import submit_scan
from inhouse.web.deps import WS, JobId, Runner
from inhouse.web.forms.common import Optional, split_lines, to

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/scans")
def start_scan(
    ws: WS,
    runner: Runner,
    ref: str,
    repo: Optional = "",
    leaves: Optional = "",
    inactive_days: Optional = "",
    gone_after: Optional = "",
) -> RedirectResponse:
    """A scan, with the chosen-leavers fields of the knowledge section's simulation form when filled."""
    leavers = validated(
        LeaversIn,
        leaves=split_lines(leaves),
        inactive_days=inactive_days.strip() or None,
        gone_after=gone_after.strip() or None,
    )
    job = submit_scan(runner, ws, ref, repo or None, leavers=leavers)
    return to(f"/engagements/{ref}?job={job.id}#jobs")


@router.post("/jobs/{job_id}/cancel")
def cancel_job(ws: WS, runner: Runner, job_id: JobId) -> RedirectResponse:
    runner.cancel(ws, job_id)
    return to(f"/jobs/{job_id}")


@router.post("/jobs/{job_id}/retry")
def retry_job(ws: WS, runner: Runner, job_id: JobId) -> RedirectResponse:
    runner.retry(ws, job_id)
    return to(f"/jobs/{job_id}")
