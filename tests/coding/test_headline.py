"""Headline present tense re-read as subject-verb-object, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.coding.context import DocContext
from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.headline import recover_headline_verb
from tocsin.coding.syntax import subject_head
from tocsin.models import Event

VERBS = """\
---  SEVER   [---]  ---
SEVER {SEVERS SEVERED SEVERING}
- * TIES                                    [161]

---  TIE   [---]  ---
TIE {TIES TIED TYING}

---  ATTACK   [190]  ---
ATTACK {ATTACKS ATTACKED ATTACKING}

---  PROTEST   [141]  ---
PROTEST {PROTESTS PROTESTED PROTESTING}
"""
ACTORS = (
    "name\tsynonyms\tcode\tfrom\tto\tkind\n"
    "Gondor\tGondorian\tGON\t\t\tcountry\n"
    "Rohan\tRohanian\tROH\t\t\tcountry\n"
)
AGENTS = "phrase\tcode\tflags\npolice\t~COP\tnoplural\n"


@pytest.fixture(scope="module")
def headline_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    folder = tmp_path_factory.mktemp("headline")
    (folder / "manifest.toml").write_text(
        'name = "headline"\nverbs = ["h.verbs.txt"]\nactors = ["h.actors.tsv"]\n'
        'agents = ["h.agents.tsv"]\n',
        encoding="utf-8",
    )
    (folder / "h.verbs.txt").write_text(VERBS, encoding="utf-8")
    (folder / "h.actors.tsv").write_text(ACTORS, encoding="utf-8")
    (folder / "h.agents.tsv").write_text(AGENTS, encoding="utf-8")
    return load_dictionaries(str(folder))


def _dyads(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code, e.code) for e in events if e.source and e.target}


def _context(doc: Any, dictionaries: Dictionaries) -> DocContext:
    return DocContext(
        view=DocView.build(doc),
        dictionaries=dictionaries,
        date=None,
        mentions=dictionaries.actors.find(doc, None),
    )


def _severs(make_doc: Any) -> Any:
    # "Gondor severs ties with Rohan." as the small model parses it: one noun phrase
    return make_doc(
        ["Gondor", "severs", "ties", "with", "Rohan", "."],
        [1, 2, 2, 2, 3, 2],
        ["amod", "nsubj", "ROOT", "prep", "pobj", "punct"],
        ["JJ", "NNS", "NNS", "IN", "NNP", "."],
        lemmas=["Gondor", "sever", "tie", "with", "Rohan", "."],
    )


def test_a_noun_tagged_verb_after_an_actor_becomes_the_root_verb(
    make_doc: Any, headline_dictionaries: Dictionaries
) -> None:
    ctx = _context(_severs(make_doc), headline_dictionaries)
    assert recover_headline_verb(ctx, 0, 6) == 1  # "severs", not the root noun "ties"
    view = ctx.view
    assert view.tag[1] == "VBZ" and view.dep[1] == "ROOT"
    assert subject_head(view, 1) == (0, False)
    assert view.head[2] == 1 and view.dep[2] == "dobj"
    assert view.subtree_span(1) == (0, 6)


def test_headline_sentences_are_coded(
    make_doc: Any,
    code_doc: Callable[..., list[Event]],
    headline_dictionaries: Dictionaries,
) -> None:
    assert _dyads(code_doc(_severs(make_doc), dictionaries=headline_dictionaries)) == {
        ("GON", "ROH", "161")
    }
    # "Gondor attack Rohan.": a root verb whose subject hangs on it as a compound
    doc = make_doc(
        ["Gondor", "attack", "Rohan", "."],
        [1, 1, 1, 1],
        ["compound", "ROOT", "dobj", "punct"],
        ["NNP", "NN", "NNP", "."],
        lemmas=["Gondor", "attack", "Rohan", "."],
    )
    assert _dyads(code_doc(doc, dictionaries=headline_dictionaries)) == {("GON", "ROH", "190")}


def test_sentences_with_a_verb_or_no_actor_before_the_noun_are_left_alone(
    make_doc: Any, headline_dictionaries: Dictionaries
) -> None:
    # "Thousands protest in Gondor.": the root noun is read as a verb already
    doc = make_doc(
        ["Thousands", "protest", "in", "Gondor", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NNS", "NN", "IN", "NNP", "."],
        lemmas=["thousand", "protest", "in", "Gondor", "."],
    )
    assert recover_headline_verb(_context(doc, headline_dictionaries), 0, 5) is None
    # "Rohan attacked the severs ties.": a finite verb, nothing to re-read
    doc = make_doc(
        ["Rohan", "attacked", "the", "severs", "ties", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
        ["NNP", "VBD", "DT", "NNS", "NNS", "."],
        lemmas=["Rohan", "attack", "the", "sever", "tie", "."],
    )
    ctx = _context(doc, headline_dictionaries)
    assert recover_headline_verb(ctx, 0, 6) is None
    assert ctx.view.tag[3] == "NNS"


def _noun_rooted(make_doc: Any) -> Any:
    # "The army of Gondor attacks the Rohanian police." rooted in the noun "attacks", the
    # subject phrase a modifier of it and the object an apposition
    return make_doc(
        ["The", "army", "of", "Gondor", "attacks", "the", "Rohanian", "police", "."],
        [1, 4, 1, 2, 4, 7, 7, 4, 4],
        ["det", "nmod", "prep", "pobj", "ROOT", "det", "amod", "appos", "punct"],
        ["DT", "NN", "IN", "NNP", "NNS", "DT", "JJ", "NNS", "."],
        lemmas=["the", "army", "of", "Gondor", "attack", "the", "Rohanian", "police", "."],
    )


def test_a_sentence_rooted_in_a_noun_takes_the_verb_form_after_its_subject_phrase(
    make_doc: Any,
    code_doc: Callable[..., list[Event]],
    headline_dictionaries: Dictionaries,
) -> None:
    ctx = _context(_noun_rooted(make_doc), headline_dictionaries)
    assert recover_headline_verb(ctx, 0, 9) == 4
    view = ctx.view
    assert view.tag[4] == "VBZ" and subject_head(view, 4) == (3, False)  # the mention
    assert view.head[7] == 4 and view.dep[7] == "appos"
    events = code_doc(_noun_rooted(make_doc), dictionaries=headline_dictionaries)
    assert _dyads(events) == {("GON", "ROHCOP", "190")}
    # "Gondorian police attack Rohan.": a finite verb the parser hung on the root noun as a
    # compound
    doc = make_doc(
        ["Gondorian", "police", "attack", "Rohan", "."],
        [1, 3, 3, 3, 3],
        ["amod", "compound", "compound", "ROOT", "punct"],
        ["JJ", "NNS", "VBP", "NNP", "."],
        lemmas=["Gondorian", "police", "attack", "Rohan", "."],
    )
    # (the target takes the subject's role: the actor resolver reads the parser's phrase,
    # in which "police" modifies "Rohan")
    assert _dyads(code_doc(doc, dictionaries=headline_dictionaries)) == {
        ("GONCOP", "ROHCOP", "190")
    }


def test_a_noun_rooted_sentence_without_a_subject_before_the_verb_form_is_left_alone(
    make_doc: Any, headline_dictionaries: Dictionaries
) -> None:
    # "Angry protests against Rohan.": no actor before the noun
    doc = make_doc(
        ["Angry", "protests", "against", "Rohan", "."],
        [1, 1, 1, 2, 1],
        ["amod", "ROOT", "prep", "pobj", "punct"],
        ["JJ", "NNS", "IN", "NNP", "."],
        lemmas=["angry", "protest", "against", "Rohan", "."],
    )
    assert recover_headline_verb(_context(doc, headline_dictionaries), 0, 5) is None
    # "Protests in Gondor against Rohanian police attacks.": the verb form comes after the
    # root noun, which stays the sentence's word
    doc = make_doc(
        ["Protests", "in", "Gondor", "against", "Rohanian", "police", "attacks", "the", "."],
        [0, 0, 1, 0, 6, 6, 3, 6, 0],
        ["ROOT", "prep", "pobj", "prep", "amod", "compound", "pobj", "det", "punct"],
        ["NNS", "IN", "NNP", "IN", "JJ", "NNS", "NNS", "DT", "."],
        lemmas=["protest", "in", "Gondor", "against", "Rohanian", "police", "attack", "the", "."],
    )
    ctx = _context(doc, headline_dictionaries)
    assert recover_headline_verb(ctx, 0, 9) is None
    assert ctx.view.tag[6] == "NNS"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        (
            "Chile's supreme court sentences former army general Juan Perez to ten years in "
            "prison.",
            ("CHL", "CHL", "17"),
        ),
        (
            "Argentina's federal court sentences former minister Julio De Vido to six years in "
            "prison.",
            ("ARG", "ARG", "17"),
        ),
    ],
)
def test_present_tense_court_sentences_the_small_model_roots_in_a_noun_are_coded(
    roots: Callable[[str], set[tuple[str, str, str]]], sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in roots(sentence)


@pytest.fixture(scope="module")
def source_codes(coder: Any) -> Callable[[str], set[str]]:
    def of(sentence: str) -> set[str]:
        return {e.source.code for e in coder.code_text(sentence, date="2025-06-01") if e.source}

    return of


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Panama's supreme court nullifies the concession of a Chinese company.", "PANJUD"),
        ("The Turkish military claims to have destroyed 30 rebel camps in Syria.", "TURMIL"),
    ],
)
def test_a_re_read_subject_phrase_keeps_its_possessive_or_adjectival_country(
    source_codes: Callable[[str], set[str]], sentence: str, source: str
) -> None:
    """The actor resolver reads the re-read parse: "Panama's" and "Turkish", which the parser
    hung on the noun it took for the root, stay in the subject phrase."""
    assert source in source_codes(sentence)
