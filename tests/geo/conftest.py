"""Fixtures for geo tests that need no spaCy model: Docs built by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

GeoDoc = Callable[..., Doc]


@pytest.fixture(scope="session")
def blank_vocab() -> Vocab:
    """A blank English vocabulary (lexical attributes, no model)."""
    return spacy.blank("en").vocab


@pytest.fixture
def geo_doc(blank_vocab: Vocab) -> GeoDoc:
    """``geo_doc("ST. PAUL , Minn. -- Officials met", ents={"GPE": ["Minn."]})``: a one-sentence
    Doc of the space-separated words; capitalised words are proper nouns (NNP), "," and "."
    punctuation, the rest nouns; ``ents`` maps a label to the entity texts (each a run of the
    words, first occurrence)."""

    def make(text: str, ents: dict[str, Sequence[str]] | None = None) -> Doc:
        words = text.split()
        tags = [_tag(w) for w in words]
        iob = ["O"] * len(words)
        for label, names in (ents or {}).items():
            for name in names:
                parts = name.split()
                at = next(i for i in range(len(words)) if words[i : i + len(parts)] == parts)
                iob[at : at + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
        return Doc(
            blank_vocab,
            words=words,
            heads=[0] * len(words),
            deps=["ROOT"] + ["dep"] * (len(words) - 1),
            tags=tags,
            pos=[_POS.get(t, "NOUN") for t in tags],
            ents=iob,
        )

    return make


_POS = {"NNP": "PROPN", ",": "PUNCT", ".": "PUNCT", "IN": "ADP", "DT": "DET", "POS": "PART"}


def _tag(word: str) -> str:
    if word in {",", ".", "--", ":", "(", ")"}:
        return "," if word == "," else "."
    if word in {"in", "at", "of", "near", "from", "and"}:
        return "IN"
    if word in {"the", "a"}:
        return "DT"
    if word == "'s":
        return "POS"
    return "NNP" if word[:1].isupper() else "NN"
