"""The PostgreSQL job engine (Procrastinate) on the real server: a scan on a worker process, the
repository lock, the queueing lock, retries of transient failures and none of user errors, cancel,
and a worker killed with SIGKILL mid-job whose job another worker retries and finishes once."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from sqlalchemy import text

from inhouse.domain.jobs import JobResult, JobStatus, ScanPayload, repository_lock
from inhouse.errors import InvalidInput, StorageUnavailable
from inhouse.jobs import handlers
from inhouse.jobs.engine import ProcrastinateWorker
from inhouse.services.queue import JobQueue
from tests.jobs_support import fast_workspace, linked_repo, start_worker, wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not os.environ.get("INHOUSE_TEST_POSTGRES_URL"), reason="INHOUSE_TEST_POSTGRES_URL is not set"),
]


@pytest.fixture
def pg_url(request):
    from tests.conftest import _truncate_postgres

    url = request.getfixturevalue("postgres_database")
    _truncate_postgres(url)
    return url


@pytest.fixture
def ws(pg_url):
    workspace = fast_workspace(pg_url)
    yield workspace
    workspace.dispose()


@pytest.fixture
def queue(ws) -> JobQueue:
    found = JobQueue(ws)
    assert found.engine == "procrastinate"
    return found


@pytest.fixture
def worker(ws):
    """A Procrastinate worker in a thread of this process (two jobs at once)."""
    running = ProcrastinateWorker(ws, concurrency=2, interval=0.0).start()
    yield running
    running.stop(timeout=20)


def _scan(queue: JobQueue, repo_id: int = 1, engagement_id: int = 1):
    key = repository_lock(repo_id)
    payload = ScanPayload(engagement_id=engagement_id, repo_id=repo_id)
    return queue.enqueue(None, "scan", payload, subject=f"repo {repo_id}", lock=key, queueing_lock=key)


def _handler(monkeypatch, fn) -> None:
    monkeypatch.setitem(handlers.HANDLERS, "scan", fn)


def _scan_results(ws) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM analysis_results WHERE kind = 'scan'")).scalar_one())


def test_a_scan_runs_on_a_worker_process(ws, queue, tmp_path, pg_url):
    linked = linked_repo(ws, tmp_path)
    job = _scan(queue, linked.id, linked.engagement_id)
    process = start_worker(pg_url)
    try:
        done = queue.wait(job.id, timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert done.status is JobStatus.DONE, done.error
    assert done.result is not None and done.result.commits == 12 and _scan_results(ws) == 1
    assert process.returncode == 0


def test_two_scans_of_one_repository_never_overlap(ws, queue, worker, monkeypatch):
    started = threading.Event()

    def slow(ws, payload, report):
        started.set()
        for n in range(10):
            report("mining", n, 10)
            time.sleep(0.05)
        return JobResult(summary="ok")

    _handler(monkeypatch, slow)
    first = _scan(queue)
    assert started.wait(20)
    second = _scan(queue)  # the first is running: this one waits for the lock
    assert second.id != first.id
    one, two = queue.wait(first.id, 30), queue.wait(second.id, 30)
    assert one.status is two.status is JobStatus.DONE
    assert two.started_at >= one.finished_at  # type: ignore[operator]


def test_a_waiting_rescan_is_not_queued_twice(ws, queue):
    first, again = _scan(queue), _scan(queue)
    assert again.id == first.id
    with ws.engine.connect() as conn:
        waiting = conn.execute(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'")).scalar_one()
    assert waiting == 1 and len(queue.list(state=JobStatus.QUEUED)) == 1


def test_a_transient_failure_is_retried_and_a_user_error_is_not(ws, queue, worker, monkeypatch):
    calls: list[int] = []

    def flaky(ws, payload, report):
        calls.append(payload.repo_id)
        if payload.repo_id == 1 and calls.count(1) == 1:
            raise StorageUnavailable("cannot reach the database: connection refused")
        if payload.repo_id == 2:
            raise InvalidInput("repository must be a git repository")
        return JobResult(summary="scanned")

    _handler(monkeypatch, flaky)
    retried = queue.wait(_scan(queue, 1).id, 30)
    refused = queue.wait(_scan(queue, 2).id, 30)
    assert (retried.status, retried.attempts) == (JobStatus.DONE, 2), retried
    assert (refused.status, refused.attempts, refused.error) == (
        JobStatus.FAILED, 1, "repository must be a git repository",
    )  # fmt: skip
    assert calls.count(1) == 2 and calls.count(2) == 1


def test_a_queued_job_is_cancelled_at_once(ws, queue):
    job = _scan(queue)
    cancelled = queue.cancel(None, job.id)
    assert cancelled.status is JobStatus.CANCELLED
    with ws.engine.connect() as conn:
        status = conn.execute(text("SELECT status FROM procrastinate_jobs")).scalar_one()
    assert status == "cancelled"
    again = queue.retry(None, job.id)
    assert again.status is JobStatus.QUEUED


def test_a_running_job_stops_at_its_next_checkpoint(ws, queue, worker, monkeypatch):
    started = threading.Event()

    def endless(ws, payload, report):
        started.set()
        for n in range(10_000):
            report("mining", n, 10_000)
            time.sleep(0.01)
        return JobResult(summary="never")

    _handler(monkeypatch, endless)
    job = _scan(queue)
    assert started.wait(20)
    queue.cancel(None, job.id)
    ended = queue.wait(job.id, 20)
    assert ended.status is JobStatus.CANCELLED and ended.result is None


def test_a_killed_worker_s_job_is_retried_by_another_and_stored_once(ws, queue, tmp_path, pg_url):
    linked = linked_repo(ws, tmp_path)
    job = _scan(queue, linked.id, linked.engagement_id)
    first = start_worker(pg_url, slow=True)
    try:
        wait_for(lambda: queue.get(None, job.id).status is JobStatus.RUNNING, 30, "the first worker to start it")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert queue.get(None, job.id).status is JobStatus.RUNNING  # nobody marked it: its worker is gone
    second = start_worker(pg_url, slow=True)
    try:
        done = queue.wait(job.id, timeout=90)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert done.status is JobStatus.DONE, (done.error, done.message)
    assert done.attempts == 2 and str(second.pid) in done.worker
    assert _scan_results(ws) == 1  # the killed run stored nothing; the retry stored one result
