"""The alert scan's report weights, as the store computes them: one action shared by the
countries of one sentence is split among them; two different events in a sentence are not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.store import Store

DAY = dt.date(2025, 3, 5)


@pytest.fixture
def store(settings: Any) -> Any:
    s = Store.open(settings)
    yield s
    s.close()


def _reports(store: Store) -> dict[str, float]:
    return {r.subject: r.reports for r in store.subject_weeks()
            if r.b is not None and r.direction == "conflict"}


def test_one_action_of_three_countries_is_a_third_each(store: Any) -> None:
    # "a coalition of GBR, FRA and DEU strikes SYR": one sentence, one kind of event
    add_articles_with_events(store, [{"id": "a1", "date": DAY, "events": [
        {"source": c, "target": "SYR", "code": "195", "sentence_index": 0}
        for c in ("GBR", "FRA", "DEU")]}])
    assert _reports(store) == pytest.approx({"GBR-SYR": 1 / 3, "FRA-SYR": 1 / 3,
                                             "DEU-SYR": 1 / 3})


def test_two_different_events_in_one_sentence_count_whole(store: Any) -> None:
    # "UKR will train Polish troops following Russian drone incursions into Polish airspace"
    add_articles_with_events(store, [{"id": "a2", "date": DAY, "events": [
        {"source": "UKR", "target": "POL", "code": "030", "sentence_index": 0},
        {"source": "RUS", "target": "POL", "code": "195", "sentence_index": 0}]}])
    assert _reports(store) == pytest.approx({"POL-RUS": 1.0})
    coop = {r.subject: r.reports for r in store.subject_weeks()
            if r.b is not None and r.direction == "cooperation"}
    assert coop == pytest.approx({"POL-UKR": 1.0})
