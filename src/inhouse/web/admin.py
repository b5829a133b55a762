"""Admin pages and their JSON: the audit log (with filters and paging) and the accounts.

Only the admin role reaches these routes (``web/access.py`` TABLE, Permission.ADMIN); nothing here
writes. The audit log has no route that edits or removes an entry.
"""

from __future__ import annotations

from typing import Annotated, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse

from inhouse.domain.accounts import UserRecord
from inhouse.domain.audit import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    RECORD_TYPES,
    ActionFilter,
    AuditAction,
    AuditPage,
    AuditQuery,
    BeforeId,
    EngagementFilter,
    Since,
    TypeFilter,
    UserFilter,
)
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.services import audit as audit_service
from inhouse.web.api import ERRORS
from inhouse.web.deps import WS

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["admin"], responses=ERRORS)
router = APIRouter()
ACTIONS = get_args(AuditAction)


def audit_query(
    since: Annotated[Since, Query(description="From this day (YYYY-MM-DD) or moment (UTC) on")] = None,
    user: Annotated[UserFilter, Query(description="Who acted: an account's e-mail, the operator's login")] = None,
    engagement: Annotated[EngagementFilter, Query(description="The engagement written to (id or name)")] = None,
    type: Annotated[TypeFilter, Query(description="The table written to")] = None,
    action: Annotated[ActionFilter, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    before_id: Annotated[BeforeId, Query(description="Only entries older than this id (the next page)")] = None,
) -> AuditQuery:
    """The audit filters of a query string (a bad value is a 422 naming its parameter)."""
    return validated(
        AuditQuery,
        since=since,
        user=user,
        engagement=engagement,
        record_type=type,
        action=action,
        limit=limit,
        before_id=before_id,
    )


Filters = Annotated[AuditQuery, Depends(audit_query)]


@api.get("/audit", summary="The audit log, newest first (admins only)")
def audit_log(ws: WS, query: Filters) -> AuditPage:
    return audit_service.list(ws, query)


@api.get("/users", summary="Every account (admins only)")
def users(ws: WS) -> list[UserRecord]:
    return accounts.list_all(ws)


def _filters(query: AuditQuery) -> dict[str, str]:
    """The query's filters as the form shows them (and the 'older' link repeats them)."""
    values = {
        "since": query.since.isoformat(timespec="minutes").removesuffix("T00:00") if query.since else "",
        "user": query.user or "",
        "engagement": query.engagement or "",
        "type": query.record_type or "",
        "action": query.action or "",
    }
    if query.limit != DEFAULT_LIMIT:
        values["limit"] = str(query.limit)
    return values


def _render(request: Request, template: str, **context: object) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context)
    return response


@pages.get("/admin/audit", response_class=HTMLResponse)
def audit_page(request: Request, ws: WS, query: Filters) -> HTMLResponse:
    page = audit_service.list(ws, query)
    filters = _filters(query)
    older = None
    if page.next_before_id is not None:
        kept = {key: value for key, value in filters.items() if value}
        older = "/admin/audit?" + urlencode({**kept, "before_id": page.next_before_id})
    return _render(
        request,
        "admin_audit.html",
        data=page.model_dump(mode="json"),
        filters=filters,
        record_types=RECORD_TYPES,
        actions=ACTIONS,
        older=older,
        page="admin",
    )


@pages.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, ws: WS) -> HTMLResponse:
    listed = [user.model_dump(mode="json") for user in accounts.list_all(ws)]
    return _render(request, "admin_users.html", users=listed, page="admin")


router.include_router(pages)
router.include_router(api)


def install(app: FastAPI) -> None:
    app.include_router(router)
