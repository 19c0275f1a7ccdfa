"""Index for the alert scan: weekly counts per dyad and quad class without a sort.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_identities_week_scan", "event_identities",
                    ["week", "source_root", "target_root", "quad_class", "counts", "dup_only"])


def downgrade() -> None:
    op.drop_index("ix_identities_week_scan", table_name="event_identities")
