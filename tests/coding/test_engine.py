"""The coding engine on small hand-made sentences (real spaCy parse, bundled dictionaries)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from click.testing import CliRunner

from tocsin.models import Event, Factuality
from tocsin.settings import load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("data"))
    return Coder(settings, enrich=False)


@pytest.fixture(scope="module")
def validate_coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("data"))
    return Coder(settings, dictionaries="petr-validate", enrich=False)


def triples(
    events: list[Event], *, only: set[Factuality] | None = None
) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.root if e.source else None, e.target.root if e.target else None, e.code[:2])
        for e in events
        if only is None or e.factuality in only
    }


def find(events: list[Event], source: str, target: str, root: str) -> Event:
    for e in events:
        if (
            e.source
            and e.target
            and e.source.root == source
            and e.target.root == target
            and e.code.startswith(root)
        ):
            return e
    raise AssertionError(
        f"no {source}->{target} {root} in {[(e.source, e.target, e.code) for e in events]}"
    )


def test_active_and_passive_voice(coder: Any) -> None:
    active = coder.code_text("Germany attacked France on Tuesday.")
    passive = coder.code_text("France was attacked by Germany on Tuesday.")
    assert ("DEU", "FRA", "19") in triples(active)
    assert ("DEU", "FRA", "19") in triples(passive)
    assert ("FRA", "DEU", "19") not in triples(passive)


def test_compound_subject_meets_both_ways(coder: Any) -> None:
    events = coder.code_text("Brazil and Argentina held talks in Buenos Aires.")
    got = triples(events)
    assert ("BRA", "ARG", "04") in got and ("ARG", "BRA", "04") in got


def test_compound_object_one_event_each(coder: Any) -> None:
    events = coder.code_text("Kenya condemned Uganda and Tanzania on Monday.")
    got = triples(events)
    assert ("KEN", "UGA", "12") in got or ("KEN", "UGA", "11") in got
    assert {t for s, t, _ in got if s == "KEN"} >= {"UGA", "TZA"}


def test_compound_subject_of_a_directed_code_is_not_paired(coder: Any) -> None:
    # "yield" (08) is directed: members of a list do not yield to each other
    events = coder.code_text("Oxfam and Caritas failed to pass the new rules.", date="2026-01-01")
    got = triples(events, only=None)
    assert ("NGO", "NGO", "08") not in got and ("NGO", "NGO", "12") not in got


def test_negation(coder: Any) -> None:
    events = coder.code_text("Germany did not attack France.")
    e = find(events, "DEU", "FRA", "19")
    assert e.factuality is Factuality.NEGATED and not e.counts


def test_negated_cooperation_is_a_rejection(coder: Any) -> None:
    events = coder.code_text("Turkey refused to provide aid to Syria.")
    e = find(events, "TUR", "SYR", "12")
    assert e.factuality is Factuality.ASSERTED


def test_allegation_is_not_asserted(coder: Any) -> None:
    events = coder.code_text("Officials in Kenya accused Uganda of supplying weapons to rebels.")
    accuse = find(events, "KEN", "UGA", "11")
    assert accuse.factuality is Factuality.ASSERTED
    supply = [e for e in events if e.trigger == "supplying"]
    assert supply and all(e.factuality is Factuality.ALLEGED for e in supply)
    assert all(e.source and e.source.root == "UGA" for e in supply)  # the accused supplies


def test_intent_takes_the_intent_code(coder: Any) -> None:
    events = coder.code_text("Japan offered to provide economic aid to Nepal.")
    e = find(events, "JPN", "NPL", "03")
    assert e.factuality is Factuality.INTENDED and e.counts
    assert e.code == "0331"


def test_hypothetical(coder: Any) -> None:
    events = coder.code_text("Kenya might attack Uganda.")
    e = find(events, "KEN", "UGA", "19")
    assert e.factuality is Factuality.HYPOTHETICAL and not e.counts


def test_reported_speech_codes_the_embedded_event(coder: Any) -> None:
    events = coder.code_text("The minister said that Canada praised Mexico.")
    e = find(events, "CAN", "MEX", "05")
    assert e.factuality is Factuality.ASSERTED


def test_reported_attack_by_another_is_an_accusation(coder: Any) -> None:
    events = coder.code_text("Chile claimed that Peru had attacked Bolivia.")
    assert ("CHL", "PER", "11") in triples(events, only={Factuality.ASSERTED})
    attack = find(events, "PER", "BOL", "19")
    assert attack.factuality is Factuality.ALLEGED


def test_request_to_another_actor(coder: Any) -> None:
    events = coder.code_text("Egypt urged Israel to release the prisoners.")
    assert ("EGY", "ISR", "02") in triples(events)
    assert not any(e.code.startswith("08") and e.counts for e in events)


def test_coreference_across_sentences(coder: Any) -> None:
    events = coder.code_text(
        "A Chinese delegation arrived in Nepal on Monday. "
        "The delegation praised the government of Nepal.",
        date="2019-05-01",
    )
    praise = find(events, "CHN", "NPL", "05")
    assert praise.sentence_index == 1 and praise.target and praise.target.code == "NPLGOV"


def test_metonymy(coder: Any) -> None:
    events = coder.code_text("Beijing criticized Washington on Friday.")
    e = find(events, "CHN", "USA", "11")
    assert e.source and e.source.code == "CHNGOV"


def test_date_limited_leaders(validate_coder: Any) -> None:
    # the validation dictionary codes "Slinker" HOB before June 1995, HOBGOV until 1999
    text = "Arnor is about to restore full diplomatic ties with Slinker."
    early = validate_coder.code_text(text, date="1994-01-01")
    later = validate_coder.code_text(text, date="1996-01-01")
    assert {e.target.code for e in early if e.target} == {"HOB"}
    assert {e.target.code for e in later if e.target} == {"HOBGOV"}


def test_discards(validate_coder: Any) -> None:
    kept = validate_coder.code_text("Arnor is about to restore full diplomatic ties with Gondor.")
    assert ("ARN", "GON", "06") in triples(kept)
    dropped = validate_coder.code_text(
        "Arnor is about to restore full diplomatic ties with Gondor "
        "after a typhoon hit its embassy."
    )
    assert not dropped


def test_verb_patterns_choose_the_most_specific(validate_coder: Any) -> None:
    # PETRARCH's validation records code "will contribute" as the act (future_as_intent off)
    petrarch = {"future_as_intent": False}
    plain = validate_coder.code_text(
        "Arnor will contribute a million pebbles to Gondor.", options=petrarch
    )
    money = validate_coder.code_text(
        "Arnor will contribute a million swiss francs to Gondor.", options=petrarch
    )
    assert {e.code for e in plain} == {"070"}
    assert {e.code for e in money} == {"903"}


def test_events_carry_evidence(coder: Any) -> None:
    text = "Germany attacked France on Tuesday."
    [e] = [e for e in coder.code_text(text, date=dt.date(2020, 3, 1)) if e.code.startswith("19")]
    assert e.sentence == text and e.sentence_index == 0
    assert e.trigger_span and text[e.trigger_span[0] : e.trigger_span[1]] == "attacked"
    assert e.source and e.source.span and text[e.source.span[0] : e.source.span[1]] == "Germany"
    assert e.article_date == dt.date(2020, 3, 1)
    assert e.name and e.goldstein is not None and e.quad_class == 4 and e.plover_type
    assert any("CAMEO.2.0.txt:" in r for r in e.rules)


def test_title_is_coded_apart(coder: Any) -> None:
    from tocsin.models import Article

    article = Article(
        id="a1", title="Germany attacks France", text="Kenya praised Uganda on Monday."
    )
    [(_, events)] = list(coder.code_articles([article]))
    title = [e for e in events if e.sentence_index == -1]
    body = [e for e in events if e.sentence_index == 0]
    assert title and all(e.article_id == "a1" for e in events)
    assert body and body[0].sentence == "Kenya praised Uganda on Monday."


def test_cli_code_jsonl_and_text(tmp_path: Any) -> None:
    from tocsin.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "r1", "text": "Germany attacked France.", "date": "2020-01-01"})
        + "\n"
        + json.dumps({"id": "r2", "text": "The weather was fine."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    result = runner.invoke(main, ["code", str(src), "-o", str(out), "--no-enrich"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["r1", "r2"]
    assert recs[0]["events"][0]["source"] == "DEU" and recs[1]["events"] == []
    result = runner.invoke(main, ["code", "--text", "Germany attacked France.", "--no-enrich"])
    assert result.exit_code == 0 and "DEU" in result.output and "why:" in result.output


def test_cli_code_needs_input() -> None:
    from tocsin.cli import main

    result = CliRunner().invoke(main, ["code"])
    assert result.exit_code != 0


def test_nominal_events(coder: Any) -> None:
    between = coder.code_text("Military cooperation between Japan and India is growing.")
    got = triples(between)
    assert ("JPN", "IND", "06") in got and ("IND", "JPN", "06") in got
    passive = coder.code_text("A joint military exercise was held between Egypt and Jordan.")
    assert {("EGY", "JOR", "06"), ("JOR", "EGY", "06")} <= triples(passive)
    cancelled = coder.code_text("Iran's talks with Oman were cancelled.")
    e = find(cancelled, "IRN", "OMN", "04")
    assert e.factuality is Factuality.NEGATED


def test_events_table_shows_where_and_when() -> None:
    import datetime as dt

    from tocsin.cli.coding import events_table
    from tocsin.models import Actor, Event, EventDate, Location

    ev = Event(
        source=Actor("PAK", text="Pakistan"),
        target=Actor("RUS", text="Russia"),
        code="062",
        sentence_index=0,
        trigger="held",
        location=Location(
            "Miranshah", "city", country_code="PK", adm1_code="PK-KP", rule="prep-of-verb"
        ),
        date=EventDate(dt.date(2016, 9, 1), "month", "last year in September", rule="relative"),
    )
    table = events_table([ev])
    assert "where: Miranshah (city, PK, PK-KP) [prep-of-verb]" in table
    assert "when: 2016-09 (month) 'last year in September' [relative]" in table


def test_acts_inside_a_purpose_clause_are_not_asserted(coder: Any) -> None:
    events = coder.code_text("Germany met Brazil on Monday to discuss efforts to attack France.")
    assert ("DEU", "BRA", "04") in triples(events, only={Factuality.ASSERTED})
    attack = find(events, "DEU", "FRA", "19")
    assert attack.factuality is Factuality.HYPOTHETICAL and not attack.counts


def test_allegation_takes_the_verbs_own_code(coder: Any) -> None:
    # nothing inside the allegation is an event: the allegation itself is one, coded by the
    # dictionary's ALLEGE block (110), not a fixed accusation code
    events = coder.code_text("Brazil alleged that France was aware of the preparations.")
    e = find(events, "BRA", "FRA", "11")
    assert e.code == "110" and e.factuality is Factuality.ASSERTED


def test_young_collections_raise_the_threshold_for_a_block_only() -> None:
    import gc

    from tocsin.coding.pipeline import GC_YOUNG, young_collections

    old = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with young_collections():
            assert gc.get_threshold() == (GC_YOUNG, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        with pytest.raises(ValueError), young_collections():  # restored on an error too
            raise ValueError
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(GC_YOUNG * 2, 5, 5)  # a caller's higher setting is left alone
        with young_collections():
            assert gc.get_threshold() == (GC_YOUNG * 2, 5, 5)
    finally:
        gc.set_threshold(*old)
