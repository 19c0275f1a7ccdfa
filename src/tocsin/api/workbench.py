"""Aggregates behind the dashboard's overview and actor views (pure Python over store rows).

A *window* is the shared date range of the dashboard (default: the last 12 weeks of data).
Each aggregate compares it with the window of the same length just before it:

- **movers**: dyads (undirected, country roots) ranked by the change of their net conflict,
  ``(conflict - cooperation)`` event counts, from the previous window to this one;
- **map**: per country (as source or target), the conflict share
  ``(conflict - cooperation) / (conflict + cooperation)`` in each window and its change,
  keyed by ISO 3166-1 numeric code as the world-atlas shapes are.

``movers``/``country_map`` compute them from rows (the reference, tested);
``cube_movers``/``cube_map`` from the in-memory weekly cube, vectorised (what the routes use).
Both windows are aligned to ISO weeks.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pycountry

from tocsin.errors import InputError
from tocsin.store import dashboard as q

DEFAULT_WEEKS = 12
RECENT_SHARE = 0.99  # the default window ends near the day by which 99% of events happened
RECENT_SLACK_DAYS = 30
MAP_MIN_EVENTS = 5  # a country's change is shown when both windows have this many events
MAX_WINDOW_DAYS = 3660
FIRST_DAY, LAST_DAY = dt.date(1800, 1, 1), dt.date(2200, 12, 31)  # a window and the one before


@dataclass(frozen=True)
class Window:
    """An inclusive date range and the equally long one before it."""

    since: dt.date
    until: dt.date

    @property
    def previous(self) -> tuple[dt.date, dt.date]:
        days = (self.until - self.since).days + 1
        return self.since - dt.timedelta(days=days), self.since - dt.timedelta(days=1)

    def to_record(self) -> dict[str, Any]:
        prev = self.previous
        return {"since": self.since.isoformat(), "until": self.until.isoformat(),
                "previous_since": prev[0].isoformat(), "previous_until": prev[1].isoformat()}


def window(conn: Any, since: dt.date | None, until: dt.date | None) -> Window:
    """The window asked for, filled from the data's range where open."""
    for day in (since, until):
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise InputError(f"date {day} out of range ({FIRST_DAY} to {LAST_DAY})")
    if since and until and since > until:
        raise InputError(f"since {since} is after until {until}")
    lo, _hi = q.data_range(conn)
    end = until or recent_end(q.volume_days(conn)) or dt.date.today()
    start = since or max(end - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1),
                         lo or end)
    if start > end:
        start = end
    if (end - start).days > MAX_WINDOW_DAYS:
        raise InputError(f"window longer than {MAX_WINDOW_DAYS} days")
    return Window(start, end)


def recent_end(days: list[tuple[dt.date, int]], share: float = RECENT_SHARE,
               slack: int = RECENT_SLACK_DAYS) -> dt.date | None:
    """The default window's end: the last day with events at most ``slack`` days after the
    day by which ``share`` of all events happened, so that a few events dated far in the
    future (a misread "next year") do not leave the default window empty."""
    total = sum(n for _, n in days)
    seen, mark = 0, None
    for day, n in days:
        seen += n
        if seen >= share * total:
            mark = day
            break
    if mark is None:
        return None
    limit = mark + dt.timedelta(days=slack)
    return max(day for day, _ in days if day <= limit)


@lru_cache(maxsize=512)
def iso_numeric(code: str) -> str | None:
    """ISO 3166-1 numeric code ("356") of a CAMEO/ISO alpha-3 country code ("IND")."""
    country = pycountry.countries.get(alpha_3=code)
    return country.numeric if country else None


def _net(counts: dict[str, int]) -> int:
    return counts["conflict"] - counts["cooperation"]


def _blank() -> dict[str, int]:
    return {"conflict": 0, "cooperation": 0}


def _side(quad: int) -> str:
    return "conflict" if quad in q.CONFLICT else "cooperation"


def movers(rows: list[q.DyadWindowRow], *, min_events: int = 3,
           top: int = 10) -> dict[str, list[dict[str, Any]]]:
    """The dyads moving most toward conflict and toward cooperation."""
    acc: dict[tuple[str, str], dict[bool, dict[str, int]]] = defaultdict(
        lambda: {True: _blank(), False: _blank()})
    for r in rows:
        if r.source == r.target:
            continue
        key = tuple(sorted((r.source, r.target)))
        acc[key][r.current][_side(r.quad)] += r.events  # type: ignore[index]
    out: list[dict[str, Any]] = []
    for (a, b), w in acc.items():
        now, before = w[True], w[False]
        if sum(now.values()) + sum(before.values()) < min_events:
            continue
        out.append({"a": a, "b": b, "change": _net(now) - _net(before),
                    "conflict": now["conflict"], "cooperation": now["cooperation"],
                    "previous_conflict": before["conflict"],
                    "previous_cooperation": before["cooperation"]})
    conflict = sorted((m for m in out if m["change"] > 0),
                      key=lambda m: (-m["change"], m["a"], m["b"]))
    coop = sorted((m for m in out if m["change"] < 0), key=lambda m: (m["change"], m["a"], m["b"]))
    return {"conflict": conflict[:top], "cooperation": coop[:top]}


def _share(counts: dict[str, int]) -> float | None:
    total = counts["conflict"] + counts["cooperation"]
    return (counts["conflict"] - counts["cooperation"]) / total if total else None


def _change(share: float | None, prev: float | None, now_n: int, prev_n: int,
            min_events: int) -> float | None:
    """The change of conflict share, only when both windows have ``min_events``."""
    if share is None or prev is None or min(now_n, prev_n) < min_events:
        return None
    return round(share - prev, 4)


def country_map(rows: list[q.DyadWindowRow], *, min_events: int = MAP_MIN_EVENTS
                ) -> list[dict[str, Any]]:
    """Per country with events: conflict share in both windows and its change (when both
    windows have ``min_events``: a share of three events is no trend)."""
    acc: dict[str, dict[bool, dict[str, int]]] = defaultdict(
        lambda: {True: _blank(), False: _blank()})
    for r in rows:
        for code in {r.source, r.target}:
            acc[code][r.current][_side(r.quad)] += r.events
    out = []
    for code, w in acc.items():
        numeric = iso_numeric(code)
        now, before = w[True], w[False]
        if numeric is None or not sum(now.values()):
            continue
        share, prev = _share(now), _share(before)
        change = _change(share, prev, sum(now.values()), sum(before.values()), min_events)
        out.append({"code": code, "iso_n3": numeric, "events": sum(now.values()),
                    "conflict": now["conflict"], "cooperation": now["cooperation"],
                    "share": None if share is None else round(share, 4),
                    "previous_share": None if prev is None else round(prev, 4),
                    "change": change})
    return sorted(out, key=lambda c: (-c["events"], c["code"]))


# ------------------------------------------------------------------ the same, on the cube


def _totals(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Sum the [conflict, cooperation] rows of ``values`` by ``index`` (-1: left out)."""
    keep = index >= 0
    return np.stack([np.bincount(index[keep], weights=values[keep, k], minlength=size)
                     for k in (0, 1)], axis=1)


def cube_movers(cube: Any, since: dt.date, until: dt.date, *, min_events: int = 3,
                top: int = 10) -> dict[str, list[dict[str, Any]]]:
    """:func:`movers` from a :class:`tocsin.api.cache.WeeklyCube` (vectorised)."""
    now, before = (_totals(cube.dyad_of, w, len(cube.dyads)) for w in cube.sums(since, until))
    change = (now[:, 0] - now[:, 1]) - (before[:, 0] - before[:, 1])
    busy = now.sum(axis=1) + before.sum(axis=1) >= min_events

    def pick(mask: np.ndarray, sign: int) -> list[dict[str, Any]]:
        idx = np.flatnonzero(mask & busy)
        order = sorted(idx, key=lambda i: (-sign * change[i], cube.dyads[i]))[:top]
        return [{"a": cube.dyads[i][0], "b": cube.dyads[i][1], "change": int(change[i]),
                 "conflict": int(now[i, 0]), "cooperation": int(now[i, 1]),
                 "previous_conflict": int(before[i, 0]),
                 "previous_cooperation": int(before[i, 1])} for i in order]

    return {"conflict": pick(change > 0, 1), "cooperation": pick(change < 0, -1)}


def cube_map(cube: Any, since: dt.date, until: dt.date, *,
             min_events: int = MAP_MIN_EVENTS) -> list[dict[str, Any]]:
    """:func:`country_map` from a :class:`tocsin.api.cache.WeeklyCube` (vectorised)."""
    n = len(cube.root_codes)
    foreign = np.where(cube.src_of != cube.tgt_of, cube.tgt_of, -1)  # domestic: once
    now, before = (_totals(cube.src_of, w, n) + _totals(foreign, w, n)
                   for w in cube.sums(since, until))
    out = []
    for i in np.flatnonzero(now.sum(axis=1) >= 1):
        code = cube.root_codes[i]
        numeric = iso_numeric(code)
        if numeric is None:
            continue
        cur = {"conflict": int(now[i, 0]), "cooperation": int(now[i, 1])}
        prev = {"conflict": int(before[i, 0]), "cooperation": int(before[i, 1])}
        share, prev_share = _share(cur), _share(prev)
        change = _change(share, prev_share, sum(cur.values()), sum(prev.values()), min_events)
        out.append({"code": code, "iso_n3": numeric, "events": sum(cur.values()), **cur,
                    "share": None if share is None else round(share, 4),
                    "previous_share": None if prev_share is None else round(prev_share, 4),
                    "change": change})
    return sorted(out, key=lambda c: (-c["events"], c["code"]))
