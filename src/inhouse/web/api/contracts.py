"""JSON API: Contracts: uploads, reviews, a document with its evidence, the versions of an
engagement's contract and what changed between two."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Query, UploadFile

from inhouse.domain.contract_diff import ContractDiff
from inhouse.domain.contracts import ContractChecked
from inhouse.domain.jobs import JobRecord
from inhouse.domain.shapes import MAX_ID
from inhouse.domain.versions import DocumentVersion
from inhouse.jobs.documents import submit_contract
from inhouse.services import contract_versions, contracts
from inhouse.services.dashboard.contracts import ContractView, contract_view
from inhouse.web.deps import WS, Runner
from inhouse.web.uploads import read_upload

router = APIRouter()

DocumentId = Annotated[int, Path(ge=1, le=MAX_ID, description="A document's id")]
ConfirmParties = "Store it even if its parties are not the engagement's client and partner"
VersionRef = Annotated[
    str | None, Query(max_length=20, description="A version: its number (2 or v2) or its document (doc:12)")
]


@router.post(
    "/engagements/{ref}/contracts",
    status_code=202,
    summary="Upload a contract (a new version of the engagement's contract); its review runs as a background "
    "job (GET /api/jobs/{id}: the document and result ids; a job whose contract names other parties fails "
    "saying so and stores nothing unless confirm_parties)",
)
def upload_contract(
    ws: WS,
    runner: Runner,
    ref: str,
    file: Annotated[UploadFile | None, File()] = None,
    confirm_parties: Annotated[bool, Form(description=ConfirmParties)] = False,
) -> JobRecord:
    upload = read_upload(file, ws.settings.max_document_bytes)
    return submit_contract(runner, ws, ref, upload, confirm_parties=confirm_parties)


@router.post(
    "/documents/{document_id}/review",
    status_code=201,
    summary="Review a stored contract against the five must-have clauses (409 when its parties are not the "
    "engagement's, unless confirm_parties)",
)
def review_document(
    ws: WS, document_id: DocumentId, confirm_parties: Annotated[bool, Query(description=ConfirmParties)] = False
) -> ContractChecked:
    return contracts.review_stored(ws, document_id, confirm_parties=confirm_parties)


@router.get(
    "/documents/{document_id}",
    summary="A document's text with each finding's evidence located; for a contract version, what changed "
    "since the reviewed version before it, or between the versions before and after",
)
def document(ws: WS, document_id: DocumentId, before: VersionRef = None, after: VersionRef = None) -> ContractView:
    return contract_view(ws, document_id, before or None, after or None)


@router.get(
    "/engagements/{ref}/contract/versions",
    summary="The versions of the engagement's contract in upload order: which one is current, and why",
)
def versions(ws: WS, ref: str) -> list[DocumentVersion]:
    return contract_versions.versions(ws, ref)


@router.get(
    "/engagements/{ref}/contract/diff",
    summary="What changed between two versions of the engagement's contract (default: the current one "
    "against the reviewed version before it), each change with both versions' evidence",
)
def diff(ws: WS, ref: str, before: VersionRef = None, after: VersionRef = None) -> ContractDiff:
    return contract_versions.diff(ws, ref, before, after)
