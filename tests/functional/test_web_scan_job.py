"""A scan started from the engagement page runs as a background job on a real git repository:
the form answers at once, the job's progress is polled through the API until it is done, then
the page shows the scan. A scan that fails shows its error instead."""

from __future__ import annotations

import shutil
import time

import pytest

from inhouse.domain.repos import RepoIn
from inhouse.jobs import JobRunner
from inhouse.services import repos
from inhouse.web import create_app
from tests import records
from tests.gitrepo import GitRepoBuilder, lines
from tests.webclient import WebClient

PRIYA = "Priya Raman <priya@meridian.example>"
MEI = "Mei Chen <mei.chen@quantialabs.io>"


def _history(path) -> GitRepoBuilder:
    """A year of work: the partner writes the serving code, the internal team takes over features."""
    repo = GitRepoBuilder(path)
    repo.commit(MEI, "2025-06-10", {"serving/api.py": lines(40, "api"), "README.md": "# ETA\n"})
    for month in range(7, 13):
        repo.commit(MEI, f"2025-{month:02d}-05", {"serving/api.py": lines(40 + month, "api")})
        repo.commit(MEI, f"2025-{month:02d}-15", {"features/lanes.py": lines(20 + month, "lane")})
    for month in range(1, 10):
        repo.commit(PRIYA, f"2026-{month:02d}-12", {"features/lanes.py": lines(30 + month, "lane")})
        repo.commit(PRIYA, f"2026-{month:02d}-20", {"features/weather.py": lines(10 + month, "wx")})
    return repo


@pytest.fixture
def scanning(ws, tmp_path):
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    engagement = records.add_engagement(ws, "ETA prediction", "Quantia Labs", "2025-06-02")
    records.add_person(ws, "Priya Raman", "internal", ["priya@meridian.example"])
    repo = _history(tmp_path / "eta-prediction")
    linked = repos.add(ws, "ETA prediction", RepoIn(repository=str(repo.path)))
    runner = JobRunner(ws, workers=1, interval=0.0)
    with WebClient(create_app(ws, runner=runner)) as client:
        yield client, engagement["id"], linked, repo
    runner.shutdown()


def _poll(client, job_id: int, timeout: float = 60.0) -> tuple[dict, list[dict]]:
    """GET the job until it has finished; returns its last state and every state seen."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        seen.append(job)
        if job["finished"]:
            return job, seen
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s: {seen[-1]}")


def test_scan_from_the_page_runs_in_the_background_then_the_page_shows_it(scanning):
    client, eid, linked, repo = scanning
    before = client.get(f"/engagements/{eid}").text
    assert 'class="not-measured" data-section="share"' in before and 'id="scan-form"' in before
    response = client.post(f"/engagements/{eid}/scans", data={"repo": str(linked.id)}, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith(f"/engagements/{eid}?job=") and location.endswith("#jobs")
    job_id = int(location.split("job=")[1].split("#")[0])
    page = client.get(location).text  # the page answers while the job is queued or running
    item = page.split(f'id="job-{job_id}"', 1)[1].split("</li>", 1)[0]
    assert "<progress" in item and "eta-prediction" in item
    job, seen = _poll(client, job_id)
    assert job["status"] == "done", job["error"]
    assert job["progress"] == 1.0 and job["result"]["summary"]
    progress = [s["progress"] for s in seen]
    assert progress == sorted(progress)  # progress only moves forward
    assert {s["status"] for s in seen} <= {"queued", "running", "done"}
    assert client.get(f"/api/engagements/{eid}/jobs").json()[0]["id"] == job_id

    data = client.get(f"/api/engagements/{eid}").json()
    assert data["share"]["measured"] and data["share"]["repo"] == str(repo.path.resolve())
    assert data["knowledge"]["truck_factor"]["value"] >= 1
    assert {p["name"] for p in data["knowledge"]["people"]} == {"Priya Raman", "Mei Chen"}
    after = client.get(f"/engagements/{eid}").text
    assert 'id="share-chart"' in after and 'id="truck-factor"' in after
    done = after.split(f'id="job-{job_id}"', 1)[1].split("</li>", 1)[0]
    assert 'data-finished="true"' in after.split(f'id="job-{job_id}"', 1)[1][:200]
    assert ">done<" in done
    assert client.get(f"/jobs/{job_id}").status_code == 200


def test_a_failing_scan_shows_its_error(scanning):
    client, eid, linked, repo = scanning
    shutil.rmtree(repo.path)  # the repository moved away after it was linked
    response = client.post(f"/api/engagements/{eid}/scans", params={"repo": linked.name})
    assert response.status_code == 202
    job, _ = _poll(client, response.json()["id"])
    assert job["status"] == "failed" and "no such folder" in job["error"]
    page = client.get(f"/engagements/{eid}").text
    item = page.split(f'id="job-{job["id"]}"', 1)[1].split("</li>", 1)[0]
    assert ">failed<" in item and "no such folder" in item
    assert 'class="not-measured" data-section="share"' in page  # nothing stored half-way


def test_scanning_an_unknown_repository_is_a_clear_error(scanning):
    client, eid, _, _ = scanning
    response = client.post(f"/engagements/{eid}/scans", data={"repo": "nope"})
    assert response.status_code == 404 and "has no repository &#39;nope&#39;" in response.text
    api = client.post(f"/api/engagements/{eid}/scans", params={"repo": "99999999999999999999999"})
    assert api.status_code == 404, api.text
    assert api.json()["error"]["message"] == "engagement 'ETA prediction' has no repository '99999999999999999999999'"
    assert client.post(f"/api/engagements/{eid}/scans", params={"repo": "x" * 301}).status_code == 422
    assert client.post("/api/engagements/Nope/scans").status_code == 404
    assert client.get(f"/api/engagements/{eid}/jobs").json() == []


def test_a_scan_answers_the_job_record(scanning):
    client, eid, linked, _ = scanning
    response = client.post(f"/api/engagements/{eid}/scans", params={"repo": str(linked.id)})
    assert response.status_code == 202
    queued = response.json()
    assert queued["kind"] == "scan" and queued["engagement_id"] == eid and queued["result"] is None
    job, _ = _poll(client, queued["id"])
    assert list(job["result"]) == [
        "result_id",
        "repo",
        "commits",
        "head",
        "summary",
        "document_id",
        "partner_id",
        "partner",
    ]
    assert job["result"]["summary"].startswith("truck factor")
    operation = client.get("/openapi.json").json()["paths"]["/api/engagements/{ref}/scans"]["post"]
    assert operation["responses"]["202"]["content"]["application/json"]["schema"]["$ref"].endswith("/JobRecord")


def test_a_chosen_leavers_simulation_from_the_form_and_the_api(scanning):
    client, eid, linked, _repo = scanning
    page = client.get(f"/engagements/{eid}").text
    assert 'id="leavers-form"' in page and 'name="gone_after"' in page
    # Mei wrote serving/api.py and README.md alone, and features/lanes.py before Priya took it over
    response = client.post(
        f"/engagements/{eid}/scans",
        data={"repo": str(linked.id), "leaves": "mei.chen@quantialabs.io", "inactive_days": "", "gone_after": ""},
        follow_redirects=False,
    )
    job_id = int(response.headers["location"].split("job=")[1].split("#")[0])
    job, _ = _poll(client, job_id)
    assert job["status"] == "done", job["error"]
    gone = client.get(f"/api/engagements/{eid}").json()["knowledge"]["leavers"]
    # the page names people as the rest of the knowledge section does
    assert (gone["people"], gone["rule"]) == (["Mei Chen"], "chosen: mei.chen@quantialabs.io")
    assert 'id="chosen-leavers"' in client.get(f"/engagements/{eid}").text
    # through the API: Mei's last commit is on 2025-12-15, so she is gone after the contract ended on 2025-12-31
    job = client.post(f"/api/engagements/{eid}/scans", json={"gone_after": "2025-12-31"}).json()
    job, _ = _poll(client, job["id"])
    assert job["status"] == "done", job["error"]
    gone = client.get(f"/api/engagements/{eid}").json()["knowledge"]["leavers"]
    assert gone["people"] == ["Mei Chen"]
    assert gone["rule"] == "partner people with no commit after 2025-12-31"
    # a plain rescan leaves the simulation out
    job, _ = _poll(client, client.post(f"/api/engagements/{eid}/scans").json()["id"])
    assert "leavers" not in client.get(f"/api/engagements/{eid}").json()["knowledge"]


def test_a_bad_leavers_field_is_refused_naming_it(scanning):
    client, eid, linked, _repo = scanning
    form = client.post(f"/engagements/{eid}/scans", data={"repo": str(linked.id), "inactive_days": "soon"})
    api = client.post(f"/api/engagements/{eid}/scans", json={"gone_after": "31/12/2025"})
    assert form.status_code == 422 and "inactive_days" in form.text
    assert api.status_code == 422 and "gone_after" in api.text
    assert client.get(f"/api/engagements/{eid}/jobs").json() == []
