"""Joining a treaty, pact or accord signs a formal agreement (057) by the joiner alone
(tocsin.news.verbs.txt, JOIN_TREATY_NEWS, over Phoenix's mutual JOIN "* &TREATY").
Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "joiner", "party"),
    [
        ("Egypt joins the peace treaty with Israel.", "EGY", "ISR"),
        ("Chile joins the trade pact with Japan.", "CHL", "JPN"),
        ("Morocco joins the defence accord with France.", "MAR", "FRA"),
    ],
)
def test_the_treaty_party_does_not_sign_with_the_joiner(
    triples: Any, sentence: str, joiner: str, party: str
) -> None:
    found = triples(sentence)
    assert (joiner, party, "057") in found, found
    assert (party, joiner, "057") not in found, found


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Messi joins Germany's Klose as the top scorer of the tournament.",
        "The Kenyan runner joins the Ethiopian team for training.",
    ],
)
def test_a_bare_join_stays_uncoded(triples: Any, sentence: str) -> None:
    assert not {t for t in triples(sentence) if t[2] == "057"}, triples(sentence)
