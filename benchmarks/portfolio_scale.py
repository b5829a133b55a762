"""Benchmark of the job engine on a portfolio: every repository's scan queued at once, run by 1, 2
and 4 ``inhouse worker`` processes, then by two groups of workers with folders of their own (two
"machines"), each on a fresh PostgreSQL database.

    python benchmarks/portfolio_scale.py                       # 200 repositories x 2000 commits
    python benchmarks/portfolio_scale.py --repos 50 --commits 1000 --workers 1,2
    python benchmarks/portfolio_scale.py --server 127.0.0.1:5432 --cache /tmp/bench/portfolio

The repositories are generated once with ``synth_repo.py`` and kept under ``--cache``. Each
configuration gets a database ``inhouse_bench_<random>`` on ``--server``, dropped at its end; the
scans are queued through the job interface (``JobQueue``, as the web and the CLI queue them) and
the figures read back from the ``jobs`` table's timestamps:

- repositories per minute: jobs / (last finished - first started);
- the engine's cost between two jobs of one worker (one job's end to the next one's start, work
  waiting), and a job's run (started -> finished) against the same scan called directly, without
  the engine (the "scan alone" baseline, on a sample of the repositories);
- queued -> started with idle workers (one job at a time);
- CPU seconds per job of the workers and their git processes, and database transactions per job.

With ``mirrors_dir`` among the settings (repositories added by URL), the repositories are added
as ``file://`` URLs and each group of workers keeps its mirrors in a folder of its own.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import job_bench as jb


def transactions(server: jb.Server, database: str) -> int:
    with server.connect(database) as conn:
        row = conn.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    return int(row[0]) if row else 0


def baseline(server: jb.Server, repos: list, sample: int) -> list[float]:
    """Seconds of each scan of ``sample`` repositories called directly (the scan service, in this
    process, no job engine), on a fresh database."""
    from inhouse.domain.knowledge import ScanIn
    from inhouse.services.knowledge import scan

    database = server.create()
    try:
        url = server.url(database)
        chosen = repos[:: max(len(repos) // sample, 1)][: sample + 1]
        pairs = jb.setup(url, chosen)
        ws = jb.workspace(url)
        scan(ws, str(pairs[0][0]), ScanIn(repository=str(chosen[0]), rev=None))  # warm: imports, first connection
        times = []
        for (engagement_id, _), path in zip(pairs[1:], chosen[1:], strict=True):
            start = time.perf_counter()
            scan(ws, str(engagement_id), ScanIn(repository=str(path), rev=None))
            times.append(time.perf_counter() - start)
        ws.dispose()
        return times
    finally:
        server.drop(database)


def idle_latency(server: jb.Server, database: str, pairs: list, rounds: int) -> list[float]:
    """queued -> started of single rescans while the workers are idle."""
    from inhouse.jobs.scan import submit_scan
    from inhouse.services.queue import JobQueue

    ws = jb.workspace(server.url(database))
    queue = JobQueue(ws)
    waits = []
    for engagement_id, repo_id in pairs[:rounds]:
        job = submit_scan(queue, ws, str(engagement_id), str(repo_id))
        assert job.id is not None
        [row] = jb.wait_finished(server, database, [job.id], 60, every=0.05)
        if row.started is not None:
            waits.append(row.started - row.created)
        time.sleep(0.3)
    ws.dispose()
    return waits


def run(server: jb.Server, repos: list, groups: list[int], scratch: Path, label: str, idle_rounds: int = 0) -> dict:
    """One configuration: a fresh database, every scan queued, ``groups`` of workers (one entry per
    "machine", its number of worker processes) started together; the figures."""
    database = server.create()
    try:
        url = server.url(database)
        pairs = jb.setup(url, repos)
        ids, enqueue_s = jb.enqueue_all(url, pairs)
        xact_before = transactions(server, database)
        workers = jb.Workers(url, scratch / label / "logs")
        launched = time.time()
        for g, count in enumerate(groups):
            folder = scratch / label / f"machine-{g}"
            (folder / "tmp").mkdir(parents=True, exist_ok=True)
            extra = {"TMPDIR": str(folder / "tmp")}
            if jb.accepts_urls():
                extra["INHOUSE_MIRRORS_DIR"] = str(folder / "mirrors")
            workers.start(count, **extra)
        rows = jb.wait_finished(server, database, ids, timeout=3600)
        xact = transactions(server, database) - xact_before
        results = jb.results_per_repo(server, database)
        idle = idle_latency(server, database, pairs, idle_rounds) if idle_rounds else []
        cpu = workers.stop()
    finally:
        server.drop(database)
    done = [r for r in rows if r.status == "done"]
    first = min(r.started for r in rows if r.started is not None)
    last = max(r.finished for r in rows if r.finished is not None)
    runs = [r.finished - r.started for r in done if r.started is not None and r.finished is not None]
    return {
        "label": label,
        "workers": sum(groups),
        "groups": groups,
        "jobs": len(rows),
        "done": len(done),
        "not_done": [(r.id, r.status, r.error[:120]) for r in rows if r.status != "done"],
        "retried": sum(1 for r in rows if r.attempts > 1),
        "results_not_one": {repo: n for repo, n in results.items() if n != 1}
        | {repo: 0 for _, repo in pairs if repo not in results},
        "enqueue_s": enqueue_s,
        "startup_s": first - launched,
        "span_s": last - first,
        "per_min": 60 * len(done) / max(last - first, 1e-9),
        "run_median": jb.median(runs),
        "run_p95": jb.p95(runs),
        "gap_median": jb.median(jb.pickup_gaps(rows)),
        "gap_p95": jb.p95(jb.pickup_gaps(rows)),
        "cpu_per_job": cpu / max(len(done), 1),
        "xact_per_job": xact / max(len(done), 1),
        "idle_wait": idle,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=200)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--workers", default="1,2,4", help="Worker processes per run, comma-separated.")
    parser.add_argument("--machines", default="2,2", help="Workers per group in the two-machine run ('' to skip).")
    parser.add_argument("--sample", type=int, default=30, help="Repositories of the scan-alone baseline.")
    parser.add_argument("--server", default="127.0.0.1:5432", help="PostgreSQL host:port (user postgres, trust).")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bench" / "portfolio")
    args = parser.parse_args(argv)
    jb.exit_on_sigterm()
    host, _, port = args.server.partition(":")
    server = jb.Server(host=host, port=int(port or 5432))
    repos = jb.portfolio(args.cache, args.repos, args.commits)
    scratch = Path(tempfile.mkdtemp(prefix="inhouse-portfolio-"))
    mode = "file:// URLs, a mirror folder per group" if jb.accepts_urls() else "local paths"
    mode += ", queued by `inhouse scan --all`" if jb.scan_all() else ", queued by JobQueue"
    print(f"{len(repos)} repositories of {args.commits} commits, registered as {mode}", flush=True)
    try:
        alone = baseline(server, repos, args.sample)
        print(
            f"scan alone (no engine), {len(alone)} repositories: median {jb.median(alone):.3f} s, "
            f"p95 {jb.p95(alone):.3f} s -> {60 / jb.median(alone):.0f} repositories/min in one process",
            flush=True,
        )
        rows = []
        counts = [int(n) for n in args.workers.split(",") if n.strip()]
        for n in counts:
            rows.append(run(server, repos, [n], scratch, f"{n} worker{'s' if n > 1 else ''}", 10 if n == 2 else 0))
            print(line(rows[-1], jb.median(alone)), flush=True)
        if args.machines.strip():
            groups = [int(n) for n in args.machines.split(",")]
            rows.append(run(server, repos, groups, scratch, f"{len(groups)} groups x {'+'.join(map(str, groups))}"))
            print(line(rows[-1], jb.median(alone)), flush=True)
        report(rows, jb.median(alone))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def line(row: dict, alone: float) -> str:
    text = (
        f"{row['label']:>18}: {row['done']}/{row['jobs']} done in {row['span_s']:6.1f} s = {row['per_min']:6.1f} repos/min; "
        f"run median {row['run_median']:.3f} s ({row['run_median'] / alone:.2f}x alone), p95 {row['run_p95']:.3f} s; "
        f"between jobs median {row['gap_median'] * 1000:.0f} ms, p95 {row['gap_p95'] * 1000:.0f} ms; "
        f"{row['cpu_per_job']:.2f} CPU s/job; {row['xact_per_job']:.0f} transactions/job; "
        f"queued {row['jobs']} in {row['enqueue_s']:.1f} s; first start {row['startup_s']:.1f} s after launch"
    )
    if row["idle_wait"]:
        waits = row["idle_wait"]
        text += f"; idle queued->started median {jb.median(waits) * 1000:.0f} ms, max {max(waits) * 1000:.0f} ms"
    problems = []
    if row["not_done"]:
        problems.append(f"not done: {row['not_done']}")
    if row["results_not_one"]:
        problems.append(f"results per repository != 1: {row['results_not_one']}")
    if row["retried"]:
        problems.append(f"{row['retried']} jobs retried")
    return text + ("\n    " + "; ".join(problems) if problems else "")


def report(rows: list[dict], alone: float) -> None:
    singles = [r for r in rows if len(r["groups"]) == 1]
    if not singles:
        return
    base = singles[0]["per_min"] / singles[0]["workers"]
    print("\ncurve (repositories/min; scaling = throughput / (workers x one worker's)):")
    best = singles[0]
    for row in singles:
        print(
            f"  {row['workers']:>2} workers  {row['per_min']:7.1f}  scaling {row['per_min'] / (base * row['workers']):.2f}"
        )
        best = row if row["per_min"] > best["per_min"] else best
    machine = best["per_min"]
    print(
        f"one 2-core machine tops out at about {machine:.0f} repositories/min with {best['workers']} workers "
        f"({best['cpu_per_job']:.2f} CPU s per job: 2 cores give at most {120 / best['cpu_per_job']:.0f}/min)"
    )
    grouped = [r for r in rows if len(r["groups"]) > 1]
    for row in grouped:
        print(
            f"  {row['label']} on the same 2 cores: {row['per_min']:.1f}/min ({row['per_min'] / machine:.2f}x the best single group)"
        )
    xact_rate = 4 * machine / 60 * best["xact_per_job"]
    print(
        f"16 workers on 4 machines like this one (4 workers each, 2 cores): 4 x {machine:.0f} = {4 * machine:.0f} "
        f"repositories/min (CPU-bound per machine, linear in machines: a job's work is the worker's own; "
        f"the database then sees {xact_rate:.0f} transactions/s). On 4-core machines: up to "
        f"{16 * base:.0f}/min (16 x one worker's {base:.0f}/min) before their cores run out."
    )


if __name__ == "__main__":
    main()
