"""Security headers on every response: no framing, no MIME sniffing, no referrer beyond the origin.

The Content-Security-Policy allows scripts from this server only (no inline script, no ``on*=``
handler, no ``javascript:`` link: the pages' one script is ``/static/app.js``, Swagger UI's start is
``/static/swagger-init.js``); inline ``style=`` attributes stay allowed, images may be ``data:``
(the SVG charts and Swagger UI's icons).
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class EditsHeaders:
    """ASGI middleware that edits every HTTP response's headers as the response starts (:meth:`edit`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    def edit(self, scope: Scope, headers: MutableHeaders) -> None:
        raise NotImplementedError

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def edited(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.edit(scope, MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, edited)


class SecurityHeaders(EditsHeaders):
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (a header the app set itself is kept)."""

    def edit(self, scope: Scope, headers: MutableHeaders) -> None:
        for name, value in SECURITY_HEADERS.items():
            headers.setdefault(name, value)
