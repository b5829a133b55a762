"""Contract versions on the web: a contract naming other parties is held (the job says why) and
stored as the engagement's contract only after "Store anyway"; the engagement page and the contract
page show the versions, which one is current and why, and what changed since the version before."""

from __future__ import annotations

import pytest

from inhouse.jobs import JobRunner
from inhouse.web import create_app
from tests import webdata
from tests.unit.test_contract_diff import V1
from tests.webclient import WebClient

ACME = V1.replace("Meridian Freight Ltd.", "Acme Corp").replace("Quantia Labs GmbH", "Northwind Traders")
OURS = V1.replace("Meridian Freight Ltd.", "Acme Analytics Ltd.")  # the workspace's client and partner


@pytest.fixture
def web(ws):
    ids = webdata.seed(ws)  # v1: the seeded contract (no parties named), reviewed
    runner = JobRunner(ws, workers=1, interval=0.0)
    with WebClient(create_app(ws, runner=runner), raise_server_exceptions=False) as client:
        yield client, runner, ids
    runner.shutdown()


def _last_job(client, runner, eid: int) -> dict:
    job_id = client.get(f"/api/engagements/{eid}/jobs").json()[0]["id"]
    runner.wait(job_id, timeout=60)
    return client.get(f"/api/jobs/{job_id}").json()


def _versions(client, eid: int) -> list[tuple[int, str]]:
    return [(v["version"], v["status"]) for v in client.get(f"/api/engagements/{eid}/contract/versions").json()]


def test_a_handed_over_contract_of_other_parties_waits_for_store_anyway(web):
    client, runner, ids = web
    eid, v1 = ids["engagement_id"], ids["document_id"]
    before = client.get(f"/api/engagements/{eid}").json()["contract"]
    sent = client.post(
        f"/api/engagements/{eid}/documents",
        files={"file": ("acme.md", ACME.encode(), "text/markdown")},
        data={"kind": "contract"},
    )
    assert sent.status_code == 201 and sent.json()["uploaded_by"]
    v2 = sent.json()["id"]
    job = _last_job(client, runner, eid)
    assert job["status"] == "failed" and "Acme Corp, Northwind Traders" in job["error"]
    assert "Acme Analytics" in job["error"] and "Quantia Labs" in job["error"]
    assert _versions(client, eid) == [(1, "current"), (2, "awaiting confirmation")]
    page = client.get(f"/api/engagements/{eid}").json()
    assert page["contract"] == before  # the score and the exit readiness still read v1
    assert [v["document_id"] for v in page["contract_versions"]] == [v1, v2]
    html = client.get(f"/engagements/{eid}").text
    assert 'id="contract-versions"' in html and "awaiting confirmation" in html
    assert f'action="/documents/{v2}/review" class="inline confirm-parties"' in html
    held = client.get(f"/documents/{v2}").text
    assert 'id="confirm-parties-form"' in held and "parties found: Acme Corp, Northwind Traders" in held

    refused = client.post(f"/api/documents/{v2}/review")
    assert refused.status_code == 409 and "Northwind Traders" in refused.json()["error"]["message"]
    assert client.post(f"/documents/{v2}/review", data={"confirm_parties": "perhaps"}).status_code == 422
    stored = client.post(f"/documents/{v2}/review", data={"confirm_parties": "true"}, follow_redirects=False)
    assert stored.status_code == 303
    assert _versions(client, eid) == [(1, "earlier"), (2, "current")]
    after = client.get(f"/api/engagements/{eid}").json()["contract"]
    assert after["document_id"] == v2 and after["score"] != before["score"]

    diff = client.get(f"/api/engagements/{eid}/contract/diff", params={"before": "1", "after": "v2"})
    assert diff.status_code == 200 and diff.json()["before"]["document_id"] == v1
    assert client.get(f"/api/engagements/{eid}/contract/diff").json() == diff.json()
    assert client.get(f"/api/engagements/{eid}/contract/diff", params={"before": "abc"}).status_code == 422
    assert client.get(f"/api/engagements/{eid}/contract/diff", params={"before": "9"}).status_code == 404
    contract_page = client.get(f"/documents/{v2}").text
    assert 'id="contract-changes"' in contract_page and "What changed since v1" in contract_page
    assert "v2</strong> of 2" in contract_page and "current" in contract_page
    older = client.get(f"/documents/{v1}").text  # the older version stays reachable
    assert "v1</strong> of 2" in older and "replaced by v2" in older


def test_an_uploaded_contract_of_other_parties_stores_nothing_unless_confirmed(web):
    client, runner, ids = web
    eid = ids["engagement_id"]
    sent = client.post(f"/api/engagements/{eid}/contracts", files={"file": ("acme.md", ACME.encode(), "text/markdown")})
    assert sent.status_code == 202
    job = _last_job(client, runner, eid)
    assert job["status"] == "failed" and "nothing stored" in job["error"] and "Acme Corp" in job["error"]
    assert _versions(client, eid) == [(1, "current")]
    page = client.get(f"/jobs/{job['id']}").text
    assert "Northwind Traders" in page

    form = client.post(
        f"/engagements/{eid}/contracts",
        files={"file": ("acme.md", ACME.encode(), "text/markdown")},
        data={"confirm_parties": "true"},
        follow_redirects=False,
    )
    assert form.status_code == 303
    assert _last_job(client, runner, eid)["status"] == "done"
    assert _versions(client, eid) == [(1, "earlier"), (2, "current")]

    ours = client.post(f"/api/engagements/{eid}/contracts", files={"file": ("ours.md", OURS.encode(), "text/markdown")})
    assert ours.status_code == 202 and _last_job(client, runner, eid)["status"] == "done"  # matching: no question
    assert _versions(client, eid) == [(1, "earlier"), (2, "earlier"), (3, "current")]
    html = client.get(f"/engagements/{eid}").text
    assert 'name="confirm_parties"' in html and "the newest of 3 reviewed versions" in html
