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
``min_articles``, ``min_sources``) are kept best first without overlaps. Dyads only: an
actor's news is too varied for a window of its total to mean one crisis.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import gammainc

from tocsin.analysis.detectors import (
    Detector,
    Hit,
    Subject,
    Track,
    _others,
    _per_subject,
    baselines,
)
from tocsin.settings import AlertSettings


def _surprise(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """:func:`tocsin.analysis.detectors.surprise` over arrays."""
    tail = gammainc(np.maximum(observed, 1e-12), np.maximum(expected, 1e-9))
    return np.where(observed > 0, -np.log10(np.maximum(tail, 1e-300)), 0.0)


def _cum(x: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(x)))


def _candidates(track: Track, vol: np.ndarray, share: np.ndarray, rules: AlertSettings
                ) -> list[tuple[float, int, int, float]]:
    """(score, start, end, expected) of every window passing the score and breadth rules."""
    x, n = track.reports, len(track.reports)
    cx, cv, ce, ca = _cum(x), _cum(vol), _cum(track.events), _cum(track.articles)
    penalty = math.log10(max(rules.onset_weeks, 1))
    sources = np.zeros(n)
    out: list[tuple[float, int, int, float]] = []
    for length in range(1, max(rules.onset_weeks, 1) + 1):
        m = n - length + 1
        if m <= 0:
            break
        a = np.arange(m)
        sources = np.maximum(sources[:m], track.sources[length - 1:])  # most in any week
        expected = np.maximum(share[:m] * (cv[a + length] - cv[a]), rules.min_expected * length)
        score = _surprise(cx[a + length] - cx[a], expected) - penalty
        ok = ((x[:m] > 0) & (x[length - 1:] > 0) & np.isfinite(expected)
              & (score >= rules.min_score) & (ce[a + length] - ce[a] >= rules.min_events)
              & (ca[a + length] - ca[a] >= rules.min_articles) & (sources >= rules.min_sources))
        out += [(float(score[i]), int(i), int(i) + length - 1, float(expected[i]))
                for i in np.nonzero(ok)[0]]
    return out


def burst(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """The best non-overlapping windows of a dyad's reports against its long baseline."""
    if subject.kind != "dyad":
        return []
    hits: list[Hit] = []
    for direction, track in subject.tracks.items():
        if track.events.sum() < rules.min_events:
            continue
        vol = _others(volume, track)
        share = np.maximum(*baselines(track.reports, vol, rules))
        kept: list[tuple[float, int, int, float]] = []
        for cand in sorted(_candidates(track, vol, share, rules), key=lambda c: (-c[0], c[1])):
            if all(cand[2] < k[1] or cand[1] > k[2] for k in kept):
                kept.append(cand)
        hits += [Hit(subject, "burst", direction, start, end, round(score, 4),
                     round(expected, 3), {"share_before": round(float(share[start]), 5)})
                 for score, start, end, expected in kept]
    return hits


BURST = Detector("burst", _per_subject(burst), setting="burst")
