"""Simulated users for the web latency benchmark: threads, each with its own keep-alive connection.

A *user* is one browser tab that fetches page after page (the HTML document or the JSON, not
the static assets a browser keeps in its cache). Two ways to pace them:

- closed loop (``think=0``): a user asks for the next page as soon as the previous one has
  arrived, so ``users`` requests are in flight at every moment: a stress test, not a workload;
- think time (``think=T``): a user waits a random time between page views (exponential,
  mean ``T`` seconds) after each one, as a person reading does; the server then sees about
  ``users / (T + latency)`` requests per second.

A plan may also POST (a form sent as JSON to the API), to measure pages while data changes.
"""

from __future__ import annotations

import http.client
import json
import random
import statistics
import threading
import time
from dataclasses import dataclass, field

Plan = list[tuple[str, str, dict | None]]  # (page name, path, JSON body to POST or None), in order


@dataclass
class Run:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # page -> ms
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def all(self) -> list[float]:
        return [x for v in self.latencies.values() for x in v]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def fetch(
    conn: http.client.HTTPConnection, path: str, body: dict | None = None, session: dict[str, str] | None = None
) -> tuple[int, float]:
    """One GET (or a POST of ``body`` as JSON); the time includes opening a new connection when the
    server closed an idle one (uvicorn does after 5 s), as a browser would. ``session`` holds the
    user's cookie and CSRF token, sent as a browser on our pages sends them."""
    method, data = ("POST", json.dumps(body).encode()) if body is not None else ("GET", None)
    headers = {"Content-Type": "application/json"} if data else {}
    if session:
        headers["Cookie"] = session["cookie"]
        if data:
            headers["X-CSRF-Token"] = session["csrf"]
    started = time.perf_counter()
    try:
        conn.request(method, path, data, headers)
        response = conn.getresponse()
    except (http.client.RemoteDisconnected, ConnectionError):
        conn.close()
        conn.request(method, path, data, headers)
        response = conn.getresponse()
    response.read()
    return response.status, (time.perf_counter() - started) * 1000


def start_session(conn: http.client.HTTPConnection) -> dict[str, str]:
    """A session of the server's single local user (the benchmark workspaces have no account), as a
    browser gets one on its first page: the cookie, and the CSRF token its writes carry."""
    conn.request("GET", "/api/me")
    response = conn.getresponse()
    me = json.loads(response.read())
    cookie = (response.getheader("set-cookie") or "").split(";", 1)[0]
    return {"cookie": cookie, "csrf": me.get("csrf_token") or ""}


def _user(port: int, plan: Plan, think: float, seed: int, run: Run, lock: threading.Lock) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    session = start_session(conn)
    if think:
        time.sleep(rng.uniform(0, think))  # users arrive spread out, not all in the same instant
    for page, path, body in plan:
        status, elapsed = fetch(conn, path, body, session)
        with lock:
            if not 200 <= status < 300:
                run.errors.append(f"{path}: {status}")
            run.latencies.setdefault(page, []).append(elapsed)
        if think:
            time.sleep(rng.expovariate(1 / think))
    conn.close()


def run_users(port: int, plans: list[Plan], think: float = 0.0) -> Run:
    """One thread per plan (a user); returns every request's latency by page."""
    run, lock = Run(), threading.Lock()
    threads = [threading.Thread(target=_user, args=(port, plan, think, n, run, lock)) for n, plan in enumerate(plans)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.wall = time.perf_counter() - started
    return run


def plans(pages: dict[str, tuple], values: dict[str, list], users: int, requests: int, seed: int = 1) -> list[Plan]:
    """``users`` plans of ``requests`` pages drawn by weight; ``{name}`` in a path takes a random
    value. A page is ``(weight, path)``, or ``(weight, path, body)`` for a POST of ``body``."""
    rng = random.Random(seed)
    names = [n for n, spec in pages.items() for _ in range(spec[0])]
    out = []
    for _ in range(users):
        plan = []
        for _ in range(requests):
            page = rng.choice(names)
            path = pages[page][1].format(**{k: rng.choice(v) for k, v in values.items()})
            plan.append((page, path, pages[page][2] if len(pages[page]) > 2 else None))
        out.append(plan)
    return out
