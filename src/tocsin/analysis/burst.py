"""The burst detector: a few weeks of reports against a long quiet baseline (pure).

A crisis told in one to three reports a week over a few weeks never makes a single week jump
against both baselines of the ``baseline`` detector: the first weeks of the run-up raise the
short baseline before the peak, and no one week is large. Summed over its weeks, against the
dyad's long-baseline share, the same burst is very surprising. ``burst`` is a temporal scan
statistic: every window of 1 to ``onset_weeks`` weeks that begins and ends on a week with
reports is scored like a ``baseline`` period — the Poisson surprise of its reports against
the larger of the short and long baseline shares from before the window (frozen at its
start, so the burst does not raise its own expectation; the short one keeps the later weeks
of a plateau from alerting again) times the news volume of its weeks — less
``log10(onset_weeks)``, a Bonferroni correction for the window lengths tried, so scanning
cannot buy a score. Windows that pass ``min_score`` and the breadth rules (``min_events``,
``min_articles``, ``min_sources``) are kept best first without overlaps, each without the
leading weeks that add nothing to its surprise (a stray report weeks before). Dyads only: an
actor's news is too varied for a window of its total to mean one crisis.

The ``rate`` detector (a dyad against its own previous weeks, the news volume held constant)
runs the same window scan as well as its weekly test: an escalation inside a war that fills
the news is often a few weeks of steady rise, not one week's jump.
"""

from __future__ import annotations

import math

import numpy as np

from tocsin.analysis.detectors import (
    FLAT_VOLUME,
    Detector,
    Hit,
    Subject,
    Track,
    baselines,
    breadth_ok,
    others_volume,
    per_subject,
    rate,
    surprise,
    surprises,
)
from tocsin.settings import AlertSettings


def _cum(x: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(x)))


def _windows(x: np.ndarray, longest: int) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) of every window of at most ``longest`` weeks that begins and ends on a
    week with reports (a few vector operations, not a loop over weeks)."""
    weeks = np.nonzero(x > 0)[0]
    starts, ends = [], []
    for d in range(longest):
        j = weeks + d
        ok = j < len(x)
        ok[ok] = x[j[ok]] > 0
        starts.append(weeks[ok])
        ends.append(j[ok])
    return np.concatenate(starts), np.concatenate(ends)


def _window_max(values: np.ndarray, longest: int) -> np.ndarray:
    """Row d: the most of ``values`` over each window of d + 1 weeks from each start."""
    rows = [values.astype(float)]
    for d in range(1, longest):
        shifted = np.concatenate((values[d:], np.zeros(min(d, len(values)))))
        rows.append(np.maximum(rows[-1], shifted))
    return np.vstack(rows)


def _candidates(track: Track, vol: np.ndarray, share: np.ndarray, rules: AlertSettings
                ) -> list[tuple[float, int, int, float]]:
    """(score, start, end, expected) of every window passing the score and breadth rules;
    the breadth rules first, so only their survivors are scored."""
    longest = max(rules.onset_weeks, 1)
    i, j = _windows(track.reports, longest)
    cx, cv, ce, ca = (_cum(v) for v in (track.reports, vol, track.events, track.articles))
    sources = _window_max(track.sources, longest)[j - i, i]
    ok = ((ce[j + 1] - ce[i] >= rules.min_events) & (ca[j + 1] - ca[i] >= rules.min_articles)
          & (sources >= rules.min_sources) & np.isfinite(share[i]))
    i, j = i[ok], j[ok]
    expected = np.maximum(share[i] * (cv[j + 1] - cv[i]), rules.min_expected * (j - i + 1))
    score = surprises(cx[j + 1] - cx[i], expected) - math.log10(longest)
    good = score >= rules.min_score
    return list(zip(score[good].tolist(), i[good].tolist(), j[good].tolist(),
                    expected[good].tolist(), strict=True))


def _trimmed(track: Track, vol: np.ndarray, share: float, window: tuple[float, int, int, float],
             rules: AlertSettings) -> tuple[float, int, int, float]:
    """The window without the leading weeks that add nothing to its surprise: the latest
    start whose window, held against the same baseline (the one from before the first
    report), scores at least as high. A stray report weeks before a war would otherwise open
    its period, date its onset and supply its quote."""
    best, start, end, expected = window
    x, penalty = track.reports, math.log10(max(rules.onset_weeks, 1))
    for a in range(start + 1, end + 1):
        if x[a] <= 0 or not breadth_ok(track, a, end, rules):
            continue
        exp = max(share * float(vol[a:end + 1].sum()), rules.min_expected * (end - a + 1))
        score = surprise(float(x[a:end + 1].sum()), exp) - penalty
        if score >= best:
            best, start, expected = score, a, exp
    return best, start, end, expected


def burst(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """The best non-overlapping windows of a dyad's reports against its baselines."""
    if subject.kind != "dyad":
        return []
    hits: list[Hit] = []
    for direction, track in subject.tracks.items():
        if track.events.sum() < rules.min_events:
            continue
        vol = others_volume(volume, track)
        share = np.maximum(*baselines(track.reports, vol, rules))
        kept: list[tuple[float, int, int, float]] = []
        for cand in sorted(_candidates(track, vol, share, rules), key=lambda c: (-c[0], c[1])):
            if all(cand[2] < k[1] or cand[1] > k[2] for k in kept):
                kept.append(cand)
        for window in kept:
            score, start, end, expected = _trimmed(track, vol, float(share[window[1]]),
                                                   window, rules)
            hits.append(Hit(subject, "burst", direction, start, end, round(score, 4),
                            round(expected, 3),
                            {"share_before": round(float(share[window[1]]), 5)}))
    return hits


def rate_windows(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """The window scan of :func:`burst` on a dyad's own rate (a constant news volume)."""
    flat = np.where(volume > 0, FLAT_VOLUME, 0.0)
    return [Hit(h.subject, "rate", h.direction, h.start, h.end, h.score, h.expected,
                {"per_week_before": round(h.expected / (h.end - h.start + 1), 3),
                 "window": True})
            for h in burst(subject, flat, rules)]


def own_rate(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """``rate``: the weekly test and the window scan on a dyad's own rate."""
    return rate(subject, volume, rules) + rate_windows(subject, volume, rules)


BURST = Detector("burst", per_subject(burst), setting="burst")
RATE = Detector("rate", per_subject(own_rate), setting="rate")
