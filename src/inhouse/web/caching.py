"""Serving read models cheaply: HTTP validators and a small cache of rendered pages for pages
whose data has a cheap tag, and JSON written without FastAPI's per-value encoder.

A page's *tag* (e.g. ``dashboard.portfolio_tag``) changes whenever its data would. The
response carries it as a weak ETag with ``Cache-Control: private, no-cache`` (a browser may keep the
page but must ask again; an unchanged page then costs a 304 with no body), and the rendered
body is kept in this process under the tag, so asking again for an unchanged page costs the
tag's queries only. Each application (so each server process) keeps its own copies; the tag
comes from the database, so they agree.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

MAX_BYTES = 48 * 1024 * 1024  # per application (so per process): a few hundred engagement pages


class PageCache:
    """Rendered bodies by (path, query, tag), least recently used first out past ``MAX_BYTES``.
    One per application: a database replaced under a running server (with the same ids and
    versions) needs the server restarted."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes, self.size = max_bytes, 0
        self.lock = threading.Lock()
        self.pages: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()  # key -> (body, media type)

    def get(self, key: tuple) -> tuple[bytes, str] | None:
        with self.lock:
            kept = self.pages.get(key)
            if kept is not None:
                self.pages.move_to_end(key)
            return kept

    def put(self, key: tuple, body: bytes, media_type: str) -> None:
        with self.lock:
            if key not in self.pages:
                self.pages[key] = (body, media_type)
                self.size += len(body)
            while self.size > self.max_bytes and self.pages:
                self.size -= len(self.pages.popitem(last=False)[1][0])

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()
            self.size = 0


def tagged_page(
    request: Request, tag: Callable[[], str], build: Callable[[], tuple[Response, bool]], before: str | None = None
) -> Response:
    """The page for the current ``tag()``: 304 when the client has it, the kept body when this
    process has it, else ``build()`` (the response, and whether it may be kept: not while it is
    still changing). ``before``: the tag, when the caller has just read it.

    The page is built after its tag was read, so what it shows is never older than the tag says.
    When it is newer (a write landed meanwhile, or the build itself computed stale statuses), the
    tag has moved on and is never read again, so nothing older is ever served under a newer tag."""
    before = before or tag()
    etag = f'W/"{before}"'
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    cache: PageCache = request.app.state.pages
    key = (request.url.path, request.url.query, before)
    kept = cache.get(key)
    if kept is not None:
        return Response(kept[0], media_type=kept[1], headers=headers)
    response, keep = build()
    if response.status_code != 200 or not keep:
        response.headers["Cache-Control"] = "private, no-cache"
        return response
    cache.put(key, bytes(response.body), response.media_type or "application/octet-stream")
    response.headers.update(headers)
    return response


def page_under(request: Request, tag: str | None, build: Callable[[], tuple[Response, bool]]) -> Response:
    """``tagged_page`` under ``tag``, just read; without one (None: the data has no cheap tag) the
    page is built afresh, with no validator."""
    if tag is None:
        return build()[0]
    return tagged_page(request, lambda: tag, build, tag)


class PlainJSON(JSONResponse):
    """A read model's JSON written directly by pydantic (``model_dump_json``): FastAPI's
    value-by-value encoder takes about 4 ms for one engagement page (a third of serving it from
    the read model). The route still declares the model as its ``response_model`` for the schema."""

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):
            return content.model_dump_json().encode("utf-8")
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
