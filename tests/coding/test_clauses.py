"""PETRARCH's comma-clause options on a Doc built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.coding.clauses import skipped_clauses
from tocsin.coding.docview import DocView
from tocsin.coding.options import Options
from tocsin.models import Event

# "Gondor, the old ally of Arnor, attacked Rohan."
WORDS = ["Gondor", ",", "the", "old", "ally", "of", "Arnor", ",", "attacked", "Rohan", "."]
HEADS = [8, 0, 4, 4, 0, 4, 5, 0, 8, 8, 8]
DEPS = ["nsubj", "punct", "det", "amod", "appos", "prep", "pobj", "punct", "ROOT", "dobj", "punct"]
TAGS = ["NNP", ",", "DT", "JJ", "NN", "IN", "NNP", ",", "VBD", "NNP", "."]


def test_a_middle_clause_of_the_right_length_is_skipped(make_doc: Any) -> None:
    view = DocView.build(make_doc(WORDS, HEADS, DEPS, TAGS))
    assert skipped_clauses(view, 0, len(WORDS), Options()) == set()  # max 0: off
    skipped = skipped_clauses(view, 0, len(WORDS), Options(comma_min=2, comma_max=8))
    assert skipped == set(range(2, 7))  # "the old ally of Arnor"
    assert skipped_clauses(view, 0, len(WORDS), Options(comma_min=2, comma_max=3)) == set()


def test_skipped_clause_actors_are_out_of_the_events(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        WORDS, HEADS, DEPS, TAGS, lemmas=[w.lower() for w in WORDS[:8]] + ["attack", "rohan", "."]
    )
    options = Options(comma_min=2, comma_max=8)
    events = code_doc(doc, options=options)
    assert {(e.source.code, e.target.code, e.code) for e in events} == {("GON", "ROH", "190")}
