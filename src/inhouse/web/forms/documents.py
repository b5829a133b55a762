"""Form posts for documents uploaded for an engagement (the partner user's home page has the form)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.domain.shapes import validated
from inhouse.jobs.documents import receive
from inhouse.services.engagement_documents import DocumentIn
from inhouse.web.deps import WS, Runner
from inhouse.web.forms.common import Optional
from inhouse.web.forms.journal import back
from inhouse.web.uploads import read_upload

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/documents")
def upload_document(
    request: Request,
    ws: WS,
    runner: Runner,
    ref: str,
    file: Annotated[UploadFile | None, File()] = None,
    kind: Optional = "other",
) -> RedirectResponse:
    what = validated(DocumentIn, kind=kind or "other")
    upload = read_upload(file, ws.settings.max_document_bytes)
    received, _review = receive(runner, ws, ref, upload, what)
    return back(request, ref, "documents", f"received {received.name} ({received.bytes} bytes)")
