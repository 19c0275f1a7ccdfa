"""Events named by nouns on unseen news (coding/nominal.py): assaults with blades and
vehicles, the subject noun of a verb that codes nothing, withdrawals, legal actions and
recognitions. Hand-made sentences, coded with the bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

ASSAULTS = [
    ("Three people are wounded in a knife attack by an Afghan man in Munich, Germany.", "AFG"),
    ("Two tourists were hurt in a stabbing attack by a Syrian man in Vienna, Austria.", "SYR"),
    ("A teenager is killed in a mass stabbing attack by an Iraqi man in Berlin.", "IRQ"),
]


@pytest.mark.parametrize(("sentence", "attacker"), ASSAULTS)
def test_a_blade_attack_is_an_assault_not_military_force(
    roots: Roots, sentence: str, attacker: str
) -> None:
    got = roots(sentence)
    assert any(s == attacker and c == "18" for s, _, c in got), got
    assert not any(c == "19" for _, _, c in got), got


def test_an_attack_noun_subject_of_an_idle_verb_is_the_event(roots: Roots) -> None:
    # "destroyed" has no actor as its subject: the strike is the event
    got = roots("A Russian missile strike on Odesa destroyed a port terminal.")
    assert ("RUS", "UKR", "19") in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States's withdrawal from the World Health Organization takes effect.",
        "The American withdrawal from the WHO became final on Thursday.",
    ],
)
def test_a_withdrawal_from_an_organization(roots: Roots, sentence: str) -> None:
    got = roots(sentence)
    assert ("USA", "IGO", "16") in got, got


def test_a_recognition_of_a_government(roots: Roots) -> None:
    got = roots("Russia's recognition of the Taliban government angered activists.")
    assert ("RUS", "AFG", "05") in got, got


def test_an_attack_with_no_blade_stays_military_force(roots: Roots) -> None:
    got = roots("Two Ukrainian soldiers are killed in an attack by Russian troops in Donetsk.")
    assert any(s == "RUS" and c == "19" for s, _, c in got), got


@pytest.mark.parametrize(
    "sentence",
    [
        "A potential deal between Israel and Lebanon is within reach, officials say.",
        "Analysts see a possible agreement between India and Pakistan on water sharing.",
    ],
)
def test_a_noun_called_possible_is_no_act(roots: Roots, sentence: str) -> None:
    got = roots(sentence)
    assert not any(c == "05" for _, _, c in got), got


def test_a_noun_not_called_possible_is_the_act(roots: Roots) -> None:
    # the same sentence without "potential" codes the deal
    got = roots("Officials say the deal between Israel and Lebanon is within reach.")
    assert ("ISR", "LBN", "05") in got or ("LBN", "ISR", "05") in got, got


@pytest.mark.parametrize(
    ("sentence", "attacker", "victim"),
    [
        (
            "Two Israeli civilians are killed in a vehicle ramming and stabbing attack by a "
            "Palestinian man in Haifa.",
            "PSE",
            "ISR",
        ),
        (
            "Three Ukrainian soldiers are wounded in a truck ramming attack by a Russian man.",
            "RUS",
            "UKR",
        ),
    ],
)
def test_a_weapon_gerund_misread_as_a_verb_is_the_attack_nouns(
    roots: Roots, sentence: str, attacker: str, victim: str
) -> None:
    # the parser reads "ramming/stabbing" as a verb with "attack" as its object: the noun is
    # the event, its "by" phrase the attacker, the victims not the source
    got = roots(sentence)
    assert (attacker, victim, "18") in got, got
    assert not any(s == victim for s, _, _ in got), got
