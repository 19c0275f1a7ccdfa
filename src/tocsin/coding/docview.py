"""Per-document arrays precomputed once from a spaCy Doc, so the coder never walks
spaCy token objects in its inner loops."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, TAG  # type: ignore[attr-defined]

_STRING_CACHE: dict[int, str] = {}


def _upper(strings: Any, key: int) -> str:
    value = _STRING_CACHE.get(key)
    if value is None:
        value = strings[key].upper()
        if len(_STRING_CACHE) < 500_000:
            _STRING_CACHE[key] = value
    return value


def _plain(strings: Any, key: int) -> str:
    value = _STRING_CACHE.get(-key - 1)
    if value is None:
        value = strings[key]
        if len(_STRING_CACHE) < 500_000:
            _STRING_CACHE[-key - 1] = value
    return value


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

    @classmethod
    def build(cls, doc: Any) -> "DocView":
        arr = doc.to_array([LOWER, LEMMA, TAG, DEP, HEAD])
        strings = doc.vocab.strings
        n = len(doc)
        up = [_upper(strings, int(k)) for k in arr[:, 0]]
        lem = [_upper(strings, int(k)) for k in arr[:, 1]]
        tag = [_plain(strings, int(k)) for k in arr[:, 2]]
        dep = [_plain(strings, int(k)) for k in arr[:, 3]]
        head = [i + int(h) for i, h in enumerate(arr[:, 4].astype("int64"))]
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        idx = [t.idx for t in doc]
        length = [len(t) for t in doc]
        return cls(doc, up, lem, tag, dep, head, children, idx, length)

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of token ``i`` with one of the dependency labels ``deps``."""
        return [c for c in self.children[i] if self.dep[c] in deps]

    def subtree_span(self, i: int) -> tuple[int, int]:
        """[start, end) token range of the subtree of ``i`` (projective parses)."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.children[j])
        return lo, hi + 1

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and its conjuncts (recursively along ``conj`` and appositive lists)."""
        out = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                if (self.dep[c] == "conj" or (self.dep[c] == "appos" and self.tag[c] in ("NNP", "NNPS"))) and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + self.length[end - 1]
