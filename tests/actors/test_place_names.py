"""Places inside longer names, "the West Bank" against "the West", and unnamed attackers:
sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from tocsin.actors import ActorResolver
from tocsin.actors.casing import in_facility_name


@pytest.fixture(scope="module")
def phoenix() -> ActorResolver:
    return ActorResolver.load_named("phoenix")


def _codes(resolver: ActorResolver, doc: Any) -> list[tuple[str, str]]:
    return [(m.actor.text, m.actor.code) for m in resolver.find(doc, None)]


_VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (lower_)


def _doc(text: str) -> Doc:
    return Doc(_VOCAB, words=text.split())


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Aden Adde International Airport was shelled", 1, True),
        ("Aden Adde Airport was shelled", 1, True),
        ("Lima Ortega Bravo Avenue was closed", 1, True),
        ("Kabul International Airport was closed", 1, False),
        ("Kabul Airport was closed", 1, False),
        ("Aden Adde said so", 1, False),
        ("Aden was shelled", 1, False),
        ("Lima International Zone Airport was closed", 1, False),
    ],
)
def test_in_facility_name(text: str, start: int, expected: bool) -> None:
    assert in_facility_name(_doc(text), start) is expected


@pytest.mark.slow
def test_a_city_in_a_facility_named_after_someone_is_not_the_city(
    phoenix: ActorResolver, nlp: Any
) -> None:
    codes = _codes(phoenix, nlp("Mortars struck Aden Adde International Airport on Monday."))
    assert all(code != "YEM" for _, code in codes)
    assert ("Aden", "YEM") in _codes(phoenix, nlp("Rebels attacked a ship near Aden."))
    kabul = _codes(phoenix, nlp("Protesters gathered outside Kabul International Airport."))
    assert any(text == "Kabul" and code.startswith("AFG") for text, code in kabul)


@pytest.mark.slow
def test_west_bank_is_not_the_west(phoenix: ActorResolver, nlp: Any) -> None:
    for text in (
        "Israeli troops raided a camp in the West Bank.",
        "Settlers burned olive groves in the occupied West Bank.",
    ):
        codes = _codes(phoenix, nlp(text))
        assert ("WST" not in {c for _, c in codes}) and any(c == "PSE" for _, c in codes[1:])
    assert ("West", "WST") in _codes(phoenix, nlp("Russia accused the West of escalation."))


@pytest.mark.slow
def test_unnamed_attackers_and_shooters_are_agents(phoenix: ActorResolver, nlp: Any) -> None:
    assert _codes(phoenix, nlp("Attackers killed two guards.")) == [("Attackers", "---UAF")]
    assert ("shooter", "---CRM") in _codes(phoenix, nlp("A shooter wounded three people."))


@pytest.mark.slow
def test_nouns_of_acts_are_not_armed_groups(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp("Students called for an uprising. The insurgency spread and the rebellion grew.")
    assert all(not code.endswith("REB") for _, code in _codes(phoenix, doc))
    assert ("insurgents", "---REB") in _codes(phoenix, nlp("Army troops killed ten insurgents."))


@pytest.mark.slow
def test_unnamed_monitors_and_rights_groups_are_ngos(phoenix: ActorResolver, nlp: Any) -> None:
    for text in (
        "A war monitor said the strikes killed ten people.",
        "A rights group accused Iran of torture.",
        "A monitoring group reported new clashes.",
    ):
        assert any(code.startswith("NGO") for _, code in _codes(phoenix, nlp(text))), text


@pytest.mark.slow
def test_an_acronym_is_not_a_place(phoenix: ActorResolver, nlp: Any) -> None:
    for text in ("Texas declared CAIR a terrorist organization.", "CAIR condemned the ban."):
        assert all(code != "MKD" for _, code in _codes(phoenix, nlp(text))), text
    assert ("Cair", "MKD") in _codes(phoenix, nlp("Protesters gathered in Cair, Skopje."))


@pytest.mark.slow
def test_a_ship_after_its_navy_prefix_is_the_navy(phoenix: ActorResolver, nlp: Any) -> None:
    for text, code in (
        ("The Houthis fired missiles at USS Harry S. Truman.", "USAMIL"),
        ("HMS Prince of Wales docked in Tokyo.", "GBRMIL"),
    ):
        codes = _codes(phoenix, nlp(text))
        assert ("USS" if code == "USAMIL" else "HMS", code) in codes, codes
        people = [c for _, c in codes if c[:3] not in ("JPN", "---") and c.endswith(("ELI", "GOV"))]
        assert not people, codes
