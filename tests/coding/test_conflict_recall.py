"""Armed-conflict recall: the side a place is taken from is the target of an occupation
(192) when a clause about the place names it (tocsin.coding.captures, called from
slots.find_actors), and the verb patterns of tocsin.conflict.verbs.txt (places captured,
towns liberated, control of a town regained), and a weapon the dictionaries read as a
role is no attacker of an attack noun (tocsin.coding.attacks). Hand-made sentences coded
with the bundled model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` and ``triples`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

HELD_BY = [
    # a relative clause of the object: "fell to X"
    ("Ukrainian troops recaptured several villages that fell to Russian forces last year.",
     ("UKR", "RUS", "19")),
    # an active relative clause: "which X had seized"
    ("Russian forces capture the village of Pishchane, which Ukrainian troops had held "
     "since 2022.", ("RUS", "UKR", "19")),
    # an adverbial clause of the verb: "after it had been held by X"
    ("Ukrainian forces recapture Kupiansk after it had been held by Russian troops.",
     ("UKR", "RUS", "19")),
]


@pytest.mark.parametrize(("sentence", "expected"), HELD_BY)
def test_the_side_that_held_a_taken_place_is_the_target(
    roots: Roots, sentence: str, expected: tuple[str, str, str]
) -> None:
    got = roots(sentence)
    assert expected in got, got


def test_a_place_taken_from_no_named_side_keeps_its_country(roots: Roots) -> None:
    # no holding clause: the place's own country stays the target, nothing is invented
    got = roots("Russian forces capture two villages in Donetsk Oblast, Ukraine.")
    assert ("RUS", "UKR", "19") in got, got


def test_a_holding_clause_does_not_change_a_seizure_of_property(roots: Roots) -> None:
    # 1711/171 is no occupation: the holder rule is for 192 only
    got = roots("Ukrainian police seize weapons that were used by Russian saboteurs.")
    assert not any(t == "RUS" and c == "19" for _, t, c in got), got


PLACES = [
    ("Somali forces capture key locations of the Islamic State in Puntland.",
     ("SOM", "IMG", "19")),
    ("Ukrainian forces liberate the village of Kupiansk from Russian troops.",
     ("UKR", "RUS", "19")),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACES)
def test_captured_and_liberated_places_are_occupations(
    roots: Roots, sentence: str, expected: tuple[str, str, str]
) -> None:
    got = roots(sentence)
    assert expected in got, got


def test_liberating_hostages_is_no_occupation(roots: Roots) -> None:
    got = roots("Israel liberates four hostages from Hamas.")
    assert not any(c == "19" for _, _, c in got), got


def test_regaining_control_of_a_chamber_is_no_occupation(roots: Roots) -> None:
    got = roots("The Democrats regain control of the House from the Republicans.")
    assert not any(c == "19" for _, _, c in got), got


def test_a_weapon_the_dictionaries_read_as_a_role_is_no_attacker(roots: Roots) -> None:
    # Phoenix's CRUISE_MISSILE is a ~MIL agent: placed in Ukraine it made Kyiv's own
    # military the attacker; an attack whose attacker no one names gives no event
    got = roots("Ten people are killed in cruise missile strikes on Kyiv, Ukraine.")
    assert not any(s == "UKR" for s, _, _ in got), got


def test_the_owner_of_a_weapon_modifier_stays_the_attacker(roots: Roots) -> None:
    got = roots("Ten people are killed in Russian cruise missile strikes on Kyiv, Ukraine.")
    assert ("RUS", "UKR", "19") in got, got
