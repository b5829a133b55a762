"""The web's one error translator: an InhouseError becomes an HTML page or a fixed JSON shape.

JSON ``{"error": {"type": "NotFound", "message": "..."}}`` for ``/api/...`` and for clients
that ask for JSON; an HTML page otherwise. The status is the error class's ``http_status``.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from inhouse.domain.shapes import describe
from inhouse.errors import InhouseError, StorageUnavailable, Unauthenticated

__all__ = ["error_response", "install", "kind_of", "wants_json"]

log = logging.getLogger(__name__)


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


RETRY_AFTER = StorageUnavailable.retry_after
"""Seconds a client should wait after a 503 (the database busy or unreachable) before asking again."""


def printable(text: str) -> str:
    """``text`` as valid UTF-8: a lone surrogate (from a JSON body's "\\ud800") shown escaped, so
    that echoing a value never turns a 422 into a 500 while the answer is encoded."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def error_response(request: Request, status: int, kind: str, message: str, retry_after: int | None = None) -> Response:
    """The error in the API's JSON shape or as the error page; a 503 or 429 says when to try again."""
    response: Response
    message = printable(message)
    if wants_json(request):
        response = JSONResponse({"error": {"type": kind, "message": message}}, status_code=status)
    else:
        templates = request.app.state.templates
        response = templates.TemplateResponse(
            request, "error.html", {"status": status, "kind": kind, "message": message}, status_code=status
        )
    if retry_after is None and status == 503:
        retry_after = RETRY_AFTER
    if retry_after is not None and status in (429, 503):
        response.headers["Retry-After"] = str(retry_after)
    return response


def unauthenticated(request: Request, exc: Unauthenticated) -> Response:
    """A page sends the browser to sign in (and back afterwards); the API answers 401 with the scheme."""
    if wants_json(request):
        response = error_response(request, 401, "Unauthenticated", exc.message)
        response.headers["WWW-Authenticate"] = 'Bearer realm="inhouse"'
        return response
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?{urlencode({'next': target})}", status_code=303)


def kind_of(exc: InhouseError) -> str:
    """The error's public type: its class in the error family (``NotFound`` for a lookup's
    unknown record), never a module's own subclass."""
    return next(c.__name__ for c in type(exc).__mro__ if c.__module__ == InhouseError.__module__)


def install(app: FastAPI) -> None:
    @app.exception_handler(InhouseError)
    async def inhouse_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InhouseError)
        if isinstance(exc, Unauthenticated):
            return unauthenticated(request, exc)
        return error_response(request, exc.http_status, kind_of(exc), exc.message, exc.retry_after)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, "InvalidInput", describe(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = "NotFound" if exc.status_code == 404 else "HTTPError"
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, kind, message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        """A bug, not bad input: the same error shape (no detail leaks), the traceback in the server's log."""
        return error_response(request, 500, "InternalError", "an unexpected error occurred; it is in the server log")
