"""Verb patterns choose the code, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.coding.context import DocContext
from tocsin.coding.dictionaries import Dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.verbmatch import match_verb
from tocsin.models import Event

SIGN = (
    ["Gondor", "signed", "an", "agreement", "with", "Rohan", "."],
    [1, 1, 3, 1, 3, 4, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
    ["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
)


def test_a_pattern_gives_a_verb_without_a_default_its_code(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(*SIGN, lemmas=["Gondor", "sign", "an", "agreement", "with", "Rohan", "."])
    events = code_doc(doc)
    assert [(e.source.code, e.target.code, e.code) for e in events if e.source and e.target] == [
        ("GON", "ROH", "057")
    ]
    assert any("AGREEMENT WITH" in r for r in events[0].rules)


def test_no_pattern_and_no_default_code_is_no_event(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "signed", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
        lemmas=["Gondor", "sign", "Rohan", "."],
    )
    assert code_doc(doc) == []


def test_match_verb_reports_the_pattern(make_doc: Any, tiny_dictionaries: Dictionaries) -> None:
    doc = make_doc(*SIGN, lemmas=["Gondor", "sign", "an", "agreement", "with", "Rohan", "."])
    ctx = DocContext(
        view=DocView.build(doc),
        dictionaries=tiny_dictionaries,
        date=None,
        mentions=tiny_dictionaries.actors.find(doc, None),
    )
    m = match_verb(ctx, 1, 0, len(doc))
    assert m is not None and m.code == "057" and m.pattern is not None
    assert match_verb(ctx, 3, 0, len(doc)) is None  # "agreement" is no verb
