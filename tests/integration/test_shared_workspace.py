"""Two web servers and two workers on one PostgreSQL workspace: every queued scan runs once and is
stored once, a server started while scans run fails none of them, and nothing is left queued or
running (the web servers run jobs too: their in-process Procrastinate worker, ``job_workers``)."""

from __future__ import annotations

import os
import signal
import subprocess
import urllib.request

import pytest
from sqlalchemy import text

from inhouse.domain.jobs import JobStatus, ScanPayload, repository_lock
from inhouse.services.queue import JobQueue
from tests.gitrepo import GitRepoBuilder, lines
from tests.jobs_support import INHOUSE, fast_workspace, linked_repo, start_worker, wait_for, worker_env
from tests.localserver import free_port

POSTGRES = os.environ.get("INHOUSE_TEST_POSTGRES_URL")
pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES, reason="INHOUSE_TEST_POSTGRES_URL is not set")]
REPOS = 6


@pytest.fixture
def url(postgres_database) -> str:
    from tests.conftest import _truncate_postgres

    _truncate_postgres(postgres_database)
    return postgres_database


def _serve(url: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [INHOUSE, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        env=worker_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    wait_for(answers, 60, "the web server to answer")
    return process, port


def _scan_all(queue: JobQueue, linked) -> list[int]:
    ids = []
    for repo in linked:
        key = repository_lock(repo.id)
        payload = ScanPayload(engagement_id=repo.engagement_id, repo_id=repo.id)
        ids.append(queue.enqueue(None, "scan", payload, subject=repo.name, lock=key, queueing_lock=key).id)
    return ids


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_two_servers_and_two_workers_lose_duplicate_and_strand_no_job(url, tmp_path):
    ws = fast_workspace(url)
    queue = JobQueue(ws)
    linked = [linked_repo(ws, tmp_path, name=f"model-{n}") for n in range(REPOS)]
    processes: list[subprocess.Popen] = []
    try:
        first_server, _ = _serve(url)
        processes += [first_server, start_worker(url)]
        first = _scan_all(queue, linked)
        # a second server and a second worker join while the first round runs
        second_server, _ = _serve(url)
        processes += [second_server, start_worker(url)]
        for job_id in first:
            assert queue.wait(job_id, timeout=120).status is JobStatus.DONE
        # new work in every repository, scanned by whoever takes it
        for repo in linked:
            GitRepoBuilder(tmp_path / repo.name).commit(
                "Priya Raman <priya@acme.example>", "2025-07-01", {"ops.md": lines(4, "ops"), "eta.py": lines(3)}
            )
        second = _scan_all(queue, linked)
        done = [queue.wait(job_id, timeout=120) for job_id in first + second]
    finally:
        _stop(processes)
    try:
        for job in done:
            assert job.status is JobStatus.DONE and not job.error, (job.id, job.error)
            assert job.attempts == 1  # none was failed by a server starting, none retried
        assert {job.result.commits for job in done[:REPOS]} == {12} and {
            job.result.commits for job in done[REPOS:]
        } == {13}
        assert len({job.worker.split(":")[1] for job in done}) >= 2  # the work was shared
        with ws.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT repo_id, count(*) FROM analysis_results WHERE kind = 'scan' GROUP BY repo_id")
            ).all()
            states = conn.execute(text("SELECT status, count(*) FROM procrastinate_jobs GROUP BY status")).all()
        assert sorted(stored) == sorted((repo.id, 2) for repo in linked)  # one result per scan, none twice
        assert dict(states) == {"succeeded": 2 * REPOS}  # nothing left queued, running or failed
    finally:
        ws.dispose()
