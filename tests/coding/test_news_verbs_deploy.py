"""Ordering or announcing the deployment of one's own forces is deploying them (154, like
Phoenix's "DEPLOY * &MILITARY"), not military aid (072) or a bare statement (010); ordering
a forfeiture confiscates (1711). Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    (
        "The U.S. president orders the deployment of the National Guard to Los Angeles.",
        "USA",
        "USA",
        "154",
    ),
    ("The French president announces the deployment of troops to Estonia.", "FRA", "EST", "154"),
    ("Britain announces the deployment of additional soldiers to Poland.", "GBR", "POL", "154"),
    (
        "A federal court in Texas orders the forfeiture of assets of a Mexican cartel leader.",
        "USA",
        "MEX",
        "1711",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "source", "target", "code"), CASES)
def test_deployment_ordered_or_announced_is_deployment(
    triples: Any, sentence: str, source: str, target: str, code: str
) -> None:
    got = triples(sentence)
    assert (source, target, code) in got, got


@pytest.mark.slow
def test_an_announcement_of_something_else_stays_a_statement(coder: Any) -> None:
    events = coder.code_text("The French president announces new elections in France.")
    assert "154" not in {e.code for e in events}
