"""The third party's bell: a partner of C moving toward C's rival (pure).

When cooperation between A and B rises significantly (a cooperation alert on the dyad
A-B) while, in the signed network of the ``third_party_weeks`` before the rise, A is a
partner of C (positive net Goldstein) and B a rival of C (negative), C is alerted:
"IND: RUS, a partner, moves toward PAK, a rival". A and B only move toward each other when
their relation over the rise is net cooperative: cooperation that rises inside a war between
them (ceasefire talks while the strikes go on) is no rapprochement. The alert keeps the A-B
alert's score (the same calibrated scale as every alert) and the evidence of all three edges.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from tocsin.analysis.detectors import Detector, Hit, ScanContext, Subject, generic_set
from tocsin.models import SubjectWeek
from tocsin.settings import AlertSettings


class SignedWindows:
    """Undirected edges of any window of weeks (cumulative sums of events and Goldstein)."""

    def __init__(self, rows: Iterable[SubjectWeek], index: Mapping[dt.date, int],
                 rules: AlertSettings) -> None:
        generic = generic_set(rules)
        n = len(index)
        events: dict[tuple[str, str], np.ndarray] = defaultdict(lambda: np.zeros(n + 1))
        gold: dict[tuple[str, str], np.ndarray] = defaultdict(lambda: np.zeros(n + 1))
        for r in rows:
            w = index.get(r.week)
            if w is None or r.b is None or r.a in generic or r.b in generic:
                continue
            events[(r.a, r.b)][w + 1] += r.events
            gold[(r.a, r.b)][w + 1] += r.goldstein_sum
        self.events = {k: np.cumsum(v) for k, v in events.items()}
        self.gold = {k: np.cumsum(v) for k, v in gold.items()}
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        for a, b in self.events:
            self.neighbours[a].add(b)
            self.neighbours[b].add(a)
        self.min_events = rules.third_party_min_events

    def sign(self, a: str, b: str, start: int, end: int) -> tuple[int, int, float]:
        """(sign, events, mean Goldstein) of the edge a-b in weeks [start, end); sign 0 when
        the edge has fewer than ``third_party_min_events`` events or a zero net score."""
        key = (min(a, b), max(a, b))
        if key not in self.events:
            return 0, 0, 0.0
        n = int(self.events[key][end] - self.events[key][start])
        g = float(self.gold[key][end] - self.gold[key][start])
        if n < self.min_events or g == 0:
            return 0, n, 0.0
        return (1 if g > 0 else -1), n, round(g / n, 3)

    def net(self, a: str, b: str, start: int, end: int) -> float:
        """The net Goldstein score of the edge a-b in weeks [start, end) (0 without events)."""
        key = (min(a, b), max(a, b))
        gold = self.gold.get(key)
        return 0.0 if gold is None else float(gold[end] - gold[start])


def _third_party(hit: Hit, partner: str, rival: str, c: str, edges: dict[str, object]) -> Hit:
    subject = Subject(c, "third_party", c, None, hit.subject.tracks)
    details = {"partner": partner, "rival": rival, "dyad": hit.subject.name,
               "dyad_kind": hit.kind, "edges": edges}
    return Hit(subject, "third_party", "cooperation", hit.start, hit.end, hit.score,
               hit.expected, details)


def third_party(hits: Sequence[Hit], windows: SignedWindows, rules: AlertSettings) -> list[Hit]:
    """Third-party alerts raised by the cooperation alerts of dyads among ``hits``."""
    out: list[Hit] = []
    for hit in hits:
        if hit.direction != "cooperation" or hit.subject.kind != "dyad" or hit.subject.b is None:
            continue
        lo = max(0, hit.start - rules.third_party_weeks)
        a, b = hit.subject.a, hit.subject.b
        if windows.net(a, b, hit.start, hit.end + 1) <= 0:
            continue  # more hostile than cooperative over the rise: not moving toward
        for c in sorted((windows.neighbours[a] & windows.neighbours[b]) - {a, b}):
            sa_, na, ma = windows.sign(a, c, lo, hit.start)
            sb, nb, mb = windows.sign(b, c, lo, hit.start)
            if sa_ * sb != -1:
                continue
            partner, rival = (a, b) if sa_ > 0 else (b, a)
            edges: dict[str, object]
            edges = {f"{partner}-{c}": {"sign": 1, "events": na if sa_ > 0 else nb,
                                        "mean_goldstein": ma if sa_ > 0 else mb},
                     f"{rival}-{c}": {"sign": -1, "events": nb if sa_ > 0 else na,
                                      "mean_goldstein": mb if sa_ > 0 else ma},
                     "window_weeks": [lo, hit.start]}
            out.append(_third_party(hit, partner, rival, c, edges))
    return out


def _detect(ctx: ScanContext, rules: AlertSettings) -> list[Hit]:
    return third_party(ctx.hits, SignedWindows(ctx.rows, ctx.index, rules), rules)


THIRD_PARTY = Detector("third_party", _detect, consumes_hits=True, setting="third_party")
