"""spaCy's lemmatizer with cached answers: the same lemmas, written in one array."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.nlp.lemmas import NAME, FastLemmatizer, install

WORDS = ["Cities", "talked", "agreed", "went", "talks", "Gondor", "talked", "cities", ","]
POS = ["NOUN", "VERB", "VERB", "VERB", "NOUN", "PROPN", "VERB", "NOUN", "PUNCT"]
PAST = "Tense=Past|VerbForm=Fin"
MORPHS = ["Number=Plur", PAST, PAST, PAST, "Number=Plur", "", PAST, "Number=Plur", ""]


def _blank(mode: str = "rule") -> Any:
    """A blank English pipeline with a rule lemmatizer and hand-made tables."""
    import spacy
    from spacy.lookups import Lookups

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode})
    lookups = Lookups()
    lookups.add_table(
        "lemma_rules", {"noun": [["ies", "y"], ["s", ""]], "verb": [["ed", ""], ["ed", "e"]]}
    )
    lookups.add_table("lemma_index", {"noun": ["city", "talk"], "verb": ["talk", "agree"]})
    lookups.add_table("lemma_exc", {"verb": {"went": ["go"]}})
    lookups.add_table("lemma_lookup", {"went": "go"})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def _doc(nlp: Any) -> Any:
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=WORDS, pos=POS, morphs=MORPHS)


def test_same_lemmas_as_the_lemmatizer() -> None:
    nlp = _blank()
    expected = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(_doc(nlp))]
    assert expected[:6] == ["city", "talk", "agree", "go", "talk", "Gondor"]
    fast = FastLemmatizer(nlp.get_pipe("lemmatizer"))
    for _ in range(2):  # the second pass answers from the cache
        assert [t.lemma_ for t in fast(_doc(nlp))] == expected


def test_a_lemma_already_set_is_kept() -> None:
    nlp = _blank()
    doc = _doc(nlp)
    doc[1].lemma_ = "speak"  # as the attribute ruler sets some lemmas
    assert [t.lemma_ for t in FastLemmatizer(nlp.get_pipe("lemmatizer"))(doc)][1] == "speak"


@pytest.mark.filterwarnings("ignore:.*W108")  # a blank pipeline sets no POS
def test_install_replaces_a_known_lemmatizer_only() -> None:
    text = "Cities talked and agreed ."
    expected = [t.lemma_ for t in _blank()(text)]
    nlp = _blank()
    assert install(nlp) and NAME in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert [t.lemma_ for t in nlp(text)] == expected
    other = _blank()
    other.get_pipe("lemmatizer")._mode = "custom"  # a mode whose inputs are unknown
    assert not install(other) and "lemmatizer" in other.pipe_names


def test_lookup_mode() -> None:
    nlp = _blank("lookup")
    expected = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(_doc(nlp))]
    assert [t.lemma_ for t in FastLemmatizer(nlp.get_pipe("lemmatizer"))(_doc(nlp))] == expected
