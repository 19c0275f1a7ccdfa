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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Nova Scotia Premier Tim Houston criticized the plan.", "Houston", "CANGOV"),
        ("Nepali home minister Sudan Gurung resigned.", "Gurung", "NPLGOV"),
        ("Former Honduran president Juan Orlando Hernández was pardoned.", "Hernández",
         "HNDELI"),
        ("M23 spokesperson Lawrence Kanyuka said the rebels would stay.", "Kanyuka", "CODREB"),
        ("Police Scotland arrested the man.", "Scotland", "GBRCOP"),  # one word: the place
        # the title's own country, an organisation's name, a longer title: not a person's name
        ("The US ambassador to Israel Tom Baker left.", "Israel", "ISR"),
        ("He met candidates from the opposition Strong Armenia party.", "party", "ARMOPP"),
        ("Deputy U.S. Defense Press Secretary Ann Cole said the talks failed.", "Cole",
         "USAGOV"),
    ],
)
def test_a_place_word_in_a_titled_name_is_a_name(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Philippine Senate approved the bill.", "Senate", "PHLGOVLEG"),
        ("Nigeria's Senate approved the bill.", "Senate", "NGAGOVLEG"),
        ("The Senate of Pakistan approved the bill.", "Senate", "PAKGOVLEG"),
        ("The US Senate approved the bill.", "Senate", "USAGOVLEG"),
        ("The Philippine Department of Justice charged him.", "Department", "PHLJUD"),
        ("The Uganda People's Defence Force attacked the rebels.", "Force", "UGAREB"),
        ("Iran's Hezbollah allies fired rockets.", "allies", "LBNREB"),  # not adjacent
        ("Colombian defense minister Pedro Sánchez resigned.", "Sánchez", "COLGOV"),
        ("Spanish prime minister Pedro Sánchez resigned.", "Sánchez", "ESPGOV"),
        ("Israel's Southern Command shelled the village.", "Command", "ISRMIL"),
        ("The US Indo-Pacific Command and Iran traded threats.", "Command", "USAMIL"),
    ],
)
def test_an_institution_of_another_country_is_the_written_countrys(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The U.S. African Command struck the militants.", "Command", "USA"),
        ("Medics at the Gaza European Hospital treated the wounded.", "Hospital", "PSEGZA"),
        ("European leaders met in Brussels.", "leaders", "EURGOV"),
    ],
)
def test_a_region_yields_to_a_state_of_the_phrase(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


def _coref_codes(resolver: ActorResolver, nlp: Any, text: str, words: list[str]) -> list[Any]:
    """Resolve the listed head words in text order through one Coreference."""
    from tocsin.actors import Coreference

    doc = nlp(text)
    mentions = resolver.find(doc, None)
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    coref = Coreference()
    out = []
    remaining = list(words)
    for tok in doc:
        if remaining and tok.text == remaining[0]:
            remaining.pop(0)
            actor = resolver.resolve_phrase(doc, tok.i, None, mentions)
            got = coref.resolve(doc, tok.i, actor, sent_of[tok.i])
            out.append(got.code if got is not None and not isinstance(got, list) else got)
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The Kenyan president said the country will send troops to Haiti.",
         ["president", "country"], ["KENGOV", "KEN"]),
        ("Putin said the country would never give up Crimea.", ["Putin", "country"],
         ["RUSGOV", "RUS"]),
        ("Pakistan hosted the talks. The country said it was ready.", ["Pakistan", "country"],
         ["PAK", "PAK"]),  # a country named before still comes first
    ],
)
def test_the_country_after_a_state_speaker_is_its_country(
    phoenix: ActorResolver, nlp: Any, text: str, words: list[str], expected: list[str]
) -> None:
    assert _coref_codes(phoenix, nlp, text, words) == expected
