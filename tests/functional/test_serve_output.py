"""What `inhouse serve` prints: never the database password; whether sign-in is needed; a warning off the loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from inhouse.bootstrap import Workspace
from inhouse.cli.web import is_loopback
from inhouse.domain.accounts import UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.settings import load_settings
from tests.localserver import free_port

INHOUSE = Path(sys.executable).with_name("inhouse")


def add_admin(url: str) -> None:
    ws = Workspace(load_settings(database_url=url))
    try:
        user = {"email": "admin@acme.example", "name": "Ada Admin", "role": "admin", "password": "a long passphrase"}
        accounts.add(ws, validated(UserIn, **user))
    finally:
        ws.dispose()


def first_lines(url: str, host: str) -> str:
    """What serve prints before it starts answering (then it is stopped), or before it refuses."""
    port = free_port()
    env = {**os.environ, "COLUMNS": "200"}
    process = subprocess.Popen(
        [str(INHOUSE), "--db", url, "serve", "--host", host, "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        text=True,
    )
    lines = []
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("Open "):
                break
    finally:
        process.kill()
        process.wait(timeout=10)
    return "".join(lines)


@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True), ("0.0.0.0", False),
     ("::", False), ("192.168.1.5", False), ("dashboard.example", False)],
)  # fmt: skip
def test_loopback_addresses(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_hides_the_password_and_warns_off_the_loopback(database_url):
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        url = url.set(password="s3cret-pass")  # the local server trusts: the password only has to be hidden
    shown = url.render_as_string(hide_password=False)
    quiet = first_lines(shown, "127.0.0.1")
    assert "inhouse is serving" in quiet and "s3cret-pass" not in quiet and "warning" not in quiet
    assert "Local single-user mode" in quiet
    refused = first_lines(shown, "0.0.0.0")
    assert "s3cret-pass" not in refused and "refusing to listen on 0.0.0.0" in refused
    add_admin(database_url)
    loud = first_lines(shown, "0.0.0.0")
    assert "s3cret-pass" not in loud and "warning: listening on 0.0.0.0" in loud
    assert "Sign-in required" in loud and "Local single-user mode" not in loud
