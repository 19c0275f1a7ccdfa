"""Joint operations (coding/nounevents.py): armed group members killed in "a joint
operation between X and Y" or "a joint raid by X and Y" were hit by both. Hand-made
sentences, coded with the bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

JOINT = [
    (
        "An Islamic State commander was killed in Anbar Governorate during a joint operation"
        " between Iraqi security forces and the United States.",
        ("IRQ", "USA"),
        "IMG",
    ),
    (
        "Five al-Shabaab militants were killed in a joint raid by Somali and American forces"
        " in Lower Shabelle.",
        ("SOM", "USA"),
        "SOM",
    ),
]


@pytest.mark.parametrize(("sentence", "sources", "target"), JOINT)
def test_every_side_of_a_joint_operation_hit_the_group(
    roots: Roots, sentence: str, sources: tuple[str, ...], target: str
) -> None:
    got = roots(sentence)
    assert all((s, target, "19") in got for s in sources), got


def test_an_operation_no_one_names_is_the_place_s_state(roots: Roots) -> None:
    got = roots("Ten militants were killed in an operation in Balochistan, Pakistan.")
    assert got == {("PAK", "PAK", "19")}, got
