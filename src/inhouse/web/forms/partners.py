"""Form posts for partners, reference checks and proposals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.web import writes
from inhouse.web.deps import WS
from inhouse.web.forms.common import Optional, Text, split_lines, to
from inhouse.web.uploads import read_upload

router = APIRouter(include_in_schema=False)


@router.post("/partners")
def add_partner(
    ws: WS,
    name: Text,
    status: Optional = "candidate",
    website: Optional = "",
    domains: Optional = "",
    notes: Optional = "",
) -> RedirectResponse:
    partner = writes.add_partner(ws, name, status, website, split_lines(domains), notes)
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
