"""Violent and law-enforcement events whose participants the text leaves unnamed, and
attack nouns the parser hides (coding/eventplace.py, coding/attacks.py): hand-made
sentences, coded with the bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.slow

# ``coder`` and ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py

Roots = Callable[[str], set[tuple[str, str, str]]]


# the unnamed agent of a passive attack verb takes the country of the place
UNNAMED_ATTACKER = [
    ("The French consulate in Benghazi, Libya, was attacked with grenades.", "LBY", "FRA"),
]


@pytest.mark.parametrize(("sentence", "source", "target"), UNNAMED_ATTACKER)
def test_unnamed_attacker_takes_the_country_of_the_place(
    roots: Roots, sentence: str, source: str, target: str
) -> None:
    got = roots(sentence)
    assert any(s == source and t == target and c in ("18", "19") for s, t, c in got), got


# an attack noun in a casualty clause whose attacker no one names: no event (the devset's
# call for unnamed attackers), where it used to make one of the place's country against
# itself; a shark's attack or a crime with no named perpetrator is no political event
NO_NAMED_ATTACKER = [
    "Four people were killed in a shooting at a market in Lagos, Nigeria.",
    "Two people are wounded in a bombing at a bus station in Peshawar, Pakistan.",
    "Two people were injured in a stabbing attack in Sydney, Australia.",
    "Two people were wounded in a drive-by shooting in Malmo, Sweden.",
    "A surfer is killed in a shark attack off a beach in Queensland, Australia.",
    "Six people are killed in a mass shooting at a nightclub in Durban, South Africa.",
]


@pytest.mark.parametrize("sentence", NO_NAMED_ATTACKER)
def test_no_event_for_an_attack_noun_with_no_named_attacker(roots: Roots, sentence: str) -> None:
    got = roots(sentence)
    assert not any(c in ("18", "19", "20") for _, _, c in got), got


# the same clauses with the attacker named keep their event
NAMED_ATTACKER = [
    ("Six people are killed in a mass shooting by Boko Haram gunmen in Maiduguri.", "NGA"),
    ("Five soldiers were killed in an ambush by al-Shabaab in Lower Shabelle.", "SOM"),
]


@pytest.mark.parametrize(("sentence", "source"), NAMED_ATTACKER)
def test_a_named_attacker_of_a_casualty_clause_keeps_the_event(
    roots: Roots, sentence: str, source: str
) -> None:
    got = roots(sentence)
    assert any(s == source and c in ("18", "19") for s, _, c in got), got


# no attack happened: no attacker is made up
NO_ATTACKER = [
    "Three people died in a car crash in Ohio.",
    "Ten people were killed in a flood in Kenya.",
    "Rockets from Lebanon were fired into Israel.",
]


@pytest.mark.parametrize("sentence", NO_ATTACKER)
def test_no_attacker_where_the_text_has_none(roots: Roots, sentence: str) -> None:
    got = roots(sentence)
    assert not any(c in ("18", "19", "20") and s == t for s, t, c in got), got
    assert ("ISR", "LBN", "19") not in got and ("ISR", "LBN", "18") not in got


# the attacker of an attack noun the parser hangs elsewhere
HIDDEN_SOURCES = [
    # a demonym through a compound ("Turkish drone strike")
    ("Five civilians were killed in a Turkish drone strike in northern Syria.", "TUR", "SYR", "19"),
    (
        "At least ten people were killed in Russian missile strikes across Ukraine.",
        "RUS",
        "UKR",
        "19",
    ),
    # "by X" hung on the attacked thing
    (
        "Six soldiers were killed in an ambush on a convoy by Al-Shabaab militants near Mogadishu.",
        "SOM",
        "SOM",
        "19",
    ),
    # an attack inside one country: the attacker's own soldiers are its target
    (
        "Five Nigerian soldiers were killed in an attack on a base by Boko Haram militants.",
        "NGA",
        "NGA",
        "19",
    ),
    # the subject of a verb conjoined to a root noun ("settlers ... beat and injure")
    ("Israeli settlers near Nablus beat and injure two Palestinian farmers.", "ISR", "PSE", "18"),
    # a light verb's pattern that only hit a role ("cruise missiles" read as troops)
    (
        "Russian forces launch strikes involving drones and cruise missiles, including "
        "hypersonic missiles, across Ukraine.",
        "RUS",
        "UKR",
        "19",
    ),
    # a light verb's own pattern ("conduct ... for") loses to the attack noun
    ("The Indian army conducted strikes against Pakistan for a second night.", "IND", "PAK", "19"),
]


@pytest.mark.parametrize(("sentence", "source", "target", "code"), HIDDEN_SOURCES)
def test_attack_noun_source(
    roots: Roots, sentence: str, source: str, target: str, code: str
) -> None:
    assert (source, target, code) in roots(sentence)


# law enforcement: the unnamed side is the enforcing state's
LAW = [
    # the court's country, though the sentence names another
    ("A Turkish court sentenced a man to ten years in prison for spying for Greece.", "TUR", "TUR"),
    # "X is arrested": the police of X's country
    ("Japanese businessman Kenji Sato was arrested for fraud.", "JPN", "JPN"),
    # a national group's members: their country's police
    ("Nine Sinaloa Cartel members were arrested for kidnapping.", "MEX", "MEX"),
    # the place of the arrest
    ("A French tourist was arrested in Bangkok, Thailand.", "THA", "FRA"),
]


@pytest.mark.parametrize(("sentence", "source", "target"), LAW)
def test_law_enforcement_is_the_states(
    roots: Roots, sentence: str, source: str, target: str
) -> None:
    got = roots(sentence)
    assert any(s == source and t == target and c == "17" for s, t, c in got), got


def test_a_root_noun_that_is_no_actor_is_no_subject(coder: Any) -> None:
    # "sentences" tagged as the root noun: "fines" has the court as its subject, not it
    events = coder.code_text("A Moroccan court sentences a man to prison and fines him for fraud.")
    sources = {e.source.code for e in events if e.source and e.factuality.counts}
    assert sources == {"MARJUD"}, sources


def test_a_verb_that_says_more_keeps_its_code_with_the_nouns_attacker(coder: Any) -> None:
    # "abducted in a raid by bandits": an abduction (181) by the bandits, not a raid (190)
    events = coder.code_text(
        "Ten villagers were abducted in a raid by bandits in Zamfara, Nigeria."
    )
    got = {(e.source.code, e.code) for e in events if e.source and e.factuality.counts}
    assert got == {("NGACRM", "181")}, got


def test_no_unnamed_attacker_when_the_casualty_verb_names_one(coder: Any) -> None:
    # "gunmen killed ... in an attack": the verb's subject did it; no second, unnamed attacker
    events = coder.code_text("Gunmen killed five people in an attack on a mosque in Kano, Nigeria.")
    assert events and not any("unnamed" in (e.source.entry or "") for e in events if e.source)


# a role that modifies an attack noun is its attacker only if it bears arms: "a school
# shooting" names the target, "a police shooting" the shooter
def test_a_target_role_modifier_is_no_attacker(roots: Roots) -> None:
    got = roots("One person is killed in a school shooting in Hat Yai, Thailand.")
    assert not any(c in ("18", "19") for _, _, c in got), got


def test_an_armed_role_modifier_is_the_attacker(roots: Roots) -> None:
    got = roots("Two people are killed in a police shooting in Lagos, Nigeria.")
    assert any(s == "NGA" and c in ("18", "19") for s, _, c in got), got
