"""Attack nouns and violence on unseen news (coding/nounattacks.py): coordinated means of an
attack noun, the relative clause that says what it hit, and subjects that name only a place;
hand-made sentences coded with the bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]


# "a Russian missile and drone attack": the parser makes the attack the conjunct of its
# means; the means' demonym is the attacker
COORDINATED_MEANS = [
    ("Five civilians were killed in an Iranian missile and drone attack on Haifa.", "IRN", "ISR"),
    ("Nine people are injured in a Russian missile and drone attack on Odesa.", "RUS", "UKR"),
]


@pytest.mark.parametrize(("sentence", "source", "target"), COORDINATED_MEANS)
def test_coordinated_means_keep_the_attacker(
    roots: Roots, sentence: str, source: str, target: str
) -> None:
    assert (source, target, "19") in roots(sentence)


# "a raid carried out by X", "attacks that were claimed by X": the agent of a participle or
# relative clause that says who did it is the attacker
DONE_BY_AGENTS = [
    (
        "Four villagers are killed in a raid carried out by Boko Haram in Borno State, Nigeria.",
        "NGA",
    ),
    ("Eight soldiers are killed in attacks that were claimed by al-Shabaab in Somalia.", "SOM"),
    ("Three civilians are killed in a drone strike launched by the Houthis in Marib.", "YEM"),
]


@pytest.mark.parametrize(("sentence", "source"), DONE_BY_AGENTS)
def test_the_agent_of_a_participle_is_the_attacker(
    roots: Roots, sentence: str, source: str
) -> None:
    assert any(s == source and c == "19" for s, _, c in roots(sentence)), roots(sentence)


def test_the_agent_of_another_participle_is_no_attacker(roots: Roots) -> None:
    # "escorted by French troops": the troops escorted the convoy, they did not attack it
    got = roots("Two people are killed in an attack on a convoy escorted by French troops in Mali.")
    assert not any(s == "FRA" for s, _, _ in got), got


def test_relative_clause_names_what_the_attack_hit(roots: Roots) -> None:
    got = roots("Ten people were killed in a Saudi air strike that hit a market in Yemen.")
    assert ("SAU", "YEM", "19") in got


# a subject that is no actor ("a fire", "a storm"): its place is where, not who
PLACE_ONLY_SUBJECTS = [
    ("A fire at a factory in Lyon, France, killed six workers.", "FRA"),
    ("A storm in Chile kills three people and damages hundreds of homes.", "CHL"),
    ("An explosion at a mine in Shanxi, China, killed twelve miners.", "CHN"),
]


@pytest.mark.parametrize(("sentence", "place"), PLACE_ONLY_SUBJECTS)
def test_the_place_of_a_subject_is_no_source(roots: Roots, sentence: str, place: str) -> None:
    assert not any(s == place for s, _, _ in roots(sentence))


def test_an_agent_subject_with_a_place_keeps_its_event(roots: Roots) -> None:
    got = roots("Police in Lagos, Nigeria, arrested ten protesters.")
    assert any(s == "NGA" and c == "17" for s, _, c in got), got


# armed group members killed in an operation or raid no clause assigns: the state of the
# place (coding/nounevents.state_operations), or the noun's own demonym
STATE_OPERATIONS = [
    (
        "Fifteen Boko Haram fighters were killed in a military operation in Borno State, Nigeria.",
        "NGA",
    ),
    ("Twelve ISIL fighters are killed in raids in Anbar, Iraq.", "IRQ"),
    ("Seven Hamas militants were killed in an Israeli operation in Jenin.", "ISR"),
]


@pytest.mark.parametrize(("sentence", "state"), STATE_OPERATIONS)
def test_an_operation_against_an_armed_group_is_the_states(
    roots: Roots, sentence: str, state: str
) -> None:
    assert any(s == state and c == "19" for s, _, c in roots(sentence))


def test_an_operation_that_kills_civilians_names_no_attacker(roots: Roots) -> None:
    assert not roots("Five civilians were killed in an operation in Kano, Nigeria.")


# the participle of an attack noun says what it hit; the participle's own event (whose
# subject the parser leaves to guesswork) is the noun's act, not a second one
HIT_PARTICIPLES = [
    ("Russian missile strikes targeting Ukrainian power plants killed two workers.", "RUS", "UKR"),
    ("Israeli airstrikes hitting a Lebanese village killed four people.", "ISR", "LBN"),
]


@pytest.mark.parametrize(("sentence", "source", "target"), HIT_PARTICIPLES)
def test_the_participle_of_an_attack_noun_names_its_target(
    roots: Roots, sentence: str, source: str, target: str
) -> None:
    assert (source, target, "19") in roots(sentence)


def test_the_victims_do_not_become_the_participles_attacker(roots: Roots) -> None:
    got = roots(
        "Nigerian fishermen are killed in Chadian airstrikes targeting Boko Haram positions."
    )
    assert ("TCD", "NGA", "19") in got
    assert not any(s == "NGA" for s, _, _ in got), got


# a verb that ends or leaves a cooperative noun reduces relations (CAMEO 16; 164 for talks):
# the cooperation itself is not the act (coding/nounevents.ending_verb)
ENDED = [
    ("Mali suspends its defence cooperation with France.", "MLI", "FRA", "160"),
    ("Iran cancels talks with the United States.", "IRN", "USA", "164"),
    ("Russia withdraws from its military cooperation agreement with Germany.", "RUS", "DEU", "160"),
]


@pytest.mark.parametrize(("sentence", "source", "target", "code"), ENDED)
def test_ending_a_cooperation_reduces_relations(
    triples: Roots, sentence: str, source: str, target: str, code: str
) -> None:
    got = triples(sentence)
    assert (source, target, code) in got
    assert not any(c[:2] in ("04", "05", "06") for _, _, c in got), got


# a protest noun that modifies another noun, or is where violence happened, is no protest
# event: the meeting or the attack is the act
NO_PROTEST = [
    "Protest leaders meet the president in Belgrade, Serbia.",
    "Twelve people are killed in a bombing at an opposition rally in Peshawar, Pakistan.",
    "Five people are injured in a stabbing during a demonstration in Lyon, France.",
]


@pytest.mark.parametrize("sentence", NO_PROTEST)
def test_a_protest_as_modifier_or_setting_is_no_event(roots: Roots, sentence: str) -> None:
    assert not any(c == "14" for _, _, c in roots(sentence))


# a state's forces and an armed group's members killed with no one named the agent: a fight
# between them (coding/nounevents._two_sided_dead); civilians and soldiers name none
def test_forces_and_militants_killed_together_fought(roots: Roots) -> None:
    got = roots(
        "Five soldiers and twelve al-Shabaab militants were killed near Mogadishu, Somalia."
    )
    assert ("SOM", "SOM", "19") in got


def test_civilians_and_soldiers_killed_name_no_fight(roots: Roots) -> None:
    assert not roots("Ten civilians and two soldiers were killed in Kharkiv, Ukraine.")
