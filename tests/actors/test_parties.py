"""Political parties (tocsin.groups.actors.tsv, tocsin.agents.tsv): the country, the role
of the day (GOV or OPP) and PTY; names shared by several countries' parties give the role
only. Loads the dictionaries and spaCy's English tokenizer, not the model."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from bench.actor_coverage import resolve_form
from tocsin.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load_named("phoenix")


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("Democrats", dt.date(2025, 6, 1), "USAOPPPTY"),
        ("Democrats", dt.date(2022, 6, 1), "USAGOVPTY"),
        ("Republicans", dt.date(2025, 6, 1), "USAGOVPTY"),
        ("Labour Party", dt.date(2023, 6, 1), "GBROPPPTY"),
        ("Labour Party", dt.date(2025, 6, 1), "GBRGOVPTY"),
        ("Fidesz", dt.date(2026, 4, 1), "HUNGOVPTY"),
        ("Fidesz", dt.date(2026, 6, 1), "HUNOPPPTY"),
        ("African National Congress", dt.date(2025, 6, 1), "ZAFGOVPTY"),
    ],
)
def test_a_party_has_its_role_of_the_day(
    resolver: ActorResolver, text: str, day: dt.date, code: str
) -> None:
    assert resolve_form(resolver, text, day) == code


def _codes(resolver: ActorResolver, text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [str(m.code) for m in resolver.find(doc, dt.date(2025, 6, 1))]


@pytest.mark.parametrize(
    "text",
    [
        "the Sweden Democrats and the Christian Democrats",
        "German Social Democrats",
        "the opposition United Democratic Party of Belize",
        "BNP Paribas",
    ],
)
def test_names_inside_other_parties_names_are_not_the_us_or_bangladesh(
    resolver: ActorResolver, text: str
) -> None:
    codes = _codes(resolver, text)
    assert not any(c.startswith(("USA", "BGD")) for c in codes), codes


def test_a_shared_party_name_is_the_party_role(resolver: ActorResolver) -> None:
    assert "---PTY" in _codes(resolver, "the Conservative Party leader")
