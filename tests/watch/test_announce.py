"""Announcements of one episode survive the scan describing it anew (another detector, a
window reaching back to an earlier report); a new episode of the same dyad is announced."""

from __future__ import annotations

import datetime as dt

from tocsin.models import Alert
from tocsin.watch.announce import announced_level, announcements

NOW = dt.datetime(2026, 3, 2, 12, 0)


def _alert(kind: str, start: str, end: str, score: float = 3.0,
           subject: str = "IRN-SAU") -> Alert:
    return Alert(kind=kind, subject=subject, period_start=dt.date.fromisoformat(start),
                 period_end=dt.date.fromisoformat(end), direction="conflict", score=score,
                 details={"explanation": f"{subject} {kind}"})


def _due(alerts: list[Alert], announced: dict[str, int]) -> list[str]:
    return [d.alert_key for d in announcements(alerts, announced, floor=2.0, step=2.0,
                                               webhook=False, now=NOW)]


def test_an_episode_found_by_another_detector_is_not_new() -> None:
    first = _alert("baseline", "2026-03-02", "2026-03-08")
    announced = {first.key: 1}
    assert _due([_alert("burst", "2026-03-02", "2026-03-22")], announced) == []
    # the window reaching back to an earlier report: still the episode announced
    assert _due([_alert("burst", "2026-02-09", "2026-03-22")], announced) == []
    assert announced_level(_alert("rate", "2026-02-09", "2026-03-22"), announced) == 1


def test_an_escalation_or_a_new_episode_is_announced() -> None:
    first = _alert("baseline", "2026-03-02", "2026-03-08")
    announced = {first.key: 1}
    hotter = _alert("burst", "2026-03-02", "2026-03-22", score=4.5)  # level 2
    (due,) = announcements([hotter], announced, floor=2.0, step=2.0, webhook=False, now=NOW)
    assert due.level == 2 and due.payload["escalated"]
    later = _alert("baseline", "2026-06-01", "2026-06-07")  # months on: another episode
    other = _alert("baseline", "2026-03-02", "2026-03-08", subject="IRN-KWT")
    assert _due([later, other], announced) == [later.key, other.key]
