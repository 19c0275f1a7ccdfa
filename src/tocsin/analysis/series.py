"""Dyad and actor series: counts by quad class and PLOVER type, Goldstein, normalised.

Counts are *events* (identities: a story told by many articles is one event); mentions
are reported alongside. Only events whose factuality counts (asserted or intended) and
that were seen in at least one article that is not a near-duplicate are counted.
Every measure is also given relative to the total event volume of the period, so that
swings in news volume do not look like crises.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from tocsin.analysis.common import (
    CONFLICT_QUADS,
    COOPERATION_QUADS,
    Store,
    actor_code,
    jsonable,
    parse_date,
    period,
)
from tocsin.analysis.identity import period_of

CONFLICT = CONFLICT_QUADS
COOPERATION = COOPERATION_QUADS


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a series (optionally one role pair of it)."""

    period: dt.date
    events: int = 0
    mentions: int = 0
    by_quad: dict[int, int] = field(default_factory=dict)
    by_plover: dict[str, int] = field(default_factory=dict)
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    conflict: int = 0  # quad classes 3 and 4
    cooperation: int = 0  # quad classes 1 and 2
    cc_index: float | None = None  # (cooperation - conflict) / (cooperation + conflict), in [-1, 1]
    volume: int = 0  # counting events of all actors in the period
    share: float | None = None  # events / volume
    conflict_share: float | None = None  # conflict / volume
    goldstein_per_event_of_volume: float | None = None  # goldstein_sum / volume
    source_role: str | None = None
    target_role: str | None = None

    def to_record(self) -> dict[str, Any]:
        rec = jsonable(asdict(self))
        rec["by_quad"] = {str(k): v for k, v in self.by_quad.items()}
        return rec


@dataclass(frozen=True)
class Series:
    """A dyad (``b`` set) or actor (``b`` None) series."""

    a: str
    b: str | None
    by: str
    directed: bool
    roles: bool
    points: tuple[SeriesPoint, ...]

    @property
    def subject(self) -> str:
        return f"{self.a}-{self.b}" if self.b else self.a

    @property
    def total_events(self) -> int:
        return sum(p.events for p in self.points)

    def to_record(self) -> dict[str, Any]:
        return {
            "subject": self.subject, "a": self.a, "b": self.b, "by": self.by,
            "directed": self.directed, "roles": self.roles,
            "total_events": self.total_events,
            "total_mentions": sum(p.mentions for p in self.points),
            "points": [p.to_record() for p in self.points],
        }


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _point(key: tuple[Any, ...], rows: list[dict[str, Any]], volume: int) -> SeriesPoint:
    by_quad: dict[int, int] = defaultdict(int)
    by_plover: dict[str, int] = defaultdict(int)
    events = mentions = gold_n = 0
    gold = 0.0
    for r in rows:
        n = int(r["events"])
        events += n
        mentions += int(r["mentions"] or 0)
        gold += float(r["goldstein_sum"] or 0.0)
        gold_n += int(r["goldstein_n"] or 0)
        if r["quad_class"] is not None:
            by_quad[int(r["quad_class"])] += n
        by_plover[r["plover_type"] or "NONE"] += n
    conflict = sum(by_quad.get(q, 0) for q in CONFLICT)
    coop = sum(by_quad.get(q, 0) for q in COOPERATION)
    return SeriesPoint(
        period=key[0], events=events, mentions=mentions, by_quad=dict(sorted(by_quad.items())),
        by_plover=dict(sorted(by_plover.items())), goldstein_sum=round(gold, 6),
        goldstein_mean=_ratio(gold, gold_n), conflict=conflict, cooperation=coop,
        cc_index=_ratio(coop - conflict, coop + conflict), volume=volume,
        share=_ratio(events, volume), conflict_share=_ratio(conflict, volume),
        goldstein_per_event_of_volume=_ratio(gold, volume),
        source_role=key[1] if len(key) > 1 else None,
        target_role=key[2] if len(key) > 2 else None,
    )


def _volumes(store: Store, by: str, since: dt.date | None, until: dt.date | None
             ) -> dict[dt.date, int]:
    out: dict[dt.date, int] = defaultdict(int)
    for day, n, _ in store.volume(since, until):
        out[period_of(day, by)] += n
    return out


def series(store: Store, a: str, b: str | None = None, *, by: str = "month",
           directed: bool = False, roles: bool = False, since: Any = None,
           until: Any = None, fill: bool = True) -> Series:
    """The series of a dyad (a, b) or of one actor (b None)."""
    a = actor_code(a)
    b = actor_code(b) if b else None
    by = period(by)
    since, until = parse_date(since, "since"), parse_date(until, "until")
    rows = store.series_rows(a, b, by=by, directed=directed, roles=roles,
                             since=since, until=until)
    volumes = _volumes(store, by, since, until)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        key = (r["period"], r["source_role"], r["target_role"]) if roles else (r["period"],)
        groups[key].append(r)
    if fill and not roles:
        for p in volumes:
            groups.setdefault((p,), [])
    keys = sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k))
    points = tuple(_point(k, groups[k], volumes.get(k[0], 0)) for k in keys)
    return Series(a=a, b=b, by=by, directed=directed, roles=roles, points=points)


def dyad(store: Store, a: str, b: str, **kwargs: Any) -> Series:
    """Dyad series (country level for 3-letter codes; longer codes match as prefixes)."""
    return series(store, a, b, **kwargs)


def actor(store: Store, a: str, **kwargs: Any) -> Series:
    """Series of all events involving one actor (as source or target)."""
    kwargs.pop("directed", None)
    return series(store, a, None, **kwargs)
