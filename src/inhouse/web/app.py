"""The app factory: one FastAPI application over one Workspace (the composition root)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from inhouse import __version__
from inhouse.bootstrap import Workspace, bootstrap
from inhouse.errors import InhouseError
from inhouse.jobs import JobRunner
from inhouse.services.dashboard import status, stored_page
from inhouse.web import access, admin, api, auth, docs, errors, exports, forms, pages, sso, trash
from inhouse.web.caching import PageCache
from inhouse.web.headers import SecurityHeaders
from inhouse.web.templating import make_templates
from inhouse.web.uploads import BodyLimit

log = logging.getLogger(__name__)


class Health(BaseModel):
    """What ``/healthz`` answers while the server runs."""

    status: Literal["ok"] = "ok"


STATIC = Path(__file__).with_name("static")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
"""Host names every server answers to; others come from the ``allowed_hosts`` setting and ``serve``."""
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def host_names(hosts: Sequence[str], allowed: Sequence[str]) -> list[str]:
    """The Host header names to answer: the loopback names, ``allowed`` (the setting) and the
    addresses ``serve`` binds to (an IPv6 address also in brackets, as a Host header has it)."""
    names: list[str] = list(LOOPBACK_HOSTS)
    for host in [*allowed, *hosts]:
        host = host.strip().lower()
        if host in WILDCARD_ADDRESSES:
            continue
        names.append(host)
        if ":" in host and not host.startswith("["):
            names.append(f"[{host}]")
    return list(dict.fromkeys(names))


SECURITY_SCHEMES: dict[str, Any] = {
    "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal API token (`inhouse token create EMAIL --expires 30d`), "
        "with its account's role; it always expires and can be revoked.",
    },
    "sessionCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": access.SESSION_COOKIE,
        "description": "The session cookie of a signed-in browser; writes also need the session's "
        "CSRF token in the X-CSRF-Token header (GET /api/me gives it).",
    },
}


def openapi_schema(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI description, declaring how the API is authenticated: every ``/api`` operation
    accepts a bearer token or the session cookie (built once)."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
        for path, operations in schema.get("paths", {}).items():
            if not path.startswith("/api/"):
                continue
            for operation in operations.values():
                if isinstance(operation, dict):
                    operation["security"] = [{"bearerAuth": []}, {"sessionCookie": []}]
        app.openapi_schema = schema
    return app.openapi_schema


def _warm(ws: Workspace) -> None:
    """Compute the statuses, then the engagement pages, that are out of date (none when the
    stored read model is current), so the first views are quick too."""
    try:
        status.refresh_stale(ws)
        stored_page.refresh_stale(ws)
    except InhouseError as exc:
        log.warning("status warm-up: %s", exc.message)


def create_app(
    workspace: Workspace | None = None,
    runner: JobRunner | None = None,
    warm_status: bool = False,
    local_mode: bool = True,
    hosts: Sequence[str] = (),
) -> FastAPI:
    """The web application over ``workspace`` (default: from the settings); ``warm_status``
    computes every engagement's status in the background at startup (``inhouse serve``);
    ``local_mode`` lets it serve a single user without signing in while no account exists (only
    ever on a loopback address: ``inhouse serve`` decides); ``hosts`` are the addresses it is bound
    to, answered as Host names besides the loopback names and the ``allowed_hosts`` setting (any
    other Host gets 400)."""
    ws = workspace or bootstrap()
    warmer: list[threading.Thread] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # unfinished jobs are left as they are: another process may be running them, and a job
        # whose worker died is recovered from its stale heartbeat (docs/jobs.md)
        app.state.runner.start()  # the in-process worker lives as long as the server
        if warm_status:
            warmer.append(threading.Thread(target=_warm, args=(ws,), name="inhouse-warm-status", daemon=True))
            warmer[0].start()
        yield
        for thread in warmer:
            thread.join(timeout=30)
        app.state.runner.shutdown(wait=False)

    app = FastAPI(
        title="inhouse",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served below as a route of its own, so that it has a rule like every route
        lifespan=lifespan,
        dependencies=[Depends(access.authorize)],
        description="Measure, don't trust: keep the knowledge of outsourced AI work in-house. "
        'Every page has its JSON under /api; errors are {"error": {"type", "message"}}.',
    )
    app.state.workspace = ws
    app.state.local_allowed = local_mode
    app.state.runner = runner or JobRunner(ws, start=False)
    app.state.templates = make_templates()
    app.state.pages = PageCache()
    # checking every template file's mtime on every render costs ~10% of a page under load
    app.state.templates.env.auto_reload = ws.settings.debug
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=ws.settings.max_document_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024)  # pages and JSON, for clients that accept it
    app.add_middleware(access.SessionCookies)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=host_names(hosts, ws.settings.allowed_hosts))
    app.add_middleware(SecurityHeaders)  # outermost: on every answer, refusals included
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> Health:
        """Liveness, touching nothing: the benchmark's baseline for what serving alone costs."""
        return Health()

    app.openapi = lambda: openapi_schema(app)  # type: ignore[method-assign]

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(request: Request) -> dict:
        return app.openapi()

    docs.install(app)
    auth.install(app)
    sso.install(app)
    admin.install(app)
    app.include_router(pages.router)
    app.include_router(exports.router)
    app.include_router(forms.router)
    app.include_router(trash.router)
    app.include_router(api.router)
    access.install(app)
    return app


def served_app(local_mode: bool = False, hosts: Sequence[str] = ()) -> FastAPI:
    """The app of one `inhouse serve --workers N` process (the settings come from the environment);
    ``serve`` passes its decision (local mode, the bound address) as the arguments of this factory.
    Without them (another server starting this factory) every page needs sign-in."""
    return create_app(bootstrap(), warm_status=True, local_mode=local_mode, hosts=hosts)
