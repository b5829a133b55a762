"""Personal API tokens on real databases: an expired, revoked, garbage or disabled account's token
is refused (401), a viewer's token cannot write (403), a token is shown once and never stored in
clear, and the OpenAPI description declares the bearer scheme."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts, sessions, tokens
from inhouse.services.accounts import now
from inhouse.web import create_app
from inhouse.web.access import SESSION_COOKIE
from tests import records
from tests.conftest import Cli
from tests.webclient import BASE_URL, WebClient

PARTNER = {"name": "Quantia Labs"}


def _user(ws, email: str, role: Role) -> None:
    accounts.add(ws, validated(UserIn, email=email, name=email.split("@")[0].title(), role=role))


def _as(app, token: str) -> TestClient:
    return TestClient(
        app, base_url=BASE_URL, raise_server_exceptions=False, headers={"Authorization": f"Bearer {token}"}
    )


def _refused(answer) -> None:
    assert answer.status_code == 401, (answer.status_code, answer.text[:200])
    assert answer.headers["www-authenticate"].lower().startswith("bearer")
    assert answer.json()["error"]["type"] == "Unauthenticated"


def test_tokens_carry_their_role_and_stop_working_when_expired_revoked_or_disabled(ws):
    records.add_partner(ws, "BrightPath AI")
    _user(ws, "lead@acme.example", Role.LEAD)
    _user(ws, "viewer@acme.example", Role.VIEWER)
    app = create_app(ws)

    lead = _as(app, tokens.create(ws, "lead@acme.example", "30d").token)
    viewer = _as(app, tokens.create(ws, "viewer@acme.example", "30d").token)
    assert lead.get("/api/me").json()["role"] == "lead"
    assert viewer.get("/api/partners").status_code == 200
    refused = viewer.post("/api/partners", json=PARTNER)  # a viewer reads, writes nothing: its token neither
    assert refused.status_code == 403 and refused.json()["error"]["type"] == "Forbidden", refused.text
    assert lead.post("/api/partners", json=PARTNER).status_code == 201  # no cookie, so no CSRF token needed
    assert lead.get("/api/me").json()["csrf_token"] is None

    expiring = tokens.create(ws, "lead@acme.example", "1d")
    client = _as(app, expiring.token)
    assert client.get("/api/portfolio").status_code == 200
    with ws.engine.begin() as conn:  # a day later
        conn.execute(
            text("UPDATE api_tokens SET expires_at = :at WHERE id = :id"),
            {"at": now() - timedelta(seconds=1), "id": int(expiring.token.split("_")[1])},
        )
    _refused(client.get("/api/portfolio"))
    _refused(client.post("/api/partners", json={"name": "Late Labs"}))

    revoked = tokens.create(ws, "lead@acme.example", "12h")
    client = _as(app, revoked.token)
    assert client.get("/api/portfolio").status_code == 200
    tokens.revoke(ws, revoked.token.split("_")[1])
    _refused(client.get("/api/portfolio"))

    _user(ws, "leaving@acme.example", Role.LEAD)
    client = _as(app, tokens.create(ws, "leaving@acme.example", "8w").token)
    assert client.get("/api/portfolio").status_code == 200
    accounts.disable(ws, "leaving@acme.example")
    _refused(client.get("/api/portfolio"))

    good = tokens.create(ws, "lead@acme.example", "30d").token
    token_id, secret = good.split("_", 2)[1:]
    for garbage in (
        "nonsense",
        "ih_1_short",
        f"ih_{token_id}_{'A' * len(secret)}",  # the right id, a wrong secret
        f"ih_{int(token_id) + 1000}_{secret}",  # the right secret, no such id
        good + "x",
        good.upper(),
        "",
    ):
        _refused(_as(app, garbage).get("/api/portfolio"))
    _refused(TestClient(app, base_url=BASE_URL).get("/api/portfolio"))
    assert _as(app, good).get("/api/portfolio").status_code == 200
    # a token opens no page: the pages need a signed-in session
    page = _as(app, good).get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")


def test_a_token_is_shown_once_and_not_stored_in_clear(ws):
    _user(ws, "lead@acme.example", Role.LEAD)
    created = tokens.create(ws, "lead@acme.example", "30d")
    token_id, secret = created.token.split("_", 2)[1:]
    listed = tokens.list_all(ws)
    assert [t.id for t in listed] == [int(token_id)]
    assert secret not in str([t.model_dump() for t in listed]) and "token" not in listed[0].model_dump()

    cli = Cli(ws.settings.database_url)
    shown = cli.ok("token", "list", "--json").stdout + cli.ok("token", "list").stdout
    assert secret not in shown and created.token not in shown

    with ws.engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(text("SELECT * FROM api_tokens"))]
    assert len(rows) == 1
    assert rows[0]["token_hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert not any(secret in str(value) for value in rows[0].values())

    url = make_url(ws.settings.database_url)
    if url.get_backend_name() == "sqlite":  # nowhere in the database file, its journal or its log
        ws.dispose()
        path = Path(url.database or "")
        files = [p for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-journal"))) if p.exists()]
        for file in files:
            assert secret.encode() not in file.read_bytes(), file
        assert files


def test_the_openapi_description_declares_the_bearer_scheme(ws):
    _user(ws, "viewer@acme.example", Role.VIEWER)
    app = create_app(ws)
    with ws.uow() as uow:
        found = uow.users.by_email("viewer@acme.example")
    assert found is not None
    client = WebClient(app)
    client.cookies.set(SESSION_COOKIE, sessions.start(ws, found).cookie)
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    bearer = [
        name for name, s in schemes.items() if s.get("type") == "http" and s.get("scheme", "").lower() == "bearer"
    ]
    assert bearer, schemes
    me = schema["paths"]["/api/me"]["get"]
    assert any(bearer[0] in requirement for requirement in me.get("security", schema.get("security", [])))
