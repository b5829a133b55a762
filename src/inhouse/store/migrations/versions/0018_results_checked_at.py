"""a stored result records when a later run last confirmed it: a rescan that finds nothing new no longer stores a copy

Revision ID: 0018_results_checked_at
Revises: 0017_sign_in_attempts
Create Date: 2027-03-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_results_checked_at"
down_revision = "0017_sign_in_attempts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("analysis_results") as batch:
        batch.add_column(sa.Column("checked_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("analysis_results") as batch:
        batch.drop_column("checked_at")
