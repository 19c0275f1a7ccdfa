"""Per-document arrays precomputed once from a spaCy Doc, so the coder never walks
spaCy token objects in its inner loops."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from typing import Any

import numpy
from spacy.attrs import ENT_TYPE  # type: ignore[attr-defined]

from tocsin.actors.docinfo import ATTRS, looked_up

_UPPER: dict[int, str] = {}
_PLAIN: dict[int, str] = {}


def _strings(strings: Any, ids: list[int], upper: bool) -> list[str]:
    """Strings of hash ids, through a process-wide cache (see docinfo.looked_up)."""
    cache = _UPPER if upper else _PLAIN
    if len(cache) > 500_000:
        cache.clear()

    def remember(k: int) -> None:
        cache[k] = strings[k].upper() if upper else strings[k]

    return looked_up(cache, ids, remember)


_KEY_CACHE: dict[tuple[str, str], frozenset[str]] = {}


def token_keys(up: str, lem: str = "") -> frozenset[str]:
    """Dictionary words that match a token: the word itself (as PETRARCH matches them),
    without a possessive 's, and for verbs their lemma ("AGREED" matches "AGREE")."""
    cached = _KEY_CACHE.get((up, lem))
    if cached is not None:
        return cached
    keys = {up}
    if lem:
        keys.add(lem)
    if len(up) > 2 and up.endswith("'S"):
        keys.add(up[:-2])
    elif len(up) > 3 and up.endswith("S") and not up.endswith("SS"):  # a plural noun
        keys.add(up[:-1])
        if up.endswith("IES"):
            keys.add(up[:-3] + "Y")
        elif up.endswith("ES"):
            keys.add(up[:-2])
    result = frozenset(keys)
    if len(_KEY_CACHE) < 500_000:
        _KEY_CACHE[(up, lem)] = result
    return result


_NOUN_KEYS: dict[str, frozenset[str]] = {}  # token_keys(up) of words not tagged as verbs


def _keys(
    up: list[str], lem: list[str], tag: list[str], tag_ids: list[int]
) -> list[frozenset[str]]:
    """token_keys of every token: a verb's with its lemma, any other word's by its text."""
    if len(_NOUN_KEYS) > 500_000:
        _NOUN_KEYS.clear()
    keys: list[frozenset[str] | None] = list(map(_NOUN_KEYS.get, up))
    verb_tags = {k for k, t in dict(zip(tag_ids, tag, strict=True)).items() if t[:1] == "V"}
    if verb_tags:
        for i in compress(range(len(up)), map(verb_tags.__contains__, tag_ids)):
            keys[i] = token_keys(up[i], lem[i])
    if None in keys:
        for i, k in enumerate(keys):
            if k is None:
                keys[i] = _NOUN_KEYS[up[i]] = token_keys(up[i])
    return keys  # type: ignore[return-value]  # no None is left


def _children(heads: Any, n: int) -> list[list[int]]:
    """Each token's dependents in order: sorted by head (stable) with numpy, then cut into
    one list per token with C-level slicing (a Python loop over the tokens cost twice as much)."""
    tokens = numpy.arange(n, dtype=numpy.int64)
    dependent = heads != tokens
    of = heads[dependent]
    order = tokens[dependent][numpy.argsort(of, kind="stable")].tolist()
    ends = numpy.cumsum(numpy.bincount(of, minlength=n)).tolist()
    return list(map(order.__getitem__, map(slice, [0, *ends[:-1]], ends)))


@dataclass
class DocView:
    """Token attributes of a parsed document as plain Python lists."""

    doc: Any
    up: list[str]  # upper-cased token text
    lem: list[str]  # upper-cased lemma
    tag: list[str]
    dep: list[str]
    head: list[int]
    children: list[list[int]]
    idx: list[int]  # character offset of each token
    length: list[int]  # character length of each token
    keys: list[frozenset[str]]  # dictionary words a token matches (see token_keys)
    temporal: list[bool]  # inside a DATE/TIME entity
    info: Any = None  # the resolver's DocInfo of the doc (its subtree edges are shared)
    _text: str | None = None
    _spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The document text (built on first use: iterating a Doc is slow)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @classmethod
    def build(cls, doc: Any, text: str | None = None, info: Any = None) -> DocView:
        """The arrays of ``doc``; ``text`` is the text it was parsed from, when known
        (building ``doc.text`` walks every token); ``info``: the resolver's
        :class:`~tocsin.actors.docinfo.DocInfo` of ``doc``, whose array and lists are reused."""
        view = cls._build(doc, info if info is not None and info.doc is doc else None)
        if text is not None and view.idx:
            end = view.idx[-1] + view.length[-1]
            if (
                end <= len(text)
                and not text[end:].strip()
                and text[view.idx[-1] : end] == doc[-1].text
            ):
                view._text = text
        elif text is not None and not text.strip():
            view._text = text
        return view

    @classmethod
    def _build(cls, doc: Any, info: Any) -> DocView:
        n = len(doc)
        if n == 0:
            return cls(doc, [], [], [], [], [], [], [], [], [], [])
        strings = doc.vocab.strings
        # columns of ATTRS: ORTH HEAD DEP IDX LOWER LEMMA TAG LENGTH
        arr = doc.to_array(ATTRS) if info is None else info.array
        cols = arr[:, (4, 5, 6, 7)].T.tolist()
        up = _strings(strings, cols[0], True)
        lem = _strings(strings, cols[1], True)
        tag = _strings(strings, cols[2], False)
        # HEAD is an offset stored as unsigned 64 bits: the cast to int64 gives it its sign
        heads = arr[:, 1].astype(numpy.int64) + numpy.arange(n, dtype=numpy.int64)
        if info is None:
            head = heads.tolist()
            dep = _strings(strings, arr[:, 2].tolist(), False)
            idx = arr[:, 3].tolist()
        else:  # copies: a headline's re-read parse changes the view's heads and labels
            head, dep, idx = list(info.heads), list(info.deps), list(info.starts)
        ents = doc.to_array(ENT_TYPE)  # read now: entities may have been set after ``info``
        date, time = ents.dtype.type(strings["DATE"]), ents.dtype.type(strings["TIME"])
        temporal = ((ents == date) | (ents == time)).tolist()
        keys = _keys(up, lem, tag, cols[2])
        children = _children(heads, n)
        return cls(doc, up, lem, tag, dep, head, children, idx, cols[3], keys, temporal, info=info)

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of token ``i`` with one of the dependency labels ``deps``."""
        return [c for c in self.children[i] if self.dep[c] in deps]

    def subtree_span(self, i: int) -> tuple[int, int]:
        """[start, end) token range of the subtree of ``i`` (projective parses)."""
        cached = self._spans.get(i)
        if cached is None:
            cached = self._spans[i] = self._subtree_span(i)
        return cached

    def set_span(self, i: int, span: tuple[int, int]) -> None:
        """Record the subtree range of ``i`` (after a re-read of its sentence's parse)."""
        self._spans[i] = span

    def _subtree_span(self, i: int) -> tuple[int, int]:
        if not self.children[i]:
            return i, i + 1
        if self.info is not None:  # the same edges, memoised once for the doc
            found: tuple[int, int] = self.info.subtree_range(i)
            return found
        tok = self.doc[i]  # spaCy keeps the edges of every subtree
        return tok.left_edge.i, tok.right_edge.i + 1

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and its conjuncts (recursively along ``conj`` and appositive lists)."""
        out = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                if (
                    self.dep[c] == "conj"
                    or (self.dep[c] == "appos" and self.tag[c] in ("NNP", "NNPS"))
                ) and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def text_of(self, i: int) -> str:
        """The text of token ``i`` as written."""
        return self.text[self.idx[i] : self.idx[i] + self.length[i]]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + self.length[end - 1]
