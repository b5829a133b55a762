"""`inhouse serve` beyond the loopback only with an admin account; local single-user mode only on the
loopback without any account; the app's sign-in follows the same decision."""

from __future__ import annotations

from inhouse.cli.web import sign_in_mode
from inhouse.domain.accounts import UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.web import create_app
from tests.webclient import WebClient

PASSWORD = "a long passphrase"


def _add(ws, email: str, role: str) -> None:
    accounts.add(ws, validated(UserIn, email=email, name=email.split("@")[0].title(), role=role, password=PASSWORD))


def test_serve_refuses_every_interface_without_an_admin(cli):
    result = cli("serve", "--host", "0.0.0.0", "--port", "1")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "refusing to listen on 0.0.0.0" in lines[0] and "admin" in lines[0]


def test_a_lead_account_is_not_enough_off_the_loopback_and_a_disabled_admin_neither(ws):
    _add(ws, "lead@acme.example", "lead")
    _add(ws, "admin@acme.example", "admin")
    accounts.disable(ws, "admin@acme.example")
    for host in ("0.0.0.0", "::", "192.168.1.5", "dashboard.example"):
        result = _refusal(ws, host)
        assert result is not None and "refusing to listen" in result, host
    # on the loopback accounts exist (even only disabled ones): sign-in, never local mode
    assert sign_in_mode(ws, "127.0.0.1") is False


def _refusal(ws, host: str) -> str | None:
    from inhouse.errors import InvalidInput

    try:
        sign_in_mode(ws, host)
    except InvalidInput as exc:
        return exc.message
    return None


def test_local_mode_only_on_the_loopback_without_any_account(ws):
    assert sign_in_mode(ws, "127.0.0.1") is True and sign_in_mode(ws, "::1") is True
    assert _refusal(ws, "0.0.0.0") is not None
    _add(ws, "admin@acme.example", "admin")
    assert sign_in_mode(ws, "0.0.0.0") is False and sign_in_mode(ws, "localhost") is False


def test_an_app_served_beyond_the_loopback_needs_sign_in_for_every_page(ws):
    _add(ws, "admin@acme.example", "admin")
    with WebClient(create_app(ws, local_mode=False, hosts=("0.0.0.0",)), follow_redirects=False) as web:
        assert web.get("/").status_code == 303 and web.get("/").headers["location"].startswith("/login")
        assert web.get("/api/engagements").status_code == 401
        assert web.get("/login").status_code == 200
        web.sign_in("admin@acme.example", PASSWORD)
        assert web.get("/").status_code == 200


def test_the_app_without_accounts_and_without_local_mode_lets_nobody_in(ws):
    with WebClient(create_app(ws, local_mode=False), follow_redirects=False) as web:
        assert web.get("/").status_code == 303
        assert web.get("/api/portfolio").status_code == 401
        assert web.post("/partners", data={"name": "Evil Corp"}).status_code in (401, 303)


def test_served_app_takes_the_serve_decision(sqlite_url, monkeypatch):
    from inhouse.web.app import served_app

    monkeypatch.setenv("INHOUSE_DATABASE_URL", sqlite_url)
    from tests import records

    app = served_app()  # started by another server without serve's decision: sign-in needed
    records.init(app.state.workspace, "Acme Analytics")
    assert app.state.local_allowed is False
    local = served_app(local_mode=True, hosts=("127.0.0.1",))
    assert local.state.local_allowed is True
    with WebClient(local) as web:
        assert web.get("/").status_code == 200 and "Local single-user mode" in web.get("/").text
    with WebClient(app, follow_redirects=False) as web:
        assert web.get("/").status_code == 303
    app.state.workspace.dispose()
    local.state.workspace.dispose()
