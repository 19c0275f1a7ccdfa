"""The alert scan: the registered detectors over the weekly subject rows, with evidence.

:func:`scan` reads the detectors' input (``Store.subject_weeks``, kept current by the
refresh step) and the event volume, runs every enabled detector of ``registry.detectors``
(``baseline``, ``rate``, ``burst``, ``changepoint``, ``third_party`` and any plugin's),
keeps the best of the hits that overlap on one subject, direction and time, and turns each
hit into an :class:`~tocsin.models.Alert` with its evidence events and a one-line
explanation.
Detector scores are one scale (see :mod:`tocsin.analysis.detectors`). Only
:func:`recompute_alerts` writes (the stored alerts), and only the refresh step calls it.
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
from tocsin.analysis.common import DIRECTIONS, Store
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
    hits = sorted(find_hits(ctx, rules), key=Hit.rank)
    return [_to_alert(store, h, ctx.weeks, rules, i < rules.evidence_alerts)
            for i, h in enumerate(hits)]


def rank(alert: Alert) -> tuple[int, float, str, dt.date]:
    """Dyads and third parties first, then actors; best score first."""
    return (alert.subject_type == "actor", -alert.score, alert.subject, alert.period_start)


# --------------------------------------------------------------------------- evidence

def _dates(hit: Hit, weeks: list[dt.date]) -> tuple[dt.date, dt.date]:
    return weeks[hit.start], weeks[hit.end] + dt.timedelta(days=6)


def top_evidence(store: Store, a: str, b: str | None, start: dt.date, end: dt.date,
                 direction: str, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` events that contribute most to a subject's direction in a period."""
    return store.top_contributors(a, b, start, end, DIRECTIONS[direction], limit)


def _third_party_evidence(store: Store, hit: Hit, weeks: list[dt.date], rules: AlertSettings
                          ) -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
    start, end = _dates(hit, weeks)
    lo, hi = hit.details["edges"]["window_weeks"]
    w0, w1 = weeks[lo], weeks[max(lo, hi - 1)] + dt.timedelta(days=6)
    p, r, c = hit.details["partner"], hit.details["rival"], hit.subject.a
    parts = {f"{p}-{r}": top_evidence(store, p, r, start, end, "cooperation", rules.evidence),
             f"{p}-{c}": top_evidence(store, p, c, w0, w1, "cooperation", rules.evidence),
             f"{r}-{c}": top_evidence(store, r, c, w0, w1, "conflict", rules.evidence)}
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
        rows = top_evidence(store, hit.subject.a, hit.subject.b, start, ev_end, hit.direction,
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


def recompute_alerts(store: Store, rules: AlertSettings | Settings | None = None) -> int:
    """Scan and replace the stored alerts (a write: the refresh step calls it)."""
    n = store.replace_alerts(scan(store, rules))
    log.info("stored %d alerts", n)
    return n
