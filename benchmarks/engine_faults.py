"""Faults under the job engine, on a PostgreSQL cluster of the benchmark's own (initdb + pg_ctl in
a temporary folder, on a free port; never a shared server), stopped and removed at the end.

    python benchmarks/engine_faults.py
    python benchmarks/engine_faults.py --commits 20000 --outage 5

1. **A worker killed outright.** Scans queued, two ``inhouse worker`` processes; one is sent
   SIGKILL while it runs a scan. Shown: the job is found stalled, queued again, run by the other
   worker, and its repository has exactly one stored result.
2. **The database away for a moment.** Scans running on two workers; the cluster is stopped
   (``pg_ctl stop -m fast``: every connection cut) for ``--outage`` seconds and started again.
   Shown: the workers are still alive, every job ends done with one result per repository, and a
   job queued after the outage runs.

Workers run with short heartbeats (``INHOUSE_JOB_HEARTBEAT_SECONDS=1``, ``..._STALL_SECONDS=5``,
``..._RETRY_SECONDS=1``) so that recovery shows in seconds; the defaults are 5, 60 and 5.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import job_bench as jb

FAST = {"INHOUSE_JOB_HEARTBEAT_SECONDS": "1", "INHOUSE_JOB_STALL_SECONDS": "5", "INHOUSE_JOB_RETRY_SECONDS": "1"}


def pid_of(worker: str) -> int:
    """The process id in a worker's name (``host:pid:random``)."""
    match = re.match(r".*:(\d+):[0-9a-f]+$", worker)
    return int(match.group(1)) if match else 0


def wait_running(cluster: jb.Cluster, database: str, ids: list[int], count: int, timeout: float) -> list[jb.JobRow]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = [r for r in jb.jobs(cluster, database, ids) if r.status == "running"]
        if len(running) >= count:
            return running
        time.sleep(0.1)
    raise SystemExit(f"fewer than {count} jobs running after {timeout:g} s")


def tracebacks(folder: Path) -> list[str]:
    found = []
    for log in sorted(folder.glob("*.log")):
        text = log.read_text(errors="replace")
        if "Traceback" in text:
            found.append(f"{log.name}: {text.count('Traceback')} traceback(s)")
    return found


def killed_worker(cluster: jb.Cluster, repos: list[Path], scratch: Path) -> bool:
    print("\n1. a worker killed with SIGKILL mid-scan", flush=True)
    database = cluster.create()
    url = cluster.url(database)
    pairs = jb.setup(url, repos)
    ids, _ = jb.enqueue_all(url, pairs)
    workers = jb.Workers(url, scratch / "kill")
    workers.start(2, **FAST)
    try:
        victim = wait_running(cluster, database, ids, 1, 60)[0]
        time.sleep(0.5)  # well inside the scan
        pid = pid_of(victim.worker)
        assert pid and pid in [p.pid for p in workers.procs], f"worker {victim.worker} is not one of ours"
        os.kill(pid, signal.SIGKILL)
        killed = time.time()
        print(
            f"   job {victim.id} running on {victim.worker}: SIGKILL at {victim.started and killed - victim.started:.1f} s into it"
        )
        rows = jb.wait_finished(cluster, database, ids, 180)
        results = jb.results_per_repo(cluster, database)
    finally:
        workers.stop()
    again = next(r for r in rows if r.id == victim.id)
    ok = True
    for row in rows:
        mark = " <- killed" if row.id == victim.id else ""
        print(
            f"   job {row.id}: {row.status}, attempts {row.attempts}, worker {row.worker}, "
            f"results stored {results.get(row.repo_id, 0)}{mark}"
        )
        ok &= row.status == "done" and results.get(row.repo_id, 0) == 1
    moved = again.worker != victim.worker and again.attempts == 2
    if again.started is not None and again.finished is not None:
        print(
            f"   retried {again.started - killed:.1f} s after the kill (stall limit 5 s), done "
            f"{again.finished - killed:.1f} s after it, on the other worker: {moved}"
        )
    ok &= moved
    print(
        f"   {'OK' if ok else 'FAILED'}: every job done once, the killed one retried elsewhere, one result per repository"
    )
    cluster.drop(database)
    return ok


def database_outage(cluster: jb.Cluster, repos: list[Path], scratch: Path, outage: float) -> bool:
    print(f"\n2. the database stopped for {outage:g} s while scans run", flush=True)
    database = cluster.create()
    url = cluster.url(database)
    pairs = jb.setup(url, repos)
    ids, _ = jb.enqueue_all(url, pairs[:-1], command=False)
    workers = jb.Workers(url, scratch / "outage")
    workers.start(2, **FAST)
    try:
        wait_running(cluster, database, ids, 2, 60)
        time.sleep(0.5)
        down = time.time()
        cluster.stop("fast")
        time.sleep(outage)
        cluster.start()
        up = time.time()
        print(f"   down for {up - down:.1f} s; workers alive after it: {len(workers.alive())} of 2")
        rows = jb.wait_finished(cluster, database, ids, 120)
        late, _ = jb.enqueue_all(url, pairs[-1:], command=False)
        [after] = jb.wait_finished(cluster, database, late, 60)
        results = jb.results_per_repo(cluster, database)
        alive = len(workers.alive())
    finally:
        workers.stop()
    ok = alive == 2
    for row in [*rows, after]:
        note = " <- queued after the outage" if row.id == after.id else ""
        print(
            f"   job {row.id}: {row.status}, attempts {row.attempts}, results stored {results.get(row.repo_id, 0)}"
            f"{' ' + row.error[:100] if row.error else ''}{note}"
        )
        ok &= row.status == "done" and results.get(row.repo_id, 0) == 1
    last = max((r.finished or 0.0) for r in rows)
    print(f"   all done {last - up:.1f} s after the database came back; workers alive at the end: {alive} of 2")
    for line in tracebacks(scratch / "outage"):
        print(f"   worker log: {line}")
    print(f"   {'OK' if ok else 'FAILED'}: the workers recovered, every job done with one result per repository")
    cluster.drop(database)
    return ok


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=20_000, help="Commits per repository (a scan of a few seconds).")
    parser.add_argument("--repos", type=int, default=4)
    parser.add_argument("--outage", type=float, default=5.0, help="Seconds the database stays down.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bench" / "portfolio")
    args = parser.parse_args(argv)
    jb.exit_on_sigterm()
    repos = jb.portfolio(args.cache, args.repos + 1, args.commits)
    scratch = Path(tempfile.mkdtemp(prefix="inhouse-faults-"))
    scratch.chmod(0o755)  # the cluster's folder inside must be reachable by the postgres OS user
    cluster = jb.Cluster(scratch / "pg").init()
    print(f"PostgreSQL cluster of its own in {cluster.data}, port {cluster.port}", flush=True)
    try:
        results = [
            killed_worker(cluster, repos[: args.repos], scratch),
            database_outage(cluster, repos, scratch, args.outage),
        ]
    finally:
        cluster.destroy()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"\n{sum(results)} of {len(results)} scenarios OK")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
