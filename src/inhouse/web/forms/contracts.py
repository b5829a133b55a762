"""Form posts for contract uploads and reviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.web import writes
from inhouse.web.deps import WS
from inhouse.web.forms.common import to
from inhouse.web.uploads import read_upload

router = APIRouter(include_in_schema=False)


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
