"""Which country a phrase names when several are written in it (issue #9, unseen news): names
that only say where a place lies, institutions Phoenix lists under one country, place words
inside a person's name. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.actors import ActorResolver


@pytest.fixture(scope="module")
def phoenix() -> ActorResolver:
    return ActorResolver.load_named("phoenix")


def _code(resolver: ActorResolver, doc: Any, word: str) -> str | None:
    mentions = resolver.find(doc, None)
    head = next(t.i for t in doc if t.text == word)
    actor = resolver.resolve_phrase(doc, head, None, mentions)
    return None if actor is None else actor.code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods hit the Central District overnight .", []),
        ("Ships crossed the Gulf of Aden .", ["YEM"]),
        ("Floods hit the Eastern Region overnight .", []),
        ("Floods hit Central Darfur overnight .", ["SDN"]),
    ],
)
def test_names_of_position_and_landform_words_are_no_place(
    phoenix: ActorResolver, text: str, expected: list[str]
) -> None:
    import spacy

    doc = spacy.blank("en")(text)  # no parser or NER: the words alone
    assert [m.actor.code for m in phoenix.find(doc, None)] == expected


@pytest.mark.slow
def test_a_district_court_of_a_capital_is_that_countrys(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp("The Seoul Central District Court sentenced the former minister.")
    assert _code(phoenix, doc, "Court") == "KORJUD"
