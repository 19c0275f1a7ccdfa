"""Bulk writes for ``tocsin load``: coded articles, their events and fingerprints at once.

One call is one transaction. PostgreSQL gets ``COPY ... FROM STDIN`` (psycopg 3's
``cursor.copy``), the fastest way into it; SQLite gets ``executemany`` over the whole
chunk in one transaction, which is what makes SQLite bulk inserts fast (the cost is
the commit, not the statement). Deduplication is the caller's job: the rows given must
be new (a duplicate id or content hash fails the whole transaction). The days of the new
events are queued for the incremental identity refresh in the same transaction, as
:meth:`Store.replace_events` does.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from tocsin.errors import StoreError
from tocsin.models import Article, Event
from tocsin.store import convert, signatures
from tocsin.store.identities import mark_dirty, new_days
from tocsin.store.schema import articles, events, sources
from tocsin.store.signatures import SignatureRow

log = logging.getLogger(__name__)


def insert_coded(store: Any, batch: Sequence[Article], coded: Mapping[str, Sequence[Event]],
                 prints: Sequence[SignatureRow]) -> int:
    """Insert new articles (marked coded), their events and the originals' fingerprints in
    one transaction; return the number of events written."""
    if not batch:
        return 0
    now = convert.utcnow()
    try:
        with store.engine.begin() as conn:
            ids = _source_ids(conn, {a.source for a in batch if a.source})
            article_rows, event_rows = _rows(batch, coded, ids, now)
            _insert(conn, articles, article_rows)
            _insert(conn, events, event_rows)
            signatures.write(conn, prints, lambda table, rows: _insert(conn, table, rows))
            mark_dirty(conn, new_days(event_rows))  # the incremental refresh's queue
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"bulk load failed: {_first_line(exc)}") from exc
    return len(event_rows)


def _rows(batch: Sequence[Article], coded: Mapping[str, Sequence[Event]],
          source_ids: Mapping[str, int], now: Any
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    article_rows = []
    for art in batch:
        row = convert.article_to_row(art, source_ids.get(art.source or ""), now)
        row["coded_at"] = now if art.id in coded else None
        article_rows.append(row)
    event_rows = [convert.event_to_row(ev, aid, now) for aid, evs in coded.items() for ev in evs]
    return article_rows, event_rows


def _source_ids(conn: sa.Connection, names: set[str]) -> dict[str, int]:
    """Ids of these source names, inserting the missing ones."""
    found: dict[str, int] = {}
    for name in sorted(names):
        sid: Any = conn.execute(sa.select(sources.c.id).where(sources.c.name == name)).scalar()
        if sid is None:
            sid = conn.execute(sources.insert().values(name=name)).inserted_primary_key[0]  # type: ignore[index]
        found[name] = int(sid)
    return found


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy(conn, table, rows)
    else:
        conn.execute(table.insert(), rows)


def _copy(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """``COPY table (columns) FROM STDIN`` through the psycopg 3 connection."""
    names = list(rows[0])
    cols = [table.c[n] for n in names]
    processors = [c.type.bind_processor(conn.dialect) for c in cols]
    schema = f'"{table.schema}".' if table.schema else ""
    columns = ", ".join(f'"{n}"' for n in names)
    sql = f'COPY {schema}"{table.name}" ({columns}) FROM STDIN'
    raw: Any = conn.connection.driver_connection  # the psycopg 3 connection
    with raw.cursor() as cur, cur.copy(sql) as copy:
        for row in rows:
            copy.write_row([p(row[n]) if p else row[n]
                            for n, p in zip(names, processors, strict=True)])


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
