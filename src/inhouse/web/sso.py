"""Single sign-on with OpenID Connect (Authlib): ``/login/sso`` sends the browser to the identity
provider, ``/login/sso/callback`` takes its answer back.

Configured by the settings ``oidc_issuer``, ``oidc_client_id`` and ``oidc_client_secret``; without
an issuer both routes answer 404. The flow is the authorization-code flow with PKCE (S256) and a
nonce; Authlib reads the provider's discovery document, exchanges the code over HTTPS and checks
the ID token (signature against the provider's keys, issuer, audience, expiry, nonce). Which
account it opens is :func:`inhouse.services.sso.sign_in`'s decision (deny by default).

Between the two routes Authlib keeps the state, nonce and PKCE verifier in a short-lived signed
cookie (``inhouse_sso``, Starlette's SessionMiddleware, path ``/login/sso``, ten minutes), whose
key is generated once and kept in the database; :class:`StateSessions` reads it on the first
sign-in, so an app over a workspace that is not initialised yet still starts.
"""

from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import urlsplit

from authlib.integrations.base_client import OAuthError
from authlib.integrations.starlette_client import OAuth, StarletteOAuth2App
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from inhouse.bootstrap import Workspace
from inhouse.domain.shapes import validated
from inhouse.errors import InhouseError, InvalidInput, StorageUnavailable, Unauthenticated
from inhouse.services import sessions
from inhouse.services import sso as sso_service
from inhouse.settings import Settings
from inhouse.web.errors import error_response

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

PREFIX = "/login/sso"
STATE_COOKIE = "inhouse_sso"
STATE_MAX_AGE = 600
"""A sign-in has ten minutes to come back from the identity provider."""
NOT_CONFIGURED = "single sign-on is not configured"
SCOPE = "openid email profile"
TIMEOUT = 10.0
"""Seconds the server waits for the identity provider (discovery, code exchange, keys)."""
PROVIDER = "inhouse"


def _refused(request: Request, message: str) -> Response:
    return error_response(request, 401, "Unauthenticated", f"single sign-on failed: {message}")


def _client(request: Request) -> StarletteOAuth2App | None:
    client: StarletteOAuth2App | None = getattr(request.app.state, "oidc", None)
    return client


def local_target(value: str | None) -> str:
    """Where to go after signing in: a path of this server, never another site (else ``/``)."""
    if not value or len(value) > 2000 or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in value):
        return "/"
    return value


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


async def _state_ready(request: Request) -> None:
    """The state cookie works only once its key could be read (the workspace may not be initialised)."""
    if "session" not in request.scope:
        await run_in_threadpool(sso_service.state_secret, _workspace(request))  # raises what stops it
        raise StorageUnavailable("single sign-on is not ready yet: reload the page")


@router.get(PREFIX)
async def sso_start(request: Request) -> Response:
    """Send the browser to the identity provider (``next``: the local page to return to)."""
    client = _client(request)
    if client is None:
        return error_response(request, 404, "NotFound", NOT_CONFIGURED)
    await _state_ready(request)
    target = local_target(request.query_params.get("next"))
    redirect_uri = str(request.url_for("sso_callback"))
    try:
        found = await client.create_authorization_url(redirect_uri)
    except Exception as exc:  # the provider is unreachable or its discovery document unusable
        log.warning("single sign-on: the identity provider cannot be reached: %r", exc)
        return error_response(
            request,
            502,
            "HTTPError",
            f"the identity provider cannot be reached ({type(exc).__name__}); try again later",
        )
    await client.save_authorize_data(request, redirect_uri=redirect_uri, next=target, **found)
    return RedirectResponse(found["url"], status_code=302)


@router.get(PREFIX + "/callback", name="sso_callback")
async def sso_callback(request: Request) -> Response:
    """The identity provider's answer: check it, find the account, start a session."""
    client = _client(request)
    if client is None:
        return error_response(request, 404, "NotFound", NOT_CONFIGURED)
    await _state_ready(request)
    state = request.query_params.get("state") or ""
    kept: dict[str, Any] = {}
    if state:  # what the start of this sign-in kept beside Authlib's own state (the page to return to)
        kept = await client.framework.get_state_data(request.session, state) or {}
    try:
        token = await client.authorize_access_token(request, claims_options=_claims_options(request))
    except OAuthError as exc:
        return _refused(request, _oauth_message(exc))
    except Exception as exc:  # the code exchange or the ID token failed: an answer we cannot trust
        log.warning("single sign-on: the provider's answer was refused: %r", exc)
        return _refused(request, f"the identity provider's answer could not be verified ({_describe(exc)})")
    found = token.get("userinfo")
    if not found:
        return _refused(request, "the identity provider sent no ID token")
    try:
        claims = validated(
            sso_service.SsoClaims, {key: found.get(key) for key in ("sub", "email", "email_verified", "name")}
        )
    except InvalidInput as exc:
        return _refused(request, f"the ID token is not usable: {exc.message}")
    ws = _workspace(request)
    address = _address(request)
    try:
        account = await run_in_threadpool(sso_service.sign_in, ws, claims, address)
        previous = getattr(request.state, "session", None)
        if previous is not None:  # a new session at every sign-in
            await run_in_threadpool(sessions.end, ws, previous.id, address, "replaced by a new sign-in")
        started = await run_in_threadpool(sessions.start, ws, account, address, "single sign-on")
    except Unauthenticated as exc:
        return _refused(request, exc.message)
    request.state.new_cookie = started.cookie
    return RedirectResponse(local_target(kept.get("next")), status_code=303)


def _claims_options(request: Request) -> dict[str, Any]:
    """The ID token's issuer must be the configured one (not only what the discovery document says)."""
    issuer = _workspace(request).settings.oidc_issuer.rstrip("/")
    return {"iss": {"essential": True, "values": [issuer, issuer + "/"]}}


def _oauth_message(exc: OAuthError) -> str:
    if exc.error == "mismatching_state":
        return "the sign-in's state does not match (it expired, or came from another browser): start again"
    detail = f": {exc.description}" if exc.description else ""
    return f"the identity provider answered {exc.error}{detail}"


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


class StateSessions:
    """Starlette's SessionMiddleware on ``/login/sso`` only, built on the first request there with
    its key from the database (:func:`inhouse.services.sso.state_secret`); until the key can be
    read, requests pass without a session and the routes say why."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self._inner: ASGIApp | None = None
        self._building = threading.Lock()

    def _build(self, ws: Workspace) -> ASGIApp | None:
        with self._building:
            if self._inner is None:
                try:
                    secret = sso_service.state_secret(ws)
                except InhouseError as exc:
                    log.warning("single sign-on: %s", exc.message)
                    return None
                self._inner = SessionMiddleware(
                    self.app,
                    secret_key=secret,
                    session_cookie=STATE_COOKIE,
                    max_age=STATE_MAX_AGE,
                    path=PREFIX,
                    same_site="lax",
                    https_only=self.settings.secure_cookies,
                )
            return self._inner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not (path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        inner = self._inner or await run_in_threadpool(self._build, scope["app"].state.workspace)
        await (inner or self.app)(scope, receive, send)


def install(app: FastAPI) -> None:
    """The two routes; with an issuer configured, the Authlib client and the state cookie too."""
    app.include_router(router)
    settings: Settings = app.state.workspace.settings
    issuer = settings.oidc_issuer.strip().rstrip("/")
    if not issuer:
        app.state.oidc = None
        return
    oauth = OAuth()
    app.state.oidc = oauth.register(
        PROVIDER,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret.get_secret_value(),
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": SCOPE, "code_challenge_method": "S256", "timeout": TIMEOUT},
    )
    app.add_middleware(StateSessions, settings=settings)
