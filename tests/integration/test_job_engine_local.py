"""The in-process job engine (SQLite's): a worker process, the repository lock, the queueing lock,
retries of transient failures and none of user errors, cancel, and the recovery of a stalled job."""

from __future__ import annotations

import signal
import threading
import time
from datetime import timedelta

import pytest

from inhouse.domain.jobs import JobResult, JobStatus, ScanPayload, repository_lock
from inhouse.errors import InvalidInput, StorageUnavailable
from inhouse.jobs import handlers
from inhouse.jobs.worker import LocalWorker
from inhouse.services import job_runs
from inhouse.services import jobs as job_service
from inhouse.services.queue import JobQueue
from inhouse.store.tables import utcnow
from tests.jobs_support import fast_workspace, linked_repo, start_worker


@pytest.fixture
def ws(sqlite_url):
    workspace = fast_workspace(sqlite_url)
    yield workspace
    workspace.dispose()


@pytest.fixture
def queue(ws) -> JobQueue:
    return JobQueue(ws)


@pytest.fixture
def worker(ws, queue):
    """Two in-process worker threads over the workspace."""
    running = LocalWorker(ws, concurrency=2, interval=0.0).start()
    queue.on_enqueue(running.wake)
    yield running
    running.stop(timeout=10)


def _scan(queue: JobQueue, repo_id: int = 1, lock: bool = True):
    key = repository_lock(repo_id) if lock else None
    payload = ScanPayload(engagement_id=1, repo_id=repo_id)
    return queue.enqueue(None, "scan", payload, subject=f"repo {repo_id}", lock=key, queueing_lock=key)


def _handler(monkeypatch, fn) -> None:
    monkeypatch.setitem(handlers.HANDLERS, "scan", fn)


def test_a_scan_runs_on_a_worker_process(ws, queue, tmp_path, sqlite_url):
    assert queue.engine == "local"
    linked = linked_repo(ws, tmp_path)
    job = _scan(queue, linked.id)
    process = start_worker(sqlite_url)
    try:
        done = queue.wait(job.id, timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    assert done.status is JobStatus.DONE, done.error
    assert done.result is not None and done.result.commits == 12 and done.worker.split(":")[1] == str(process.pid)
    assert process.returncode == 0  # SIGTERM: it stopped taking jobs and ended cleanly


def test_two_scans_of_one_repository_never_overlap(ws, queue, worker, monkeypatch):
    started = threading.Event()

    def slow(ws, payload, report):
        started.set()
        for n in range(10):
            report("mining", n, 10)
            time.sleep(0.03)
        return JobResult(summary="ok")

    _handler(monkeypatch, slow)
    first = _scan(queue)
    started.wait(5)
    second = _scan(queue)  # the first is running: this one waits for the lock
    assert second.id != first.id
    one, two = queue.wait(first.id, 10), queue.wait(second.id, 10)
    assert one.status is two.status is JobStatus.DONE
    assert one.finished_at is not None and two.started_at is not None and two.started_at >= one.finished_at


def test_a_waiting_rescan_is_not_queued_twice(ws, queue):
    first, again = _scan(queue), _scan(queue)
    assert again.id == first.id and len(queue.list(state=JobStatus.QUEUED)) == 1
    other = _scan(queue, repo_id=2)  # another repository has a queue of its own
    assert other.id != first.id


def test_a_transient_failure_is_retried_and_a_user_error_is_not(ws, queue, worker, monkeypatch):
    calls: list[int] = []

    def flaky(ws, payload, report):
        calls.append(payload.repo_id)
        if payload.repo_id == 1 and calls.count(1) == 1:
            raise StorageUnavailable("database error on inhouse.db: disk I/O error")
        if payload.repo_id == 2:
            raise InvalidInput("repository must be a git repository")
        return JobResult(summary="scanned")

    _handler(monkeypatch, flaky)
    retried = queue.wait(_scan(queue, 1).id, 10)
    refused = queue.wait(_scan(queue, 2).id, 10)
    assert (retried.status, retried.attempts, retried.result.summary) == (JobStatus.DONE, 2, "scanned")
    assert (refused.status, refused.attempts, refused.error) == (
        JobStatus.FAILED, 1, "repository must be a git repository",
    )  # fmt: skip


def test_a_queued_job_is_cancelled_at_once_and_can_be_retried(ws, queue):
    job = _scan(queue)
    cancelled = queue.cancel(None, job.id)
    assert cancelled.status is JobStatus.CANCELLED and cancelled.finished
    again = queue.retry(None, job.id)
    assert again.status is JobStatus.QUEUED and again.attempts == 0 and again.error == ""


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
    started.wait(5)
    asked = queue.cancel(None, job.id)
    assert asked.cancel_requested and asked.status is JobStatus.RUNNING
    ended = queue.wait(job.id, 10)
    assert ended.status is JobStatus.CANCELLED and ended.result is None


def test_a_stalled_job_is_queued_again_and_finishes_once(ws, queue, monkeypatch):
    runs: list[int] = []
    _handler(monkeypatch, lambda ws, payload, report: runs.append(1) or JobResult(summary="ok"))
    job = _scan(queue)
    assert job_runs.claim_next(ws, "dead-host:1:abc") is not None  # a worker that took it, then died
    with ws.uow() as uow:  # its last heartbeat, long ago
        row = uow.jobs.get(job.id)
        row.heartbeat_at = utcnow() - timedelta(minutes=5)
        uow.jobs.update(row)
        uow.commit()
    alive = LocalWorker(ws, concurrency=1, interval=0.0).start()
    try:
        done = queue.wait(job.id, 15)
    finally:
        alive.stop(timeout=10)
    assert done.status is JobStatus.DONE and done.attempts == 2 and runs == [1]
    assert done.worker == alive.name


def test_a_stalled_job_on_its_last_attempt_fails(ws, queue):
    job = _scan(queue)
    with ws.uow() as uow:
        row = uow.jobs.get(job.id)
        row.max_attempts = 1
        uow.jobs.update(row)
        uow.commit()
    job_runs.claim_next(ws, "dead-host:1:abc")
    with ws.uow() as uow:
        row = uow.jobs.get(job.id)
        row.heartbeat_at = utcnow() - timedelta(minutes=5)
        uow.jobs.update(row)
        uow.commit()
    [failed] = job_runs.recover_stalled(ws)
    assert failed.status is JobStatus.FAILED and failed.error == job_runs.STALLED
    assert job_service.get(ws, job.id).status is JobStatus.FAILED
