"""Persisted near-duplicate index: MinHash signatures and LSH band keys of stored originals.

Deduplicating a new article then costs one indexed lookup of its band keys, whatever the
size of the store, instead of rebuilding an in-memory index from every stored text.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
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


def downgrade() -> None:
    op.drop_index("ix_article_lsh_bands_article", table_name="article_lsh_bands")
    op.drop_table("article_lsh_bands")
    op.drop_table("article_signatures")
