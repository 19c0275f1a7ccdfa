"""Analysis tables (event identities, mentions, daily volume, state, alerts) and indexes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_identities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("day", sa.Date),
        sa.Column("week", sa.Date),
        sa.Column("month", sa.Date),
        sa.Column("source_code", sa.String(64)),
        sa.Column("target_code", sa.String(64)),
        sa.Column("source_root", sa.String(16)),
        sa.Column("target_root", sa.String(16)),
        sa.Column("source_role", sa.String(64)),
        sa.Column("target_role", sa.String(64)),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("root_code", sa.String(64), nullable=False),
        sa.Column("quad_class", sa.Integer),
        sa.Column("plover_type", sa.String(64)),
        sa.Column("goldstein", sa.Float),
        sa.Column("counts", sa.Boolean, nullable=False),
        sa.Column("dup_only", sa.Boolean, nullable=False),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
    )
    op.create_index("ix_identities_dyad_day", "event_identities", ["source_root", "target_root", "day"])
    op.create_index("ix_identities_target_day", "event_identities", ["target_root", "source_root", "day"])
    op.create_index("ix_identities_source_code", "event_identities", ["source_code", "day"])
    op.create_index("ix_identities_target_code", "event_identities", ["target_code", "day"])
    op.create_index("ix_identities_day", "event_identities", ["day"])
    op.create_table(
        "event_mentions",
        sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("identity_id", sa.Integer, nullable=False),
        sa.Column("near_dup", sa.Boolean, nullable=False),
    )
    op.create_index("ix_event_mentions_identity_id", "event_mentions", ["identity_id"])
    op.create_table(
        "analysis_volume",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_table(
        "analysis_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_alerts_score", "alerts", ["score"])
    op.create_index("ix_alerts_subject", "alerts", ["subject", "period_start"])
    for name, cols in (
        ("ix_events_source_code", ["source_code"]),
        ("ix_events_target_code", ["target_code"]),
        ("ix_events_event_date", ["event_date"]),
        ("ix_events_code", ["code"]),
    ):
        op.create_index(name, "events", cols)


def downgrade() -> None:
    for name in ("ix_events_code", "ix_events_event_date", "ix_events_target_code",
                 "ix_events_source_code"):
        op.drop_index(name, table_name="events")
    for table in ("alerts", "analysis_state", "analysis_volume", "event_mentions",
                  "event_identities"):
        op.drop_table(table)
