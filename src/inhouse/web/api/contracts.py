"""JSON API: Contracts: uploads, reviews and a document with its evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile

from inhouse.services import dashboard
from inhouse.web import writes
from inhouse.web.caching import PlainJSON
from inhouse.web.deps import WS
from inhouse.web.uploads import read_upload

router = APIRouter()

Json = dict[str, Any]


@router.post("/engagements/{ref}/contracts", status_code=201, summary="Upload a contract and review it")
def upload_contract(ws: WS, ref: str, file: Annotated[UploadFile | None, File()] = None) -> Json:
    name, content = read_upload(file, ws.settings.max_document_bytes)
    return writes.upload_contract(ws, ref, name, content)


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
