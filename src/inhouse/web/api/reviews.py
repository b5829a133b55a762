"""JSON API: code review as knowledge transfer (pull/merge request reviews of the linked repositories)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, UploadFile

from inhouse.domain.code_reviews import MAX_BUNDLE_BYTES, ReviewImport, ReviewSharing
from inhouse.services import code_reviews
from inhouse.web.deps import WS
from inhouse.web.uploads import read_upload

router = APIRouter()


@router.get(
    "/engagements/{ref}/review-sharing",
    summary="Partner changes reviewed inside and the review-sharing index by period and organisation "
    "(as `inhouse review sharing --json`); period: month or quarter",
)
def review_sharing(ws: WS, ref: str, period: str = "quarter") -> ReviewSharing:
    return code_reviews.sharing(ws, ref, period)


@router.post(
    "/engagements/{ref}/repos/{repo_id}/reviews",
    status_code=201,
    summary="Import a saved review bundle (GitHub or GitLab API JSON, docs/knowledge-models.md) into a "
    "linked repository (as `inhouse review import-prs FILE --json`); a re-import updates",
)
def import_reviews(
    ws: WS,
    ref: str,
    repo_id: Annotated[int, Path(ge=1, description="The linked repository's id")],
    file: Annotated[UploadFile | None, File()] = None,
) -> ReviewImport:
    upload = read_upload(file, MAX_BUNDLE_BYTES, (".json",))
    return code_reviews.import_prs(ws, str(repo_id), engagement=ref, upload=upload)
