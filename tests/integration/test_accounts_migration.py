"""Revision 0009 (accounts) goes down and up again, keeping the weekly record it extends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from inhouse.store import migrate
from inhouse.store.database import make_engine


def test_accounts_revision_downgrades_and_upgrades(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'round-trip.db'}")
    migrate.upgrade(engine)
    command.downgrade(migrate.alembic_config(engine), "0008_finite_drill_hours")
    tables = set(inspect(engine).get_table_names())
    assert not tables & {"users", "web_sessions", "api_tokens", "audit_log", "server_secrets"}
    assert "written_by" not in {c["name"] for c in inspect(engine).get_columns("weekly_reviews")}
    migrate.upgrade(engine)
    assert migrate.check(engine) == []
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, actor, actor_kind, address, action, record_type, summary) "
                "VALUES (CURRENT_TIMESTAMP, 'ann', 'user', '', 'insert', 'clients', '')"
            )
        )
    engine.dispose()
