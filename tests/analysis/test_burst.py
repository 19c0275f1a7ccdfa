"""The burst detector: a few small weeks against a long quiet baseline, a Bonferroni-corrected
score on the one scale, and nothing for a steady dyad or an actor."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tocsin import registry
from tocsin.analysis.burst import burst
from tocsin.analysis.detectors import Subject, Track, baseline, surprise
from tocsin.settings import AlertSettings


def _subject(x: list[float], kind: str = "dyad") -> Subject:
    n = len(x)
    track = Track(n)
    track.reports[:] = x
    track.events[:] = x
    track.articles[:] = [math.ceil(v) for v in x]
    track.sources[:] = [1.0 if v else 0.0 for v in x]
    b = "RWA" if kind == "dyad" else None
    return Subject("COD-RWA" if b else "COD", kind, "COD", b,
                   {"conflict": track, "cooperation": Track(n)})


def test_a_slow_burst_no_single_week_shows_is_found() -> None:
    # 40 quiet weeks, then 1, 2, 1, 2 reports: no week jumps against both baselines
    x = [0.0] * 40 + [1.0, 2.0, 1.0, 2.0] + [0.0] * 6
    vol, rules = np.full(len(x), 60.0), AlertSettings()
    assert not baseline(_subject(x), vol, rules)
    (hit,) = burst(_subject(x), vol, rules)
    assert (hit.kind, hit.direction, hit.start, hit.end) == ("burst", "conflict", 40, 43)
    expected = max(0.0, rules.min_expected * 4)  # no history: the floor of four weeks
    assert hit.expected == pytest.approx(expected)
    assert hit.score == pytest.approx(surprise(6.0, expected) - math.log10(rules.onset_weeks),
                                      abs=1e-3)


def test_a_steady_dyad_and_an_actor_raise_no_burst() -> None:
    vol, rules = np.full(50, 60.0), AlertSettings()
    assert not burst(_subject([1.0, 2.0] * 25), vol, rules)
    x = [0.0] * 40 + [1.0, 2.0, 1.0, 2.0] + [0.0] * 6
    assert not burst(_subject(x, kind="actor"), vol, rules)


def test_one_article_is_not_a_burst() -> None:
    x = [0.0] * 40 + [6.0] + [0.0] * 9
    subject = _subject(x)
    subject.tracks["conflict"].articles[40] = 1.0  # six events, all from one article
    assert not burst(subject, np.full(len(x), 60.0), AlertSettings())


def test_burst_is_a_registered_detector_with_its_switch() -> None:
    assert "burst" in registry.detectors.choices()
    assert not registry.detectors.get("burst").enabled(AlertSettings(burst=False))


def test_a_plateau_alerts_once_at_its_onset() -> None:
    # from week 40 on, three reports every week: the onset is a burst; the later weeks of
    # the plateau, held against the short baseline they raised, are not a second one
    x = [0.0] * 40 + [3.0] * 20
    hits = burst(_subject(x), np.full(len(x), 60.0), AlertSettings())
    assert [h.start for h in hits] == [40]


def test_a_series_shorter_than_the_longest_window() -> None:
    # three weeks, all inside the first min_history_weeks: nothing to judge them by (and the
    # windows longer than the series do not break the scan)
    assert burst(_subject([0.0, 3.0, 2.0]), np.full(3, 60.0), AlertSettings()) == []
    x = [0.0] * 6 + [3.0, 2.0]  # history enough, the series ends inside the longest window
    assert [(h.start, h.end) for h in burst(_subject(x), np.full(8, 60.0), AlertSettings())] \
        == [(6, 7)]


def test_the_own_rate_finds_a_steady_rise_no_single_week_shows() -> None:
    from tocsin.analysis.burst import own_rate
    from tocsin.analysis.detectors import rate

    # a war that fills the news at 5 reports a week rises to 9 for six weeks: no week is
    # twice its baseline, so the weekly test stays quiet; the six weeks together do not
    x = [5.0] * 30 + [9.0] * 6
    vol = np.array([v + 1.0 for v in x])
    assert not rate(_subject(x), vol, AlertSettings())
    hits = own_rate(_subject(x), vol, AlertSettings())
    assert [(h.kind, h.start, h.end, h.details.get("window")) for h in hits] == [
        ("rate", 30, 35, True)]


def test_a_stray_report_weeks_before_does_not_open_the_burst() -> None:
    # one report in week 34, then the war from week 39: the period (and its quote) begins
    # at the war, scored against the baseline from before the stray report
    x = [0.0] * 34 + [1.0, 0.0, 0.0, 0.0, 0.0, 3.0, 4.0, 3.0] + [0.0] * 8
    (hit,) = burst(_subject(x), np.full(len(x), 60.0), AlertSettings())
    assert (hit.start, hit.end) == (39, 41)
    assert hit.score >= surprise(11.0, 0.8) - math.log10(AlertSettings().onset_weeks)
