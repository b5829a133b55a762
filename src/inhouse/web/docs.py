"""/docs: Swagger UI served from the swagger-ui-py package's files, never from a CDN.

The page is written here rather than by FastAPI's helper, whose start-up is an inline ``<script>``
the Content-Security-Policy refuses: Swagger UI starts from ``/static/swagger-init.js``, which also
sends the session's CSRF token (from the page's ``<meta name="csrf-token">``) with "Try it out" writes.
"""

from __future__ import annotations

from pathlib import Path

import swagger_ui
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from markupsafe import escape

ASSETS = Path(swagger_ui.__file__).parent / "static"
"""Swagger UI's JavaScript and CSS inside the swagger-ui-py package (a dependency)."""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>inhouse API</title>
<meta name="csrf-token" content="{token}">
<link rel="stylesheet" href="/docs-assets/swagger-ui.css">
<link rel="icon" href="data:,">
</head>
<body>
<div id="swagger-ui" data-openapi-url="/openapi.json"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    app.mount("/docs-assets", StaticFiles(directory=str(ASSETS)), name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        session = getattr(request.state, "session", None)
        return HTMLResponse(PAGE.format(token=escape(getattr(session, "csrf_token", "") or "")))
