"""Ingest with the real coder: events stored, linked to their article and sentence."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tocsin.pipeline import ingest, recode
from tocsin.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_file() -> Path:
    path = Path(
        str(resources.files("tocsin") / "data" / "samples" / "russian-delegation-pakistan.txt")
    )
    assert path.is_file()
    return path


def test_ingest_codes_what_it_stores(sqlite_settings: Any, seed_file: Path) -> None:
    pytest.importorskip("tocsin.coding.pipeline")
    settings = sqlite_settings.replace(batch_size=2)
    report = ingest([str(seed_file)], settings)
    assert report.coding == "done" and report.stored == 1 and report.coded == 1
    assert report.events > 0
    with Store.open(settings) as store:
        [article] = list(store.iter_articles())
        assert store.count_articles(uncoded_only=True) == 0
        events = [e for _, e in store.iter_events(article_id=article.id)]
    assert len(events) == report.events
    codes = {
        (e.source.root if e.source else None, e.target.root if e.target else None) for e in events
    }
    assert ("RUS", "PAK") in codes or ("PAK", "RUS") in codes
    for ev in events:
        assert ev.article_id == article.id and ev.article_date == article.date
        if ev.sentence_index is not None and ev.sentence_index >= 0 and ev.sentence_span:
            start, end = ev.sentence_span
            assert article.text[start:end] == ev.sentence

    again = ingest([str(seed_file)], settings)  # nothing new to store or code
    assert (again.stored, again.coded, again.events) == (0, 0, 0)
    redone = recode(settings)
    assert redone.coded == 1 and redone.events == report.events
    with Store.open(settings) as store:
        assert store.count_events() == report.events  # replaced, not added


SENTENCE = "Russian officials met Pakistani officials in Islamabad on Wednesday."


def test_the_configured_components_decide_what_events_carry(sqlite_settings: Any) -> None:
    from tocsin.pipeline import Coder

    full = Coder(sqlite_settings).code_text(SENTENCE, date="2025-06-05")
    bare = Coder(
        sqlite_settings.replace(pipeline__components=("parse", "actors", "events"))
    ).code_text(SENTENCE, "2025-06-05")
    assert full and [e.code for e in full] == [e.code for e in bare]
    assert all(e.location is not None and e.date is not None for e in full)
    assert all(e.location is None and e.date is None for e in bare)
    assert any(e.location.country_code == "PK" for e in full if e.location)
    no_enrich = Coder(sqlite_settings, enrich=False)
    assert [c.name for c in no_enrich.components] == ["parse", "actors", "entities", "events"]


def test_code_articles_keeps_order_and_ids(sqlite_settings: Any) -> None:
    from tocsin.models import Article
    from tocsin.pipeline import code_articles

    title = "Russia accuses Pakistan of aggression"
    articles = [
        Article(id=f"a{i}", text=SENTENCE, title=title if i % 2 else None) for i in range(5)
    ]
    pairs = code_articles(articles, sqlite_settings)
    assert [a.id for a, _ in pairs] == [a.id for a in articles]
    for article, events in pairs:
        assert events and all(e.article_id == article.id for e in events)
        titles = [e for e in events if e.sentence_index == -1]
        assert bool(titles) == bool(article.title)
