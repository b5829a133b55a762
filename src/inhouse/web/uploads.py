"""Uploads: name, type and size limits checked before anything is stored.

An upload becomes an :class:`Upload` (its file name and its bytes, read in memory). The size
limit is the ``max_document_bytes`` setting. :class:`BodyLimit` bounds the request body itself
while it streams (Content-Length or chunked), so the multipart parser, which spools a file of over
1 MB to an anonymous temporary file, never writes more than the limit and a little form overhead;
that file is closed, and so gone, when the request ends. The file is then read in chunks and
refused as soon as it passes the limit.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Collection
from pathlib import PurePath

import anyio
import h11
from fastapi import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from inhouse.analysis.documents import DOCUMENT_SUFFIXES
from inhouse.domain.shapes import Upload, validated
from inhouse.errors import InvalidInput, TooLarge

ALLOWED_SUFFIXES = tuple(DOCUMENT_SUFFIXES)  # the one list the reader and the CLI accept
FORM_OVERHEAD = 256 * 1024  # room for the other form fields and multipart boundaries
CHUNK = 1024 * 1024


def size_text(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.0f} KiB"
    return f"{count} bytes"


def read_upload(upload: UploadFile | None, max_bytes: int, suffixes: Collection[str] = ALLOWED_SUFFIXES) -> Upload:
    """The upload as an :class:`Upload` (its own file name, without any folder a browser sent,
    and its bytes), or InvalidInput / TooLarge with a clear message; ``suffixes``: the file types
    accepted (the documents' by default)."""
    name = re.split(r"[\\/]", (upload.filename if upload else "") or "")[-1].strip()
    if upload is None or not name:
        raise InvalidInput("choose a file to upload")
    validated(Upload, name=name, content=b"")  # the name's own limits, before the body is read
    suffix = PurePath(name).suffix.lower()
    if suffix not in suffixes:
        allowed = ", ".join(suffixes)
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
    """Bounds every request body while it streams, whatever its framing (Content-Length or chunked).

    A multipart body (an upload) may hold ``max_bytes`` plus :data:`FORM_OVERHEAD`; any other body
    (JSON, a plain form) :data:`SMALL_BODY_BYTES`, since none of those routes takes a document. A
    declared length over the limit is refused before the body is read; otherwise the bytes are
    counted as they arrive and the request is refused (413) as soon as they pass the limit, so
    nothing past it is read, buffered or spooled to disk. A body that stops arriving for
    :data:`BODY_IDLE_SECONDS`, or takes longer than :data:`BODY_SECONDS` in all, is refused with
    408 (uvicorn has no read timeout of its own for a request body). A refused request's
    connection is closed; the application sees the client gone and whatever it answers is dropped.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.upload_limit = app, max_bytes + FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        multipart = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        limit = self.upload_limit if multipart else SMALL_BODY_BYTES
        length = headers.get(b"content-length")
        if length and length.isdigit() and int(length) > limit:
            await _refuse(scope, send, 413, "TooLarge", _over(limit, multipart))
            return
        guard = _Guard(scope, receive, send, limit, multipart)
        try:
            await self.app(scope, guard.receive, guard.send)
        except Exception:
            if not guard.refused:
                raise
            # the client was told (413 or 408); what the application made of the cut body is moot


SMALL_BODY_BYTES = 1024 * 1024
"""The largest body a request other than an upload may send (JSON, a plain form): 1 MiB."""
BODY_IDLE_SECONDS = 30.0
"""Seconds a request body may stop arriving before the request is refused (408)."""
BODY_SECONDS = 600.0
"""Seconds a whole request body may take to arrive (an upload at the limit over a slow link)."""


def _over(limit: int, multipart: bool) -> str:
    if multipart:
        return f"upload is over the limit of {size_text(limit - FORM_OVERHEAD)}"
    return f"request body is over the limit of {size_text(limit)}"


class _Guard:
    """One request's body, counted and timed as the application reads it."""

    def __init__(self, scope: Scope, receive: Receive, send: Send, limit: int, multipart: bool) -> None:
        self.scope, self._receive, self._send = scope, receive, send
        self.limit, self.multipart = limit, multipart
        self.count = 0
        self.body_done = False
        self.started = False  # the application began its answer
        self.refused = False  # this guard answered instead
        self.deadline = time.monotonic() + BODY_SECONDS

    async def receive(self) -> Message:
        if self.refused:
            return {"type": "http.disconnect"}
        if self.body_done:  # e.g. waiting for the client to go away: nothing to bound
            return await self._receive()
        wait = min(BODY_IDLE_SECONDS, self.deadline - time.monotonic())
        try:
            with anyio.fail_after(max(wait, 0.0)):
                message = await self._receive()
        except TimeoutError:
            await self._refuse(408, "RequestTimeout", "the request body stopped arriving: send it again")
            return {"type": "http.disconnect"}
        if message["type"] == "http.request":
            self.count += len(message.get("body", b""))
            if self.count > self.limit:
                await self._refuse(413, "TooLarge", _over(self.limit, self.multipart))
                return {"type": "http.disconnect"}
            if not message.get("more_body", False):
                self.body_done = True
        return message

    async def send(self, message: Message) -> None:
        if self.refused:
            return
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)

    async def _refuse(self, status: int, kind: str, message: str) -> None:
        self.refused = True
        if not self.started:
            await _refuse(self.scope, self._send, status, kind, message)


async def _refuse(scope: Scope, send: Send, status: int, kind: str, message: str) -> None:
    """Answer ``status`` with the usual error shape and close the connection (the rest of the body
    is never read)."""
    from starlette.requests import Request

    from inhouse.web.errors import error_response

    response = error_response(Request(scope), status, kind, message)
    response.headers["Connection"] = "close"
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


HEADER_SECONDS = 10.0
"""Seconds a connection may take to send a request's headers (a new connection, or the next request
on a kept-alive one) before it is answered 408 and closed."""
MAX_HEADER_BYTES = 32 * 1024
"""The most bytes of a request line and headers uvicorn buffers (its ``h11_max_incomplete_event_size``);
more is answered 400."""
PROTOCOL = "inhouse.web.uploads:HeaderTimeoutProtocol"
"""uvicorn's ``http`` option for `serve` (a name, so that worker processes import it themselves)."""


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request headers.

    uvicorn times out an idle kept-alive connection (``timeout_keep_alive``), but not one that
    connected and sends nothing, or sends half a request line and stops: each would hold one of
    ``limit_concurrency``'s places forever. Here a connection waiting for a request's headers
    gets :data:`HEADER_SECONDS`; the body has :class:`BodyLimit`'s timeouts."""

    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self._header_timer is None:  # part of a request line or headers: the clock runs
                self._arm()
        else:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        self._disarm()  # between requests, uvicorn's keep-alive timeout applies
        super().on_response_complete()

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(HEADER_SECONDS, self._headers_late)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            body = b"request headers too slow"
            self.transport.write(
                b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain\r\nconnection: close\r\n"
                + b"content-length: %d\r\n\r\n" % len(body)
                + body
            )
            self.transport.close()
