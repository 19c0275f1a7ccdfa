"""The persisted near-duplicate index: MinHash signatures and LSH band keys of stored articles.

Every stored original (an article that is not itself a near-duplicate) has one row in
``article_signatures`` (its shingle count and MinHash values, as bytes) and one row per
LSH band in ``article_lsh_bands`` (band key, signature id). A new article is deduplicated
by looking up its own band keys (an indexed ``IN``), which costs the same whatever the
size of the store.

This module only moves bytes and integers; computing signatures and band keys is
:mod:`tocsin.ingest.dedup`'s job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from tocsin.errors import StoreError
from tocsin.store.schema import article_lsh_bands, article_signatures, articles

log = logging.getLogger(__name__)

_CHUNK = 500  # keys per IN (...) clause


@dataclass(frozen=True)
class SignatureRow:
    """One stored article's near-duplicate fingerprint, as persisted."""

    article_id: str
    num_shingles: int
    signature: bytes
    band_keys: tuple[int, ...] = ()


class Signatures:
    """Read and write the persisted near-duplicate index of one database."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def of(cls, store: Any) -> Signatures:
        """The index of a :class:`tocsin.store.Store` (anything with an ``engine``)."""
        return cls(store.engine)

    # -- writing ------------------------------------------------------------------------

    def add(self, rows: Sequence[SignatureRow]) -> int:
        """Persist fingerprints in one transaction; rows already stored are left as they are."""
        if not rows:
            return 0
        try:
            with self.engine.begin() as conn:
                write(conn, rows, lambda table, items: conn.execute(
                    _insert_ignore(conn, table), items))
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot store signatures: {_first_line(exc)}") from exc
        return len(rows)

    # -- reading ------------------------------------------------------------------------

    def candidates(self, band_keys: Sequence[int]) -> list[SignatureRow]:
        """The stored fingerprints sharing at least one band key, by article id (one
        statement: the band index, then the signatures it points to)."""
        keys = sorted(set(band_keys))
        if not keys:
            return []
        found: dict[str, SignatureRow] = {}
        sig, bands = article_signatures, article_lsh_bands
        with self.engine.connect() as conn:
            for i in range(0, len(keys), _CHUNK):
                ids = sa.select(bands.c.signature_id).where(
                    bands.c.band_key.in_(keys[i:i + _CHUNK]))
                q = sa.select(sig.c.article_id, sig.c.num_shingles, sig.c.signature).where(
                    sig.c.id.in_(ids))
                found.update((r.article_id, SignatureRow(r.article_id, int(r.num_shingles),
                                                         bytes(r.signature)))
                             for r in conn.execute(q))
        return [found[k] for k in sorted(found)]

    def count(self) -> int:
        with self.engine.connect() as conn:
            q = sa.select(sa.func.count()).select_from(article_signatures)
            return int(conn.execute(q).scalar() or 0)

    def complete(self) -> bool:
        """True when every stored original has its fingerprint (two index-only counts)."""
        with self.engine.connect() as conn:
            originals = conn.execute(sa.select(sa.func.count()).select_from(articles).where(
                articles.c.near_dup_of.is_(None))).scalar()
            stored = conn.execute(sa.select(sa.func.count()).select_from(
                article_signatures)).scalar()
        return int(originals or 0) <= int(stored or 0)

    def missing(self, batch: int = 500) -> Iterator[list[tuple[str, str]]]:
        """Batches of (id, text) of stored originals that have no fingerprint yet
        (articles stored before migration 0006, or by a run killed between the two writes)."""
        q = (sa.select(articles.c.id, articles.c.text)
             .outerjoin(article_signatures, article_signatures.c.article_id == articles.c.id)
             .where(articles.c.near_dup_of.is_(None), article_signatures.c.article_id.is_(None))
             .order_by(articles.c.id).limit(batch))
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = [(r.id, r.text) for r in conn.execute(q.where(articles.c.id > last))]
            if not rows:
                return
            yield rows
            last = rows[-1][0]


def write(conn: sa.Connection, rows: Sequence[SignatureRow],
          insert: Callable[[sa.Table, list[dict[str, Any]]], Any]) -> None:
    """Write fingerprints in the caller's transaction with ``insert(table, rows)`` (an
    INSERT, or COPY for the bulk loader): the signatures, then their band keys, which
    point to the signatures' integer ids."""
    if not rows:
        return
    insert(article_signatures, [{"article_id": r.article_id, "num_shingles": r.num_shingles,
                                 "signature": r.signature} for r in rows])
    ids: dict[str, int] = {}
    names = sorted({r.article_id for r in rows})
    for i in range(0, len(names), _CHUNK):
        q = sa.select(article_signatures.c.article_id, article_signatures.c.id).where(
            article_signatures.c.article_id.in_(names[i:i + _CHUNK]))
        ids.update({a: int(n) for a, n in conn.execute(q)})
    # in key order: the B-tree is then walked once, left to right, instead of at random
    # (half the time of an insert in random order into a 20,000-article index)
    bands = [{"band_key": k, "signature_id": i} for k, i in sorted(
        {(k, ids[r.article_id]) for r in rows for k in r.band_keys})]
    if bands:
        insert(article_lsh_bands, bands)


def _insert_ignore(conn: sa.Connection, table: sa.Table) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    return table.insert()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
