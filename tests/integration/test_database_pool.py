"""Pooled connections on PostgreSQL: one the server closed while it sat idle is replaced unnoticed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from inhouse.store import database


def test_an_idle_connection_the_server_closed_is_replaced(database_url, monkeypatch):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: SQLite connections are files")
    monkeypatch.setattr(database, "IDLE_PING_SECONDS", 0.0)
    engine = database.make_engine(database_url)
    other = database.make_engine(database_url)
    try:
        with engine.connect() as conn:
            first = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        with other.connect() as conn:  # the server ends the pooled connection (a restart would too)
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
            conn.commit()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT pg_backend_pid()")).scalar() != first
    finally:
        engine.dispose()
        other.dispose()


def test_a_busy_connection_is_not_pinged(database_url):
    engine = database.make_engine(database_url)
    pings = []
    original = engine.dialect.do_ping
    engine.dialect.do_ping = lambda conn: pings.append(1) or original(conn)
    try:
        for _ in range(3):
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        assert pings == []
    finally:
        engine.dialect.do_ping = original
        engine.dispose()
