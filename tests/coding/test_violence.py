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


# an attacker no one names, in a casualty clause: the country where it happens
UNNAMED_ATTACKER = [
    ("Four people were killed in a shooting at a market in Lagos, Nigeria.", "NGA", "NGA"),
    ("Two people are wounded in a bombing at a bus station in Peshawar, Pakistan.", "PAK", "PAK"),
    ("Two people were injured in a stabbing attack in Sydney, Australia.", "AUS", "AUS"),
    # the passive of an attack verb with no agent: the attacked thing's place
    ("The French consulate in Benghazi, Libya, was attacked with grenades.", "LBY", "FRA"),
    # a gerund the tagger reads as a verb ("a drive-by shooting", VBG)
    ("Two people were wounded in a drive-by shooting in Malmo, Sweden.", "SWE", "SWE"),
]


@pytest.mark.parametrize(("sentence", "source", "target"), UNNAMED_ATTACKER)
def test_unnamed_attacker_takes_the_country_of_the_place(
    roots: Roots, sentence: str, source: str, target: str
) -> None:
    got = roots(sentence)
    assert any(s == source and t == target and c in ("18", "19") for s, t, c in got), got


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


def test_an_unnamed_attackers_attack_is_an_assault(coder: Any) -> None:
    # CAMEO 18 (unconventional violence), not 19 (a fight between forces)
    events = coder.code_text("Four people were killed in a shooting at a market in Lagos, Nigeria.")
    assert {e.code for e in events if e.factuality.counts} == {"180"}


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
