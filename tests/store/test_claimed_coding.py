"""Two coding runs started together on one SQLite store split the uncoded articles."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from tocsin.models import Actor, Article, Event
from tocsin.pipeline import code_stored
from tocsin.settings import load_settings
from tocsin.store import Store


def _articles(n: int) -> list[Article]:
    return [Article(id=f"c{i:03d}", text=f"claimed story number {i}",
                    date=dt.date(2025, 3, 1) + dt.timedelta(days=i % 9),
                    content_hash=f"claim-h{i}", source="test") for i in range(n)]


class MeetingCoder:
    """One event per article; its first chunk waits for the other run's first chunk, so both
    runs hold a claim at the same time (and would both code everything without claims)."""

    def __init__(self, barrier: threading.Barrier) -> None:
        self.barrier = barrier
        self.seen: list[str] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        batch = list(articles)
        if not self.seen:
            self.barrier.wait(timeout=30)
        for art in batch:
            self.seen.append(art.id)
            yield art, [Event(Actor("RUS", "Russia"), Actor("UKR", "Ukraine"), "190",
                              sentence_index=0, sentence=art.text, quad_class=4)]


def _events(settings: Any) -> list[tuple[str, str, str, str]]:
    with Store.open(settings, upgrade=False) as store:
        return sorted((e.article_id or "", e.code, e.source.code if e.source else "",
                       e.target.code if e.target else "") for _, e in store.iter_events())


def test_two_concurrent_runs_code_each_article_once(sqlite_settings: Any, tmp_path: Any) -> None:
    settings = sqlite_settings.replace(batch_size=5)
    with Store.open(settings) as store:
        store.add_articles(_articles(40))
    coders = [MeetingCoder(threading.Barrier(2)) for _ in range(2)]
    coders[1].barrier = coders[0].barrier
    reports: list[Any] = []

    def run(coder: MeetingCoder) -> None:
        with Store.open(settings, upgrade=False) as store:
            reports.append(code_stored(store, settings, coder=coder, uncoded_only=True))

    threads = [threading.Thread(target=run, args=(c,)) for c in coders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    first, second = (set(c.seen) for c in coders)
    assert first and second and not first & second  # both worked, none twice
    assert sorted(first | second) == [a.id for a in _articles(40)]
    assert sum(r.coded for r in reports) == 40
    with Store.open(settings, upgrade=False) as store:
        assert store.count_articles(uncoded_only=True) == 0
    alone = load_settings(env={}, data_dir=tmp_path / "alone").replace(batch_size=5)
    with Store.open(alone) as store:
        store.add_articles(_articles(40))
        code_stored(store, alone, coder=MeetingCoder(threading.Barrier(1)), uncoded_only=True)
    assert _events(settings) == _events(alone)  # the same events as one run alone


def test_a_failed_run_releases_its_claims(sqlite_settings: Any) -> None:
    class Broken:
        def code_articles(self, articles: Iterable[Article]
                          ) -> Iterator[tuple[Article, list[Event]]]:
            raise KeyboardInterrupt  # not an article's fault: the run stops

    settings = sqlite_settings.replace(batch_size=5)
    with Store.open(settings) as store:
        store.add_articles(_articles(10))
        try:
            code_stored(store, settings, coder=Broken(), uncoded_only=True)
        except KeyboardInterrupt:
            pass
        assert len(store.claim_articles("next", 50)) == 10  # nothing left claimed
