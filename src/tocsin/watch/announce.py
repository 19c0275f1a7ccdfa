"""Which alerts to announce: new ones, and those that escalated since their last announcement.

Pure: takes the current alerts and what was announced before, returns the announcements.
An alert's level is 1 when its score reaches the alert threshold and rises by one for
every ``escalation_step`` of score above it (the scale is the detectors' calibrated one),
so an alert is announced once when it appears and once more each time it climbs a step.
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
        if current <= announced.get(alert.key, 0):
            continue
        payload = alert_payload(alert)
        payload["level"] = current
        payload["escalated"] = alert.key in announced
        due.append(
            Delivery(
                alert_key=alert.key, level=current, score=alert.score,
                title=str(payload["explanation"]), payload=payload, created_at=now,
                webhook_status="pending" if webhook else "none",
            )
        )
    return due
