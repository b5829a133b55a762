"""Both job engines behind the one job interface, each on its own database: the in-process worker
over the `jobs` table (SQLite) and Procrastinate (the real PostgreSQL server). The same behaviour is
asked of both — a scan on a worker process, the repository lock, the queueing lock, retries of
transient failures and none of user errors, cancel before and while a job runs — and then what each
engine recovers from in its own way: a stalled job found from its heartbeat (local), a worker killed
with SIGKILL mid-job whose job another worker retries and stores once (PostgreSQL)."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import text

from inhouse.domain.jobs import JobResult, JobStatus, ScanPayload, repository_lock
from inhouse.errors import InvalidInput, StorageUnavailable
from inhouse.jobs import handlers
from inhouse.jobs.worker import LocalWorker
from inhouse.services import job_runs
from inhouse.services import jobs as job_service
from inhouse.services.queue import JobQueue
from inhouse.store.tables import utcnow
from tests.jobs_support import fast_workspace, linked_repo, start_worker, wait_for

POSTGRES = os.environ.get("INHOUSE_TEST_POSTGRES_URL")
ENGINES = [
    "local",
    pytest.param(
        "procrastinate",
        marks=[pytest.mark.postgres, pytest.mark.skipif(not POSTGRES, reason="INHOUSE_TEST_POSTGRES_URL is not set")],
    ),
]
LOCAL_ONLY = pytest.mark.parametrize("database_url", ENGINES[:1], indirect=True)
POSTGRES_ONLY = pytest.mark.parametrize("database_url", ENGINES[1:], indirect=True)
WAIT = {"local": 10, "procrastinate": 30}  # seconds a job may take to end (Procrastinate polls and notifies)


@pytest.fixture(params=ENGINES)
def database_url(request) -> str:
    if request.param == "local":
        return request.getfixturevalue("sqlite_url")
    from tests.conftest import _truncate_postgres

    url = request.getfixturevalue("postgres_database")
    _truncate_postgres(url)
    return url


@pytest.fixture
def ws(database_url):
    workspace = fast_workspace(database_url)
    yield workspace
    workspace.dispose()


@pytest.fixture
def queue(ws) -> JobQueue:
    return JobQueue(ws)


@pytest.fixture
def worker(ws, queue):
    """Two jobs at once in this process: the engine's own worker."""
    if queue.engine == "procrastinate":
        from inhouse.jobs.engine import ProcrastinateWorker

        running: LocalWorker | ProcrastinateWorker = ProcrastinateWorker(ws, concurrency=2, interval=0.0).start()
    else:
        running = LocalWorker(ws, concurrency=2, interval=0.0).start()
        queue.on_enqueue(running.wake)
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


def _waiting_in_procrastinate(ws) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'")).scalar_one())


def _reporting(seconds: float, steps: int, started: threading.Event):
    def run(ws, payload, report):
        started.set()
        for n in range(steps):
            report("mining", n, steps)
            time.sleep(seconds)
        return JobResult(summary="ok")

    return run


def test_a_scan_runs_on_a_worker_process(ws, queue, tmp_path, database_url):
    linked = linked_repo(ws, tmp_path)
    job = _scan(queue, linked.id, linked.engagement_id)
    process = start_worker(database_url)
    try:
        done = queue.wait(job.id, timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert done.status is JobStatus.DONE, done.error
    assert done.result is not None and done.result.commits == 12 and _scan_results(ws) == 1
    assert done.worker.split(":")[1] == str(process.pid)
    assert process.returncode == 0  # SIGTERM: it stopped taking jobs and ended cleanly


def test_two_scans_of_one_repository_never_overlap(ws, queue, worker, monkeypatch):
    started = threading.Event()
    _handler(monkeypatch, _reporting(0.05, 10, started))
    first = _scan(queue)
    assert started.wait(20)
    second = _scan(queue)  # the first is running: this one waits for the lock
    assert second.id != first.id
    one, two = queue.wait(first.id, WAIT[queue.engine]), queue.wait(second.id, WAIT[queue.engine])
    assert one.status is two.status is JobStatus.DONE
    assert one.finished_at is not None and two.started_at is not None and two.started_at >= one.finished_at


def test_a_waiting_rescan_is_not_queued_twice(ws, queue):
    first, again = _scan(queue), _scan(queue)
    assert again.id == first.id and len(queue.list(state=JobStatus.QUEUED)) == 1
    if queue.engine == "procrastinate":
        assert _waiting_in_procrastinate(ws) == 1
    other = _scan(queue, repo_id=2)  # another repository has a queue of its own
    assert other.id != first.id


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
    retried = queue.wait(_scan(queue, 1).id, WAIT[queue.engine])
    refused = queue.wait(_scan(queue, 2).id, WAIT[queue.engine])
    assert (retried.status, retried.attempts, retried.result.summary) == (JobStatus.DONE, 2, "scanned"), retried
    assert (refused.status, refused.attempts, refused.error) == (
        JobStatus.FAILED, 1, "repository must be a git repository",
    )  # fmt: skip
    assert calls.count(1) == 2 and calls.count(2) == 1


def test_a_queued_job_is_cancelled_at_once_and_can_be_retried(ws, queue):
    job = _scan(queue)
    cancelled = queue.cancel(None, job.id)
    assert cancelled.status is JobStatus.CANCELLED and cancelled.finished
    if queue.engine == "procrastinate":
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT status FROM procrastinate_jobs")).scalar_one() == "cancelled"
    again = queue.retry(None, job.id)
    assert again.status is JobStatus.QUEUED and again.attempts == 0 and again.error == ""


def test_a_running_job_stops_at_its_next_checkpoint(ws, queue, worker, monkeypatch):
    started = threading.Event()
    _handler(monkeypatch, _reporting(0.01, 10_000, started))
    job = _scan(queue)
    assert started.wait(20)
    asked = queue.cancel(None, job.id)
    # asked to stop; Procrastinate's abort may already have reached the job's next checkpoint
    assert asked.cancel_requested and asked.status in (JobStatus.RUNNING, JobStatus.CANCELLED)
    ended = queue.wait(job.id, WAIT[queue.engine])
    assert ended.status is JobStatus.CANCELLED and ended.result is None


# ---- what each engine recovers from in its own way ----


def _stale(ws, job_id: int, max_attempts: int | None = None) -> None:
    """The job as a worker that took it and died left it: claimed, its last heartbeat long ago."""
    if max_attempts is not None:
        with ws.uow() as uow:
            row = uow.jobs.get(job_id)
            row.max_attempts = max_attempts
            uow.jobs.update(row)
            uow.commit()
    assert job_runs.claim_next(ws, "dead-host:1:abc") is not None
    with ws.uow() as uow:
        row = uow.jobs.get(job_id)
        row.heartbeat_at = utcnow() - timedelta(minutes=5)
        uow.jobs.update(row)
        uow.commit()


@LOCAL_ONLY  # Procrastinate finds its stalled jobs itself: the SIGKILL test below
def test_a_stalled_job_is_queued_again_and_finishes_once(ws, queue, monkeypatch):
    runs: list[int] = []
    _handler(monkeypatch, lambda ws, payload, report: runs.append(1) or JobResult(summary="ok"))
    job = _scan(queue)
    _stale(ws, job.id)
    alive = LocalWorker(ws, concurrency=1, interval=0.0).start()
    try:
        done = queue.wait(job.id, 15)
    finally:
        alive.stop(timeout=10)
    assert done.status is JobStatus.DONE and done.attempts == 2 and runs == [1]
    assert done.worker == alive.name


@LOCAL_ONLY
def test_a_stalled_job_on_its_last_attempt_fails(ws, queue):
    job = _scan(queue)
    _stale(ws, job.id, max_attempts=1)
    [failed] = job_runs.recover_stalled(ws)
    assert failed.status is JobStatus.FAILED and failed.error == job_runs.STALLED
    assert job_service.get(ws, job.id).status is JobStatus.FAILED


@POSTGRES_ONLY  # the local engine's recovery is the stalled-job tests above
def test_a_killed_worker_s_job_is_retried_by_another_and_stored_once(ws, queue, tmp_path, database_url):
    linked = linked_repo(ws, tmp_path)
    job = _scan(queue, linked.id, linked.engagement_id)
    first = start_worker(database_url, slow=True)
    try:
        wait_for(lambda: queue.get(None, job.id).status is JobStatus.RUNNING, 30, "the first worker to start it")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert queue.get(None, job.id).status is JobStatus.RUNNING  # nobody marked it: its worker is gone
    second = start_worker(database_url, slow=True)
    try:
        done = queue.wait(job.id, timeout=90)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert done.status is JobStatus.DONE, (done.error, done.message)
    assert done.attempts == 2 and str(second.pid) in done.worker
    assert _scan_results(ws) == 1  # the killed run stored nothing; the retry stored one result
