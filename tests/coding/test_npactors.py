"""Actors of noun phrases in whole sentences: an agent noun belonging to an organisation
("a prosecutor at the ICC"), a possessive pronoun whose antecedent is a body of a state
("the Russian army said its forces ..."), and a person named again by surname."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("npactors") / "data")
    return Coder(settings, enrich=False)


def _sources(coder: Any, text: str) -> set[str]:
    return {e.source.code for e in coder.code_text(text, date="2025-06-01") if e.source}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "A prosecutor at the International Criminal Court drops charges against a Sudanese "
            "rebel leader.",
            "IGOJUDICC",
        ),
        ("Officials at the United Nations criticised Russia.", "IGOUNO"),
        ("A spokesman for the European Union criticised Russia.", "IGOEUREEC"),
    ],
)
def test_an_agent_at_or_for_an_organisation_is_that_organisation(
    coder: Any, sentence: str, source: str
) -> None:
    assert source in _sources(coder, sentence)


@pytest.mark.slow
def test_an_agent_at_a_country_s_building_does_not_become_its_government(coder: Any) -> None:
    sources = _sources(coder, "Protesters at the U.S. embassy criticised Israel.")
    assert not any(s.startswith("USA") for s in sources)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Russia's Defence Ministry said its forces attacked Kharkiv.", "RUSMIL"),
        ("The Israeli army said its troops captured a village in Lebanon.", "ISRMIL"),
        ("Vladimir Putin said his troops captured Pokrovsk.", "RUSMIL"),
    ],
)
def test_its_forces_after_a_state_body_or_leader(coder: Any, sentence: str, source: str) -> None:
    events = coder.code_text(sentence, date="2025-06-01")
    assert any(e.source and e.source.code == source and e.code.startswith("19") for e in events)
    assert not any(e.source and e.source.code.startswith("---") for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "code"),
    [
        ("John Bolton met Vladimir Putin. Later, Bolton criticised Donald Trump.", "USA", "111"),
        ("Boris Johnson met Emmanuel Macron. Johnson praised Macron.", "GBR", "051"),
        ("Senator Bernie Sanders criticised Joe Biden. Sanders endorsed Biden.", "USA", "051"),
    ],
)
def test_a_surname_alone_keeps_the_person(coder: Any, text: str, source: str, code: str) -> None:
    events = coder.code_text(text, date="2025-06-01")
    assert any(e.code == code and e.source and e.source.root == source for e in events)
