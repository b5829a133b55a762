"""JSON API: Partners: the comparison, partners, reference checks and proposals, the versions of a
partner's proposal and what changed between two."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, Query, UploadFile

from inhouse.domain.jobs import JobRecord
from inhouse.domain.organisations import PartnerIn, PartnerRecord
from inhouse.domain.partners import ReferenceIn, ReferenceRecord
from inhouse.domain.proposal_diff import ProposalDiff
from inhouse.domain.shapes import MAX_TITLE, Ref
from inhouse.domain.versions import DocumentVersion
from inhouse.jobs.documents import submit_proposal
from inhouse.services import partners as partner_service
from inhouse.services import partners_references, proposal_versions
from inhouse.services.dashboard.partners import PartnerComparison, partner_comparison
from inhouse.web.api.contracts import VersionRef
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload

router = APIRouter()

PartnerRef = Annotated[Ref, Path(description="A partner's id or name")]
ProposalFor = Annotated[
    str | None,
    Query(
        max_length=MAX_TITLE,
        description="The engagement the proposal is for (id or name; default: the proposals naming none, "
        "else the one engagement they are for)",
    ),
]


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


@router.get(
    "/partners/{ref}/proposals/versions",
    summary="The versions of the partner's proposal in upload order: which one is current (the newest "
    "assessed, the one the scorecard reads), and why",
)
def proposal_versions_list(ws: WS, ref: PartnerRef, engagement: ProposalFor = None) -> list[DocumentVersion]:
    return proposal_versions.versions(ws, ref, engagement or None)


@router.get(
    "/partners/{ref}/proposals/diff",
    summary="What changed between two versions of the partner's proposal (default: the current one against "
    "the assessed version before it): the three signals, references, red flags, the overall assessment",
)
def proposal_diff(
    ws: WS, ref: PartnerRef, before: VersionRef = None, after: VersionRef = None, engagement: ProposalFor = None
) -> ProposalDiff:
    return proposal_versions.diff(ws, ref, before or None, after or None, engagement or None)
