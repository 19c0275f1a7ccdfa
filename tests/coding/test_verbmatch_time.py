"""A preposition of time after a verb ("on Tuesday", "in March 2025") is no word of its
patterns: "* (ON) [020]" (CALL ON, an appeal) does not read a dated phone call as one.
Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Macron called Putin on Tuesday.",
        "The Turkish president called the Iranian president on Sunday.",
    ],
)
def test_a_dated_call_is_no_appeal(triples: Any, sentence: str) -> None:
    got = triples(sentence)
    assert all(c != "020" for _, _, c in got), got


@pytest.mark.slow
def test_calling_on_an_actor_stays_an_appeal(triples: Any) -> None:
    got = triples("Venezuela called on Colombia to close the border.")
    assert ("VEN", "COL", "020") in got, got
