"""The alert benchmark: do the top conflict alerts surface the crisis episodes?

``tocsin bench-alerts`` reads the stored alerts of the configured store (run ``tocsin
demo`` or ``tocsin ingest`` of the bundled corpus first) and the episode list
``bench/episodes.tsv`` (dyad, start, end, description; written before any tuning), then
prints:

- recall@10 and recall@20: the share of episodes matched by one of the top 10 / 20
  conflict alerts that is a dyad alert on the episode's dyad whose period overlaps the
  episode (a week of slack either side);
- the share of the top-20 alerts whose evidence is a single article;
- the share of the top-20 alerts spanning more than 26 weeks.

Floors: recall@20 >= 0.8, no single-article alert, no alert over 26 weeks; the command
exits non-zero below a floor.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tocsin.models import Alert

log = logging.getLogger(__name__)

EPISODES = Path(__file__).resolve().parent / "episodes.tsv"
SLACK = dt.timedelta(days=7)
FLOOR_RECALL_20 = 0.8
MAX_WEEKS = 26


@dataclass(frozen=True)
class Episode:
    dyad: str  # "IND-PAK" (alphabetical)
    start: dt.date
    end: dt.date
    description: str


@dataclass(frozen=True)
class AlertBench:
    episodes: int
    recall_10: float
    recall_20: float
    single_article_20: float
    long_20: float
    matched_20: tuple[str, ...]
    missed_20: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return (self.recall_20 >= FLOOR_RECALL_20 and self.single_article_20 == 0
                and self.long_20 == 0)

    def lines(self) -> list[str]:
        return [
            f"episodes: {self.episodes}",
            f"recall@10: {self.recall_10:.3f}",
            f"recall@20: {self.recall_20:.3f} (floor {FLOOR_RECALL_20})",
            f"top-20 single-article share: {self.single_article_20:.3f} (floor 0)",
            f"top-20 share spanning > {MAX_WEEKS} weeks: {self.long_20:.3f} (floor 0)",
            "matched: " + (", ".join(self.matched_20) or "none"),
            "missed: " + (", ".join(self.missed_20) or "none"),
        ]


def read_episodes(path: Path = EPISODES) -> list[Episode]:
    """The episode list (tab-separated, '#' comments, a header line)."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    out = []
    for rec in csv.DictReader(rows, delimiter="\t"):
        a, b = rec["dyad"].split("-")
        out.append(Episode("-".join(sorted((a, b))), dt.date.fromisoformat(rec["start"]),
                           dt.date.fromisoformat(rec["end"]), rec["description"]))
    return out


def matches(alert: Alert, ep: Episode) -> bool:
    """A dyad alert on the episode's dyad whose period overlaps it (a week of slack)."""
    return (alert.subject_type == "dyad" and alert.subject == ep.dyad
            and alert.period_start <= ep.end + SLACK and ep.start - SLACK <= alert.period_end)


def _recall(top: Sequence[Alert], episodes: Sequence[Episode]) -> list[Episode]:
    return [ep for ep in episodes if any(matches(a, ep) for a in top)]


def _weeks(alert: Alert) -> float:
    return ((alert.period_end - alert.period_start).days + 1) / 7


def measure(ranked: Sequence[Alert], episodes: Sequence[Episode]) -> AlertBench:
    """The figures of ``ranked`` (conflict alerts, best first) against ``episodes``."""
    top10, top20 = list(ranked[:10]), list(ranked[:20])
    hit20 = _recall(top20, episodes)
    n = max(len(top20), 1)
    label = [f"{e.dyad} {e.start:%Y-%m}" for e in episodes]
    return AlertBench(
        episodes=len(episodes),
        recall_10=len(_recall(top10, episodes)) / max(len(episodes), 1),
        recall_20=len(hit20) / max(len(episodes), 1),
        single_article_20=sum(a.details.get("articles", 0) <= 1 for a in top20) / n,
        long_20=sum(_weeks(a) > MAX_WEEKS for a in top20) / n,
        matched_20=tuple(lab for lab, e in zip(label, episodes, strict=False) if e in hit20),
        missed_20=tuple(lab for lab, e in zip(label, episodes, strict=False) if e not in hit20),
    )
