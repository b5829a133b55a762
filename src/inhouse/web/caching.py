"""HTTP validators and a small cache of rendered pages, for pages whose data has a cheap tag.

A page's *tag* (e.g. ``dashboard.portfolio_tag``) changes whenever its data would. The
response carries it as a weak ETag with ``Cache-Control: no-cache`` (a browser may keep the
page but must ask again; an unchanged page then costs a 304 with no body), and the rendered
body is kept in this process under the tag, so asking again for an unchanged page costs the
tag's queries only. Each server process keeps its own copies; the tag comes from the
database, so they agree.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

MAX_PAGES = 64

_lock = threading.Lock()
_pages: OrderedDict[tuple, bytes] = OrderedDict()


def tagged_page(request: Request, tag: str, build: Callable[[], tuple[HTMLResponse, bool]]) -> Response:
    """The page for ``tag``: 304 when the client has it, the kept body when this process has it,
    else ``build()`` (the response, and whether it may be kept: not while it is still changing)."""
    etag = f'W/"{tag}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    key = (request.app.state.workspace.settings.database_url, request.url.path, request.url.query, tag)
    with _lock:
        body = _pages.get(key)
        if body is not None:
            _pages.move_to_end(key)
    if body is not None:
        return HTMLResponse(body, headers=headers)
    response, keep = build()
    if response.status_code == 200 and keep:
        with _lock:
            _pages[key] = bytes(response.body)
            while len(_pages) > MAX_PAGES:
                _pages.popitem(last=False)
    response.headers.update(headers)
    return response


def clear() -> None:
    with _lock:
        _pages.clear()
