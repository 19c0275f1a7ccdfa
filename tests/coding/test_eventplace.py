"""The country of a violent event's place for its unnamed participants (hand-built Docs,
the tiny dictionaries of conftest.py; no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tocsin.coding.options import Options
from tocsin.models import Event


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.code)
        for e in events
    }


def _killed_in_an_attack(make_doc: Any) -> Any:
    # "Arnorian civilians were killed in an attack in Gondor."
    return make_doc(
        ["Arnorian", "civilians", "were", "killed", "in", "an", "attack", "in", "Gondor", "."],
        [1, 3, 3, 3, 3, 6, 4, 6, 7, 3],
        ["amod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["JJ", "NNS", "VBD", "VBN", "IN", "DT", "NN", "IN", "NNP", "."],
        lemmas=["Arnorian", "civilian", "be", "kill", "in", "an", "attack", "in", "Gondor", "."],
    )


def test_an_attack_noun_no_one_names_the_attacker_of_gives_no_event(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnorian civilians were killed in an attack in Gondor": no one named the attacker,
    # so no event (the devset's call for unnamed attackers), not one of Gondor's
    assert code_doc(_killed_in_an_attack(make_doc)) == []


def test_no_unnamed_attacker_with_petrarch_options(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    assert code_doc(_killed_in_an_attack(make_doc), Options(place_roles=False)) == []


def test_the_unnamed_agent_of_a_passive_attack(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Gondorian civilians were attacked in Rohan."
    doc = make_doc(
        ["Gondorian", "civilians", "were", "attacked", "in", "Rohan", "."],
        [1, 3, 3, 3, 3, 4, 3],
        ["amod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        ["JJ", "NNS", "VBD", "VBN", "IN", "NNP", "."],
        lemmas=["Gondorian", "civilian", "be", "attack", "in", "Rohan", "."],
    )
    got = code_doc(doc)
    assert triples(got) == {("ROHUAF", "GONCVL", "190")}
    assert "unnamed agent of a passive attack" in (got[0].source.entry or "")
    assert code_doc(doc, Options(place_roles=False)) == []


def _marched_in_gondor_against_rohan(make_doc: Any) -> Any:
    # "People marched in Gondor against Rohan."
    return make_doc(
        ["People", "marched", "in", "Gondor", "against", "Rohan", "."],
        [1, 1, 1, 2, 1, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        ["NNS", "VBD", "IN", "NNP", "IN", "NNP", "."],
        lemmas=["people", "march", "in", "Gondor", "against", "Rohan", "."],
    )


def _sources(events: list[Event]) -> set[str | None]:
    return {e.source.code if e.source else None for e in events}


def test_unnamed_protesters_take_the_country_of_the_protest_place(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # two countries: the sentence's one country cannot place the marchers; "in Gondor" does
    got = code_doc(_marched_in_gondor_against_rohan(make_doc))
    assert _sources(got) == {"GONPPL"}
    assert {e.code for e in got} == {"141"}
    assert "country of the event's place [GON]" in (got[0].source.entry or "")


def test_protesters_stay_unplaced_with_petrarch_options(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    got = code_doc(_marched_in_gondor_against_rohan(make_doc), Options(place_roles=False))
    assert _sources(got) <= {"---PPL"}
