"""A passive agent that is a weapon or fire with a demonym or possessive names the state
whose forces used it (tocsin.coding.weaponagent, called from slots._source_actors):
"killed by Israeli gunfire". Hand-made sentences coded with the bundled model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.slow

# ``roots`` and ``coder`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

WEAPON_AGENTS = [
    ("Four Palestinian fishermen were killed by Israeli gunfire off the coast of Gaza.",
     ("ISR", "PSE", "19")),
    ("A Ukrainian helicopter was shot down by Russia's S-400 missile system.",
     ("RUS", "UKR", "19")),
    ("Six Syrian civilians were injured by Turkish artillery fire near Kobani.",
     ("TUR", "SYR", "18")),
    ("Two Israeli soldiers were wounded by Hezbollah rockets.", ("LBN", "ISR", "18")),
]


@pytest.mark.parametrize(("sentence", "expected"), WEAPON_AGENTS)
def test_the_owner_of_a_weapon_agent_is_the_source(
    roots: Roots, sentence: str, expected: tuple[str, str, str]
) -> None:
    got = roots(sentence)
    assert expected in got, got


def test_a_country_that_fires_a_weapon_is_its_military(coder: Any) -> None:
    events = coder.code_text(
        "Three Ukrainian soldiers were killed by a Russian tank.", date="2025-06-01"
    )
    assert [e.source.code for e in events if e.source] == ["RUSMIL"], events


def test_a_group_that_fires_keeps_its_own_code(coder: Any) -> None:
    events = coder.code_text("Two Israeli soldiers were wounded by Hezbollah rockets.")
    assert {e.source.code for e in events if e.source} == {"LBNREB"}, events


def test_a_fire_with_no_owner_names_no_source(roots: Roots) -> None:
    assert not roots("The Greek warehouse was destroyed by a fire.")
