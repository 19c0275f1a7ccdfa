"""Persisting event identities, incrementally: the queue of stale days and its rebuild.

:meth:`Store.replace_events` notes, in the same transaction, every day whose identities
its change makes stale (the days of the events it deletes and of those it inserts) in
``analysis_dirty``. A refresh (``tocsin.analysis.refresh``) takes the queue with
:meth:`IdentityStore.pending_days`, reads the mentions of those days, groups them (pure
code in ``tocsin.analysis.identity``) and hands the result to
:meth:`IdentityStore.replace_identities`, which swaps the identities, mentions and volume
of exactly those days and drops the queue entries it has absorbed (entries added
meanwhile by a concurrent writer stay for the next refresh).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from tocsin.models import EventIdentity, EventMention, SubjectWeek
from tocsin.store.schema import (
    analysis_dirty,
    analysis_state,
    analysis_subject_weeks,
    analysis_volume,
    articles,
    event_identities,
    event_mentions,
    events,
)

log = logging.getLogger(__name__)

_CHUNK = 5_000
_DAYS = 400  # days per IN (...) clause
STATE_KEY = "identities"


def _day_candidates(m: Mapping[Any, Any]) -> set[dt.date | None]:
    """Every day an event row could be counted on (a superset of its identity day)."""
    found: set[dt.date | None] = {m.get("event_date"), m.get("article_date")}
    found.discard(None)
    precision = m.get("event_date_precision")
    if precision not in (None, "day") or not found:
        found.add(None)  # a coarse date may keep it out of the series
    return found


def mark_dirty(conn: sa.Connection, days: Iterable[dt.date | None]) -> None:
    """Queue ``days`` (None: undated events) for an identity rebuild (caller's transaction)."""
    rows = [{"day": d} for d in sorted(set(days), key=lambda d: (d is not None, d or dt.date.min))]
    if rows:
        conn.execute(analysis_dirty.insert(), rows)


def stale_days_of_articles(conn: sa.Connection, article_ids: Sequence[str]) -> set[dt.date | None]:
    """Days of the stored events of these articles (before they are replaced)."""
    out: set[dt.date | None] = set()
    e = events
    cols = (e.c.event_date, e.c.article_date, e.c.event_date_precision)
    for i in range(0, len(article_ids), 500):
        q = sa.select(*cols).where(e.c.article_id.in_(list(article_ids[i:i + 500]))).distinct()
        for r in conn.execute(q).mappings():
            out |= _day_candidates(r)
    return out


def new_days(rows: Iterable[Mapping[str, Any]]) -> set[dt.date | None]:
    """Days of event rows about to be inserted."""
    out: set[dt.date | None] = set()
    for r in rows:
        out |= _day_candidates(r)
    return out


def _mention_select() -> sa.Select[Any]:
    e, a = events, articles
    return sa.select(
        e.c.id, e.c.article_id, e.c.code, e.c.counts, e.c.event_date, e.c.event_date_precision,
        e.c.article_date, e.c.source_code, e.c.target_code, e.c.source_role, e.c.target_role,
        e.c.root_code, e.c.quad_class, e.c.plover_type, e.c.goldstein, e.c.sentence_index,
        a.c.source_id, a.c.near_dup_of,
    ).select_from(e.outerjoin(a, a.c.id == e.c.article_id))


def _mention(r: Mapping[Any, Any]) -> EventMention:
    return EventMention(
        id=int(r["id"]), article_id=r["article_id"], code=r["code"], counts=bool(r["counts"]),
        event_date=r["event_date"], event_date_precision=r["event_date_precision"],
        article_date=r["article_date"], source_code=r["source_code"],
        target_code=r["target_code"], source_role=r["source_role"],
        target_role=r["target_role"], root_code=r["root_code"], quad_class=r["quad_class"],
        plover_type=r["plover_type"], goldstein=r["goldstein"],
        sentence_index=r["sentence_index"], source_id=r["source_id"],
        near_dup=r["near_dup_of"] is not None,
    )


def _identity_row(i: EventIdentity) -> dict[str, Any]:
    day = i.day
    return {
        "id": i.id, "day": day,
        "week": day - dt.timedelta(days=day.weekday()) if day else None,
        "month": day.replace(day=1) if day else None,
        "source_code": i.source_code, "target_code": i.target_code,
        "source_root": i.source_code[:3] if i.source_code else None,
        "target_root": i.target_code[:3] if i.target_code else None,
        "source_role": i.source_role, "target_role": i.target_role, "code": i.code,
        "root_code": i.root_code, "quad_class": i.quad_class, "plover_type": i.plover_type,
        "goldstein": i.goldstein, "counts": i.counts, "dup_only": i.dup_only,
        "num_mentions": i.num_mentions, "num_sources": i.num_sources,
        "num_articles": i.num_articles, "event_id": i.event_id,
    }


def _insert(conn: sa.Connection, table: sa.Table, rows: Iterable[dict[str, Any]]) -> int:
    total, buf = 0, []
    for row in rows:
        buf.append(row)
        if len(buf) >= _CHUNK:
            conn.execute(table.insert(), buf)
            total, buf = total + len(buf), []
    if buf:
        conn.execute(table.insert(), buf)
        total += len(buf)
    return total


def _day_condition(col: sa.ColumnElement[Any], days: Sequence[dt.date | None]
                   ) -> sa.ColumnElement[bool]:
    dated = [d for d in days if d is not None]
    conds: list[sa.ColumnElement[bool]] = [col.in_(dated)] if dated else []
    if len(dated) < len(days):
        conds.append(col.is_(None))
    return sa.or_(*conds) if conds else sa.false()


def _mention_days(days: Sequence[dt.date | None]) -> sa.ColumnElement[bool]:
    """Event rows that may count on ``days`` (None: rows whose coarse date or missing dates
    may keep them out of the series); the caller keeps those whose day is in ``days``."""
    e = events
    dated = [d for d in days if d is not None]
    conds: list[sa.ColumnElement[bool]] = []
    if dated:
        conds += [e.c.event_date.in_(dated), e.c.article_date.in_(dated)]
    if len(dated) < len(days):
        conds += [sa.and_(e.c.event_date_precision.is_not(None),
                          e.c.event_date_precision != "day"),
                  sa.and_(e.c.event_date.is_(None), e.c.article_date.is_(None))]
    return sa.or_(*conds) if conds else sa.false()


def _serialise(conn: sa.Connection) -> None:
    """Concurrent refreshes (two ingests) take turns rewriting the derived tables: SQLite
    serialises writers anyway; on PostgreSQL a table lock does it (reads go on)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("LOCK TABLE analysis_state IN EXCLUSIVE MODE"))


class IdentityStore:
    """Mixin of :class:`tocsin.store.Store`: the identity tables and their queue."""

    engine: sa.Engine

    def pending_days(self) -> tuple[int, list[dt.date | None]]:
        """(last queue entry id, the queued days): what a refresh must rebuild."""
        with self.engine.connect() as conn:
            top = conn.execute(sa.select(sa.func.max(analysis_dirty.c.id))).scalar()
            if top is None:
                return 0, []
            q = sa.select(analysis_dirty.c.day).where(analysis_dirty.c.id <= top).distinct()
            days = {r[0] for r in conn.execute(q)}
        return int(top), sorted(days, key=lambda d: (d is not None, d or dt.date.min))

    def identity_state(self) -> str | None:
        """What the stored identities were built with (None: never built)."""
        with self.engine.connect() as conn:
            q = sa.select(analysis_state.c.value).where(analysis_state.c.key == STATE_KEY)
            return conn.execute(q).scalar_one_or_none()

    def iter_mentions(self, days: Sequence[dt.date | None] | None = None
                      ) -> Iterator[EventMention]:
        """Stored event rows that may be counted on ``days`` (all rows when None)."""
        if days is None:
            yield from self._mentions(sa.true())
            return
        for i in range(0, len(days), _DAYS):
            chunk = list(days[i:i + _DAYS])
            yield from self._mentions(_mention_days(chunk))

    def _mentions(self, cond: sa.ColumnElement[bool]) -> Iterator[EventMention]:
        last = 0
        while True:
            q = _mention_select().where(events.c.id > last, cond).order_by(events.c.id)
            with self.engine.connect() as conn:
                rows = conn.execute(q.limit(_CHUNK)).mappings().all()
            if not rows:
                return
            yield from (_mention(r) for r in rows)
            last = int(rows[-1]["id"])

    def replace_identities(self, identities: Sequence[EventIdentity],
                           days: Sequence[dt.date | None] | None, *, upto: int,
                           state: str, volume: Mapping[dt.date, tuple[int, int]]) -> int:
        """Swap the identities of ``days`` (all when None) for ``identities`` in one
        transaction; drop the queue entries up to ``upto``; returns identities written."""
        with self.engine.begin() as conn:
            _serialise(conn)
            self._delete_days(conn, days)
            n = _insert(conn, event_identities, (_identity_row(i) for i in identities))
            _insert(conn, event_mentions, (
                {"event_id": m, "identity_id": i.id, "near_dup": m in set(i.near_dup_ids)}
                for i in identities for m in i.mention_ids))
            _insert(conn, analysis_volume, (
                {"day": d, "events": v[0], "mentions": v[1]} for d, v in sorted(volume.items())))
            conn.execute(analysis_dirty.delete().where(analysis_dirty.c.id <= upto))
            conn.execute(analysis_state.delete().where(analysis_state.c.key == STATE_KEY))
            conn.execute(analysis_state.insert().values(key=STATE_KEY, value=state))
        return n

    def replace_subject_weeks(self, rows: Sequence[SubjectWeek],
                              weeks: Sequence[dt.date] | None) -> int:
        """Swap the detectors' input of ``weeks`` (all when None) for ``rows``."""
        sw = analysis_subject_weeks
        with self.engine.begin() as conn:
            _serialise(conn)
            if weeks is None:
                conn.execute(sw.delete())
            listed = list(weeks or ())
            for i in range(0, len(listed), _DAYS):
                conn.execute(sw.delete().where(sw.c.week.in_(listed[i:i + _DAYS])))
            _insert(conn, sw, (dataclasses.asdict(r) for r in rows))
        return len(rows)

    @staticmethod
    def _delete_days(conn: sa.Connection, days: Sequence[dt.date | None] | None) -> None:
        t, m, v = event_identities, event_mentions, analysis_volume
        if days is None:
            for table in (m, t, v):
                conn.execute(table.delete())
            return
        for i in range(0, len(days), _DAYS):
            chunk = list(days[i:i + _DAYS])
            ids = sa.select(t.c.id).where(_day_condition(t.c.day, chunk))
            conn.execute(m.delete().where(m.c.identity_id.in_(ids)))
            conn.execute(t.delete().where(_day_condition(t.c.day, chunk)))
            conn.execute(v.delete().where(v.c.day.in_([d for d in chunk if d is not None])))
