"""Aircraft or air defences shooting something down use military force (190), not the
non-military bombing (183) Phoenix gives a weapon subject of its KILL block (issue #9).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    ("A Romanian fighter jet shot down a Russian drone over Romania.", "ROU", "RUS", "190"),
    ("Polish jets shoot down Russian drones over Poland.", "POL", "RUS", "190"),
    ("Israeli air defences shot down an Iranian missile.", "ISR", "IRN", "190"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "source", "target", "code"), CASES)
def test_shooting_down_is_military_force(
    triples: Any, sentence: str, source: str, target: str, code: str
) -> None:
    got = triples(sentence)
    assert (source, target, code) in got, got
    assert all(c != "183" for _, _, c in got)
