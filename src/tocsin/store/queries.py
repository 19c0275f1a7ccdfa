"""Read queries of the analysis tables (SQL only; :mod:`tocsin.store.reads` wraps them).

Series, evidence, event search and export rows over ``event_identities`` (the tables
are in :mod:`tocsin.store.schema`; :mod:`tocsin.store.identities` writes them).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from tocsin.errors import NotFoundError
from tocsin.store.schema import (
    analysis_volume,
    articles,
    event_identities,
    event_mentions,
    events,
    sources,
)

PERIODS = ("day", "week", "month")


def _day_range(t: sa.Table, since: dt.date | None, until: dt.date | None
               ) -> list[sa.ColumnElement[bool]]:
    """Conditions keeping identities whose day is within [since, until] (either may be open)."""
    conds: list[sa.ColumnElement[bool]] = []
    if since:
        conds.append(t.c.day >= since)
    if until:
        conds.append(t.c.day <= until)
    return conds



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


def subject_filter(table: sa.Table, a: str, b: str | None, directed: bool
                    ) -> sa.ColumnElement[bool]:
    if b is None:
        return sa.or_(_side(table, "source", a), _side(table, "target", a))
    fwd = sa.and_(_side(table, "source", a), _side(table, "target", b))
    if directed:
        return fwd
    return sa.or_(fwd, sa.and_(_side(table, "source", b), _side(table, "target", a)))


def counting(t: sa.Table = event_identities) -> sa.ColumnElement[bool]:
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
    conds = [counting(), t.c.day.is_not(None), subject_filter(t, a, b, directed)]
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
        .where(counting(), t.c.week.is_not(None), t.c.quad_class.is_not(None))
        .group_by(*keys)
    )
    return [tuple(r) for r in conn.execute(q)]


def dyad_edge_rows(conn: sa.Connection, since: dt.date | None,
                   until: dt.date | None) -> list[tuple[str, str, int, float]]:
    """(source_root, target_root, events, goldstein_sum) in a window (for triads)."""
    t = event_identities
    conds = [counting(), t.c.source_root.is_not(None), t.c.target_root.is_not(None),
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

def _evidence_select(by_event: bool = False) -> sa.Select[Any]:
    """Evidence rows; ``by_event``: reached from event ids (through ``event_mentions``, whose
    key is the event id, rather than through the unindexed ``event_identities.event_id``)."""
    t, e, a, s, m = event_identities, events, articles, sources, event_mentions
    core = (e.join(m, m.c.event_id == e.c.id).join(t, t.c.id == m.c.identity_id) if by_event
            else t.join(e, e.c.id == t.c.event_id))
    return sa.select(
        t.c.id.label("identity_id"), e.c.id.label("event_id"), t.c.day, t.c.source_code,
        t.c.target_code, t.c.code, e.c.name, t.c.quad_class, t.c.plover_type, t.c.goldstein,
        t.c.num_mentions, t.c.num_sources, t.c.num_articles, e.c.factuality, e.c.sentence,
        e.c.article_id, a.c.url, a.c.title, s.c.name.label("source_name"),
    ).select_from(
        core.outerjoin(a, a.c.id == e.c.article_id).outerjoin(s, s.c.id == a.c.source_id)
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
        .where(counting(), subject_filter(t, a, b, False), t.c.day >= start, t.c.day <= end,
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
    q = _evidence_select(by_event=True).where(e.c.id.in_(list(event_ids)))
    by_id = {r["event_id"]: dict(r) for r in conn.execute(q).mappings()}
    return [by_id[i] for i in event_ids if i in by_id]


# --------------------------------------------------------------------------- event search

LIKE_ESCAPE = "\\"

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


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards (and the escape character) escaped."""
    return (text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
            .replace("_", LIKE_ESCAPE + "_"))


def contains(col: sa.ColumnElement[Any], text: str) -> sa.ColumnElement[bool]:
    """``col`` contains ``text`` (case-insensitive, wildcards in ``text`` taken literally)."""
    return col.ilike(f"%{escape_like(text)}%", escape=LIKE_ESCAPE)


def identity_conditions(f: EventFilters, *, classes: bool = False
                        ) -> list[sa.ColumnElement[bool]]:
    """Actor, dyad and date filters on event_identities (same day, source and target as
    every mention of the identity: they are part of its key); ``classes``: the quad, root
    and PLOVER filters too (else :func:`mention_conditions` puts them on the events)."""
    t = event_identities
    conds: list[sa.ColumnElement[bool]] = []
    if f.actor:
        conds.append(subject_filter(t, f.actor, None, False))
    if f.dyad:
        conds.append(subject_filter(t, f.dyad[0], f.dyad[1], False))
    if f.since:
        conds.append(t.c.day >= f.since)
    if f.until:
        conds.append(t.c.day <= f.until)
    if classes:
        conds += _class_conditions(t, f)
    return conds


def _class_conditions(table: sa.Table, f: EventFilters) -> list[sa.ColumnElement[bool]]:
    conds: list[sa.ColumnElement[bool]] = []
    if f.root:
        conds.append(table.c.root_code == f.root)
    if f.plover:
        conds.append(table.c.plover_type == f.plover.upper())
    if f.quad is not None:
        conds.append(table.c.quad_class == f.quad)
    return conds


def mention_conditions(f: EventFilters, *, classes: bool = True
                       ) -> list[sa.ColumnElement[bool]]:
    """The filters on the events (mentions) themselves: code, factuality, place, text;
    ``classes``: the quad, root and PLOVER filters too (else they go on the identities)."""
    e = events
    conds: list[sa.ColumnElement[bool]] = []  # actor, dyad, dates: identity_conditions
    if f.code:
        conds.append(_match(e.c.code, None, f.code))
    if classes:
        conds += _class_conditions(e, f)
    if f.factuality:
        conds.append(e.c.factuality == f.factuality.lower())
    if f.place:
        p = f.place
        conds.append(sa.or_(contains(e.c.geo_name, p), e.c.geo_country == p.upper(),
                            e.c.geo_cameo_country == p.upper()))
    if f.search:
        conds.append(contains(e.c.sentence, f.search))
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
    conds = mention_conditions(f)
    ident = identity_conditions(f)
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
        conds.append(counting())
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
