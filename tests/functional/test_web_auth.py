"""Signing in and out: the session cookie's flags, rotation, idle and absolute expiry, a disabled
account, the rate limit, where the browser goes next, and the pages an anonymous client gets."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.services.accounts import now
from inhouse.web import create_app
from inhouse.web.access import SESSION_COOKIE
from inhouse.web.auth import LOGIN_COOKIE
from tests import webdata
from tests.webclient import WebClient

PASSWORD = "correct horse battery"
LEAD = "lead@acme.example"


def _add(ws, email: str, role: str = "lead") -> None:
    accounts.add(ws, validated(UserIn, email=email, name="Lena Lead", role=role, password=PASSWORD))


@pytest.fixture
def app(ws):
    _add(ws, LEAD)
    return create_app(ws)


def _cookie(web: WebClient) -> str:
    """The session cookie the client holds (the last one the server set)."""
    values = [c.value for c in web.cookies.jar if c.name == SESSION_COOKIE]
    return values[-1] if values else ""


def _post_login(web: WebClient, email: str, password: str, **extra: str):
    data = {"email": email, "password": password, "csrf_token": web.login_token(), **extra}
    return web.post("/login", data=data, follow_redirects=False)


def test_anonymous_clients_get_the_login_page_and_nothing_else(app):
    with WebClient(app, follow_redirects=False) as web:
        page = web.get("/partners?x=1")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fpartners%3Fx%3D1"
        assert web.get("/api/portfolio").status_code == 401
        assert web.get("/api/portfolio").headers["www-authenticate"].startswith("Bearer")
        assert web.get("/docs").status_code == 303 and web.get("/openapi.json").status_code == 401
        login = web.get("/login")
        assert login.status_code == 200 and 'id="login-form"' in login.text
        assert "Local single-user mode" not in login.text and "Sign out" not in login.text
        assert 'href="/partners"' not in login.text  # no navigation for nobody


def test_sign_in_sets_a_safe_cookie_and_sign_out_clears_it(app):
    with WebClient(app, follow_redirects=False) as web:
        answer = _post_login(web, LEAD, PASSWORD)
        assert answer.status_code == 303 and answer.headers["location"] == "/"
        cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE + "="))
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie and "Secure" not in cookie
        home = web.get("/")
        assert home.status_code == 200 and "Lena Lead" in home.text and 'id="signout-form"' in home.text
        assert 'name="csrf_token"' in home.text and "Local single-user mode" not in home.text
        me = web.get("/api/me").json()
        assert me["email"] == LEAD and me["role"] == "lead" and me["csrf_token"]
        old = _cookie(web)
        out = web.post("/logout", follow_redirects=False)
        assert out.status_code == 303 and out.headers["location"] == "/login"
        cleared = next(c for c in out.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE + "="))
        assert "Max-Age=0" in cleared
    with WebClient(app, follow_redirects=False, cookies={SESSION_COOKIE: old}) as stale:
        assert stale.get("/api/me").status_code == 401  # the ended session opens nothing


def test_cookies_are_secure_over_https_and_with_the_setting(ws):
    webdata.seed(ws)
    _add(ws, LEAD)
    with WebClient(create_app(ws), base_url="https://127.0.0.1", follow_redirects=False) as web:
        answer = _post_login(web, LEAD, PASSWORD)
        assert all("Secure" in c for c in answer.headers.get_list("set-cookie"))
    ws.settings.secure_cookies = True
    with WebClient(create_app(ws), follow_redirects=False) as web:
        answer = _post_login(web, LEAD, PASSWORD)
        assert all("Secure" in c for c in answer.headers.get_list("set-cookie"))


def test_a_new_sign_in_rotates_the_session(app):
    with WebClient(app, follow_redirects=False) as web:
        web.sign_in(LEAD, PASSWORD)
        first = _cookie(web)
        web.sign_in(LEAD, PASSWORD)
        second = _cookie(web)
        assert first and second and first != second
        assert web.get("/api/me").status_code == 200
    with WebClient(app, cookies={SESSION_COOKIE: first}) as old:
        assert old.get("/api/me").status_code == 401


def test_a_planted_cookie_is_replaced_at_sign_in(app):
    with WebClient(app, follow_redirects=False, cookies={SESSION_COOKIE: "planted-by-someone-else"}) as web:
        answer = _post_login(web, LEAD, PASSWORD)
        assert answer.status_code == 303
        cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE + "="))
        assert "planted-by-someone-else" not in cookie


def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(app):
    with WebClient(app, follow_redirects=False) as web:
        wrong = _post_login(web, LEAD, "not the password")
        unknown = _post_login(web, "nobody@acme.example", "not the password")
        empty = _post_login(web, "", "")
        for answer in (wrong, unknown, empty):
            assert answer.status_code == 401 and "wrong e-mail or password" in answer.text
            assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")
        messages = {_message(a.text) for a in (wrong, unknown, empty)}
        assert messages == {"wrong e-mail or password"}


def _message(page: str) -> str:
    return page.split('id="login-message" role="alert">', 1)[1].split("<", 1)[0]


def test_the_login_form_needs_its_own_token_and_cookie(app):
    with WebClient(app, follow_redirects=False) as web:
        bare = web.post("/login", data={"email": LEAD, "password": PASSWORD})
        assert bare.status_code == 403 and "sign-in form has expired" in bare.text
        token = web.login_token()
        forged = web.post("/login", data={"email": LEAD, "password": PASSWORD, "csrf_token": token + "x"})
        assert forged.status_code == 403
    with WebClient(app, follow_redirects=False) as other:  # someone else's token, without its cookie
        other.get("/login")
        other.cookies.set(LOGIN_COOKIE, "a-different-nonce-of-enough-length")
        answer = other.post("/login", data={"email": LEAD, "password": PASSWORD, "csrf_token": token})
        assert answer.status_code == 403


def test_a_cross_site_sign_in_is_refused(app):
    with WebClient(app, follow_redirects=False) as web:
        token = web.login_token()
        answer = web.post(
            "/login",
            data={"email": LEAD, "password": PASSWORD, "csrf_token": token},
            headers={"Origin": "http://evil.example"},
        )
        assert answer.status_code == 403 and SESSION_COOKIE not in answer.headers.get("set-cookie", "")


@pytest.mark.parametrize(
    "target, lands",
    [
        ("/partners", "/partners"),
        ("/engagements/1?tab=journal#x", "/engagements/1?tab=journal#x"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("evil.example", "/"),
        ("/login", "/"),
        ("/ok\r\nSet-Cookie: x=1", "/"),
    ],
)
def test_next_is_a_path_of_this_server_only(app, target, lands):
    with WebClient(app, follow_redirects=False) as web:
        answer = _post_login(web, LEAD, PASSWORD, next=target)
        assert answer.status_code == 303 and answer.headers["location"] == lands


def test_the_login_page_keeps_next_for_the_form(app):
    with WebClient(app) as web:
        page = web.get("/login", params={"next": "/partners"})
        assert 'name="next" value="/partners"' in page.text
        evil = web.get("/login", params={"next": "//evil.example"})
        assert 'name="next" value="/"' in evil.text


def _age(ws, column: str, by: timedelta) -> None:
    with ws.engine.begin() as conn:
        conn.execute(text(f"UPDATE web_sessions SET {column} = :at"), {"at": now() - by})


def test_an_idle_session_ends(ws, app):
    with WebClient(app) as web:
        web.sign_in(LEAD, PASSWORD)
        assert web.get("/api/me").status_code == 200
        _age(ws, "seen_at", timedelta(minutes=ws.settings.session_idle_minutes + 1))
        assert web.get("/api/me").status_code == 401


def test_a_session_ends_at_its_absolute_expiry_however_active(ws, app):
    with WebClient(app) as web:
        web.sign_in(LEAD, PASSWORD)
        _age(ws, "expires_at", timedelta(seconds=1))
        assert web.get("/api/me").status_code == 401


def test_a_disabled_accounts_session_stops_at_once(ws, app):
    with WebClient(app) as web:
        web.sign_in(LEAD, PASSWORD)
        assert web.get("/api/me").status_code == 200
        accounts.disable(ws, LEAD)
        assert web.get("/api/me").status_code == 401
        assert _post_login(web, LEAD, PASSWORD).status_code == 401


def test_sign_in_attempts_are_rate_limited(ws, app):
    limit = ws.settings.login_attempts_per_minute
    with WebClient(app, follow_redirects=False) as web:
        for _ in range(limit):
            assert _post_login(web, LEAD, "wrong password!").status_code == 401
        over = _post_login(web, LEAD, PASSWORD)  # even the right password, once over the limit
        assert over.status_code == 429 and 1 <= int(over.headers["retry-after"]) <= 60
        assert "too many sign-in attempts" in over.text
        # another e-mail from the same address still has its own allowance, up to the address's cap
        assert _post_login(web, "other@acme.example", "wrong password!").status_code == 401


def test_a_partner_user_sees_only_its_own_navigation(ws, app):
    webdata.seed(ws)
    accounts.add(
        ws,
        validated(
            UserIn, email="pat@quantia.example", name="Pat", role="partner", partner=webdata.PARTNER, password=PASSWORD
        ),
    )
    with WebClient(app) as web:
        web.sign_in("pat@quantia.example", PASSWORD)
        home = web.get("/")
        assert home.status_code == 200 and 'href="/partners"' not in home.text and "/admin/users" not in home.text


def test_an_admin_sees_the_admin_links_and_a_viewer_has_no_forms_to_post(ws, app):
    _add(ws, "admin@acme.example", "admin")
    with WebClient(app) as web:
        web.sign_in("admin@acme.example", PASSWORD)
        assert 'href="/admin/users"' in web.get("/").text


def test_local_mode_shows_its_banner_on_every_page(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as web:
        for path in ("/", "/partners", f"/engagements/{ids['engagement_id']}", "/engagements/999999"):
            page = web.get(path)
            assert 'id="local-banner"' in page.text and "inhouse user add" in page.text, path
        login = web.get("/login").text
        assert 'id="no-accounts"' in login and 'id="local-banner"' in login
    _add(ws, LEAD)  # once an account exists the local session opens nothing
    with WebClient(create_app(ws), follow_redirects=False) as web:
        assert web.get("/").status_code == 303


def test_signing_in_and_out_through_the_pages_is_in_the_audit_log(ws, app):
    from inhouse.domain.audit import AuditQuery
    from inhouse.services import audit

    with WebClient(app, follow_redirects=False) as web:
        assert _post_login(web, LEAD, "not the password").status_code == 401
        web.sign_in(LEAD, PASSWORD)
        web.sign_in(LEAD, PASSWORD)
        web.post("/logout")
    entries = audit.list(ws, AuditQuery(record_type="users")).entries
    actions = [e.action for e in reversed(entries) if e.action.startswith("sign_")]
    assert actions == ["sign_in_refused", "sign_in", "sign_out", "sign_in", "sign_out"]
    assert all(e.address == "127.0.0.1" for e in entries if e.action.startswith("sign_"))


def test_two_server_processes_share_one_sign_in_limit(ws, app):
    """Each process used to keep its own count: N processes let a guesser try N times the limit."""
    limit = ws.settings.login_attempts_per_minute
    second = Workspace(ws.settings)  # another process on the same database
    try:
        with (
            WebClient(app, follow_redirects=False) as one,
            WebClient(create_app(second), follow_redirects=False) as two,
        ):
            for i in range(limit):
                assert _post_login((one, two)[i % 2], LEAD, "wrong password!").status_code == 401
            assert _post_login(one, LEAD, PASSWORD).status_code == 429
            assert _post_login(two, LEAD, PASSWORD).status_code == 429
    finally:
        second.dispose()
