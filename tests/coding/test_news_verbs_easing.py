"""Verb senses of legal and administrative acts in news (issue #9): undoing a listing or a
prosecution eases sanctions (08x), suspending a news outlet restricts freedoms (1721),
opening an investigation is investigating (090), surrounding a residence restricts
movement (191), partnering is cooperation (060), blacklisting is a sanction (163).
Every sentence is written for these tests, none taken from a gold set or the corpus."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    # (sentence, source root, target root, code)
    (
        "The United States removes Cuba from its list of state sponsors of terrorism.",
        "USA",
        "CUB",
        "081",
    ),
    ("The European Union removes two Syrian banks from its sanctions list.", "IGO", "SYR", "085"),
    ("Britain delists the Syrian group.", "GBR", "SYR", "081"),
    (
        "A court in Kenya dismisses charges of corruption against the former governor of Nairobi.",
        "KEN",
        "KEN",
        "081",
    ),
    ("The Indian government withdraws charges against farmers' leaders.", "IND", "IND", "081"),
    (
        "A Seoul court lifts the arrest warrant for the former South Korean president.",
        "KOR",
        "KOR",
        "081",
    ),
    ("Niger suspends the French broadcaster France 24.", "NER", "FRA", "1721"),
    ("Mali launches an investigation into the Malian army.", "MLI", "MLI", "090"),
    ("France opens an inquiry into the Russian embassy.", "FRA", "RUS", "090"),
    ("Egyptian troops surround the house of the opposition leader.", "EGY", "EGY", "191"),
    ("Japan partnered with India to build a railway.", "JPN", "IND", "060"),
    ("Britain teams up with France to patrol the Channel.", "GBR", "FRA", "060"),
    ("China adds ten American companies to its export blacklist.", "CHN", "USA", "163"),
]

NOT_THESE = [
    # (sentence, code it must not get): the near misses keep their reading
    ("The United States removes Cuba from its list of state sponsors of terrorism.", "174"),
    (
        "A court in Kenya dismisses charges of corruption against the former governor of Nairobi.",
        "016",
    ),
    ("Egyptian troops surround the house of the opposition leader.", "080"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "source", "target", "code"), CASES)
def test_legal_and_administrative_acts_get_the_codebook_code(
    triples: Any, sentence: str, source: str, target: str, code: str
) -> None:
    got = triples(sentence)
    assert (source, target, code) in got, got


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "code"), NOT_THESE)
def test_the_old_reading_is_gone(coder: Any, sentence: str, code: str) -> None:
    assert code not in {e.code for e in coder.code_text(sentence, date="2025-06-01")}


@pytest.mark.slow
def test_dismissing_charges_made_against_oneself_is_still_a_denial(coder: Any) -> None:
    events = coder.code_text("The Russian government dismisses the charges as lies.")
    assert "081" not in {e.code for e in events}
