"""Repositories linked by URL: a `file://` bare remote is mirrored by the worker that scans it
(`inhouse worker` as a process on PostgreSQL, the in-process worker on SQLite), new commits
pushed to the remote appear in the next scan, a URL with a password is refused, an unreachable
URL fails its job with one line, a retried scan stores one result, `scan --all` queues every
repository once however often it runs, and the periodic rescans are queued once per due time."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobStatus
from inhouse.domain.repos import RepoUrlIn
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.jobs import handlers
from inhouse.jobs.reporter import Reporter
from inhouse.jobs.scan import submit_scan
from inhouse.jobs.schedule import RescanScheduler
from inhouse.jobs.worker import LocalWorker
from inhouse.services import mirrors, repos
from inhouse.services.queue import JobQueue
from inhouse.settings import load_settings
from tests import records
from tests.gitrepo import GitRepoBuilder, lines
from tests.jobs_support import INHOUSE, fast_workspace, worker_env

MEI = "Mei Chen <mei@quantialabs.io>"
PRIYA = "Priya Raman <priya@acme.example>"


class Remote:
    """A working copy whose commits are pushed to a bare repository, the remote linked by URL."""

    def __init__(self, folder) -> None:
        self.work = GitRepoBuilder(folder / "work")
        self.bare = folder / "remote.git"
        self.commits = 0
        for month in range(1, 4):
            self.commit(MEI, f"2025-{month:02d}-05", {"api.py": lines(10 + month, "api")})
            self.commit(PRIYA, f"2025-{month:02d}-15", {"lanes.py": lines(5 + month)})
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.bare)], check=True, env=self.work.env)
        self.push()

    @property
    def url(self) -> str:
        return self.bare.as_uri()

    def commit(self, who: str, when: str, files: dict[str, str]) -> None:
        self.work.commit(who, when, files)
        self.commits += 1

    def push(self) -> None:
        self.work.git("push", "-q", str(self.bare), "main")


def _workspace(url: str, tmp_path, **extra):
    ws = fast_workspace(url, mirrors_dir=str(tmp_path / "mirrors"), **extra)
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    records.add_engagement(ws, "ETA prediction", "Quantia Labs", "2025-01-02")
    return ws


def _results(ws) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM analysis_results WHERE kind = 'scan'")).scalar_one())


@pytest.fixture
def sqlite_ws(sqlite_url, tmp_path):
    ws = _workspace(sqlite_url, tmp_path)
    yield ws
    ws.dispose()


def test_the_in_process_worker_mirrors_a_url_and_sees_new_commits(sqlite_ws, tmp_path):
    ws = sqlite_ws
    remote = Remote(tmp_path)
    linked = repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url))
    assert (linked.name, linked.url, linked.path, linked.branch) == ("remote", remote.url, remote.url, None)
    queue = JobQueue(ws)
    worker = LocalWorker(ws, concurrency=1, interval=0.0).start()
    queue.on_enqueue(worker.wake)
    try:
        first = queue.wait(submit_scan(queue, ws, "ETA prediction").id, timeout=60)
        assert first.status is JobStatus.DONE, first.error
        assert first.result is not None and first.result.commits == remote.commits == 6
        assert first.result.repo == "remote"
        mirror = mirrors.mirror_path(ws, remote.url)
        assert mirror.parent == tmp_path / "mirrors" and (mirror / "HEAD").is_file()

        remote.commit(PRIYA, "2025-04-15", {"weather.py": lines(12, "wx")})
        remote.commit(PRIYA, "2025-05-15", {"weather.py": lines(14, "wx")})
        remote.push()
        second = queue.wait(submit_scan(queue, ws, "ETA prediction").id, timeout=60)
        assert second.status is JobStatus.DONE, second.error
        assert second.result is not None and second.result.commits == 8
        assert second.result.head == remote.work.git("rev-parse", "HEAD")
        assert _results(ws) == 2
    finally:
        worker.stop(timeout=20)


def test_a_branch_of_the_remote_is_scanned(sqlite_ws, tmp_path):
    ws = sqlite_ws
    remote = Remote(tmp_path)
    remote.work.git("checkout", "-q", "-b", "feature")
    remote.commit(PRIYA, "2025-06-01", {"feature.py": lines(3)})
    remote.work.git("push", "-q", str(remote.bare), "feature")
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url, branch="feature", name="eta"))
    queue = JobQueue(ws)
    worker = LocalWorker(ws, concurrency=1, interval=0.0).start()
    queue.on_enqueue(worker.wake)
    try:
        done = queue.wait(submit_scan(queue, ws, "ETA prediction").id, timeout=60)
    finally:
        worker.stop(timeout=20)
    assert done.status is JobStatus.DONE, done.error
    assert done.result is not None and done.result.commits == 7 and done.result.repo == "eta"


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("INHOUSE_TEST_POSTGRES_URL"), reason="INHOUSE_TEST_POSTGRES_URL is not set")
def test_a_worker_process_on_postgresql_mirrors_and_scans_a_url(request, tmp_path):
    from tests.conftest import _truncate_postgres

    pg_url = request.getfixturevalue("postgres_database")
    _truncate_postgres(pg_url)
    ws = _workspace(pg_url, tmp_path)
    remote = Remote(tmp_path)
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url))
    queue = JobQueue(ws)
    assert queue.engine == "procrastinate"
    env = worker_env(pg_url, INHOUSE_MIRRORS_DIR=str(tmp_path / "worker-mirrors"))
    process = subprocess.Popen(
        [INHOUSE, "worker", "--concurrency", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        first = queue.wait(submit_scan(queue, ws, "ETA prediction").id, timeout=90)
        assert first.status is JobStatus.DONE, first.error
        assert first.result is not None and first.result.commits == 6
        remote.commit(PRIYA, "2025-04-15", {"weather.py": lines(12, "wx")})
        remote.push()
        second = queue.wait(submit_scan(queue, ws, "ETA prediction").id, timeout=90)
        assert second.status is JobStatus.DONE, second.error
        assert second.result is not None and second.result.commits == 7
    finally:
        process.terminate()
        process.communicate(timeout=30)
        ws.dispose()
    assert any(p.name.startswith("remote-") for p in (tmp_path / "worker-mirrors").iterdir())  # the worker's own
    assert not (tmp_path / "mirrors").exists()  # nothing fetched where the jobs were queued


def test_a_url_with_a_password_is_refused_in_one_line(sqlite_ws):
    with pytest.raises(InvalidInput) as refused:
        validated(RepoUrlIn, url="https://pat:s3cret@git.example.com/eta.git")
    assert "password" in refused.value.message and "s3cret" not in refused.value.message
    assert "\n" not in refused.value.message
    for bad in ("http://git.example.com/eta.git", "ext::sh -c touch% /tmp/x", "ftp://h/x", "-uhelp", "file://host/x"):
        with pytest.raises(InvalidInput):
            validated(RepoUrlIn, url=bad)
    assert validated(RepoUrlIn, url="https://pat@git.example.com/eta.git").url == "https://pat@git.example.com/eta.git"
    assert validated(RepoUrlIn, url="git@git.example.com:acme/eta.git").url == "git@git.example.com:acme/eta.git"
    with pytest.raises(InvalidInput):
        validated(RepoUrlIn, url="file:///srv/eta.git", branch="--upload-pack=evil")
    assert repos.list_all(sqlite_ws) == []


def test_an_unreachable_url_fails_its_job_in_one_line(sqlite_ws, tmp_path):
    ws = sqlite_ws
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=(tmp_path / "gone.git").as_uri()))
    queue = JobQueue(ws)
    worker = LocalWorker(ws, concurrency=1, interval=0.0).start()
    queue.on_enqueue(worker.wake)
    try:
        failed = queue.wait(submit_scan(queue, ws, "ETA prediction").id, timeout=60)
    finally:
        worker.stop(timeout=20)
    assert failed.status is JobStatus.FAILED and failed.attempts == 1  # not retried: it will not pass by itself
    assert failed.error.startswith(f"cannot fetch {(tmp_path / 'gone.git').as_uri()}: git clone: ")
    assert "\n" not in failed.error and "Traceback" not in failed.error
    assert "does not appear to be a git repository" in failed.error
    assert not any(p.suffix == ".git" for p in (tmp_path / "mirrors").iterdir())  # no half mirror left


def test_a_retried_scan_stores_one_result(sqlite_ws, tmp_path):
    """A worker that died after storing the scan but before recording the job's end: the retry
    answers the stored scan of the same commit instead of storing a second one."""
    ws = sqlite_ws
    remote = Remote(tmp_path)
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url))
    queue = JobQueue(ws)
    job = submit_scan(queue, ws, "ETA prediction")
    with ws.uow() as uow:
        payload = handlers.payload_of("scan", uow.jobs.get(job.id).payload)
    first = handlers.scan(ws, payload, Reporter(ws, job.id, 0.0))
    again = handlers.scan(ws, payload, Reporter(ws, job.id, 0.0))
    assert again.result_id == first.result_id and _results(ws) == 1
    remote.commit(PRIYA, "2025-04-15", {"weather.py": lines(12, "wx")})
    remote.push()
    newer = handlers.scan(ws, payload, Reporter(ws, job.id, 0.0))  # a new commit is a new scan
    assert newer.result_id != first.result_id and newer.commits == 7 and _results(ws) == 2


def test_scan_all_queues_every_repository_once(cli_any, tmp_path):
    cli = cli_any
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    for name in ("ETA prediction", "Demand forecast"):
        cli.ok("engagement", "add", name, "--partner", "Quantia Labs", "--start", "2025-01-02")
    remote = Remote(tmp_path)
    cli.ok("repo", "add", remote.url, "--engagement", "ETA prediction", "--name", "eta")
    cli.ok("repo", "add", str(remote.work.path), "--engagement", "ETA prediction", "--name", "local")
    cli.ok("repo", "add", remote.url, "--engagement", "Demand forecast", "--branch", "main")
    first = cli.ok("scan", "--all", "--json").json
    assert (first["queued"], first["waiting"], first["refused"]) == (3, 0, 0)
    again = cli.ok("scan", "--all", "--json").json
    assert (again["queued"], again["waiting"], again["refused"]) == (0, 3, 0)
    assert [s["job"]["id"] for s in again["scans"]] == [s["job"]["id"] for s in first["scans"]]
    assert len(cli.ok("job", "list", "--json").json) == 3
    one = cli.ok("scan", "--all", "--engagement", "Demand forecast", "--json").json
    assert [s["repo"] for s in one["scans"]] == ["remote"] and one["waiting"] == 1
    shown = cli.ok("scan", "--all")
    assert "0 queued, 3 already waiting, 0 not queued." in shown.stdout
    refused = cli("scan", "--all", "--quick")
    assert refused.exit_code == 2 and "scan --all takes no REPO" in refused.stderr


def test_the_periodic_rescan_is_queued_once_per_due_time(sqlite_url, tmp_path):
    ws = _workspace(sqlite_url, tmp_path, rescan_schedule="0 2 * * *")
    remote = Remote(tmp_path)
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url))
    queue = JobQueue(ws)
    one, two = RescanScheduler(ws, queue, "worker-a"), RescanScheduler(ws, queue, "worker-b")
    due = datetime(2026, 3, 1, 2, 0, 0)
    assert two.tick(due - timedelta(seconds=5)) is None  # the day before's due time is long past
    assert one.tick(due + timedelta(seconds=3)).queued == 1
    assert two.tick(due + timedelta(seconds=4)) is None  # worker-a has it
    assert one.tick(due + timedelta(seconds=9)) is None  # once per due time
    assert two.tick(due + timedelta(minutes=30)) is None  # too late to make up
    assert len(queue.list(ws)) == 1
    off = Workspace(load_settings(database_url=sqlite_url, rescan_schedule=""))
    assert RescanScheduler(off, queue, "worker-c").tick(due + timedelta(days=1)) is None
    off.dispose()
    ws.dispose()


def test_a_local_worker_queues_the_scheduled_rescans_by_itself(sqlite_url, tmp_path):
    ws = _workspace(sqlite_url, tmp_path, rescan_schedule="* * * * * */1")
    remote = Remote(tmp_path)
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url))
    schedulers = [LocalWorker(ws, concurrency=0, interval=0.0).start() for _ in range(2)]
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not JobQueue(ws).list(ws):
            time.sleep(0.1)
        time.sleep(1.5)
    finally:
        for worker in schedulers:
            worker.stop(timeout=10)
    jobs = JobQueue(ws).list(ws)
    assert len(jobs) == 1 and jobs[0].submitted_by == "scheduler"  # the waiting rescan keeps its place
    with ws.engine.connect() as conn:
        ticks = conn.execute(text("SELECT due_at, count(*) FROM schedule_ticks GROUP BY due_at")).all()
    assert ticks and all(count == 1 for _, count in ticks)
    ws.dispose()


def test_an_unknown_schedule_is_refused():
    with pytest.raises(ValueError, match="not a cron expression"):
        load_settings(rescan_schedule="every night")  # refused before any worker starts


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("INHOUSE_TEST_POSTGRES_URL"), reason="INHOUSE_TEST_POSTGRES_URL is not set")
def test_procrastinate_defers_the_periodic_rescan_once_for_two_workers(request, tmp_path):
    from inhouse.jobs.engine import ProcrastinateWorker
    from tests.conftest import _truncate_postgres

    pg_url = request.getfixturevalue("postgres_database")
    _truncate_postgres(pg_url)
    ws = _workspace(pg_url, tmp_path, rescan_schedule="* * * * * */1")
    remote = Remote(tmp_path)
    repos.add_url(ws, "ETA prediction", RepoUrlIn(url=remote.url))
    workers = [ProcrastinateWorker(ws, concurrency=1).start() for _ in range(2)]
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not JobQueue(ws).list(ws):
            time.sleep(0.2)
        time.sleep(2)
    finally:
        for worker in workers:
            worker.stop(timeout=20)
    jobs = JobQueue(ws).list(ws)
    assert jobs and all(j.submitted_by == "scheduler" and j.kind == "scan" for j in jobs)
    with ws.engine.connect() as conn:
        rescans = conn.execute(
            text(
                "SELECT args->>'timestamp', count(*) FROM procrastinate_jobs "
                "WHERE task_name = 'inhouse.rescan_all' GROUP BY 1"
            )
        ).all()
    assert rescans and all(count == 1 for _, count in rescans)  # two workers, one rescan per due time
    ws.dispose()


def test_scan_and_docs_audit_take_a_linked_url_and_read_its_mirror(cli, tmp_path):
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-01-02")
    remote = Remote(tmp_path)
    unlinked = cli("scan", remote.url)
    assert unlinked.exit_code == 3 and "no repository is linked by the URL" in unlinked.stderr
    assert "Traceback" not in unlinked.stderr and unlinked.stderr.count("\n") == 1
    cli.ok("repo", "add", remote.url, "--engagement", "ETA prediction", "--name", "eta")
    scanned = cli.ok("scan", remote.url, "--json").json
    assert (scanned["repo"], scanned["engagement"], scanned["commits"]) == ("eta", "ETA prediction", 6)
    remote.commit(PRIYA, "2025-04-15", {"weather.py": lines(12, "wx")})
    remote.push()
    again = cli.ok("scan", remote.url, "--json").json  # fetched before the scan
    assert (again["commits"], again["incremental"], again["scanned_commits"]) == (7, True, 1)
    audited = cli.ok("docs", "audit", remote.url, "--json").json
    assert (audited["repo"], audited["engagement"]) == ("eta", "ETA prediction")
    by_name = cli.ok("docs", "audit", "eta", "--json").json
    assert by_name["result_id"] != audited["result_id"] and by_name["repo"] == "eta"
