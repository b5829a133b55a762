"""Deny by default: the one table of what every route needs, and the dependency that enforces it.

:data:`TABLE` names, for each ``METHOD /path`` of the app, the permission it needs and what in its
path must be within the principal's reach; ``docs/security.md`` is generated from it. The app does
not start while a route has no entry (:func:`install`). Every request goes through
:func:`authorize`: it finds who is asking (an API token on ``/api``, else the session cookie, else
the single user of a local server without accounts), refuses what the role does not allow (a
partner user gets 404, as for a record that does not exist), and for a write sent with the session
cookie checks the origin and the CSRF token.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import Scope

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Permission, Principal
from inhouse.errors import Forbidden, NotFound, Unauthenticated
from inhouse.services import access as access_service
from inhouse.services import accounts, sessions, tokens
from inhouse.web.headers import EditsHeaders

P = Permission
Reach = Literal["engagement"]
SESSION_COOKIE = "inhouse_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class Rule:
    """What a route needs: a permission, and (``reach``) a path parameter the principal must reach."""

    permission: Permission
    reach: Reach | None = None


E: Reach = "engagement"
TABLE: dict[str, Rule] = {
    # signing in and what needs no account
    "GET /healthz": Rule(P.PUBLIC),
    "GET /login": Rule(P.PUBLIC),
    "POST /login": Rule(P.PUBLIC),
    "GET /login/sso": Rule(P.PUBLIC),
    "GET /login/sso/callback": Rule(P.PUBLIC),
    "POST /logout": Rule(P.SIGNED_IN),
    "GET /docs": Rule(P.SIGNED_IN),
    "GET /openapi.json": Rule(P.SIGNED_IN),
    # pages
    "GET /": Rule(P.SIGNED_IN),  # the portfolio; a partner user's own engagements and weekly review form
    "GET /engagements/{ref}": Rule(P.READ, E),
    "GET /engagements/{ref}/report": Rule(P.READ, E),
    "GET /engagements/{ref}/register.csv": Rule(P.READ, E),  # as the engagement page that shows it
    "GET /partners": Rule(P.READ_PARTNERS),
    "GET /documents/{document_id}": Rule(P.READ_CONTRACTS),
    "GET /jobs": Rule(P.READ),
    "GET /jobs/{job_id}": Rule(P.READ),
    "GET /admin/audit": Rule(P.ADMIN),
    "GET /admin/users": Rule(P.ADMIN),
    # CSV downloads of the pages' tables: the permission of the page each link is on
    "GET /partners.csv": Rule(P.READ_PARTNERS),
    "GET /engagements/{ref}/reviews.csv": Rule(P.READ_JOURNAL, E),  # also on a partner user's home
    "GET /engagements/{ref}/decisions.csv": Rule(P.READ_JOURNAL, E),
    "GET /engagements/{ref}/drills.csv": Rule(P.READ_JOURNAL, E),
    "GET /engagements/{ref}/tasks.csv": Rule(P.READ, E),
    "GET /engagements/{ref}/assets.csv": Rule(P.READ, E),
    "GET /engagements/{ref}/files-at-risk.csv": Rule(P.READ, E),
    "GET /engagements/{ref}/jobs.csv": Rule(P.READ, E),
    # form posts
    "POST /engagements/{ref}/reviews": Rule(P.WRITE_JOURNAL, E),
    "POST /engagements/{ref}/reviews/{review_id}": Rule(P.WRITE_JOURNAL, E),
    "POST /engagements/{ref}/reviews/{review_id}/confirmation": Rule(P.CONFIRM_REVIEWS, E),
    "POST /engagements/{ref}/decisions": Rule(P.WRITE_JOURNAL, E),
    "POST /engagements/{ref}/decisions/{decision_id}": Rule(P.WRITE_JOURNAL, E),
    "POST /engagements/{ref}/drills": Rule(P.WRITE_DRILLS, E),
    "POST /engagements/{ref}/documents": Rule(P.UPLOAD_DOCUMENTS, E),
    "POST /engagements/{ref}/contracts": Rule(P.WRITE_CONTRACTS, E),
    "POST /engagements/{ref}/scans": Rule(P.RUN_SCANS, E),
    "POST /jobs/{job_id}/cancel": Rule(P.RUN_SCANS),  # leads and admins control every job
    "POST /jobs/{job_id}/retry": Rule(P.RUN_SCANS),
    "POST /documents/{document_id}/review": Rule(P.WRITE_CONTRACTS),
    "POST /partners": Rule(P.WRITE_PARTNERS),
    "POST /partners/{ref}/references": Rule(P.WRITE_PARTNERS),
    "POST /partners/{ref}/proposals": Rule(P.WRITE_PARTNERS),
    # edit forms (web/forms/edits.py): each with the rule of its PATCH twin
    "POST /partners/{ref}/edit": Rule(P.WRITE_PARTNERS),
    "POST /partners/{ref}/references/{reference_id}/edit": Rule(P.WRITE_PARTNERS),
    "POST /engagements/{ref}/edit": Rule(P.WRITE_ENGAGEMENTS, E),
    "POST /engagements/{ref}/phases/{phase_id}/edit": Rule(P.WRITE_ENGAGEMENTS, E),
    "POST /people/{person_id}/edit": Rule(P.WRITE_ENGAGEMENTS),
    "POST /engagements/{ref}/repos/{repo_id}/edit": Rule(P.WRITE_ENGAGEMENTS, E),
    "POST /engagements/{ref}/repos": Rule(P.WRITE_ENGAGEMENTS, E),  # link one by URL
    "POST /documents/{document_id}/edit": Rule(P.WRITE_CONTRACTS),
    "POST /engagements/{ref}/drills/{drill_id}/edit": Rule(P.WRITE_DRILLS, E),
    "POST /engagements/{ref}/tasks/edit": Rule(P.WRITE_ENGAGEMENTS, E),  # the task's key is a form field
    "POST /engagements/{ref}/assets/{asset_id}/edit": Rule(P.WRITE_ENGAGEMENTS, E),
    "POST /admin/users/{user_id}/edit": Rule(P.ADMIN),
    # the JSON API
    "GET /api/me": Rule(P.SIGNED_IN),
    "GET /api/portfolio": Rule(P.READ),
    "GET /api/engagements": Rule(P.READ),
    "GET /api/engagements/{ref}": Rule(P.READ, E),
    "GET /api/engagements/{ref}/register": Rule(P.READ, E),
    "GET /api/engagements/{ref}/journal": Rule(P.READ_JOURNAL, E),
    "POST /api/engagements/{ref}/reviews": Rule(P.WRITE_JOURNAL, E),
    "PUT /api/engagements/{ref}/reviews/{review_id}": Rule(P.WRITE_JOURNAL, E),
    "POST /api/engagements/{ref}/reviews/{review_id}/confirmation": Rule(P.CONFIRM_REVIEWS, E),
    "POST /api/engagements/{ref}/decisions": Rule(P.WRITE_JOURNAL, E),
    "PUT /api/engagements/{ref}/decisions/{decision_id}": Rule(P.WRITE_JOURNAL, E),
    "POST /api/engagements/{ref}/drills": Rule(P.WRITE_DRILLS, E),
    "POST /api/engagements/{ref}/documents": Rule(P.UPLOAD_DOCUMENTS, E),
    "POST /api/engagements/{ref}/contracts": Rule(P.WRITE_CONTRACTS, E),
    "POST /api/engagements/{ref}/scans": Rule(P.RUN_SCANS, E),
    "GET /api/engagements/{ref}/repos": Rule(P.READ, E),
    "POST /api/engagements/{ref}/repos": Rule(P.WRITE_ENGAGEMENTS, E),  # linking one by URL
    "GET /api/engagements/{ref}/jobs": Rule(P.READ, E),
    "GET /api/engagements/{ref}/review-sharing": Rule(P.READ, E),
    "POST /api/engagements/{ref}/repos/{repo_id}/reviews": Rule(P.WRITE_ENGAGEMENTS, E),  # a saved bundle
    "GET /api/jobs": Rule(P.READ),
    "GET /api/jobs/{job_id}": Rule(P.READ),
    "POST /api/jobs/{job_id}/cancel": Rule(P.RUN_SCANS),
    "POST /api/jobs/{job_id}/retry": Rule(P.RUN_SCANS),
    "GET /api/documents/{document_id}": Rule(P.READ_CONTRACTS),
    "GET /api/engagements/{ref}/contract/versions": Rule(P.READ_CONTRACTS, E),
    "GET /api/engagements/{ref}/contract/diff": Rule(P.READ_CONTRACTS, E),
    "POST /api/documents/{document_id}/review": Rule(P.WRITE_CONTRACTS),
    "GET /api/partners": Rule(P.READ_PARTNERS),
    "GET /api/partners/{ref}/proposals/versions": Rule(P.READ_PARTNERS),
    "GET /api/partners/{ref}/proposals/diff": Rule(P.READ_PARTNERS),
    "POST /api/partners": Rule(P.WRITE_PARTNERS),
    "POST /api/partners/{ref}/references": Rule(P.WRITE_PARTNERS),
    "POST /api/partners/{ref}/proposals": Rule(P.WRITE_PARTNERS),
    # edits (PATCH: only the fields given change; web/api/edits.py)
    "PATCH /api/partners/{ref}": Rule(P.WRITE_PARTNERS),
    "PATCH /api/partners/{ref}/references/{reference_id}": Rule(P.WRITE_PARTNERS),
    "PATCH /api/engagements/{ref}": Rule(P.WRITE_ENGAGEMENTS, E),
    "PATCH /api/engagements/{ref}/phases/{phase_id}": Rule(P.WRITE_ENGAGEMENTS, E),
    "PATCH /api/people/{person_id}": Rule(P.WRITE_ENGAGEMENTS),
    "PATCH /api/engagements/{ref}/repos/{repo_id}": Rule(P.WRITE_ENGAGEMENTS, E),
    "PATCH /api/documents/{document_id}": Rule(P.WRITE_CONTRACTS),
    "PATCH /api/engagements/{ref}/reviews/{review_id}": Rule(P.WRITE_JOURNAL, E),
    "PATCH /api/engagements/{ref}/decisions/{decision_id}": Rule(P.WRITE_JOURNAL, E),
    "PATCH /api/engagements/{ref}/drills/{drill_id}": Rule(P.WRITE_DRILLS, E),
    "PATCH /api/engagements/{ref}/tasks/{key}": Rule(P.WRITE_ENGAGEMENTS, E),
    "PATCH /api/engagements/{ref}/assets/{asset_id}": Rule(P.WRITE_ENGAGEMENTS, E),
    "PATCH /api/users/{user_id}": Rule(P.ADMIN),
    # deletes, into the trash (web/api/trash.py, web/forms/trash.py); purging, and accounts: admins only
    "DELETE /api/partners/{ref}": Rule(P.DELETE_RECORDS),
    "DELETE /api/partners/{ref}/references/{reference_id}": Rule(P.DELETE_RECORDS),
    "DELETE /api/engagements/{ref}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/engagements/{ref}/phases/{phase_id}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/people/{person_id}": Rule(P.DELETE_RECORDS),
    "DELETE /api/engagements/{ref}/repos/{repo_id}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/documents/{document_id}": Rule(P.DELETE_RECORDS),
    "DELETE /api/engagements/{ref}/reviews/{review_id}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/engagements/{ref}/decisions/{decision_id}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/engagements/{ref}/drills/{drill_id}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/engagements/{ref}/tasks/{key}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/engagements/{ref}/assets/{asset_id}": Rule(P.DELETE_RECORDS, E),
    "DELETE /api/users/{user_id}": Rule(P.ADMIN),
    "GET /api/trash": Rule(P.DELETE_RECORDS),
    "POST /api/trash/{trash_id}/restore": Rule(P.DELETE_RECORDS),
    "DELETE /api/trash/{trash_id}": Rule(P.ADMIN),
    "GET /trash": Rule(P.DELETE_RECORDS),
    "POST /delete/{thing}/{record_id}": Rule(P.DELETE_RECORDS),
    "POST /trash/{trash_id}/restore": Rule(P.DELETE_RECORDS),
    "POST /trash/{trash_id}/purge": Rule(P.ADMIN),
    "GET /api/audit": Rule(P.ADMIN),
    "GET /api/users": Rule(P.ADMIN),
}
"""Every route of the app and what it needs (``E``: the ``{ref}`` engagement must be within reach)."""


def declared_routes(app: FastAPI) -> dict[str, APIRoute]:
    """``METHOD /path`` -> route, for every route of ``app`` (paths with their routers' prefixes)."""
    found: dict[str, APIRoute] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        for method in sorted((route.methods or set()) - {"HEAD"}):
            found[f"{method} {context.path}"] = route
    return found


def install(app: FastAPI) -> None:
    """Bind :data:`TABLE` to the app's routes; refuse to start while a route has no entry."""
    routes = declared_routes(app)
    missing = sorted(set(routes) - set(TABLE))
    if missing:
        raise RuntimeError(f"routes without a permission in inhouse.web.access.TABLE: {', '.join(missing)}")
    app.state.rules = {(key.split(" ", 1)[0], id(route)): TABLE[key] for key, route in routes.items()}


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _workspace(request: Request) -> Workspace:
    workspace: Workspace = request.app.state.workspace
    return workspace


def _identify(request: Request, ws: Workspace, allow_local: bool) -> Principal | None:
    """Who sent ``request``: an API token (``/api`` only), a session cookie, or nobody."""
    address = _address(request)
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer " and request.url.path.startswith("/api/"):
        principal = tokens.resolve(ws, header[7:], address)
        request.state.by_token = True
        return principal
    cookie = request.cookies.get(SESSION_COOKIE, "")
    found = sessions.resolve(ws, cookie, address, local=allow_local) if cookie else None
    if found is not None:
        request.state.session = found.session
        return found.principal
    if allow_local:
        started = sessions.start(ws, None, address)
        request.state.session = started.session
        request.state.new_cookie = started.cookie
        return sessions.local_principal(address, started.session.id)
    return None


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
FORWARDED = ("forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip")


def _direct_loopback(request: Request) -> bool:
    """Whether ``request`` came straight from this machine to a loopback name: not through a proxy
    (which would hand local mode to everyone who reaches the proxy), nor by another host name."""
    host = request.headers.get("host", "").lower()
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    client = request.client.host if request.client else ""
    direct = not any(header in request.headers for header in FORWARDED)
    return direct and name in LOOPBACK_NAMES and client in {"127.0.0.1", "::1"}


def local_mode(request: Request, ws: Workspace) -> bool:
    """Whether this server runs as a single user's local tool: allowed at start-up (loopback), asked
    directly from this machine (no proxy in between), and no account exists, not even a disabled
    one (disabling the last account must not open the server).

    Accounts are never deleted, so once one is seen the answer stays False without asking again."""
    state = request.app.state
    if not state.local_allowed or not _direct_loopback(request):
        return False
    if not accounts.exist(ws):
        return True
    state.local_allowed = False
    return False


def _origin(value: str) -> str:
    """``scheme://host[:port]`` in lower case, without the scheme's default port."""
    text = value.strip().lower().rstrip("/")
    for scheme, port in (("http://", ":80"), ("https://", ":443")):
        if text.startswith(scheme) and text.endswith(port):
            return text[: -len(port)]
    return text


def _check_origin(request: Request) -> None:
    """A write sent from a browser must come from one of our own pages: its ``Origin`` (or, without
    one, its ``Referer``) must be this server's. A request with neither (not a browser's form or
    script) still needs the session's CSRF token."""
    own = _origin(f"{request.url.scheme}://{request.headers.get('host', '')}")
    origin = request.headers.get("origin")
    if origin is not None:
        if _origin(origin) != own:
            raise Forbidden("cross-origin request refused (Origin does not match this server)")
        return
    referer = request.headers.get("referer")
    if referer is not None:
        parts = urlsplit(referer.strip())
        if _origin(f"{parts.scheme}://{parts.netloc}") != own:
            raise Forbidden("cross-origin request refused (Referer does not match this server)")


async def _check_csrf(request: Request) -> None:
    session = getattr(request.state, "session", None)
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").lower().startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else ""
    if session is None or not sent or not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise Forbidden("the form's CSRF token is missing or wrong: reload the page and try again")


def _refuse(principal: Principal, rule: Rule) -> None:
    if principal.is_partner:  # a partner user learns nothing of what it may not see
        raise NotFound("no such page")
    raise Forbidden(f"the {principal.role.value} role does not allow this ({rule.permission.value})")


async def authorize(request: Request) -> None:
    """The app-wide dependency: identify, check the rule, check the reach, check the CSRF token."""
    route = request.scope.get("route")
    rule: Rule | None = request.app.state.rules.get((request.method if request.method != "HEAD" else "GET", id(route)))
    if rule is None:  # not in the table: nobody may
        raise NotFound("no such page")
    ws = _workspace(request)
    if rule.permission is P.PUBLIC:
        # the sign-in form checks its own pre-session token (web.auth); its origin is checked here
        if request.method in UNSAFE:
            _check_origin(request)
        request.state.principal = await run_in_threadpool(_optional_principal, request, ws)
        return
    allow_local = await run_in_threadpool(local_mode, request, ws)
    request.state.local = allow_local
    principal = await run_in_threadpool(_identify, request, ws, allow_local)
    request.state.principal = principal
    if request.method in UNSAFE and not getattr(request.state, "by_token", False):
        _check_origin(request)
        if principal is not None:
            await _check_csrf(request)
    if principal is None:
        raise Unauthenticated("sign in first")
    if not principal.can(rule.permission):
        _refuse(principal, rule)
    if rule.reach == "engagement" and principal.is_partner:
        await run_in_threadpool(access_service.require_engagement, ws, principal, request.path_params.get("ref", ""))


def _optional_principal(request: Request, ws: Workspace) -> Principal | None:
    """Who reads a public page, when the cookie says (the login page shows 'signed in as')."""
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if not cookie:
        return None
    found = sessions.resolve(ws, cookie, _address(request), local=False)
    if found is None:
        return None
    request.state.session = found.session
    return found.principal


def principal_of(request: Request) -> Principal | None:
    principal: Principal | None = getattr(request.state, "principal", None)
    return principal


def cookie_header(request: Request, value: str, max_age: int | None) -> str:
    """A ``Set-Cookie`` value for the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS."""
    secure = request.url.scheme == "https" or request.app.state.workspace.settings.secure_cookies
    parts = [f"{SESSION_COOKIE}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


class SessionCookies(EditsHeaders):
    """Sets the cookie of a session that :func:`authorize` (or a sign-in) started during the request."""

    def edit(self, scope: Scope, headers: MutableHeaders) -> None:
        cookie = (scope.get("state") or {}).get("new_cookie")
        if cookie is not None:
            request = Request(scope)
            max_age = request.app.state.workspace.settings.session_hours * 3600 if cookie else 0
            headers.append("set-cookie", cookie_header(request, cookie, max_age))


def acting_workspace(request: Request) -> Workspace:
    """The workspace whose writes are attributed to the request's principal (the audit log's 'who')."""
    ws = _workspace(request)
    principal = principal_of(request)
    return ws.acting(principal.actor) if principal is not None else ws
