"""JSON API: Contracts: uploads, reviews and a document with its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, UploadFile

from inhouse.domain.contracts import ContractChecked
from inhouse.domain.jobs import JobRecord
from inhouse.domain.shapes import MAX_ID
from inhouse.jobs.documents import submit_contract
from inhouse.services import contracts
from inhouse.services.dashboard.contracts import ContractView, contract_view
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload

router = APIRouter()

DocumentId = Annotated[int, Path(ge=1, le=MAX_ID, description="A document's id")]


@router.post(
    "/engagements/{ref}/contracts",
    status_code=202,
    summary="Upload a contract; its review runs as a background job (GET /api/jobs/{id}: the document and result ids)",
)
def upload_contract(ws: WS, runner: Runner, ref: str, file: Annotated[UploadFile | None, File()] = None) -> JobRecord:
    upload = read_upload(file, ws.settings.max_document_bytes)
    return submit_contract(runner, ws, ref, upload)


@router.post(
    "/documents/{document_id}/review",
    status_code=201,
    summary="Review a stored contract against the five must-have clauses",
)
def review_document(ws: WS, document_id: DocumentId) -> ContractChecked:
    return contracts.review_stored(ws, document_id)


@router.get("/documents/{document_id}", summary="A document's text with each finding's evidence located")
def document(ws: WS, document_id: DocumentId) -> ContractView:
    return contract_view(ws, document_id)
