"""Read queries behind the dashboard and its API routes (SQLAlchemy Core, read only).

Every query here is bounded: aggregates read the covering indexes of ``event_identities``
(``ix_identities_week_scan`` for windows of weeks, ``ix_identities_dyad_cover`` for one
actor), and row lists are pages with a total. Text filters escape LIKE wildcards, so
``%`` and ``_`` match themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from tocsin.errors import InputError, NotFoundError
from tocsin.store.queries import (
    EVENT_FIELDS,
    EventFilters,
    contains,
    counting,
    escape_like,
    identity_conditions,
    mention_conditions,
    subject_filter,
)
from tocsin.store.schema import alerts as alerts_table
from tocsin.store.schema import (
    analysis_volume,
    articles,
    event_identities,
    event_mentions,
    events,
    sources,
)

CONFLICT = (3, 4)
COOPERATION = (1, 2)
SORTS = {
    "date": ("day", False), "-date": ("day", True),
    "goldstein": ("goldstein", False), "-goldstein": ("goldstein", True),
    "mentions": ("num_mentions", False), "-mentions": ("num_mentions", True),
    "id": ("id", False), "-id": ("id", True),
}
ARTICLE_FIELDS = ("id", "url", "title", "date", "dateline", "author", "language", "near_dup_of")
COUNT_CAP = 10_000  # totals are exact up to here
TEXT_COUNT_CAP = 1_000  # ... and up to here with a text filter (search, place)


def _pair(a: str, b: str | None) -> sa.ColumnElement[bool]:
    return subject_filter(event_identities, a, b, False)


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class EventPage:
    """One page of events (mentions) and the total matching the filters (``capped``: there
    are more than ``total``, the count stopped there)."""

    total: int
    items: list[dict[str, Any]] = field(default_factory=list)
    capped: bool = False


def _identity_conds(f: EventFilters) -> list[sa.ColumnElement[bool]]:
    return identity_conditions(f, classes=True)


def _mention_conds(f: EventFilters) -> list[sa.ColumnElement[bool]]:
    return mention_conditions(f, classes=False)


def _sort_columns(sort: str, mention: sa.ColumnElement[Any]) -> list[sa.ColumnElement[Any]]:
    """The ORDER BY of ``sort``; ties broken by identity id in the same direction, so that
    a date sort walks ``ix_identities_day`` (whose entries end with the id) with no sort."""
    if sort not in SORTS:
        raise InputError(f"invalid sort {sort!r}: expected one of {', '.join(SORTS)}")
    name, desc = SORTS[sort]
    if name == "id":
        return [mention.desc() if desc else mention.asc()]
    cols = [event_identities.c[name], event_identities.c.id, mention]
    return [c.desc() if desc else c.asc() for c in cols]


def _event_base() -> Any:
    t, m, e = event_identities, event_mentions, events
    return t.join(m, m.c.identity_id == t.c.id).join(e, e.c.id == m.c.event_id)


def count_cap(f: EventFilters) -> int:
    """Counts stop here: a text filter reads every sentence it counts, so it stops sooner."""
    return TEXT_COUNT_CAP if (f.search or f.place) else COUNT_CAP


def count_events(conn: sa.Connection, f: EventFilters, cap: int | None = None) -> int:
    """How many mentions match, counted up to ``cap`` + 1 (``cap`` None: all)."""
    mention = _mention_conds(f)
    conds = _identity_conds(f) + mention
    base = _event_base() if mention else event_identities.join(
        event_mentions, event_mentions.c.identity_id == event_identities.c.id)
    inner = sa.select(sa.literal(1)).select_from(base).where(*conds)
    if cap is not None:
        inner = inner.limit(cap + 1)
    q = sa.select(sa.func.count()).select_from(inner.subquery())
    return int(conn.execute(q).scalar_one())


def _page_ids(f: EventFilters, sort: str, limit: int, offset: int,
              after_id: int | None) -> sa.Subquery:
    """The mention ids of one page with their sort keys: only index columns are read (and
    sorted) here; the page's full rows are fetched after, for these ids alone."""
    t, e, m = event_identities, events, event_mentions
    conds = _identity_conds(f) + _mention_conds(f)
    if after_id is not None:
        conds.append(e.c.id > after_id)
    base = _event_base() if _mention_conds(f) or after_id is not None else t.join(
        m, m.c.identity_id == t.c.id)
    name, _desc = SORTS[sort] if sort in SORTS else ("id", False)
    key = m.c.event_id if name == "id" else t.c[name]
    return (sa.select(m.c.event_id.label("eid"), key.label("k"), t.c.id.label("iid"))
            .select_from(base).where(*conds).order_by(*_sort_columns(sort, m.c.event_id))
            .limit(limit).offset(offset).subquery())


def event_page(conn: sa.Connection, f: EventFilters, *, sort: str = "-date", limit: int = 50,
               offset: int = 0, after_id: int | None = None,
               total: bool = True) -> EventPage:
    """Mentions matching ``f`` with their identity's day and article; sorted, paged."""
    t, e, a, s, m = event_identities, events, articles, sources, event_mentions
    page = _page_ids(f, sort, limit, offset, after_id)
    desc = SORTS.get(sort, ("id", False))[1]
    order = [c.desc() if desc else c.asc() for c in (page.c.k, page.c.iid, page.c.eid)]
    q = (
        sa.select(*(e.c[n] for n in EVENT_FIELDS), e.c.record, e.c.rules,
                  e.c.sentence_start, m.c.identity_id, m.c.near_dup, t.c.day,
                  t.c.num_mentions, a.c.url, a.c.title, s.c.name.label("source_name"))
        .select_from(page.join(e, e.c.id == page.c.eid).join(m, m.c.event_id == e.c.id)
                     .join(t, t.c.id == m.c.identity_id)
                     .outerjoin(a, a.c.id == e.c.article_id)
                     .outerjoin(s, s.c.id == a.c.source_id))
        .order_by(*order)
    )
    rows = [_event_row(dict(r)) for r in conn.execute(q).mappings()]
    if not total:
        return EventPage(total=-1, items=rows)
    cap = count_cap(f)
    n = count_events(conn, f, cap)
    return EventPage(total=min(n, cap), items=rows, capped=n > cap)


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(
            isinstance(v, int) for v in value) and value[0] <= value[1]:
        return int(value[0]), int(value[1])
    return None


def highlights(sentence: str | None, record: Mapping[str, Any],
               sentence_start: int | None) -> list[dict[str, Any]]:
    """Source, target and trigger as [start, end) offsets into the evidence sentence, from
    the stored spans (article offsets); by text search where a span is missing."""
    if not sentence:
        return []
    base = sentence_start if sentence_start is not None else (
        (_span(record.get("sentence_span")) or (0, 0))[0])
    out = []
    for role in ("source", "target", "trigger"):
        text = record.get(role if role == "trigger" else f"{role}_text")
        span = _span(record.get(f"{role}_span"))
        start = end = -1
        if span and 0 <= span[0] - base and span[1] - base <= len(sentence):
            start, end = span[0] - base, span[1] - base
        elif text:
            start = sentence.lower().find(str(text).lower())
            end = start + len(str(text)) if start >= 0 else -1
        if start >= 0 and end > start:
            out.append({"role": role, "start": start, "end": end})
    return out


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    record = json.loads(row.pop("record") or "{}")
    rules = row.pop("rules")
    row["rules"] = json.loads(rules) if rules else []
    row["highlights"] = highlights(row.get("sentence"), record, row.pop("sentence_start"))
    row["source_span"] = _span(record.get("source_span"))
    row["target_span"] = _span(record.get("target_span"))
    row["trigger_span"] = _span(record.get("trigger_span"))
    row["sentence_span"] = _span(record.get("sentence_span"))
    row["date_rule"] = (record.get("date") or {}).get("rule")
    row["geo_rule"] = (record.get("location") or {}).get("rule")
    return row


# --------------------------------------------------------------------------- articles


def _article_conds(search: str | None, source: str | None, since: dt.date | None,
                   until: dt.date | None, origin: str | None = None
                   ) -> list[sa.ColumnElement[bool]]:
    a, s = articles, sources
    conds: list[sa.ColumnElement[bool]] = []
    if origin:
        conds.append(contains(a.c.origin, origin))
    if search:
        conds.append(sa.or_(contains(a.c.title, search), contains(a.c.text, search)))
    if source:
        conds.append(s.c.name == source)
    if since:
        conds.append(a.c.date >= since)
    if until:
        conds.append(a.c.date <= until)
    return conds


def article_page(conn: sa.Connection, *, search: str | None = None, source: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None,
                 origin: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Articles newest first, with their source name and number of events."""
    a, s, e = articles, sources, events
    n_events = (sa.select(sa.func.count()).where(e.c.article_id == a.c.id)
                .scalar_subquery().label("events"))
    q = (
        sa.select(*(a.c[n] for n in ARTICLE_FIELDS), s.c.name.label("source"), n_events)
        .select_from(a.outerjoin(s, s.c.id == a.c.source_id))
        .where(*_article_conds(search, source, since, until, origin))
        .order_by(a.c.date.desc().nulls_last(), a.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def article_detail(conn: sa.Connection, article_id: str) -> dict[str, Any]:
    """One article (text and metadata) with every event coded in it and their spans."""
    a, s = articles, sources
    row = conn.execute(
        sa.select(*(a.c[n] for n in ARTICLE_FIELDS), a.c.text, s.c.name.label("source"))
        .select_from(a.outerjoin(s, s.c.id == a.c.source_id))
        .where(a.c.id == article_id)
    ).mappings().one_or_none()
    if row is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    out = dict(row)
    e = events
    q = (sa.select(*(e.c[n] for n in EVENT_FIELDS), e.c.record, e.c.rules, e.c.sentence_start)
         .where(e.c.article_id == article_id).order_by(e.c.sentence_index, e.c.id))
    out["events"] = [_event_row(dict(r)) for r in conn.execute(q).mappings()]
    return out


# --------------------------------------------------------------------------- windows


def data_range(conn: sa.Connection) -> tuple[dt.date | None, dt.date | None]:
    """First and last day with a counting event."""
    v = analysis_volume
    lo, hi = conn.execute(sa.select(sa.func.min(v.c.day), sa.func.max(v.c.day))).one()
    return lo, hi


def volume_days(conn: sa.Connection) -> list[tuple[dt.date, int]]:
    """(day, counting events) of every day with events, in order."""
    v = analysis_volume
    return [(r[0], int(r[1])) for r in conn.execute(
        sa.select(v.c.day, v.c.events).where(v.c.day.is_not(None)).order_by(v.c.day))]


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class DyadWindowRow:
    """Counting events of one directed dyad and quad class in the window or the one before."""

    current: bool
    source: str
    target: str
    quad: int
    events: int


def window_rows(conn: sa.Connection, since: dt.date, until: dt.date) -> list[DyadWindowRow]:
    """Events per (window, source root, target root, quad class) for [since, until] and the
    window of the same number of weeks before it, from ``ix_identities_week_scan``."""
    t = event_identities
    lo, hi = _monday(since), _monday(until)
    span = (hi - lo) + dt.timedelta(weeks=1)
    prev_lo = lo - span
    current = (t.c.week >= lo).label("current")
    keys = [current, t.c.source_root, t.c.target_root, t.c.quad_class]
    q = (
        sa.select(*keys, sa.func.count())
        .where(counting(), t.c.week >= prev_lo, t.c.week <= hi, t.c.quad_class.is_not(None),
               t.c.source_root.is_not(None), t.c.target_root.is_not(None))
        .group_by(*keys)
    )
    return [DyadWindowRow(bool(r[0]), r[1], r[2], int(r[3]), int(r[4]))
            for r in conn.execute(q)]


def data_version(conn: sa.Connection) -> tuple[Any, ...]:
    """A cheap token that changes whenever the identities change (cache keys)."""
    t, v, al = event_identities, analysis_volume, alerts_table
    top = conn.execute(sa.select(sa.func.max(t.c.id))).scalar()
    volume = conn.execute(sa.select(sa.func.count(), sa.func.sum(v.c.events))).one()
    stored = conn.execute(sa.select(sa.func.count(), sa.func.max(al.c.id),
                                    sa.func.max(al.c.created_at))).one()
    return (top, int(volume[0] or 0), int(volume[1] or 0), int(stored[0]), stored[1],
            str(stored[2]))


def weekly_pair_rows(conn: sa.Connection) -> list[tuple[Any, ...]]:
    """(week, source root, target root, quad class, events) of every counting event, by
    week (one pass over ``ix_identities_week_scan``: the same read as the alert scan)."""
    t = event_identities
    keys = [t.c.week, t.c.source_root, t.c.target_root, t.c.quad_class]
    q = (
        sa.select(*keys, sa.func.count())
        .where(counting(), t.c.week.is_not(None), t.c.quad_class.is_not(None),
               t.c.source_root.is_not(None), t.c.target_root.is_not(None))
        .group_by(*keys)
        .order_by(t.c.week)
    )
    return [tuple(r) for r in conn.execute(q)]


@dataclass(frozen=True)
class PartnerRow:
    """Counting events between an actor and one partner (either direction) in a window."""

    partner: str
    events: int
    conflict: int
    cooperation: int
    goldstein_sum: float


def partner_rows(conn: sa.Connection, actor: str, since: dt.date | None,
                 until: dt.date | None) -> list[PartnerRow]:
    """The actor's partners by volume (from the dyad covering indexes, both directions)."""
    t = event_identities
    actor = actor.upper()[:3]
    merged: dict[str, list[float]] = {}
    for mine, other in (("source_root", "target_root"), ("target_root", "source_root")):
        conds = [counting(), t.c[mine] == actor, t.c[other].is_not(None), t.c[other] != actor]
        if since:
            conds.append(t.c.day >= since)
        if until:
            conds.append(t.c.day <= until)
        conflict = sa.func.sum(sa.case((t.c.quad_class.in_(CONFLICT), 1), else_=0))
        coop = sa.func.sum(sa.case((t.c.quad_class.in_(COOPERATION), 1), else_=0))
        q = (sa.select(t.c[other], sa.func.count(), conflict, coop,
                       sa.func.coalesce(sa.func.sum(t.c.goldstein), 0.0))
             .where(*conds).group_by(t.c[other]))
        for r in conn.execute(q):
            acc = merged.setdefault(r[0], [0, 0, 0, 0.0])
            for i in range(4):
                acc[i] += float(r[i + 1] or 0)
    rows = [PartnerRow(k, int(v[0]), int(v[1]), int(v[2]), float(v[3]))
            for k, v in merged.items()]
    return sorted(rows, key=lambda r: (-r.events, r.partner))


def top_events(conn: sa.Connection, actor: str, since: dt.date | None, until: dt.date | None,
               limit: int = 10) -> list[dict[str, Any]]:
    """The actor's heaviest events of the window: |Goldstein| x mentions."""
    t, e, a, s = event_identities, events, articles, sources
    weight = sa.func.abs(sa.func.coalesce(t.c.goldstein, 0.0)) * t.c.num_mentions
    conds = [counting(), _pair(actor, None)]
    if since:
        conds.append(t.c.day >= since)
    if until:
        conds.append(t.c.day <= until)
    heaviest = (sa.select(t.c.id.label("iid"), weight.label("w")).where(*conds)
                .order_by(weight.desc(), t.c.id).limit(limit).subquery())  # identities only
    q = (
        sa.select(t.c.id.label("identity_id"), e.c.id, t.c.day, t.c.source_code, t.c.target_code,
                  t.c.code, e.c.name, t.c.quad_class, t.c.goldstein, t.c.num_mentions,
                  e.c.sentence, e.c.article_id, a.c.url, a.c.title,
                  s.c.name.label("source_name"))
        .select_from(heaviest.join(t, t.c.id == heaviest.c.iid)
                     .join(e, e.c.id == t.c.event_id).outerjoin(a, a.c.id == e.c.article_id)
                     .outerjoin(s, s.c.id == a.c.source_id))
        .order_by(heaviest.c.w.desc(), t.c.id)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def has_actor(conn: sa.Connection, code: str) -> bool:
    """Whether any event has ``code`` (root or prefix) as source or target."""
    t = event_identities
    q = sa.select(t.c.id).where(_pair(code, None)).limit(1)
    return conn.execute(q).first() is not None


__all__: Sequence[str] = (
    "DyadWindowRow", "EventPage", "PartnerRow", "article_detail", "article_page", "count_cap",
    "count_events", "data_range", "data_version", "escape_like", "event_page", "has_actor",
    "highlights", "partner_rows", "top_events", "volume_days", "weekly_pair_rows",
    "window_rows",
)
