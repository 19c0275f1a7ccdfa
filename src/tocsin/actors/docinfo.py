"""Per-doc arrays used by matching and phrase resolution (computed once per Doc).

Reading ``doc.to_array`` once and working on Python lists avoids creating spaCy
``Token`` objects in the hot loops (each creation costs about a microsecond).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import add, itemgetter
from typing import Any, TypeVar

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, TAG  # type: ignore[attr-defined]

from tocsin.actors.entries import norm_key

T = TypeVar("T")

# the columns of DocInfo.array: its own four, then what the coder's DocView reads, so that
# one ``to_array`` call serves both (see tocsin.coding.docview.DocView.build); not the
# entities, which the pipeline's entities component may set between the actors and events
ATTRS = [ORTH, HEAD, DEP, IDX, LOWER, LEMMA, TAG, LENGTH]


def _remember(memo: dict[int, tuple[str, str]], strings: Any, orth: int) -> tuple[str, str]:
    text = strings[orth & 0xFFFFFFFFFFFFFFFF]
    pair = memo[orth] = (text, norm_key(text))
    return pair


def _remember_dep(memo: dict[int, str], strings: Any, dep: int) -> str:
    label = memo[dep] = strings[dep & 0xFFFFFFFFFFFFFFFF] if dep else ""
    return label


def looked_up(memo: dict[int, T], ids: list[int], remember: Callable[[int], object]) -> list[T]:
    """``memo[i]`` for each id (``map`` at C speed), the ids not seen before remembered first
    (``remember(i)`` puts ``i`` into ``memo``)."""
    try:
        return list(map(memo.__getitem__, ids))
    except KeyError:
        for i in set(ids).difference(memo):
            remember(i)
        return list(map(memo.__getitem__, ids))


class DocInfo:
    """Token texts, match keys, heads, dependency labels and char offsets of a Doc."""

    __slots__ = (
        "_edges",
        "array",
        "deps",
        "discards",
        "doc",
        "ends",
        "heads",
        "keys",
        "n",
        "starts",
        "texts",
    )

    def __init__(
        self, doc: Any, memo: dict[int, tuple[str, str]], dep_memo: dict[int, str]
    ) -> None:
        self.doc = doc
        self.n = n = len(doc)
        # the raw (unsigned) columns of ATTRS, kept for the coder's DocView
        self.array: Any = None
        if n:
            self.array = full = doc.to_array(ATTRS)
            arr = full[:, :4].astype(numpy.int64)
            orths = arr[:, 0].tolist()
            heads = (arr[:, 1] + numpy.arange(n, dtype=numpy.int64)).tolist()
            dep_ids = arr[:, 2].tolist()
            starts = arr[:, 3].tolist()
        else:
            orths, heads, dep_ids, starts = [], [], [], []
        strings = doc.vocab.strings
        pairs = looked_up(memo, orths, lambda o: _remember(memo, strings, o))
        self.texts = texts = list(map(itemgetter(0), pairs))
        self.keys = list(map(itemgetter(1), pairs))
        self.heads = heads
        self.deps = looked_up(dep_memo, dep_ids, lambda d: _remember_dep(dep_memo, strings, d))
        self.starts = starts
        self.ends = list(map(add, starts, map(len, texts)))
        self._edges: dict[int, tuple[int, int]] | None = None
        # the doc's discard phrases (start, end, story level), found by the resolver once
        self.discards: list[tuple[int, int, bool]] | None = None

    def span_root(self, start: int, end: int) -> int:
        """The token of ``[start, end)`` whose head lies outside it (the last one if several)."""
        heads = self.heads
        root = end - 1
        for k in range(start, end):
            h = heads[k]
            if h == k or h < start or h >= end:
                root = k
        return root

    def text(self, start: int, end: int) -> str:
        """Text of tokens ``[start, end)`` as written in the doc."""
        if end <= start:
            return ""
        texts, starts, ends = self.texts, self.starts, self.ends
        if end - start == 1:
            return texts[start]
        # spaCy keeps at most one space after a token (more whitespace is a token itself)
        parts = [texts[start]]
        for k in range(start + 1, end):
            if starts[k] > ends[k - 1]:
                parts.append(" " * (starts[k] - ends[k - 1]))
            parts.append(texts[k])
        return "".join(parts)

    def is_descendant(self, k: int, head_i: int) -> bool:
        """Whether token ``k`` lies in the subtree of ``head_i``."""
        heads = self.heads
        for _ in range(64):
            if k == head_i:
                return True
            parent = heads[k]
            if parent == k:
                return False
            k = parent
        return False

    def set_parse(self, i: int, head: int, dep: str, span: tuple[int, int]) -> None:
        """Token ``i``'s head, label and subtree span as a repaired parse reads them (the
        coder's headline repair, tocsin.coding.headline)."""
        self.heads[i], self.deps[i] = head, dep
        if self._edges is None:
            self._edges = {}
        self._edges[i] = span

    def subtree_range(self, head_i: int) -> tuple[int, int]:
        """``[lo, hi)``: leftmost and (exclusive) rightmost token of ``head_i``'s subtree."""
        edges = self._edges
        if edges is None:
            edges = self._edges = {}
        found = edges.get(head_i)
        if found is None:
            tok = self.doc[head_i]
            found = edges[head_i] = (tok.left_edge.i, tok.right_edge.i + 1)
        return found
