"""JSON API: the portfolio, the engagements and everything an engagement page shows."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from inhouse.domain.engagements import EngagementRecord
from inhouse.services import dashboard
from inhouse.services import engagements as engagement_service
from inhouse.services.dashboard.engagement import EngagementPage
from inhouse.services.dashboard.portfolio import PortfolioPage
from inhouse.web.caching import PlainJSON, page_under
from inhouse.web.deps import WS

router = APIRouter()


@router.get(
    "/portfolio",
    response_model=PortfolioPage,
    summary="The engagements with their facts and status lights, a page at a time",
)
def portfolio(ws: WS, page: int = Query(1, ge=1, le=10**6), per_page: int = Query(50, ge=1, le=500)) -> Response:
    return PlainJSON(dashboard.portfolio(ws, page=page, per_page=per_page))


@router.get("/engagements", summary="Every engagement (as `inhouse engagement list --json`)")
def engagements(ws: WS) -> list[EngagementRecord]:
    return engagement_service.list_all(ws)


@router.get(
    "/engagements/{ref}",
    response_model=EngagementPage,
    summary="Everything the engagement page shows (ref: the engagement's id or name)",
)
def engagement(request: Request, ws: WS, ref: str) -> Response:
    def build() -> tuple[Response, bool]:
        return PlainJSON(dashboard.engagement_page(ws, ref)), True

    return page_under(request, dashboard.engagement_tag(ws, ref), build)  # no tag for a name: built afresh
