"""Form posts for contract uploads and reviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import RedirectResponse

from inhouse.errors import InvalidInput
from inhouse.jobs.documents import submit_contract
from inhouse.services import contracts
from inhouse.web.api.contracts import DocumentId
from inhouse.web.deps import WS, Runner
from inhouse.web.forms.common import Optional, to
from inhouse.web.uploads import read_upload

router = APIRouter(include_in_schema=False)

_YES, _NO = {"true", "on", "1", "yes"}, {"", "false", "off", "0", "no"}


def confirmed(value: str | None) -> bool:
    """The ``confirm_parties`` checkbox: ticked (true, on) or not; anything else is bad input."""
    text = (value or "").strip().lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise InvalidInput("confirm_parties: give true or false")


@router.post("/engagements/{ref}/contracts")
def upload_contract(
    ws: WS,
    runner: Runner,
    ref: str,
    file: Annotated[UploadFile | None, File()] = None,
    confirm_parties: Optional = "",
) -> RedirectResponse:
    confirm = confirmed(confirm_parties)
    upload = read_upload(file, ws.settings.max_document_bytes)
    job = submit_contract(runner, ws, ref, upload, confirm_parties=confirm)
    return to(f"/jobs/{job.id}")


@router.post("/documents/{document_id}/review")
def review_document(ws: WS, document_id: DocumentId, confirm_parties: Optional = "") -> RedirectResponse:
    contracts.review_stored(ws, document_id, confirm_parties=confirmed(confirm_parties))
    return to(f"/documents/{document_id}")
