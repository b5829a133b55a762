"""Signed-in people writing at once on SQLite (a measurement, never a timed test).

Serves a SQLite workspace with ``inhouse serve`` (its own processes, on 127.0.0.1, accounts present so
every page needs a sign-in), signs in 20 lead accounts on the login form, then:

- baseline: the 20 clients ask for ``/healthz`` (a constant) in a closed loop: what serving alone costs;
- writes: the 20 clients post weekly reviews (each for weeks of its own) and decisions in a closed
  loop, with the session's CSRF token, as the engagement page's forms do.

Prints the p50 and p95 of both, the ratio of the writes' to the baseline's, the answers by status,
and how many writes were answered 503 (the database busy; with Retry-After) or failed otherwise.
The test tests/functional/test_concurrent_forms.py is the bounded version of the same load.

    python benchmarks/web_logins.py [--clients 20] [--seconds 30] [--baseline-seconds 10] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402

from inhouse.bootstrap import Workspace  # noqa: E402
from inhouse.cli.web import default_workers  # noqa: E402
from inhouse.domain.accounts import Role, UserIn  # noqa: E402
from inhouse.domain.engagements import EngagementIn  # noqa: E402
from inhouse.domain.organisations import PartnerIn  # noqa: E402
from inhouse.domain.roster import PersonIn  # noqa: E402
from inhouse.domain.shapes import validated  # noqa: E402
from inhouse.domain.workspace import WorkspaceIn  # noqa: E402
from inhouse.services import accounts, engagements, partners, people  # noqa: E402
from inhouse.services import workspace as workspace_service  # noqa: E402
from inhouse.settings import load_settings  # noqa: E402
from web_latency import free_port, serve, stop  # noqa: E402
from web_load import median, p95  # noqa: E402

PASSWORD = "a long pass phrase for the benchmark"
START = date(1970, 1, 5)  # the first Monday a review may have: room for every client's weeks before today


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)  # ms
    statuses: Counter = field(default_factory=Counter)
    busy_with_retry_after: int = 0
    failures: list[str] = field(default_factory=list)  # neither a success nor a 503 with Retry-After
    wall: float = 0.0


def prepare(url: str, clients: int) -> int:
    ws = Workspace(load_settings(database_url=url))
    workspace_service.init(ws, WorkspaceIn(client="Bench Client"))
    partners.add(ws, validated(PartnerIn, name="Quantia Labs"))
    found = engagements.add(
        ws, validated(EngagementIn, name="ETA prediction", partner="Quantia Labs", start_date=START.isoformat())
    )
    people.add(ws, validated(PersonIn, name="Priya Raman", side="internal"))
    for n in range(clients):
        accounts.add(
            ws, validated(UserIn, email=f"lead{n}@bench.example", name=f"Lead {n}", role=Role.LEAD, password=PASSWORD)
        )
    ws.dispose()
    return found.id


def sign_in(base: str, email: str) -> httpx.Client:
    """A client signed in on the login form, its CSRF token sent with every write."""
    client = httpx.Client(base_url=base, timeout=60)
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]*)"', page) or re.search(
        r'value="([^"]*)" name="csrf_token"', page
    )
    answer = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token[1] if token else ""})
    if answer.status_code != 303:
        raise SystemExit(f"sign-in of {email} failed: {answer.status_code} {answer.text[:200]}")
    me = client.get("/api/me").json()
    client.headers["X-CSRF-Token"] = me["csrf_token"]
    return client


def _forms(clients: int):
    weeks = (date.today() - START).days // 7 // clients  # each client's own weeks; then decisions only

    def posts(n: int, engagement_id: int):
        """Client ``n``'s endless posts: a weekly review of a week of its own, then a decision."""
        for i in range(10**9):
            week = START + timedelta(weeks=n * weeks + i % weeks)
            if i < weeks:
                yield (
                    f"/engagements/{engagement_id}/reviews",
                    {
                        "week_of": week.isoformat(),
                        "done": f"Client {n}, week {i}: shadow deployment",
                        "why": "dispatchers need ranges",
                        "next": "Priya promotes the model alone",
                        "attendees": "Priya Raman",
                    },
                )
            yield (
                f"/engagements/{engagement_id}/decisions",
                {
                    "title": f"Decision {n}.{i}: own the model registry",
                    "decided_by": "internal",
                    "decided_on": week.isoformat(),
                    "rationale": "exit readiness",
                },
            )

    return posts


def _healthz(_n: int, _engagement_id: int):
    while True:
        yield "/healthz", None


def run(clients: list[httpx.Client], seconds: float, plan, engagement_id: int) -> Load:
    load, lock = Load(), threading.Lock()
    barrier = threading.Barrier(len(clients) + 1)
    deadline: list[float] = []

    def user(n: int) -> None:
        posts = plan(n, engagement_id)
        barrier.wait()
        while time.monotonic() < deadline[0]:
            path, form = next(posts)
            started = time.perf_counter()
            answer = clients[n].post(path, data=form) if form is not None else clients[n].get(path)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                load.latencies.append(elapsed)
                load.statuses[answer.status_code] += 1
                if answer.status_code == 503 and answer.headers.get("retry-after"):
                    load.busy_with_retry_after += 1
                elif answer.status_code >= 400:
                    load.failures.append(f"{path}: {answer.status_code} {answer.text[:120]!r}")

    threads = [threading.Thread(target=user, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    deadline.append(time.monotonic() + seconds)
    started = time.perf_counter()
    barrier.wait()
    for thread in threads:
        thread.join()
    load.wall = time.perf_counter() - started
    return load


def report(name: str, load: Load) -> None:
    values = load.latencies
    print(
        f"  {name:9} n={len(values):5}  {len(values) / load.wall:6.1f}/s  p50 {median(values):7.1f} ms  "
        f"p95 {p95(values):7.1f} ms  max {max(values):7.1f} ms  statuses {dict(sorted(load.statuses.items()))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the clients write")
    parser.add_argument("--baseline-seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()
    print(
        f"web_logins: {args.clients} signed-in clients, SQLite, inhouse serve --workers {args.workers}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/inhouse.db"
        engagement_id = prepare(url, args.clients)
        port = free_port()
        server = serve(url, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            started = time.perf_counter()
            clients = [sign_in(base, f"lead{n}@bench.example") for n in range(args.clients)]
            print(
                f"  {args.clients} sign-ins (argon2 checked one after another) in {time.perf_counter() - started:.1f} s"
            )
            baseline = run(clients, args.baseline_seconds, _healthz, engagement_id)
            writes = run(clients, args.seconds, _forms(args.clients), engagement_id)
            for client in clients:
                client.close()
        finally:
            stop(server)
    report("healthz", baseline)
    report("writes", writes)
    print(
        f"  ratio writes / healthz: p50 {median(writes.latencies) / median(baseline.latencies):.1f}, "
        f"p95 {p95(writes.latencies) / p95(baseline.latencies):.1f}"
    )
    print(f"  503 with Retry-After (database busy): {writes.busy_with_retry_after}")
    server_errors = sum(count for status, count in writes.statuses.items() if status >= 500)
    print(f"  other failures: {len(writes.failures)} (5xx in all: {server_errors})")
    for failure in writes.failures[:5]:
        print(f"    {failure}")
    print(f"  p99 of writes {statistics.quantiles(writes.latencies, n=100)[98]:.1f} ms")


if __name__ == "__main__":
    main()
