"""The attribute ruler's rules, applied by lookup instead of by the Matcher.

spaCy's English pipelines set coarse POS, morphology and some lemmas with an
``attribute_ruler``: ~180 token patterns (the tag map and its exceptions) run through a
``Matcher`` over every token of every document — 15% of the parse of ``en_core_web_sm``,
for rules that are, all but a handful, conditions on one token's tag, lower-case form,
dependency label and whitespace. :class:`FastAttributes` finds which one-token rules hold
for a (tag, lower, dep, is_space) once — the tag, dependency and whitespace conditions once
per (tag, dep, is_space), the lower-case conditions of the few rules left for that context
per word — and caches what those rules write, merged in rule order (later rules winning,
as when the ruler applies them one by one). It keeps spaCy's ``Matcher`` for the few
multi-token rules, then writes every token's POS, MORPH, LEMMA, TAG and DEP in one
``Doc.from_array`` (the same ``Token.set_struct_attr`` the ruler's ``set_token_attrs``
calls). Hand-written because spaCy has no faster mode of the ruler; a test checks that
POS, MORPH, LEMMA, TAG and DEP come out identical to the ruler's on the corpus.

If a rule uses a condition or sets an attribute this module does not know, :func:`install`
leaves the original ruler in place.
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
_KEY_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a token's rules depend on
_OUT_NAMES = ("POS", "MORPH", "LEMMA", "TAG", "DEP")  # what the rules may set
Check = Callable[[Any], bool]
Key = tuple[int, int, int, int]  # (tag, lower, dep, is_space) ids of a token
Writes = tuple[tuple[int, int], ...]  # (column of _OUT_NAMES, value) pairs


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


def _attr_ids(names: tuple[str, ...]) -> list[int]:
    from spacy.attrs import IDS  # type: ignore[attr-defined]

    return [IDS[name] for name in names]


class FastAttributes:
    """Applies an :class:`~spacy.pipeline.AttributeRuler`'s rules (see the module docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.key_ids = _attr_ids(_KEY_NAMES)
        self.out_ids = _attr_ids(_OUT_NAMES)
        column = {attr: col for col, attr in enumerate(self.out_ids)}
        self.rules: list[tuple[Writes, int]] = []
        # rule id, checks on tag/dep/is_space, check on the lower-case form (or None)
        self.single: list[tuple[int, list[tuple[str, Check]], Check | None]] = []
        self.multi = Matcher(ruler.vocab, validate=False)
        for rule_id, rule in enumerate(ruler.patterns):  # rule i: ruler.attrs[i], indices[i]
            attrs = ruler.attrs[rule_id]
            if any(attr not in column for attr in attrs):
                raise UnsupportedRule(f"a rule sets {sorted(attrs)}")
            writes = tuple((column[attr], int(value)) for attr, value in attrs.items())
            self.rules.append((writes, ruler.indices[rule_id]))
            for pattern in rule["patterns"]:
                if len(pattern) == 1:
                    self.single.append((rule_id, *self._checks(pattern[0])))
                else:
                    self.multi.add(str(rule_id), [pattern])
        self._contexts: dict[tuple[str, str, bool], list[tuple[int, Check | None]]] = {}
        self._cache: dict[Key, Writes] = {}

    @staticmethod
    def _checks(token_spec: dict[str, Any]) -> tuple[list[tuple[str, Check]], Check | None]:
        checks = [
            (_FIELDS[f] if f in _FIELDS else f, _condition(f, spec))
            for f, spec in token_spec.items()
            if f != "LOWER"
        ]
        lower = token_spec.get("LOWER")
        return checks, (None if lower is None else _condition("LOWER", lower))

    def _context(self, tag: str, dep: str, space: bool) -> list[tuple[int, Check | None]]:
        """The one-token rules whose tag, dependency and whitespace conditions hold."""
        key = (tag, dep, space)
        found = self._contexts.get(key)
        if found is None:
            values = {"tag_": tag, "dep_": dep, "is_space": space}
            found = self._contexts[key] = [
                (rule_id, lower)
                for rule_id, checks, lower in self.single
                if all(check(values[attr]) for attr, check in checks)
            ]
        return found

    def _rule_ids(self, key: Key) -> list[int]:
        """The one-token rules that hold for a token's (tag, lower, dep, is_space), in order."""
        strings = self.strings
        lower = strings[key[1]]
        context = self._context(strings[key[0]], strings[key[2]], bool(key[3]))
        return sorted({rule_id for rule_id, check in context if check is None or check(lower)})

    def _merged(self, rule_ids: list[int]) -> Writes:
        """What the rules write, applied in order (a later rule's value wins)."""
        out: dict[int, int] = {}
        for rule_id in rule_ids:
            out.update(self.rules[rule_id][0])
        return tuple(out.items())

    def _writes(self, key: Key) -> Writes:
        found = self._cache.get(key)
        if found is None:
            found = self._merged(self._rule_ids(key))
            if len(self._cache) < 500_000:
                self._cache[key] = found
        return found

    def _multi_hits(self, doc: Any) -> dict[int, list[int]]:
        """Token -> the multi-token rules that set it (spaCy's Matcher, as the ruler)."""
        from spacy.tokens import Span

        hits: dict[int, list[int]] = {}
        for match_id, start, end in self.multi(doc, allow_missing=True):
            rule_id = int(doc.vocab.strings[match_id])
            token = Span(doc, start, end)[self.rules[rule_id][1]].i
            hits.setdefault(token, []).append(rule_id)
        return hits

    def __call__(self, doc: Any) -> Any:
        import numpy

        if not len(doc):
            return doc
        keys = doc.to_array(self.key_ids).tolist()
        rows = doc.to_array(self.out_ids).tolist()
        multi = self._multi_hits(doc) if len(self.multi) else {}
        writes_of = self._writes
        for i, key in enumerate(keys):
            k = (key[0], key[1], key[2], key[3])
            if i in multi:
                writes = self._merged(sorted(set(self._rule_ids(k)) | set(multi[i])))
            else:
                writes = writes_of(k)
            row = rows[i]
            for col, value in writes:
                row[col] = value
        doc.from_array(self.out_ids, numpy.array(rows, dtype=numpy.uint64))
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
