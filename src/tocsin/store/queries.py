"""Read queries for analysis, and the analysis tables (migration 0002).

Everything here is SQL; :mod:`tocsin.analysis` turns the rows into series, alerts,
triads and exports. The events table itself belongs to migration 0001; this module
adds derived tables that make series fast and give events an identity:

- ``event_identities``: one row per *event* (GDELT's GLOBALEVENTID): mentions of the
  same (day, source, target, code, counts) grouped (day: the event date when precise to
  the day, else the article date), with a root-level fallback that
  folds a generic coding ("190", "19") into the specific one of the same day and dyad.
  ``num_mentions`` counts every mention; ``num_articles``/``num_sources`` count only
  mentions from articles that are not near-duplicates; ``dup_only`` marks events seen
  only in near-duplicate articles (they never count in series).
- ``event_mentions``: event row id -> identity id, with the near-duplicate flag.
- ``analysis_volume``: counting events per day (the normaliser of every series).
- ``analysis_state``: the fingerprint of the events table the identities were built from.
- ``alerts``: stored alerts (recomputable).

The derived tables are rebuilt by :func:`refresh_identities` whenever the events or
the near-duplicate marks change (checked with a cheap fingerprint).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from tocsin.errors import NotFoundError
from tocsin.store.schema import articles, events, sources

log = logging.getLogger(__name__)

analysis_metadata = sa.MetaData()

# what a series reads besides the dyad and day (the covering indexes end with these)
SERIES_COLUMNS = ("counts", "dup_only", "quad_class", "plover_type", "goldstein", "num_mentions",
                  "week", "month", "source_role", "target_role", "source_code", "target_code")

event_identities = sa.Table(
    "event_identities",
    analysis_metadata,
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
    analysis_metadata,
    sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("identity_id", sa.Integer, nullable=False, index=True),
    sa.Column("near_dup", sa.Boolean, nullable=False),
    sa.Index("ix_event_mentions_identity_event", "identity_id", "event_id"),  # migration 0005
)

analysis_volume = sa.Table(
    "analysis_volume",
    analysis_metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
)

analysis_state = sa.Table(
    "analysis_state",
    analysis_metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

alerts = sa.Table(
    "alerts",
    analysis_metadata,
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

# Indexes on the events table (B's), created by migration 0002.
EVENT_INDEXES = (
    ("ix_events_source_code", ("source_code",)),
    ("ix_events_target_code", ("target_code",)),
    ("ix_events_event_date", ("event_date",)),
    ("ix_events_code", ("code",)),
)

PERIODS = ("day", "week", "month")
IDENTITY_RULES = 3  # bump when the identity rules change: stored identities are rebuilt
CONFLICT_QUADS = (3, 4)
COOPERATION_QUADS = (1, 2)
_CHUNK = 20_000


# --------------------------------------------------------------------------- periods

def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def period_of(day: dt.date, by: str) -> dt.date:
    """The first day of the period (day/week/month) containing ``day``."""
    if by == "week":
        return week_start(day)
    if by == "month":
        return month_start(day)
    return day


# --------------------------------------------------------------------------- identities

@dataclass
class _Group:
    """Mentions sharing one exact identity key (mutable while building)."""

    key: tuple[Any, ...]
    mentions: list[Mapping[str, Any]]

    @property
    def code(self) -> str:
        return str(self.key[3])


def _is_ancestor(parent: str, child: str) -> bool:
    """A coding that ``child`` refines: a prefix, or the root's generic ("19", "190")."""
    if parent == child:
        return False
    if child.startswith(parent):
        return True
    root = child[:2]
    return parent in (root, root + "0") and parent[:2] == root


def merge_near_identical(groups: list[_Group]) -> list[_Group]:
    """Fold generic/parent codings into their most-mentioned specific descendant."""
    if len(groups) < 2:
        return groups
    codes = [g.code for g in groups]
    leaves = [g for g in groups if not any(_is_ancestor(g.code, c) for c in codes)]
    out = {id(g): g for g in leaves}
    for g in groups:
        if id(g) in out:
            continue
        desc = [leaf for leaf in leaves if _is_ancestor(g.code, leaf.code)]
        best = max(desc, key=lambda x: (len(x.mentions), len(x.code), x.code))
        best.mentions.extend(g.mentions)
    return list(out.values())


def _mention_rows(conn: sa.Connection) -> Iterator[Mapping[str, Any]]:
    e, a = events, articles
    q = (
        sa.select(
            e.c.id, e.c.event_date, e.c.event_date_precision, e.c.article_date,
            e.c.source_code, e.c.target_code,
            e.c.source_role, e.c.target_role, e.c.code, e.c.root_code, e.c.quad_class,
            e.c.plover_type, e.c.goldstein, e.c.counts, e.c.article_id, e.c.sentence_index,
            a.c.source_id, a.c.near_dup_of,
        )
        .select_from(e.outerjoin(a, a.c.id == e.c.article_id))
        .order_by(e.c.id)
    )
    yield from conn.execute(q.execution_options(yield_per=_CHUNK)).mappings()


def _root(code: str | None) -> str | None:
    return code[:3] if code else None


def _period_end(start: dt.date, precision: str | None) -> dt.date:
    """Last day of the week/month/year that starts at ``start``."""
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    return start


def _day_range(t: sa.Table, since: dt.date | None, until: dt.date | None
               ) -> list[sa.ColumnElement[bool]]:
    """Conditions keeping identities whose day is within [since, until] (either may be open)."""
    conds: list[sa.ColumnElement[bool]] = []
    if since:
        conds.append(t.c.day >= since)
    if until:
        conds.append(t.c.day <= until)
    return conds


def event_day(row: Mapping[str, Any]) -> dt.date | None:
    """The day an event is counted on in time series.

    - its event date when known to the day;
    - the article date when the event date is coarser (week, month, year) and the article
      falls in or before that period ("in 2026" in a 2026 story: 2026-01-01 would put the
      event in the wrong week);
    - None when a coarse event date lies wholly before the article's own period: a story
      recalling "in 2017 ..." is background, and must not make 2017 (or the story's week)
      look busier. Such events stay searchable; they just stay out of the series.
    """
    event_date, article_date = row["event_date"], row["article_date"]
    precision = row.get("event_date_precision")
    if event_date and precision in (None, "day"):
        return event_date
    if event_date and article_date and _period_end(event_date, precision) < article_date:
        return None
    return article_date or event_date


def build_identities(rows: Iterable[Mapping[str, Any]]) -> list[_Group]:
    """Group mention rows into events (pure; exposed for tests)."""
    exact: dict[tuple[Any, ...], _Group] = {}
    for r in rows:
        day = event_day(r)
        key = (day, r["source_code"] or "", r["target_code"] or "", r["code"], bool(r["counts"]))
        g = exact.get(key)
        if g is None:
            exact[key] = g = _Group(key, [])
        g.mentions.append(r)
    buckets: dict[tuple[Any, ...], list[_Group]] = defaultdict(list)
    for key, g in exact.items():
        buckets[(key[0], key[1], key[2], key[3][:2], key[4])].append(g)
    merged: list[_Group] = []
    for groups in buckets.values():
        merged.extend(merge_near_identical(groups))
    merged.sort(key=lambda g: min(m["id"] for m in g.mentions))
    return merged


def _identity_row(ident_id: int, g: _Group) -> dict[str, Any]:
    fresh = [m for m in g.mentions if m["near_dup_of"] is None]
    rep_pool = [m for m in (fresh or g.mentions) if m["code"] == g.code] or fresh or g.mentions
    rep = min(rep_pool, key=lambda m: m["id"])
    day = g.key[0]
    return {
        "id": ident_id,
        "day": day,
        "week": week_start(day) if day else None,
        "month": month_start(day) if day else None,
        "source_code": rep["source_code"],
        "target_code": rep["target_code"],
        "source_root": _root(rep["source_code"]),
        "target_root": _root(rep["target_code"]),
        "source_role": rep["source_role"],
        "target_role": rep["target_role"],
        "code": rep["code"],
        "root_code": rep["root_code"] or rep["code"][:2],
        "quad_class": rep["quad_class"],
        "plover_type": rep["plover_type"],
        "goldstein": rep["goldstein"],
        "counts": bool(rep["counts"]),
        "dup_only": not fresh,
        "num_mentions": len(g.mentions),
        "num_sources": len({m["source_id"] for m in fresh}),
        "num_articles": len({m["article_id"] for m in fresh}),
        "event_id": rep["id"],
    }


def fingerprint(conn: sa.Connection) -> str:
    """Cheap summary of the events table and near-duplicate marks (index lookups only).

    Events only change through inserts (new ids) or ``Store.replace_events``, which also
    stamps the articles' ``coded_at``; near-duplicate links are counted.
    """
    top = conn.execute(sa.select(sa.func.max(events.c.id))).scalar()
    coded = conn.execute(sa.select(sa.func.max(articles.c.coded_at))).scalar()
    dups = conn.execute(
        sa.select(sa.func.count()).where(articles.c.near_dup_of.is_not(None))
    ).scalar_one()
    return f"v{IDENTITY_RULES}:{top}:{coded.isoformat() if coded else None}:{dups}"


def _stored_fingerprint(conn: sa.Connection) -> str | None:
    q = sa.select(analysis_state.c.value).where(analysis_state.c.key == "identities")
    return conn.execute(q).scalar_one_or_none()


def _insert_chunked(conn: sa.Connection, table: sa.Table, rows: Iterable[dict[str, Any]]) -> int:
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


def _write_identities(conn: sa.Connection, groups: list[_Group], stamp: str) -> None:
    for table in (event_mentions, event_identities, analysis_volume):
        conn.execute(table.delete())
    volume: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    ident_rows, mention_rows = [], []
    for i, g in enumerate(groups, start=1):
        row = _identity_row(i, g)
        ident_rows.append(row)
        if row["day"] and row["counts"] and not row["dup_only"]:
            volume[row["day"]][0] += 1
            volume[row["day"]][1] += row["num_mentions"]
        mention_rows.extend(
            {"event_id": m["id"], "identity_id": i, "near_dup": m["near_dup_of"] is not None}
            for m in g.mentions
        )
    _insert_chunked(conn, event_identities, ident_rows)
    _insert_chunked(conn, event_mentions, mention_rows)
    _insert_chunked(
        conn, analysis_volume,
        ({"day": d, "events": v[0], "mentions": v[1]} for d, v in sorted(volume.items())),
    )
    conn.execute(analysis_state.delete().where(analysis_state.c.key == "identities"))
    conn.execute(analysis_state.insert().values(key="identities", value=stamp))


def refresh_identities(engine: sa.Engine, *, force: bool = False) -> bool:
    """Rebuild the event identities if the events changed; True if rebuilt."""
    with engine.connect() as conn:
        stamp = fingerprint(conn)
        if not force and _stored_fingerprint(conn) == stamp:
            return False
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("LOCK TABLE analysis_state IN EXCLUSIVE MODE"))
        stamp = fingerprint(conn)
        if not force and _stored_fingerprint(conn) == stamp:
            return False
        groups = build_identities(_mention_rows(conn))
        _write_identities(conn, groups, stamp)
    log.info("rebuilt %d event identities (%s)", len(groups), stamp)
    return True


# --------------------------------------------------------------------------- actor matching

def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _match(code_col: sa.ColumnElement[Any], root_col: sa.ColumnElement[Any] | None,
           actor: str) -> sa.ColumnElement[bool]:
    """Actor filter: 3 letters match the root (country), longer codes match as a prefix."""
    actor = actor.upper()
    if root_col is not None and len(actor) <= 3:
        return root_col == actor
    return sa.and_(code_col >= actor, code_col < _next_prefix(actor))


def _side(table: sa.Table, side: str, actor: str) -> sa.ColumnElement[bool]:
    root = table.c.get(f"{side}_root")
    return _match(table.c[f"{side}_code"], root, actor)


def _subject_filter(table: sa.Table, a: str, b: str | None, directed: bool) -> sa.ColumnElement[bool]:
    if b is None:
        return sa.or_(_side(table, "source", a), _side(table, "target", a))
    fwd = sa.and_(_side(table, "source", a), _side(table, "target", b))
    if directed:
        return fwd
    return sa.or_(fwd, sa.and_(_side(table, "source", b), _side(table, "target", a)))


def _counting(t: sa.Table = event_identities) -> sa.ColumnElement[bool]:
    return sa.and_(t.c.counts == sa.true(), t.c.dup_only == sa.false())


# --------------------------------------------------------------------------- series

def series_rows(
    conn: sa.Connection, a: str, b: str | None = None, *, by: str = "month",
    directed: bool = False, roles: bool = False,
    since: dt.date | None = None, until: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Per period x quad class x PLOVER type (x roles): event/mention counts, Goldstein sums."""
    t = event_identities
    period = t.c[by].label("period")
    keys: list[Any] = [period, t.c.quad_class, t.c.plover_type]
    if roles:
        keys += [t.c.source_role, t.c.target_role]
    conds = [_counting(), t.c.day.is_not(None), _subject_filter(t, a, b, directed)]
    conds += _day_range(t, since, until)
    q = (
        sa.select(
            *keys,
            sa.func.count().label("events"),
            sa.func.sum(t.c.num_mentions).label("mentions"),
            sa.func.coalesce(sa.func.sum(t.c.goldstein), 0.0).label("goldstein_sum"),
            sa.func.count(t.c.goldstein).label("goldstein_n"),
        )
        .where(*conds)
        .group_by(*keys)
        .order_by(period)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def volume_rows(conn: sa.Connection, since: dt.date | None = None,
                until: dt.date | None = None) -> list[tuple[dt.date, int, int]]:
    """Counting events and mentions per day (all actors)."""
    v = analysis_volume
    q = sa.select(v.c.day, v.c.events, v.c.mentions).order_by(v.c.day)
    if since:
        q = q.where(v.c.day >= since)
    if until:
        q = q.where(v.c.day <= until)
    return [(r[0], int(r[1]), int(r[2])) for r in conn.execute(q)]


def weekly_dyad_rows(conn: sa.Connection) -> list[tuple[Any, ...]]:
    """(week, source_root, target_root, quad_class, events) for the alert scan
    (grouped in the order of ix_identities_week_scan: no sort)."""
    t = event_identities
    keys = [t.c.week, t.c.source_root, t.c.target_root, t.c.quad_class]
    q = (
        sa.select(*keys, sa.func.count())
        .where(_counting(), t.c.week.is_not(None), t.c.quad_class.is_not(None))
        .group_by(*keys)
    )
    return [tuple(r) for r in conn.execute(q)]


def dyad_edge_rows(conn: sa.Connection, since: dt.date | None,
                   until: dt.date | None) -> list[tuple[str, str, int, float]]:
    """(source_root, target_root, events, goldstein_sum) in a window (for triads)."""
    t = event_identities
    conds = [_counting(), t.c.source_root.is_not(None), t.c.target_root.is_not(None),
             t.c.source_root != t.c.target_root]
    conds += _day_range(t, since, until)
    q = (
        sa.select(t.c.source_root, t.c.target_root, sa.func.count(),
                  sa.func.coalesce(sa.func.sum(t.c.goldstein), 0.0))
        .where(*conds)
        .group_by(t.c.source_root, t.c.target_root)
    )
    return [(r[0], r[1], int(r[2]), float(r[3])) for r in conn.execute(q)]


def data_range(conn: sa.Connection) -> tuple[dt.date | None, dt.date | None]:
    v = analysis_volume
    lo, hi = conn.execute(sa.select(sa.func.min(v.c.day), sa.func.max(v.c.day))).one()
    return lo, hi


# --------------------------------------------------------------------------- evidence

def _evidence_select() -> sa.Select[Any]:
    t, e, a, s = event_identities, events, articles, sources
    return sa.select(
        t.c.id.label("identity_id"), e.c.id.label("event_id"), t.c.day, t.c.source_code,
        t.c.target_code, t.c.code, e.c.name, t.c.quad_class, t.c.plover_type, t.c.goldstein,
        t.c.num_mentions, t.c.num_sources, t.c.num_articles, e.c.factuality, e.c.sentence,
        e.c.article_id, a.c.url, a.c.title, s.c.name.label("source_name"),
    ).select_from(
        t.join(e, e.c.id == t.c.event_id)
        .outerjoin(a, a.c.id == e.c.article_id)
        .outerjoin(s, s.c.id == a.c.source_id)
    )


def top_contributors(
    conn: sa.Connection, a: str, b: str | None, start: dt.date, end: dt.date,
    quads: Sequence[int], limit: int = 5,
) -> list[dict[str, Any]]:
    """The events that weigh most in a subject's period: |Goldstein| x mentions."""
    t = event_identities
    weight = sa.func.abs(sa.func.coalesce(t.c.goldstein, 0.0)) * t.c.num_mentions
    q = (
        _evidence_select()
        .where(_counting(), _subject_filter(t, a, b, False), t.c.day >= start, t.c.day <= end,
               t.c.quad_class.in_(list(quads)))
        .order_by(weight.desc(), t.c.num_mentions.desc(), t.c.id)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def evidence_events(conn: sa.Connection, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Evidence rows for stored event ids (alerts), in the given order."""
    if not event_ids:
        return []
    e = events
    q = _evidence_select().where(e.c.id.in_(list(event_ids)))
    by_id = {r["event_id"]: dict(r) for r in conn.execute(q).mappings()}
    return [by_id[i] for i in event_ids if i in by_id]


# --------------------------------------------------------------------------- event search

@dataclass(frozen=True)
class EventFilters:
    """Filters of the event search (all optional, combined with AND)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None  # CAMEO code prefix
    root: str | None = None  # CAMEO root code ("19")
    plover: str | None = None
    quad: int | None = None
    factuality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None  # place name (substring), ISO2 or CAMEO country code
    search: str | None = None  # text in the sentence
    counts_only: bool = False
    article_id: str | None = None


def _identity_conditions(f: EventFilters) -> list[sa.ColumnElement[bool]]:
    """Actor, dyad and date filters on event_identities (same day, source and target as
    every mention of the identity: they are part of its key)."""
    t = event_identities
    conds: list[sa.ColumnElement[bool]] = []
    if f.actor:
        conds.append(_subject_filter(t, f.actor, None, False))
    if f.dyad:
        conds.append(_subject_filter(t, f.dyad[0], f.dyad[1], False))
    if f.since:
        conds.append(t.c.day >= f.since)
    if f.until:
        conds.append(t.c.day <= f.until)
    return conds


def _event_conditions(f: EventFilters) -> list[sa.ColumnElement[bool]]:
    e = events
    conds: list[sa.ColumnElement[bool]] = []  # actor, dyad, dates: _identity_conditions
    if f.code:
        conds.append(_match(e.c.code, None, f.code))
    if f.root:
        conds.append(e.c.root_code == f.root)
    if f.plover:
        conds.append(e.c.plover_type == f.plover.upper())
    if f.quad is not None:
        conds.append(e.c.quad_class == f.quad)
    if f.factuality:
        conds.append(e.c.factuality == f.factuality.lower())
    if f.place:
        p = f.place
        conds.append(sa.or_(e.c.geo_name.ilike(f"%{p}%"), e.c.geo_country == p.upper(),
                            e.c.geo_cameo_country == p.upper()))
    if f.search:
        conds.append(e.c.sentence.ilike(f"%{f.search}%"))
    if f.counts_only:
        conds.append(e.c.counts == sa.true())
    if f.article_id:
        conds.append(e.c.article_id == f.article_id)
    return conds


EVENT_FIELDS = (
    "id", "article_id", "sentence_index", "sentence", "trigger", "source_code", "source_country",
    "source_role", "source_text", "target_code", "target_country", "target_role", "target_text",
    "code", "root_code", "name", "goldstein", "quad_class", "plover_type", "plover_mode",
    "factuality", "counts", "article_date", "event_date", "event_date_precision",
    "event_date_expr", "geo_name", "geo_level", "geo_country", "geo_cameo_country", "geo_adm1",
    "geo_lat", "geo_lon",
)


def search_events(conn: sa.Connection, f: EventFilters, *, limit: int = 50,
                  offset: int = 0, after_id: int | None = None) -> list[dict[str, Any]]:
    """Event rows (mentions) matching the filters, by id; with identity and article."""
    e, a, m, s, t = events, articles, event_mentions, sources, event_identities
    conds = _event_conditions(f)
    ident = _identity_conditions(f)
    if after_id is not None:
        conds.append(e.c.id > after_id)
    order: sa.ColumnElement[Any] = e.c.id
    base = e.outerjoin(m, m.c.event_id == e.c.id)
    postgres = conn.dialect.name == "postgresql"
    if ident and (postgres or f.search):
        # drive the query from the indexed identities (inner joins)
        base = t.join(m, m.c.identity_id == t.c.id).join(e, e.c.id == m.c.event_id)
        conds += ident
        if postgres:  # "+ 0": sort the matches rather than walk the primary key in id
            order = e.c.id + 0  # order hoping to meet 50 matches early (slow if selective)
    elif ident:  # SQLite plans actor/date filters best as IN (identities)
        conds.append(m.c.identity_id.in_(sa.select(t.c.id).where(*ident)))
    q = (
        sa.select(*(e.c[n] for n in EVENT_FIELDS), m.c.identity_id, m.c.near_dup,
                  a.c.url, a.c.title, s.c.name.label("source_name"))
        .select_from(base.outerjoin(a, a.c.id == e.c.article_id)
                     .outerjoin(s, s.c.id == a.c.source_id))
        .where(*conds)
        .order_by(order)
        .limit(limit)
        .offset(offset)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def get_event(conn: sa.Connection, event_id: int) -> dict[str, Any]:
    e = events
    row = conn.execute(
        sa.select(*(e.c[n] for n in EVENT_FIELDS), e.c.rules, e.c.record).where(e.c.id == event_id)
    ).mappings().one_or_none()
    if row is None:
        raise NotFoundError(f"no event with id {event_id}")
    out = dict(row)
    out["rules"] = json.loads(out["rules"]) if out["rules"] else []
    out["record"] = json.loads(out["record"]) if out["record"] else None
    ident = conn.execute(
        sa.select(event_identities).join(
            event_mentions, event_mentions.c.identity_id == event_identities.c.id
        ).where(event_mentions.c.event_id == event_id)
    ).mappings().one_or_none()
    out["identity"] = dict(ident) if ident else None
    return out


# --------------------------------------------------------------------------- exports

def iter_identity_export_rows(conn: sa.Connection, *, counting_only: bool = True,
                              since: dt.date | None = None, until: dt.date | None = None,
                              dated_only: bool = False) -> Iterator[dict[str, Any]]:
    """Identities with their representative mention's full row and article (for exports)."""
    t, e, a, s = event_identities, events, articles, sources
    conds: list[sa.ColumnElement[bool]] = []
    if dated_only:
        conds.append(t.c.day.is_not(None))
    if counting_only:
        conds.append(_counting())
    conds += _day_range(t, since, until)
    q = (
        sa.select(
            t.c.id.label("identity_id"), t.c.day, t.c.num_mentions, t.c.num_sources,
            t.c.num_articles, t.c.dup_only, *(e.c[n] for n in EVENT_FIELDS), e.c.record,
            e.c.created_at, a.c.url, a.c.title, s.c.name.label("source_name"),
        )
        .select_from(t.join(e, e.c.id == t.c.event_id)
                     .outerjoin(a, a.c.id == e.c.article_id)
                     .outerjoin(s, s.c.id == a.c.source_id))
        .where(*conds)
        .order_by(t.c.id)
    )
    for r in conn.execute(q.execution_options(yield_per=5000)).mappings():
        yield dict(r)


def iter_event_export_rows(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    """Every events row (all columns except the JSON record) with its identity."""
    e, m = events, event_mentions
    cols = [c for c in e.c if c.name != "record"]
    q = (
        sa.select(*cols, m.c.identity_id, m.c.near_dup)
        .select_from(e.outerjoin(m, m.c.event_id == e.c.id))
        .order_by(e.c.id)
    )
    for r in conn.execute(q.execution_options(yield_per=5000)).mappings():
        yield dict(r)


# --------------------------------------------------------------------------- alerts

def replace_alerts(conn: sa.Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Delete all stored alerts and insert ``rows`` (one transaction: the caller's)."""
    conn.execute(alerts.delete())
    if rows:
        conn.execute(alerts.insert(), [dict(r) for r in rows])
    return len(rows)


def list_alerts(conn: sa.Connection, *, direction: str | None = None, kind: str | None = None,
                subject: str | None = None, limit: int = 20,
                offset: int = 0) -> list[dict[str, Any]]:
    q = sa.select(alerts)
    if direction:
        q = q.where(alerts.c.direction == direction)
    if kind:
        q = q.where(alerts.c.kind == kind)
    if subject:
        q = q.where(alerts.c.subject == subject.upper())
    q = q.order_by(alerts.c.score.desc(), alerts.c.id).limit(limit).offset(offset)
    return [dict(r) for r in conn.execute(q).mappings()]


def get_alert(conn: sa.Connection, alert_id: int) -> dict[str, Any]:
    row = conn.execute(sa.select(alerts).where(alerts.c.id == alert_id)).mappings().one_or_none()
    if row is None:
        raise NotFoundError(f"no alert with id {alert_id}")
    return dict(row)


def count_alerts(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(alerts)).scalar_one())


# --------------------------------------------------------------------------- bulk (benchmark)

def bulk_insert(conn: sa.Connection, table_name: str, rows: Iterable[dict[str, Any]]) -> int:
    """Insert many rows into a store table (sources/articles/events) in chunks."""
    table = {"sources": sources, "articles": articles, "events": events}[table_name]
    return _insert_chunked(conn, table, rows)
