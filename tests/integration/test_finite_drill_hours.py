"""A workspace that stored a drill with non-finite hours before inputs were validated shows again."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from inhouse.store import migrate
from inhouse.store.database import make_engine

REPAIR = "0008_finite_drill_hours"


@pytest.fixture
def engine_before(tmp_path, database_url):
    """A database at the revision before the repair (SQLite file or the PostgreSQL test database)."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'old.db'}"
        engine = make_engine(url)
        migrate.upgrade(engine, "0007_engagement_status")
        yield engine
        engine.dispose()
        return
    engine = make_engine(database_url)
    with engine.begin() as conn:  # the shared test database is at head: mark it as before the repair
        conn.execute(text("UPDATE alembic_version SET version_num = '0007_engagement_status'"))
    yield engine
    with engine.begin() as conn:  # its tables never left head: say so again for the next tests
        conn.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": migrate.head_revision()})
    engine.dispose()


def test_non_finite_and_negative_hours_become_zero(engine_before):
    values = (
        ["'Infinity'", "'-Infinity'", "'NaN'"] if engine_before.dialect.name == "postgresql" else ["9e999", "-9e999"]
    )
    values += ["-3", "4.5"]
    with engine_before.begin() as conn:
        conn.execute(text("INSERT INTO clients (name, created_at) VALUES ('Acme', CURRENT_TIMESTAMP)"))
        client = conn.execute(text("SELECT id FROM clients")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO partners (client_id, name, status, email_domains, notes, created_at) "
                "VALUES (:c, 'P', 'engaged', '[]', '', CURRENT_TIMESTAMP)"
            ),
            {"c": client},
        )
        partner = conn.execute(text("SELECT id FROM partners")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO engagements (client_id, partner_id, name, start_date, phase, plan, description, "
                "created_at) VALUES (:c, :p, 'E', '2025-01-06', 'advisory', '[0.3]', '', CURRENT_TIMESTAMP)"
            ),
            {"c": client, "p": partner},
        )
        engagement = conn.execute(text("SELECT id FROM engagements")).scalar_one()
        for value in values:
            conn.execute(
                text(
                    "INSERT INTO drills (engagement_id, performed_on, person, modification, outcome, stuck_points, "
                    f"training_hours, created_at) VALUES (:e, '2025-02-03', 'Ann', 'm', 'stuck', '[\"x\"]', {value}, "
                    "CURRENT_TIMESTAMP)"
                ),
                {"e": engagement},
            )
    migrate.upgrade(engine_before, REPAIR)
    with engine_before.connect() as conn:
        hours = sorted(conn.execute(text("SELECT training_hours FROM drills")).scalars())
    assert hours == [0.0] * (len(values) - 1) + [4.5]
