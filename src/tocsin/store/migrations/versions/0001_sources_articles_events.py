"""sources, articles, events

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _code(name: str, **kw: object) -> sa.Column:
    return sa.Column(name, sa.String(64), **kw)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", name="fk_articles_source"),
                  nullable=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("dateline", sa.Text),
        sa.Column("author", sa.Text),
        _code("language"),
        sa.Column("origin", sa.Text),
        sa.Column("content_hash", sa.String(128), nullable=False),
        sa.Column("near_dup_of", sa.String(), nullable=True),
        sa.Column("near_dup_score", sa.Float),
        sa.Column("license", sa.Text),
        sa.Column("extra", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("coded_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_index("ix_articles_date", "articles", ["date"])
    op.create_index("ix_articles_near_dup_of", "articles", ["near_dup_of"])
    op.create_index("ix_articles_coded_at", "articles", ["coded_at"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(),
                  sa.ForeignKey("articles.id", name="fk_events_article", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("sentence", sa.Text),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("trigger", sa.Text),
        _code("source_code"), _code("source_country"), _code("source_role"),
        sa.Column("source_text", sa.Text),
        _code("target_code"), _code("target_country"), _code("target_role"),
        sa.Column("target_text", sa.Text),
        _code("code", nullable=False),
        _code("root_code", nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("goldstein", sa.Float),
        sa.Column("quad_class", sa.Integer),
        _code("plover_type"), _code("plover_mode"),
        _code("factuality", nullable=False),
        sa.Column("counts", sa.Boolean, nullable=False),
        sa.Column("rules", sa.Text),
        sa.Column("article_date", sa.Date),
        sa.Column("event_date", sa.Date),
        _code("event_date_precision"),
        sa.Column("event_date_expr", sa.Text),
        sa.Column("geo_name", sa.Text),
        _code("geo_level"), _code("geo_country"), _code("geo_cameo_country"), _code("geo_adm1"),
        sa.Column("geo_lat", sa.Float),
        sa.Column("geo_lon", sa.Float),
        _code("geo_rule"),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_article_id", "events", ["article_id"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("articles")
    op.drop_table("sources")
