"""JSON API: Partners: the comparison, partners, reference checks and proposals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from pydantic import BaseModel, Field

from inhouse.services import dashboard
from inhouse.web import writes
from inhouse.web.caching import PlainJSON
from inhouse.web.deps import WS
from inhouse.web.uploads import read_upload

router = APIRouter()

Json = dict[str, Any]


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
