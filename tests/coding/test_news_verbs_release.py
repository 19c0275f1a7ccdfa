"""A person released or freed "from" a country was released by that country (0841), and
halting or suspending arms deliveries or weapon shipments cuts military aid (1622).
Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    ("An American soldier is released from Russia.", "RUS", "USA", "0841"),
    ("Two French aid workers were freed from Iran.", "IRN", "FRA", "0841"),
    # ... and released by the subject when freed from prison: the "from" phrase is a place
    ("The Iranian government releases an Italian journalist from prison.", "IRN", "ITA", "0841"),
    ("Venezuela frees a Colombian activist from jail.", "VEN", "COL", "0841"),
    ("Germany halts weapon shipments to Israel.", "DEU", "ISR", "1622"),
    ("Spain suspends arms deliveries to Israel.", "ESP", "ISR", "1622"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "source", "target", "code"), CASES)
def test_release_from_a_country_and_halted_arms_get_the_codebook_code(
    triples: Any, sentence: str, source: str, target: str, code: str
) -> None:
    got = triples(sentence)
    assert (source, target, code) in got, got


@pytest.mark.slow
def test_halting_weapon_shipments_is_no_de_escalation(triples: Any) -> None:
    # Phoenix's "HALT * &WEAPON" reads it as ending a fight (087)
    assert all(c != "087" for _, _, c in triples("Germany halts weapon shipments to Israel."))


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Hamas releases a video showing two Israeli hostages in Gaza.",
        "The Russian army released footage of the Ukrainian prisoners.",
    ],
)
def test_releasing_a_video_or_footage_releases_no_one(triples: Any, sentence: str) -> None:
    assert all(not c.startswith("084") for _, _, c in triples(sentence))


@pytest.mark.slow
def test_releasing_hostages_stays_a_release(triples: Any) -> None:
    assert ("PSE", "ISR", "0841") in triples("Hamas releases two Israeli hostages.")


# a detention word later in the sentence makes the 'from prison' pattern match first; its
# actors lack a source, so the engine falls back to 'from $' (coding/slotfallback.py)
@pytest.mark.slow
def test_release_from_a_country_with_a_later_detention_word(triples: Any) -> None:
    got = triples("An American soldier is released from Russia after two years in detention.")
    assert ("RUS", "USA", "0841") in got, got


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt and Qatar release a joint proposal for the Gaza war.",
        "India releases a new strategy for the border with Pakistan.",
    ],
)
def test_releasing_a_thing_with_no_actor_in_it_releases_no_one(triples: Any, sentence: str) -> None:
    # RELEASE's default code (084, "return, release person(s)/property") needs an actor in
    # its object; the actor of a "for"/"on" modifier is the topic, not what is released
    assert all(not c.startswith("084") for _, _, c in triples(sentence))


@pytest.mark.slow
def test_releasing_an_actors_property_stays_a_release(triples: Any) -> None:
    assert ("USA", "IRN", "084") in triples("The United States releases frozen Iranian assets.")
