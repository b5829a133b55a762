"""Single sign-on with OpenID Connect, end to end against a provider on 127.0.0.1: the app reaches it
over real HTTP (discovery, code exchange, keys), the browser is driven hop by hop."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Role, UserIn
from inhouse.services import accounts
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests import records
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider
from tests.webclient import WebClient

ANN = "ann@acme.example"


@pytest.fixture(scope="module")
def provider():
    with Provider() as idp:
        yield idp


@pytest.fixture
def idp(provider):
    provider.reset()
    return provider


def _workspace(url: str, issuer: str) -> Workspace:
    settings = load_settings(
        database_url=url, oidc_issuer=issuer, oidc_client_id=CLIENT_ID, oidc_client_secret=CLIENT_SECRET
    )
    return Workspace(settings)


@pytest.fixture
def ws(sqlite_url, idp):
    workspace = _workspace(sqlite_url, idp.issuer)
    records.init(workspace, "Acme Analytics")
    accounts.add(workspace, UserIn(email=ANN, name="Ann Lee", role=Role.LEAD))  # no password: SSO only
    yield workspace
    workspace.dispose()


@pytest.fixture
def client(ws):
    with WebClient(create_app(ws, local_mode=False)) as browser:
        yield browser


def _to_provider(client: WebClient, idp: Provider, start: str = "/login/sso") -> str:
    """The app's redirect to the provider, and the provider's redirect back (the callback URL)."""
    answer = client.get(start, follow_redirects=False)
    assert answer.status_code == 302, answer.text[:300]
    location = answer.headers["location"]
    assert location.startswith(f"{idp.issuer}/authorize?")
    query = parse_qs(urlsplit(location).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    assert query["scope"] == ["openid email profile"]
    back = httpx.get(location, follow_redirects=False)  # the browser at the provider, over real HTTP
    assert back.status_code == 302, back.text
    return back.headers["location"]


def _sign_in(client: WebClient, idp: Provider, start: str = "/login/sso") -> httpx.Response:
    callback = _to_provider(client, idp, start)
    assert callback.startswith("http://127.0.0.1/login/sso/callback?")
    return client.get(callback, follow_redirects=False)


def _refused(answer: httpx.Response, words: str) -> None:
    assert answer.status_code == 401, (answer.status_code, answer.text[:300])
    assert "single sign-on failed" in answer.text and words in answer.text, answer.text[:2000]
    assert "inhouse_session" not in answer.headers.get("set-cookie", "")


def test_a_known_account_signs_in_and_its_subject_is_bound(client, ws, idp):
    answer = _sign_in(client, idp)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert "inhouse_session=" in answer.headers["set-cookie"]
    me = client.get("/api/me").json()
    assert me["email"] == ANN and me["role"] == "lead" and me["local"] is False
    [ann] = accounts.list_all(ws)
    assert ann.sso is True and ann.last_login_at is not None
    assert idp.token_requests == 1

    again = WebClient(client.app)  # another browser, the same person: signs in again
    assert _sign_in(again, idp).status_code == 303
    assert again.get("/api/me").json()["email"] == ANN


def test_signing_in_again_ends_the_previous_session(client, idp):
    assert _sign_in(client, idp).status_code == 303
    first = client.cookies["inhouse_session"]
    assert _sign_in(client, idp).status_code == 303
    assert client.cookies["inhouse_session"] != first and client.get("/api/me").status_code == 200
    old = WebClient(client.app, cookies={"inhouse_session": first})
    assert old.get("/api/me").status_code == 401


def test_a_sign_in_started_on_one_server_process_ends_on_another(client, ws, idp):
    """The state cookie's key is kept in the database: every worker process checks it alike."""
    callback = _to_provider(client, idp)
    with WebClient(create_app(ws, local_mode=False), cookies=dict(client.cookies.items())) as other:
        answer = other.get(callback, follow_redirects=False)
        assert answer.status_code == 303 and other.get("/api/me").json()["email"] == ANN


def test_an_email_the_provider_does_not_qualify_is_matched_in_any_case(client, idp):
    idp.options.user.email, idp.options.user.email_verified = "Ann@ACME.example", None
    assert _sign_in(client, idp).status_code == 303
    assert client.get("/api/me").json()["email"] == ANN


def test_the_state_cookie_is_short_lived_and_scoped_to_the_sign_in(client, idp):
    answer = client.get("/login/sso", follow_redirects=False)
    cookie = answer.headers["set-cookie"].lower()
    assert cookie.startswith("inhouse_sso=") and "path=/login/sso" in cookie
    assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=600" in cookie


def test_next_is_kept_through_the_provider_but_only_a_local_path(client, idp):
    answer = _sign_in(client, idp, "/login/sso?" + urlencode({"next": "/partners?tab=all"}))
    assert answer.status_code == 303 and answer.headers["location"] == "/partners?tab=all"
    for elsewhere in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
        other = WebClient(client.app)
        answer = _sign_in(other, idp, "/login/sso?" + urlencode({"next": elsewhere}))
        assert answer.status_code == 303 and answer.headers["location"] == "/", elsewhere


def test_an_unknown_email_is_refused(client, idp):
    idp.options.user.email = "mallory@acme.example"
    _refused(_sign_in(client, idp), "no account for mallory@acme.example")
    assert client.get("/api/me").status_code == 401


def test_a_disabled_account_is_refused(client, ws, idp):
    accounts.disable(ws, ANN)
    _refused(_sign_in(client, idp), "disabled")


def test_an_unverified_email_is_refused(client, idp):
    idp.options.user.email_verified = False
    _refused(_sign_in(client, idp), "has not verified")


def test_another_subject_for_the_same_email_is_refused(client, idp):
    assert _sign_in(client, idp).status_code == 303  # binds idp-user-1
    idp.options.user.sub = "idp-user-2"  # someone else holds the address at the provider now
    other = WebClient(client.app)
    _refused(_sign_in(other, idp), "another single sign-on identity")
    assert other.get("/api/me").status_code == 401


@pytest.mark.parametrize(
    "option, value, words",
    [
        ("audience", "another-client", "could not be verified"),
        ("expired", True, "could not be verified"),
        ("issuer", "http://127.0.0.1:1", "could not be verified"),
        ("nonce", "a-replayed-nonce", "could not be verified"),
        ("sign_with_other_key", True, "could not be verified"),
        ("no_id_token", True, "no ID token"),
        ("deny", "access_denied", "answered access_denied"),
    ],
)
def test_an_untrustworthy_answer_is_refused(client, idp, option, value, words):
    setattr(idp.options, option, value)
    _refused(_sign_in(client, idp), words)
    assert client.get("/api/me").status_code == 401


def test_a_tampered_or_foreign_state_is_refused(client, idp):
    callback = _to_provider(client, idp)
    parts = urlsplit(callback)
    query = parse_qs(parts.query)
    query["state"] = ["not-the-state-we-sent"]
    tampered = urlunsplit(parts._replace(query=urlencode({k: v[0] for k, v in query.items()})))
    _refused(client.get(tampered, follow_redirects=False), "state does not match")

    stranger = WebClient(client.app)  # the callback URL opened in a browser that did not start the sign-in
    _refused(stranger.get(callback, follow_redirects=False), "state does not match")
    assert idp.token_requests == 0  # the code was never exchanged

    assert client.get(callback, follow_redirects=False).status_code == 303  # the real browser still signs in
    _refused(client.get(callback, follow_redirects=False), "state does not match")  # but only once


def test_a_callback_without_any_parameter_is_refused(client, idp):
    _refused(client.get("/login/sso/callback", follow_redirects=False), "state does not match")


def test_without_an_issuer_single_sign_on_is_not_there(sqlite_url):
    ws = Workspace(load_settings(database_url=sqlite_url))
    records.init(ws, "Acme Analytics")
    with WebClient(create_app(ws)) as browser:
        for path in ("/login/sso", "/login/sso/callback?code=x&state=y"):
            answer = browser.get(path, follow_redirects=False)
            assert answer.status_code == 404 and "single sign-on is not configured" in answer.text
            assert "inhouse_sso" not in answer.headers.get("set-cookie", "")
    ws.dispose()


def test_an_unreachable_provider_is_one_line_not_a_500(ws):
    ws = _workspace(ws.settings.database_url, "http://127.0.0.1:1")  # nothing listens there
    with WebClient(create_app(ws, local_mode=False)) as browser:
        answer = browser.get("/login/sso", follow_redirects=False)
        assert answer.status_code == 502 and "the identity provider cannot be reached" in answer.text
    ws.dispose()


def test_an_uninitialised_workspace_starts_and_says_so(tmp_path, idp):
    ws = _workspace(f"sqlite:///{tmp_path / 'empty.db'}", idp.issuer)
    app = create_app(ws, local_mode=False)  # reads no secret yet
    with WebClient(app) as browser:
        answer = browser.get("/login/sso", follow_redirects=False)
        assert answer.status_code == 503, answer.text[:300]
    ws.dispose()
