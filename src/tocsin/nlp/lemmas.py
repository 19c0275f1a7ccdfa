"""spaCy's lemmatizer with its answers cached for every token, written in one array.

The English rule lemmatizer's answer is a function of the token's text, POS and
morphology alone (``rule_lemmatize`` and ``EnglishLemmatizer.is_base_form`` read nothing
else; ``lookup_lemmatize`` reads the text), yet spaCy caches it only on one of its paths
and sets each lemma through a Python ``token.lemma_`` assignment: 10–15% of the parse
of ``en_core_web_sm``. :class:`FastLemmatizer` asks the pipeline's own lemmatizer once per
(text, POS, morphology) and writes the lemmas of a document with one ``Doc.from_array``
(the hash ``token.lemma_ = ...`` would store). The rule lemmatizer's ``lemma_index`` holds
each POS's known words as a list (57,000 nouns) that every suffix rule searches: its
entries become frozensets (the same membership answers, without the scan). Hand-written
because spaCy has no such mode; a test checks that the lemmas come out identical to the
lemmatizer's.

:func:`install` leaves the original in place for a lemmatizer class or mode it does not
know (another language's lemmatizer may read more of the token).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

NAME = "tocsin_lemmatizer"
LEMMATIZER = "lemmatizer"
MODES = frozenset({"rule", "lookup"})  # modes whose answer depends on text, POS, morph only


class FastLemmatizer:
    """Sets lemmas as the wrapped lemmatizer does (see the module docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS  # type: ignore[attr-defined]

        self.lemmatizer = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self.strings = lemmatizer.vocab.strings
        self.key_ids = [ORTH, POS, MORPH, LEMMA]
        self.lemma_id = [LEMMA]
        self._cache: dict[tuple[int, int, int], int] = {}
        _index_as_sets(lemmatizer)

    def _lemma(self, doc: Any, i: int, key: tuple[int, int, int]) -> int:
        found = self._cache.get(key)
        if found is None:
            found = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            if len(self._cache) < 500_000:
                self._cache[key] = found
        return found

    def __call__(self, doc: Any) -> Any:
        import numpy

        if not len(doc):
            return doc
        rows = doc.to_array(self.key_ids).tolist()
        cache, overwrite = self._cache, self.overwrite
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = cache.get(key) or self._lemma(doc, i, key)
            lemmas.append(lemma)
        doc.from_array(self.lemma_id, numpy.array(lemmas, dtype=numpy.uint64))
        return doc


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer only asks ``form in index``: the same answers from a frozenset."""
    if lemmatizer.mode != "rule" or "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def _factory(nlp: Any, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe(LEMMATIZER))


def _known(lemmatizer: Any) -> bool:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    return type(lemmatizer) in (Lemmatizer, EnglishLemmatizer) and lemmatizer.mode in MODES


def install(nlp: Any) -> bool:
    """Replace a loaded pipeline's ``lemmatizer`` by its cached equivalent (in place);
    False, leaving the pipeline as it was, for a lemmatizer it does not know."""
    if LEMMATIZER not in nlp.pipe_names or not _known(nlp.get_pipe(LEMMATIZER)):
        return False
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_factory)
    nlp.add_pipe(NAME, before=LEMMATIZER)
    nlp.disable_pipe(LEMMATIZER)
    return True
