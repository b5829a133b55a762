"""imported code reviews: the pull/merge requests of a linked repository (one row per host and number) and their reviews

Revision ID: 0016_code_reviews
Revises: 0015_scan_report
Create Date: 2027-03-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_code_reviews"
down_revision = "0015_scan_report"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_requests",
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("repo_id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=False),
        sa.Column("author_email", sa.String(length=320), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=True),
        sa.Column("paths", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_change_requests_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["repo_id"], ["repos.id"], name=op.f("fk_change_requests_repo_id_repos"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_requests")),
        sa.UniqueConstraint("repo_id", "host", "number", name=op.f("uq_change_requests_repo_id_host_number")),
    )
    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_requests_engagement_id"), ["engagement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_requests_repo_id"), ["repo_id"], unique=False)

    op.create_table(
        "change_reviews",
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["change_id"],
            ["change_requests.id"],
            name=op.f("fk_change_reviews_change_id_change_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_reviews")),
    )
    with op.batch_alter_table("change_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_reviews_change_id"), ["change_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("change_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_reviews_change_id"))

    op.drop_table("change_reviews")
    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_requests_repo_id"))
        batch_op.drop_index(batch_op.f("ix_change_requests_engagement_id"))

    op.drop_table("change_requests")
