"""Bounded web work: request bodies counted while they stream (chunked too) and refused past the
limit, nothing spooled past it; uploads analysed in background jobs within per-account and global
queue limits and a time budget; and `serve`'s uvicorn, for real, closing half-sent requests."""

from __future__ import annotations

import os
import resource
import socket
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
import uvicorn

from inhouse.bootstrap import Workspace
from inhouse.cli.web import server_options
from inhouse.domain.accounts import Actor
from inhouse.domain.jobs import JobResult, JobStatus, ScanPayload
from inhouse.jobs import JobRunner, handlers
from inhouse.services import jobs as job_service
from inhouse.settings import load_settings
from inhouse.web import create_app, uploads
from tests import webdata
from tests.webclient import WebClient

MiB = 1024 * 1024
BOUNDARY = "bounded-web-boundary"
LOCAL = Actor(kind="local", label="local")


class Counted:
    """A request body of ``total`` bytes in chunks, counting what the server asked for."""

    def __init__(self, total: int, head: bytes = b"", chunk: int = MiB) -> None:
        self.total, self.head, self.chunk = total, head, chunk
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        block = b"x" * self.chunk
        if self.head:
            self.sent += len(self.head)
            yield self.head
        while self.sent < self.total:
            self.sent += len(block)
            yield block


def _multipart_head(name: str = "big.txt") -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()


def _temporary_files() -> set[str]:
    """The files of the temporary folder this process holds open (a spooled upload is one, unlinked)."""
    found = set()
    folder = tempfile.gettempdir()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(folder):
            found.add(target)
    return found


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    runner = JobRunner(ws, workers=1, interval=0.0)
    with WebClient(create_app(ws, runner=runner), raise_server_exceptions=False) as client:
        yield client, ids, ws
    runner.shutdown()


class Streamed(Counted):
    """The same body as an async stream, which httpx's ASGI transport hands over chunk by chunk,
    when the application asks for it (the test client reads a body whole before sending it)."""

    async def stream(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def _post_streamed(app, url: str, body: Streamed, content_type: str) -> httpx.Response:
    """POST ``body`` to the app in process, as a chunked stream, with the session's CSRF token."""

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            token = (await client.get("/api/me")).json()["csrf_token"]
            headers = {"Content-Type": content_type, "X-CSRF-Token": token}
            return await client.post(url, content=body.stream(), headers=headers)

    return anyio.run(send)


def test_a_chunked_upload_over_the_limit_is_refused_while_it_streams_and_nothing_stays_spooled(seeded):
    client, ids, ws = seeded
    limit = ws.settings.max_document_bytes
    body = Streamed(2 * limit, head=_multipart_head())
    before = _temporary_files()
    url, kind = f"/api/engagements/{ids['engagement_id']}/contracts", f"multipart/form-data; boundary={BOUNDARY}"
    answer = _post_streamed(client.app, url, body, kind)
    assert answer.status_code == 413, answer.text[:300]
    assert answer.json()["error"] == {"type": "TooLarge", "message": "upload is over the limit of 25.0 MiB"}
    assert answer.headers["connection"] == "close"
    assert body.sent <= limit + uploads.FORM_OVERHEAD + 2 * MiB  # read no further than the limit
    assert _temporary_files() == before  # the spooled part is closed, so gone
    assert client.get(f"/api/engagements/{ids['engagement_id']}/jobs").json() == []
    whole = client.post(url, content=b"x" * (2 * limit), headers={"Content-Type": kind})  # the test client's way
    assert whole.status_code == 413


def test_a_chunked_json_body_has_the_small_cap(seeded):
    client, _, _ = seeded
    body = Streamed(2 * uploads.SMALL_BODY_BYTES, head=b'{"name": "', chunk=64 * 1024)
    answer = _post_streamed(client.app, "/api/partners", body, "application/json")
    assert answer.status_code == 413
    assert answer.json()["error"]["message"] == "request body is over the limit of 1.0 MiB"
    assert body.sent <= uploads.SMALL_BODY_BYTES + 64 * 1024 + 16
    declared = client.post(
        "/api/partners", content=b"{" + b" " * (2 * MiB) + b"}", headers={"Content-Type": "application/json"}
    )
    assert declared.status_code == 413  # a declared length over the cap: refused before reading
    small = client.post("/api/partners", json={"name": "Small Body Ltd"})
    assert small.status_code == 201, small.text


def test_an_upload_under_the_limit_still_works_and_its_spooled_file_is_gone(seeded):
    client, ids, _ = seeded
    before = _temporary_files()
    content = b"handover notes\n" * 100_000  # 1.5 MB: over the parser's 1 MB, so spooled to a file
    answer = client.post(f"/api/engagements/{ids['engagement_id']}/documents", files={"file": ("notes.txt", content)})
    assert answer.status_code == 201, answer.text
    assert answer.json()["bytes"] == len(content)
    assert _temporary_files() == before


def _owned(ws: Workspace, count: int, actor: Actor = LOCAL) -> list[int]:
    """``count`` queued jobs of ``actor`` (rows only: no worker takes them)."""
    return [job_service.create(ws.acting(actor), "scan", f"repo {n}").id for n in range(count)]


def test_one_account_may_queue_jobs_per_user_then_429(seeded):
    client, ids, ws = seeded
    _owned(ws, ws.settings.jobs_per_user)
    answer = client.post(
        f"/api/engagements/{ids['engagement_id']}/contracts",
        files={"file": ("msa.txt", webdata.CONTRACT_TEXT.encode())},
    )
    assert answer.status_code == 429, answer.text
    assert answer.headers["retry-after"] == str(job_service.RETRY_SECONDS)
    assert answer.json()["error"] == {
        "type": "TooManyRequests",
        "message": "local has 3 background jobs waiting or running: wait for one to finish",
    }
    form = client.post(
        f"/engagements/{ids['engagement_id']}/contracts", files={"file": ("msa.txt", webdata.CONTRACT_TEXT.encode())}
    )
    assert form.status_code == 429 and "wait for one to finish" in form.text
    other = Actor(kind="user", label="ann@client.example", user_id=7)
    assert job_service.create(ws.acting(other), "scan", "theirs").submitted_by == "ann@client.example"


def test_the_queue_as_a_whole_is_bounded_503_with_retry_after(seeded):
    client, ids, ws = seeded
    for n in range(ws.settings.jobs_queued_limit // 2):
        _owned(ws, 2, Actor(kind="user", label=f"user{n}@client.example", user_id=100 + n))
    answer = client.post(
        f"/api/engagements/{ids['engagement_id']}/contracts",
        files={"file": ("msa.txt", webdata.CONTRACT_TEXT.encode())},
    )
    assert answer.status_code == 503, answer.text
    assert answer.headers["retry-after"] == str(job_service.RETRY_SECONDS)
    assert "background jobs waiting or running" in answer.json()["error"]["message"]
    with pytest.raises(job_service.QueueFull):  # scans share the queue
        job_service.create(ws.acting(Actor(kind="user", label="new@client.example", user_id=99)), "scan")


def test_a_partner_contract_is_received_at_once_and_reviewed_in_a_job(seeded):
    client, ids, ws = seeded
    answer = client.post(
        f"/api/engagements/{ids['engagement_id']}/documents",
        files={"file": ("msa-v2.txt", webdata.CONTRACT_TEXT.encode())},
        data={"kind": "contract"},
    )
    assert answer.status_code == 201, answer.text
    received = answer.json()
    assert list(received) == ["id", "name", "bytes", "sha256", "uploaded_by"] and received["name"] == "msa-v2.txt"
    [job] = [j for j in client.get(f"/api/engagements/{ids['engagement_id']}/jobs").json() if j["kind"] == "document"]
    done = client.app.state.runner.wait(job["id"], timeout=30)
    assert done.status is JobStatus.DONE, done.error
    assert done.result is not None and done.result.document_id == received["id"]
    view = client.get(f"/api/documents/{received['id']}").json()
    assert view.get("is_contract") and view["checklist"], view


def test_a_job_over_its_time_budget_is_stopped_and_recorded_failed(database_url, monkeypatch):
    ws = Workspace(load_settings(database_url=database_url, job_seconds=0.2))
    from tests import records

    records.init(ws, "Acme Analytics")
    runner = JobRunner(ws, workers=1, interval=0.0)
    payload = ScanPayload(engagement_id=1, repo_id=1)
    try:

        def scanning(ws, payload, report):  # reports progress as a scan does, for longer than its budget
            for done in range(1000):
                report("mining commits", done, 1000)
                time.sleep(0.01)
            return JobResult(summary="never")

        monkeypatch.setitem(handlers.HANDLERS, "scan", scanning)
        stopped = runner.wait(runner.enqueue(None, "scan", payload).id, timeout=10)
        monkeypatch.setitem(
            handlers.HANDLERS, "scan", lambda ws, payload, report: time.sleep(0.3) or JobResult(summary="late")
        )
        late = runner.wait(runner.enqueue(None, "scan", payload).id, 10)
    finally:
        runner.shutdown()
        ws.dispose()
    assert (stopped.status, stopped.error) == (JobStatus.FAILED, "stopped: over its time budget of 0.2 s")
    assert (late.status, late.error) == (JobStatus.FAILED, "stopped: over its time budget of 0.2 s")


# ---- a real uvicorn, configured as `serve` configures it ----


@pytest.fixture
def served(ws, monkeypatch):
    """The app on a real uvicorn on 127.0.0.1 with `serve`'s options (short timeouts for the test)."""
    monkeypatch.setattr(uploads, "HEADER_SECONDS", 0.5)
    monkeypatch.setattr(uploads, "BODY_IDLE_SECONDS", 0.5)
    webdata.seed(ws)
    runner = JobRunner(ws, workers=1, interval=0.0)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(ws, runner=runner), log_level="critical", **server_options(ws.settings))  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield sock.getsockname()[1]
    server.should_exit = True
    thread.join(timeout=10)
    runner.shutdown()


def test_serve_options_bound_connections():
    options = server_options(load_settings(request_keep_alive_seconds=7, request_concurrency=50))
    assert options == {
        "http": uploads.PROTOCOL,
        "timeout_keep_alive": 7,
        "limit_concurrency": 50,
        "h11_max_incomplete_event_size": uploads.MAX_HEADER_BYTES,
    }


def test_a_huge_chunked_json_body_does_not_grow_the_server(served):
    body = Counted(400 * MiB, head=b'{"name": "')
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; the server runs in this process
    with httpx.Client(base_url=f"http://127.0.0.1:{served}", timeout=30) as client:
        try:
            answer = client.post("/api/partners", content=iter(body), headers={"Content-Type": "application/json"})
        except httpx.TransportError:  # the server closed while the client was still writing
            answer = None
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    assert answer is None or answer.status_code == 413
    assert grown < 64 * MiB, f"the process grew by {grown / MiB:.0f} MiB"
    assert body.sent < 400 * MiB  # cut off, not read to the end


def _read_all(sock: socket.socket, timeout: float) -> bytes:
    sock.settimeout(timeout)
    data = b""
    while True:
        try:
            part = sock.recv(65536)
        except TimeoutError:
            raise AssertionError(f"the server still holds the connection after {timeout} s: {data!r}") from None
        if not part:
            return data
        data += part


@pytest.mark.parametrize(
    "sent",
    [b"", b"POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"],
    ids=["nothing", "half the headers"],
)
def test_a_half_sent_request_line_or_headers_is_timed_out(served, sent):
    with socket.create_connection(("127.0.0.1", served)) as sock:
        sock.sendall(sent)
        started = time.monotonic()
        answer = _read_all(sock, timeout=10)
    assert answer.startswith(b"HTTP/1.1 408 ") and time.monotonic() - started < 5


def test_a_body_that_stops_is_answered_408_and_closed(served):
    head = (
        b"POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", served)) as sock:
        sock.sendall(head + b'{"name": ')
        started = time.monotonic()
        answer = _read_all(sock, timeout=10)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"the request body stopped arriving" in answer and time.monotonic() - started < 5


def test_a_kept_alive_connection_is_still_served_after_a_request(served):
    with httpx.Client(base_url=f"http://127.0.0.1:{served}") as client:
        first = client.get("/healthz")
        time.sleep(0.8)  # past the header deadline while idle: the keep-alive timeout applies instead
        second = client.get("/healthz")
    assert first.status_code == second.status_code == 200
