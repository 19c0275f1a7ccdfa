"""The object's class chooses the verb's sense (hand-built Docs, no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.models import Event, Factuality


def _found(events: list[Event]) -> set[tuple[str | None, str | None, str, Factuality]]:
    return {
        (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.code,
            e.factuality,
        )
        for e in events
    }


def test_ending_a_ban_eases_sanctions(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    # "Arnor ends its ban on Gondor."
    doc = make_doc(
        ["Arnor", "ends", "its", "ban", "on", "Gondor", "."],
        [1, 1, 3, 1, 3, 4, 1],
        ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBZ", "PRP$", "NN", "IN", "NNP", "."],
        lemmas=["Arnor", "end", "its", "ban", "on", "Gondor", "."],
    )
    assert _found(code_doc(doc)) == {("ARN", "GON", "081", Factuality.ASSERTED)}


def test_denying_a_request_is_a_rejection(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohan denies a request from Gondor."
    doc = make_doc(
        ["Rohan", "denies", "a", "request", "from", "Gondor", "."],
        [1, 1, 3, 1, 3, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBZ", "DT", "NN", "IN", "NNP", "."],
        lemmas=["Rohan", "deny", "a", "request", "from", "Gondor", "."],
    )
    assert _found(code_doc(doc)) == {("ROH", "GON", "120", Factuality.ASSERTED)}


def test_a_ban_imposed_is_not_eased(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    # "Arnor launches a ban on Gondor." (a light verb: the ban itself, 163)
    doc = make_doc(
        ["Arnor", "launches", "a", "ban", "on", "Gondor", "."],
        [1, 1, 3, 1, 3, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBZ", "DT", "NN", "IN", "NNP", "."],
        lemmas=["Arnor", "launch", "a", "ban", "on", "Gondor", "."],
    )
    assert _found(code_doc(doc)) == {("ARN", "GON", "163", Factuality.ASSERTED)}
