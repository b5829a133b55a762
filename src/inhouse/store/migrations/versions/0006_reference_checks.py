"""reference checks: a candidate partner's references, by hand or claimed in its documents

Revision ID: 0006_reference_checks
Revises: 0005_scan_states
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_reference_checks"
down_revision = "0005_scan_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_checks",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("similar_scale", sa.String(length=10), nullable=False),
        sa.Column("still_running", sa.String(length=10), nullable=False),
        sa.Column("client_contact_offered", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_reference_checks_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_reference_checks_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_reference_checks_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_reference_checks_partner_id_partners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_checks")),
    )
    with op.batch_alter_table("reference_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_checks_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reference_checks_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reference_checks_engagement_id"), ["engagement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reference_checks_partner_id"), ["partner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reference_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_checks_partner_id"))
        batch_op.drop_index(batch_op.f("ix_reference_checks_engagement_id"))
        batch_op.drop_index(batch_op.f("ix_reference_checks_document_id"))
        batch_op.drop_index(batch_op.f("ix_reference_checks_client_id"))
    op.drop_table("reference_checks")
