"""An act a verb of prevention keeps someone "from" doing did not happen: the gerund is
not coded (verbmatch.PREVENTION_VERBS; CONVENTIONS.md: negated acts are forbidden), while
the preventing verb keeps its own code. Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "prevented"),
    [
        (
            "A US court blocks the government from deporting Venezuelan migrants to El Salvador.",
            "174",
        ),
        ("Bahrain bans its citizens from traveling to Iraq.", "040"),
        ("Egypt prevents Hamas officials from visiting Cairo.", "042"),
    ],
)
def test_the_prevented_act_is_not_coded(triples: Any, sentence: str, prevented: str) -> None:
    assert all(c != prevented for _, _, c in triples(sentence)), triples(sentence)


@pytest.mark.slow
def test_the_preventing_verb_keeps_its_code(triples: Any) -> None:
    got = triples("A US court blocks the government from deporting Venezuelan migrants.")
    assert ("USA", "USA", "170") in got, got


@pytest.mark.slow
def test_a_gerund_after_from_under_another_verb_is_coded(triples: Any) -> None:
    # "from" after a verb that prevents nothing: the act happened
    got = triples("Ukraine returned from attacking Russian positions near Kursk.")
    assert ("UKR", "RUS", "193") in got, got
