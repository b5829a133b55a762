"""The JSON API on real databases: the pages' data, the fixed error shape, OpenAPI and local docs."""

from __future__ import annotations

import pytest

from inhouse.bootstrap import Workspace
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids


def test_portfolio_and_engagement_json(seeded):
    client, ids = seeded
    portfolio = client.get("/api/portfolio").json()
    [row] = portfolio["engagements"]
    assert row["name"] == webdata.ENGAGEMENT and row["reviews"]["count"] == 3
    assert row["scan"]["summary"].startswith("truck factor 1")
    engagement = client.get(f"/api/engagements/{ids['engagement_id']}").json()
    assert engagement["knowledge"]["truck_factor"] == {"value": 1, "authors": ["Mei Chen"]}
    assert [p["internal_share"] for p in engagement["share"]["points"]] == [0.22, 0.41]
    assert engagement["contract"]["score"] == 46
    assert [r["week_of"] for r in engagement["timeline"]["reviews"]][0] == "2026-11-16"
    assert "2026-11-09" in engagement["timeline"]["missed_weeks"]
    assert client.get("/api/engagements").json()[0]["name"] == webdata.ENGAGEMENT


def test_document_json_locates_every_evidence(seeded):
    client, ids = seeded
    data = client.get(f"/api/documents/{ids['document_id']}").json()
    text = "".join(s["text"] for s in data["segments"])
    assert text.startswith("MASTER SERVICES AGREEMENT")
    marked = {tuple(s["findings"]): s["text"] for s in data["segments"] if s["findings"]}
    assert marked[("clause-deliverable_ownership",)] == webdata.QUOTES["ownership"]


@pytest.mark.parametrize(
    "path, kind, status",
    [
        ("/api/engagements/999", "NotFound", 404),
        ("/api/documents/abc", "InvalidInput", 422),  # a document id is a number
        ("/api/jobs/12345", "NotFound", 404),
        ("/api/no-such-thing", "NotFound", 404),
    ],
)
def test_errors_have_one_fixed_json_shape(seeded, path, kind, status):
    client, _ = seeded
    response = client.get(path)
    assert response.status_code == status
    assert response.json() == {"error": {"type": kind, "message": response.json()["error"]["message"]}}
    assert set(response.json()["error"]) == {"type", "message"}


def test_validation_and_conflict_errors_use_the_same_shape(seeded):
    client, _ = seeded
    invalid = client.post("/api/partners", json={"status": "candidate"})
    assert invalid.status_code == 422 and invalid.json()["error"]["type"] == "InvalidInput"
    assert "name" in invalid.json()["error"]["message"]
    assert client.post("/api/partners", json={"name": "Northwind ML"}).status_code == 201
    conflict = client.post("/api/partners", json={"name": "Northwind ML"})
    assert conflict.status_code == 409 and conflict.json()["error"]["type"] == "Conflict"
    bad_status = client.post("/api/partners", json={"name": "Other", "status": "friend"})
    assert bad_status.status_code == 422


def test_html_clients_get_an_error_page(seeded):
    client, _ = seeded
    page = client.get("/engagements/999")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert 'id="error-message"' in page.text


def test_uninitialised_workspace_is_a_503(tmp_path):
    ws = Workspace(load_settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    with WebClient(create_app(ws)) as client:
        response = client.get("/api/portfolio")
    ws.dispose()
    assert response.status_code == 503 and response.json()["error"]["type"] == "StorageUnavailable"


def test_openapi_lists_the_api_and_its_error_shape(seeded):
    client, _ = seeded
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/portfolio",
        "/api/engagements/{ref}",
        "/api/partners",
        "/api/documents/{document_id}",
        "/api/jobs/{job_id}",
        "/api/engagements/{ref}/reviews",
        "/api/engagements/{ref}/contracts",
    ):
        assert path in schema["paths"], path
    assert "ErrorOut" in schema["components"]["schemas"]
    assert not any(p.startswith("/engagements") for p in schema["paths"])  # pages stay out of the API


def test_review_through_the_api(seeded):
    client, ids = seeded
    created = client.post(
        f"/api/engagements/{ids['engagement_id']}/reviews",
        json={"week_of": "2026-11-09", "done": "a", "why": "b", "next": "c", "attendees": ["Priya Raman"]},
    )
    assert created.status_code == 201 and created.json()["week_of"] == "2026-11-09"
