"""The unnamed side of an event in a sentence that names two countries takes the country
of the event's place (tocsin.coding.sentenceplace, used by guards.place_roles): "people are
killed by Israeli shelling across southern Lebanon". Hand-made sentences coded with the
bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tocsin.actors.codes import code_twins

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

# the attacker's and the attacked country named: the victims are where the attack is
PLACED = [
    (
        "Russian forces launch hundreds of drones at Lviv, Ukraine, killing six people "
        "and injuring 20 others.",
        ("RUS", "UKR", "19"),
    ),
    ("Three people are killed by Israeli artillery shelling across southern Lebanon.", None),
    (
        "Hundreds of people rally in Belgrade, Serbia, to protest against a Chinese "
        "mining project.",
        ("SRB", "CHN", "14"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACED)
def test_the_unnamed_side_takes_the_country_of_the_event_place(
    roots: Roots, sentence: str, expected: tuple[str, str, str] | None
) -> None:
    got = roots(sentence)
    assert (expected or ("ISR", "LBN", "19")) in got, got


def test_the_casualties_of_a_coded_attack_are_no_second_event(roots: Roots) -> None:
    got = roots("Russia fires dozens of missiles at Odesa, Ukraine, killing eight people.")
    assert len([r for r in got if r[:2] == ("RUS", "UKR")]) <= 1, got


def test_no_country_taken_when_both_sides_are_unnamed(roots: Roots) -> None:
    got = roots("An American official resigns in protest of the war with Iran.")
    assert ("IRN", "IRN", "14") not in got, got


def test_a_cameo_code_and_its_iso_twin_are_one_country() -> None:
    twins = code_twins()
    assert twins["ROM"] == "ROU" and twins["MTN"] == "MNE"
    assert "KSV" not in twins  # Kosovo has no ISO twin


# a later sentence that names no country happens where the paragraph's one country is
FOLLOW_UPS = [
    ("A man stabs four people at a market in Lyon, France. The suspect is arrested.", "FRA", "17"),
    (
        "A gunman opens fire at a wedding in Izmir, Turkey. Police later arrest two men.",
        "TUR",
        "17",
    ),
    (
        "A bomb explodes near a police station in Quetta, Pakistan. Security forces kill two "
        "attackers in a shootout.",
        "PAK",
        "19",
    ),
]


@pytest.mark.parametrize(("text", "country", "code"), FOLLOW_UPS)
def test_a_later_sentence_takes_the_paragraph_country(
    roots: Roots, text: str, country: str, code: str
) -> None:
    got = roots(text)
    assert (country, country, code) in got, got


def test_no_paragraph_country_when_earlier_sentences_name_two(roots: Roots) -> None:
    got = roots("Serbia and Hungary sign a gas deal in Budapest. Two people are arrested.")
    assert not any(c == "17" for _, _, c in got), got
