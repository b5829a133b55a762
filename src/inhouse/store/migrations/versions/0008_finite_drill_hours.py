"""finite drill hours: a drill stored with infinite or NaN training hours requests none

Inputs are now validated (hours are finite numbers ≥ 0); a workspace that stored such a drill
before could not show its engagement. Its hours become 0, so the drill stays and can be corrected.

Revision ID: 0008_finite_drill_hours
Revises: 0007_engagement_status
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0008_finite_drill_hours"
down_revision = "0007_engagement_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Infinity lies outside every finite range; PostgreSQL's NaN sorts above every number, so it
    # does too (SQLite stores no NaN: it becomes NULL, which the column refuses).
    op.execute(
        "UPDATE drills SET training_hours = 0 "
        "WHERE NOT (training_hours BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308) "
        "OR training_hours < 0"
    )


def downgrade() -> None:  # the hours that were replaced were not numbers: nothing to restore
    pass
