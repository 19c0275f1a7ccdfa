"""Alerts: significant change in dyad and actor series, with the events behind them.

Two detectors run on weekly series of every dyad (undirected, country level) and actor:

- ``baseline`` (ACLED early-warning style): a week's conflict (quad 3+4) or
  cooperation (quad 1+2) event count against the previous 4 and 52 weeks. The baseline is
  the subject's *share* of all events in those weeks times this week's total volume, so a
  busy news week does not look like a crisis. An alert needs at least ``min_events``
  events, an absolute increase of ``min_increase`` over the larger baseline and a relative
  increase of ``min_relative`` over both. Score: -log10 of the Poisson probability of at
  least the observed count given the expected one (floored at ``min_expected``); alerts need
  ``min_score`` (2.5: p < 0.003).
  Consecutive alerting weeks of one subject and direction merge into one alert.
- ``changepoint``: binary segmentation (ruptures, L2 cost) with a BIC-like penalty on the weekly conflict and cooperation
  shares; each upward shift is an alert scored by the shift in standard deviations times
  the square root of the new segment's length.

Each alert keeps the events that drove it: the identities of its period with the largest
|Goldstein| x mentions, in the alert's direction.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from ruptures.base import BaseCost
from scipy.stats import poisson

from tocsin.analysis.common import jsonable, prepared
from tocsin.errors import InputError
from tocsin.models import Alert
from tocsin.store import queries

log = logging.getLogger(__name__)

DIRECTIONS = {"conflict": queries.CONFLICT_QUADS, "cooperation": queries.COOPERATION_QUADS}
WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class AlertRules:
    """Thresholds of the detectors (overridable from settings.extra['alerts'])."""

    min_events: int = 3
    min_increase: float = 2.0
    min_relative: float = 1.0
    short_weeks: int = 4
    long_weeks: int = 52
    min_history_weeks: int = 4
    min_expected: float = 0.25  # floor of the Poisson rate (a dyad with no history)
    min_score: float = 2.5  # -log10 p-value (baseline); shift x sqrt(weeks) (change point)
    active_share: float = 0.25  # weeks below this share of the median volume bound the scan
    changepoint: bool = True
    changepoint_min_weeks: int = 12
    changepoint_min_events: int = 20
    changepoint_penalty: float = 3.0
    evidence: int = 5

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> AlertRules:
        values = dict(values or {})
        known = {f.name: f for f in fields(cls)}
        unknown = set(values) - set(known)
        if unknown:
            raise InputError(f"unknown alert rule(s): {', '.join(sorted(unknown))}")
        return cls(**{k: type(getattr(cls(), k))(v) for k, v in values.items()})


@dataclass
class _Subject:
    name: str
    kind: str  # dyad | actor
    a: str
    b: str | None
    counts: dict[str, np.ndarray]  # direction -> weekly counts


# --------------------------------------------------------------------------- weekly data

def _weeks(first: dt.date, last: dt.date) -> list[dt.date]:
    n = (last - first).days // 7 + 1
    return [first + i * WEEK for i in range(n)]


def _subjects(rows: Sequence[tuple[Any, ...]], index: Mapping[dt.date, int],
              n: int) -> list[_Subject]:
    acc: dict[tuple[str, str | None], dict[str, np.ndarray]] = {}

    def add(key: tuple[str, str | None], direction: str, w: int, k: int) -> None:
        arrays = acc.get(key)
        if arrays is None:
            arrays = acc[key] = {d: np.zeros(n) for d in DIRECTIONS}
        arrays[direction][w] += k

    quad_direction = {q: d for d, qs in DIRECTIONS.items() for q in qs}
    for week, src, tgt, quad, k in rows:
        direction = quad_direction.get(quad)
        if direction is None or week not in index:
            continue
        w = index[week]
        src, tgt = (x if x and x.isalnum() else None for x in (src, tgt))  # "---": unknown
        for actor in {src, tgt} - {None}:
            add((actor, None), direction, w, k)
        if src and tgt and src != tgt:
            add(tuple(sorted((src, tgt))), direction, w, k)  # type: ignore[arg-type]
    out = []
    for (a, b), arrays in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        name = f"{a}-{b}" if b else a
        out.append(_Subject(name, "dyad" if b else "actor", a, b, arrays))
    return out


# --------------------------------------------------------------------------- detectors

@dataclass(frozen=True)
class _Hit:
    subject: _Subject
    kind: str
    direction: str
    start: int  # week index
    end: int  # week index, inclusive
    score: float
    details: dict[str, Any]


def _rolling(x: np.ndarray, weeks: int) -> np.ndarray:
    """Sum of the ``weeks`` values before each index (fewer at the start)."""
    c = np.concatenate(([0.0], np.cumsum(x)))
    idx = np.arange(len(x))
    return c[idx] - c[np.maximum(idx - weeks, 0)]


def _expected(x: np.ndarray, vol: np.ndarray, weeks: int) -> np.ndarray:
    """This week's volume times the subject's share of the volume of the previous weeks."""
    xs, vs = _rolling(x, weeks), _rolling(vol, weeks)
    share = np.divide(xs, vs, out=np.zeros_like(xs), where=vs > 0)
    return share * vol


def baseline_hits(subject: _Subject, vol: np.ndarray, rules: AlertRules) -> list[_Hit]:
    """Weeks where the subject's count jumps against both baselines (merged into runs)."""
    hits: list[_Hit] = []
    for direction, x in subject.counts.items():
        e4, e52 = _expected(x, vol, rules.short_weeks), _expected(x, vol, rules.long_weeks)
        expected = np.maximum(e4, e52)
        rel4 = (x - e4) / np.maximum(e4, 1.0)
        rel52 = (x - e52) / np.maximum(e52, 1.0)
        lam = np.maximum(expected, rules.min_expected)
        scores = -poisson.logsf(x - 1, lam) / math.log(10)  # -log10 P(X >= x)
        ok = ((x >= rules.min_events) & (x - expected >= rules.min_increase)
              & (np.minimum(rel4, rel52) >= rules.min_relative) & (scores >= rules.min_score))
        ok[: rules.min_history_weeks] = False
        run: list[tuple[int, float, dict[str, Any]]] = []
        for w in np.nonzero(ok)[0]:
            w = int(w)
            score = float(scores[w])
            details = {
                "observed": float(x[w]), "expected_4w": round(float(e4[w]), 3),
                "expected_52w": round(float(e52[w]), 3),
                "relative_4w": round(float(rel4[w]), 3), "relative_52w": round(float(rel52[w]), 3),
                "volume": float(vol[w]),
            }
            if run and run[-1][0] != w - 1:
                hits.append(_merge_run(subject, direction, run))
                run = []
            run.append((w, score, details))
        if run:
            hits.append(_merge_run(subject, direction, run))
    return hits


def _merge_run(subject: _Subject, direction: str,
               run: list[tuple[int, float, dict[str, Any]]]) -> _Hit:
    best = max(run, key=lambda r: r[1])
    details = dict(best[2], weeks=len(run), observed_total=sum(r[2]["observed"] for r in run))
    return _Hit(subject, "baseline", direction, run[0][0], run[-1][0], round(best[1], 4), details)


class CumsumL2(BaseCost):
    """The L2 segment cost of ruptures' ``CostL2``, in O(1) per segment (cumulative sums)."""

    model = "l2-cumsum"
    min_size = 2

    def fit(self, signal: np.ndarray) -> CumsumL2:
        self.signal = np.asarray(signal, dtype=float).reshape(len(signal), -1)
        x = self.signal[:, 0]
        self.s1 = np.concatenate(([0.0], np.cumsum(x))).tolist()
        self.s2 = np.concatenate(([0.0], np.cumsum(x * x))).tolist()
        return self

    def error(self, start: int, end: int) -> float:
        n = end - start
        total = self.s1[end] - self.s1[start]
        return (self.s2[end] - self.s2[start]) - total * total / n


def changepoint_hits(subject: _Subject, vol: np.ndarray, rules: AlertRules) -> list[_Hit]:
    """Upward shifts of the weekly conflict/cooperation share (ruptures Binseg, L2 cost)."""
    import ruptures

    hits: list[_Hit] = []
    active = np.nonzero(vol)[0]
    if len(active) < rules.changepoint_min_weeks:
        return hits
    for direction, x in subject.counts.items():
        if x.sum() < rules.changepoint_min_events:
            continue
        signal = np.divide(x, vol, out=np.zeros_like(x), where=vol > 0)
        sd = float(signal.std())
        if sd == 0.0:
            continue
        pen = rules.changepoint_penalty * sd * sd * math.log(len(signal))
        algo = ruptures.Binseg(custom_cost=CumsumL2(), min_size=2, jump=1)
        bkps = algo.fit(signal).predict(pen=pen)
        bounds = [0, *bkps]
        for i in range(1, len(bounds) - 1):
            before = signal[bounds[i - 1]:bounds[i]]
            after = signal[bounds[i]:bounds[i + 1]]
            shift = float(after.mean() - before.mean())
            if shift <= 0 or x[bounds[i]:bounds[i + 1]].sum() < rules.min_events:
                continue
            score = shift / sd * math.sqrt(len(after))
            if score < rules.min_score:
                continue
            details = {
                "share_before": round(float(before.mean()), 5),
                "share_after": round(float(after.mean()), 5),
                "weeks_before": len(before), "weeks_after": len(after),
                "events_after": float(x[bounds[i]:bounds[i + 1]].sum()),
            }
            hits.append(_Hit(subject, "changepoint", direction, bounds[i],
                             bounds[i + 1] - 1, round(score, 4), details))
    return hits


# --------------------------------------------------------------------------- scan

def active_weeks(volume: Sequence[tuple[dt.date, int, int]], share: float,
                 run: int = 4) -> tuple[list[dt.date], np.ndarray]:
    """The weeks from the first to the last run of ``run`` consecutive weeks whose volume
    reaches ``share`` of the median weekly volume, with their volumes. Events dated long
    before or after the corpus (a text recalling "the 2019 war") would otherwise add
    sparse weeks to the start or end of every series."""
    per_week: dict[dt.date, int] = defaultdict(int)
    for day, n, _ in volume:
        per_week[queries.week_start(day)] += n
    every = _weeks(min(per_week), max(per_week))
    vol = np.array([float(per_week.get(w, 0)) for w in every])
    floor = share * float(np.median(vol[vol > 0]))
    busy = vol >= floor
    k = min(run, len(every))
    starts = [i for i in range(len(every) - k + 1) if busy[i:i + k].all()]
    if not starts:
        return [], np.zeros(0)
    lo, hi = starts[0], starts[-1] + k
    return every[lo:hi], vol[lo:hi]


def scan(store: Any, rules: AlertRules | None = None) -> list[Alert]:
    """Run both detectors on every dyad and actor; alerts with evidence, best first."""
    rules = rules or AlertRules()
    engine = prepared(store)
    with engine.connect() as conn:
        rows = queries.weekly_dyad_rows(conn)
        volume = queries.volume_rows(conn)
        if not rows or not volume:
            return []
        weeks, vol = active_weeks(volume, rules.active_share)
        if not weeks:
            return []
        index = {w: i for i, w in enumerate(weeks)}
        hits: list[_Hit] = []
        for subject in _subjects(rows, index, len(weeks)):
            hits.extend(baseline_hits(subject, vol, rules))
            if rules.changepoint:
                hits.extend(changepoint_hits(subject, vol, rules))
        hits.sort(key=lambda h: (-h.score, h.subject.name, h.start))
        return [_to_alert(conn, h, weeks, rules) for h in hits]


def _to_alert(conn: Any, hit: _Hit, weeks: list[dt.date], rules: AlertRules) -> Alert:
    start = weeks[hit.start]
    end = weeks[hit.end] + dt.timedelta(days=6)
    ev_end = min(end, weeks[hit.start] + 4 * WEEK - dt.timedelta(days=1))
    contrib = queries.top_contributors(conn, hit.subject.a, hit.subject.b, start, ev_end,
                                       DIRECTIONS[hit.direction], rules.evidence)
    details = dict(hit.details, subject_type=hit.subject.kind)
    return Alert(kind=hit.kind, subject=hit.subject.name, period_start=start, period_end=end,
                 direction=hit.direction, score=hit.score, details=details,
                 evidence=tuple(int(c["event_id"]) for c in contrib))


# --------------------------------------------------------------------------- storage

def _alert_row(alert: Alert, now: dt.datetime) -> dict[str, Any]:
    return {
        "kind": alert.kind, "subject": alert.subject,
        "subject_type": alert.details.get("subject_type", "dyad" if "-" in alert.subject else "actor"),
        "period_start": alert.period_start, "period_end": alert.period_end,
        "direction": alert.direction, "score": alert.score,
        "details": json.dumps(jsonable(alert.details), sort_keys=True),
        "evidence": json.dumps(list(alert.evidence)), "created_at": now,
    }


def _from_row(row: Mapping[str, Any]) -> Alert:
    return Alert(kind=row["kind"], subject=row["subject"], period_start=row["period_start"],
                 period_end=row["period_end"], direction=row["direction"],
                 score=float(row["score"]), details=json.loads(row["details"]),
                 evidence=tuple(json.loads(row["evidence"])), id=int(row["id"]))


def recompute_alerts(store: Any, rules: AlertRules | None = None) -> int:
    """Recompute all alerts and replace the stored ones; the number stored."""
    found = scan(store, rules)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    engine = prepared(store)
    with engine.begin() as conn:
        n = queries.replace_alerts(conn, [_alert_row(a, now) for a in found])
    log.info("stored %d alerts", n)
    return n


def alerts(store: Any, *, top: int = 20, offset: int = 0, direction: str | None = None,
           kind: str | None = None, subject: str | None = None, recompute: bool = False,
           rules: AlertRules | None = None, distinct: bool = False) -> list[Alert]:
    """Stored alerts, best score first (recomputed first if asked).

    ``distinct``: skip an alert that shares an actor and overlaps in time with a better one
    of the same direction (the actor alerts "KHM" and "THA" behind the dyad "KHM-THA")."""
    if direction and direction not in DIRECTIONS:
        raise InputError(f"invalid direction {direction!r}: expected conflict or cooperation")
    if kind and kind not in ("baseline", "changepoint"):
        raise InputError(f"invalid kind {kind!r}: expected baseline or changepoint")
    if top < 1 or offset < 0:
        raise InputError("top must be positive and offset not negative")
    engine = prepared(store)
    if recompute:
        recompute_alerts(engine, rules)
    limit = (offset + top) * 20 + 100 if distinct else top
    with engine.connect() as conn:
        rows = queries.list_alerts(conn, direction=direction, kind=kind, subject=subject,
                                   limit=limit, offset=0 if distinct else offset)
    found = [_from_row(r) for r in rows]
    if distinct:
        found = distinct_alerts(found)[offset:offset + top]
    return found


def _overlaps(a: Alert, b: Alert) -> bool:
    return (a.direction == b.direction and bool(set(a.subject.split("-")) & set(b.subject.split("-")))
            and a.period_start <= b.period_end and b.period_start <= a.period_end)


def distinct_alerts(ranked: Sequence[Alert]) -> list[Alert]:
    """Greedy: keep an alert unless a kept (better) one covers the same actor and time."""
    kept: list[Alert] = []
    for alert in ranked:
        if not any(_overlaps(alert, k) for k in kept):
            kept.append(alert)
    return kept


def get_alert(store: Any, alert_id: int) -> Alert:
    engine = prepared(store)
    with engine.connect() as conn:
        return _from_row(queries.get_alert(conn, alert_id))


def alert_evidence(store: Any, alert: Alert) -> list[dict[str, Any]]:
    """The evidence events of an alert: sentence, codes, article URL and source."""
    engine = prepared(store)
    with engine.connect() as conn:
        return queries.evidence_events(conn, list(alert.evidence))


def alert_record(alert: Alert, evidence: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    rec = {
        "id": alert.id, "kind": alert.kind, "subject": alert.subject,
        "period_start": alert.period_start, "period_end": alert.period_end,
        "direction": alert.direction, "score": alert.score, "details": alert.details,
        "evidence_ids": list(alert.evidence),
    }
    if evidence is not None:
        rec["evidence"] = evidence
    return jsonable(rec)
