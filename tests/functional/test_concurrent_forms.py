"""Twenty signed-in people posting forms at once to a server on one SQLite file get no server error:
a write that finds the database locked waits its turn, or is answered 503 with Retry-After (counted,
never hidden). The real server (uvicorn) on 127.0.0.1, bounded well under a minute."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import httpx
import pytest
import uvicorn
from bs4 import BeautifulSoup

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts, sessions
from inhouse.settings import load_settings
from inhouse.web import create_app
from inhouse.web.access import SESSION_COOKIE, declared_routes
from tests import records
from tests.localserver import free_port

CLIENTS = 20
ROUNDS = 4  # each client posts ROUNDS weekly reviews and ROUNDS decisions
PASSWORD = "a long pass phrase for the load test"
START = date(2020, 1, 6)  # a Monday: every client's weeks fall after it, none twice
BOUND_SECONDS = 60


class Server:
    """``create_app(ws)`` served by uvicorn in a thread on 127.0.0.1 (no local mode: sign-in needed)."""

    def __init__(self, ws: Workspace) -> None:
        self.app = create_app(ws, local_mode=False)
        self.port = free_port()
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="uvicorn-under-test", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def signed_in(server: Server, ws: Workspace, email: str, form: bool) -> httpx.Client:
    """A client with its own session: signed in on the login form (``form``, when the app has it), or
    with a session started as the form does once the password is checked, its cookie set by hand
    (checking twenty argon2 hashes would cost the test seconds and test nothing more)."""
    client = httpx.Client(base_url=server.url, timeout=30)
    if form and "POST /login" in declared_routes(server.app):
        form = BeautifulSoup(client.get("/login").text, "html.parser").find("input", attrs={"name": "csrf_token"})
        token = form["value"] if form is not None else ""
        answer = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
        assert answer.status_code == 303, (answer.status_code, answer.text[:200])
    else:
        with ws.uow() as uow:
            account = uow.users.by_email(email)
        started = sessions.start(ws, account, "127.0.0.1")
        client.cookies.set(SESSION_COOKIE, started.cookie)
    me = client.get("/api/me")
    assert me.status_code == 200 and me.json()["role"] == "lead", me.text[:200]
    client.headers["X-CSRF-Token"] = me.json()["csrf_token"]
    return client


def forms(n: int, engagement_id: int) -> list[tuple[str, dict[str, str]]]:
    """Client ``n``'s posts: weekly reviews for weeks of its own, and decisions."""
    posts = []
    for i in range(ROUNDS):
        week = START + timedelta(weeks=n * ROUNDS + i)
        review = {
            "week_of": week.isoformat(),
            "done": f"Client {n} round {i}: shadow deployment",
            "why": "dispatchers need ranges",
            "next": "Priya promotes the model alone",
            "attendees": "Priya Raman",
        }
        decision = {
            "title": f"Decision {n}.{i}: own the model registry",
            "decided_by": "internal",
            "decided_on": week.isoformat(),
            "rationale": "exit readiness",
        }
        posts.append((f"/engagements/{engagement_id}/reviews", review))
        posts.append((f"/engagements/{engagement_id}/decisions", decision))
    return posts


def post_all(client: httpx.Client, posts: list[tuple[str, dict[str, str]]], barrier: threading.Barrier) -> list:
    barrier.wait()  # every client starts at the same instant
    answers = []
    for path, form in posts:
        answer = client.post(path, data=form)
        answers.append((path, answer.status_code, answer.headers.get("retry-after"), answer.text[:200]))
    return answers


@pytest.fixture
def workspace(sqlite_url):
    ws = Workspace(load_settings(database_url=sqlite_url))
    records.init(ws, "Acme Analytics")
    records.add_partner(ws, "Quantia Labs")
    engagement = records.add_engagement(ws, "ETA prediction", "Quantia Labs", START.isoformat())
    records.add_person(ws, "Priya Raman", "internal")
    for n in range(CLIENTS):  # the first signs in with its password; the others have sessions started
        password = PASSWORD if n == 0 else None
        user = validated(UserIn, email=f"lead{n}@acme.example", name=f"Lead {n}", role=Role.LEAD, password=password)
        accounts.add(ws, user)
    yield ws, engagement["id"]
    ws.dispose()


def test_twenty_signed_in_clients_posting_forms_get_no_server_error(workspace):
    ws, engagement_id = workspace
    started = time.monotonic()
    with Server(ws) as server:
        clients = [signed_in(server, ws, f"lead{n}@acme.example", form=n == 0) for n in range(CLIENTS)]
        posting = time.monotonic()
        barrier = threading.Barrier(CLIENTS)
        with ThreadPoolExecutor(CLIENTS) as pool:
            runs = list(pool.map(lambda n: post_all(clients[n], forms(n, engagement_id), barrier), range(CLIENTS)))
        for client in clients:
            client.close()
        answers = [a for run in runs for a in run]
        statuses = Counter(status for _, status, _, _ in answers)
        busy = [a for a in answers if a[1] == 503]
        print(
            f"\n{len(answers)} form posts by {CLIENTS} clients in {time.monotonic() - posting:.1f} s: "
            f"{dict(statuses)}; 503 (busy): {len(busy)}"
        )
        assert len(answers) == CLIENTS * ROUNDS * 2
        errors = [a for a in answers if a[1] >= 500 and not (a[1] == 503 and a[2])]
        assert not errors, f"server errors: {errors[:3]}"
        refused = [a for a in answers if 400 <= a[1] < 500]
        assert not refused, f"refused: {refused[:3]}"
        assert all(status == 303 or status == 503 for status in statuses), statuses
    # what was answered 303 is stored, once; nothing answered 503 is
    with ws.uow() as uow:
        reviews, decisions = uow.reviews.list(engagement_id), uow.decisions.list(engagement_id)
    stored = Counter(path.rsplit("/", 1)[1] for path, status, _, _ in answers if status == 303)
    assert (len(reviews), len(decisions)) == (stored["reviews"], stored["decisions"])
    assert time.monotonic() - started < BOUND_SECONDS
