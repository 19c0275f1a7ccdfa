"""A person named in full once and by surname alone after it (tocsin.actors.surnames)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tocsin.actors import ActorResolver
from tocsin.actors.surnames import surname_mentions
from tocsin.models import Actor, Mention

DAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def phoenix() -> ActorResolver:
    return ActorResolver.load_named("phoenix")


def _found(resolver: ActorResolver, doc: Any) -> dict[int, str]:
    return {m.start: m.actor.code for m in resolver.find(doc, DAY)}


def _person(doc: Any, start: int, end: int, code: str) -> Mention:
    span = doc[start:end]
    actor = Actor(
        code, span.text, (span.start_char, span.end_char), code[:3], code[3:6], "person", "test"
    )
    return Mention(
        start,
        end,
        span.text,
        (span.start_char, span.end_char),
        "actor",
        end - 1,
        label="test",
        code=code,
        payload=actor,
    )


@pytest.mark.slow
def test_a_later_surname_is_the_same_person(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp("John Bolton met Vladimir Putin in Moscow. Later, Bolton criticised the talks.")
    found = _found(phoenix, doc)
    full = next(t.i for t in doc if t.text == "John")
    later = [t.i for t in doc if t.text == "Bolton"][1]
    assert found[later] == found[full] and found[later].startswith("USA")


@pytest.mark.slow
def test_honorific_and_possessive_surnames(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp(
        "Bernie Sanders spoke in Vermont. Mr. Sanders praised voters and Sanders's aides left."
    )
    found = _found(phoenix, doc)
    sanders = [t.i for t in doc if t.text == "Sanders"]
    assert all(found.get(i, "").startswith("USA") for i in sanders[1:])
    assert len(sanders) == 3


@pytest.mark.slow
def test_surname_before_the_full_name_or_inside_another_name(
    phoenix: ActorResolver, nlp: Any
) -> None:
    doc = nlp("Bolton Wanderers won. John Bolton watched Bolton Wanderers play.")
    found = _found(phoenix, doc)
    bolton = [t.i for t in doc if t.text == "Bolton"]
    assert bolton[0] not in found  # before the full name
    assert bolton[2] not in found  # part of a longer name


@pytest.mark.slow
def test_a_surname_two_people_share_is_left_alone(nlp: Any) -> None:
    doc = nlp("Ed Miliband met David Miliband in London. Miliband said little.")
    mentions = [_person(doc, 0, 2, "GBROPP"), _person(doc, 3, 5, "GBRGOV")]
    keys = [t.text.upper() for t in doc]
    assert surname_mentions(doc, [t.text for t in doc], keys, mentions) == []
    one = surname_mentions(doc, [t.text for t in doc], keys, mentions[:1])
    last = [t.i for t in doc if t.text == "Miliband"][-1]
    assert [(m.start, m.code) for m in one] == [(last, "GBROPP")]  # not "David Miliband"


@pytest.mark.slow
def test_an_unlisted_person_named_after_a_title(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp(
        "Ugandan opposition leader Robert Kyagulanyi criticised the government. "
        "Kyagulanyi accused the police of torture."
    )
    found = _found(phoenix, doc)
    first, later = [t.i for t in doc if t.text == "Kyagulanyi"]
    assert first not in found  # the full name is coded through its title's phrase
    assert found[later] == "UGAOPP"


@pytest.mark.slow
def test_a_title_alone_gives_no_surname(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp("The minister Smith spoke. Smith left.")  # one name word: no full name
    assert all(doc[i].text != "Smith" for i in _found(phoenix, doc))
