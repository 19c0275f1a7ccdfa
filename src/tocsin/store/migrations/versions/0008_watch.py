"""The watcher's state: polled sources' validators and announced alerts.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("etag", sa.String(512), nullable=True),
        sa.Column("last_modified", sa.String(64), nullable=True),
        sa.Column("checked_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(256), nullable=False),
    )
    op.create_table(
        "watch_deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_key", sa.String(200), nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("webhook_status", sa.String(16), nullable=False),
        sa.Column("webhook_attempts", sa.Integer, nullable=False),
        sa.Column("webhook_error", sa.String(500), nullable=True),
        sa.UniqueConstraint("alert_key", "level", name="uq_watch_deliveries_key_level"),
    )
    op.create_index("ix_watch_deliveries_created", "watch_deliveries", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_watch_deliveries_created", table_name="watch_deliveries")
    op.drop_table("watch_deliveries")
    op.drop_table("watch_sources")
