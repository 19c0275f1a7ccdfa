"""Measures between states (tocsin.measures.verbs.txt): halting the sale or delivery of
weapons reduces military aid (1622, not Phoenix's "stop ... &WEAPON" de-escalation 087);
adding or placing a state or group on a list of concern is an administrative sanction
(172); lifting a suspension or unsuspending a member eases one (081). Sentences written
for these tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Spain halts the sale of weapons to Morocco.", "ESP", "MAR"),
        ("Germany suspends deliveries of weapons to Turkey.", "DEU", "TUR"),
        ("Italy stops the export of arms to Egypt.", "ITA", "EGY"),
    ],
)
def test_halting_arms_sales_reduces_military_aid(
    triples: Any, sentence: str, source: str, target: str
) -> None:
    found = triples(sentence)
    assert (source, target, "1622") in found, found
    assert not {t for t in found if t[2] == "087"}, found


@pytest.mark.slow
def test_stopping_ones_own_weapons_stays_de_escalation(triples: Any) -> None:
    found = triples("Pakistan stops using heavy weapons against India.")
    assert not {t for t in found if t[2] == "1622"}, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "targets"),
    [
        ("The EU adds Kenya and Angola to its grey list.", "IGO", {"KEN", "AGO"}),
        ("Japan places North Korea on its list of countries of concern.", "JPN", {"PRK"}),
        ("Britain puts Belarus on a watch list.", "GBR", {"BLR"}),
    ],
)
def test_listing_is_an_administrative_sanction(
    triples: Any, sentence: str, source: str, targets: set[str]
) -> None:
    found = triples(sentence)
    assert {(source, t, "172") for t in targets} <= found, found


@pytest.mark.slow
def test_export_blacklists_stay_economic_sanctions(triples: Any) -> None:
    found = triples("Washington adds Chinese chipmakers to its export blacklist.")
    assert ("USA", "CHN", "163") in found, found
    assert not {t for t in found if t[2] == "172"}, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("The African Union lifts the suspension of Gabon.", "IGO", "GAB"),
        ("Niger is unsuspended from the African Union.", "IGO", "NER"),
        ("The African Union unsuspends Sudan.", "IGO", "SDN"),
    ],
)
def test_ending_a_suspension_eases_a_sanction(
    triples: Any, sentence: str, source: str, target: str
) -> None:
    found = triples(sentence)
    assert (source, target, "081") in found, found
