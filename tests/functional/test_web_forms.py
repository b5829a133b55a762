"""Forms submitted for real (in process): stored through the services, shown on the page; errors are 4xx."""

from __future__ import annotations

import pytest

from inhouse.bootstrap import Workspace
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests import records, webdata
from tests.webclient import WebClient


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids, ws


def test_weekly_review_form_adds_a_review_to_the_timeline(seeded):
    client, ids, _ = seeded
    eid = ids["engagement_id"]
    form = {
        "week_of": "2026-11-09",
        "done": "Shadow deployment of the P90 model",
        "why": "dispatchers need ranges",
        "next": "Priya promotes the model alone",
        "attendees": "Priya Raman",
    }
    response = client.post(f"/engagements/{eid}/reviews", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].endswith("#review-2026-11-09")
    page = client.get(f"/engagements/{eid}").text
    assert 'id="review-2026-11-09"' in page and "Shadow deployment of the P90 model" in page


def test_invalid_review_is_a_clear_4xx_and_stores_nothing(seeded):
    client, ids, _ = seeded
    eid = ids["engagement_id"]
    bad = client.post(
        f"/engagements/{eid}/reviews", data={"week_of": "not a date", "done": "x", "why": "y", "next": "z"}
    )
    assert bad.status_code == 422 and 'id="error-message"' in bad.text
    missing = client.post(
        f"/engagements/{eid}/reviews", data={"week_of": "2026-11-09"}, headers={"accept": "application/json"}
    )
    assert missing.status_code == 422 and missing.json()["error"]["type"] == "InvalidInput"
    assert client.get(f"/api/engagements/{eid}").json()["reviews"]["count"] == 3


def test_decision_and_drill_forms(seeded):
    client, ids, ws = seeded
    eid = ids["engagement_id"]
    records.add_person(ws, "Priya Raman", "internal")  # a drill is done by a person of the engagement
    assert (
        client.post(
            f"/engagements/{eid}/decisions",
            data={
                "title": "Own the model registry",
                "decided_by": "internal",
                "decided_on": "2026-11-10",
                "rationale": "exit readiness",
            },
            follow_redirects=False,
        ).status_code
        == 303
    )
    assert (
        client.post(
            f"/engagements/{eid}/drills",
            data={
                "performed_on": "2026-11-12",
                "person": "Priya Raman",
                "modification": "Retrain alone",
                "outcome": "alone",
                "stuck_points": "",
                "training_hours": "0",
            },
            follow_redirects=False,
        ).status_code
        == 303
    )
    page = client.get(f"/engagements/{eid}").text
    assert "Own the model registry" in page and "Retrain alone" in page


def test_partner_form_adds_a_partner_and_duplicates_conflict(seeded):
    client, _, _ = seeded
    response = client.post(
        "/partners",
        data={"name": "Northwind ML", "status": "candidate", "domains": "northwind.example"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "Northwind ML" in client.get("/partners").text
    again = client.post("/partners", data={"name": "Northwind ML"})
    assert again.status_code == 409 and "already exists" in again.text


def test_uploads_refuse_wrong_types_empty_and_oversized_files(database_url, tmp_path):
    from tests import records

    ws = Workspace(load_settings(database_url=database_url, max_document_bytes=1000))
    records.init(ws, "Acme Analytics")
    ids = webdata.seed(ws)
    eid = ids["engagement_id"]
    with WebClient(create_app(ws)) as client:
        kinds = client.post(f"/engagements/{eid}/contracts", files={"file": ("photo.png", b"\x89PNG....")})
        assert kinds.status_code == 422 and "unsupported file type" in kinds.text
        empty = client.post(f"/api/engagements/{eid}/contracts", files={"file": ("c.txt", b"   ")})
        assert empty.status_code == 422 and empty.json()["error"]["message"].endswith("file is empty")
        large = client.post(f"/api/engagements/{eid}/contracts", files={"file": ("c.txt", b"x" * 5000)})
        assert large.status_code == 413 and large.json()["error"]["type"] == "TooLarge"
        huge = client.post(f"/api/engagements/{eid}/contracts", files={"file": ("c.txt", b"x" * 400_000)})
        assert huge.status_code == 413
        nothing = client.post(f"/api/engagements/{eid}/contracts")
        assert nothing.status_code == 422
        documents = client.get(f"/api/engagements/{eid}").json()["documents"]
    ws.dispose()
    assert [d["filename"] for d in documents] == [webdata.CONTRACT_NAME]  # nothing half-stored
