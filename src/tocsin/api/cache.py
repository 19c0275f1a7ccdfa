"""What the workbench's aggregate routes keep in memory, per version of the data.

- ``WeeklyCube``: counting events per (week, source root, target root, quad class) as
  numpy arrays sorted by week, read in one pass (the alert scan's read); any window's
  movers and map rows are then a ``searchsorted`` slice and a ``bincount``, whatever the
  window, instead of a GROUP BY over every identity of the window.
- ``Aggregates.cached``: the answers of the other aggregate routes (triads, alert lists)
  for the same parameters.

Both are dropped when ``dashboard.data_version`` changes (new or re-coded events, new
alerts), checked on every request (two index lookups); the first request after a change
rebuilds what it needs.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np

from tocsin.store import dashboard as q

CHECK_SECONDS = 0.0  # > 0: check the version at most this often
MAX_ANSWERS = 256


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class WeeklyCube:
    """Weekly dyad counts by quad class, sliceable by window."""

    def __init__(self, rows: Sequence[tuple[Any, ...]]) -> None:
        pairs: dict[tuple[str, str], int] = {}
        self.week = np.fromiter((r[0].toordinal() for r in rows), dtype=np.int64, count=len(rows))
        self.pair = np.fromiter((pairs.setdefault((r[1], r[2]), len(pairs)) for r in rows),
                                dtype=np.int64, count=len(rows))
        self.quad = np.fromiter((int(r[3]) for r in rows), dtype=np.int64, count=len(rows))
        self.count = np.fromiter((int(r[4]) for r in rows), dtype=np.float64, count=len(rows))
        self.pairs = list(pairs)
        conflict = np.isin(self.quad, q.CONFLICT)
        self._weights = (self.count * conflict, self.count * np.isin(self.quad, q.COOPERATION))
        self._indexes()

    def _indexes(self) -> None:
        """Per pair: its undirected dyad and its two countries (as indexes)."""
        dyads: dict[tuple[str, str], int] = {}
        roots: dict[str, int] = {}
        self.dyad_of = np.array([-1 if s == t else dyads.setdefault((min(s, t), max(s, t)),
                                                                    len(dyads))
                                 for s, t in self.pairs], dtype=np.int64)
        self.src_of = np.array([roots.setdefault(s, len(roots)) for s, _ in self.pairs],
                               dtype=np.int64)
        self.tgt_of = np.array([roots.setdefault(t, len(roots)) for _, t in self.pairs],
                               dtype=np.int64)
        self.dyads, self.root_codes = list(dyads), list(roots)

    def sums(self, since: dt.date, until: dt.date) -> tuple[np.ndarray, np.ndarray]:
        """(this window, the one before): per pair, [conflict, cooperation] events."""
        lo, hi = _monday(since), _monday(until) + dt.timedelta(weeks=1)
        bounds = np.searchsorted(self.week, [(lo - (hi - lo)).toordinal(), lo.toordinal(),
                                             hi.toordinal()], side="left")
        out = []
        for i, j in ((bounds[1], bounds[2]), (bounds[0], bounds[1])):
            cols = [np.bincount(self.pair[i:j], weights=w[i:j], minlength=len(self.pairs))
                    for w in self._weights]
            out.append(np.stack(cols, axis=1))
        return out[0], out[1]

    def _segment(self, lo: dt.date, hi: dt.date, current: bool) -> list[q.DyadWindowRow]:
        i, j = np.searchsorted(self.week, [lo.toordinal(), hi.toordinal()], side="left")
        key = self.pair[i:j] * 5 + self.quad[i:j]
        sums = np.bincount(key, weights=self.count[i:j], minlength=len(self.pairs) * 5)
        out = []
        for k in np.flatnonzero(sums):
            src, tgt = self.pairs[k // 5]
            out.append(q.DyadWindowRow(current, src, tgt, int(k % 5), int(sums[k])))
        return out

    def roots(self) -> dict[str, int]:
        """Counting events per actor root, as source or target (the type-ahead's order)."""
        per_pair = np.bincount(self.pair, weights=self.count, minlength=len(self.pairs))
        out: dict[str, int] = {}
        for (src, tgt), n in zip(self.pairs, per_pair, strict=True):
            for code in {src, tgt}:
                out[code] = out.get(code, 0) + int(n)
        return out

    def window_rows(self, since: dt.date, until: dt.date) -> list[q.DyadWindowRow]:
        """The rows ``dashboard.window_rows`` gives for [since, until] (weeks)."""
        lo, hi = _monday(since), _monday(until) + dt.timedelta(weeks=1)
        prev_lo = lo - (hi - lo)
        return self._segment(prev_lo, lo, False) + self._segment(lo, hi, True)


class Aggregates:
    """The cube and the cached answers of one store."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._checked = 0.0
        self._cube: WeeklyCube | None = None
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()

    def _current(self) -> None:
        """Drop everything when the data changed (checked every CHECK_SECONDS)."""
        now = time.monotonic()
        if now - self._checked < CHECK_SECONDS and self._version is not None:
            return
        with self._engine.connect() as conn:
            version = q.data_version(conn)
        self._checked = now
        if version != self._version:
            self._version, self._cube = version, None
            self._answers.clear()

    def cube(self) -> WeeklyCube:
        with self._lock:
            self._current()
            if self._cube is None:
                with self._engine.connect() as conn:
                    self._cube = WeeklyCube(q.weekly_pair_rows(conn))
            return self._cube

    def cached(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``'s answer for ``key``, computed once per version of the data."""
        with self._lock:
            self._current()
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        value = compute()
        with self._lock:
            self._answers[key] = value
            while len(self._answers) > MAX_ANSWERS:
                self._answers.popitem(last=False)
        return value
