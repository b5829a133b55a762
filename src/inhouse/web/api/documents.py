"""JSON API: documents uploaded for an engagement (a partner user's among others)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile

from inhouse.domain.shapes import validated
from inhouse.jobs.documents import receive
from inhouse.services.engagement_documents import DocumentIn, DocumentReceived
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload

router = APIRouter()


@router.post(
    "/engagements/{ref}/documents",
    status_code=201,
    summary="Upload a document for an engagement (kind contract: also reviewed for the client, in the background)",
)
def upload_document(
    ws: WS,
    runner: Runner,
    ref: str,
    file: Annotated[UploadFile | None, File()] = None,
    kind: Annotated[str, Form()] = "other",
) -> DocumentReceived:
    what = validated(DocumentIn, kind=kind or "other")
    upload = read_upload(file, ws.settings.max_document_bytes)
    received, _review = receive(runner, ws, ref, upload, what)
    return received
