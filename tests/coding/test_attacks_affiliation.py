"""The victims of an attack take the country they work for (coding/attacks.py): "a war
correspondent for the Russian newspaper X is killed in a Ukrainian drone strike in Donetsk
Oblast, Ukraine" hit Russia's press, not Ukraine. Hand-made sentences, coded with the
bundled model and dictionaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

# ``roots`` (the bundled model and dictionaries): tests/coding/conftest.py
Roots = Callable[[str], set[tuple[str, str, str]]]

AFFILIATED = [
    (
        "A reporter for a Russian television channel is killed in a Ukrainian drone strike"
        " in Luhansk Oblast, Ukraine.",
        ("UKR", "RUS", "19"),
    ),
    (
        "Two engineers of a Turkish construction firm are injured in an Israeli airstrike"
        " in Gaza.",
        ("ISR", "TUR", "19"),
    ),
]


@pytest.mark.parametrize(("sentence", "event"), AFFILIATED)
def test_victims_take_the_country_they_work_for(
    roots: Roots, sentence: str, event: tuple[str, str, str]
) -> None:
    got = roots(sentence)
    assert event in got, got


def test_victims_with_no_affiliation_take_the_place(roots: Roots) -> None:
    got = roots("Three people are killed in a Russian drone strike in Kharkiv, Ukraine.")
    assert ("RUS", "UKR", "19") in got, got
