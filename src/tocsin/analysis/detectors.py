"""Alert detectors over weekly subject series (pure: arrays in, hits out).

A *subject* is an undirected country-level dyad ("IRN-ISR") or one actor ("PAK"). Its
weekly signal, per direction (conflict: quad classes 3+4; cooperation: 1+2), is the
number of **distinct events** (identities) reported in articles that are not
near-duplicates, so one story retold in twenty sentences or articles counts once while a
daily digest reporting five separate strikes counts five; a dyad named in one sentence
with others in one action gets its share of that event (1/k for k dyads coded from the
sentence with an event of the same CAMEO root). An alert needs ``min_articles`` distinct
articles and ``min_sources`` distinct sources. Generic actors (``IGO``, ``NGO``, ``---``,
bare roles such as ``GOV``) make no subjects by default.

Both detectors give one calibrated score, the surprise of an alert's reports:
``-log10 P(X >= observed)`` for ``X ~ Poisson(expected)``, where *expected* is the
subject's share of the news in the weeks before times the news volume of the alert's weeks
(so a busy news week does not look like a crisis). The volume is that of everything *but*
the subject, so a war that fills the news does not raise its own expectation. 3.0 means
p = 0.001 on either detector.

- ``baseline`` (ACLED early-warning style): a week whose reports jump against the previous
  ``short_weeks`` and ``long_weeks``; alerting weeks at most ``merge_gap_weeks`` apart
  merge into one alert scored on its whole period against the shares from before it (an
  episode longer than ``max_weeks`` alerts on its first ``onset_weeks``).
- ``rate`` (dyads): the ``baseline`` test against the dyad's own previous weeks, the news
  volume held constant: an escalation inside a war that fills the news.
- ``changepoint``: binary segmentation (ruptures, L2 cost, BIC-like penalty) of the weekly
  share; an upward segment of at most ``max_weeks`` is an alert (a longer shift, e.g. one
  spanning the whole series, is a trend, not an alert).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from ruptures.base import BaseCost
from scipy.special import gammainc

from tocsin.analysis.common import DIRECTIONS
from tocsin.models import SubjectWeek
from tocsin.settings import AlertSettings

WEEK = dt.timedelta(days=7)


@dataclass
class Track:
    """One direction of a subject: per-week reports and what stands behind them."""

    n: int
    reports: np.ndarray = field(default_factory=lambda: np.zeros(0))  # weighted articles
    events: np.ndarray = field(default_factory=lambda: np.zeros(0))
    material: np.ndarray = field(default_factory=lambda: np.zeros(0))  # quad 2 or 4 events
    articles: np.ndarray = field(default_factory=lambda: np.zeros(0))
    sources: np.ndarray = field(default_factory=lambda: np.zeros(0))
    forward: np.ndarray = field(default_factory=lambda: np.zeros(0))  # a -> b events
    backward: np.ndarray = field(default_factory=lambda: np.zeros(0))
    goldstein: np.ndarray = field(default_factory=lambda: np.zeros(0))  # Goldstein sums

    def __post_init__(self) -> None:
        for name in ("reports", "events", "material", "articles", "sources", "forward",
                     "backward", "goldstein"):
            setattr(self, name, np.zeros(self.n))

    def add(self, w: int, row: SubjectWeek) -> None:
        self.reports[w] += row.reports
        self.events[w] += row.events
        self.material[w] += row.material
        self.articles[w] += row.articles
        self.sources[w] = max(self.sources[w], row.sources)
        self.forward[w] += row.forward
        self.backward[w] += row.backward
        self.goldstein[w] += row.goldstein_sum

    def span(self, start: int, end: int) -> tuple[int, int, int]:
        """(events, articles, sources) of weeks start..end inclusive. Articles are summed
        over the weeks (an article is dated, so it rarely reports in two weeks); sources
        are the most of any one week (a lower bound of the distinct sources)."""
        sl = slice(start, end + 1)
        return (int(self.events[sl].sum()), int(self.articles[sl].sum()),
                int(self.sources[sl].max(initial=0)))

    def strength(self, start: int, end: int) -> tuple[int, int, float, int]:
        """What breaks a tie of scores, strongest first: distinct articles, then sources,
        then how violent (the magnitude of the Goldstein sum), then material events. Two
        alerts at one score (two reports against the floor, say) are otherwise equal, and
        their names are no reason to rank one first."""
        sl = slice(start, end + 1)
        _, arts, srcs = self.span(start, end)
        return arts, srcs, round(abs(float(self.goldstein[sl].sum())), 6), int(
            self.material[sl].sum())


@dataclass
class Subject:
    name: str
    kind: str  # dyad | actor
    a: str
    b: str | None
    tracks: dict[str, Track]


@dataclass(frozen=True)
class Hit:
    """What a detector found: a subject, a direction and a period (week indexes)."""

    subject: Subject
    kind: str
    direction: str
    start: int
    end: int  # inclusive
    score: float
    expected: float
    details: dict[str, Any] = field(default_factory=dict)

    def rank(self) -> tuple[Any, ...]:
        """Dyads first, then best score, then the strength of the evidence (not the name)."""
        strength = self.subject.tracks[self.direction].strength(self.start, self.end)
        return (self.subject.kind == "actor", -self.score, tuple(-v for v in strength),
                self.subject.name, self.start, self.kind)


# --------------------------------------------------------------------------- subjects

@lru_cache(maxsize=1)
def role_codes() -> frozenset[str]:
    """CAMEO role codes (GOV, MIL, REB ...) from the bundled ontology."""
    text = resources.files("tocsin.data").joinpath("ontology/actor_roles.tsv").read_text("utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines()[1:] if line.strip())


def generic_set(rules: AlertSettings) -> frozenset[str]:
    """Actor roots that make no alerts."""
    return frozenset(rules.generic_actors) | (role_codes() if rules.generic_roles else frozenset())


def subjects(rows: Iterable[SubjectWeek], index: Mapping[dt.date, int],
             rules: AlertSettings) -> list[Subject]:
    """The subjects of the weekly rows (generic actors left out), sorted by name."""
    n, generic = len(index), generic_set(rules)
    acc: dict[str, Subject] = {}
    for row in rows:
        w = index.get(row.week)
        if w is None or row.a in generic or (row.b is not None and row.b in generic):
            continue
        subj = acc.get(row.subject)
        if subj is None:
            tracks = {d: Track(n) for d in DIRECTIONS}
            subj = acc[row.subject] = Subject(row.subject, "dyad" if row.b else "actor",
                                              row.a, row.b, tracks)
        subj.tracks[row.direction].add(w, row)
    return [acc[k] for k in sorted(acc)]


# --------------------------------------------------------------------------- scoring

def surprise(observed: float, expected: float) -> float:
    """-log10 P(X >= observed), X ~ Poisson(expected): the one scale of every alert.

    The tail is the regularised lower incomplete gamma function P(observed, expected),
    equal to the Poisson tail for whole counts and continuous between them (reports are
    weighted, so they need not be whole)."""
    if observed <= 0:
        return 0.0
    tail = float(gammainc(observed, max(expected, 1e-9)))
    return -math.log10(max(tail, 1e-300))


def surprises(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """:func:`surprise` over arrays (the same formula, element by element)."""
    tail = gammainc(np.maximum(observed, 1e-12), np.maximum(expected, 1e-9))
    return np.where(observed > 0, -np.log10(np.maximum(tail, 1e-300)), 0.0)


def _rolling(x: np.ndarray, weeks: int) -> np.ndarray:
    """Sum of the ``weeks`` values before each index (fewer at the start)."""
    c = np.concatenate(([0.0], np.cumsum(x)))
    idx = np.arange(len(x))
    return c[idx] - c[np.maximum(idx - weeks, 0)]


def _share(x: np.ndarray, vol: np.ndarray, weeks: int) -> np.ndarray:
    """The subject's share of the volume of the ``weeks`` before each week."""
    xs, vs = _rolling(x, weeks), _rolling(vol, weeks)
    return np.divide(xs, vs, out=np.zeros_like(xs), where=vs > 0)


def others_volume(vol: np.ndarray, track: Track) -> np.ndarray:
    """The news volume of everything but the subject: a subject's own surge must not raise
    the volume its expectation scales with (a war that fills the news would never rise)."""
    return np.maximum(vol - track.events, 0.0)


def breadth_ok(track: Track, start: int, end: int, rules: AlertSettings) -> bool:
    """Whether weeks start..end have the events, articles and sources an alert needs and
    are no longer than ``max_weeks`` (shared by every series detector)."""
    events, arts, srcs = track.span(start, end)
    return (events >= rules.min_events and arts >= rules.min_articles
            and srcs >= rules.min_sources and end - start + 1 <= rules.max_weeks)


def _period_score(x: np.ndarray, vol: np.ndarray, share: float, start: int, end: int,
                  rules: AlertSettings) -> tuple[float, float]:
    """(surprise, expected reports) of weeks start..end against a share of the volume."""
    weeks = end - start + 1
    expected = max(share * float(vol[start:end + 1].sum()), rules.min_expected * weeks)
    return surprise(float(x[start:end + 1].sum()), expected), expected


# --------------------------------------------------------------------------- baseline

def baselines(x: np.ndarray, vol: np.ndarray, rules: AlertSettings
              ) -> tuple[np.ndarray, np.ndarray]:
    """The short and long baseline shares of each week. In the first ``min_history_weeks``
    of the series there is too little history to be a baseline, so the subject's share of
    the rest of the series (from ``min_history_weeks`` on) stands in for it: a war going on
    since before the data began keeps its high share and does not look new, while a dyad
    that only appears in its third week (no events before, few after) can still alert —
    an emergent dyad is the most alarming case, not one to skip."""
    s4, s52 = _share(x, vol, rules.short_weeks), _share(x, vol, rules.long_weeks)
    k = min(rules.min_history_weeks, len(x))
    rest_vol = float(vol[k:].sum())
    if k and rest_vol > 0:
        rest = float(x[k:].sum()) / rest_vol
        s4[:k], s52[:k] = np.maximum(s4[:k], rest), np.maximum(s52[:k], rest)
    elif k:
        s4[:k] = s52[:k] = np.inf  # no series beyond the first weeks: nothing to judge by
    return s4, s52


def _alerting_weeks(x: np.ndarray, vol: np.ndarray, s4: np.ndarray, s52: np.ndarray,
                    rules: AlertSettings) -> list[int]:
    """Weeks whose reports jump against both baselines (shares ``s4``, ``s52``). Once a week
    alerts, the weeks that follow (within ``merge_gap_weeks``) are held against the shares
    from before it: the episode itself must not raise the baseline it is measured against."""
    out: list[int] = []
    frozen: tuple[float, float] | None = None
    for w in range(len(x)):
        if frozen is not None and w - out[-1] > rules.merge_gap_weeks + 1:
            frozen = None
        if x[w] < rules.min_increase:
            continue
        f4, f52 = frozen or (float(s4[w]), float(s52[w]))
        e4, e52 = f4 * vol[w], f52 * vol[w]
        expected = max(e4, e52)
        if not math.isfinite(expected):
            continue
        rel = min((x[w] - e4) / max(e4, 1.0), (x[w] - e52) / max(e52, 1.0))
        score = surprise(float(x[w]), max(expected, rules.min_expected))
        if (x[w] - expected >= rules.min_increase and rel >= rules.min_relative
                and score >= rules.min_week_score):
            out.append(w)
            frozen = frozen or (f4, f52)
    return out


def _runs(weeks: Sequence[int], gap: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for w in weeks:
        if runs and w - runs[-1][1] <= gap + 1:
            runs[-1] = (runs[-1][0], w)
        else:
            runs.append((w, w))
    return runs


def baseline(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """Weeks whose reports jump against both baselines, merged into periods."""
    hits: list[Hit] = []
    for direction, track in subject.tracks.items():
        x = track.reports
        if x.max(initial=0.0) < rules.min_increase:
            continue  # no week can rise enough
        vol = others_volume(volume, track)
        s4, s52 = baselines(x, vol, rules)
        for start, end in _runs(_alerting_weeks(x, vol, s4, s52, rules),
                                rules.merge_gap_weeks):
            if end - start + 1 > rules.max_weeks:  # a long episode alerts on its onset
                end = start + rules.onset_weeks - 1
            if not breadth_ok(track, start, end, rules):
                continue
            share = float(max(s4[start], s52[start]))
            score, expected = _period_score(x, vol, share, start, end, rules)
            if score >= rules.min_score:
                hits.append(Hit(subject, "baseline", direction, start, end, round(score, 4),
                                round(expected, 3), {"share_before": round(share, 5)}))
    return hits


# --------------------------------------------------------------------------- own rate

FLAT_VOLUME = 1e6  # a constant news volume: the baseline test on a subject's own weekly rate


def rate(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """Dyads only: the baseline test against the dyad's *own* recent rate, the news volume
    held constant. An escalation inside a war that fills the news (the volume rising with
    it) hides from the share-based tests; against its own previous weeks it stands out."""
    if subject.kind != "dyad":
        return []
    flat = np.where(volume > 0, FLAT_VOLUME, 0.0)
    return [Hit(h.subject, "rate", h.direction, h.start, h.end, h.score, h.expected,
                {"per_week_before": round(h.expected / (h.end - h.start + 1), 3)})
            for h in baseline(subject, flat, rules)]


# --------------------------------------------------------------------------- change point

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


def _segments(signal: np.ndarray, penalty: float) -> list[int]:
    import ruptures

    sd = float(signal.std())
    if sd == 0.0:
        return [0, len(signal)]
    pen = penalty * sd * sd * math.log(len(signal))
    algo = ruptures.Binseg(custom_cost=CumsumL2(), min_size=2, jump=1)
    return [0, *algo.fit(signal).predict(pen=pen)]


def _bounded(start: int, end: int, rules: AlertSettings) -> tuple[int, int]:
    """The alert period of a segment: the whole segment if it lasts at most ``max_weeks``,
    else its onset (the first ``onset_weeks``) when it starts at least ``max_weeks`` into
    the series; otherwise nothing (end < start): a long shift from early on is a trend."""
    if end - start + 1 <= rules.max_weeks:
        return start, end
    if start >= rules.max_weeks:
        return start, start + rules.onset_weeks - 1
    return start, start - 1


def changepoint(subject: Subject, volume: np.ndarray, rules: AlertSettings) -> list[Hit]:
    """Upward shifts of the weekly share lasting at most ``max_weeks``."""
    hits: list[Hit] = []
    if int(np.count_nonzero(volume)) < rules.changepoint_min_weeks:
        return hits
    for direction, track in subject.tracks.items():
        if track.events.sum() < rules.changepoint_min_events:
            continue
        x, vol = track.reports, others_volume(volume, track)
        signal = np.divide(x, vol, out=np.zeros_like(x), where=vol > 0)
        bounds = _segments(signal, rules.changepoint_penalty)
        for i in range(1, len(bounds) - 1):
            start, end = _bounded(bounds[i], bounds[i + 1] - 1, rules)
            if start < rules.changepoint_min_weeks or end < start:
                continue  # too little history: a shift from the series' start is a trend
            before = signal[max(0, start - rules.long_weeks):start]
            if signal[start:end + 1].mean() <= before.mean() or not breadth_ok(
                    track, start, end, rules):
                continue
            score, expected = _period_score(x, vol, float(before.mean()), start, end, rules)
            if score >= rules.min_score:
                hits.append(Hit(subject, "changepoint", direction, start, end, round(score, 4),
                                round(expected, 3), {"share_before": round(float(before.mean()), 5),
                                                     "share_after": round(float(
                                                         signal[start:end + 1].mean()), 5)}))
    return hits


# --------------------------------------------------------------------------- merging

def _overlap(a: Hit, b: Hit) -> bool:
    return (a.subject.name == b.subject.name and a.direction == b.direction
            and a.start <= b.end and b.start <= a.end)


def best_of_overlapping(hits: Sequence[Hit]) -> list[Hit]:
    """One hit per subject, direction and time: the best scored of those that overlap."""
    groups: dict[tuple[str, str], list[Hit]] = defaultdict(list)
    for hit in hits:
        groups[(hit.subject.name, hit.direction)].append(hit)
    kept: list[Hit] = []
    for group in groups.values():
        mine: list[Hit] = []
        for hit in sorted(group, key=lambda h: (-h.score, h.start, h.kind)):
            if not any(_overlap(hit, k) for k in mine):
                also = sorted(({h.kind for h in group if _overlap(hit, h)}
                               | set(hit.details.get("also_detected_by", ()))) - {hit.kind})
                mine.append(Hit(hit.subject, hit.kind, hit.direction, hit.start, hit.end,
                                hit.score, hit.expected, dict(hit.details, also_detected_by=also)))
        kept += mine
    return sorted(kept, key=lambda h: (-h.score, h.subject.name, h.start, h.kind))


# --------------------------------------------------------------------------- registry entries

@dataclass
class ScanContext:
    """What a detector sees: the subjects, the weekly volume, the subject-week rows and
    (for detectors that consume hits) the hits of the series detectors."""

    weeks: list[dt.date]
    vol: np.ndarray
    subjects: list[Subject]
    rows: list[SubjectWeek]
    hits: list[Hit] = field(default_factory=list)

    @property
    def index(self) -> dict[dt.date, int]:
        return {w: i for i, w in enumerate(self.weeks)}


@dataclass(frozen=True)
class Detector:
    """A registered alert detector (``tocsin.detectors.<name>.v1``)."""

    name: str
    detect: Any  # (ScanContext, AlertSettings) -> list[Hit]
    consumes_hits: bool = False  # runs after the series detectors, on their hits
    setting: str = ""  # a bool field of AlertSettings that switches it off

    def enabled(self, rules: AlertSettings) -> bool:
        return bool(getattr(rules, self.setting)) if self.setting else True


def per_subject(fn: Callable[[Subject, np.ndarray, AlertSettings], list[Hit]]
                ) -> Callable[[ScanContext, AlertSettings], list[Hit]]:
    """A detector's ``detect`` from a function of one subject (subject, volume, rules)."""
    def detect(ctx: ScanContext, rules: AlertSettings) -> list[Hit]:
        return [h for s in ctx.subjects for h in fn(s, ctx.vol, rules)]
    return detect


BASELINE = Detector("baseline", per_subject(baseline))
CHANGEPOINT = Detector("changepoint", per_subject(changepoint), setting="changepoint")
