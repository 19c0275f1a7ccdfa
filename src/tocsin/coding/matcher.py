"""Matching one side of a verb pattern against a token sequence.

A side is matched outwards from the verb: ``seq`` holds token indices in that order
(for the words before the verb, nearest first).  Elements match in order with gaps
allowed unless glued (``_``); in a gap, an actor mention counts as one word, as PETRARCH
counts a noun phrase ("designates the Islamic Revolutionary Guard Corps as a terrorist
organization" skips one actor, not five words).  Returns the number of words matched (the pattern's
specificity on that side) and the token positions of the ``$``/``+`` slots.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tocsin.coding.verbs import COMPOUND, SKIP, SOURCE, TARGET, WORD, Elem

_MAX_SKIP = 4
MAX_GAP = 6  # words a pattern may skip between two of its elements
MAX_SLOT_GAP = 2  # words (determiners, adjectives) before the actor of a $ or + slot


def word_matches(word: str, up: str, lem: str) -> bool:
    """A dictionary word against a token: itself, its lemma, or a plural/inflected form."""
    if word == up or word == lem:
        return True
    if word.endswith("S") and len(word) > 3 and (word[:-1] == lem or word[:-1] == up):
        return True  # a plural in the dictionary matches the singular
    if len(up) > len(word) and up.startswith(word):
        rest = up[len(word) :]
        return rest in ("S", "ES", "'S")
    return False


class SideMatcher:
    """Matches elements against a sequence of tokens of one document."""

    __slots__ = ("_reach", "actor_start", "keys", "seq", "slots")

    def __init__(
        self,
        keys: Sequence[frozenset[str]],
        actor_start: Mapping[int, tuple[int, int]],
        seq: Sequence[int],
    ) -> None:
        self.keys = keys
        self.actor_start = (
            actor_start  # token index -> (start, end) of the actor mention covering it
        )
        self.seq = seq
        self.slots: dict[str, int] = {}
        self._reach: dict[int, int] = {}  # gap start -> last position a gap reaches

    def match(self, elems: Sequence[Elem], reverse: bool) -> int:
        """Words matched (>= 0) or -1 when the elements do not match."""
        self.slots = {}
        return self._from(elems, 0, 0, reverse, True)

    def _alt_at(self, alt: tuple[str, ...], pos: int) -> bool:
        seq, keys = self.seq, self.keys
        if pos + len(alt) > len(seq):
            return False
        for k in range(1, len(alt)):
            if alt[k] not in keys[seq[pos + k]]:
                return False
        return True

    def _from(self, elems: Sequence[Elem], k: int, pos: int, reverse: bool, first: bool) -> int:
        if k == len(elems):
            return 0
        elem = elems[k]
        if elem.kind == COMPOUND:
            rest = self._from(elems, k + 1, pos, reverse, False)
            return rest
        if elem.glued:
            last = pos
        elif elem.kind in (SOURCE, TARGET):
            last = min(len(self.seq) - 1, pos + MAX_SLOT_GAP)
        else:
            last = self._reach.get(pos, -1)
            if last < 0:
                last = self._reach[pos] = self._gap_end(pos)
        for p in range(pos, last + 1):
            for size in self._sizes(elem, p, reverse):
                rest = self._from(elems, k + 1, p + size, reverse, False)
                if rest >= 0:
                    if elem.kind in (SOURCE, TARGET):
                        self.slots.setdefault(elem.kind, self.seq[p])
                    return rest + (size if elem.kind == WORD else 1)
        return -1

    def _gap_end(self, pos: int) -> int:
        """The last position an element may start at after a gap of MAX_GAP words from
        ``pos``, a whole actor mention counting as one word."""
        seq, spans = self.seq, self.actor_start
        end = len(seq) - 1
        p, n = pos, MAX_GAP
        while n > 0 and p < end:
            span = spans.get(seq[p])
            p += 1
            if span is not None:
                while p < end and span[0] <= seq[p] < span[1]:
                    p += 1
            n -= 1
        return min(p, end)

    def _sizes(self, elem: Elem, p: int, reverse: bool) -> list[int]:
        if p >= len(self.seq):
            return []
        if elem.kind == WORD:
            sizes: list[int] = []
            first = elem.first
            for key in self.keys[self.seq[p]]:
                for alt in first.get(key, ()):
                    if len(alt) not in sizes and self._alt_at(alt, p):
                        sizes.append(len(alt))
            if len(sizes) > 1:
                sizes.sort(reverse=True)
            return sizes
        if elem.kind == SKIP:
            return list(range(1, min(_MAX_SKIP, len(self.seq) - p) + 1))
        if elem.kind in (SOURCE, TARGET):
            t = self.seq[p]
            span = self.actor_start.get(t)
            if span is None:
                return []
            size = 1
            while p + size < len(self.seq) and span[0] <= self.seq[p + size] < span[1]:
                size += 1
            return [size]
        return []
