"""``tocsin gaps`` on a handful of hand-made sentences (Docs built by hand, no model)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tocsin.coding.dictionaries import Dictionaries
from tocsin.coding.gaps import find_gaps
from tocsin.models import Article


def _docs(make_doc: Any) -> list[Any]:
    lemma = {"signed": "sign", "attacked": "attack", "praised": "praise", "visited": "visit"}

    def sent(subj: str, verb: str, obj: str, obj_tag: str = "NNP") -> Any:
        words = [subj, verb, obj, "."]
        return make_doc(
            words,
            [1, 1, 1, 1],
            ["nsubj", "ROOT", "dobj", "punct"],
            ["NNP", "VBD", obj_tag, "."],
            lemmas=[subj, lemma[verb], obj, "."],
        )

    return [
        sent("Gondor", "praised", "Rohan"),  # no verb entry: a gap
        sent("Arnor", "praised", "Gondor"),  # the same predicate again
        sent("Gondor", "visited", "Arnor"),  # another gap
        sent("Gondor", "attacked", "Rohan"),  # coded: no gap
        sent("Gondor", "attacked", "Mordor"),  # an unknown name in object position
        sent("Isengard", "attacked", "Mordor"),  # twice, and one unknown subject
    ]


def test_predicates_and_names(make_doc: Any, tiny_dictionaries: Dictionaries) -> None:
    docs = _docs(make_doc)
    articles = [
        Article(id=f"a{i}", text=d.text, date=dt.date(2026, 1, 1)) for i, d in enumerate(docs)
    ]
    report = find_gaps(zip(articles, docs, strict=True), tiny_dictionaries)
    assert report.articles == 6 and report.sentences == 6 and report.uncoded == 3
    top = report.top("predicates", 5)
    assert [(g.key, g.count) for g in top] == [("praise", 2), ("visit", 1)]
    assert top[0].examples == ["Gondor praised Rohan .", "Arnor praised Gondor ."]
    assert top[0].detail == ["no verb entry"]
    names = {g.key: g.count for g in report.top("names", 5)}
    assert names == {"Mordor": 2, "Isengard": 1}
    as_dict = report.to_dict(1)
    assert as_dict["predicates"][0]["key"] == "praise" and len(as_dict["names"]) == 1


def test_a_coded_verb_with_an_unknown_pattern_shows_its_closest_pattern(
    make_doc: Any, tiny_dictionaries: Dictionaries
) -> None:
    # "Gondor signed an agreement on trade with Rohan" codes; "Gondor signed Rohan" does not
    doc = make_doc(
        ["Gondor", "signed", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
        lemmas=["Gondor", "sign", "Rohan", "."],
    )
    report = find_gaps([(Article(id="x", text=doc.text), doc)], tiny_dictionaries)
    gap = report.top("predicates", 1)[0]
    assert gap.key == "sign" and "SIGN" in gap.detail[0]
