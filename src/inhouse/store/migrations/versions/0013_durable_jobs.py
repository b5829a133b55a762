"""durable background jobs: typed payloads, attempts, heartbeats, cancel, locks; Procrastinate's schema on PostgreSQL

Revision ID: 0013_durable_jobs
Revises: 0012_trash
Create Date: 2027-02-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_durable_jobs"
down_revision = "0012_trash"
branch_labels = None
depends_on = None

RUNNING, QUEUED = sa.text("status = 'running'"), sa.text("status = 'queued'")


def _empty_bytes() -> sa.TextClause:
    return sa.text("'\\x'::bytea") if op.get_bind().dialect.name == "postgresql" else sa.text("X''")


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("payload", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("upload_name", sa.String(length=300), nullable=False, server_default=""))
        batch.add_column(sa.Column("upload", sa.LargeBinary(), nullable=False, server_default=_empty_bytes()))
        batch.add_column(sa.Column("queue", sa.String(length=100), nullable=False, server_default="default"))
        batch.add_column(sa.Column("lock", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("queueing_lock", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("max_attempts", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("run_after", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("cancel_requested", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("worker", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("engine_id", sa.BigInteger(), nullable=True))
    op.create_index("ix_jobs_status", "jobs", ["status"])
    op.create_index(
        "uq_jobs_running_lock", "jobs", ["lock"], unique=True, sqlite_where=RUNNING, postgresql_where=RUNNING
    )
    op.create_index(
        "uq_jobs_queued_lock", "jobs", ["queueing_lock"], unique=True, sqlite_where=QUEUED, postgresql_where=QUEUED
    )
    if op.get_bind().dialect.name == "postgresql":
        apply_procrastinate_schema()


def apply_procrastinate_schema() -> None:
    """Procrastinate's own tables and functions, once: its schema file applied when its jobs table
    is absent (as ``procrastinate schema --apply`` does; a later Procrastinate release brings its
    migration scripts, applied by a later revision)."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT to_regclass('procrastinate_jobs')")).scalar() is not None:
        return
    from procrastinate.schema import SchemaManager

    raw = bind.connection.dbapi_connection
    assert raw is not None, "a migration runs on an open connection"
    cursor = raw.cursor()  # in the migration's transaction, the schema read as it is
    try:
        cursor.execute(SchemaManager.get_schema())  # no parameters: its '%' are not placeholders
    finally:
        cursor.close()


def downgrade() -> None:
    op.drop_index("uq_jobs_queued_lock", table_name="jobs")
    op.drop_index("uq_jobs_running_lock", table_name="jobs")
    op.drop_index("ix_jobs_status", table_name="jobs")
    with op.batch_alter_table("jobs") as batch:
        for name in (
            "engine_id", "worker", "cancel_requested", "heartbeat_at", "run_after", "max_attempts", "attempts",
            "queueing_lock", "lock", "queue", "upload", "upload_name", "payload",
        ):  # fmt: skip
            batch.drop_column(name)
