"""What the job engine tests share: a workspace with short heartbeat and stall settings, a linked
generated repository, a worker process (`inhouse worker`) and a scan handler that is slow to start."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from inhouse.bootstrap import Workspace
from inhouse.domain.repos import RepoIn
from inhouse.services import engagements, repos
from inhouse.settings import load_settings
from tests import records
from tests.gitrepo import GitRepoBuilder, lines

FAST = {
    "job_heartbeat_seconds": 0.2,
    "job_stall_seconds": 1.5,
    "job_retry_seconds": 0.0,
    "job_poll_seconds": 0.1,
    "job_max_attempts": 3,
}
"""Settings that make heartbeats, stalls and retries quick enough for a test."""

INHOUSE = str(Path(sys.executable).with_name("inhouse"))


def fast_workspace(database_url: str, **extra) -> Workspace:
    ws = Workspace(load_settings(database_url=database_url, **{**FAST, **extra}))
    records.init(ws, "Acme Analytics")
    return ws


def linked_repo(ws: Workspace, folder: Path, name: str = "eta-prediction", engagement: str = "ETA prediction"):
    """An engagement (made once) with a small generated repository linked to it."""
    if not any(e.name == engagement for e in engagements.list_all(ws)):
        records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
        records.add_engagement(ws, engagement, "Quantia Labs", "2025-06-02")
    repo = GitRepoBuilder(folder / name)
    for month in range(1, 7):
        repo.commit("Mei Chen <mei@quantialabs.io>", f"2025-{month:02d}-05", {"api.py": lines(10 + month, "api")})
        repo.commit("Priya Raman <priya@acme.example>", f"2025-{month:02d}-15", {"lanes.py": lines(5 + month)})
    linked = repos.add(ws, engagement, RepoIn(repository=str(repo.path), name=name))
    return linked


def worker_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INHOUSE_")}
    env.update({f"INHOUSE_{k.upper()}": str(v) for k, v in FAST.items()})
    env["INHOUSE_DATABASE_URL"] = database_url
    env.update(extra)
    return env


SLOW_WORKER = """
import sys, time
from inhouse.jobs import handlers
real = handlers.HANDLERS["scan"]
def slow(ws, payload, report):
    for n in range(40):
        report("waiting before the scan", n, 40)
        time.sleep(0.1)
    return real(ws, payload, report)
handlers.HANDLERS["scan"] = slow
from inhouse.cli.main import run
sys.argv = ["inhouse", "worker", "--concurrency", "1"]
run()
"""
"""A worker process whose scans first wait four seconds (reporting progress), so a test can kill it mid-job."""


def start_worker(database_url: str, slow: bool = False, concurrency: int = 1) -> subprocess.Popen:
    """`inhouse worker` in a process of its own (``slow``: its scans wait four seconds first)."""
    argv = [sys.executable, "-c", SLOW_WORKER] if slow else [INHOUSE, "worker", "--concurrency", str(concurrency)]
    return subprocess.Popen(argv, env=worker_env(database_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(predicate, timeout: float = 30.0, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
