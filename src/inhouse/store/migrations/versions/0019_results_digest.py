"""a stored result may keep its payload's digest: a rescan that finds nothing new compares digests instead of reading the payload

Revision ID: 0019_results_digest
Revises: 0018_results_checked_at
Create Date: 2027-03-16
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_results_digest"
down_revision = "0018_results_checked_at"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("analysis_results") as batch:
        batch.add_column(sa.Column("digest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("analysis_results") as batch:
        batch.drop_column("digest")
