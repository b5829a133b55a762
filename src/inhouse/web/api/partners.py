"""JSON API: Partners: the comparison, partners, reference checks and proposals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, UploadFile

from inhouse.domain.jobs import JobRecord
from inhouse.domain.organisations import PartnerIn, PartnerRecord
from inhouse.domain.partners import ReferenceIn, ReferenceRecord
from inhouse.domain.shapes import Ref
from inhouse.jobs.documents import submit_proposal
from inhouse.services import partners as partner_service
from inhouse.services import partners_references
from inhouse.services.dashboard.partners import PartnerComparison, partner_comparison
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload

router = APIRouter()

PartnerRef = Annotated[Ref, Path(description="A partner's id or name")]


@router.get("/partners", summary="Partner comparison: partners, assessments, references, ranking")
def partners(ws: WS) -> PartnerComparison:
    return partner_comparison(ws)


@router.post("/partners", status_code=201, summary="Add a partner")
def add_partner(ws: WS, body: PartnerIn) -> PartnerRecord:
    return partner_service.add(ws, body)


@router.post("/partners/{ref}/references", status_code=201, summary="Add a reference check")
def add_reference(ws: WS, ref: PartnerRef, body: ReferenceIn) -> ReferenceRecord:
    return partners_references.add(ws, ref, body)


@router.post(
    "/partners/{ref}/proposals",
    status_code=202,
    summary="Upload a proposal, deck, call transcript or email thread; its assessment (its kind is detected) "
    "runs as a background job (GET /api/jobs/{id}: the document and result ids)",
)
def upload_proposal(
    ws: WS, runner: Runner, ref: PartnerRef, file: Annotated[UploadFile | None, File()] = None
) -> JobRecord:
    upload = read_upload(file, ws.settings.max_document_bytes)
    return submit_proposal(runner, ws, ref, upload)
