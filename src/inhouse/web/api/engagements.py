"""JSON API: the portfolio, the engagements and everything an engagement page shows."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from inhouse.services import dashboard
from inhouse.services import engagements as engagement_service
from inhouse.web.caching import PlainJSON, tagged_page
from inhouse.web.deps import WS

router = APIRouter()

Json = dict[str, Any]


@router.get("/portfolio", summary="The engagements with their facts and status lights, a page at a time")
def portfolio(ws: WS, page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=500)) -> Json:
    return PlainJSON(dashboard.portfolio(ws, page=page, per_page=per_page))


@router.get("/engagements", summary="Every engagement (as `inhouse engagement list --json`)")
def engagements(ws: WS) -> list[Json]:
    return engagement_service.list_all(ws)


@router.get("/engagements/{ref}", summary="Everything the engagement page shows")
def engagement(request: Request, ws: WS, ref: str) -> Json:
    def build() -> tuple[PlainJSON, bool]:
        return PlainJSON(dashboard.engagement_page(ws, ref)), True

    tag = dashboard.engagement_tag(ws, ref)
    return build()[0] if tag is None else tagged_page(request, lambda: dashboard.engagement_tag(ws, ref), build, tag)
