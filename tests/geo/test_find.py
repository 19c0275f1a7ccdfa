"""Finding toponyms in hand-built Docs (no model): datelines, qualifiers that bring candidates
in, abbreviations, type words, names that keep "St." and "Fort", features, lists."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.geo.find import find_toponyms
from tocsin.geo.gazetteer import Gazetteer, get_gazetteer
from tocsin.geo.resolve import resolve_document
from tocsin.geo.toponym import to_mention
from tocsin.models import Mention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _readings(gaz: Gazetteer, doc: Any) -> dict[str, tuple[str, str, str]]:
    return {
        t.text: (t.place.cc, t.place.adm1, t.place.kind)
        for t in resolve_document(gaz, doc)
        if t.place is not None
    }


def test_all_caps_dateline_keeps_saint_and_sets_the_context(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("ST. PAUL , Minn. -- Officials met in Lincoln County on Tuesday .")
    toponyms, dateline = find_toponyms(doc, gaz)
    assert dateline is not None and dateline.text == "ST. PAUL"  # not "PAUL"
    found = _readings(gaz, doc)
    assert found["ST. PAUL"] == ("US", "US-MN", "city")
    assert found["Minn."] == ("US", "US-MN", "adm1")
    assert found["Lincoln County"] == ("US", "US-MN", "adm2")  # the dateline's state


def test_qualifier_brings_in_a_reading_inside_it(gaz: Gazetteer, geo_doc: Any) -> None:
    """'a Bradford, Ontario court': no Bradford of the gazetteer lies in Ontario, so the
    qualifier brings in 'somewhere in Ontario' instead of Bradford, England."""
    doc = geo_doc("a Bradford , Ontario court heard the case .")
    assert _readings(gaz, doc)["Bradford"][:2] == ("CA", "CA-ON")


def test_unknown_name_before_an_abbreviation_is_a_place_in_that_state(
    gaz: Gazetteer, geo_doc: Any
) -> None:
    doc = geo_doc("Storms hit Zzyzqton , W.Va. , and Caddo , Okla. , on Monday .")
    found = _readings(gaz, doc)
    assert found["Zzyzqton"] == ("US", "US-WV", "adm1")
    assert found["W.Va."] == ("US", "US-WV", "adm1")
    assert found["Caddo"][:2] == ("US", "US-OK")


def test_postal_codes_only_in_capitals(gaz: Gazetteer, geo_doc: Any) -> None:
    assert _readings(gaz, geo_doc("He moved to Austin , TX last year ."))["Austin"][1] == "US-TX"
    assert "La" not in _readings(gaz, geo_doc("She sang Austin , La la ."))


def test_a_list_is_not_a_place_and_its_division(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("strains named Qwertzburg , Uganda and Sudan .")
    found = _readings(gaz, doc)
    assert "Qwertzburg" not in found and found["Uganda"][0] == "UG"


def test_type_word_before_the_name_selects_the_division(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("Fires spread across the state of Washington on Sunday .")
    assert _readings(gaz, doc)["Washington"] == ("US", "US-WA", "adm1")
    doc = geo_doc("Officials in Washington said so .")
    assert _readings(gaz, doc)["Washington"][1] == "US-DC"


def test_names_keep_saint_and_fort(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("Flights from St. Louis to Fort Worth and Ft. Lauderdale resumed .")
    found = _readings(gaz, doc)
    assert found["St. Louis"][1] == "US-MO"
    assert found["Fort Worth"][1] == "US-TX"
    assert found["Ft. Lauderdale"][1] == "US-FL"


def test_features_are_not_split_into_places(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("Birds died in the Danube Delta near Tulcea .", ents={"LOC": ["Danube Delta"]})
    found = _readings(gaz, doc)
    assert "Delta" not in found and "Danube Delta" not in found
    assert found["Tulcea"][0] == "RO"


def test_hyphenated_country_names_are_whole(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("Cases rose in Guinea - Bissau .", ents={"GPE": ["Guinea"]})
    assert _readings(gaz, doc) == {"Guinea - Bissau": ("GW", "", "country")}


def test_toponyms_become_shared_mentions(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("Clashes erupted in Miranshah , North Waziristan .")
    mentions = [to_mention(t, doc) for t in resolve_document(gaz, doc)]
    assert all(isinstance(m, Mention) and m.kind == "place" for m in mentions)
    miranshah = next(m for m in mentions if m.text == "Miranshah")
    assert miranshah.payload.adm1 == "PK-KP" and miranshah.code == "PAK"
    assert doc.text[slice(*miranshah.char_span)] == "Miranshah"
    assert miranshah.head == miranshah.start  # one token: its own root


def test_dateline_split_by_the_tokenizer_is_one_name(gaz: Gazetteer, geo_doc: Any) -> None:
    """spaCy splits "ST. PAUL" into "ST" "." "PAUL"; a dateline names a city (not São Paulo
    state, whose variants include "Saint Paul")."""
    doc = geo_doc("ST . PAUL -- A court ruled .")
    toponyms, dateline = find_toponyms(doc, gaz)
    assert dateline is not None and dateline.text == "ST . PAUL"
    assert _readings(gaz, doc)["ST . PAUL"] == ("US", "US-MN", "city")


def test_abbreviation_after_a_comma_is_the_state_not_a_variant_name(
    gaz: Gazetteer, geo_doc: Any
) -> None:
    doc = geo_doc("The sheriff of Marion County , Ind. , said so .", ents={"GPE": ["Ind."]})
    found = _readings(gaz, doc)
    assert found["Ind."] == ("US", "US-IN", "adm1")  # not Indianapolis ("IND")
    assert found["Marion County"] == ("US", "US-IN", "adm2")


def test_small_town_names_need_the_text_to_say_they_are_places(
    gaz: Gazetteer, geo_doc: Any
) -> None:
    assert any(e.place.pop < 15000 for e in gaz.lookup("Johnson"))  # a village somewhere
    assert "Johnson" not in _readings(gaz, geo_doc("Officials and Johnson said so ."))
    assert _readings(gaz, geo_doc("Storms hit homes in Brattleboro ."))["Brattleboro"][1] == "US-VT"


def test_a_town_near_the_story_beats_a_bigger_namesake(gaz: Gazetteer, geo_doc: Any) -> None:
    """Springfield: the one near the other clear places of the text (Chicopee, Holyoke), not
    the most populous (Springfield, Missouri or Illinois)."""
    doc = geo_doc("Crews from Chicopee and Holyoke reached Springfield on Monday .")
    found = _readings(gaz, doc)
    assert found["Chicopee"][1] == "US-MA" and found["Springfield"][1] == "US-MA"


def test_the_texts_own_dateline_locates_events_without_a_place(
    gaz: Gazetteer, geo_doc: Any
) -> None:
    from tocsin.geo import Geocoder
    from tocsin.models import Actor, Article, Event

    doc = geo_doc("ST . PAUL , Minn. -- The two ministers discussed trade .")
    start = doc.text.index("The two")
    trigger = doc.text.index("discussed")
    event = Event(
        source=Actor("USAGOV", country="USA"), target=Actor("CANGOV", country="CAN"),
        code="040", sentence_index=0, sentence=doc.text[start:],
        sentence_span=(start, len(doc.text)), trigger="discussed",
        trigger_span=(trigger, trigger + len("discussed")),
    )
    (located,) = Geocoder(gaz).enrich(doc, [event], Article(id="a", text=doc.text))
    assert located.location is not None
    assert (located.location.rule, located.location.adm1_code) == ("dateline", "US-MN")


def test_part_of_an_unknown_place_name_is_not_a_village_elsewhere(
    gaz: Gazetteer, geo_doc: Any
) -> None:
    assert all(e.place.pop < 15000 for e in gaz.lookup("Rice"))  # villages in the US
    doc = geo_doc("Refugees fled to Rice Shok camp .", ents={"GPE": ["Rice Shok"]})
    assert _readings(gaz, doc) == {}


def test_a_hyphen_or_a_title_word_is_no_dateline(gaz: Gazetteer, geo_doc: Any) -> None:
    from spacy.tokens import Doc

    words = "Al - Bab fell to rebels on Sunday .".split()
    spaces = [False, False] + [True] * (len(words) - 2)  # "Al-Bab": a hyphen, not a dash
    hyphenated = Doc(geo_doc("x").vocab, words=words, spaces=spaces)
    assert find_toponyms(hyphenated, gaz)[1] is None
    assert find_toponyms(geo_doc("Police : two men were held ."), gaz)[1] is None


def test_famous_cities_in_a_list_stay_famous(gaz: Gazetteer, geo_doc: Any) -> None:
    """No spatial 'minimality' among ambiguous names: Athens and Rome of Georgia (US) are
    neighbours, but a list of capitals is Greece and Italy."""
    doc = geo_doc("Flights from Athens , Rome and Milan resumed .",
                  ents={"GPE": ["Athens", "Rome", "Milan"]})
    found = _readings(gaz, doc)
    assert (found["Athens"][0], found["Rome"][0], found["Milan"][0]) == ("GR", "IT", "IT")


def test_a_town_leading_a_public_body_is_a_place(gaz: Gazetteer, geo_doc: Any) -> None:
    doc = geo_doc("ALEXANDRIA , La. -- The Alexandria Police Department arrested two men .",
                  ents={"ORG": ["The Alexandria Police Department"]})
    found = _readings(gaz, doc)
    assert found["Alexandria"] == ("US", "US-LA", "city")
    bulls = geo_doc("The Chicago Bulls won .", ents={"ORG": ["The Chicago Bulls"]})
    assert _readings(gaz, bulls) == {}
