"""Verbs that name no political act in news (issue #9): a vehicle that overturns had an
accident (no seizure, 171), a team beating another in a match or final is sport (no force,
190); the political readings stay. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

NO_EVENT = [
    "A fuel tanker overturns on a highway in Kano, Nigeria.",
    "In the third-place match, Greece beats Finland.",
    "Italy defeated France in the semifinal.",
    "Spain beats England to win the European Championship.",
]

KEPT = [
    ("Ukrainian forces defeat Russian troops near Kharkiv.", "UKR", "RUS", "19"),
    ("The Nigerian army defeats Boko Haram fighters in Borno State.", "NGA", "NGA", "19"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NO_EVENT)
def test_accidents_and_sport_give_no_event(roots: Any, sentence: str) -> None:
    assert roots(sentence) == set()


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "source", "target", "root"), KEPT)
def test_defeating_an_armed_enemy_stays_force(
    roots: Any, sentence: str, source: str, target: str, root: str
) -> None:
    assert (source, target, root) in roots(sentence)
