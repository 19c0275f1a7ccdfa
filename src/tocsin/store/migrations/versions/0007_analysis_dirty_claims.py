"""Incremental analysis and coding claims: the queue of stale identity days, article claims.

``analysis_dirty`` lists the days whose event identities are stale (written in the same
transaction as the events that made them so); ``articles.claimed_by``/``claimed_at`` let
concurrent coders split the uncoded articles.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analysis_dirty",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date, nullable=True),
    )
    # plain ADD COLUMN (no batch copy: dropping articles would cascade to the events)
    op.add_column("articles", sa.Column("claimed_by", sa.String(64), nullable=True))
    op.add_column("articles", sa.Column("claimed_at", sa.DateTime, nullable=True))
    # identities built by an older tocsin are rebuilt in full by the next refresh
    op.execute("DELETE FROM analysis_state WHERE key = 'identities'")


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("claimed_at")
        batch.drop_column("claimed_by")
    op.drop_table("analysis_dirty")
