"""who queued each background job (per-account job limits)

Revision ID: 0010_job_owner
Revises: 0009_accounts
Create Date: 2027-01-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_job_owner"
down_revision = "0009_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("submitted_by", sa.String(length=320), nullable=False, server_default=""))
    op.add_column("jobs", sa.Column("submitted_by_user_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("submitted_by_user_id")
        batch.drop_column("submitted_by")
