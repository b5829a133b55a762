"""JSON API: Background scans and their jobs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from inhouse.jobs.scan import submit_scan
from inhouse.services import jobs as job_service
from inhouse.web.deps import WS, Runner

router = APIRouter()

Json = dict[str, Any]


@router.post("/engagements/{ref}/scans", status_code=202, summary="Scan a repository in the background")
def start_scan(ws: WS, runner: Runner, ref: str, repo: str | None = Query(None)) -> Json:
    return submit_scan(runner, ws, ref, repo)


@router.get("/engagements/{ref}/jobs", summary="The engagement's recent background jobs")
def engagement_jobs(ws: WS, ref: str) -> list[Json]:
    return job_service.list_for(ws, ref)


@router.get("/jobs/{job_id}", summary="One background job: status and progress")
def job(ws: WS, job_id: int) -> Json:
    return job_service.get(ws, job_id)
