"""Violence by protesters is a violent protest (coding/riots.py, CAMEO 145); a fight that
"broke out" began (coding/nominal.py). Hand-made sentences, coded with the bundled model
and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` and ``triples`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

RIOTS = [
    ("Clashes broke out between riot police and demonstrators in Nairobi, Kenya.", "KEN"),
    ("Protesters clashed with police in Belgrade, Serbia.", "SRB"),
    ("Hundreds of protesters tried to storm the parliament in Tbilisi, Georgia.", "GEO"),
]


@pytest.mark.parametrize(("sentence", "country"), RIOTS)
def test_force_used_by_protesters_is_a_violent_protest(
    roots: Roots, sentence: str, country: str
) -> None:
    got = roots(sentence)
    assert (country, country, "14") in got, got
    assert not any(c in ("13", "19") for _, _, c in got), got  # no fight, no threat


def test_the_riot_is_the_protesters_act(triples: Roots) -> None:
    got = triples("Clashes broke out between riot police and demonstrators in Nairobi, Kenya.")
    assert {c for _, _, c in got} == {"145"}, got


def test_a_fight_between_armed_men_stays_a_fight(roots: Roots) -> None:
    got = roots("Nigerian police clashed with gunmen in Lagos.")
    assert ("NGA", "NGA", "19") in got and not any(c == "14" for _, _, c in got), got


def test_protesters_firing_weapons_is_armed_force(roots: Roots) -> None:
    got = roots("Serbian demonstrators fired rockets at the Serbian government.")
    assert ("SRB", "SRB", "19") in got and not any(c == "14" for _, _, c in got), got


def test_a_fight_that_broke_out_happened(roots: Roots) -> None:
    got = roots("Fighting broke out between Thai and Cambodian troops on the border.")
    assert ("THA", "KHM", "19") in got, got
