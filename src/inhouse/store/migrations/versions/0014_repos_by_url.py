"""repositories linked by URL (mirrored on each worker, fetched before each scan), and the ticks of scheduled rescans

Revision ID: 0014_repos_by_url
Revises: 0013_durable_jobs
Create Date: 2027-02-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_repos_by_url"
down_revision = "0013_durable_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("repos") as batch:
        batch.add_column(sa.Column("url", sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column("branch", sa.String(length=200), nullable=True))
    op.create_table(
        "schedule_ticks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("worker", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_ticks")),
        sa.UniqueConstraint("name", "due_at", name=op.f("uq_schedule_ticks_name_due_at")),
    )


def downgrade() -> None:
    op.drop_table("schedule_ticks")
    with op.batch_alter_table("repos") as batch:
        batch.drop_column("branch")
        batch.drop_column("url")
