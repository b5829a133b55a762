"""The partner forms submitted for real (in process) on real databases: a proposal upload assessed
through the partner assessment service, and a reference check; bad input is a clear 4xx and
stores nothing."""

from __future__ import annotations

import pytest

from inhouse.web import create_app
from tests import records
from tests.webclient import WebClient

PROPOSAL = """# Northwind ML: proposal for shipment ETAs

## What we heard

Before talking about technology we asked what hurts most today: your dispatchers said arrival
estimates on two lanes are wrong by hours, and your analysts want to own the model afterwards.

## What we are not

We are strong at forecasting models. We are not specialists in carrier EDI integration; your
integration team should keep that part. We cannot promise an accuracy figure before seeing your data.

## How we would start

A three-week paid pilot on one lane, time and materials, with a go/no-go review at the end.

## References

- A regional parcel carrier (similar scale); the system is still running and you can talk to
  their head of analytics directly.
"""


@pytest.fixture
def client(ws):
    partner = records.add_partner(ws, "Northwind ML", domains=["northwind.example"])
    with WebClient(create_app(ws)) as client:
        yield client, partner["id"]


def _partner(client, partner_id: int) -> dict:
    return next(p for p in client.get("/api/partners").json()["partners"] if p["id"] == partner_id)


def test_proposal_upload_through_the_form_is_assessed_and_shown(client):
    client, pid = client
    response = client.post(
        f"/partners/{pid}/proposals", files={"file": ("northwind.md", PROPOSAL.encode())}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/jobs/")
    job_id = int(response.headers["location"].rsplit("/", 1)[1])
    client.app.state.runner.wait(job_id, timeout=30)
    job_page = client.get(response.headers["location"]).text
    assert f'href="/partners#partner-{pid}"' in job_page  # then the job page links the partner's section
    partner = _partner(client, pid)
    [assessment] = partner["assessments"]
    assert set(assessment["signals"]) == {"problem_first", "honest_limits", "starts_small"}
    assert assessment["signals"]["starts_small"]["value"] is True
    [document] = partner["documents"]
    assert document["filename"] == "northwind.md" and document["kind"] == "proposal"
    assert partner["references"], "the reference the proposal cites is kept"
    page = client.get("/partners").text
    card = page.split(f'id="partner-{pid}"', 1)[1].split("</section>", 1)[0]
    assert "Proposes starting small" in card and f'href="/documents/{document["id"]}"' in card
    view = client.get(f"/documents/{document['id']}")
    assert view.status_code == 200 and "three-week paid pilot" in view.text


def test_proposal_upload_errors_store_nothing(client):
    client, pid = client
    wrong = client.post(f"/partners/{pid}/proposals", files={"file": ("deck.pptx", b"PK\x03\x04...")})
    assert wrong.status_code == 422 and "unsupported file type" in wrong.text
    empty = client.post(f"/api/partners/{pid}/proposals", files={"file": ("p.md", b"  \n ")})
    assert empty.status_code == 422 and empty.json()["error"]["type"] == "InvalidInput"
    unknown = client.post("/api/partners/no-such-partner/proposals", files={"file": ("p.md", PROPOSAL.encode())})
    assert unknown.status_code == 404 and unknown.json()["error"]["type"] == "NotFound"
    partner = _partner(client, pid)
    assert partner["assessments"] == [] and partner["documents"] == []


def test_proposal_through_the_api(client):
    client, pid = client
    created = client.post(f"/api/partners/{pid}/proposals", files={"file": ("northwind.txt", PROPOSAL.encode())})
    assert created.status_code == 202
    queued = created.json()
    assert queued["kind"] == "proposal" and queued["subject"] == "northwind.txt (Northwind ML)"
    client.app.state.runner.wait(queued["id"], timeout=30)
    job = client.get(f"/api/jobs/{queued['id']}").json()
    assert job["status"] == "done", job["error"]
    result = job["result"]
    assert (result["partner"], result["partner_id"]) == ("Northwind ML", pid) and result["document_id"]
    assert result["summary"] == "proposal of Northwind ML assessed"


def test_reference_form_adds_a_checked_reference(client):
    client, pid = client
    response = client.post(
        f"/partners/{pid}/references",
        data={
            "name": "Harbour Logistics",
            "similar_scale": "yes",
            "still_running": "no",
            "client_contact_offered": "yes",
            "notes": "called their CTO",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"/partners#partner-{pid}"
    [reference] = _partner(client, pid)["references"]
    assert (
        reference["name"],
        reference["similar_scale"],
        reference["still_running"],
        reference["client_contact_offered"],
    ) == ("Harbour Logistics", "yes", "no", "yes")
    card = client.get("/partners").text.split(f'id="partner-{pid}"', 1)[1].split("</section>", 1)[0]
    assert "Harbour Logistics" in card and "can talk to them <strong>yes</strong>" in card


def test_reference_form_errors_store_nothing(client):
    client, pid = client
    bad = client.post(f"/partners/{pid}/references", data={"name": "Harbour", "similar_scale": "maybe"})
    assert bad.status_code == 422 and 'id="error-message"' in bad.text
    assert "similar_scale must be yes, no or unknown" in bad.text
    nameless = client.post(f"/api/partners/{pid}/references", json={"similar_scale": "yes"})
    assert nameless.status_code == 422 and nameless.json()["error"]["type"] == "InvalidInput"
    unknown = client.post("/partners/999/references", data={"name": "Harbour"})
    assert unknown.status_code == 404
    assert _partner(client, pid)["references"] == []
