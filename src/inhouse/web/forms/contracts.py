"""Form posts for contract uploads and reviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.jobs.documents import submit_contract
from inhouse.services import contracts
from inhouse.web.api.contracts import DocumentId
from inhouse.web.deps import WS, Runner
from inhouse.web.forms.common import to
from inhouse.web.uploads import read_upload

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/contracts")
def upload_contract(
    ws: WS, runner: Runner, ref: str, file: Annotated[UploadFile | None, File()] = None
) -> RedirectResponse:
    upload = read_upload(file, ws.settings.max_document_bytes)
    job = submit_contract(runner, ws, ref, upload)
    return to(f"/jobs/{job.id}")


@router.post("/documents/{document_id}/review")
def review_document(ws: WS, document_id: DocumentId) -> RedirectResponse:
    contracts.review_stored(ws, document_id)
    return to(f"/documents/{document_id}")
