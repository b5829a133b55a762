"""Web page latency under load (a measurement, never a timed test).

Seeds a workspace with many engagements (200 by default) whose stored scans fold in about a
million commits (5,000 per repository), serves it with `inhouse serve --workers N` in its own
processes, and measures, on SQLite and (when a server is given) PostgreSQL:

- the cold start: the first portfolio view right after seeding (no status computed yet),
  how long until every status is computed, and the first view after a restart;
- one user alone (each page's own cost);
- 20 concurrent users, closed loop (no pause between pages) and with think time (a pause of
  1 s on average after each page), each beside a baseline run of the same users on /healthz
  (an endpoint that does nothing: what serving alone costs under the same load); and with
  think time again while 1 request in 20 adds a drill (a write) to a random engagement.

See benchmarks/web_load.py for what a user is. Prints and (with --out) writes the figures.

    python benchmarks/web_latency.py [--engagements 200] [--commits 5000] [--users 20] [--requests 50]
        [--think 1.0] [--workers N] [--postgres postgresql+psycopg://postgres@127.0.0.1/test]
        [--out docs/performance-web.md]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from inhouse.bootstrap import Workspace  # noqa: E402
from inhouse.cli.web import default_workers  # noqa: E402
from inhouse.domain.workspace import WorkspaceIn  # noqa: E402
from inhouse.services import workspace as workspace_service  # noqa: E402
from inhouse.settings import load_settings  # noqa: E402
from inhouse.store.database import make_engine  # noqa: E402
from web_load import fetch, median, p95, plans, run_users, start_session  # noqa: E402
from web_report import write  # noqa: E402
from web_seed import seed  # noqa: E402

PAGES = {  # page -> (weight, path template)
    "portfolio": (2, "/?page={page}"),
    "engagement": (4, "/engagements/{eid}"),
    "contract view": (1, "/documents/{did}"),
    "partners": (1, "/partners"),
    "api engagement": (2, "/api/engagements/{eid}"),
}
BASELINE = {"healthz": (1, "/healthz")}
DRILL = {
    "performed_on": "2026-11-10",
    "person": "Dev 3",
    "modification": "Change the retry policy",
    "outcome": "with_help",
}
WITH_WRITES = {
    **{page: (weight * 2 - (page == "engagement"), path) for page, (weight, path) in PAGES.items()},
    "add a drill": (1, "/api/engagements/{eid}/drills", DRILL),
}  # 1 request in 20 is a write
PER_PAGE = 50  # the portfolio's page size (services/dashboard/portfolio.py)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_database(base: str) -> tuple[str, callable]:
    url = make_url(base)
    name = f"inhouse_bench_{uuid.uuid4().hex[:6]}"
    admin = make_engine(url.render_as_string(hide_password=False)).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


def prepare(url: str, engagements: int, commits: int) -> dict[str, list]:
    ws = Workspace(load_settings(database_url=url))
    workspace_service.init(ws, WorkspaceIn(client="Bench Client"))
    started = time.perf_counter()
    seed(ws, engagements, commits)
    with ws.engine.connect() as conn:
        eids = [r[0] for r in conn.execute(text("SELECT id FROM engagements"))]
        dids = [r[0] for r in conn.execute(text("SELECT id FROM documents"))]
        stored = conn.execute(text("SELECT COALESCE(SUM(commits), 0) FROM scan_states")).scalar()
    ws.dispose()
    print(
        f"  {len(eids)} engagements, {stored:,} commits in stored scans, seeded in "
        f"{time.perf_counter() - started:.0f} s"
    )
    return {"eid": eids, "did": dids, "page": list(range(1, -(-len(eids) // PER_PAGE) + 1))}


def serve(url: str, port: int, workers: int) -> subprocess.Popen:
    inhouse = Path(sys.executable).with_name("inhouse")
    process = subprocess.Popen(
        [str(inhouse), "--db", url, "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            if fetch(conn, "/healthz")[0] == 200:
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"inhouse serve did not start: {process.stderr.read().decode()[:500]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def updating(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/api/portfolio?per_page=500")
    body = json.loads(conn.getresponse().read())
    return body["updating"]


def stale(url: str) -> int:
    """Engagements whose stored status or page is not current (the server's background work left)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT COUNT(*) FROM engagement_status WHERE status_version IS NULL OR status_version <> version "
                    "OR page_version IS NULL OR page_version <> version"
                )
            ).scalar()
    finally:
        engine.dispose()


def settle(url: str, started: float, limit: float = 300) -> float:
    while stale(url) and time.perf_counter() - started < limit:
        time.sleep(0.5)
    return time.perf_counter() - started


def cold(url: str, workers: int) -> dict[str, float]:
    """First views on a workspace whose statuses were never computed, and after a restart."""
    out = {}
    port = free_port()
    process = serve(url, port, workers)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        session = start_session(conn)  # as a browser: one session, its cookie on every page
        started = time.perf_counter()
        out["first portfolio, nothing computed"] = fetch(conn, "/", session=session)[1]
        out["second portfolio"] = fetch(conn, "/", session=session)[1]
        while updating(port) and time.perf_counter() - started < 120:
            time.sleep(0.2)
        out["every status computed (s)"] = time.perf_counter() - started
        out["every page built too (s)"] = settle(url, started)
    finally:
        stop(process)
    process = serve(url, port, workers)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out["first portfolio after a restart"] = fetch(conn, "/", session=start_session(conn))[1]
    finally:
        stop(process)
    for name, value in out.items():
        print(f"  {name}: {value:.1f}{'' if '(s)' in name else ' ms'}")
    return out


def summary(label: str, model: str, run, baseline) -> list[tuple]:
    rows = []
    base_median, base_p95 = median(baseline.all()), p95(baseline.all())
    pages = dict(sorted(run.latencies.items())) | {"all pages": run.all()}
    print(
        f"  {model}: {run.count} requests in {run.wall:.1f} s ({run.count / run.wall:.0f}/s); baseline /healthz "
        f"median {base_median:.1f} ms, p95 {base_p95:.1f} ms ({baseline.count / baseline.wall:.0f}/s)"
    )
    if run.errors:
        print(f"  {len(run.errors)} failed requests, e.g. {run.errors[:3]}")
    for page, values in pages.items():
        rows.append((label, model, page, len(values), median(values), p95(values), p95(values) / base_p95))
        print(f"    {page:16} n={len(values):4}  median {median(values):7.1f} ms  p95 {p95(values):7.1f} ms")
    rows.append((label, model, "baseline /healthz", baseline.count, base_median, base_p95, 1.0))
    return rows


def run(label: str, url: str, args) -> dict:
    print(f"{label}:")
    values = prepare(url, args.engagements, args.commits)
    figures = {"cold": cold(url, args.workers), "rows": [], "throughput": {}}
    port = free_port()
    process = serve(url, port, args.workers)
    try:
        settle(url, time.perf_counter())  # the server's start-up refresh has nothing left to do
        run_users(port, plans(PAGES, values, 4, 10, seed=99))  # warm-up: templates, connection pools
        alone = run_users(port, plans(PAGES, values, 1, 60, seed=7))
        figures["alone"] = {page: median(v) for page, v in sorted(alone.latencies.items())}
        print("  one user alone: " + ", ".join(f"{p} {v:.1f} ms" for p, v in figures["alone"].items()))
        figures["load average"] = os.getloadavg()[0]  # other work on the machine skews every figure
        for model, think in (("closed loop", 0.0), (f"think {args.think:g} s", args.think)):
            baseline = run_users(port, plans(BASELINE, {}, args.users, args.requests), think)
            loaded = run_users(port, plans(PAGES, values, args.users, args.requests), think)
            figures["rows"] += summary(label, model, loaded, baseline)
            figures["throughput"][model] = (
                loaded.count / loaded.wall,
                baseline.count / baseline.wall,
                len(loaded.errors),
            )
        model = f"think {args.think:g} s, 5% writes"  # each write makes an engagement's stored status
        loaded = run_users(port, plans(WITH_WRITES, values, args.users, args.requests, seed=3), args.think)
        figures["rows"] += summary(label, model, loaded, baseline)  # and page stale: recomputed on view
        figures["throughput"][model] = (loaded.count / loaded.wall, baseline.count / baseline.wall, len(loaded.errors))
    finally:
        stop(process)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=200)
    parser.add_argument("--commits", type=int, default=5000, help="commits per repository")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="page views per user and run")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a user's page views (s)")
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="inhouse serve --workers (default: its own default on this machine)",
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("INHOUSE_TEST_POSTGRES_URL"),
        help="PostgreSQL server URL (a database is created and dropped)",
    )
    parser.add_argument("--out", type=Path, default=None, help="write the figures as Markdown")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = run("SQLite", f"sqlite:///{folder}/bench.db", args)
    if args.postgres:
        url, drop = postgres_database(args.postgres)
        try:
            results["PostgreSQL"] = run("PostgreSQL", url, args)
        finally:
            drop()
    if args.out:
        write(args.out, results, args, PAGES)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
