"""The sides of attacks, clashes and killings named by nouns and participles
(coding/attacks.py, coding/nominal.py, coding/eventplace.py): hand-made sentences, coded
with the bundled model and dictionaries."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("sides") / "data")
    return Coder(settings, enrich=False)


def roots(coder: Any, sentence: str) -> set[tuple[str, str, str]]:
    """(source root, target root, code root) of the events that count."""
    return {
        (e.source.code[:3], e.target.code[:3], e.code[:2])
        for e in coder.code_text(sentence, date="2025-06-01")
        if e.source and e.target and e.factuality.counts
    }


# a fight named by a noun is mutual: both ways between its sides
MUTUAL = [
    ("Border clashes between Thailand and Cambodia left 12 dead.", "THA", "KHM"),
    ("Clashes erupted between Armenian and Azerbaijani troops on the border.", "ARM", "AZE"),
    ("Two Indian soldiers were killed in clashes with Pakistani troops in Kashmir.", "IND", "PAK"),
    ("Seven Malian and four Burkinabe soldiers died during skirmishes at the border.", "MLI", "BFA"),
    ("Heavy fighting between Israeli troops and Hezbollah continued on Sunday.", "ISR", "LBN"),
]


@pytest.mark.parametrize(("sentence", "one", "other"), MUTUAL)
def test_a_fight_noun_codes_both_ways(coder: Any, sentence: str, one: str, other: str) -> None:
    got = roots(coder, sentence)
    assert (one, other, "19") in got and (other, one, "19") in got, got


def test_the_verb_of_a_fight_noun_subject_has_no_events_of_its_own(coder: Any) -> None:
    # "left" (040 in CAMEO) is not a visit between the sides
    got = roots(coder, "Border clashes between Thailand and Cambodia left 12 dead.")
    assert all(c == "19" for _, _, c in got), got


def test_a_fight_noun_with_one_side_is_no_event(coder: Any) -> None:
    assert roots(coder, "The fighting in Gaza continued on Sunday.") == set()
