"""who uploaded each document, and why a contract is held back (document versions)

Revision ID: 0011_document_versions
Revises: 0010_job_owner
Create Date: 2027-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_document_versions"
down_revision = "0010_job_owner"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("uploaded_by", sa.String(length=320), nullable=False, server_default=""))
    op.add_column("documents", sa.Column("uploaded_by_user_id", sa.Integer(), nullable=True))
    # a contract whose parties are not the engagement's: why it waits for a confirmation ("" when it does not)
    op.add_column("documents", sa.Column("held", sa.String(length=500), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("held")
        batch.drop_column("uploaded_by_user_id")
        batch.drop_column("uploaded_by")
