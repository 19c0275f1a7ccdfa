"""Idioms of accident and crime news that are no act on another actor: catching fire,
going missing, pleading guilty (tocsin.news.verbs.txt, ACCIDENT_IDIOMS_NEWS).
Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "A Chinese cargo ship catches fire near a Japanese port.",
        "A bus carrying Afghan refugees deported from Pakistan caught fire near Kabul.",
        "A Malaysian airliner goes missing over Vietnam.",
        "A Colombian drug trafficker pleads guilty to smuggling charges in the United States.",
    ],
)
def test_an_accident_or_a_guilty_plea_is_no_event(triples: Any, sentence: str) -> None:
    assert triples(sentence) == set(), triples(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "The Bolivian suspect pleads not guilty to charges brought by Peru.",
            ("BOL", "PER", "016"),
        ),
        ("Ukraine pleads with Germany for more air defence.", ("UKR", "DEU", "020")),
        ("The Iranian foreign minister goes to Moscow.", ("IRN", "RUS", "040")),
        ("Thai police caught two Cambodian smugglers.", ("THA", "KHM", "173")),
    ],
)
def test_the_verbs_other_senses_stay(triples: Any, sentence: str, event: tuple[str, ...]) -> None:
    assert event in triples(sentence), triples(sentence)
