"""Background jobs on real databases: state and progress stored, failures recorded, pages never wait."""

from __future__ import annotations

import threading
import time

import pytest

from inhouse.domain.jobs import JobResult, JobStatus, ScanPayload
from inhouse.errors import AnalyzerError
from inhouse.jobs import JobRunner, handlers
from inhouse.services import jobs as job_service
from inhouse.web import create_app
from tests.webclient import WebClient


@pytest.fixture
def runner(ws):
    jobs = JobRunner(ws, workers=1, interval=0.0)
    yield jobs
    jobs.shutdown()


@pytest.fixture
def work(monkeypatch):
    """Set what a scan job does (``work(report) -> JobResult``) in place of a real scan."""

    def use(fn):
        monkeypatch.setitem(handlers.HANDLERS, "scan", lambda ws, payload, report: fn(report))

    return use


def _scan(runner, engagement_id: int | None = None, subject: str = "repo", repo_id: int = 1):
    payload = ScanPayload(engagement_id=engagement_id or 1, repo_id=repo_id)
    return runner.enqueue(None, "scan", payload, subject=subject, engagement_id=engagement_id)


def test_a_job_reports_progress_then_its_result(ws, runner, work):
    release = threading.Event()

    def slow(report):
        report("mining commits", 5, 10)
        release.wait(5)
        return JobResult(summary="scan stored")

    work(slow)
    job = _scan(runner)
    assert job.status is JobStatus.QUEUED
    deadline = time.monotonic() + 5
    while job_service.get(ws, job.id).progress < 0.5 and time.monotonic() < deadline:
        time.sleep(0.02)
    running = job_service.get(ws, job.id)
    assert running.status is JobStatus.RUNNING and running.message == "mining commits: 5 of 10"
    assert running.attempts == 1 and running.worker and running.heartbeat_at is not None
    release.set()
    done = runner.wait(job.id, timeout=5)
    assert done.status is JobStatus.DONE and done.progress == 1.0 and done.result == JobResult(summary="scan stored")


def test_a_failing_job_is_recorded_failed(ws, runner, work):
    def broken(report):
        raise AnalyzerError("not a git repository: /nowhere")

    work(broken)
    failed = runner.wait(_scan(runner).id, timeout=5)
    assert failed.status is JobStatus.FAILED and failed.error == "not a git repository: /nowhere"
    assert failed.attempts == 1  # a user error is never retried


def test_pages_answer_while_a_job_runs(ws, runner, work):
    from tests import webdata

    ids = webdata.seed(ws)
    release = threading.Event()
    work(lambda report: release.wait(10) and JobResult(summary="ok"))
    job = _scan(runner, ids["engagement_id"])
    with WebClient(create_app(ws, runner=runner)) as client:
        started = time.monotonic()
        page = client.get(f"/engagements/{ids['engagement_id']}")
        elapsed = time.monotonic() - started
        state = client.get(f"/api/jobs/{job.id}").json()
    release.set()
    runner.wait(job.id, timeout=5)
    assert page.status_code == 200 and f'id="job-{job.id}"' in page.text
    assert state["finished"] is False and elapsed < 5


def test_a_starting_server_leaves_other_processes_jobs_alone(ws):
    job = job_service.create(ws, "scan", "repo")
    with WebClient(create_app(ws, runner=JobRunner(ws, workers=0))) as client:
        client.get("/healthz")
    assert job_service.get(ws, job.id).status is JobStatus.QUEUED  # only a stale heartbeat recovers a job


def test_a_job_record_is_the_api_shape(ws, runner, work):
    work(lambda report: JobResult(summary="ok", commits=3))
    job = runner.wait(_scan(runner, subject="r").id, 5)
    with WebClient(create_app(ws, runner=runner)) as client:
        data = client.get(f"/api/jobs/{job.id}").json()
        schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert list(data) == [
        "id", "kind", "subject", "engagement_id", "submitted_by", "status", "finished", "progress", "message",
        "result", "error", "created_at", "started_at", "finished_at",
        "queue", "attempts", "max_attempts", "cancel_requested", "worker", "heartbeat_at",
    ]  # fmt: skip
    assert data == job.model_dump(mode="json")
    assert (data["status"], data["finished"], data["result"]["summary"]) == ("done", True, "ok")
    assert len(data["created_at"]) == len("2025-06-10T12:00:00")  # to the second, as before
    assert schema["JobRecord"]["properties"]["status"]["$ref"].endswith("/JobStatus")
    assert schema["JobStatus"]["enum"] == ["queued", "running", "done", "failed", "cancelled"]


@pytest.mark.parametrize(
    "url,code",
    [
        ("/api/jobs/99", 404),
        ("/api/jobs/0", 422),
        ("/api/jobs/-1", 422),
        ("/api/jobs/99999999999999999999999", 422),
        ("/api/jobs/9223372036854775808", 422),
        ("/api/jobs/9223372036854775807", 422),
        ("/api/jobs/2147483648", 422),  # beyond what an id column holds, on every database
        ("/api/jobs/2147483647", 404),
        ("/api/jobs/abc", 422),
        ("/jobs/99", 404),
        ("/jobs/99999999999999999999999", 422),
        ("/jobs/0", 422),
    ],
)
def test_job_ids_out_of_range_are_client_errors(ws, runner, url, code):
    with WebClient(create_app(ws, runner=runner), raise_server_exceptions=False) as client:
        response = client.get(url)
    assert response.status_code == code, response.text
    if url.startswith("/api/"):
        assert set(response.json()["error"]) == {"type", "message"}
