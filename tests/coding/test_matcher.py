"""The side matcher of verb patterns: gaps, and actor mentions inside them (no model)."""

from __future__ import annotations

from tocsin.coding.docview import token_keys
from tocsin.coding.matcher import MAX_GAP, SideMatcher
from tocsin.coding.verbs import build_pattern


def _seq(words: list[str]) -> tuple[list[frozenset[str]], list[int]]:
    keys = [token_keys(w.upper()) for w in words]
    return keys, list(range(len(words)))


def test_an_actor_mention_in_a_gap_counts_as_one_word() -> None:
    # "designates the Islamic Revolutionary Guard Corps as a terrorist organization"
    pattern = build_pattern("* {TERRORIST ORGANIZATION}", "172", None, "test", {})
    assert pattern is not None
    words = "the Islamic Revolutionary Guard Corps as a terrorist organization".split()
    keys, seq = _seq(words)
    assert SideMatcher(keys, {}, seq).match(pattern.post, False) == -1  # 7 words apart
    mention = {i: (1, 5) for i in range(1, 5)}  # "Islamic Revolutionary Guard Corps"
    assert SideMatcher(keys, mention, seq).match(pattern.post, False) == 2


def test_a_long_run_of_plain_words_still_breaks_the_pattern() -> None:
    pattern = build_pattern("* TERRORIST", "172", None, "test", {})
    assert pattern is not None
    filler = ["big"] * (MAX_GAP + 1)
    keys, seq = _seq([*filler, "terrorist"])
    assert SideMatcher(keys, {}, seq).match(pattern.post, False) == -1
    keys, seq = _seq([*filler[:MAX_GAP], "terrorist"])
    assert SideMatcher(keys, {}, seq).match(pattern.post, False) == 1
    # two mentions of three words each and four plain words: six units, still in reach
    words = ["a", "b", "c", "x", "y", "d", "e", "f", "z", "w", "terrorist"]
    keys, seq = _seq(words)
    spans = {0: (0, 3), 1: (0, 3), 2: (0, 3), 5: (5, 8), 6: (5, 8), 7: (5, 8)}
    assert SideMatcher(keys, spans, seq).match(pattern.post, False) == 1
