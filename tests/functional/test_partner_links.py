"""A partner's website is a web link or nothing: never a script that runs when clicked."""

from __future__ import annotations

import pytest

from inhouse.domain.organisations import Partner
from inhouse.services import lookup
from inhouse.web import create_app
from tests.webclient import WebClient


@pytest.fixture
def client(ws):
    with WebClient(create_app(ws)) as client:
        yield client, ws


@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<b>x</b>", "ftp://x.io"]
)
def test_other_schemes_are_refused(client, website):
    web, _ = client
    response = web.post("/api/partners", json={"name": "Harbour", "website": website})
    assert response.status_code == 422
    assert (
        response.json()["error"]["message"] == "website must be an http or https address, such as https://example.com"
    )
    assert web.get("/api/partners").json()["partners"] == []


def test_a_bare_domain_becomes_an_https_address(client):
    web, _ = client
    added = web.post("/api/partners", json={"name": "Harbour", "website": "harbour.example"}).json()
    assert added["website"] == "https://harbour.example"
    assert 'href="https://harbour.example"' in web.get("/partners").text


def test_a_script_link_stored_before_is_shown_as_text(client):
    web, ws = client
    with ws.uow() as uow:  # as an older workspace may hold it
        uow.partners.add(Partner(name="Old", client_id=lookup.the_client(uow).id, website="javascript:alert(1)"))
        uow.commit()
    page = web.get("/partners").text
    assert "javascript:alert(1)" in page and 'href="javascript:' not in page
