"""Form posts for partners, reference checks and proposals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.domain.organisations import PartnerIn
from inhouse.domain.partners import ReferenceIn
from inhouse.domain.shapes import validated
from inhouse.jobs.documents import submit_proposal
from inhouse.services import partners as partner_service
from inhouse.services import partners_references
from inhouse.web.api.partners import PartnerRef
from inhouse.web.deps import WS, Runner
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
    partner = validated(PartnerIn, name=name, status=status, website=website, domains=split_lines(domains), notes=notes)
    added = partner_service.add(ws, partner)
    return to(f"/partners#partner-{added.id}")


@router.post("/partners/{ref}/references")
def add_reference(
    ws: WS,
    ref: PartnerRef,
    name: Text,
    similar_scale: Optional = "unknown",
    still_running: Optional = "unknown",
    client_contact_offered: Optional = "unknown",
    notes: Optional = "",
) -> RedirectResponse:
    reference = validated(
        ReferenceIn,
        name=name,
        similar_scale=similar_scale,
        still_running=still_running,
        client_contact_offered=client_contact_offered,
        notes=notes,
    )
    added = partners_references.add(ws, ref, reference)
    return to(f"/partners#partner-{added.partner_id}")


@router.post("/partners/{ref}/proposals")
def upload_proposal(
    ws: WS, runner: Runner, ref: PartnerRef, file: Annotated[UploadFile | None, File()] = None
) -> RedirectResponse:
    upload = read_upload(file, ws.settings.max_document_bytes)
    job = submit_proposal(runner, ws, ref, upload)
    return to(f"/jobs/{job.id}")
