"""Every answer carries the security headers, and large ones are compressed for clients that ask."""

from __future__ import annotations

import pytest

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
    assert "frame-ancestors 'none'" in answers[0].headers["content-security-policy"]


def test_pages_and_json_are_compressed_when_the_client_accepts_it(client):
    web, ids = client
    plain = web.get(f"/engagements/{ids['engagement_id']}", headers={"accept-encoding": "identity"})
    packed = web.get(f"/engagements/{ids['engagement_id']}", headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" and packed.text == plain.text
    api = web.get(f"/api/engagements/{ids['engagement_id']}", headers={"accept-encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip" and api.json()["name"] == webdata.ENGAGEMENT
