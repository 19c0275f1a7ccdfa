"""The source of a verb is its subject's own actor, not an actor inside a clause that
modifies the subject ("a bomb targeting a police convoy kills ...": the convoy is the
victim); a passive participle's agent still is ("missiles fired by X hit ...")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def _source_texts(coder: Any, sentence: str) -> set[str]:
    return {e.source.text for e in coder.code_text(sentence, date="2025-06-01") if e.source}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "victim"),
    [
        (
            "A roadside bomb targeting a Nigerian army convoy kills four soldiers near Maiduguri.",
            "convoy",
        ),
        ("A car bomb targeting Iraqi police officers killed two civilians in Mosul.", "police"),
    ],
)
def test_an_actor_in_an_active_participle_of_the_subject_is_not_the_source(
    coder: Any, sentence: str, victim: str
) -> None:
    assert not any(victim in text for text in _source_texts(coder, sentence))


@pytest.mark.slow
def test_the_agent_of_a_passive_participle_of_the_subject_is_still_the_source(
    roots: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert ("IRN", "KWT", "19") in roots(
        "Missiles fired by Iranian forces hit a Kuwaiti oil terminal."
    )
