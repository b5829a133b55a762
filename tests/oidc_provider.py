"""A small OpenID Connect provider the single sign-on tests run on 127.0.0.1 (a real HTTP server in
a thread), so that the server under test reaches it the way it reaches a real one.

It serves the discovery document, ``/authorize`` (approves :attr:`Options.user` at once and sends
the browser back with a code and the state), ``/token`` (checks the client's secret, the code, the
redirect URI and the PKCE verifier; answers an RS256 ID token signed with a key generated at start)
and ``/jwks``. :class:`Options` makes it misbehave for the negative tests.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from tests.localserver import LocalServer

CLIENT_ID = "inhouse-tests"
CLIENT_SECRET = "a client secret of the tests"


@dataclass
class User:
    sub: str = "idp-user-1"
    email: str = "ann@acme.example"
    email_verified: bool | None = True
    name: str = "Ann Lee"


@dataclass
class Options:
    """How the provider answers; the defaults make a correct sign-in."""

    user: User = field(default_factory=User)
    audience: str | None = None  # None: the client id
    issuer: str | None = None  # None: the provider's own address
    expired: bool = False  # an ID token whose exp is an hour ago
    nonce: str | None = None  # None: the nonce of the authorization request
    sign_with_other_key: bool = False  # a signature the published keys do not verify
    deny: str | None = None  # an error to send back from /authorize instead of a code (e.g. access_denied)
    no_id_token: bool = False


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    nonce: str | None
    challenge: str
    user: User


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode("ascii")


class Provider(LocalServer):
    """``with Provider() as idp:`` serves on ``idp.issuer`` until the block ends."""

    def __init__(self) -> None:
        self.options = Options()
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig", "alg": "RS256"})
        self.other_key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig", "alg": "RS256"})
        self.grants: dict[str, Grant] = {}
        self.token_requests = 0
        app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self.discovery),
                Route("/authorize", self.authorize),
                Route("/token", self.token, methods=["POST"]),
                Route("/jwks", self.jwks),
            ]
        )
        super().__init__(app, "the test identity provider")
        self.issuer = self.base

    def reset(self) -> None:
        self.options = Options()
        self.grants.clear()
        self.token_requests = 0

    # the endpoints

    async def discovery(self, request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "scopes_supported": ["openid", "email", "profile"],
            }
        )

    async def authorize(self, request: Request) -> Response:
        query = request.query_params
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != CLIENT_ID or not redirect_uri:
            return PlainTextResponse("unknown client or no redirect_uri", status_code=400)
        state = query.get("state", "")
        if self.options.deny:
            return RedirectResponse(
                f"{redirect_uri}?{urlencode({'error': self.options.deny, 'error_description': 'the user said no', 'state': state})}",
                status_code=302,
            )
        scopes = query.get("scope", "").split()
        if query.get("response_type") != "code" or "openid" not in scopes:
            return PlainTextResponse("expected response_type=code and the openid scope", status_code=400)
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return PlainTextResponse("expected a PKCE challenge (S256)", status_code=400)
        code = secrets.token_urlsafe(24)
        self.grants[code] = Grant(
            CLIENT_ID, redirect_uri, query.get("nonce"), query["code_challenge"], self.options.user
        )
        return RedirectResponse(f"{redirect_uri}?{urlencode({'code': code, 'state': state})}", status_code=302)

    def _client_authenticated(self, request: Request, form: Any) -> bool:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        return client_id == CLIENT_ID and secrets.compare_digest(secret, CLIENT_SECRET)

    async def token(self, request: Request) -> Response:
        self.token_requests += 1
        form = await request.form()
        if not self._client_authenticated(request, form):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        grant = self.grants.pop(str(form.get("code", "")), None)  # a code works once
        if form.get("grant_type") != "authorization_code" or grant is None:
            return JSONResponse({"error": "invalid_grant", "error_description": "unknown code"}, status_code=400)
        if form.get("redirect_uri") != grant.redirect_uri:
            return JSONResponse({"error": "invalid_grant", "error_description": "redirect_uri"}, status_code=400)
        if _s256(str(form.get("code_verifier", ""))) != grant.challenge:
            return JSONResponse({"error": "invalid_grant", "error_description": "PKCE verifier"}, status_code=400)
        answer: dict[str, Any] = {"access_token": secrets.token_urlsafe(24), "token_type": "Bearer", "expires_in": 300}
        if not self.options.no_id_token:
            answer["id_token"] = self.id_token(grant)
        return JSONResponse(answer, headers={"Cache-Control": "no-store"})

    def id_token(self, grant: Grant) -> str:
        options, user = self.options, grant.user
        at = int(time.time()) - (3600 if options.expired else 0)
        claims: dict[str, Any] = {
            "iss": options.issuer or self.issuer,
            "aud": options.audience or grant.client_id,
            "sub": user.sub,
            "email": user.email,
            "name": user.name,
            "iat": at,
            "exp": at + 300,
        }
        if user.email_verified is not None:
            claims["email_verified"] = user.email_verified
        nonce = options.nonce or grant.nonce
        if nonce is not None:
            claims["nonce"] = nonce
        key = self.other_key if options.sign_with_other_key else self.key
        return jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, key)

    async def jwks(self, request: Request) -> Response:
        return JSONResponse({"keys": [self.key.as_dict(private=False)]})
