"""Actors of unseen news (issue #9): person and body nouns with no agent entry, organisations
named with their country inside, a name inside a longer agent phrase, a town named with its
state ("Lebanon, Pennsylvania"). Sentences written for these tests."""

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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ghanaian prosecutors charged three election commissioners.", "commissioners", "---GOV"),
        ("Peruvian investigators searched the ministry.", "investigators", "PERCOP"),
        ("Kenyan officers arrested the driver.", "officers", "KENCOP"),
        ("The Chilean leader met striking miners.", "leader", "CHLGOV"),
        ("The rebel leader surrendered.", "leader", "---REB"),
    ],
)
def test_person_nouns_take_a_role(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Tunisia suspended the Tunisian Forum for Economic and Social Rights.", "Forum",
         "TUNNGO"),
        ("The Nepalese Commission for Public Integrity charged two ministers.", "Commission",
         "NPLGOV"),
        ("The Kenyan Foundation for Civic Education sued the government.", "Foundation",
         "KENNGO"),
        ("The Ghanaian Revenue Agency fined the company.", "Agency", "GHAGOV"),
    ],
)
def test_named_bodies_take_their_head_nouns_role(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
def test_a_commission_in_lower_case_is_no_name(phoenix: ActorResolver, nlp: Any) -> None:
    assert _code(phoenix, nlp("The forum discussed trade."), "forum") is None


@pytest.mark.slow
def test_a_name_is_not_swallowed_by_a_longer_agent_phrase(
    phoenix: ActorResolver, nlp: Any
) -> None:
    assert _code(phoenix, nlp("Border Patrol agents detained ten migrants."), "agents") == (
        "USACOP"
    )
    assert _code(phoenix, nlp("Two men were shot by Border Patrol agents."), "agents") == (
        "USACOP"
    )
    assert _code(phoenix, nlp("White House officials denied it."), "officials") == "USAGOV"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("A gunman opened fire in Lebanon, Pennsylvania.", "Lebanon", "USA"),
        ("Floods closed schools in Paris, Texas.", "Paris", "USA"),
        ("Police evacuated Jordan, Minnesota.", "Jordan", "USA"),
        ("Rockets hit Tyre, Lebanon.", "Tyre", "LBN"),
        ("Israel struck Lebanon, Syria and Iraq.", "Lebanon", "LBN"),
        ("Israel struck Lebanon, Syria.", "Lebanon", "LBN"),
    ],
)
def test_a_town_named_with_its_state_is_in_that_state(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
def test_known_misreadings(phoenix: ActorResolver, nlp: Any) -> None:
    assert _code(phoenix, nlp("Bandits attacked a market in Niger State."), "State") == "NGA"
    assert _code(phoenix, nlp("Niger expelled the French ambassador."), "Niger") == "NER"
    assert _code(phoenix, nlp("The LRA attacked a village."), "LRA") == "UGAREB"
    assert _code(phoenix, nlp("Joseph Kony fled."), "Kony") == "UGAREB"
    morena = _code(phoenix, nlp("Morena won the vote in the Senate."), "Morena")
    assert morena is not None and morena.startswith("MEX")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ahl al-Sunna wal-Jamaa fighters attacked a base.",  # as the dictionary writes it
        "Ahl al Sunna wal Jamaa fighters attacked a base.",
    ],
)
def test_hyphenated_names_match_without_hyphens(nlp: Any, text: str, tmp_path: Any) -> None:
    from tocsin.actors import read_actor_file

    path = tmp_path / "groups.txt"
    path.write_text("AHL_AL-SUNNA_WAL-JAMAA [MOZREB]\nAL-HAWL_ [SYR]\n", encoding="utf-8")
    resolver = ActorResolver(read_actor_file(path))
    assert [m.actor.code for m in resolver.find(nlp(text), None)] == ["MOZREB"]
    for camp in ("Guards shot a man in al-Hawl camp.", "Guards shot a man in al Hawl camp."):
        assert [m.actor.code for m in resolver.find(nlp(camp), None)] == ["SYR"], camp


@pytest.mark.slow
def test_a_hyphen_does_not_join_two_names(phoenix: ActorResolver, nlp: Any) -> None:
    codes = [m.actor.code for m in phoenix.find(nlp("Russia-backed forces shelled Kharkiv."), None)]
    assert codes[0] == "RUS"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Secret Service arrested the man.", "Service", "USACOP"),
        ("The SBU detained two agents.", "SBU", "UKRSPY"),
        ("The Luftwaffe dropped aid.", "Luftwaffe", "DEUMIL"),
        ("EFTA signed a trade deal with India.", "EFTA", "IGOEFT"),
        ("UNFPA warned of a crisis.", "UNFPA", "IGOUNO"),
    ],
)
def test_bodies_in_the_news(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Iranian deputy foreign minister Ali Karimi said so.", "Karimi", "IRNGOV"),
        ("The Ghanaian deputy defence minister resigned.", "minister", "GHAGOV"),
        ("Sheriff's deputies arrested him.", "deputies", "---COP"),
        ("A sheriff's deputy shot him.", "deputy", "---COP"),
    ],
)
def test_deputy_is_a_rank_beside_a_role(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
def test_rival_governments_are_their_countrys(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp("The Government of National Stability closed the border.")
    assert _code(phoenix, doc, "Government") == "LBYGOV"


@pytest.mark.parametrize(
    ("place", "expected"),
    [("Fordow", "IRN"), ("Kharg Island", "IRN"), ("Maghazi", "PSE"), ("Qamishli", "SYR"),
     ("Myrnohrad", "UKR"), ("Cité Soleil", "HTI"), ("Pétion-Ville", "HTI"),
     ("Petion-Ville", "HTI")],
)
def test_places_of_conflict_news(phoenix: ActorResolver, place: str, expected: str) -> None:
    import spacy

    nlp = spacy.blank("en")  # no parser or NER: the words alone
    doc = nlp(f"Strikes hit {place} overnight .")
    assert [m.actor.code for m in phoenix.find(doc, None)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("ANO won the most seats.", "2025-10-05", "CZEOPPPTY"),
        ("ANO won the most seats.", "2026-01-10", "CZEGOVPTY"),
        ("Smer lawmakers walked out.", "2024-03-01", "SVKGOVPTY"),
        ("Yesh Atid lawmakers walked out.", "2025-03-01", "ISROPPPTY"),
        ("The MK Party rejected the budget.", "2025-03-01", "ZAFOPPPTY"),
    ],
)
def test_parties_of_the_day(phoenix: ActorResolver, nlp: Any, text: str, day: str,
                            expected: str) -> None:
    import datetime as dt

    doc = nlp(text)
    codes = [m.actor.code for m in phoenix.find(doc, dt.date.fromisoformat(day))]
    assert expected in codes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Seoul High Court increased the sentence.", "Court", "KORJUD"),
        ("Kyiv police detained two men.", "police", "UKRCOP"),
        ("Islamabad said the talks failed.", "Islamabad", "PAKGOV"),
        ("Beijing officials denied it.", "officials", "CHNGOV"),
    ],
)
def test_a_capital_beside_a_role_is_its_country(
    phoenix: ActorResolver, nlp: Any, text: str, word: str, expected: str
) -> None:
    assert _code(phoenix, nlp(text), word) == expected


@pytest.mark.slow
def test_irans_security_council_is_not_the_us_one(phoenix: ActorResolver, nlp: Any) -> None:
    doc = nlp("Supreme National Security Council secretary Ali Larijani warned Israel.")
    assert _code(phoenix, doc, "Larijani") == "IRNGOV"
