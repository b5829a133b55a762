"""JSON API: the regulator's register of an engagement (DORA register of information, template B_07.01)."""

from __future__ import annotations

from fastapi import APIRouter

from inhouse.domain.register import RegisterAssessment
from inhouse.services import register
from inhouse.web.deps import WS

router = APIRouter()


@router.get(
    "/engagements/{ref}/register",
    summary="The register of information's assessment (template B_07.01), each column with its value and reason",
)
def engagement_register(ws: WS, ref: str) -> RegisterAssessment:
    return register.register(ws, ref)
