"""Resolving bare names: qualifiers, abbreviations, type words, context."""

from __future__ import annotations

import pytest

from tocsin.geo.gazetteer import Gazetteer, get_gazetteer
from tocsin.geo.resolve import resolve_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _best(gaz: Gazetteer, name: str, **kw: object) -> tuple[str, str, str]:
    place = resolve_name(gaz, name, **kw)[0][0]  # type: ignore[arg-type]
    return place.cc, place.adm1, place.kind


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Paris, Texas", ("US", "US-TX", "city")),
        ("Caddo, Okla.", ("US", "US-OK", "city")),
        ("Brattleboro, Vermont", ("US", "US-VT", "city")),
        ("Lincoln County, Ky.", ("US", "US-KY", "adm2")),
        ("Edgar County", ("US", "US-IL", "adm2")),
        ("the state of Washington", ("US", "US-WA", "adm1")),
        ("Donetsk region", ("UA", "UA-14", "adm1")),
        ("ST. PAUL, Minn.", ("US", "US-MN", "city")),
        ("Zzyzqton, W.Va.", ("US", "US-WV", "adm1")),
    ],
)
def test_the_text_of_the_name_decides(
    gaz: Gazetteer, name: str, expected: tuple[str, str, str]
) -> None:
    assert _best(gaz, name) == expected


def test_a_country_name_beats_its_divisions_in_its_own_context(gaz: Gazetteer) -> None:
    assert _best(gaz, "Mexico", context={"MX": 4.0}) == ("MX", "", "country")


def test_unknown_name_in_context_is_a_place_in_the_leading_country(gaz: Gazetteer) -> None:
    assert resolve_name(gaz, "Qwertzovo", {"UA": 3.0, "RU": 1.0}) == []
    (only,) = resolve_name(gaz, "Qwertzovo", {"UA": 3.0, "RU": 1.0}, in_context=True)
    assert (only[0].cc, only[0].kind) == ("UA", "country")
