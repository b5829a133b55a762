"""What the job-engine benchmarks share: a throwaway PostgreSQL database (on a server, or on a
cluster of its own), a portfolio workspace with its repositories registered, scans queued through
the job interface, ``inhouse worker`` processes, and the jobs table's timestamps read back.

Used by ``portfolio_scale.py`` and ``engine_faults.py``; not run on its own.
"""

from __future__ import annotations

import functools
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_repo

BIN = Path(sys.executable).parent
INHOUSE = str(BIN / "inhouse")
PG_BIN = Path("/usr/lib/postgresql/15/bin")
ENGAGEMENTS = 10
"""The portfolio's repositories are spread over this many engagements (one partner each)."""
LIMITS = {"INHOUSE_JOBS_QUEUED_LIMIT": "100000", "INHOUSE_JOBS_PER_USER": "100000"}
"""A portfolio scan queues every repository at once: far more than the web's default limits."""


def exit_on_sigterm() -> None:
    """SIGTERM ends the benchmark through its ``finally`` blocks: workers stopped, databases dropped."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


# ---- repositories ----


def _make(args: tuple[Path, int, int]) -> Path:
    path, commits, seed = args
    if not (path / ".git" / "synth-done").exists():
        shutil.rmtree(path, ignore_errors=True)
        synth_repo.create(path, commits, seed)
        (path / ".git" / "synth-done").write_text("ok\n")
    return path


def portfolio(root: Path, count: int, commits: int, processes: int = 2) -> list[Path]:
    """``count`` synthetic repositories of ``commits`` commits each under ``root`` (made once,
    reused by later runs)."""
    folder = root / f"repos-{commits}"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = [(folder / f"repo-{n:03d}", commits, 1000 + n) for n in range(count)]
    missing = [w for w in wanted if not (w[0] / ".git" / "synth-done").exists()]
    if missing:
        print(f"generating {len(missing)} repositories of {commits} commits in {folder}", file=sys.stderr)
        with ProcessPoolExecutor(processes) as pool:
            list(pool.map(_make, missing))
    return [w[0] for w in wanted]


# ---- databases ----


@dataclass
class Server:
    """A PostgreSQL server reached at ``host:port`` as ``user`` (no password: local trust)."""

    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(host=self.host, port=self.port, user=self.user, dbname=database, autocommit=True)

    def create(self, prefix: str = "inhouse_bench") -> str:
        name = f"{prefix}_{secrets.token_hex(4)}"
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster(Server):
    """A PostgreSQL cluster of its own in a temporary folder (initdb + pg_ctl), on a free port;
    run as the ``postgres`` OS user when this process is root (postgres refuses to run as root)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(port=free_port())
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "postgres.log"

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(argv)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def init(self) -> Cluster:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        return self.start()

    def start(self) -> Cluster:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


# ---- the workspace ----


def environment(url: str, **extra: str) -> dict[str, str]:
    """The environment of inhouse commands and workers over ``url`` (the benchmark's own settings on top)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INHOUSE_")}
    env.update(LIMITS)
    env["INHOUSE_DATABASE_URL"] = url
    env.update(extra)
    return env


def inhouse(url: str, *argv: str, **extra: str) -> str:
    done = subprocess.run([INHOUSE, *argv], env=environment(url, **extra), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"inhouse {' '.join(argv)}: exit {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def workspace(url: str):  # -> inhouse.bootstrap.Workspace
    """This process's workspace over ``url`` with the benchmark's limits (the CLI's settings)."""
    os.environ.update(LIMITS)
    from inhouse.bootstrap import Workspace
    from inhouse.settings import load_settings

    return Workspace(settings=load_settings(database_url=url))


@functools.cache
def accepts_urls() -> bool:
    """Whether ``inhouse repo add`` takes a repository's URL (then each worker keeps its own mirror
    in its ``mirrors_dir``)."""
    from inhouse.settings import Settings

    shown = subprocess.run(
        [INHOUSE, "repo", "add", "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}
    ).stdout
    return "mirrors_dir" in Settings.model_fields and "URL" in shown


def source_of(path: Path) -> str:
    return path.resolve().as_uri() if accepts_urls() else str(path)


def setup(url: str, repos: list[Path]) -> list[tuple[int, int]]:
    """Initialise the workspace at ``url`` and register ``repos`` over ``ENGAGEMENTS`` engagements;
    answers (engagement id, repository id) per repository."""
    inhouse(url, "init", "--client", "Acme Analytics")
    from inhouse.domain.engagements import EngagementIn
    from inhouse.domain.organisations import PartnerIn
    from inhouse.domain.repos import RepoIn
    from inhouse.services import engagements, partners
    from inhouse.services import repos as repo_service

    ws = workspace(url)
    partners.add(ws, PartnerIn(name="Partner Labs", domains=["partner.io"]))
    names = [f"Portfolio {n + 1:02d}" for n in range(ENGAGEMENTS)]
    for name in names:
        engagements.add(ws, EngagementIn(name=name, partner="Partner Labs", start_date=date(2021, 1, 1)))
    pairs = []
    for n, path in enumerate(repos):
        engagement = names[n % ENGAGEMENTS]
        if accepts_urls():
            from inhouse.domain.repos import RepoUrlIn

            record = repo_service.add_url(ws, engagement, RepoUrlIn(url=source_of(path)))
        else:
            record = repo_service.add(ws, engagement, RepoIn(repository=source_of(path)))
        pairs.append((record.engagement_id, record.id))
    ws.dispose()
    return pairs


@functools.cache
def scan_all() -> bool:
    """Whether ``inhouse scan --all`` queues a scan of every linked repository."""
    shown = subprocess.run(
        [INHOUSE, "scan", "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}
    ).stdout
    return "--all" in shown


def enqueue_all(url: str, pairs: list[tuple[int, int]], command: bool = True) -> tuple[list[int], float]:
    """Queue a scan of every repository of ``pairs`` (with ``command``, all of the workspace's by
    ``inhouse scan --all`` when it exists, else through the job interface from this process); the
    job ids and the seconds it took."""
    if command and scan_all():
        start = time.perf_counter()
        inhouse(url, "scan", "--all")
        took = time.perf_counter() - start
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
            ids = [int(r[0]) for r in conn.execute("SELECT id FROM jobs WHERE status = 'queued' ORDER BY id")]
        return ids, took
    from inhouse.jobs.scan import submit_scan
    from inhouse.services.queue import JobQueue

    ws = workspace(url)
    queue = JobQueue(ws)
    start = time.perf_counter()
    ids = [submit_scan(queue, ws, str(e), str(r)).id for e, r in pairs]
    took = time.perf_counter() - start
    ws.dispose()
    return [i for i in ids if i is not None], took


# ---- workers ----


class Workers:
    """``inhouse worker`` processes over one database; each may have settings of its own."""

    def __init__(self, url: str, log_dir: Path) -> None:
        self.url, self.log_dir = url, log_dir
        self.procs: list[subprocess.Popen[bytes]] = []
        log_dir.mkdir(parents=True, exist_ok=True)

    def start(self, count: int, concurrency: int = 1, **extra: str) -> list[subprocess.Popen[bytes]]:
        started = []
        for _ in range(count):
            n = len(self.procs)
            log = open(self.log_dir / f"worker-{n}.log", "wb")  # closed with the process
            proc = subprocess.Popen(
                [INHOUSE, "worker", "--concurrency", str(concurrency)],
                env=environment(self.url, **extra),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            self.procs.append(proc)
            started.append(proc)
        return started

    def alive(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in self.procs if p.poll() is None]

    def stop(self, timeout: float = 60) -> float:
        """SIGTERM every worker (each lets its running jobs finish); answers the CPU seconds the
        workers and their git processes used."""
        for proc in self.alive():
            proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        cpu = 0.0
        for proc in self.procs:
            if proc.returncode is not None:
                continue
            while proc.returncode is None:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    proc.returncode = os.waitstatus_to_exitcode(status)
                    cpu += usage.ru_utime + usage.ru_stime
                elif time.monotonic() > deadline:
                    proc.kill()
                else:
                    time.sleep(0.05)
        return cpu


# ---- reading the jobs table ----


@dataclass
class JobRow:
    id: int
    status: str
    attempts: int
    worker: str
    created: float
    started: float | None
    finished: float | None
    repo_id: int
    error: str


def jobs(server: Server, database: str, ids: list[int] | None = None) -> list[JobRow]:
    with server.connect(database) as conn:
        rows = conn.execute(
            "SELECT id, status, attempts, worker, extract(epoch from created_at), extract(epoch from started_at), "
            "extract(epoch from finished_at), (payload->>'repo_id')::int, error FROM jobs ORDER BY id"
        ).fetchall()
    found = [JobRow(r[0], r[1], r[2], r[3], float(r[4]), _f(r[5]), _f(r[6]), r[7] or 0, r[8] or "") for r in rows]
    return [j for j in found if ids is None or j.id in ids]


def _f(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def results_per_repo(server: Server, database: str) -> dict[int, int]:
    """Stored scan results per repository."""
    with server.connect(database) as conn:
        rows = conn.execute(
            "SELECT repo_id, count(*) FROM analysis_results WHERE kind = 'scan' GROUP BY repo_id"
        ).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


def wait_finished(server: Server, database: str, ids: list[int], timeout: float, every: float = 0.5) -> list[JobRow]:
    deadline = time.monotonic() + timeout
    while True:
        rows = jobs(server, database, ids)
        if all(r.status in ("done", "failed", "cancelled") for r in rows) or time.monotonic() > deadline:
            return rows
        time.sleep(every)


def pickup_gaps(rows: list[JobRow]) -> list[float]:
    """Per worker, the seconds between one job's end and the start of its next: what the engine
    costs between two jobs when work is waiting (recording the end, fetching, recording the start)."""
    by_worker: dict[str, list[JobRow]] = {}
    for row in rows:
        if row.started is not None and row.finished is not None:
            by_worker.setdefault(row.worker, []).append(row)
    gaps = []
    for runs in by_worker.values():
        runs.sort(key=lambda r: r.started or 0.0)
        gaps += [b.started - a.finished for a, b in zip(runs, runs[1:], strict=False)]  # type: ignore[operator]
    return gaps


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
