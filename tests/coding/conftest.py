"""Fixtures for engine tests that need no spaCy model: Docs built by hand, a tiny
dictionary set written to a temporary folder, and a helper that codes a Doc with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tocsin.coding.context import DocContext
from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.engine import code_sentence
from tocsin.coding.options import Options
from tocsin.models import Event

MakeDoc = Callable[..., Doc]

TINY_VERBS = """\
####### VERB PATTERNS #######

---  ATTACK   [190]  ---
ATTACK {ATTACKS ATTACKED ATTACKING}

---  MEET   [040]  ---
MEET {MEETS MET MEETING}

---  FIGHT   [190]  ---
FIGHT {FIGHTS FOUGHT FIGHTING}

---  SAY   [010]  ---
SAY {SAYS SAID SAYING}

---  SIGN   [---]  ---
SIGN {SIGNS SIGNED SIGNING}
- * AGREEMENT WITH                          [057]

---  LAUNCH   [---]  ---
LAUNCH {LAUNCHES LAUNCHED LAUNCHING}

---  MARCH   [141]  ---
MARCH {MARCHES MARCHED MARCHING}

---  NOMINAL_ATTACK   [190]  ---
STRIKE {STRIKES}
ATTACK {ATTACKS}

---  NOMINAL_PROTEST   [141]  ---
PROTEST {PROTESTS}

---  NOMINAL_SANCTION   [163]  ---
BAN {BANS}

---  NOMINAL_REQUEST   [020]  ---
REQUEST {REQUESTS}

####### END #######
"""
TINY_AGENTS = """\
phrase\tcode\tflags
police\t~COP\tnoplural
civilian\t~CVL\t
people\t~PPL\tnoplural
"""
TINY_ACTORS = """\
name\tsynonyms\tcode\tfrom\tto\tkind
Arnor\tArnorian|Arnorians\tARN\t\t\tcountry
Gondor\tGondorian|Gondorians\tGON\t\t\tcountry
Rohan\tRohanian|Rohanians\tROH\t\t\tcountry
"""


@pytest.fixture(scope="session")
def english_vocab() -> Vocab:
    """The vocabulary of a blank English pipeline (lexical attributes such as ``lower``,
    which a bare ``Vocab()`` leaves empty); no model is loaded."""
    return spacy.blank("en").vocab


@pytest.fixture
def make_doc(english_vocab: Vocab) -> MakeDoc:
    """``make_doc(words, heads, deps, tags, ents=None, lemmas=None)``: a parsed Doc built by
    hand (``heads`` are absolute token indices, a root is its own head; ``ents`` IOB tags
    such as "B-GPE"); no model is loaded."""

    def make(
        words: Sequence[str],
        heads: Sequence[int],
        deps: Sequence[str],
        tags: Sequence[str],
        ents: Sequence[str] | None = None,
        lemmas: Sequence[str] | None = None,
    ) -> Doc:
        n = len(words)
        if not (len(heads) == len(deps) == len(tags) == n):
            raise ValueError("words, heads, deps and tags need one item per word")
        pos = [_pos(t) for t in tags]
        return Doc(
            english_vocab,
            words=list(words),
            heads=list(heads),
            deps=list(deps),
            tags=list(tags),
            pos=pos,
            ents=list(ents) if ents else None,
            lemmas=list(lemmas) if lemmas else [w.lower() for w in words],
        )

    return make


def _pos(tag: str) -> str:
    if tag.startswith("VB"):
        return "VERB"
    if tag in ("NNP", "NNPS"):
        return "PROPN"
    if tag.startswith("NN"):
        return "NOUN"
    return {
        "MD": "AUX",
        "RB": "ADV",
        "DT": "DET",
        "IN": "ADP",
        "CC": "CCONJ",
        ".": "PUNCT",
        ",": "PUNCT",
        "PRP": "PRON",
        "JJ": "ADJ",
        "TO": "PART",
    }.get(tag, "X")


@pytest.fixture(scope="session")
def tiny_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    """A three-country set (Arnor, Gondor, Rohan, with demonyms), police and civilian
    agents, attack/meet/fight/say/sign/launch verbs and attack and protest nouns."""
    folder = tmp_path_factory.mktemp("tiny")
    (folder / "manifest.toml").write_text(
        'name = "tiny"\nverbs = ["tiny.verbs.txt"]\nactors = ["tiny.actors.tsv"]\n'
        'agents = ["tiny.agents.tsv"]\n',
        encoding="utf-8",
    )
    (folder / "tiny.verbs.txt").write_text(TINY_VERBS, encoding="utf-8")
    (folder / "tiny.actors.tsv").write_text(TINY_ACTORS, encoding="utf-8")
    (folder / "tiny.agents.tsv").write_text(TINY_AGENTS, encoding="utf-8")
    return load_dictionaries(str(Path(folder)))


@pytest.fixture
def code_doc(tiny_dictionaries: Dictionaries) -> Callable[..., list[Event]]:
    """Code every sentence of a hand-built Doc with the tiny set."""

    def code(
        doc: Doc,
        options: Options | None = None,
        coref: Any = None,
        dictionaries: Dictionaries | None = None,
    ) -> list[Event]:
        dicts = dictionaries or tiny_dictionaries
        date = dt.date(2026, 1, 1)
        ctx = DocContext(
            view=DocView.build(doc),
            dictionaries=dicts,
            date=date,
            mentions=dicts.actors.find(doc, date),
            coref=coref,
            options=options or Options(),
        )
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(code_sentence(ctx, sent.start, sent.end, index))
        return events

    return code


@pytest.fixture(scope="session")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The coder with the bundled model and dictionaries, no enrichers (it loads the spaCy
    model: mark the tests that use it slow). A test module's own ``coder`` overrides it."""
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("bundled") / "data")
    return Coder(settings, enrich=False)


@pytest.fixture(scope="session")
def roots(coder: Any) -> Callable[[str], set[tuple[str, str, str]]]:
    """``roots(sentence)``: (source root, target root, code root) of the events of the
    bundled coder that count."""

    def of(sentence: str) -> set[tuple[str, str, str]]:
        return {
            (e.source.code[:3], e.target.code[:3], e.code[:2])
            for e in coder.code_text(sentence, date="2025-06-01")
            if e.source and e.target and e.factuality.counts
        }

    return of


@pytest.fixture(scope="session")
def triples(coder: Any) -> Callable[[str], set[tuple[str, str, str]]]:
    """``triples(sentence)``: (source root, target root, full code) of every event of the
    bundled coder with a source (any factuality)."""

    def of(sentence: str) -> set[tuple[str, str, str]]:
        return {
            ((e.source.code or "")[:3], (e.target.code or "")[:3] if e.target else "", e.code)
            for e in coder.code_text(sentence, date="2025-06-01")
            if e.source
        }

    return of
