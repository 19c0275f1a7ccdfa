"""Future clauses are intents (coding/future.py, Options.future_as_intent): "will attack" is
a threat (138), "will visit" an intent to meet (036), "is set to meet" too; the act itself
is not coded. Sentences written for these tests (issue #9)."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.models import Factuality

PETRARCH = {"future_as_intent": False}


def codes(coder: Any, sentence: str, options: dict[str, bool] | None = None) -> set[tuple]:
    """(source root, target root, code, factuality) of the events with both actors."""
    return {
        (e.source.code[:3], e.target.code[:3], e.code, e.factuality)
        for e in coder.code_text(sentence, date="2025-06-01", options=options)
        if e.source and e.target
    }


def roots_of(found: set[tuple]) -> set[tuple[str, str, str]]:
    return {(s, t, c[:2]) for s, t, c, f in found if f.counts}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "target", "root", "act"),
    [
        ("Egypt will attack Sudan next week.", "EGY", "SDN", "13", "19"),
        ("The Chilean president will visit Peru in May.", "CHL", "PER", "03", "04"),
        ("Kenya is set to send troops to Haiti.", "KEN", "HTI", "03", "06"),
        ("The Malian army is poised to strike Niger.", "MLI", "NER", "13", "19"),
        ("Brazil is due to meet Argentina on Friday.", "BRA", "ARG", "03", "04"),
    ],
)
def test_a_future_act_is_its_intent_or_threat(
    coder: Any, sentence: str, source: str, target: str, root: str, act: str
) -> None:
    found = roots_of(codes(coder, sentence))
    assert (source, target, root) in found, found
    assert (source, target, act) not in found, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "target", "root"),
    [
        # the future reaches the infinitive of a verb of going on or starting
        ("Ghana will resume attacking Togo.", "GHA", "TGO", "13"),
        ("Norway will continue to send weapons to Ukraine.", "NOR", "UKR", "03"),
        # a conjunct shares the auxiliary; a conditional is a conditional threat
        ("Peru will recall its ambassador and attack Chile.", "PER", "CHL", "13"),
        ("Egypt will attack Sudan if Sudan blocks the river.", "EGY", "SDN", "13"),
        ("Colombia prepares to strike Venezuela.", "COL", "VEN", "13"),
    ],
)
def test_the_future_reaches_chains_and_conjuncts(
    coder: Any, sentence: str, source: str, target: str, root: str
) -> None:
    found = roots_of(codes(coder, sentence))
    assert (source, target, root) in found, found
    assert not {e for e in found if e[2] in ("19", "06")} - {(source, target, root)}, found


@pytest.mark.slow
def test_will_not_attack_stays_negated(coder: Any) -> None:
    found = codes(coder, "Egypt will not attack Sudan.")
    assert found and all(f is Factuality.NEGATED for *_, f in found), found


@pytest.mark.slow
def test_a_past_schedule_is_a_plan_not_an_act(coder: Any) -> None:
    found = codes(coder, "The Chilean president was scheduled to visit Peru on Monday.")
    assert not roots_of(found), found


@pytest.mark.slow
def test_stopping_is_not_put_in_the_future_of_the_stopped_act(coder: Any) -> None:
    found = roots_of(codes(coder, "Ghana will stop attacking Togo."))
    assert ("GHA", "TGO", "13") not in found, found


@pytest.mark.slow
def test_reported_own_future_and_would_are_intents(coder: Any) -> None:
    assert ("EGY", "SDN", "13") in roots_of(codes(coder, "Egypt says it will attack Sudan."))
    said = roots_of(codes(coder, "Kenya said it would send troops to Haiti."))
    assert ("KEN", "HTI", "03") in said and ("KEN", "HTI", "06") not in said, said


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("Egypt will attack Sudan next week.", ("EGY", "SDN", "19")),
        ("The Chilean president will visit Peru in May.", ("CHL", "PER", "04")),
    ],
)
def test_petrarch_convention_codes_the_act(coder: Any, sentence: str, act: tuple) -> None:
    assert act in roots_of(codes(coder, sentence, PETRARCH))
