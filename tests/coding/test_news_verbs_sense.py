"""The right code for a found dyad (issue #9): verb senses that Phoenix's defaults or
borrowed patterns of a merged block get wrong for news. Each construction gets the
codebook's code on sentences written for these tests; near misses keep their reading."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    # (sentence, source, target, code): hand-made, not taken from a gold set or the corpus
    # seizing a vessel or property is confiscation (1711), not occupying territory (192)
    ("The Iranian navy seized a British oil tanker in the Strait of Hormuz.", "IRN", "GBR", "1711"),
    ("Greek coast guard boarded and seized a Turkish cargo ship.", "GRC", "TUR", "1711"),
    ("Venezuelan troops captured a Colombian fishing vessel.", "VEN", "COL", "1711"),
    # ordering the seizure or confiscation of property (1711), not a demand (100)
    (
        "A Brazilian court ordered the seizure of properties owned by former president "
        "Jair Bolsonaro.",
        "BRA",
        "BRA",
        "1711",
    ),
    (
        "A Kenyan judge ordered the confiscation of properties belonging to the opposition leader.",
        "KEN",
        "KEN",
        "1711",
    ),
    # hijacking is CAMEO 181, not seizing property (171)
    ("Somali pirates hijacked an Indian cargo ship.", "SOM", "IND", "181"),
    # overturning a veto rejects it (120), not seizing (171)
    ("Brazil's Congress overturned the President's veto of the bill.", "BRA", "BRA", "120"),
    # nominating for a prize, awarding or bestowing an honour: praise (051)
    (
        "Pakistan's prime minister nominated the American president for the Nobel Peace Prize.",
        "PAK",
        "USA",
        "051",
    ),
    (
        "The French president awarded the Ukrainian president the Legion of Honour.",
        "FRA",
        "UKR",
        "051",
    ),
    (
        "The French president bestowed the Legion of Honour on the Indian prime minister.",
        "FRA",
        "IND",
        "051",
    ),
    ("Norway's Nobel Committee awarded the prize to a Japanese group.", "NOR", "JPN", "051"),
    # authorities charging someone with a crime, or a court confirming charges: 173
    ("Turkish authorities charge dozens of journalists with terrorism.", "TUR", "TUR", "173"),
    ("Indian police charged two men with murder.", "IND", "IND", "173"),
    (
        "The International Criminal Court confirmed charges against the former Philippine "
        "president.",
        "IGO",
        "PHL",
        "173",
    ),
]

CASES += [
    # withdrawing from an organisation or court (166), a deal (161), talks (164): no retreat
    ("The United States withdrew from the World Health Organization.", "USA", "IGO", "166"),
    ("Hungary withdrew from the International Criminal Court.", "HUN", "IGO", "166"),
    ("Ethiopia withdrew from talks with Egypt.", "ETH", "EGY", "164"),
    ("Russia withdraws from the Black Sea grain deal with Ukraine.", "RUS", "UKR", "161"),
    # removing import taxes or tariffs eases economic sanctions (085), no expulsion (174)
    ("Kenya removed import taxes on Ugandan goods.", "KEN", "UGA", "085"),
    # facilitating talks between parties is mediation (045)
    ("Qatar facilitated talks between Rwanda and Congo.", "QAT", "RWA", "045"),
    # irregular forms of the verbs above
    ("Lawmakers in Brazil overrode the president's veto.", "BRA", "BRA", "120"),
    ("A Kenyan court upheld charges against the opposition leader.", "KEN", "KEN", "173"),
    # a warrant of any kind issued for or against someone is legal action (173), no demand
    ("A Kenyan court issued a new detention warrant for the former minister.", "KEN", "KEN", "173"),
    ("A Turkish court issued warrants for 40 opposition officials.", "TUR", "TUR", "173"),
    # a delegation or envoy arriving visits (042), a military word in its subject or not
    ("A Qatari delegation led by the army chief arrives in Kabul.", "QAT", "AFG", "042"),
    ("A Saudi delegation arrived in Sanaa.", "SAU", "YEM", "042"),
    # withdrawing from defending/supporting a partner reduces relations (160)
    ("Ireland withdrew from defending Ukraine in the case against Russia.", "IRL", "UKR", "160"),
    # deploying aircraft is mobilising armed forces (154), as deploying troops and warships
    ("Britain deployed fighter jets to Poland.", "GBR", "POL", "154"),
    (
        "The Australian Air Force deployed a patrol aircraft to a base in Japan.",
        "AUS",
        "JPN",
        "154",
    ),
]

NOT_THESE = [
    # (sentence, code the new patterns must not give)
    ("Israeli forces seized control of the Rafah crossing.", "1711"),  # control stays 192
    ("The opposition leader charged the government with corruption.", "173"),  # no authority
    ("The government awarded a contract to a Chinese company.", "051"),  # a contract is 031
    ("Russian forces withdrew from Kherson.", "166"),  # forces leaving a place retreat
    ("Russian troops arrived in Mali.", "042"),  # troops arriving keep Phoenix's 072
    ("Nigeria removed the governor of Rivers State.", "085"),  # removing a person
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "source", "target", "code"), CASES)
def test_verb_sense_gets_the_codebook_code(
    triples: Any, sentence: str, source: str, target: str, code: str
) -> None:
    got = triples(sentence)
    assert (source, target, code) in got, got


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "code"), NOT_THESE)
def test_near_miss_keeps_its_reading(coder: Any, sentence: str, code: str) -> None:
    assert code not in {e.code for e in coder.code_text(sentence, date="2025-06-01")}


@pytest.mark.slow
def test_seizing_control_of_a_crossing_is_still_occupation(coder: Any) -> None:
    events = coder.code_text("Israeli forces seized control of the Rafah crossing.")
    assert "192" in {e.code for e in events}
