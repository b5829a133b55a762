"""engagement status: the dashboard's read model (each engagement's status and page, precomputed; data versions)

Revision ID: 0007_engagement_status
Revises: 0006_reference_checks
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_engagement_status"
down_revision = "0006_reference_checks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "engagement_status",
        sa.Column("engagement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status_version", sa.Integer(), nullable=True),
        sa.Column("status_for", sa.String(length=100), nullable=True),
        sa.Column("page_version", sa.Integer(), nullable=True),
        sa.Column("page_for", sa.String(length=100), nullable=True),
        sa.Column("lights", sa.JSON(), nullable=True),
        sa.Column("status", sa.JSON(), nullable=True),
        sa.Column("page", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_engagement_status_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("engagement_id", name=op.f("pk_engagement_status")),
    )
    # every existing engagement starts with a status still to compute
    op.execute("INSERT INTO engagement_status (engagement_id, version) SELECT id, 1 FROM engagements")
    op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_versions")),
    )
    op.execute("INSERT INTO data_versions (name, version) VALUES ('partners', 1)")


def downgrade() -> None:
    op.drop_table("data_versions")
    op.drop_table("engagement_status")
