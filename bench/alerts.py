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


def episode_ranks(ranked: Sequence[Alert], episodes: Sequence[Episode]) -> list[str]:
    """One line per episode: the rank, detector and score of its best-ranked matching alert
    among ``ranked`` (all conflict alerts, best first), and its reports and articles, or
    "no alert": where a missed episode stands, not only that it was missed."""
    lines = []
    for ep in episodes:
        label = f"{ep.dyad} {ep.start:%Y-%m}"
        found = next(((i, a) for i, a in enumerate(ranked, 1) if matches(a, ep)), None)
        if found is None:
            lines.append(f"{label}: no alert")
            continue
        i, a = found
        lines.append(f"{label}: rank {i} [{a.kind}] score {a.score:.2f}, "
                     f"{a.details.get('observed', 0):.1f} reports, "
                     f"{a.details.get('articles', 0)} articles, {a.period_start}..{a.period_end}")
    return lines


def ranks(db: Path, episodes: Path = EPISODES) -> list[str]:
    """:func:`episode_ranks` of the stored conflict alerts of an SQLite store (a read)."""
    from tocsin import analysis
    from tocsin.store import Store

    with Store.open_url(f"sqlite:///{db}", upgrade=False) as store:
        ranked = analysis.alerts(store, top=10_000, direction="conflict")
    return episode_ranks(ranked, read_episodes(episodes))


# --------------------------------------------------------------------------- absorbing a day

FLOOR_ABSORB_S = 30.0  # "a million-event store absorbs a day of news in seconds"


def _day_of_news(day: dt.date, n_articles: int, seed: int = 11) -> list[dict[str, object]]:
    """``n_articles`` synthetic stories of ``day``, three events each (one per sentence)."""
    import numpy as np

    from tocsin.analysis import synthetic

    rng = np.random.default_rng(seed)
    c, codes = synthetic.COUNTRIES, ("190", "042", "057", "112", "036", "195", "173")
    stories: list[dict[str, object]] = []
    for i in range(n_articles):
        evs = []
        for _ in range(3):
            a, b = rng.choice(len(c), 2, replace=False)
            evs.append({"source": c[a], "target": c[b], "code": str(rng.choice(codes)),
                        "day": day})
        stories.append({"id": f"absorb-{day}-{seed}-{i}", "date": day,
                        "source": f"paper{i % 20}", "events": evs})
    return stories


def absorb(db: Path, n_articles: int = 300, seed: int = 11) -> dict[str, float]:
    """Seconds to bring a coded store's alerts current (catch-up), then to absorb a day of
    ``n_articles`` new articles after its last day (write + refresh: regroup, weekly rows,
    rescan, timed apart). Works on ``db`` in place: pass a copy."""
    import time

    from tocsin.analysis import synthetic
    from tocsin.analysis.refresh import refresh, refresh_identities
    from tocsin.analysis.scan import active_weeks, recompute_alerts
    from tocsin.settings import AlertSettings
    from tocsin.store import Store

    out: dict[str, float] = {}
    with Store.open_url(f"sqlite:///{db}") as store:
        t0 = time.perf_counter()
        refresh(store)
        out["catch_up_s"] = round(time.perf_counter() - t0, 2)
        out["events"] = float(store.count_events())
        weeks, _ = active_weeks(store.volume(), AlertSettings().active_share)
        day = weeks[-1] + dt.timedelta(days=6) if weeks else dt.date(2025, 1, 1)
        t0 = time.perf_counter()  # a day of the latest week of the alerts' series
        news = _day_of_news(day, n_articles, seed)
        synthetic.add_articles_with_events(store, news, refresh=False)
        out["write_s"] = round(time.perf_counter() - t0, 2)
        t0 = time.perf_counter()  # the refresh step, in its two parts
        refresh_identities(store)
        out["regroup_s"] = round(time.perf_counter() - t0, 2)
        t1 = time.perf_counter()
        out["alerts"] = float(recompute_alerts(store, AlertSettings()))
        out["scan_s"] = round(time.perf_counter() - t1, 2)
        out["refresh_s"] = round(time.perf_counter() - t0, 2)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m bench.alerts absorb --db COPY.db [--articles 300]``: prints the seconds
    and exits 1 when absorbing the day takes longer than the floor. ``python -m bench.alerts
    ranks --db STORE.db``: where each episode's best alert ranks (reads only)."""
    import argparse

    ap = argparse.ArgumentParser(description="absorbing a day of news into a coded store; "
                                 "where each episode ranks")
    ap.add_argument("what", choices=["absorb", "ranks"])
    ap.add_argument("--db", type=Path, required=True, help="a copy of a coded SQLite store")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11, help="another seed: another day's articles")
    ap.add_argument("--episodes", type=Path, default=EPISODES)
    args = ap.parse_args(argv)
    if args.what == "ranks":
        for line in ranks(args.db, args.episodes):
            print(line)
        return
    got = absorb(args.db, args.articles, args.seed)
    for key, value in got.items():
        print(f"{key}: {value:g}")
    total = got["write_s"] + got["refresh_s"]
    print(f"absorb a day ({args.articles} articles): {total:.2f} s (floor {FLOOR_ABSORB_S} s)")
    if total > FLOOR_ABSORB_S:
        raise SystemExit(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    main()
