"""Publication dates from metadata strings, URLs and text."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tocsin.ingest.dates import date_from_text, date_from_url, parse_date

D = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2024/03/05/talks-resume", D),
        ("https://example.org/news/2024-03-05-talks", D),
        ("https://example.org/world/20240305/talks.html", D),
        ("https://example.org/2024/3/5/talks", D),
        ("https://example.org/world/talks-resume", None),
        ("https://example.org/2024/13/45/bad", None),
        ("https://example.org/item/12345678/story", None),
        ("https://2024.example.org/03/05/", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published March 5, 2024. The ministers met.", D),
        ("On 5 March 2024 the ministers met.", D),
        ("Updated: 2024-03-05 10:00", D),
        ("Sept. 5, 2024 — talks", dt.date(2024, 9, 5)),
        ("The talks that began in March will resume.", None),
        ("In 2024, talks resumed.", None),
    ],
)
def test_date_from_text(text: str, expected: dt.date | None) -> None:
    assert date_from_text(text) == expected


def test_date_from_text_reads_only_the_start() -> None:
    assert date_from_text("x " * 400 + "March 5, 2024") is None


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-05",
        "2024-03-05T10:00:00Z",
        "Tue, 05 Mar 2024 08:00:00 GMT",
        dt.datetime(2024, 3, 5, 10),
        D,
        time.strptime("2024-03-05", "%Y-%m-%d"),
    ],
)
def test_parse_date_from_metadata(value: object) -> None:
    assert parse_date(value) == D


def test_parse_date_rejects_nonsense_and_future() -> None:
    assert parse_date("") is None and parse_date("soon") is None
    assert parse_date(f"{dt.date.today().year + 5}-01-01") is None
    assert parse_date("1850-01-01") is None
    assert date_from_url(f"https://x.org/{dt.date.today().year + 5}/01/01/a") is None
