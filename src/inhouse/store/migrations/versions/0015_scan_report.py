"""scan states keep the report they were analysed into in a column of its own, so a rescan of an unchanged commit reads it without the mined facts

Revision ID: 0015_scan_report
Revises: 0014_repos_by_url
Create Date: 2027-03-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_scan_report"
down_revision = "0014_repos_by_url"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # States stored before keep their report inside ``state``: it is still read from there.
    with op.batch_alter_table("scan_states") as batch:
        batch.add_column(sa.Column("report", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scan_states") as batch:
        batch.drop_column("report")
