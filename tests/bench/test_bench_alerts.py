"""The alert benchmark's parts: episode matching and absorbing a day into a store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bench import alerts as bench
from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.models import Alert
from tocsin.settings import load_settings
from tocsin.store import Store


def _alert(subject: str, start: str, end: str, articles: int = 3) -> Alert:
    return Alert(kind="baseline", subject=subject, period_start=dt.date.fromisoformat(start),
                 period_end=dt.date.fromisoformat(end), direction="conflict", score=3.0,
                 details={"subject_type": "dyad", "articles": articles})


def test_recall_counts_overlapping_dyad_alerts_only() -> None:
    eps = [bench.Episode("IND-PAK", dt.date(2025, 4, 22), dt.date(2025, 5, 11), "x"),
           bench.Episode("KHM-THA", dt.date(2025, 7, 24), dt.date(2025, 7, 29), "y")]
    found = [_alert("IND-PAK", "2025-05-05", "2025-05-18"),
             _alert("KHM-THA", "2025-09-01", "2025-09-07", articles=1)]
    got = bench.measure(found, eps)
    assert (got.recall_20, got.single_article_20) == (0.5, 0.5)
    assert got.missed_20 == ("KHM-THA 2025-07",) and not got.ok


def test_absorbing_a_day_times_each_step_and_stores_the_day(tmp_path: Path) -> None:
    settings = load_settings(env={}, data_dir=tmp_path / "data")
    day0 = dt.date(2025, 1, 6)
    stories: list[dict[str, Any]] = [
        {"id": f"s{w}", "date": day0 + dt.timedelta(weeks=w), "source": f"p{w % 3}",
         "events": [{"source": "RUS", "target": "UKR", "code": "190"},
                    {"source": "FRA", "target": "DEU", "code": "042"}]} for w in range(12)]
    with Store.open(settings) as store:
        add_articles_with_events(store, stories)
        before = store.count_events()
    db = tmp_path / "data" / "tocsin.db"
    got = bench.absorb(db, n_articles=20)
    assert got["events"] == before and got["catch_up_s"] >= 0
    assert {"write_s", "regroup_s", "scan_s", "refresh_s"} <= set(got)
    with Store.open(settings, upgrade=False) as store:
        assert store.count_events() == before + 60  # 20 articles, three events each
        assert store.pending_days()[1] == []  # the day was absorbed


def test_episode_ranks_say_where_each_episode_stands() -> None:
    eps = [bench.Episode("IND-PAK", dt.date(2025, 4, 22), dt.date(2025, 5, 11), "x"),
           bench.Episode("KHM-THA", dt.date(2025, 7, 24), dt.date(2025, 7, 29), "y")]
    found = [_alert("IRN-ISR", "2025-06-09", "2025-06-29"),
             _alert("IND-PAK", "2025-05-05", "2025-05-18")]
    got = bench.episode_ranks(found, eps)
    assert got[0].startswith("IND-PAK 2025-04: rank 2 [baseline] score 3.00")
    assert got[1] == "KHM-THA 2025-07: no alert"
