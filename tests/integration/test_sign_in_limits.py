"""The sign-in limits are counted in the database: one window for every server process."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from sqlalchemy import text

from inhouse.bootstrap import Workspace
from inhouse.services import sign_in_limits

T0 = datetime(2026, 12, 3, 12, 0, 0)


def _hit(ws, email="ann@acme.example", address="10.0.0.1", at=T0, per_minute=3):
    return sign_in_limits.hit(ws, email, address, per_minute=per_minute, address_factor=2, now=at)


def test_an_email_from_an_address_gets_its_allowance_per_minute_then_a_wait(ws):
    assert [_hit(ws, at=T0 + timedelta(seconds=s)) for s in (0, 10, 20)] == [0, 0, 0]
    # over: wait until the oldest counted attempt (at 0 s) leaves the window
    assert _hit(ws, at=T0 + timedelta(seconds=30)) == 30
    assert _hit(ws, at=T0 + timedelta(seconds=59, milliseconds=500)) == 1  # rounded up, never 0
    # refused attempts were not counted: once the first leaves the window, one more is allowed
    assert _hit(ws, at=T0 + timedelta(seconds=60, milliseconds=1)) == 0
    assert _hit(ws, at=T0 + timedelta(seconds=61)) == 9  # the 10 s attempt leaves at 70 s


def test_an_address_is_capped_across_emails(ws):
    answers = [_hit(ws, email=f"user{i}@acme.example", at=T0 + timedelta(seconds=i)) for i in range(7)]
    assert answers == [0, 0, 0, 0, 0, 0, 54]  # 3 x 2 per address; each e-mail alone was under its 3
    assert _hit(ws, email="user9@acme.example", address="10.0.0.2", at=T0 + timedelta(seconds=7)) == 0


def test_the_limit_holds_across_two_server_processes(ws):
    other = Workspace(ws.settings)  # a second process: its own engine and connections
    try:
        seen = [_hit(w, at=T0 + timedelta(seconds=i)) for i, w in enumerate([ws, other, ws, other])]
        assert seen == [0, 0, 0, 57]
    finally:
        other.dispose()


def test_concurrent_attempts_are_counted_exactly(ws):
    workspaces = [Workspace(ws.settings) for _ in range(4)]
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(lambda i: _hit(workspaces[i % 4], per_minute=5), range(12)))
        assert answers.count(0) == 5
    finally:
        for w in workspaces:
            w.dispose()


def test_old_attempts_are_forgotten_and_no_email_is_kept(ws):
    _hit(ws, at=T0)
    _hit(ws, email="bob@acme.example", at=T0 + timedelta(minutes=5))
    with ws.engine.connect() as conn:
        rows = conn.execute(text("SELECT key FROM sign_in_attempts")).all()
    assert len(rows) == 2  # the first minute's two are gone, the latest two kept
    assert not any("acme" in r.key or "10.0.0.1" in r.key for r in rows)
