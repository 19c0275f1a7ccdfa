"""The target of a verb is not an actor of a subordinate clause nested in its object
("reach an agreement to reopen the border if Russia withdraws its troops": Russia is the
subject of the condition, not a party to the agreement)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Roots = Callable[[str], set[tuple[str, str, str]]]


@pytest.mark.slow
def test_a_condition_s_subject_is_not_the_target(roots: Roots) -> None:
    found = roots(
        "Armenia and Azerbaijan reach an agreement to reopen the border if Russia withdraws "
        "its troops."
    )
    assert ("ARM", "AZE", "05") in found
    assert not any(target == "RUS" for _, target, _ in found)


@pytest.mark.slow
def test_a_condition_after_an_accord_leaves_the_parties_to_each_other(roots: Roots) -> None:
    found = roots("Japan and South Korea reach an accord to resume flights if China lifts its ban.")
    assert ("JPN", "KOR", "05") in found
    assert ("JPN", "CHN", "05") not in found
