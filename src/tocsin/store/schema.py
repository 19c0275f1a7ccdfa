"""Every database table (SQLAlchemy Core), as created by the migrations.

Migrations are the source of truth for the schema; these table objects describe it
for the queries in :mod:`tocsin.store`. A test checks that both agree.

Migration 0001 creates sources, articles and events; 0002-0005 the derived analysis
tables below (event identities, their mentions, daily volume, alerts); 0007 the queue of
days whose identities must be rebuilt and the articles' coding claims.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(), nullable=False, unique=True),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),
    sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=True, index=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("date", sa.Date, index=True),
    sa.Column("dateline", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("language", sa.String(64)),
    sa.Column("origin", sa.Text),
    sa.Column("content_hash", sa.String(128), nullable=False, unique=True),
    sa.Column("near_dup_of", sa.String(), nullable=True, index=True),
    sa.Column("near_dup_score", sa.Float),
    sa.Column("license", sa.Text),
    sa.Column("extra", sa.Text),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
    sa.Column("coded_at", sa.DateTime, nullable=True, index=True),
    # migration 0007: a coder's claim on an uncoded article (concurrent ingests split work)
    sa.Column("claimed_by", sa.String(64), nullable=True),
    sa.Column("claimed_at", sa.DateTime, nullable=True),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id", sa.String(), sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False, index=True,
    ),
    sa.Column("sentence_index", sa.Integer),
    sa.Column("sentence", sa.Text),
    sa.Column("sentence_start", sa.Integer),
    sa.Column("sentence_end", sa.Integer),
    sa.Column("trigger", sa.Text),
    sa.Column("source_code", sa.String(64)),
    sa.Column("source_country", sa.String(64)),
    sa.Column("source_role", sa.String(64)),
    sa.Column("source_text", sa.Text),
    sa.Column("target_code", sa.String(64)),
    sa.Column("target_country", sa.String(64)),
    sa.Column("target_role", sa.String(64)),
    sa.Column("target_text", sa.Text),
    sa.Column("code", sa.String(64), nullable=False),
    sa.Column("root_code", sa.String(64), nullable=False),
    sa.Column("name", sa.Text),
    sa.Column("goldstein", sa.Float),
    sa.Column("quad_class", sa.Integer),
    sa.Column("plover_type", sa.String(64)),
    sa.Column("plover_mode", sa.String(64)),
    sa.Column("factuality", sa.String(64), nullable=False),
    sa.Column("counts", sa.Boolean, nullable=False),
    sa.Column("rules", sa.Text),
    sa.Column("article_date", sa.Date),
    sa.Column("event_date", sa.Date),
    sa.Column("event_date_precision", sa.String(64)),
    sa.Column("event_date_expr", sa.Text),
    sa.Column("geo_name", sa.Text),
    sa.Column("geo_level", sa.String(64)),
    sa.Column("geo_country", sa.String(64)),
    sa.Column("geo_cameo_country", sa.String(64)),
    sa.Column("geo_adm1", sa.String(64)),
    sa.Column("geo_lat", sa.Float),
    sa.Column("geo_lon", sa.Float),
    sa.Column("geo_rule", sa.String(64)),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

# The persisted near-duplicate index (migrations 0006, 0009; written by store/signatures.py).
article_signatures = sa.Table(
    "article_signatures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(), sa.ForeignKey("articles.id", ondelete="CASCADE"),
              nullable=False, unique=True),
    sa.Column("num_shingles", sa.Integer, nullable=False),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

article_lsh_bands = sa.Table(
    "article_lsh_bands",
    metadata,
    sa.Column("band_key", sa.BigInteger, primary_key=True),
    sa.Column("signature_id", sa.Integer,
              sa.ForeignKey("article_signatures.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_article_lsh_bands_signature", "signature_id"),
    sqlite_with_rowid=False,
)


# -- derived analysis tables (migrations 0002-0005, 0007; written by store/identities.py) ------

# what a series reads besides the dyad and day (the covering indexes end with these)
SERIES_COLUMNS = ("counts", "dup_only", "quad_class", "plover_type", "goldstein", "num_mentions",
                  "week", "month", "source_role", "target_role", "source_code", "target_code")

event_identities = sa.Table(
    "event_identities",
    metadata,
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
    sa.Column("event_id", sa.Integer, nullable=False),  # representative mention
    # covering indexes (migration 0003): a dyad series reads only the index
    sa.Index("ix_identities_dyad_cover", *("source_root", "target_root", "day") + SERIES_COLUMNS),
    sa.Index("ix_identities_target_cover", *("target_root", "source_root", "day") + SERIES_COLUMNS),
    sa.Index("ix_identities_source_code", "source_code", "day"),
    sa.Index("ix_identities_target_code", "target_code", "day"),
    sa.Index("ix_identities_day", "day"),
    sa.Index("ix_identities_week_scan", "week", "source_root", "target_root", "quad_class",
             "counts", "dup_only"),  # migration 0004: the alert scan without a sort
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("identity_id", sa.Integer, nullable=False, index=True),
    sa.Column("near_dup", sa.Boolean, nullable=False),
    sa.Index("ix_event_mentions_identity_event", "identity_id", "event_id"),  # migration 0005
)

analysis_volume = sa.Table(
    "analysis_volume",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
)

analysis_state = sa.Table(
    "analysis_state",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# days whose identities are stale (written with the events that made them so; migration 0007)
analysis_dirty = sa.Table(
    "analysis_dirty",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("day", sa.Date, nullable=True),  # NULL: events kept out of the series
)

# the detectors' input, one row per week, subject and direction (migration 0010; rebuilt for
# the weeks a refresh touches)
analysis_subject_weeks = sa.Table(
    "analysis_subject_weeks",
    metadata,
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

alerts = sa.Table(
    "alerts",
    metadata,
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
    sa.Index("ix_alerts_score", "score"),
    sa.Index("ix_alerts_subject", "subject", "period_start"),
)

# Indexes on the events table, created by migration 0002.
EVENT_INDEXES = (
    ("ix_events_source_code", ("source_code",)),
    ("ix_events_target_code", ("target_code",)),
    ("ix_events_event_date", ("event_date",)),
    ("ix_events_code", ("code",)),
)

# The watcher's state (migration 0008; written by store/watch.py): what each polled URL
# said about its version (conditional GET), and every alert announced, once per level.
watch_sources = sa.Table(
    "watch_sources",
    metadata,
    sa.Column("url", sa.String(2048), primary_key=True),
    sa.Column("etag", sa.String(512), nullable=True),
    sa.Column("last_modified", sa.String(64), nullable=True),
    sa.Column("checked_at", sa.DateTime, nullable=False),
    sa.Column("status", sa.String(256), nullable=False),  # "200", "304", or a problem
)

watch_deliveries = sa.Table(
    "watch_deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_key", sa.String(200), nullable=False),  # kind|subject|direction|start
    sa.Column("level", sa.Integer, nullable=False),  # escalation step; announced once each
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("title", sa.String(500), nullable=False),  # the alert's one-line explanation
    sa.Column("payload", sa.Text, nullable=False),  # the alert as JSON (webhook body)
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("webhook_status", sa.String(16), nullable=False),  # none|pending|sent|failed
    sa.Column("webhook_attempts", sa.Integer, nullable=False),
    sa.Column("webhook_error", sa.String(500), nullable=True),
    sa.UniqueConstraint("alert_key", "level", name="uq_watch_deliveries_key_level"),
    sa.Index("ix_watch_deliveries_created", "created_at"),
)
