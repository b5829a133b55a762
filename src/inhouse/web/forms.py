"""Form posts: each calls one write service, then redirects (303) to the page that shows the result."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.jobs.scan import submit_scan
from inhouse.web import writes
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload

router = APIRouter(include_in_schema=False)

Text = Annotated[str, Form()]
Optional = Annotated[str, Form()]


def to(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.post("/engagements/{ref}/reviews")
def add_review(
    ws: WS, ref: str, week_of: Text, done: Text, why: Text, next: Text, attendees: Optional = ""
) -> RedirectResponse:
    review = writes.add_review(ws, ref, week_of, done, why, next, writes.split_lines(attendees))
    return to(f"/engagements/{ref}#review-{review.get('week_of', week_of)}")


@router.post("/engagements/{ref}/decisions")
def add_decision(
    ws: WS, ref: str, title: Text, decided_by: Text, decided_on: Text, rationale: Optional = ""
) -> RedirectResponse:
    writes.add_decision(ws, ref, title, decided_by, decided_on, rationale)
    return to(f"/engagements/{ref}#decisions")


@router.post("/engagements/{ref}/drills")
def add_drill(
    ws: WS,
    ref: str,
    performed_on: Text,
    person: Text,
    modification: Text,
    outcome: Text,
    stuck_points: Optional = "",
    training_hours: Annotated[float, Form()] = 0.0,
) -> RedirectResponse:
    writes.add_drill(
        ws,
        ref,
        performed_on,
        person,
        modification,
        outcome,
        [line for line in stuck_points.splitlines() if line.strip()],
        training_hours,
    )
    return to(f"/engagements/{ref}#drills")


@router.post("/engagements/{ref}/contracts")
def upload_contract(ws: WS, ref: str, file: Annotated[UploadFile | None, File()] = None) -> RedirectResponse:
    name, content = read_upload(file, ws.settings.max_document_bytes)
    stored = writes.upload_contract(ws, ref, name, content)
    document_id = stored.get("document_id") or stored.get("id")
    return to(f"/documents/{document_id}" if document_id else f"/engagements/{ref}#contract")


@router.post("/documents/{document_id}/review")
def review_document(ws: WS, document_id: str) -> RedirectResponse:
    writes.review_document(ws, document_id)
    return to(f"/documents/{document_id}")


@router.post("/engagements/{ref}/scans")
def start_scan(ws: WS, runner: Runner, ref: str, repo: Optional = "") -> RedirectResponse:
    job = submit_scan(runner, ws, ref, repo or None)
    return to(f"/engagements/{ref}?job={job['id']}#jobs")


@router.post("/partners")
def add_partner(
    ws: WS,
    name: Text,
    status: Optional = "candidate",
    website: Optional = "",
    domains: Optional = "",
    notes: Optional = "",
) -> RedirectResponse:
    partner = writes.add_partner(ws, name, status, website, writes.split_lines(domains), notes)
    return to(f"/partners#partner-{partner['id']}")


@router.post("/partners/{ref}/references")
def add_reference(
    ws: WS,
    ref: str,
    name: Text,
    similar_scale: Optional = "unknown",
    still_running: Optional = "unknown",
    client_contact_offered: Optional = "unknown",
    notes: Optional = "",
) -> RedirectResponse:
    writes.add_reference(ws, ref, name, similar_scale, still_running, client_contact_offered, notes)
    return to(f"/partners#partner-{ref}")


@router.post("/partners/{ref}/proposals")
def upload_proposal(ws: WS, ref: str, file: Annotated[UploadFile | None, File()] = None) -> RedirectResponse:
    name, content = read_upload(file, ws.settings.max_document_bytes)
    writes.upload_proposal(ws, ref, name, content)
    return to(f"/partners#partner-{ref}")
