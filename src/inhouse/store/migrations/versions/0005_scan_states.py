"""scan states: the mined git history kept for incremental rescans

Revision ID: 0005_scan_states
Revises: 0004_tasks
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_scan_states"
down_revision = "0004_tasks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_states",
        sa.Column("subject", sa.String(length=2000), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("repo_id", sa.Integer(), nullable=True),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("commits", sa.Integer(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_scan_states_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["repo_id"], ["repos.id"], name=op.f("fk_scan_states_repo_id_repos"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_states")),
    )
    with op.batch_alter_table("scan_states", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_states_engagement_id"), ["engagement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scan_states_repo_id"), ["repo_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scan_states_subject"), ["subject"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scan_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_states_subject"))
        batch_op.drop_index(batch_op.f("ix_scan_states_repo_id"))
        batch_op.drop_index(batch_op.f("ix_scan_states_engagement_id"))
    op.drop_table("scan_states")
