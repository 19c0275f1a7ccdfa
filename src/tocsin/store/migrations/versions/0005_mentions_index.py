"""Covering index from an event identity to its mentions (event search by actor/date).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_mentions_identity_event", "event_mentions", ["identity_id", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_mentions_identity_event", table_name="event_mentions")
