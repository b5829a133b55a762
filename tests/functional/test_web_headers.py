"""Every answer carries the security headers (a CSP without inline script), the pages hold no
inline script for it to refuse, and large answers are compressed for clients that ask."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from inhouse.web import create_app
from inhouse.web.headers import SECURITY_HEADERS
from tests import webdata
from tests.webclient import WebClient


@pytest.fixture
def client(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids


def test_every_kind_of_answer_has_the_security_headers(client):
    web, ids = client
    answers = [
        web.get("/"),
        web.get(f"/api/engagements/{ids['engagement_id']}"),
        web.get("/api/engagements/999999"),  # a refusal
        web.get("/static/style.css"),
        web.get("/docs"),
        web.post("/api/partners", json={"name": ""}),  # invalid input
    ]
    for response in answers:
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (response.url, name)
    policy = dict(part.strip().split(" ", 1) for part in answers[0].headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'" and policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'" and policy["img-src"] == "'self' data:"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    bad_host = web.get("/healthz", headers={"Host": "evil.example"})
    assert bad_host.status_code == 400 and bad_host.headers["content-security-policy"] == policy_text(answers[0])


def policy_text(response) -> str:
    return response.headers["content-security-policy"]


def test_no_page_has_an_inline_script_or_handler(client):
    web, ids = client
    engagement = ids["engagement_id"]
    pages = ["/", "/partners", f"/engagements/{engagement}", f"/documents/{ids['document_id']}", "/docs", "/nowhere"]
    for path in pages:
        soup = BeautifulSoup(web.get(path).text, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src", "").startswith(("/static/", "/docs-assets/")), (path, str(script)[:100])
            assert not script.string or not script.string.strip(), path
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if re.fullmatch(r"on[a-z]+", name)]
            assert handlers == [], (path, tag.name, handlers)
            for name in ("href", "action", "src", "formaction"):
                assert not str(tag.get(name, "")).lower().startswith("javascript:"), (path, tag.name)


def test_the_api_docs_start_from_a_static_script(client):
    web, _ = client
    page = web.get("/docs")
    assert page.status_code == 200 and '<script src="/static/swagger-init.js">' in page.text
    assert web.get("/static/swagger-init.js").status_code == 200
    assert web.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_pages_and_json_are_compressed_when_the_client_accepts_it(client):
    web, ids = client
    plain = web.get(f"/engagements/{ids['engagement_id']}", headers={"accept-encoding": "identity"})
    packed = web.get(f"/engagements/{ids['engagement_id']}", headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" and packed.text == plain.text
    api = web.get(f"/api/engagements/{ids['engagement_id']}", headers={"accept-encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip" and api.json()["name"] == webdata.ENGAGEMENT


@pytest.mark.parametrize(
    "text, href",
    [
        ("https://quantialabs.io/team", "https://quantialabs.io/team"),
        ("quantialabs.io", "https://quantialabs.io"),
        ("mailto:ann@quantialabs.io", "mailto:ann@quantialabs.io"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("mailto:ann@quantialabs.io?body=<x>", None),
        ("mailto:javascript:alert(1)", None),
        ("https://exa mple.com", None),
        ("java\tscript:alert(1)", None),
        ("", None),
    ],
)
def test_links_in_user_content_are_only_http_or_mailto(text, href):
    from inhouse.web.templating import web_link

    assert web_link(text) == href
