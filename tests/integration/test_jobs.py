"""Background jobs on real databases: state and progress stored, failures recorded, pages never wait."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from inhouse.errors import AnalyzerError
from inhouse.jobs import JobRunner
from inhouse.services import jobs as job_service
from inhouse.web import create_app


@pytest.fixture
def runner(ws):
    jobs = JobRunner(ws, workers=1, interval=0.0)
    yield jobs
    jobs.shutdown()


def test_a_job_reports_progress_then_its_result(ws, runner):
    release = threading.Event()

    def work(report):
        report("mining commits", 5, 10)
        release.wait(5)
        return {"summary": "scan stored"}

    job = runner.submit("scan", work, subject="repo")
    assert job["status"] == "queued"
    deadline = time.monotonic() + 5
    while job_service.get(ws, job["id"])["progress"] < 0.5 and time.monotonic() < deadline:
        time.sleep(0.02)
    running = job_service.get(ws, job["id"])
    assert running["status"] == "running" and running["message"] == "mining commits: 5 of 10"
    release.set()
    done = runner.wait(job["id"], timeout=5)
    assert done["status"] == "done" and done["progress"] == 1.0 and done["result"] == {"summary": "scan stored"}


def test_a_failing_job_is_recorded_failed(ws, runner):
    def work(report):
        raise AnalyzerError("not a git repository: /nowhere")

    job = runner.submit("scan", work)
    failed = runner.wait(job["id"], timeout=5)
    assert failed["status"] == "failed" and failed["error"] == "not a git repository: /nowhere"


def test_pages_answer_while_a_job_runs(ws, runner):
    from tests import webdata

    ids = webdata.seed(ws)
    release = threading.Event()
    job = runner.submit("scan", lambda report: release.wait(10) and {}, engagement_id=ids["engagement_id"])
    with TestClient(create_app(ws, runner=runner)) as client:
        started = time.monotonic()
        page = client.get(f"/engagements/{ids['engagement_id']}")
        elapsed = time.monotonic() - started
        state = client.get(f"/api/jobs/{job['id']}").json()
    release.set()
    runner.wait(job["id"], timeout=5)
    assert page.status_code == 200 and f'id="job-{job["id"]}"' in page.text
    assert state["finished"] is False and elapsed < 5


def test_unfinished_jobs_of_a_stopped_server_are_marked_interrupted(ws):
    job = job_service.create(ws, "scan", "repo")
    job_service.start(ws, job["id"])
    assert job_service.interrupt_unfinished(ws) == 1
    assert job_service.get(ws, job["id"])["status"] == "failed"
