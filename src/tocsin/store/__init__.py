"""The store: articles and events in SQLite or PostgreSQL (the only module that writes SQL).

``Store.open(settings)`` creates the data directory, connects (SQLite in WAL mode,
or PostgreSQL through psycopg 3) and upgrades the schema to the newest migration.
Every write method is one transaction: a batch is stored entirely or not at all.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

import sqlalchemy as sa

from tocsin.errors import NotFoundError, StoreError
from tocsin.models import Article, Event
from tocsin.settings import Settings
from tocsin.store import convert, migrate
from tocsin.store.alerts import AlertStore
from tocsin.store.identities import IdentityStore, mark_dirty, new_days, stale_days_of_articles
from tocsin.store.queries import contains
from tocsin.store.reads import AnalysisReads
from tocsin.store.schema import articles, events, metadata, sources

log = logging.getLogger(__name__)

__all__ = ["AddResult", "Store", "metadata", "normalize_url"]

_CHUNK = 500  # ids per IN (...) clause


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add_articles` did with a batch."""

    added: tuple[str, ...] = ()
    # (article id, id of the stored article with the same id or the same content hash)
    skipped: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def normalize_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs given without a driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    url = normalize_url(url)
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"invalid database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Store(IdentityStore, AnalysisReads, AlertStore):
    """Articles and events in a SQL database, and the analysis tables derived from them."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # -- opening --------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, *, upgrade: bool = True) -> Store:
        """Open the configured database, creating it and upgrading its schema."""
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        return cls.open_url(settings.db_url, upgrade=upgrade)

    @classmethod
    def open_url(cls, url: str, *, upgrade: bool = True) -> Store:
        """Open a database by SQLAlchemy URL."""
        store = cls(create_engine(url))
        if upgrade:
            store.upgrade()
        return store

    def upgrade(self) -> tuple[str | None, str | None]:
        """Run pending migrations; return (revision before, revision after)."""
        migrate.quiet_alembic()  # before alembic's import logs its plugins at INFO
        from alembic.util import CommandError

        try:
            return migrate.upgrade(self.engine)
        except sa.exc.OperationalError as exc:
            raise StoreError(f"cannot open database {self.url}: {_first_line(exc)}") from exc
        except CommandError as exc:  # e.g. a database migrated by a newer tocsin
            raise StoreError(f"cannot migrate database {self.url}: {exc}") from exc

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def revision(self) -> str | None:
        """The schema revision the database is at."""
        return migrate.current_revision(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------

    def add_articles(self, batch: Sequence[Article]) -> AddResult:
        """Store new articles in one transaction; skip those already stored.

        An article is skipped when its id or its content hash is already stored (or
        appears earlier in the same batch); ``skipped`` says which stored id it matches.
        """
        if not batch:
            return AddResult()
        now = convert.utcnow()
        with self._write() as conn:
            by_hash, by_id = self._existing(conn, batch)
            rows, added, skipped = [], [], []
            for art in batch:
                match = by_id.get(art.id) or by_hash.get(art.content_hash or "")
                if match is not None:
                    skipped.append((art.id, match))
                    continue
                source_id = self._source_id(conn, art.source)
                rows.append(convert.article_to_row(art, source_id, now))
                added.append(art.id)
                by_id[art.id] = art.id
                by_hash[art.content_hash or ""] = art.id
            if rows:
                conn.execute(articles.insert(), rows)
        return AddResult(tuple(added), tuple(skipped))

    def existing(self, batch: Sequence[Article]) -> tuple[dict[str, str], dict[str, str]]:
        """Stored matches of a batch: ({content_hash: id}, {id: id})."""
        with self.engine.connect() as conn:
            return self._existing(conn, batch)

    @staticmethod
    def _existing(conn: sa.Connection, batch: Sequence[Article]
                  ) -> tuple[dict[str, str], dict[str, str]]:
        hashes = sorted({a.content_hash for a in batch if a.content_hash})
        ids = sorted({a.id for a in batch})
        by_hash: dict[str, str] = {}
        by_id: dict[str, str] = {}
        for chunk in _chunks(hashes):
            q = sa.select(articles.c.content_hash, articles.c.id).where(
                articles.c.content_hash.in_(chunk))
            by_hash.update({h: i for h, i in conn.execute(q)})
        for chunk in _chunks(ids):
            q = sa.select(articles.c.id).where(articles.c.id.in_(chunk))
            by_id.update({r[0]: r[0] for r in conn.execute(q)})
        return by_hash, by_id

    def _source_id(self, conn: sa.Connection, name: str | None) -> int | None:
        if not name:
            return None
        cache: dict[str, int] = conn.info.setdefault("tocsin_sources", {})
        if name in cache:
            return cache[name]
        found = conn.execute(sa.select(sources.c.id).where(sources.c.name == name)).scalar()
        if found is None:
            key = conn.execute(sources.insert().values(name=name)).inserted_primary_key
            assert key is not None  # an INSERT always returns its primary key
            found = key[0]
        cache[name] = int(found)
        return int(found)

    def get_article(self, article_id: str) -> Article:
        """One stored article; NotFoundError if there is none with this id."""
        with self.engine.connect() as conn:
            row = conn.execute(_article_select().where(articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return _to_article(row)

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = sa.select(articles.c.id).where(articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def missing_ids(self, ids: Sequence[str]) -> list[str]:
        """The ids among ``ids`` that are not stored, in the given order."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(list(dict.fromkeys(ids))):
                q = sa.select(articles.c.id).where(articles.c.id.in_(chunk))
                found.update(i for (i,) in conn.execute(q))
        return [i for i in ids if i not in found]

    def iter_articles(self, *, uncoded_only: bool = False, ids: Sequence[str] | None = None,
                      batch: int = 500, originals_only: bool = False) -> Iterator[Article]:
        """Stored articles in id order (or in the order of ``ids``), fetched in pages.

        Each page is its own short query, so the caller may write (e.g. set coded_at)
        between pages.
        """
        conds = []
        if uncoded_only:
            conds.append(articles.c.coded_at.is_(None))
        if originals_only:
            conds.append(articles.c.near_dup_of.is_(None))
        if ids is not None:
            yield from self._iter_ids(list(dict.fromkeys(ids)), conds, batch)
            return
        for rows in self._pages(_article_select().where(*conds), batch):
            yield from (_to_article(r) for r in rows)

    def _pages(self, query: Any, batch: int) -> Iterator[Sequence[Any]]:
        """Rows of ``query`` (which selects ``articles.id``) in pages keyed by id; each page
        is its own short query, so callers may write between pages."""
        last: str | None = None
        while True:
            q = query.order_by(articles.c.id).limit(batch)
            if last is not None:
                q = q.where(articles.c.id > last)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            yield rows
            last = rows[-1].id

    def _iter_ids(self, ids: list[str], conds: list[Any], batch: int) -> Iterator[Article]:
        for chunk in _chunks(ids, max(1, min(batch, _CHUNK))):
            with self.engine.connect() as conn:
                rows = conn.execute(_article_select().where(articles.c.id.in_(chunk), *conds))
                found = {r.id: _to_article(r) for r in rows}
            yield from (found[i] for i in chunk if i in found)

    def iter_texts(self, *, originals_only: bool = True, batch: int = 1000
                   ) -> Iterator[tuple[str, str]]:
        """(id, text) of stored articles (for rebuilding the near-duplicate index)."""
        cond = articles.c.near_dup_of.is_(None) if originals_only else sa.true()
        for rows in self._pages(sa.select(articles.c.id, articles.c.text).where(cond), batch):
            yield from ((r.id, r.text) for r in rows)

    def search_articles(self, *, source: str | None = None, since: dt.date | None = None,
                        until: dt.date | None = None, text: str | None = None,
                        limit: int | None = 50, offset: int = 0,
                        ) -> list[Article]:
        """Articles filtered by source name, date range (inclusive) and a text search
        (case-insensitive substring of title or body), newest first."""
        q = _article_select()
        if source:
            q = q.where(sources.c.name == source)
        if since:
            q = q.where(articles.c.date >= since)
        if until:
            q = q.where(articles.c.date <= until)
        if text:
            q = q.where(sa.or_(contains(articles.c.title, text), contains(articles.c.text, text)))
        q = q.order_by(articles.c.date.desc().nulls_last(), articles.c.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_to_article(r) for r in conn.execute(q)]

    def count_articles(self, *, uncoded_only: bool = False, near_dups: bool | None = None
                       ) -> int:
        """Number of stored articles (near_dups: True only near-duplicates, False none)."""
        q = sa.select(sa.func.count()).select_from(articles)
        if uncoded_only:
            q = q.where(articles.c.coded_at.is_(None))
        if near_dups is True:
            q = q.where(articles.c.near_dup_of.is_not(None))
        elif near_dups is False:
            q = q.where(articles.c.near_dup_of.is_(None))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    # -- events ---------------------------------------------------------------------

    def replace_events(self, article_id_to_events: Mapping[str, Sequence[Event]]) -> int:
        """In one transaction: delete the events of these articles, insert the new
        ones and set the articles' coded_at. Returns the number of events inserted."""
        if not article_id_to_events:
            return 0
        now = convert.utcnow()
        ids = list(article_id_to_events)
        rows = [convert.event_to_row(ev, aid, now)
                for aid, evs in article_id_to_events.items() for ev in evs]
        with self._write() as conn:
            mark_dirty(conn, stale_days_of_articles(conn, ids) | new_days(rows))
            for chunk in _chunks(ids):
                conn.execute(events.delete().where(events.c.article_id.in_(chunk)))
                done = conn.execute(articles.update().where(articles.c.id.in_(chunk))
                                    .values(coded_at=now, claimed_by=None, claimed_at=None))
                if done.rowcount != len(set(chunk)):
                    raise NotFoundError(f"replace_events: unknown article among {list(chunk)}")
            if rows:
                conn.execute(events.insert(), rows)
        return len(rows)

    def iter_events(self, *, article_id: str | None = None,
                    article_ids: Sequence[str] | None = None, code: str | None = None,
                    root_code: str | None = None, source: str | None = None,
                    target: str | None = None, since: dt.date | None = None,
                    until: dt.date | None = None, counts_only: bool = False,
                    batch: int = 1000) -> Iterator[tuple[int, Event]]:
        """Stored events as (event id, Event), in id order, filtered.

        ``source``/``target`` match an actor code prefix ("RUS" matches "RUSMIL");
        ``since``/``until`` apply to the event date, else the article date.
        """
        conds = _event_filters(article_id, article_ids, code, root_code, source, target,
                               since, until, counts_only)
        last = 0
        while True:
            q = sa.select(events.c.id, events.c.record).where(events.c.id > last, *conds)
            q = q.order_by(events.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            yield from ((r.id, convert.row_to_event(r._mapping)) for r in rows)
            last = rows[-1].id

    def count_events(self, *, counts_only: bool = False) -> int:
        q = sa.select(sa.func.count()).select_from(events)
        if counts_only:
            q = q.where(events.c.counts.is_(True))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def events_by_quad_class(self, *, counts_only: bool = True) -> dict[int | None, int]:
        """Number of events per quad class (1..4; None when unknown)."""
        q = sa.select(events.c.quad_class, sa.func.count()).group_by(events.c.quad_class)
        if counts_only:
            q = q.where(events.c.counts.is_(True))
        with self.engine.connect() as conn:
            return {qc: int(n) for qc, n in conn.execute(q)}

    def top_dyads(self, n: int = 10, *, counts_only: bool = True) -> list[tuple[str, str, int]]:
        """The most frequent (source root, target root) pairs: [(src, tgt, events)].

        Unknown actors ("---") and an actor acting on itself are left out."""
        src = sa.func.substr(events.c.source_code, 1, 3)
        tgt = sa.func.substr(events.c.target_code, 1, 3)
        cnt = sa.func.count().label("n")
        q = sa.select(src.label("src"), tgt.label("tgt"), cnt).where(
            events.c.source_code.is_not(None), events.c.target_code.is_not(None),
            src != "---", tgt != "---", src != tgt)
        if counts_only:
            q = q.where(events.c.counts.is_(True))
        q = q.group_by(src, tgt).order_by(cnt.desc(), src, tgt).limit(n)
        with self.engine.connect() as conn:
            return [(s, t, int(c)) for s, t, c in conn.execute(q)]

    # -- coding claims ----------------------------------------------------------------

    def claim_articles(self, worker: str, limit: int, *, lease: float = 900.0) -> list[str]:
        """Atomically claim up to ``limit`` uncoded articles for ``worker``; their ids.

        An article is claimable when it is uncoded and unclaimed, or its claim is older than
        ``lease`` seconds (a coder that died). Concurrent callers get disjoint batches: each
        claim is a conditional UPDATE, and an id another caller took first is not returned.
        :meth:`replace_events` clears the claim when it stores the article's events."""
        while True:  # a caller that lost every id of its pick to another picks again
            now = convert.utcnow()
            free = sa.and_(articles.c.coded_at.is_(None), sa.or_(
                articles.c.claimed_by.is_(None),
                articles.c.claimed_at < now - dt.timedelta(seconds=lease)))
            with self.engine.connect() as conn:
                wanted = [r[0] for r in conn.execute(
                    sa.select(articles.c.id).where(free).order_by(articles.c.id).limit(limit))]
            got = self._claim(worker, wanted, free, now)
            if got or not wanted:
                return got

    def _claim(self, worker: str, wanted: list[str], free: Any, now: dt.datetime) -> list[str]:
        got: list[str] = []
        with self._write() as conn:
            for chunk in _chunks(wanted):
                conn.execute(articles.update().where(articles.c.id.in_(chunk), free)
                             .values(claimed_by=worker, claimed_at=now))
                q = sa.select(articles.c.id).where(
                    articles.c.id.in_(chunk), articles.c.claimed_by == worker,
                    articles.c.claimed_at == now)
                got += [r[0] for r in conn.execute(q)]
        return sorted(got)

    def release_claims(self, worker: str) -> int:
        """Drop ``worker``'s claims on articles it did not code (e.g. after a failure)."""
        with self._write() as conn:
            done = conn.execute(articles.update().where(articles.c.claimed_by == worker,
                                                        articles.c.coded_at.is_(None))
                                .values(claimed_by=None, claimed_at=None))
        return int(done.rowcount or 0)

    # -- helpers --------------------------------------------------------------------

    def _write(self) -> Any:
        """A transaction; database errors become StoreError (the transaction rolls back)."""
        return _WriteTx(self.engine)


class _WriteTx:
    def __init__(self, engine: sa.Engine) -> None:
        self._ctx = engine.begin()

    def __enter__(self) -> sa.Connection:
        try:
            return self._ctx.__enter__()
        except sa.exc.OperationalError as exc:
            raise StoreError(f"database unavailable: {_first_line(exc)}") from exc

    def __exit__(self, etype: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> Literal[False]:
        self._ctx.__exit__(etype, exc, tb)
        if isinstance(exc, sa.exc.DBAPIError):
            raise StoreError(f"database write failed: {_first_line(exc)}") from exc
        return False


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _article_select() -> sa.Select[Any]:
    return sa.select(articles, sources.c.name.label("source_name")).select_from(
        articles.outerjoin(sources, articles.c.source_id == sources.c.id))


def _to_article(row: Any) -> Article:
    m = row._mapping
    return convert.row_to_article(m, m["source_name"])


def _event_filters(article_id: str | None, article_ids: Sequence[str] | None, code: str | None,
                   root_code: str | None, source: str | None, target: str | None,
                   since: dt.date | None, until: dt.date | None, counts_only: bool,
                   ) -> list[Any]:
    conds: list[Any] = []
    if article_id is not None:
        conds.append(events.c.article_id == article_id)
    if article_ids is not None:
        conds.append(events.c.article_id.in_(list(article_ids)))
    if code:
        conds.append(events.c.code == code)
    if root_code:
        conds.append(events.c.root_code == root_code)
    if source:
        conds.append(events.c.source_code.startswith(source, autoescape=True))
    if target:
        conds.append(events.c.target_code.startswith(target, autoescape=True))
    day = sa.func.coalesce(events.c.event_date, events.c.article_date)
    if since:
        conds.append(day >= since)
    if until:
        conds.append(day <= until)
    if counts_only:
        conds.append(events.c.counts.is_(True))
    return conds


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Group an iterable into lists of ``size`` (the last may be shorter)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
