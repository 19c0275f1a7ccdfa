"""Protests that named no one protested and so coded nothing (coding/protest.py): a protest
verb with no target ("Kenyans protest in Nairobi"), protesters who gather or rally at a
place ("protesters gather in Lima": the place is where, not whom), boycotts and walkouts
named by a noun (tocsin.protest.verbs.txt), a protest noun that is the subject of a verb
coding nothing ("protests broke out", coding/nounevents.py) and protesters who fight a
state's police (coding/riots.py). Hand-made sentences coded with the bundled model and
dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

# a protest verb with no actor protested: the protesters against their own government
UNTARGETED = [
    ("Kenyans protest in Nairobi.", "KEN"),
    ("Thousands of Serbians demonstrate in the capital.", "SRB"),
    ("Hundreds of Chileans march through Santiago.", "CHL"),
]


@pytest.mark.parametrize(("sentence", "country"), UNTARGETED)
def test_a_protest_verb_with_no_target_is_against_the_government(
    roots: Roots, sentence: str, country: str
) -> None:
    assert (country, country, "14") in roots(sentence), roots(sentence)


def test_a_state_that_protests_is_no_protest_against_itself(roots: Roots) -> None:
    got = roots("China protested the visit on Monday.")
    assert ("CHN", "CHN", "14") not in got, got


# protesters who gather or rally demonstrate; the place is no target
GATHERINGS = [
    ("Protesters gather in Lima, Peru.", "PER", None),
    ("Hundreds of Eritrean demonstrators gather in Berlin.", "ERI", "DEU"),
    ("Turkish protesters rally in London.", "TUR", "GBR"),
]


@pytest.mark.parametrize(("sentence", "country", "place"), GATHERINGS)
def test_protesters_who_gather_demonstrate_against_their_government(
    roots: Roots, sentence: str, country: str, place: str | None
) -> None:
    got = roots(sentence)
    assert (country, country, "14") in got, got
    assert not any(t == place for _, t, _ in got), got


def test_others_who_gather_do_not_protest(roots: Roots) -> None:
    got = roots("Pilgrims gather in Mecca, Saudi Arabia.")
    assert not any(c == "14" for _, _, c in got), got


# boycotts and walkouts named by a noun: a strike or boycott (143) of the holders
BOYCOTTS = [
    ("Serbians start a boycott of supermarkets.", "SRB"),
    ("Teachers in Chile stage a walkout over pay.", "CHL"),
]


@pytest.mark.parametrize(("sentence", "country"), BOYCOTTS)
def test_a_boycott_noun_is_a_boycott_by_its_holders(
    coder: object, sentence: str, country: str
) -> None:
    got = {
        (e.source.code[:3], e.target.code[:3], e.code)
        for e in coder.code_text(sentence, date="2025-06-01")  # type: ignore[attr-defined]
        if e.source and e.target and e.factuality.counts
    }
    assert (country, country, "143") in got, got


# a protest noun that is the subject of a verb coding nothing is the protest
IDLE_SUBJECTS = [
    ("Protests broke out across Peru on Monday.", "PER"),
    ("Large demonstrations took place in Armenia.", "ARM"),
]


@pytest.mark.parametrize(("sentence", "country"), IDLE_SUBJECTS)
def test_a_protest_noun_subject_of_an_idle_verb_is_the_protest(
    roots: Roots, sentence: str, country: str
) -> None:
    assert (country, country, "14") in roots(sentence), roots(sentence)


def test_protesters_who_fight_a_states_police_are_its_people(roots: Roots) -> None:
    # two countries in the sentence: the police's own places the protesters
    got = roots(
        "Clashes break out between police and protesters in Lyon, France, after a "
        "Tunisian teenager is shot."
    )
    assert ("FRA", "FRA", "14") in got, got
