"""Reported speech composes two clauses, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.models import Event, Factuality


def test_an_attack_reported_by_another_is_an_accusation(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnor said Gondor attacked Rohan."
    doc = make_doc(
        ["Arnor", "said", "Gondor", "attacked", "Rohan", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "VBD", "NNP", "."],
        lemmas=["Arnor", "say", "Gondor", "attack", "Rohan", "."],
    )
    found = {
        (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.code,
            e.factuality,
        )
        for e in code_doc(doc)
    }
    assert ("ARN", "GON", "112", Factuality.ASSERTED) in found
    assert ("GON", "ROH", "190", Factuality.ALLEGED) in found
    assert not any(code == "010" for _, _, code, _ in found)  # the statement stands for itself


def test_news_attribution_after_the_clause_is_not_a_claim(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Gondor attacked Rohan, Arnor said."
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", ",", "Arnor", "said", "."],
        [1, 5, 1, 5, 5, 5, 5],
        ["nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT", "punct"],
        ["NNP", "VBD", "NNP", ",", "NNP", "VBD", "."],
        lemmas=["Gondor", "attack", "Rohan", ",", "Arnor", "say", "."],
    )
    found = {
        (e.source.code, e.target.code, e.code, e.factuality)
        for e in code_doc(doc)
        if e.source and e.target
    }
    assert found == {("GON", "ROH", "190", Factuality.ASSERTED)}
