"""Signing in and out: ``GET /login`` (the form), ``POST /login``, ``POST /logout``.

A sign-in checks the e-mail and password (``services.accounts.check_password``: one message for
every failure, so the answer does not tell which accounts exist), ends the session the browser
came with (the session is rotated: a cookie planted before the sign-in opens nothing after it),
starts a new one and sends the browser on to ``next`` when that is a path of this server.

Login CSRF: the sign-in form is only accepted from our own page. Besides the Origin/Referer check
(:func:`inhouse.web.access.authorize`), the form carries a pre-session token: ``GET /login`` sets a
random nonce in the ``inhouse_login`` cookie (HttpOnly, SameSite=Lax, path ``/login``, an hour) and
puts the nonce, signed with ``itsdangerous.URLSafeTimedSerializer`` under a key kept among the
server's secrets in the database, in the form's ``csrf_token`` field; ``POST /login`` accepts the
form only when the signature is valid, at most an hour old, and names the cookie's nonce. Another
site can neither read the token nor set the cookie.

Sign-in attempts are limited (``services.sign_in_limits``: a moving window of a minute counted in the
workspace's database, so the bound holds across every server process): ``login_attempts_per_minute``
per e-mail and client address, and ``ADDRESS_FACTOR`` times that per address; over either a 429
with ``Retry-After``.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadData, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool

from inhouse.bootstrap import Workspace
from inhouse.errors import Unauthenticated
from inhouse.services import accounts, sessions, sign_in_limits
from inhouse.services.secrets import server_secret
from inhouse.web.access import SESSION_COOKIE, local_mode, principal_of
from inhouse.web.sso import local_target

router = APIRouter(include_in_schema=False)

LOGIN_COOKIE = "inhouse_login"
LOGIN_TOKEN_AGE = 3600
"""A sign-in form is accepted for an hour after it was shown."""
SALT = "inhouse-login-form"
LOGIN_SECRET = "login_form"
"""The server secret that keys the login form's token (its own, not the single sign-on state's)."""
ADDRESS_FACTOR = 4
"""One client address may try this many times as many sign-ins as one e-mail from it."""
MAX_EMAIL = 320
MAX_PASSWORD = 1024
"""Longer passwords are refused before hashing (argon2 over megabytes is a denial of service)."""
EXPIRED_FORM = "the sign-in form has expired or did not come from this server: try again"


def _workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _signer(request: Request) -> URLSafeTimedSerializer:
    """The serializer of the form's token, keyed once per process by a secret kept in the database."""
    state = request.app.state
    signer: URLSafeTimedSerializer | None = getattr(state, "login_signer", None)
    if signer is None:
        signer = URLSafeTimedSerializer(server_secret(_workspace(request), LOGIN_SECRET), salt=SALT)
        state.login_signer = signer
    return signer


def _wait(request: Request, email: str) -> int:
    """Count this sign-in attempt; the seconds to wait when it is over a limit, else 0."""
    ws = _workspace(request)
    return sign_in_limits.hit(
        ws,
        email,
        _address(request),
        per_minute=ws.settings.login_attempts_per_minute,
        address_factor=ADDRESS_FACTOR,
    )


def _login_cookie(request: Request, value: str) -> str:
    secure = request.url.scheme == "https" or _workspace(request).settings.secure_cookies
    parts = [f"{LOGIN_COOKIE}={value}", "Path=/login", "HttpOnly", "SameSite=Lax", f"Max-Age={LOGIN_TOKEN_AGE}"]
    return "; ".join(parts + (["Secure"] if secure else []))


def _form(request: Request, status: int = 200, message: str = "", email: str = "", target: str = "/") -> Response:
    """The sign-in page with a fresh token (its nonce in the cookie, reused while the cookie lives)."""
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not (20 <= len(nonce) <= 100 and nonce.replace("-", "").replace("_", "").isalnum()):
        nonce = secrets.token_urlsafe(32)
    ws = _workspace(request)
    principal = principal_of(request)
    request.state.local = bool(request.app.state.local_allowed) and local_mode(request, ws)  # the banner
    context = {
        "page": "login",
        "message": message,
        "email": email,
        "next": target,
        "login_token": _signer(request).dumps(nonce),
        "settings": ws.settings,
        "signed_in": principal,
        "no_accounts": request.state.local,
    }
    response = request.app.state.templates.TemplateResponse(request, "login.html", context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers.append("set-cookie", _login_cookie(request, nonce))
    return response


def _valid_token(request: Request, token: str) -> bool:
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not nonce or not token or len(token) > 500:
        return False
    try:
        signed = _signer(request).loads(token, max_age=LOGIN_TOKEN_AGE)
    except BadData:
        return False
    return isinstance(signed, str) and hmac.compare_digest(signed.encode(), nonce.encode())


@router.get("/login")
async def login_page(request: Request, next: str = "/") -> Response:
    return await run_in_threadpool(_form, request, 200, "", "", local_target(next))


FormText = Annotated[str, Form()]


@router.post("/login")
async def login(
    request: Request, email: FormText = "", password: FormText = "", csrf_token: FormText = "", next: FormText = "/"
) -> Response:
    target = local_target(next)
    if target in ("/login", "/logout"):
        target = "/"
    email = email.strip()[:MAX_EMAIL]
    if not _valid_token(request, csrf_token):
        return await run_in_threadpool(_form, request, 403, EXPIRED_FORM, email, target)
    wait = await run_in_threadpool(_wait, request, email)
    if wait:
        response = await run_in_threadpool(
            _form, request, 429, f"too many sign-in attempts: try again in {wait} seconds", email, target
        )
        response.headers["Retry-After"] = str(wait)
        return response
    if len(password) > MAX_PASSWORD:
        return await run_in_threadpool(_form, request, 401, accounts.WRONG, email, target)
    return await run_in_threadpool(_sign_in, request, email, password, target)


def _sign_in(request: Request, email: str, password: str, target: str) -> Response:
    ws = _workspace(request)
    address = _address(request)
    try:
        found = accounts.check_password(ws, email, password, address)
    except Unauthenticated as exc:
        return _form(request, 401, exc.message, email, target)
    old = sessions.resolve(ws, request.cookies.get(SESSION_COOKIE, ""), address, local=True)
    if old is not None:
        sessions.end(ws, old.session.id, address, why="replaced by a new sign-in")
    started = sessions.start(ws, found, address, how="password")
    request.state.new_cookie = started.cookie
    response = RedirectResponse(target, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    session = getattr(request.state, "session", None)
    if session is not None:
        await run_in_threadpool(sessions.end, _workspace(request), session.id, _address(request))
    request.state.new_cookie = ""  # SessionCookies clears the cookie (Max-Age=0)
    return RedirectResponse("/login", status_code=303)


def install(app: FastAPI) -> None:
    app.include_router(router)
