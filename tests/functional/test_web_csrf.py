"""CSRF and Host checks: a write sent with the session cookie needs the session's token and our own
origin; every form of the pages carries the token; a request for another Host gets 400."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from inhouse.domain.accounts import UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts, tokens
from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient

PASSWORD = "correct horse battery"
LEAD = "lead@acme.example"


@pytest.fixture
def signed_in(ws):
    ids = webdata.seed(ws)
    accounts.add(ws, validated(UserIn, email=LEAD, name="Lena Lead", role="lead", password=PASSWORD))
    with WebClient(create_app(ws), follow_redirects=False) as web:
        web.sign_in(LEAD, PASSWORD)
        yield web, ids


def _partners(web: WebClient) -> list[str]:
    return [p["name"] for p in web.get("/api/partners").json()["partners"]]


def test_a_form_post_without_or_with_a_wrong_token_is_refused(signed_in):
    web, _ = signed_in
    token = web.csrf_token()
    assert token
    missing = web.post("/partners", data={"name": "Forged One"}, headers={"X-CSRF-Token": ""})
    wrong = web.post(
        "/partners", data={"name": "Forged Two", "csrf_token": token[:-1] + "x"}, headers={"X-CSRF-Token": ""}
    )
    for answer in (missing, wrong):
        assert answer.status_code == 403 and "CSRF token" in answer.text
    assert "Forged One" not in _partners(web) and "Forged Two" not in _partners(web)
    # the form field, as the pages send it, is accepted
    fine = web.post("/partners", data={"name": "Real One", "csrf_token": token}, headers={"X-CSRF-Token": ""})
    assert fine.status_code == 303 and "Real One" in _partners(web)


def test_a_json_write_with_the_cookie_needs_the_header(signed_in):
    web, _ = signed_in
    refused = web.post("/api/partners", json={"name": "Scripted"}, headers={"X-CSRF-Token": "nope"})
    assert refused.status_code == 403 and refused.json()["error"]["type"] == "Forbidden"
    assert web.post("/api/partners", json={"name": "Scripted"}).status_code == 201


def test_a_cross_origin_post_is_refused_even_with_the_token(signed_in):
    web, _ = signed_in
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Referer": "http://evil.example/form"}):
        answer = web.post("/partners", data={"name": "Cross Site"}, headers=headers)
        assert answer.status_code == 403 and "cross-origin" in answer.text, headers
    assert "Cross Site" not in _partners(web)
    own = web.post(
        "/partners", data={"name": "Same Site"}, headers={"Origin": "http://127.0.0.1", "Referer": "http://127.0.0.1/"}
    )
    assert own.status_code == 303


def test_an_api_token_needs_no_csrf_token(ws, signed_in):
    web, _ = signed_in
    token = tokens.create(ws, LEAD, "1d").token
    with WebClient(create_app(ws), csrf=False) as api:
        answer = api.post("/api/partners", json={"name": "By Token"}, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 201
        # the same request with a cookie and no token: refused
        api.cookies.update(web.cookies)
        assert api.post("/api/partners", json={"name": "By Cookie"}).status_code == 403


def test_the_local_user_needs_the_token_too(ws):
    webdata.seed(ws)
    with WebClient(create_app(ws), csrf=False, follow_redirects=False) as web:
        web.get("/")  # the local session starts
        assert web.post("/partners", data={"name": "Forged Locally"}).status_code == 403
        assert web.post("/api/partners", json={"name": "Forged Locally"}).status_code == 403


def test_every_form_of_the_pages_carries_the_token(signed_in):
    web, ids = signed_in
    token = web.csrf_token()
    engagement = ids["engagement_id"]
    pages = ["/", "/partners", f"/engagements/{engagement}", f"/documents/{ids['document_id']}"]
    forms = 0
    for path in pages:
        page = web.get(path)
        assert page.status_code == 200, path
        soup = BeautifulSoup(page.text, "html.parser")
        assert soup.find("meta", attrs={"name": "csrf-token"})["content"] == token
        for form in soup.find_all("form"):
            if (form.get("method") or "get").lower() != "post":
                continue
            forms += 1
            field = form.find("input", attrs={"name": "csrf_token"})
            assert field is not None and field["value"] == token, (path, form.get("action"))
    assert forms >= 8


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.", "[::2]"])
def test_a_request_for_another_host_is_refused(ws, host):
    with WebClient(create_app(ws)) as web:
        assert web.get("/healthz").status_code == 200
        answer = web.get("/healthz", headers={"Host": host})
        assert answer.status_code == 400 and answer.headers["x-frame-options"] == "DENY"


def test_the_allowed_hosts_and_the_bound_address_are_answered(ws):
    ws.settings.allowed_hosts = ["inhouse.acme.example"]
    app = create_app(ws, hosts=("192.168.1.5", "fe80::1"))
    with WebClient(app) as web:
        for host in (
            "localhost:8000",
            "127.0.0.1",
            "[::1]:8000",
            "inhouse.acme.example",
            "192.168.1.5:8000",
            "[fe80::1]",
        ):
            assert web.get("/healthz", headers={"Host": host}).status_code == 200, host
        assert web.get("/healthz", headers={"Host": "other.acme.example"}).status_code == 400


def test_a_kept_page_is_never_served_to_another_session(ws, signed_in):
    lead, ids = signed_in
    accounts.add(ws, validated(UserIn, email="vic@acme.example", name="Vic Viewer", role="viewer", password=PASSWORD))
    with WebClient(lead.app, follow_redirects=False) as viewer:
        viewer.sign_in("vic@acme.example", PASSWORD)
        for path in ("/", "/partners", f"/engagements/{ids['engagement_id']}"):
            first, second = lead.get(path), viewer.get(path)
            assert lead.get(path).text == first.text  # kept and served again to the same session
            assert "Lena Lead" in first.text and "Vic Viewer" not in first.text, path
            assert "Vic Viewer" in second.text and lead.csrf_token() not in second.text, path
            assert first.headers["etag"] != second.headers["etag"], path
            again = viewer.get(path, headers={"If-None-Match": first.headers["etag"]})
            assert again.status_code == 200 and "Vic Viewer" in again.text, path
