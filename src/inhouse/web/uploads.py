"""Uploads: name, type and size limits checked before anything is stored.

An upload becomes an :class:`Upload` (its file name and its bytes, read in memory; no
temporary file is written). The size limit is the ``max_document_bytes`` setting. A request
whose declared length is already far over it is refused before its body is read; the file
itself is read in chunks and refused as soon as it passes the limit.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from fastapi import UploadFile
from starlette.types import ASGIApp, Receive, Scope, Send

from inhouse.domain.shapes import Upload, validated
from inhouse.errors import InvalidInput, TooLarge

ALLOWED_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".html", ".htm", ".txt")
FORM_OVERHEAD = 256 * 1024  # room for the other form fields and multipart boundaries
CHUNK = 1024 * 1024


def size_text(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.0f} KiB"
    return f"{count} bytes"


def read_upload(upload: UploadFile | None, max_bytes: int) -> Upload:
    """The upload as an :class:`Upload` (its own file name, without any folder a browser sent,
    and its bytes), or InvalidInput / TooLarge with a clear message."""
    name = re.split(r"[\\/]", (upload.filename if upload else "") or "")[-1].strip()
    if upload is None or not name:
        raise InvalidInput("choose a file to upload")
    validated(Upload, name=name, content=b"")  # the name's own limits, before the body is read
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        allowed = ", ".join(ALLOWED_SUFFIXES)
        raise InvalidInput(f"{name}: unsupported file type {suffix or '(none)'}; expected one of {allowed}")
    parts, total = [], 0
    while chunk := upload.file.read(CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"{name}: file is over the limit of {size_text(max_bytes)}")
        parts.append(chunk)
    data = b"".join(parts)
    if not data.strip():
        raise InvalidInput(f"{name}: file is empty")
    return Upload(name=name, content=data)


class BodyLimit:
    """Refuses a request whose Content-Length is over the upload limit, before reading it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.limit = app, max_bytes + FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") == "POST":
            length = dict(scope.get("headers") or []).get(b"content-length")
            if length and length.isdigit() and int(length) > self.limit:
                await _too_large(scope, send, self.limit - FORM_OVERHEAD)
                return
        await self.app(scope, receive, send)


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    from starlette.requests import Request

    from inhouse.web.errors import error_response

    request = Request(scope)
    response = error_response(request, 413, "TooLarge", f"upload is over the limit of {size_text(limit)}")
    await response(scope, _no_body, send)


async def _no_body() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}
