"""Coding claims: concurrent coders split the uncoded articles instead of both coding all."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from tocsin.models import Article
from tocsin.store import Store


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i:03d}", text=f"story {i}", date=dt.date(2025, 1, 1),
                    content_hash=f"h{i}") for i in range(n)]


def test_concurrent_claims_are_disjoint_and_cover_everything(settings: Any) -> None:
    with Store.open(settings) as s:
        s.add_articles(_articles(60))
    got: dict[str, list[str]] = {}

    def worker(name: str) -> None:
        with Store.open(settings, upgrade=False) as s:
            mine: list[str] = []
            while batch := s.claim_articles(name, 7):
                mine += batch
            got[name] = mine

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [i for ids in got.values() for i in ids]
    assert sorted(claimed) == [f"a{i:03d}" for i in range(60)]  # each article exactly once


def test_coding_clears_the_claim_and_stale_claims_expire(settings: Any) -> None:
    with Store.open(settings) as s:
        s.add_articles(_articles(3))
        assert s.claim_articles("w1", 2) == ["a000", "a001"]
        assert s.claim_articles("w2", 5) == ["a002"]
        assert s.claim_articles("w3", 5) == []
        s.replace_events({"a000": []})  # coded: no longer claimable, claim cleared
        assert s.claim_articles("w3", 5, lease=0.0) == ["a001", "a002"]  # expired claims
        assert s.release_claims("w3") == 2
        assert s.claim_articles("w4", 5) == ["a001", "a002"]
