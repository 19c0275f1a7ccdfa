"""Which alerts to announce: new ones, and those that escalated since their last announcement.

Pure: takes the current alerts and what was announced before, returns the announcements.
An alert's level is 1 when its score reaches the alert threshold and rises by one for
every ``escalation_step`` of score above it (the scale is the detectors' calibrated one),
so an alert is announced once when it appears and once more each time it climbs a step.

One episode keeps its announcements when the scan describes it anew: an alert's key names
its detector and first week, and as news arrives the best detector of a period may change
(``baseline`` -> ``burst`` -> ``rate``) or its window may reach back to an earlier report.
An announced key of the same subject and direction whose first week falls inside the
alert's period, or that differs from it only in the detector, counts as the same episode.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from tocsin.analysis.alerts import alert_record
from tocsin.models import Alert, Delivery


def level(score: float, floor: float, step: float) -> int:
    """1 at the threshold, +1 for every ``step`` of score above it."""
    if step <= 0:
        return 1
    return 1 + max(0, math.floor((score - floor) / step))


def alert_payload(alert: Alert) -> dict[str, Any]:
    """The alert as the webhook receives it: the API's alert record (``alert_record``)."""
    payload = alert_record(alert)
    payload["explanation"] = alert.explanation or default_title(alert)
    return payload


def default_title(alert: Alert) -> str:
    return (
        f"{alert.subject} {alert.direction} ({alert.kind}): score {alert.score:.1f}, "
        f"{alert.period_start} to {alert.period_end}"
    )


def _parts(key: str) -> tuple[str, str, dt.date] | None:
    """(direction, subject, first day) of an alert key ``kind:direction:subject:start``."""
    parts = key.split(":")
    if len(parts) != 4:
        return None
    try:
        return parts[1], parts[2], dt.date.fromisoformat(parts[3])
    except ValueError:
        return None


def announced_level(alert: Alert, announced: Mapping[str, int]) -> int:
    """The level already announced for ``alert``: its key's, else the highest of the
    announced keys of the same episode (same subject and direction, first day inside the
    alert's period); 0 when none was."""
    if alert.key in announced:
        return announced[alert.key]
    same = [lvl for key, lvl in announced.items()
            if (p := _parts(key)) is not None and p[:2] == (alert.direction, alert.subject)
            and alert.period_start <= p[2] <= alert.period_end]
    return max(same, default=0)


def announcements(
    alerts: Iterable[Alert],
    announced: Mapping[str, int],
    *,
    floor: float,
    step: float,
    webhook: bool,
    now: dt.datetime,
) -> list[Delivery]:
    """The deliveries due: each alert whose level is above the one announced for its key."""
    due: list[Delivery] = []
    for alert in alerts:
        current = level(alert.score, floor, step)
        before = announced_level(alert, announced)
        if current <= before:
            continue
        payload = alert_payload(alert)
        payload["level"] = current
        payload["escalated"] = before > 0
        due.append(
            Delivery(
                alert_key=alert.key, level=current, score=alert.score,
                title=str(payload["explanation"]), payload=payload, created_at=now,
                webhook_status="pending" if webhook else "none",
            )
        )
    return due
