"""The attribute ruler's rules, applied by lookup instead of by the Matcher.

spaCy's English pipelines set coarse POS, morphology and some lemmas with an
``attribute_ruler``: ~180 token patterns (the tag map and its exceptions) run through a
``Matcher`` over every token of every document — 15% of the parse of ``en_core_web_sm``,
for rules that are, all but a handful, conditions on one token's tag, lower-case form,
dependency label and whitespace. :class:`FastAttributes` evaluates those one-token rules
once per distinct (tag, lower, dep, is_space) and caches which rules hold, keeps spaCy's
``Matcher`` for the few multi-token rules, and then sets the attributes exactly as the
ruler does (spaCy's own ``set_token_attrs``, rules in their order, later rules winning).
Hand-written because spaCy has no faster mode of the ruler; a test checks that POS, MORPH,
LEMMA, TAG and DEP come out identical to the ruler's on the corpus.

If a rule uses a condition this module does not know, :func:`install` leaves the
original ruler in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

NAME = "tocsin_attributes"
RULER = "attribute_ruler"
_FIELDS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
Check = Callable[[Any], bool]


class UnsupportedRule(ValueError):
    """A ruler pattern this fast path cannot evaluate exactly."""


def _condition(field: str, spec: Any) -> Check:
    attr = _FIELDS.get(field)
    if attr is None:
        raise UnsupportedRule(field)
    if not isinstance(spec, dict):
        return lambda value: value == spec
    if set(spec) == {"IN"}:
        allowed = frozenset(spec["IN"])
        return lambda value: value in allowed
    if set(spec) == {"NOT_IN"}:
        refused = frozenset(spec["NOT_IN"])
        return lambda value: value not in refused
    if set(spec) == {"REGEX"}:
        pattern = re.compile(spec["REGEX"])
        return lambda value: bool(pattern.search(value))
    raise UnsupportedRule(str(spec))


class FastAttributes:
    """Applies an :class:`~spacy.pipeline.AttributeRuler`'s rules (see the module docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.rules: list[tuple[dict[str, Any], int]] = []
        self.single: list[tuple[int, list[tuple[str, Check]]]] = []
        self.multi = Matcher(ruler.vocab, validate=False)
        for rule_id, rule in enumerate(ruler.patterns):  # rule i: ruler.attrs[i], indices[i]
            self.rules.append((ruler.attrs[rule_id], ruler.indices[rule_id]))
            for pattern in rule["patterns"]:
                if len(pattern) == 1:
                    checks = [(_FIELDS[f] if f in _FIELDS else f, _condition(f, spec))
                              for f, spec in pattern[0].items()]
                    self.single.append((rule_id, checks))
                else:
                    self.multi.add(str(rule_id), [pattern])
        self._cache: dict[tuple[str, str, str, bool], tuple[int, ...]] = {}

    def _matching(self, token: Any) -> tuple[int, ...]:
        key = (token.tag_, token.lower_, token.dep_, token.is_space)
        found = self._cache.get(key)
        if found is None:
            values = dict(zip(("tag_", "lower_", "dep_", "is_space"), key, strict=True))
            found = tuple(rule_id for rule_id, checks in self.single
                          if all(check(values[attr]) for attr, check in checks))
            if len(self._cache) < 500_000:
                self._cache[key] = found
        return found

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span
        from spacy.tokens._retokenize import set_token_attrs  # what the ruler itself calls

        hits = [(rule_id, token.i) for token in doc for rule_id in self._matching(token)]
        for match_id, start, end in self.multi(doc, allow_missing=True):
            rule_id = int(doc.vocab.strings[match_id])
            span = Span(doc, start, end)
            hits.append((rule_id, span[self.rules[rule_id][1]].i))
        for rule_id, i in sorted(hits):
            set_token_attrs(doc[i], self.rules[rule_id][0])
        return doc


def _factory(nlp: Any, name: str) -> FastAttributes:
    return FastAttributes(nlp.get_pipe(RULER))


def install(nlp: Any) -> bool:
    """Replace a loaded pipeline's ``attribute_ruler`` by its fast equivalent (in place);
    False, leaving the pipeline as it was, when a rule cannot be evaluated exactly."""
    if RULER not in nlp.pipe_names:
        return False
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_factory)
    try:
        nlp.add_pipe(NAME, before=RULER)
    except UnsupportedRule as exc:
        log.info("attribute ruler kept: a rule uses %s", exc)
        return False
    nlp.disable_pipe(RULER)
    return True
