"""Domestic justice (issue #9, recall): a state's release, charge or investigation of its own
people's unnamed roles (coding.justice, placed by eventplace.placed_roles), the bodies of
justice of tocsin.agents.tsv, and the patterns of tocsin.justice.verbs.txt. Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.coding.justice import is_legal_act, legal_jurisdiction, state_country
from tocsin.models import Actor


def _actor(code: str, kind: str) -> Actor:
    return Actor(code, "x", None, code[:3], code[3:6] or None, kind, None)


def test_legal_acts_are_releases_dismissals_investigations_and_charges() -> None:
    assert is_legal_act("0841", "RELEASE")
    assert is_legal_act("081", "DROP")
    assert is_legal_act("090", "LAUNCH")
    assert is_legal_act("112", "CHARGE")
    assert not is_legal_act("112", "ACCUSE")  # an accusation is no legal act
    assert not is_legal_act("173", "ARREST")  # law enforcement: eventplace.jurisdiction
    assert not is_legal_act(None, "RELEASE")


def test_only_a_state_actor_has_a_jurisdiction() -> None:
    assert state_country(_actor("BLR", "country")) == "BLR"
    assert state_country(_actor("MMRMIL", "group")) == "MMR"
    assert state_country(_actor("KENJUD", "agent")) == "KEN"
    assert state_country(_actor("PSEREB", "group")) is None  # an armed group's captives
    assert state_country(_actor("IGOJUDICC", "igo")) is None


def test_soldiers_released_are_prisoners_of_war() -> None:
    soldiers = [_actor("---MIL", "agent")]
    prisoners = [_actor("---OPP", "agent")]
    ukraine = [_actor("UKR", "country")]
    assert legal_jurisdiction("0841", "FREE", ukraine, soldiers) is None
    assert legal_jurisdiction("0841", "FREE", ukraine, prisoners) == "UKR"
    assert legal_jurisdiction("090", "OPEN", ukraine, soldiers) == "UKR"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "country", "root"),
    [
        # a release by a state, with another country named in the sentence
        (
            "Cuba frees 40 political prisoners after the United States eases its sanctions.",
            "CUB",
            "08",
        ),
        (
            "Nicaragua releases 135 political prisoners in a deal brokered by the United States.",
            "NIC",
            "08",
        ),
        # an investigation of the state's own soldiers
        ("Chad opens an investigation into several soldiers over the killings.", "TCD", "09"),
        # a charge by an anti-corruption body (JUD) "with" a crime
        (
            "The Kenyan anti-corruption commission charges three county officials and their "
            "business partners with fraud.",
            "KEN",
            "17",
        ),
    ],
)
def test_a_states_legal_act_on_its_own_people(
    roots: Any, sentence: str, country: str, root: str
) -> None:
    assert (country, country, root) in roots(sentence), roots(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine frees 84 soldiers in an exchange with Russia.",
        "Hamas releases four hostages to the Red Cross in Gaza.",
    ],
)
def test_captives_of_an_exchange_or_a_group_take_no_country(roots: Any, sentence: str) -> None:
    found = roots(sentence)
    assert not {t for t in found if t[0] == t[1] and t[2] == "08"}, found


@pytest.mark.slow
def test_a_charge_with_a_crime_is_not_a_criticism_of_the_military(triples: Any) -> None:
    found = triples(
        "The Peruvian anti-graft agency charges two retired army generals and a "
        "colonel with embezzlement."
    )
    assert ("PER", "PER", "173") in found, found
    assert not {t for t in found if t[2].startswith("111")}, found


@pytest.mark.slow
def test_a_charge_between_countries_stays_an_accusation(triples: Any) -> None:
    assert ("AZE", "ARM", "112") in triples("Azerbaijan charges Armenia with violating the truce.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A grand jury in Texas indicts the former mayor of Houston.", ("USA", "USA", "17")),
        (
            "The Indonesian anti-corruption agency arrests a provincial governor.",
            ("IDN", "IDN", "17"),
        ),
    ],
)
def test_bodies_of_justice_are_sources(roots: Any, sentence: str, expected: Any) -> None:
    assert expected in roots(sentence), roots(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Taliban government orders a ban on music in Kandahar province, Afghanistan.",
            ("AFG", "AFG", "172"),
        ),
        (
            "A Cambodian court orders the dissolution of the opposition party.",
            ("KHM", "KHM", "1722"),
        ),
    ],
)
def test_ordering_a_ban_imposes_it(triples: Any, sentence: str, expected: Any) -> None:
    assert expected in triples(sentence), triples(sentence)


@pytest.mark.slow
def test_ordering_a_suspension_of_classes_is_no_sanction(triples: Any) -> None:
    found = triples("The Vietnamese prime minister orders the suspension of classes in Hanoi.")
    assert not {t for t in found if t[2].startswith("17")}, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iran executes two men convicted of spying.", ("IRN", "IRN", "175")),
        ("Belarus executes a man convicted of treason.", ("BLR", "BLR", "175")),
        ("Singapore executes a Nigerian man convicted of drug trafficking.", ("SGP", "NGA", "175")),
    ],
)
def test_a_state_executing_people_represses(triples: Any, sentence: str, expected: Any) -> None:
    assert expected in triples(sentence), triples(sentence)


@pytest.mark.slow
def test_executing_a_plan_is_no_execution(triples: Any) -> None:
    found = triples("The Egyptian army executes its plan to secure the border with Libya.")
    assert not {t for t in found if t[2].startswith(("17", "18"))}, found
