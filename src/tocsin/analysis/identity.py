"""Event identity (GDELT-style): which stored mentions are one event. Pure functions.

Mentions of the same day, source actor, target actor, CAMEO code and countability are
one event (day: the event date when precise to the day, else the article date); a generic
coding of the same day and dyad ("190", "19") folds into the specific one of the same root
("193"). ``num_mentions`` counts every mention; ``num_articles``/``num_sources`` count only
mentions from articles that are not near-duplicates, and an event seen only in
near-duplicate articles never counts in series or alerts.

An identity's id is the smallest id of its mentions: a mention belongs to exactly one
identity, so ids are unique, and rebuilding the identities of a few days gives the same
ids as rebuilding everything. The store persists what :func:`build_identities` returns.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tocsin.models import EventIdentity, EventMention

IDENTITY_RULES = 6  # bump when the rules (or the report weights) change: all is rebuilt


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


def event_day(m: EventMention) -> dt.date | None:
    """The day an event is counted on in time series.

    - its event date when known to the day;
    - the article date when the event date is coarser (week, month, year) and the article
      falls in or before that period ("in 2026" in a 2026 story);
    - None when a coarse event date lies wholly before the article's own period: a story
      recalling "in 2017 ..." is background and must not make 2017 look busier. Such events
      stay searchable; they stay out of the series.
    """
    if m.event_date and m.event_date_precision in (None, "day"):
        return m.event_date
    if m.event_date and m.article_date and _period_end(
            m.event_date, m.event_date_precision) < m.article_date:
        return None
    return m.article_date or m.event_date


@dataclass
class _Group:
    """Mentions sharing one exact identity key (mutable while building)."""

    key: tuple[dt.date | None, str, str, str, bool]
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.key[3]


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


def _groups(mentions: Iterable[EventMention]) -> list[_Group]:
    exact: dict[tuple[dt.date | None, str, str, str, bool], _Group] = {}
    for m in mentions:
        key = (event_day(m), m.source_code or "", m.target_code or "", m.code, bool(m.counts))
        exact.setdefault(key, _Group(key)).mentions.append(m)
    buckets: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for key, g in exact.items():
        buckets[(key[0], key[1], key[2], key[3][:2], key[4])].append(g)
    merged: list[_Group] = []
    for groups in buckets.values():
        merged.extend(merge_near_identical(groups))
    return merged


def _identity(g: _Group) -> EventIdentity:
    fresh = [m for m in g.mentions if not m.near_dup]
    pool = [m for m in (fresh or g.mentions) if m.code == g.code] or fresh or g.mentions
    rep = min(pool, key=lambda m: m.id)
    ids = sorted(m.id for m in g.mentions)
    return EventIdentity(
        id=ids[0], day=g.key[0], code=rep.code, root_code=rep.root_code or rep.code[:2],
        counts=bool(rep.counts), dup_only=not fresh, num_mentions=len(g.mentions),
        num_sources=len({m.source_id for m in fresh}),
        num_articles=len({m.article_id for m in fresh}), event_id=rep.id,
        mention_ids=tuple(ids), near_dup_ids=tuple(sorted(m.id for m in g.mentions if m.near_dup)),
        source_code=rep.source_code, target_code=rep.target_code, source_role=rep.source_role,
        target_role=rep.target_role, quad_class=rep.quad_class, plover_type=rep.plover_type,
        goldstein=rep.goldstein,
    )


def build_identities(mentions: Iterable[EventMention]) -> list[EventIdentity]:
    """Group mentions into events, in the order of their ids."""
    return sorted((_identity(g) for g in _groups(mentions)), key=lambda i: i.id)


def daily_volume(identities: Sequence[EventIdentity]) -> dict[dt.date, tuple[int, int]]:
    """Counting events and their mentions per day: the normaliser of every series."""
    out: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    for ident in identities:
        if ident.day and ident.counts and not ident.dup_only:
            out[ident.day][0] += 1
            out[ident.day][1] += ident.num_mentions
    return {d: (v[0], v[1]) for d, v in sorted(out.items())}
