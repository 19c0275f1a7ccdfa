"""A predicate noun names its copula's subject: "X becomes the first country to recognize Y"
(sentences written for this test)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

Roots = Callable[[str], set[tuple[str, str, str]]]


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Russia becomes the first country to formally recognize the Taliban government.",
            "RUS",
            "AFG",
        ),
        ("Norway became the first country to recognize the new government of Syria.", "NOR", "SYR"),
        ("Chile is the latest country to praise the Brazilian government.", "CHL", "BRA"),
    ],
)
def test_the_predicate_noun_is_the_subject(
    roots: Roots, sentence: str, source: str, target: str
) -> None:
    got = roots(sentence)
    assert any(s == source and t == target and c == "05" for s, t, c in got), got
    assert all(s == source for s, _, _ in got), got
