"""A compact LSH band index: integer signature ids, and no rowid table on SQLite.

Each stored original has 32 band keys; every new article inserts them at random places
of the index, so what an insert costs is the pages it dirties. Keying the band rows by
a small integer (the signature's id) instead of the article id string, in a table
clustered on its primary key (``WITHOUT ROWID`` on SQLite: one B-tree instead of a table
plus an index), halves the pages written per new article in a 20,000-article store.
The old tables are dropped: fingerprints are derived data, recomputed by the next ingest
that needs them (``Deduplicator`` backfills originals without one).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_article_lsh_bands_article", table_name="article_lsh_bands")
    op.drop_table("article_lsh_bands")
    op.drop_table("article_signatures")
    op.create_table(
        "article_signatures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("num_shingles", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "article_lsh_bands",
        sa.Column("band_key", sa.BigInteger, primary_key=True),
        sa.Column("signature_id", sa.Integer,
                  sa.ForeignKey("article_signatures.id", ondelete="CASCADE"), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_article_lsh_bands_signature", "article_lsh_bands", ["signature_id"])


def downgrade() -> None:
    op.drop_index("ix_article_lsh_bands_signature", table_name="article_lsh_bands")
    op.drop_table("article_lsh_bands")
    op.drop_table("article_signatures")
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("num_shingles", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "article_lsh_bands",
        sa.Column("band_key", sa.BigInteger, primary_key=True),
        sa.Column("article_id", sa.String(),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_article_lsh_bands_article", "article_lsh_bands", ["article_id"])
