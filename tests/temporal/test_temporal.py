"""Event dates: parsing and resolving time expressions against the article date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tocsin.models import Article, Event
from tocsin.temporal import enrich_dates
from tocsin.temporal.expressions import parse, resolve

WED = dt.date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        (
            "last year in the month of September",
            dt.date(2019, 3, 15),
            (dt.date(2018, 9, 1), "month"),
        ),
        ("three years ago", WED, (dt.date(2023, 1, 1), "year")),
        ("yesterday", WED, (dt.date(2026, 11, 24), "day")),
        ("the day before yesterday", WED, (dt.date(2026, 11, 23), "day")),
        ("Monday", WED, (dt.date(2026, 11, 23), "day")),
        ("Wednesday", WED, (WED, "day")),  # on or before the article date
        ("last Wednesday", WED, (dt.date(2026, 11, 18), "day")),
        ("next month", WED, (dt.date(2026, 12, 1), "month")),
        ("last month", dt.date(2026, 1, 10), (dt.date(2025, 12, 1), "month")),
        ("earlier this month", WED, (dt.date(2026, 11, 1), "month")),
        ("last week", WED, (dt.date(2026, 11, 16), "week")),
        ("March 2024", None, (dt.date(2024, 3, 1), "month")),
        ("5 March 2024", None, (dt.date(2024, 3, 5), "day")),
        ("2025-07-14", None, (dt.date(2025, 7, 14), "day")),
        ("5 March", WED, (dt.date(2026, 3, 5), "day")),
        ("December 3", WED, (dt.date(2025, 12, 3), "day")),  # past: the last December 3
        ("last September", dt.date(2026, 3, 1), (dt.date(2025, 9, 1), "month")),
        ("two weeks ago", WED, (dt.date(2026, 11, 9), "week")),
        ("2019", None, (dt.date(2019, 1, 1), "year")),
    ],
)
def test_parse_and_resolve(
    text: str, anchor: dt.date | None, expected: tuple[dt.date, str]
) -> None:
    ref = parse(text)
    assert ref is not None
    assert resolve(ref, anchor) == expected


def test_future_direction_looks_forward() -> None:
    ref = parse("Friday")
    assert resolve(ref, WED, direction=1) == (dt.date(2026, 11, 27), "day")
    assert resolve(ref, WED, direction=-1) == (dt.date(2026, 11, 20), "day")
    assert resolve(parse("in March"), WED, direction=1) == (dt.date(2027, 3, 1), "month")


def test_relative_expression_without_anchor_is_unresolved() -> None:
    assert resolve(parse("three years ago"), None) is None
    assert parse("the government") is None
    assert parse("may") is None  # the verb, not the month


def _event(doc: Any, trigger: str) -> Event:
    start = doc.text.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    return Event(
        source=None,
        target=None,
        code="042",
        sentence_span=(sent.start_char, sent.end_char),
        trigger=trigger,
        trigger_span=(start, start + len(trigger)),
    )


SEED_SENTENCE = (
    "Last year in the month of September, a first-ever joint military exercise was "
    "held between Pakistan and Russia."
)


@pytest.mark.slow  # loads the spaCy model
def test_seed_exercise_date_unresolved_without_article_date(nlp: Any) -> None:
    doc = nlp(SEED_SENTENCE)
    (out,) = enrich_dates(doc, [_event(doc, "held")], Article(id="s", text=SEED_SENTENCE))
    assert out.date.value is None
    assert out.date.expression == "Last year in the month of September"
    assert out.date.rule == "unresolved"
    assert SEED_SENTENCE[out.date.span[0] : out.date.span[1]] == out.date.expression


@pytest.mark.slow  # loads the spaCy model
def test_seed_exercise_date_with_article_date(nlp: Any) -> None:
    doc = nlp(SEED_SENTENCE)
    article = Article(id="s", text=SEED_SENTENCE, date=dt.date(2017, 4, 20))
    (out,) = enrich_dates(doc, [_event(doc, "held")], article)
    assert (out.date.value, out.date.precision, out.date.rule) == (
        dt.date(2016, 9, 1),
        "month",
        "relative",
    )


@pytest.mark.slow  # loads the spaCy model
def test_no_expression_uses_article_date(nlp: Any) -> None:
    text = "Police arrested twelve protesters."
    doc = nlp(text)
    (out,) = enrich_dates(doc, [_event(doc, "arrested")], Article(id="a", text=text, date=WED))
    assert (out.date.value, out.date.precision, out.date.rule) == (WED, "day", "article-date")
    (none,) = enrich_dates(doc, [_event(doc, "arrested")], Article(id="a", text=text))
    assert none.date.value is None and none.date.rule == "article-date"


@pytest.mark.slow  # loads the spaCy model
def test_durations_are_not_event_dates(nlp: Any) -> None:
    text = "The agency has warned for three years about famine."
    doc = nlp(text)
    (out,) = enrich_dates(doc, [_event(doc, "warned")], Article(id="a", text=text, date=WED))
    assert out.date.rule == "article-date"


@pytest.mark.slow  # loads the spaCy model
def test_expression_tied_to_each_event(nlp: Any) -> None:
    text = (
        "The army attacked the village on Monday. The president will visit Moscow on Friday. "
        "Rebels seized the town in March 2024."
    )
    doc = nlp(text)
    events = [_event(doc, "attacked"), _event(doc, "visit"), _event(doc, "seized")]
    out = enrich_dates(doc, events, Article(id="a", text=text, date=WED))
    assert [e.date.value for e in out] == [
        dt.date(2026, 11, 23),
        dt.date(2026, 11, 27),
        dt.date(2024, 3, 1),
    ]
    assert [e.date.rule for e in out] == ["relative", "relative", "explicit"]


@pytest.mark.slow  # loads the spaCy model
def test_explicit_date_resolves_without_article_date(nlp: Any) -> None:
    text = "The accord was signed on 14 July 2025 in Doha."
    doc = nlp(text)
    (out,) = enrich_dates(doc, [_event(doc, "signed")], Article(id="a", text=text))
    assert (out.date.value, out.date.precision) == (dt.date(2025, 7, 14), "day")


@pytest.mark.slow  # loads the spaCy model
def test_present_tense_takes_the_nearest_occurrence(nlp: Any) -> None:
    text = "Qatar Airways announces flights to Damascus beginning on January 7."
    doc = nlp(text)
    article = Article(id="a", text=text, date=dt.date(2025, 1, 3))
    (out,) = enrich_dates(doc, [_event(doc, "announces")], article)
    assert out.date.value == dt.date(2025, 1, 7)
    past = "The army attacked the town on January 7."
    doc = nlp(past)
    (old,) = enrich_dates(doc, [_event(doc, "attacked")], Article(id="a", text=past, date=WED))
    assert old.date.value == dt.date(2026, 1, 7)


def test_next_before_a_day_and_month_looks_forward() -> None:
    assert resolve(parse("next January 20"), dt.date(2025, 1, 1)) == (dt.date(2025, 1, 20), "day")


@pytest.mark.slow  # loads the spaCy model
def test_date_inside_a_noun_phrase_dates_something_else(nlp: Any) -> None:
    text = "Lithuania issues an air raid alert, the first since the invasion of Ukraine in 2022."
    doc = nlp(text)
    (out,) = enrich_dates(doc, [_event(doc, "issues")], Article(id="a", text=text, date=WED))
    assert out.date.rule == "article-date" and out.date.value == WED


@pytest.mark.slow  # loads the spaCy model
def test_month_name_inside_a_name_is_not_a_date(nlp: Any) -> None:
    text = "The Women's March holds a protest in Washington."
    doc = nlp(text)
    (out,) = enrich_dates(doc, [_event(doc, "holds")], Article(id="a", text=text, date=WED))
    assert out.date.rule == "article-date"


def test_format_date_for_tables() -> None:
    from tocsin.models import EventDate
    from tocsin.temporal import format_date

    d = EventDate(
        dt.date(2016, 9, 1), "month", "Last year in the month of September", None, "relative"
    )
    assert format_date(d) == "2016-09 (month) 'Last year in the month of September' [relative]"
    assert format_date(EventDate(None, None, "yesterday", None, "unresolved")).startswith("unknown")
    assert format_date(None) == "-"
