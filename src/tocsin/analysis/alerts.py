"""Alerts: the registered detectors over weekly dyad and actor series, with their evidence.

:func:`scan` reads the weekly counts (a read), runs every enabled detector of
``registry.detectors`` (``baseline``, ``changepoint``, ``third_party`` and any plugin's),
keeps the best of the hits that overlap on one subject, direction and time, and turns
each hit into an :class:`~tocsin.models.Alert` with its evidence events and a one-line
explanation. Detector scores are one scale (see :mod:`tocsin.analysis.detectors`).

Alerts are stored by :func:`tocsin.analysis.refresh.refresh`, which the pipeline calls
after coding; :func:`alerts` and :func:`current_alerts` only read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from tocsin import registry
from tocsin.analysis.common import DIRECTIONS, Store, jsonable
from tocsin.analysis.detectors import (
    WEEK,
    Detector,
    Hit,
    ScanContext,
    best_of_overlapping,
    subjects,
)
from tocsin.analysis.identity import week_start
from tocsin.errors import InputError
from tocsin.models import Alert
from tocsin.settings import AlertSettings, Settings

log = logging.getLogger(__name__)


class AlertRules(AlertSettings):
    """The alert thresholds (the ``[tocsin.alerts]`` settings), buildable from a mapping."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> AlertSettings:
        known = {f.name for f in dataclasses.fields(AlertSettings)}
        unknown = set(values or {}) - known
        if unknown:
            raise InputError(f"unknown alert rule(s): {', '.join(sorted(unknown))}")
        return Settings(alerts=dict(values or {})).alerts


def rules_of(settings: Settings | AlertSettings | None) -> AlertSettings:
    """The alert rules of ``settings`` (defaults when None)."""
    if settings is None:
        return AlertSettings()
    return settings if isinstance(settings, AlertSettings) else settings.alerts


# --------------------------------------------------------------------------- weeks

def _weeks(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + i * WEEK for i in range((last - first).days // 7 + 1)]


def active_weeks(volume: Sequence[tuple[dt.date, int, int]], share: float,
                 gap: int = 8) -> tuple[list[dt.date], np.ndarray]:
    """The weeks of the series, with their volumes: the latest stretch of weeks whose volume
    reaches ``share`` of the median weekly volume with no quiet gap of ``gap`` weeks or more.
    Events dated long before the corpus (a text recalling "the 2019 war"), or an older
    corpus years before, would otherwise add empty weeks and false onsets to every series."""
    per_week: dict[dt.date, int] = defaultdict(int)
    for day, n, _ in volume:
        per_week[week_start(day)] += n
    if not per_week:
        return [], np.zeros(0)
    every = _weeks(min(per_week), max(per_week))
    vol = np.array([float(per_week.get(w, 0)) for w in every])
    busy = vol >= share * float(np.median(vol[vol > 0]))
    idx = np.nonzero(busy)[0]
    first = int(idx[0])
    for lo, hi in zip(idx[:-1], idx[1:], strict=False):
        if hi - lo - 1 >= gap:
            first = int(hi)  # a quiet stretch breaks the series: keep the latest stretch
    last = int(idx[-1]) + 1
    return every[first:last], vol[first:last]


# --------------------------------------------------------------------------- scan

def detectors(rules: AlertSettings) -> list[Detector]:
    """The enabled detectors of the registry, series detectors first."""
    found = [registry.detectors.get(name) for name in registry.detectors.names()]
    return sorted((d for d in found if d.enabled(rules)), key=lambda d: (d.consumes_hits, d.name))


def find_hits(ctx: ScanContext, rules: AlertSettings) -> list[Hit]:
    """Every enabled detector's hits, the best of overlapping ones kept (pure)."""
    for det in detectors(rules):
        if det.consumes_hits:
            ctx.hits = best_of_overlapping(ctx.hits)
        ctx.hits = ctx.hits + list(det.detect(ctx, rules))
    return best_of_overlapping(ctx.hits)


def context(store: Store, rules: AlertSettings) -> ScanContext | None:
    """The detectors' input, read from the store (None when there is no data)."""
    volume = store.volume()
    weeks, vol = active_weeks(volume, rules.active_share)
    if not weeks:
        return None
    rows = store.subject_weeks()
    index = {w: i for i, w in enumerate(weeks)}
    return ScanContext(weeks, vol, subjects(rows, index, rules), rows)


def scan(store: Store, rules: AlertSettings | Settings | None = None) -> list[Alert]:
    """Run the detectors on every subject; alerts with evidence, dyads first (reads only)."""
    rules = rules_of(rules)
    ctx = context(store, rules)
    if ctx is None:
        return []
    hits = sorted(find_hits(ctx, rules), key=_hit_rank)
    return [_to_alert(store, h, ctx.weeks, rules, i < rules.evidence_alerts)
            for i, h in enumerate(hits)]


def _hit_rank(hit: Hit) -> tuple[int, float, str, int]:
    return (hit.subject.kind == "actor", -hit.score, hit.subject.name, hit.start)


def rank(alert: Alert) -> tuple[int, float, str, dt.date]:
    """Dyads and third parties first, then actors; best score first."""
    return (alert.subject_type == "actor", -alert.score, alert.subject, alert.period_start)


# --------------------------------------------------------------------------- evidence

def _dates(hit: Hit, weeks: list[dt.date]) -> tuple[dt.date, dt.date]:
    return weeks[hit.start], weeks[hit.end] + dt.timedelta(days=6)


def _evidence(store: Store, a: str, b: str | None, start: dt.date, end: dt.date,
              direction: str, limit: int) -> list[dict[str, Any]]:
    return store.top_contributors(a, b, start, end, DIRECTIONS[direction], limit)


def _third_party_evidence(store: Store, hit: Hit, weeks: list[dt.date], rules: AlertSettings
                          ) -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
    start, end = _dates(hit, weeks)
    lo, hi = hit.details["edges"]["window_weeks"]
    w0, w1 = weeks[lo], weeks[max(lo, hi - 1)] + dt.timedelta(days=6)
    p, r, c = hit.details["partner"], hit.details["rival"], hit.subject.a
    parts = {f"{p}-{r}": _evidence(store, p, r, start, end, "cooperation", rules.evidence),
             f"{p}-{c}": _evidence(store, p, c, w0, w1, "cooperation", rules.evidence),
             f"{r}-{c}": _evidence(store, r, c, w0, w1, "conflict", rules.evidence)}
    rows = [row for part in parts.values() for row in part]
    return rows, {k: [int(x["event_id"]) for x in v] for k, v in parts.items()}


def _to_alert(store: Store, hit: Hit, weeks: list[dt.date], rules: AlertSettings,
              with_evidence: bool = True) -> Alert:
    """The alert of a hit; its evidence is looked up now for the best ``evidence_alerts``
    alerts, on reading (:func:`alert_evidence`) for the others."""
    start, end = _dates(hit, weeks)
    track = hit.subject.tracks[hit.direction]
    events, arts, srcs = track.span(hit.start, hit.end)
    details = dict(hit.details, subject_type=hit.subject.kind, events=events, articles=arts,
                   sources=srcs, weeks=hit.end - hit.start + 1, expected=hit.expected,
                   observed=float(track.reports[hit.start:hit.end + 1].sum()))
    ev_end = min(end, start + 4 * WEEK - dt.timedelta(days=1))
    rows: list[dict[str, Any]] = []
    if not with_evidence:
        details["evidence_window"] = [start, ev_end]
    elif hit.kind == "third_party":
        rows, by_edge = _third_party_evidence(store, hit, weeks, rules)
        details["evidence_by_edge"] = by_edge
    else:
        rows = _evidence(store, hit.subject.a, hit.subject.b, start, ev_end, hit.direction,
                         rules.evidence)
    details["explanation"] = explain(hit, details, rows)
    return Alert(kind=hit.kind, subject=hit.subject.name, period_start=start, period_end=end,
                 direction=hit.direction, score=hit.score, details=details,
                 evidence=tuple(dict.fromkeys(int(r["event_id"]) for r in rows)))


def _label(hit: Hit) -> str:
    track = hit.subject.tracks[hit.direction]
    material = track.material[hit.start:hit.end + 1].sum()
    kind = "material" if 2 * material >= track.events[hit.start:hit.end + 1].sum() else "verbal"
    name = hit.subject.name
    if hit.subject.kind == "dyad" and hit.subject.b:
        sl = slice(hit.start, hit.end + 1)
        a, b = hit.subject.a, hit.subject.b
        name = f"{a}→{b}" if track.forward[sl].sum() >= track.backward[sl].sum() else f"{b}→{a}"
    return f"{name} {kind} {hit.direction}"


def _quote(rows: Sequence[Mapping[str, Any]], width: int = 90) -> str:
    text = next((str(r["sentence"]) for r in rows if r.get("sentence")), "")
    text = " ".join(text.split())
    return f"; '{text[:width - 1]}…'" if len(text) > width else (f"; '{text}'" if text else "")


def explain(hit: Hit, details: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> str:
    """One line a person can read."""
    weeks = details["weeks"]
    span = f"{weeks} week{'s' if weeks != 1 else ''}"
    if hit.kind == "third_party":
        return (f"{hit.subject.a}: {details['partner']}, a partner, moves toward "
                f"{details['rival']}, a rival ({details['dyad']} cooperation: "
                f"{details['observed']:.0f} reports in {span} against {hit.expected:.1f} "
                f"expected){_quote(rows)}")
    return (f"{_label(hit)}: {details['observed']:.0f} reports ({details['events']} events) "
            f"in {span} against {hit.expected:.1f} expected{_quote(rows)}")


# --------------------------------------------------------------------------- reading

def _check(direction: str | None, kind: str | None, top: int, offset: int) -> None:
    if direction and direction not in DIRECTIONS:
        raise InputError(f"invalid direction {direction!r}: expected conflict or cooperation")
    if kind and kind not in registry.detectors:
        choices = ", ".join(registry.detectors.choices())
        raise InputError(f"invalid kind {kind!r}: expected one of {choices}")
    if top < 1 or offset < 0:
        raise InputError("top must be positive and offset not negative")


def alerts(store: Store, *, top: int = 20, offset: int = 0, direction: str | None = None,
           kind: str | None = None, subject: str | None = None, recompute: bool = False,
           rules: AlertSettings | Settings | None = None, distinct: bool = False,
           current: bool = False) -> list[Alert]:
    """Stored alerts, dyads first, best score first; reading never writes.

    ``recompute``: refresh identities and alerts first (an explicit write). ``distinct``:
    skip an alert sharing an actor and time with a better one of the same direction.
    ``current``: only alerts ending in the latest ``current_weeks`` weeks of data."""
    _check(direction, kind, top, offset)
    rules = rules_of(rules)
    if recompute:
        from tocsin.analysis.refresh import refresh

        refresh(store, rules, rescan=True)
    kind = registry.detectors.get(kind).name if kind else None
    since = current_since(store, rules) if current else None
    if current and since is None:
        return []
    limit = (offset + top) * 20 + 100 if distinct else top
    found = store.list_alerts(direction=direction, kind=kind, subject=subject,
                              ended_since=since, limit=limit, offset=0 if distinct else offset)
    return distinct_alerts(found)[offset:offset + top] if distinct else found


def current_since(store: Store, rules: AlertSettings) -> dt.date | None:
    """The first day of the ``current_weeks`` latest weeks of data (None: no data); the
    latest week is the last active one (a stray event dated next year does not count)."""
    weeks, _ = active_weeks(store.volume(), rules.active_share)
    if not weeks:
        return None
    return weeks[-1] - (rules.current_weeks - 1) * WEEK


def current_alerts(store: Store, settings: Settings | AlertSettings | None = None, *,
                   direction: str | None = None, top: int | None = None) -> list[Alert]:
    """Alerts active in the latest weeks of data, dyads first (for the watcher)."""
    rules = rules_of(settings)
    since = current_since(store, rules)
    if since is None:
        return []
    return store.list_alerts(direction=direction, ended_since=since, limit=top)


def new_or_escalated(found: Sequence[Alert], announced: Mapping[str, float],
                     escalation: float = 1.0) -> list[Alert]:
    """The alerts not yet announced (by :attr:`Alert.key`), or whose score rose by at least
    ``escalation`` since they were; ``announced`` maps key to the score announced."""
    return [a for a in found
            if a.key not in announced or a.score >= announced[a.key] + escalation]


def recompute_alerts(store: Store, rules: AlertSettings | Settings | None = None) -> int:
    """Scan and replace the stored alerts (a write: the refresh step calls it)."""
    n = store.replace_alerts(scan(store, rules))
    log.info("stored %d alerts", n)
    return n


def _covers(kept: Alert, a: Alert) -> bool:
    """``kept`` says what ``a`` says: same direction and time, and ``a``'s actors among
    ``kept``'s (the actor alert "KHM" behind the dyad "KHM-THA"; not another dyad)."""
    return (a.direction == kept.direction and a.subject_type != "third_party"
            and set(a.subject.split("-")) <= set(kept.subject.split("-"))
            and a.period_start <= kept.period_end and kept.period_start <= a.period_end)


def distinct_alerts(ranked: Sequence[Alert]) -> list[Alert]:
    """Greedy: keep an alert unless a kept one covers its actors and time."""
    kept: list[Alert] = []
    for alert in ranked:
        if not any(_covers(k, alert) for k in kept):
            kept.append(alert)
    return kept


def get_alert(store: Store, alert_id: int) -> Alert:
    return store.get_alert(alert_id)


def alert_evidence(store: Store, alert: Alert, limit: int = 5) -> list[dict[str, Any]]:
    """The evidence events of an alert: sentence, codes, article URL and source (looked
    up now, a read, for an alert ranked below ``evidence_alerts`` when it was stored)."""
    window = alert.details.get("evidence_window")
    if alert.evidence or not window:
        return store.evidence(list(alert.evidence))
    a, _, b = (alert.details.get("dyad") or alert.subject).partition("-")
    lo, hi = (dt.date.fromisoformat(str(d)) for d in window)
    rows = _evidence(store, a, b or None, lo, hi, alert.direction, limit)
    return store.evidence([int(r["event_id"]) for r in rows])


def alert_record(alert: Alert, evidence: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    rec = {
        "id": alert.id, "key": alert.key, "kind": alert.kind, "subject": alert.subject,
        "subject_type": alert.subject_type, "period_start": alert.period_start,
        "period_end": alert.period_end, "direction": alert.direction, "score": alert.score,
        "explanation": alert.explanation, "details": alert.details,
        "evidence_ids": list(alert.evidence),
    }
    if evidence is not None:
        rec["evidence"] = evidence
    return jsonable(rec)
