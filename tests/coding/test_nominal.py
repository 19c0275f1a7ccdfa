"""Event nouns: attacks with demonym sources, light verbs, victims (hand-built Docs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.models import Event


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.code)
        for e in events
    }


def test_light_verb_and_attack_noun(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    # "Arnor launched strikes on Gondor."
    doc = make_doc(
        ["Arnor", "launched", "strikes", "on", "Gondor", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBD", "NNS", "IN", "NNP", "."],
        lemmas=["Arnor", "launch", "strike", "on", "Gondor", "."],
    )
    events = code_doc(doc)
    assert triples(events) == {("ARN", "GON", "190")}
    assert "light verb: launch" in events[0].rules and "nominal event" in events[0].rules


def test_demonym_source_and_the_clause_object(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnorian strikes hit Gondor." (no verb entry for "hit")
    doc = make_doc(
        ["Arnorian", "strikes", "hit", "Gondor", "."],
        [1, 2, 2, 2, 2],
        ["amod", "nsubj", "ROOT", "dobj", "punct"],
        ["JJ", "NNS", "VBD", "NNP", "."],
        lemmas=["Arnorian", "strike", "hit", "Gondor", "."],
    )
    assert triples(code_doc(doc)) == {("ARN", "GON", "190")}


def test_victims_of_a_casualty_clause(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    # "Gondorian civilians were killed in an Arnorian attack."
    doc = make_doc(
        ["Gondorian", "civilians", "were", "killed", "in", "an", "Arnorian", "attack", "."],
        [1, 3, 3, 3, 3, 7, 7, 4, 3],
        ["amod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "amod", "pobj", "punct"],
        ["JJ", "NNS", "VBD", "VBN", "IN", "DT", "JJ", "NN", "."],
        lemmas=["Gondorian", "civilian", "be", "kill", "in", "an", "Arnorian", "attack", "."],
    )
    assert triples(code_doc(doc)) == {("ARN", "GONCVL", "190")}


def test_an_attack_noun_without_a_source_is_no_event(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "The attack on Gondor ended." (no one attacked)
    doc = make_doc(
        ["The", "attack", "on", "Gondor", "ended", "."],
        [1, 4, 1, 2, 4, 4],
        ["det", "nsubj", "prep", "pobj", "ROOT", "punct"],
        ["DT", "NN", "IN", "NNP", "VBD", "."],
        lemmas=["the", "attack", "on", "Gondor", "end", "."],
    )
    assert code_doc(doc) == []


def test_protest_noun_is_the_people_against_the_named_actor(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohanian protests against Gondor grew."
    doc = make_doc(
        ["Rohanian", "protests", "against", "Gondor", "grew", "."],
        [1, 4, 1, 2, 4, 4],
        ["amod", "nsubj", "prep", "pobj", "ROOT", "punct"],
        ["JJ", "NNS", "IN", "NNP", "VBD", "."],
        lemmas=["Rohanian", "protest", "against", "Gondor", "grow", "."],
    )
    assert triples(code_doc(doc)) == {("ROHCVL", "GON", "141")}
