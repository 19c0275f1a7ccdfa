"""Events cited as history are not coded (hand-built Docs, no model; the tiny set's
article date is 2026-01-01)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tocsin.coding.docview import DocView
from tocsin.coding.history import is_history, latest_day
from tocsin.models import Event

DATE = dt.date(2026, 1, 1)


def _dated(make_doc: Any, date_words: list[str], date_tags: list[str]) -> Any:
    """ "Gondor attacked Rohan in/on <date words> ." with the date's first word as pobj."""
    n = len(date_words)
    words = ["Gondor", "attacked", "Rohan", "on", *date_words, "."]
    heads = [1, 1, 1, 1, 3] + [4] * (n - 1) + [1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj"] + ["nummod"] * (n - 1) + ["punct"]
    tags = ["NNP", "VBD", "NNP", "IN", *date_tags, "."]
    lemmas = ["Gondor", "attack", "Rohan", "on", *date_words, "."]
    return make_doc(words, heads, deps, tags, lemmas=lemmas)


def test_an_act_dated_years_back_is_history(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = _dated(make_doc, ["June", "23", "2016"], ["NNP", "CD", "CD"])
    assert is_history(DocView.build(doc), 1, DATE)
    assert code_doc(doc) == []


def test_a_recent_date_is_news(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = _dated(make_doc, ["December", "20", "2025"], ["NNP", "CD", "CD"])  # 12 days back
    assert not is_history(DocView.build(doc), 1, DATE)
    assert len(code_doc(doc)) == 1


def test_a_year_fronting_the_clause_dates_its_complement(make_doc: Any) -> None:
    doc = make_doc(  # "In 2019 , Gondor refused to meet Rohan ."
        ["In", "2019", ",", "Gondor", "refused", "to", "meet", "Rohan", "."],
        [4, 0, 4, 4, 4, 6, 4, 6, 4],
        ["prep", "pobj", "punct", "nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
        ["IN", "CD", ",", "NNP", "VBD", "TO", "VB", "NNP", "."],
    )
    view = DocView.build(doc)
    assert is_history(view, 6, DATE) and is_history(view, 4, DATE)
    assert not is_history(view, 6, None)  # no article date: nothing to compare with


def test_previously_marks_history(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = make_doc(
        ["Gondor", "previously", "attacked", "Rohan", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "advmod", "ROOT", "dobj", "punct"],
        ["NNP", "RB", "VBD", "NNP", "."],
        lemmas=["Gondor", "previously", "attack", "Rohan", "."],
    )
    assert code_doc(doc) == []


def test_a_year_inside_the_object_does_not_date_the_act(make_doc: Any) -> None:
    doc = make_doc(  # "Gondor attacked the 2016 border post" : the act is today's
        ["Gondor", "attacked", "the", "2016", "post", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "nummod", "dobj", "punct"],
        ["NNP", "VBD", "DT", "CD", "NN", "."],
    )
    assert not is_history(DocView.build(doc), 1, DATE)


def test_latest_day_of_an_expression(make_doc: Any) -> None:
    doc = make_doc(
        ["August", "2024", "the", "1990s", "May"],
        [0, 0, 3, 3, 4],
        ["ROOT", "nummod", "det", "ROOT", "ROOT"],
        ["NNP", "CD", "DT", "NNS", "NNP"],
    )
    view = DocView.build(doc)
    assert latest_day(view, 0, 2) == dt.date(2024, 8, 31)
    assert latest_day(view, 2, 4) == dt.date(1999, 12, 31)
    assert latest_day(view, 4, 5) is None  # a month alone (or a name) names no year
    # ... unless it is a past act's: the last such month up to the article's date
    assert latest_day(view, 4, 5, dt.date(2026, 1, 1)) == dt.date(2025, 5, 31)
    assert latest_day(view, 4, 5, dt.date(2026, 6, 3)) == dt.date(2026, 5, 31)


def test_a_bare_month_dates_a_past_act_only(make_doc: Any) -> None:
    # "Gondor attacked Rohan in March ." in a January story: last March, history
    past = _dated(make_doc, ["March"], ["NNP"])
    assert is_history(DocView.build(past), 1, DATE)
    assert not is_history(DocView.build(past), 1, dt.date(2026, 4, 2))  # this March: news
    # "Gondor will attack Rohan in March ." : a month ahead, not history
    future = make_doc(
        ["Gondor", "will", "attack", "Rohan", "in", "March", "."],
        [2, 2, 2, 2, 2, 4, 2],
        ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NNP", "MD", "VB", "NNP", "IN", "NNP", "."],
    )
    assert not is_history(DocView.build(future), 2, DATE)


def test_a_date_after_a_cause_dates_the_cause(make_doc: Any) -> None:
    doc = make_doc(  # "Gondor jailed Rohanians for attacks in 2019 ." : the jailing is news
        ["Gondor", "jailed", "Rohanians", "for", "attacks", "in", "2019", "."],
        [1, 1, 1, 1, 3, 1, 5, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
        ["NNP", "VBD", "NNPS", "IN", "NNS", "IN", "CD", "."],
    )
    assert not is_history(DocView.build(doc), 1, DATE)


def test_a_date_inside_the_subject_dates_the_subject(make_doc: Any) -> None:
    doc = make_doc(  # "Rohanians abducted years ago attacked Gondor ." (parsed onto the verb)
        ["Rohanians", "abducted", "years", "ago", "attacked", "Gondor", "."],
        [4, 0, 3, 4, 4, 4, 4],
        ["nsubj", "acl", "npadvmod", "advmod", "ROOT", "dobj", "punct"],
        ["NNPS", "VBN", "NNS", "RB", "VBD", "NNP", "."],
    )
    assert not is_history(DocView.build(doc), 4, DATE)
    fronted = make_doc(  # "Years ago , Gondor attacked Rohan ."
        ["Years", "ago", ",", "Gondor", "attacked", "Rohan", "."],
        [1, 4, 4, 4, 4, 4, 4],
        ["npadvmod", "advmod", "punct", "nsubj", "ROOT", "dobj", "punct"],
        ["NNS", "RB", ",", "NNP", "VBD", "NNP", "."],
    )
    assert is_history(DocView.build(fronted), 4, DATE)


def test_a_date_after_a_judicial_object_dates_the_crime(make_doc: Any) -> None:
    words = ["Gondor", "charged", "Rohanians", "with", "attacks", "in", "2019", "."]
    heads = [1, 1, 1, 1, 3, 1, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"]
    tags = ["NNP", "VBD", "NNPS", "IN", "NNS", "IN", "CD", "."]
    lemmas = ["Gondor", "charge", "Rohanians", "with", "attack", "in", "2019", "."]
    doc = make_doc(words, heads, deps, tags, lemmas=lemmas)  # the charging is news
    assert not is_history(DocView.build(doc), 1, DATE)
    arrested = make_doc(  # "Rohanians arrested in 2019 ..." : the arrest itself is dated
        ["Gondor", "arrested", "in", "2019", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NNP", "VBD", "IN", "CD", "."],
        lemmas=["Gondor", "arrest", "in", "2019", "."],
    )
    assert is_history(DocView.build(arrested), 1, DATE)


def test_a_participle_describing_a_participant_by_an_earlier_month_is_history(
    make_doc: Any,
) -> None:
    # "Gondor freed Rohanians abducted in May ." in a July story: the abduction is history
    doc = make_doc(
        ["Gondor", "freed", "Rohanians", "abducted", "in", "May", "."],
        [1, 1, 1, 2, 3, 4, 1],
        ["nsubj", "ROOT", "dobj", "acl", "prep", "pobj", "punct"],
        ["NNP", "VBD", "NNPS", "VBN", "IN", "NNP", "."],
    )
    view = DocView.build(doc)
    assert is_history(view, 3, dt.date(2026, 7, 10))
    assert not is_history(view, 3, dt.date(2026, 6, 5))  # this month's: news
    # a main verb keeps the three months' span: "Gondor attacked Rohan in May" in July
    main = _dated(make_doc, ["May"], ["NNP"])
    assert not is_history(DocView.build(main), 1, dt.date(2026, 7, 10))
