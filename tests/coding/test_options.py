"""Per-record engine options (PETRARCH config names) on small hand-made sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.coding.engine import Options
from tocsin.models import Event
from tocsin.settings import load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("data"))
    return Coder(settings, enrich=False)


def pairs(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.code[:2])
        for e in events
    }


def test_options_defaults_change_nothing() -> None:
    opts = Options.from_mapping({})
    assert opts.new_actor_length == 0 and not opts.skips_commas
    assert Options.from_mapping({"comma_emax": 8}).skips_commas
    assert not Options.from_mapping({"comma_min": 2, "comma_max": 0, "comma_emax": 0}).skips_commas


UNKNOWN = "Germany attacked Qwertz Blorb on Monday."


def test_unknown_name_is_no_actor_by_default(coder: Any) -> None:
    assert coder.code_text(UNKNOWN) == []
    assert coder.code_text(UNKNOWN, options={"new_actor_length": 0}) == []


def test_new_actor_within_length(coder: Any) -> None:
    events = coder.code_text(UNKNOWN, options={"new_actor_length": 2})
    assert ("DEU", "", "19") in pairs(events)
    target = next(e.target for e in events if e.target is not None)
    assert target.text == "Qwertz Blorb" and target.kind == "new"
    assert "new actor" in (target.entry or "")


def test_new_actor_too_long(coder: Any) -> None:
    assert coder.code_text(UNKNOWN, options={"new_actor_length": 1}) == []


def test_date_is_never_a_new_actor(coder: Any) -> None:
    events = coder.code_text(
        "Germany attacked the city on Monday.", options={"new_actor_length": 3}
    )
    assert all(e.target is None or e.target.text != "Monday" for e in events)


def test_two_new_actors(coder: Any) -> None:
    text = "Quentin Blarg met Hortensia Vlop in a hotel."
    assert coder.code_text(text) == []
    events = coder.code_text(text, options={"new_actor_length": 2})
    texts = {(e.source.text, e.target.text, e.code[:2]) for e in events if e.source and e.target}
    assert ("Quentin Blarg", "Hortensia Vlop", "04") in texts
    assert all(e.source.text != e.target.text for e in events if e.source and e.target)


def test_new_actor_counts_the_whole_noun_phrase(coder: Any) -> None:
    # "the Blorb chairman Quentin Vlop" is four words; the name alone is two
    text = "Blorb's chairman Quentin Vlop met Hortensia Zink in a hotel."
    assert coder.code_text(text, options={"new_actor_length": 3}) == []
    assert coder.code_text(text, options={"new_actor_length": 4})


def test_known_actor_beats_a_new_one(coder: Any) -> None:
    events = coder.code_text(
        "Germany met Quentin Blarg and officials of France.", options={"new_actor_length": 2}
    )
    assert any(e.target is not None and e.target.code.startswith("FRA") for e in events)


MIDDLE = "Germany met, during a long visit to Brazil, officials of France."


def test_middle_comma_clause_skipped(coder: Any) -> None:
    assert ("DEU", "BRA", "04") in pairs(coder.code_text(MIDDLE))
    got = pairs(coder.code_text(MIDDLE, options={"comma_max": 8}))
    assert ("DEU", "FRAGOV", "04") in got and not any(t == "BRA" for _, t, _ in got)


def test_middle_comma_clause_length_bounds(coder: Any) -> None:
    # seven words with its closing comma: outside [8, 12] and [2, 6], so it stays
    for opts in ({"comma_min": 8, "comma_max": 12}, {"comma_max": 6}, {"comma_max": 0}):
        assert ("DEU", "BRA", "04") in pairs(coder.code_text(MIDDLE, options=opts)), opts


END = "Germany criticized the plan, a proposal by Brazil."


def test_end_comma_clause_skipped(coder: Any) -> None:
    assert ("DEU", "BRA", "11") in pairs(coder.code_text(END))
    assert coder.code_text(END, options={"comma_emax": 8}) == []
    assert ("DEU", "BRA", "11") in pairs(
        coder.code_text(END, options={"comma_emax": 8, "comma_emin": 5})
    )
    assert ("DEU", "BRA", "11") in pairs(coder.code_text(END, options={"comma_emax": 3}))


def test_beginning_comma_clause(coder: Any) -> None:
    text = "Criticized by Brazil, Germany met France."
    full = pairs(coder.code_text(text))
    assert {("BRA", "DEU", "11"), ("DEU", "FRA", "04")} <= full
    assert pairs(coder.code_text(text, options={"comma_bmax": 0, "comma_emax": 0})) == full
    assert pairs(coder.code_text(text, options={"comma_bmax": 8})) == {("DEU", "FRA", "04")}
    assert pairs(coder.code_text(text, options={"comma_bmax": 8, "comma_bmin": 5})) == full


def test_list_items_are_never_skipped(coder: Any) -> None:
    text = "Germany criticized Italy, Spain and Brazil."
    opts = {"comma_min": 0, "comma_max": 8, "comma_emin": 0, "comma_emax": 8}
    targets = {t for _, t, _ in pairs(coder.code_text(text, options=opts))}
    assert {"ITA", "ESP", "BRA"} <= targets


def test_attribution_clause_is_skipped_main_clause_is_not(coder: Any) -> None:
    text = "Germany attacked France, Italian officials said."
    got = pairs(coder.code_text(text, options={"comma_emax": 8}))
    assert ("DEU", "FRA", "19") in got
    assert not any(s and s.startswith("ITA") for s, _, _ in got)


def test_tied_patterns_prefer_the_verbs_own(coder: Any) -> None:
    # CAMEO.2.0 merges APPROVE and RATIFY into one block with two "* &TREATY" patterns;
    # the line commented "# RATIFY" is the one written for "ratify"
    ratified = coder.code_text("Moldova ratified the treaty with Romania last week.")
    approved = coder.code_text("Moldova approved the treaty with Romania last week.")
    assert ("MDA", "ROU", "05") in pairs(ratified)
    assert {e.code for e in ratified} == {"057"}
    assert "057" not in {e.code for e in approved}
