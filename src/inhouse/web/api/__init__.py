"""The JSON API: everything the pages show, and the same changes the forms make.

Errors have one shape: ``{"error": {"type": "NotFound", "message": "..."}}``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from inhouse.web.api import (
    contracts,
    documents,
    edits,
    engagements,
    jobs,
    journal,
    me,
    partners,
    register,
    repos,
    reviews,
    trash,
)


class ErrorBody(BaseModel):
    type: str = Field(description="The error class: NotFound, InvalidInput, Conflict, TooLarge, ...")
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (401, 403, 404, 409, 413, 422, 501, 503)
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

for _part in (me, engagements, register, journal, documents, contracts, partners, jobs, repos, reviews, edits, trash):
    router.include_router(_part.router)
