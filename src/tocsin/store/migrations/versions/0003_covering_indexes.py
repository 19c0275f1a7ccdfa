"""Covering indexes for dyad and actor series on event_identities.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SERIES_COLUMNS = ["counts", "dup_only", "quad_class", "plover_type", "goldstein", "num_mentions",
                  "week", "month", "source_role", "target_role", "source_code", "target_code"]


def upgrade() -> None:
    op.drop_index("ix_identities_dyad_day", table_name="event_identities")
    op.drop_index("ix_identities_target_day", table_name="event_identities")
    op.create_index("ix_identities_dyad_cover", "event_identities",
                    ["source_root", "target_root", "day", *SERIES_COLUMNS])
    op.create_index("ix_identities_target_cover", "event_identities",
                    ["target_root", "source_root", "day", *SERIES_COLUMNS])


def downgrade() -> None:
    op.drop_index("ix_identities_target_cover", table_name="event_identities")
    op.drop_index("ix_identities_dyad_cover", table_name="event_identities")
    op.create_index("ix_identities_dyad_day", "event_identities", ["source_root", "target_root", "day"])
    op.create_index("ix_identities_target_day", "event_identities", ["target_root", "source_root", "day"])
