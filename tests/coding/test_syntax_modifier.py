"""A participle that modifies a noun inside a passive clause does not take the passive
subject as its own ("three police officers are wounded in an attack targeting a Turkish
convoy": the officers are the victims, not the attackers of the convoy), and a participle
conjoined with a passive verb is passive too ("two journalists are shot and killed": they
were killed, they did not kill)."""

from __future__ import annotations

from typing import Any

import pytest


def _sources(coder: Any, sentence: str) -> set[str]:
    return {e.source.text for e in coder.code_text(sentence, date="2025-06-01") if e.source}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "victims"),
    [
        (
            "Five Afghan civilians are injured in a bombing targeting Pakistani diplomats in "
            "Kabul.",
            "civilians",
        ),
        (
            "Three Iraqi police officers are wounded in an attack targeting a Turkish convoy.",
            "officers",
        ),
        (
            "Two Nigerian soldiers are killed in an ambush targeting aid workers near Maiduguri.",
            "soldiers",
        ),
    ],
)
def test_the_victims_of_a_passive_are_not_the_source_of_a_participle_after_them(
    coder: Any, sentence: str, victims: str
) -> None:
    assert not any(victims in text for text in _sources(coder, sentence))


@pytest.mark.slow
def test_a_participle_of_an_active_verb_s_object_keeps_the_verb_s_subject(
    roots: Any,
) -> None:
    found = roots("The Italian president signs a decree imposing sanctions on Russian banks.")
    assert ("ITA", "RUS", "16") in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "victims"),
    [
        ("Two Nigerian journalists are shot and killed outside a hotel in Abuja.", "journalists"),
        ("Three Malian soldiers are ambushed and killed near Gao.", "soldiers"),
    ],
)
def test_a_participle_conjoined_with_a_passive_verb_is_passive_too(
    coder: Any, sentence: str, victims: str
) -> None:
    assert not any(victims in text for text in _sources(coder, sentence))
