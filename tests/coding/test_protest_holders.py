"""Protests and labour strikes held by the subject of a light verb (coding/protest.py,
coding/attackcodes.py): "farmers stage a protest in Paris", "Greeks organize a general
strike", "doctors go on strike in Kenya". Hand-made sentences coded with the bundled model
and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

# the light verb's subject holds the protest; its country's government is the target
HELD_PROTESTS = [
    ("Farmers stage a protest in Paris against the trade deal.", "FRA"),
    ("Kenyan opposition supporters hold a rally in Nairobi.", "KEN"),
    ("Greeks organize a nationwide general strike.", "GRC"),
    ("Nigerian labour unions call a nationwide strike over fuel prices.", "NGA"),
]


@pytest.mark.parametrize(("sentence", "country"), HELD_PROTESTS)
def test_the_subject_of_a_light_verb_holds_the_protest(
    roots: Roots, sentence: str, country: str
) -> None:
    got = roots(sentence)
    assert (country, country, "14") in got, got


# a strike that lasts or that someone goes on is a labour strike (143), no attack (19)
LABOUR_STRIKES = [
    "Thousands of doctors go on strike in Kenya to demand better pay.",
    "Teachers in Chile hold a 48-hour strike.",
]


@pytest.mark.parametrize("sentence", LABOUR_STRIKES)
def test_a_strike_someone_goes_on_is_a_labour_strike(roots: Roots, sentence: str) -> None:
    got = roots(sentence)
    assert any(c == "14" for _, _, c in got), got
    assert not any(c == "19" for _, _, c in got), got
