"""Form posts for background scans."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from inhouse.jobs.scan import submit_scan
from inhouse.web.deps import WS, Runner
from inhouse.web.forms.common import Optional, to

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/scans")
def start_scan(ws: WS, runner: Runner, ref: str, repo: Optional = "") -> RedirectResponse:
    job = submit_scan(runner, ws, ref, repo or None)
    return to(f"/engagements/{ref}?job={job.id}#jobs")
