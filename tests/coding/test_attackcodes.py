"""The code of an attack from what did it (coding/attackcodes.py): the attack noun or weapon
that is the subject of the verb saying what it did. Hand-made sentences, coded with the
bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``triples`` (the bundled model and dictionaries): tests/coding/conftest.py
Triples = Callable[[str], set[tuple[str, str, str]]]

# an attack noun subject: the verb says the consequence, the noun the act (CAMEO 19x)
NOUN_SUBJECTS = [
    ("Russian drone strikes on a market in Kharkiv injure at least ten people.", "RUS", "195"),
    ("An Israeli airstrike destroys a mosque in Rafah.", "ISR", "195"),
    ("Russian artillery shelling destroyed a school in Kherson.", "RUS", "194"),
]


@pytest.mark.parametrize(("sentence", "source", "code"), NOUN_SUBJECTS)
def test_an_attack_noun_subject_gives_the_code(
    triples: Triples, sentence: str, source: str, code: str
) -> None:
    got = {t for t in triples(sentence) if t[0] == source}
    assert got and all(c == code for _, _, c in got), got


# a weapon subject: flown (195), fired by guns and tanks (194), improvised (183)
WEAPON_SUBJECTS = [
    ("Israeli tank shells hit a school in Khan Younis.", "ISR", "194"),
    ("A Taliban roadside bomb hits a police convoy in Helmand.", "AFG", "183"),
    ("Russian guided bombs hit an apartment block in Zaporizhzhia.", "RUS", "195"),
]


@pytest.mark.parametrize(("sentence", "source", "code"), WEAPON_SUBJECTS)
def test_a_weapon_subject_gives_the_code(
    triples: Triples, sentence: str, source: str, code: str
) -> None:
    got = {t for t in triples(sentence) if t[0] == source}
    assert got and all(c == code for _, _, c in got), got


def test_an_attack_that_kills_and_injures_is_one_event(triples: Triples) -> None:
    got = triples("Russian drone strikes on a market in Kharkiv kill six people and injure 40.")
    assert [t for t in got if t[0] == "RUS"] == [("RUS", "UKR", "195")], got


def test_a_verb_that_says_no_consequence_keeps_its_code(triples: Triples) -> None:
    # "condemns" is the speaker's act, not what the strikes did
    got = triples("Germany condemns the Russian drone strikes on Kharkiv.")
    assert all(c[:2] != "19" or s == "RUS" for s, _, c in got), got


def test_the_place_of_a_passive_agent_is_not_the_attacker(triples: Triples) -> None:
    # "in Jenin" says where the bomb went off, not who planted it
    got = triples("Three Israeli soldiers are killed by a roadside bomb in Jenin.")
    assert not any(s == "PSE" for s, _, _ in got), got


# the participle of a passive says what the attack did, not what its patient did
PATIENT_PARTICIPLES = [
    "Ukrainian spy ship Simferopol is sunk by a drone strike in the Danube, killing two people.",
    "A Nigerian army truck was hit by a landmine near Maiduguri, injuring five passengers.",
]


@pytest.mark.parametrize("sentence", PATIENT_PARTICIPLES)
def test_the_patient_of_a_passive_is_not_the_doer_of_its_participle(
    triples: Triples, sentence: str
) -> None:
    got = triples(sentence)
    assert not any(c[:2] in ("18", "19") for _, _, c in got), got
