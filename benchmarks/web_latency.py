"""Web page latency under load (a measurement, never a timed test).

Seeds a workspace with many engagements (200 by default) whose stored scans fold in
about a million commits (5,000 per repository), serves it with `inhouse serve` in its own
process, and sends requests from 20 concurrent users over keep-alive connections. Prints
and writes the median and p95 latency per page, on SQLite and (when a server is given)
PostgreSQL.

    python benchmarks/web_latency.py [--engagements 200] [--commits 5000] [--users 20]
        [--requests 30] [--postgres postgresql+psycopg://postgres@127.0.0.1/test] [--out docs/performance-web.md]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from inhouse.bootstrap import Workspace  # noqa: E402
from inhouse.services import workspace as workspace_service  # noqa: E402
from inhouse.settings import load_settings  # noqa: E402
from inhouse.store.database import make_engine  # noqa: E402
from web_seed import seed  # noqa: E402

PAGES = {  # page -> (weight, path template)
    "portfolio": (2, "/"),
    "engagement": (4, "/engagements/{eid}"),
    "contract view": (1, "/documents/{did}"),
    "partners": (1, "/partners"),
    "api engagement": (2, "/api/engagements/{eid}"),
}


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


def prepare(url: str, engagements: int, commits: int) -> tuple[list[int], list[int], float]:
    ws = Workspace(load_settings(database_url=url))
    workspace_service.init(ws, "Bench Client")
    started = time.perf_counter()
    seed(ws, engagements, commits)
    with ws.engine.connect() as conn:
        eids = [r[0] for r in conn.execute(text("SELECT id FROM engagements"))]
        dids = [r[0] for r in conn.execute(text("SELECT id FROM documents"))]
        stored = conn.execute(text("SELECT COALESCE(SUM(commits), 0) FROM scan_states")).scalar()
    ws.dispose()
    print(f"  {len(eids)} engagements, {stored:,} commits in stored scans, seeded in "
          f"{time.perf_counter() - started:.0f} s")
    return eids, dids, stored


def serve(url: str, port: int) -> subprocess.Popen:
    inhouse = Path(sys.executable).with_name("inhouse")
    process = subprocess.Popen([str(inhouse), "--db", url, "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"inhouse serve did not start: {process.stderr.read().decode()[:500]}")


def user(port: int, plan: list[tuple[str, str]], out: dict[str, list[float]], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for page, path in plan:
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            errors.append(f"{path}: {response.status}")
        out.setdefault(page, []).append(elapsed)
    conn.close()


def load(port: int, eids: list[int], dids: list[int], users: int, requests: int) -> dict[str, list[float]]:
    rng = random.Random(1)
    names = [n for n, (w, _) in PAGES.items() for _ in range(w)]

    def plan() -> list[tuple[str, str]]:
        chosen = [rng.choice(names) for _ in range(requests)]
        return [(p, PAGES[p][1].format(eid=rng.choice(eids), did=rng.choice(dids))) for p in chosen]

    cold: dict[str, list[float]] = {}
    user(port, [("portfolio", "/")], cold, [])  # fills the status cache (the server also warms it)
    print(f"  first portfolio (cold status cache): {cold['portfolio'][0]:.0f} ms")
    user(port, [(p, PAGES[p][1].format(eid=eids[0], did=dids[0])) for p in PAGES] * 3, {}, [])  # warm-up
    results: dict[str, list[float]] = {}
    errors: list[str] = []
    threads = [threading.Thread(target=user, args=(port, plan(), results, errors)) for _ in range(users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors:
        print(f"  {len(errors)} failed requests, e.g. {errors[:3]}")
    total = sum(len(v) for v in results.values())
    print(f"  {total} requests in {wall:.1f} s ({total / wall:.0f} requests/s)")
    results["all pages"] = [x for v in results.values() for x in v]
    return results


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def run(label: str, url: str, args) -> list[tuple[str, str, int, float, float]]:
    print(f"{label}:")
    eids, dids, _ = prepare(url, args.engagements, args.commits)
    port = free_port()
    process = serve(url, port)
    try:
        results = load(port, eids, dids, args.users, args.requests)
    finally:
        process.terminate()
        process.wait(10)
    rows = []
    for page, values in results.items():
        rows.append((label, page, len(values), statistics.median(values), p95(values)))
        print(f"  {page:16} n={len(values):4}  median {statistics.median(values):7.1f} ms  p95 {p95(values):7.1f} ms")
    return rows


def write(path: Path, rows, args) -> None:
    lines = ["# Web latency", "",
             f"Measured by `python benchmarks/web_latency.py` on {time.strftime('%Y-%m-%d')} (2 cores, "
             "`inhouse serve`: one uvicorn process, sync endpoints on its thread pool).", "",
             f"Workspace: {args.engagements} engagements, each with a repository whose stored scan folds in "
             f"{args.commits:,} commits ({args.engagements * args.commits:,} in all, kept as the scan's mined "
             "history in `scan_states` and its report in `analysis_results`), a reviewed contract, "
             "40 weekly reviews and a drill.", "",
             f"Load: {args.users} concurrent users over keep-alive connections, {args.requests} requests each, "
             "pages drawn with weights (portfolio 2, engagement 4, contract view 1, partners 1, "
             "engagement JSON 2), after one portfolio request has filled the status cache. "
             "Target: p95 < 150 ms.", "",
             "| database | page | requests | median ms | p95 ms |", "|---|---|---:|---:|---:|"]
    for label, page, count, median, high in rows:
        lines.append(f"| {label} | {page} | {count} | {median:.1f} | {high:.1f} |")
    path.write_text("\n".join(lines) + "\n")
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=200)
    parser.add_argument("--commits", type=int, default=5000, help="commits per repository")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=30, help="requests per user")
    parser.add_argument("--postgres", default=os.environ.get("INHOUSE_TEST_POSTGRES_URL"),
                        help="PostgreSQL server URL (a database is created and dropped)")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as Markdown")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows += run("SQLite", f"sqlite:///{folder}/bench.db", args)
    if args.postgres:
        url, drop = postgres_database(args.postgres)
        try:
            rows += run("PostgreSQL", url, args)
        finally:
            drop()
    if args.out:
        write(args.out, rows, args)


if __name__ == "__main__":
    main()
