"""Linking a verb to its actors in long news sentences (tocsin.coding.syntax and slots):
the subject of a perfect infinitive hung as a modifier ("claim to have attacked"), and the
object of a speech verb read as a verbless complement ("declares X persona non grata").
Hand-made sentences coded with the bundled model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

PERFECT_INFINITIVES = [
    (
        "The Houthis claim to have targeted an American destroyer in the Red Sea.",
        ("YEM", "USA", "19"),
    ),
    ("The Houthis claim to have hit an Israeli cargo ship.", ("YEM", "ISR", "19")),
    ("The Taliban claim to have attacked a Pakistani military post.", ("AFG", "PAK", "19")),
]


@pytest.mark.parametrize(("sentence", "expected"), PERFECT_INFINITIVES)
def test_the_claimer_is_the_subject_of_a_perfect_infinitive(
    roots: Roots, sentence: str, expected: tuple[str, str, str]
) -> None:
    """The small parser hangs "to have attacked" on "claim" as a participle modifier; the
    claimer is its subject, not its patient (before: PAK -> AFG, the wrong way round)."""
    got = roots(sentence)
    assert expected in got, got
    assert (expected[1], expected[0], expected[2]) not in got, got


SMALL_CLAUSES = [
    ("Latvia declares a Belarusian embassy employee persona non grata.", ("LVA", "BLR", "16")),
    ("Estonia declares a Russian embassy employee persona non grata.", ("EST", "RUS", "16")),
    ("Finland declares a Russian embassy employee persona non grata.", ("FIN", "RUS", "16")),
]


@pytest.mark.parametrize(("sentence", "expected"), SMALL_CLAUSES)
def test_the_object_of_a_speech_verb_small_clause_is_its_target(
    roots: Roots, sentence: str, expected: tuple[str, str, str]
) -> None:
    """The small parser reads "declares X persona non grata" as a complement clause of the
    speech verb "declare"; with no verb it is no statement, and X is the target."""
    got = roots(sentence)
    assert expected in got, got


def test_what_a_speech_verb_says_is_still_no_target(roots: Roots) -> None:
    got = roots("Poland says that the Russian embassy is a spy centre.")
    assert not any(s == "POL" and t == "RUS" for s, t, _ in got), got
