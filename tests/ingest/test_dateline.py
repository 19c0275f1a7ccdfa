"""Datelines: parsed into place (+ region, date, agency) and removed; sentence starts left alone."""

from __future__ import annotations

import pytest

from tocsin.ingest.dateline import normalise_place, parse_dateline, split_dateline

LONG = " the two delegations met for talks that lasted several hours on the border."

POSITIVE = [
    # text, place, region, date, agency, rest starts with
    (
        "Islamabad: A Russian military delegation made a visit" + LONG,
        "Islamabad",
        None,
        None,
        None,
        "A Russian",
    ),
    (
        "ISLAMABAD (Reuters) - Pakistan said on Monday" + LONG,
        "Islamabad",
        None,
        None,
        "Reuters",
        "Pakistan said",
    ),
    ("WASHINGTON, March 3 (AP) — The president said", "Washington", None, "March 3", "AP", "The"),
    (
        "KABUL, Afghanistan, Jan. 5 (Xinhua) -- Afghan forces",
        "Kabul",
        "Afghanistan",
        "Jan. 5",
        "Xinhua",
        "Afghan",
    ),
    ("LONDON — Britain's prime minister said", "London", None, None, None, "Britain's"),
    ("NEW DELHI, March 3: India and Pakistan", "New Delhi", None, "March 3", None, "India"),
    ("WASHINGTON (CNN)The White House said", "Washington", None, None, "CNN", "The White"),
    ("ST. LOUIS (AP) — A jury", "St. Louis", None, None, "AP", "A jury"),
    ("PORT-AU-PRINCE, Haiti (AP) — Gangs", "Port-au-Prince", "Haiti", None, "AP", "Gangs"),
    (
        "Rio de Janeiro: Police in Brazil launched" + LONG,
        "Rio de Janeiro",
        None,
        None,
        None,
        "Police",
    ),
    ("BEIJING, 5 March 2024 (Xinhua) -- China", "Beijing", None, "5 March 2024", "Xinhua", "China"),
    ("UNITED NATIONS (AP) — The Security Council", "United Nations", None, None, "AP", "The"),
    ('GAZA CITY - "We have nothing left," said', "Gaza City", None, None, None, '"We'),
]

NEGATIVE = [
    "However, the talks failed.",
    "Russia: a friend of India, and a long one" + LONG,
    "Russia–Ukraine war: Russian forces strike Kyiv with drones overnight, killing two.",
    "Gaza war: Israeli airstrikes kill at least 26 Palestinians across the Gaza Strip today.",
    "Update: The talks failed on Monday after many hours of long discussions here in town.",
    "BREAKING: Russia invades",
    "Meanwhile — The talks resumed",
    "Monday: Talks resume in Geneva between the two delegations after a long pause here.",
    "The United States — long an ally — said",
    "Donald Trump — The president said he would",
    "Israeli airstrikes across the Gaza Strip kill at least 26 Palestinians.",
    "Prime Minister Dick Schoof announces his resignation.",
    "Q: What did you say?",
    "NG: This study started in 1982, long before my joining the lab in March of 2016.",
    "Member of Parliament (MP) Yvette Cooper of the Labour Party added that",
    "Islamabad: short label",
    "In Islamabad: A meeting",
]


@pytest.mark.parametrize(("text", "place", "region", "date", "agency", "rest"), POSITIVE)
def test_datelines_are_parsed_and_removed(
    text: str, place: str, region: str | None, date: str | None, agency: str | None, rest: str
) -> None:
    dateline, remaining = split_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.region, dateline.date, dateline.agency) == (
        place,
        region,
        date,
        agency,
    )
    assert remaining.startswith(rest)
    assert text.endswith(remaining)


@pytest.mark.parametrize("text", NEGATIVE)
def test_sentence_starts_are_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None
    assert split_dateline(text) == (None, text)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("ISLAMABAD", "Islamabad"),
        ("NEW DELHI", "New Delhi"),
        ("DAR ES SALAAM", "Dar es Salaam"),
        ("Washington D.C.", "Washington D.C."),
        ("N'DJAMENA", "N'Djamena"),
    ],
)
def test_place_names_are_normalised_to_title_case(raw: str, normal: str) -> None:
    assert normalise_place(raw) == normal
