"""Factuality from the dependency context, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.coding.docview import DocView
from tocsin.coding.factuality import factuality_of
from tocsin.models import Event, Factuality


def test_negation(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = make_doc(
        ["Gondor", "did", "not", "attack", "Rohan", "."],
        [3, 3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "RB", "VB", "NNP", "."],
        lemmas=["Gondor", "do", "not", "attack", "Rohan", "."],
    )
    fact, frame = factuality_of(DocView.build(doc), 3, False)
    assert fact is Factuality.NEGATED and frame is not None and frame.word == "not"
    assert [e.factuality for e in code_doc(doc)] == [Factuality.NEGATED]


def test_modal_is_hypothetical(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = make_doc(
        ["Gondor", "may", "attack", "Rohan", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj", "punct"],
        ["NNP", "MD", "VB", "NNP", "."],
        lemmas=["Gondor", "may", "attack", "Rohan", "."],
    )
    fact, frame = factuality_of(DocView.build(doc), 2, False)
    assert fact is Factuality.HYPOTHETICAL and frame is not None and frame.kind == "modal"
    assert [e.factuality for e in code_doc(doc)] == [Factuality.HYPOTHETICAL]


def test_plain_past_is_asserted(make_doc: Any) -> None:
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
    )
    assert factuality_of(DocView.build(doc), 1, False) == (Factuality.ASSERTED, None)
