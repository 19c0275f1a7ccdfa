"""Event dates: the time expression of an event's sentence, resolved against the article date.

``enrich_dates(doc, events, article)`` gives each event an :class:`tocsin.models.EventDate`:

- a time expression tied to the event (spaCy DATE/TIME entities, adjacent ones merged:
  "Last year" + "in" + "the month of September"; plus phrases spaCy missed, found by regex),
  resolved against ``article.date`` (rule ``explicit`` for absolute dates, ``relative``
  otherwise); past tense looks back ("on Wednesday" = the last Wednesday on or before the
  article date), future tense forward;
- a relative expression without an article date keeps the expression, value None
  (rule ``unresolved``): a date is never invented;
- no expression: the article date, precision day (rule ``article-date``).

Precision is ``day``, ``week``, ``month`` or ``year``; ``value`` is the first day of the period.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tocsin.models import Article, Event, EventDate
from tocsin.temporal.expressions import CANDIDATE_RE, TimeRef, parse, resolve

log = logging.getLogger(__name__)

__all__ = [
    "TimeExpression",
    "date_of",
    "enrich_dates",
    "find_expressions",
    "format_date",
]

DATE_LABELS = {"DATE", "TIME"}
MONTH_WORDS = {m.lower() for m in calendar.month_name if m} | {"sept"}
CONNECTORS = {"in", "of", "the", ",", "on", "at", "during", "and"}
DURATION_MARKERS = {
    "for",
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "over",
    "lasting",
    "spanning",
    "by",
}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
FUTURE_HEADS = {"plan", "schedule", "set", "expect", "due", "intend", "prepare"}


@dataclass(frozen=True)
class TimeExpression:
    """A time phrase in the doc: token range, char span, text and parsed reference."""

    start: int
    end: int
    span: tuple[int, int]
    text: str
    ref: TimeRef


def find_expressions(doc: Any, sent: Any) -> list[TimeExpression]:
    """Point-in-time expressions of one sentence (durations like 'for three years' dropped)."""
    spans = _merged_date_ents(doc, sent)
    taken = {i for s, e in spans for i in range(s, e)}
    for m in CANDIDATE_RE.finditer(sent.text):
        span = doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            spans.append((span.start, span.end))
            taken.update(range(span.start, span.end))
    out = []
    for start, end in sorted(spans):
        expr = _expression(doc, start, end)
        if expr is not None:
            out.append(expr)
    return out


def _merged_date_ents(doc: Any, sent: Any) -> list[tuple[int, int]]:
    ents = [(e.start, e.end) for e in sent.ents if e.label_ in DATE_LABELS]
    merged: list[tuple[int, int]] = []
    for start, end in ents:
        if merged:
            gap = doc[merged[-1][1] : start]
            if (
                len(gap) <= 3
                and all(t.lower_ in CONNECTORS for t in gap)
                and (not len(gap) or gap[0].lower_ != "and")
            ):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _expression(doc: Any, start: int, end: int) -> TimeExpression | None:
    while start < end and (
        doc[start].lower_ in {"on", "in", "at", "during"} or doc[start].is_punct
    ):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end or (start > 0 and doc[start - 1].lower_ in DURATION_MARKERS):
        return None
    if doc[start].lower_ in DURATION_MARKERS:
        return None
    span = doc[start:end]
    if len(span) == 1 and span[0].lower_ in MONTH_WORDS and not _after_preposition(doc, start):
        return None  # "the Women's March", "March 23 Movement": a name, not a date
    ref = parse(span.text)
    if ref is None:
        return None
    return TimeExpression(start, end, (span.start_char, span.end_char), span.text, ref)


def _after_preposition(doc: Any, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in {
        "in",
        "since",
        "until",
        "by",
        "during",
        "of",
        "from",
        "till",
        "through",
        "before",
        "after",
        "last",
        "next",
    }


def _choose(doc: Any, exprs: Sequence[TimeExpression], trig: Any) -> TimeExpression | None:
    """The expression that dates the trigger: one modifying the trigger (or its verb) directly
    first, else the nearest one that is not inside a noun phrase ('the invasion *in 2022*',
    'the fire *in March*' date something else)."""
    if not exprs:
        return None
    if trig is None:
        return exprs[0]
    head = trig.root
    ranked = []
    for e in exprs:
        kind = _attachment(doc[e.start : e.end].root, head)
        if kind is not None:
            ranked.append(((kind, abs(e.start - head.i)), e))
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


def _attachment(root: Any, head: Any) -> int | None:
    """0: modifies the trigger (directly or through one preposition); 1: a clause-level
    modifier elsewhere in the sentence; None: inside a noun phrase, not a date of the event."""
    tok, steps = root, 0
    while tok.head.i != tok.i:
        parent = tok.head
        if parent.i == head.i or (head.head.i == parent.i and head.dep_ in {"xcomp", "dobj"}):
            return 0 if steps <= 1 else 1
        if parent.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            return None
        tok, steps = parent, steps + (parent.dep_ != "prep")
    return 1


def _direction(trig: Any) -> int:
    """Tense of the event: -1 past ('attacked', 'was held', 'has met'), +1 future ('will
    visit', 'plans to visit'), 0 present (news-lede present tense: nearest occurrence)."""
    if trig is None:
        return -1
    head = trig.root
    if head.pos_ in {"NOUN", "PROPN"} and head.head.i != head.i:
        head = head.head
    for tok in (head, head.head):
        for child in tok.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in FUTURE_AUX:
                return 1
    if head.dep_ == "xcomp" and head.head.lemma_ in FUTURE_HEADS:
        return 1
    if head.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and (c.tag_ == "VBD" or c.lower_ in {"has", "have"})
        for c in head.children
    ):
        return -1
    return 0


def date_of(
    doc: Any,
    event: Event,
    article: Article,
    cache: dict[tuple[int, int], list[TimeExpression]] | None = None,
) -> EventDate:
    """The EventDate of one event."""
    sent = _span(doc, event.sentence_span)
    trig = _span(doc, event.trigger_span)
    exprs: list[TimeExpression] = []
    if sent is not None:
        key = (sent.start, sent.end)
        if cache is not None and key in cache:
            exprs = cache[key]
        else:
            exprs = find_expressions(doc, sent)
            if cache is not None:
                cache[key] = exprs
    expr = _choose(doc, exprs, trig if trig is not None and len(trig) else None)
    if expr is None:
        return EventDate(
            value=article.date, precision="day" if article.date else None, rule="article-date"
        )
    resolved = resolve(
        expr.ref, article.date, _direction(trig if trig is not None and len(trig) else None)
    )
    if resolved is None:
        return EventDate(value=None, expression=expr.text, span=expr.span, rule="unresolved")
    rule = "explicit" if expr.ref.absolute else "relative"
    return EventDate(
        value=resolved[0], precision=resolved[1], expression=expr.text, span=expr.span, rule=rule
    )


def _span(doc: Any, span: tuple[int, int] | None) -> Any:
    if span is None:
        return None
    return doc.char_span(span[0], span[1], alignment_mode="expand")


def format_date(date: EventDate | None) -> str:
    """One line for tables: "2016-09 (month) 'Last year in the month of September' [relative]"."""
    if date is None:
        return "-"
    if date.value is None:
        value = "unknown"
    elif date.precision == "year":
        value = f"{date.value.year}"
    elif date.precision == "month":
        value = date.value.strftime("%Y-%m")
    else:
        value = date.value.isoformat()
    expr = f" {date.expression!r}" if date.expression else ""
    prec = f" ({date.precision})" if date.precision else ""
    return f"{value}{prec}{expr} [{date.rule or '?'}]"


def enrich_dates(doc: Any, events: list[Event], article: Article) -> list[Event]:
    """Events with ``date`` filled (see the module docstring for the rules)."""
    cache: dict[tuple[int, int], list[TimeExpression]] = {}
    return [e.replace(date=date_of(doc, e, article, cache)) for e in events]
