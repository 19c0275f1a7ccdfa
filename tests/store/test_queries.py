"""store.queries: identity rebuild triggers, the day rule, and the query benchmark."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from click.testing import CliRunner

from bench import queries as bench
from tocsin import analysis
from tocsin.analysis.identity import event_day
from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.cli import main
from tocsin.models import EventMention
from tocsin.store import Store

D0 = dt.date(2025, 3, 3)


@pytest.fixture
def store(settings: Any) -> Any:
    s = Store.open(settings)
    yield s
    s.close()


def test_recoding_an_article_to_no_events_rebuilds_identities(store: Any) -> None:
    add_articles_with_events(store, [{"id": "a", "date": D0, "events": [
        {"source": "RUS", "target": "PAK", "code": "042"}]}])
    assert analysis.dyad(store, "RUS", "PAK").total_events == 1
    store.replace_events({"a": []})  # same max id, fewer events
    analysis.refresh(store)
    assert analysis.dyad(store, "RUS", "PAK").total_events == 0


def test_event_day_uses_article_date_for_coarse_event_dates() -> None:
    m = EventMention(1, "a", "042", True, event_date=dt.date(2026, 1, 1), article_date=D0)
    assert event_day(m.__class__(**{**vars(m), "event_date_precision": "year"})) == D0
    assert event_day(m.__class__(**{**vars(m), "event_date_precision": "month"})) == D0
    assert event_day(m.__class__(**{**vars(m), "event_date_precision": "day"})) == m.event_date
    assert event_day(EventMention(2, "a", "042", True)) is None


def test_bench_queries_reports_every_query(sqlite_settings: Any) -> None:
    report = bench.run(sqlite_settings, n_events=3000, runs=2)
    assert report.events == 3000 and 0 < report.identities <= 3000
    names = [t.name for t in report.timings]
    assert any(n.startswith("dyad series") for n in names)
    assert any(n.startswith("event search") for n in names)
    assert any(n.startswith("alert scan") for n in names)
    assert all(t.p50_ms > 0 and t.p95_ms >= t.p50_ms for t in report.timings)
    again = bench.run(sqlite_settings, n_events=3000, runs=1, reuse=True)
    assert again.setup_seconds.get("insert") is None  # reused, not regenerated


def test_bench_queries_cli(sqlite_settings: Any) -> None:
    res = CliRunner().invoke(main, ["-q", "--data-dir", str(sqlite_settings.data_dir),
                                    "bench-queries", "--events", "1500", "--runs", "2"])
    assert res.exit_code == 0, res.output
    assert "backend sqlite: 1500 events" in res.output and "p95" in res.output


def test_event_search_takes_like_wildcards_literally(store: Any) -> None:
    add_articles_with_events(store, [{"id": "a", "date": D0, "events": [
        {"source": "RUS", "target": "PAK", "code": "042", "sentence": "Talks at 100% pace"},
        {"source": "RUS", "target": "IND", "code": "042", "sentence": "Talks at 1000 pace"},
        {"source": "RUS", "target": "CHN", "code": "042", "sentence": "a_b meets"}]}])
    analysis.refresh(store)
    from tocsin.store.queries import EventFilters

    def found(text: str, **kw: Any) -> set[str]:
        rows = store.search_events(EventFilters(search=text, **kw))
        return {r["target_code"] for r in rows}

    assert found("100%") == {"PAK"}  # "%" is not "anything"
    assert found("a_b") == {"CHN"} and found("a_") == {"CHN"}
    assert found("1000") == {"IND"}
    assert found("100%", actor="RUS") == {"PAK"}  # the identity-driven path too
