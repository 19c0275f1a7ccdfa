"""Protests named by a noun, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.models import Event

WORDS = ["Protests", "about", "the", "war", "with", "Gondor", "occur", "across", "Rohan", "."]
HEADS = [6, 0, 3, 1, 3, 4, 6, 6, 7, 6]
DEPS = ["nsubj", "prep", "det", "pobj", "prep", "pobj", "ROOT", "prep", "pobj", "punct"]
TAGS = ["NNS", "IN", "DT", "NN", "IN", "NNP", "VBP", "IN", "NNP", "."]


def _codes(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code, e.code) for e in events if e.source and e.target}


def test_a_protest_s_place_gives_its_protesters_their_country(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Protests about the war with Gondor occur across Rohan": Rohan's people protest (the
    # sentence names two countries, so the guard alone could not place them)
    lemmas = [w.lower() for w in WORDS]
    lemmas[0] = "protest"
    doc = make_doc(WORDS, HEADS, DEPS, TAGS, lemmas=lemmas)
    assert _codes(code_doc(doc)) == {("ROHCVL", "ROHGOV", "141")}


def test_a_protest_with_no_place_keeps_the_guard_s_reading(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Protests about the war with Gondor occur.": the sentence's one country
    words = WORDS[:7] + ["."]
    heads = HEADS[:7] + [6]
    deps = DEPS[:7] + ["punct"]
    tags = TAGS[:7] + ["."]
    lemmas = [w.lower() for w in words]
    lemmas[0] = "protest"
    doc = make_doc(words, heads, deps, tags, lemmas=lemmas)
    assert _codes(code_doc(doc)) == {("GONCVL", "GONGOV", "141")}
