"""Alerts as read by the CLI, the API and the watcher (reads only; nothing here writes
except through :func:`tocsin.analysis.refresh.refresh` when ``recompute`` is asked).

The scan itself is :mod:`tocsin.analysis.scan`; alerts are stored by the refresh step,
which the pipeline calls after coding. :func:`alerts` and :func:`current_alerts` only read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tocsin import registry
from tocsin.analysis.common import DIRECTIONS, Store, jsonable
from tocsin.analysis.detectors import WEEK
from tocsin.analysis.refresh import refresh
from tocsin.analysis.scan import (
    AlertRules,
    active_weeks,
    detectors,
    find_hits,
    recompute_alerts,
    rules_of,
    scan,
    top_evidence,
)
from tocsin.errors import InputError
from tocsin.models import Alert
from tocsin.settings import AlertSettings, Settings

__all__ = ["AlertRules", "alert_evidence", "alert_record", "alerts", "current_alerts",
           "detectors", "distinct_alerts", "find_hits", "get_alert", "recompute_alerts",
           "scan"]


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
    """Alerts active in the latest weeks of data, dyads first: what the watcher considers
    each round (which of them to announce is :func:`tocsin.watch.announce.announcements`)."""
    rules = rules_of(settings)
    since = current_since(store, rules)
    if since is None:
        return []
    return store.list_alerts(direction=direction, ended_since=since, limit=top)


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
    rows = top_evidence(store, a, b or None, lo, hi, alert.direction, limit)
    return store.evidence([int(r["event_id"]) for r in rows])


def alert_record(alert: Alert, evidence: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": alert.id, "key": alert.key, "kind": alert.kind, "subject": alert.subject,
        "subject_type": alert.subject_type, "period_start": alert.period_start,
        "period_end": alert.period_end, "direction": alert.direction, "score": alert.score,
        "explanation": alert.explanation, "details": alert.details,
        "evidence_ids": list(alert.evidence),
    }
    if evidence is not None:
        rec["evidence"] = evidence
    return jsonable(rec)
