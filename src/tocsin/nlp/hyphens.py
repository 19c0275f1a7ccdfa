"""Verbs with a hyphenated prefix ("re-imposed", "re-arrested", "de-escalate") as one token.

spaCy's English tokenizer splits a hyphen between letters, so "The United States re-imposed
sanctions" is parsed as "re / - / imposed" (``re`` the root, ``imposed`` an adjective) and the
coder finds no verb. :func:`install` changes a loaded pipeline in three places:

- the tokenizer keeps a lower-case ``re-`` or ``de-`` + a lower-case word of three letters or
  more together (``token_match``, which spaCy checks before it splits infixes); a capitalised
  part is never joined, so names ("Guinea-Bissau", "al-Shabaab", "Pas-de-Calais") split as
  before. ``co-`` is left out: its words are mostly nouns ("co-founder", "co-presidents"),
  whose joined parse moved two development-set events for the worse, and its verbs
  ("co-sponsored", "co-hosted") rarely carry an event;
- such a word's lexeme gets its base word's NORM, PREFIX, SUFFIX and SHAPE (the features the
  tagger, parser and NER read: ``Vocab.lex_attr_getters``, evaluated once per new word), so
  the model tags and attaches "re-imposed" as it does "imposed"; its text and LOWER stay
  "re-imposed", so dictionary forms written with the hyphen ("RE-ARREST" 173, "RE-ELECT"
  [---], the pattern "FOR DE-ESCALATION") match the one token;
- a component after the lemmatizer gives the joined token a lemma the verb dictionaries know:
  a ``re-`` verb the base verb's lemma ("re-imposed" -> "impose", "re-took" -> "take"):
  "again" does not change the event, and the unhyphenated word is often another verb
  ("re-sign"/"resign", "re-cover"/"recover"); anything else (``de-`` verbs, which undo their
  base, and every noun or adjective) the prefix, a hyphen and the base's lemma
  ("de-escalating" -> "de-escalate", "re-elections" -> "re-election"). spaCy's own
  lemmatizer would strip suffixes from the whole string ("re-elected" -> "re-electe").

Hand-written because spaCy has no option for it; the lexeme getters run once per new word and
a lexeme flag finds the joined tokens of a document with one array lookup.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

NAME = "tocsin_hyphens"
LEMMATIZERS = ("lemmatizer", "tocsin_lemmatizer")  # the component runs after the last one
PREFIXES = ("re", "de")
_ALT = "|".join(PREFIXES)
JOINED = re.compile(rf"({_ALT})-([a-z]{{3,}})")  # the whole token (fullmatch)
_VERBS = frozenset({"VERB", "AUX"})
_FEATURES = ("norm_", "prefix_", "suffix_", "shape_")


def split(word: str) -> tuple[str, str] | None:
    """(prefix, base) of a word the tokenizer keeps joined, else None."""
    found = JOINED.fullmatch(word)
    return (found.group(1), found.group(2)) if found else None


def _token_match(previous: Callable[[str], Any] | None) -> Callable[[str], Any]:
    if previous is None:
        return JOINED.fullmatch

    def match(text: str) -> Any:
        return JOINED.fullmatch(text) or previous(text)

    return match


def _of_base(getter: Callable[[str], Any]) -> Callable[[str], Any]:
    """A lexeme attribute getter that answers for the base word of a joined word."""

    def get(text: str) -> Any:
        found = JOINED.fullmatch(text)
        return getter(found.group(2) if found else text)

    return get


def _base_features(nlp: Any) -> None:
    """NORM, PREFIX, SUFFIX and SHAPE of a joined word are its base word's."""
    from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX  # type: ignore[attr-defined]

    getters = nlp.vocab.lex_attr_getters
    for attr in (NORM, PREFIX, SUFFIX, SHAPE):
        if attr in getters:
            getters[attr] = _of_base(getters[attr])
    for lexeme in list(nlp.vocab):  # words the vocab held before (none in a fresh pipeline)
        found = JOINED.fullmatch(lexeme.orth_)
        if found:
            base = nlp.vocab[found.group(2)]
            for name in _FEATURES:
                setattr(lexeme, name, getattr(base, name))


class HyphenLemmas:
    """Sets the lemma of each joined token (see the module docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        # a lexeme flag marks the joined words: one array lookup finds them in a document
        self.flag = self.vocab.add_flag(lambda text: JOINED.fullmatch(text) is not None)
        self._cache: dict[tuple[str, str, str], str] = {}

    def lemma(self, word: str, pos: str, morph: str) -> str:
        """The lemma of a joined word (lower case) with this POS and morphology."""
        key = (word, pos, morph)
        found = self._cache.get(key)
        if found is None:
            prefix, _, base = word.partition("-")
            found = self._lemma(prefix, self._base_lemma(base, pos, morph), pos)
            if len(self._cache) < 100_000:
                self._cache[key] = found
        return found

    def _base_lemma(self, base: str, pos: str, morph: str) -> str:
        from spacy.tokens import Doc

        doc = Doc(self.vocab, words=[base], pos=[pos or "X"], morphs=[morph])
        return str(self.lemmatizer.lemmatize(doc[0])[0])

    @staticmethod
    def _lemma(prefix: str, base_lemma: str, pos: str) -> str:
        if pos in _VERBS and prefix == "re":
            return base_lemma
        return prefix + "-" + base_lemma

    def __call__(self, doc: Any) -> Any:
        import numpy

        if not len(doc):
            return doc
        for i in numpy.flatnonzero(doc.to_array(self.flag)).tolist():
            token = doc[i]
            token.lemma_ = self.lemma(token.lower_, token.pos_, str(token.morph))
        return doc


def _factory(nlp: Any, name: str) -> HyphenLemmas:
    return HyphenLemmas(nlp.get_pipe("lemmatizer"))


def install(nlp: Any) -> None:
    """Keep prefixed words joined in a loaded English pipeline, with their base word's
    features, and (when it has a lemmatizer) their lemmas set after it; in place."""
    tokenizer = nlp.tokenizer
    tokenizer.token_match = _token_match(tokenizer.token_match)
    _base_features(nlp)
    after = [name for name in nlp.pipe_names if name in LEMMATIZERS]
    if "lemmatizer" not in nlp.component_names or not after:
        return
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_factory)
    nlp.add_pipe(NAME, after=after[-1])
