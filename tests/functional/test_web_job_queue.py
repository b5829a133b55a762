"""The jobs page and `GET /api/jobs`: every state's count, the queue's limits, the latest jobs (of one
state when asked) with progress, and Cancel and Retry for those who may control jobs; a state that is
not one is a 422 naming it."""

from __future__ import annotations

import pytest

from inhouse.domain.accounts import UserIn
from inhouse.domain.jobs import ScanPayload
from inhouse.domain.shapes import validated
from inhouse.jobs import JobRunner
from inhouse.services import accounts
from inhouse.services import jobs as job_service
from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient

PASSWORD = "queue-page-password"
LEAD = "lena.lead@meridianfreight.com"
VIEWER = "vic.viewer@meridianfreight.com"


@pytest.fixture
def queue(ws):
    webdata.seed(ws)
    for email, role in ((LEAD, "lead"), (VIEWER, "viewer")):
        accounts.add(ws, validated(UserIn, email=email, name=email.split(".")[0].title(), role=role, password=PASSWORD))
    runner = JobRunner(ws, workers=0)  # no worker: what is queued stays queued
    payload = ScanPayload(engagement_id=1, repo_id=1)
    jobs = [runner.enqueue(None, "scan", payload, subject=f"repo {n}", engagement_id=1) for n in range(3)]
    job_service.fail(ws, jobs[0].id, "the repository is gone")
    yield ws, runner, [j.id for j in jobs]
    runner.shutdown()


def _client(ws, runner, email):
    return WebClient(create_app(ws, runner=runner), raise_server_exceptions=False).sign_in(email, PASSWORD)


def test_the_api_counts_every_state_and_lists_the_latest_jobs(queue):
    ws, runner, ids = queue
    client = _client(ws, runner, LEAD)
    data = client.get("/api/jobs").json()
    assert list(data) == ["counts", "unfinished", "queued_limit", "per_user", "state", "jobs"]
    counts = {c["state"]: c["jobs"] for c in data["counts"]}
    assert counts == {"queued": 2, "running": 0, "done": 0, "failed": 1, "cancelled": 0}
    assert data["unfinished"] == 2 and data["state"] is None
    assert (data["queued_limit"], data["per_user"]) == (ws.settings.jobs_queued_limit, ws.settings.jobs_per_user)
    assert [j["id"] for j in data["jobs"]] == ids[::-1]  # newest first

    failed = client.get("/api/jobs", params={"state": "failed"}).json()
    assert [j["id"] for j in failed["jobs"]] == [ids[0]] and failed["state"] == "failed"
    assert [j["id"] for j in client.get("/api/jobs", params={"limit": 1}).json()["jobs"]] == [ids[2]]
    for params, field in (({"state": "stuck"}, "state"), ({"limit": 0}, "limit"), ({"limit": 10**6}, "limit")):
        answer = client.get("/api/jobs", params=params)
        assert answer.status_code == 422 and field in answer.json()["error"]["message"], answer.text


def test_the_page_shows_progress_and_lets_a_lead_cancel_and_retry(queue):
    ws, runner, ids = queue
    client = _client(ws, runner, LEAD)
    html = client.get("/jobs").text
    assert 'id="jobs-table"' in html and 'href="/jobs"' in html
    row = html[html.index(f'id="job-{ids[1]}"') :]
    row = row[: row.index("</tr>")]
    assert 'data-finished="false"' in row and "<progress" in row and f'action="/jobs/{ids[1]}/cancel"' in row
    failed = html[html.index(f'id="job-{ids[0]}"') :]
    assert f'action="/jobs/{ids[0]}/retry"' in failed[: failed.index("</tr>")]
    assert "the repository is gone" in failed

    assert client.post(f"/jobs/{ids[1]}/cancel", follow_redirects=False).status_code == 303
    assert client.get(f"/api/jobs/{ids[1]}").json()["status"] == "cancelled"
    only_queued = client.get("/jobs", params={"state": "queued"}).text
    assert f'id="job-{ids[2]}"' in only_queued and f'id="job-{ids[1]}"' not in only_queued
    assert "No done jobs." in client.get("/jobs", params={"state": "done"}).text
    assert client.get("/jobs", params={"state": "stuck"}).status_code == 422


def test_a_viewer_sees_the_queue_without_its_controls(queue):
    ws, runner, ids = queue
    client = _client(ws, runner, VIEWER)
    html = client.get("/jobs").text
    assert f'id="job-{ids[1]}"' in html and "/cancel" not in html and "/retry" not in html
    assert 'href="/jobs"' in client.get("/").text  # the navigation links it
