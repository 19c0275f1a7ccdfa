"""The detectors' input kept current: one row per week, alert subject and direction.

A refresh rebuilds the rows of the weeks it touched, so the alert scan reads a compact
table instead of aggregating every event identity and mention.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analysis_subject_weeks",
        sa.Column("week", sa.Date, primary_key=True),
        sa.Column("subject", sa.String(40), primary_key=True),
        sa.Column("direction", sa.String(16), primary_key=True),
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=True),
        sa.Column("reports", sa.Float, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("material", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("goldstein_sum", sa.Float, nullable=False),
        sa.Column("forward", sa.Integer, nullable=False),
        sa.Column("backward", sa.Integer, nullable=False),
    )
    # stores refreshed by an older tocsin have no rows yet: the next refresh rebuilds all
    op.execute("DELETE FROM analysis_state WHERE key = 'identities'")


def downgrade() -> None:
    op.drop_table("analysis_subject_weeks")
