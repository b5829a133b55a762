"""The JSON API: everything the pages show, and the same changes the forms make.

Errors have one shape: ``{"error": {"type": "NotFound", "message": "..."}}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from pydantic import BaseModel, Field

from inhouse.jobs.scan import submit_scan
from inhouse.services import dashboard
from inhouse.services import engagements as engagement_service
from inhouse.services import jobs as job_service
from inhouse.web import writes
from inhouse.web.caching import PlainJSON, tagged_page
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload


class ErrorBody(BaseModel):
    type: str = Field(description="The error class: NotFound, InvalidInput, Conflict, TooLarge, ...")
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (404, 409, 413, 422, 501, 503)}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

Json = dict[str, Any]


class ReviewIn(BaseModel):
    week_of: str = Field(description="Monday of the week, YYYY-MM-DD")
    done: str = Field(description="What was done")
    why: str = Field(description="Why those decisions were made")
    next: str = Field(description="What's next")
    attendees: list[str] = []


class DecisionIn(BaseModel):
    title: str
    decided_by: str = Field(description="internal, partner or joint")
    decided_on: str = Field(description="YYYY-MM-DD")
    rationale: str = ""


class DrillIn(BaseModel):
    performed_on: str = Field(description="YYYY-MM-DD")
    person: str
    modification: str
    outcome: str = Field(description="alone, with_help or stuck")
    stuck_points: list[str] = []
    training_hours: float = 0.0


class PartnerIn(BaseModel):
    name: str
    status: str = "candidate"
    website: str | None = None
    domains: list[str] = []
    notes: str = ""


class ReferenceIn(BaseModel):
    name: str = Field(description="The client or project the reference is about")
    similar_scale: str = "unknown"
    still_running: str = "unknown"
    client_contact_offered: str = "unknown"
    notes: str = ""


@router.get("/portfolio", summary="The engagements with their facts and status lights, a page at a time")
def portfolio(ws: WS, page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=500)) -> Json:
    return PlainJSON(dashboard.portfolio(ws, page=page, per_page=per_page))


@router.get("/engagements", summary="Every engagement (as `inhouse engagement list --json`)")
def engagements(ws: WS) -> list[Json]:
    return engagement_service.list_all(ws)


@router.get("/engagements/{ref}", summary="Everything the engagement page shows")
def engagement(request: Request, ws: WS, ref: str) -> Json:
    def build() -> tuple[PlainJSON, bool]:
        return PlainJSON(dashboard.engagement_page(ws, ref)), True

    tag = dashboard.engagement_tag(ws, ref)
    return build()[0] if tag is None else tagged_page(request, lambda: dashboard.engagement_tag(ws, ref), build, tag)


@router.post("/engagements/{ref}/reviews", status_code=201, summary="Add a weekly review")
def add_review(ws: WS, ref: str, body: ReviewIn) -> Json:
    return writes.add_review(ws, ref, body.week_of, body.done, body.why, body.next, body.attendees)


@router.post("/engagements/{ref}/decisions", status_code=201, summary="Record a decision")
def add_decision(ws: WS, ref: str, body: DecisionIn) -> Json:
    return writes.add_decision(ws, ref, body.title, body.decided_by, body.decided_on, body.rationale)


@router.post("/engagements/{ref}/drills", status_code=201, summary="Record a 'can we modify this alone?' drill")
def add_drill(ws: WS, ref: str, body: DrillIn) -> Json:
    return writes.add_drill(
        ws, ref, body.performed_on, body.person, body.modification, body.outcome, body.stuck_points, body.training_hours
    )


@router.post("/engagements/{ref}/contracts", status_code=201, summary="Upload a contract and review it")
def upload_contract(ws: WS, ref: str, file: Annotated[UploadFile | None, File()] = None) -> Json:
    name, content = read_upload(file, ws.settings.max_document_bytes)
    return writes.upload_contract(ws, ref, name, content)


@router.post("/engagements/{ref}/scans", status_code=202, summary="Scan a repository in the background")
def start_scan(ws: WS, runner: Runner, ref: str, repo: str | None = Query(None)) -> Json:
    return submit_scan(runner, ws, ref, repo)


@router.get("/engagements/{ref}/jobs", summary="The engagement's recent background jobs")
def engagement_jobs(ws: WS, ref: str) -> list[Json]:
    return job_service.list_for(ws, ref)


@router.get("/jobs/{job_id}", summary="One background job: status and progress")
def job(ws: WS, job_id: int) -> Json:
    return job_service.get(ws, job_id)


@router.get("/partners", summary="Partner comparison: partners, assessments, references, ranking")
def partners(ws: WS) -> Json:
    return PlainJSON(dashboard.partner_comparison(ws))


@router.post("/partners", status_code=201, summary="Add a partner")
def add_partner(ws: WS, body: PartnerIn) -> Json:
    return writes.add_partner(ws, body.name, body.status, body.website, body.domains, body.notes)


@router.post("/partners/{ref}/references", status_code=201, summary="Add a reference check")
def add_reference(ws: WS, ref: str, body: ReferenceIn) -> Json:
    return writes.add_reference(
        ws, ref, body.name, body.similar_scale, body.still_running, body.client_contact_offered, body.notes
    )


@router.post(
    "/partners/{ref}/proposals",
    status_code=201,
    summary="Upload a proposal, deck, call transcript or email thread and assess it (its kind is detected)",
)
def upload_proposal(ws: WS, ref: str, file: Annotated[UploadFile | None, File()] = None) -> Json:
    name, content = read_upload(file, ws.settings.max_document_bytes)
    return writes.upload_proposal(ws, ref, name, content)


@router.post(
    "/documents/{document_id}/review",
    status_code=201,
    summary="Review a stored contract against the five must-have clauses",
)
def review_document(ws: WS, document_id: str) -> Json:
    return writes.review_document(ws, document_id)


@router.get("/documents/{document_id}", summary="A document's text with each finding's evidence located")
def document(ws: WS, document_id: str) -> Json:
    return PlainJSON(dashboard.contract_view(ws, document_id))
