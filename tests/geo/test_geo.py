"""Geocoding: gazetteer, toponym resolution in context, event locations, CLI, benchmark gate."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tocsin.geo import Geocoder
from tocsin.geo.normalize import normalize
from tocsin.models import Actor, Article, Event

SEED = Path(str(resources.files("tocsin") / "data" / "samples" / "russian-delegation-pakistan.txt"))


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.load()


def _event(
    doc: Any, sent_i: int, trigger: str, source: Actor | None = None, target: Actor | None = None
) -> Event:
    sent = list(doc.sents)[sent_i]
    start = sent.start_char + sent.text.index(trigger)
    return Event(
        source=source,
        target=target,
        code="042",
        sentence_index=sent_i,
        sentence=sent.text,
        sentence_span=(sent.start_char, sent.end_char),
        trigger=trigger,
        trigger_span=(start, start + len(trigger)),
    )


def _seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1].split("One Response")[0]
    return body.replace("Islamabad: ", "", 1).strip()


# -- gazetteer ------------------------------------------------------------------------


def test_normalize_folds_accents_case_and_punctuation() -> None:
    assert normalize("Ḩalab") == "halab"
    assert normalize("The Gaza Strip") == "gaza strip"
    assert normalize("Khyber-Pakhtunkhwa") == "khyber pakhtunkhwa"


def test_gazetteer_has_curated_districts_and_countries(geocoder: Geocoder) -> None:
    gaz = geocoder.gazetteer
    (nw,) = [e.place for e in gaz.lookup("North Waziristan")]
    assert (nw.cc, nw.adm1, nw.kind) == ("PK", "PK-KP", "adm2")
    assert gaz.country("PAK").cc == "PK"
    assert gaz.country("PK").cameo == "PAK"
    assert gaz.country("ROM").cc == "RO"  # CAMEO code differing from ISO alpha-3
    assert gaz.country("KSV").cc == "XK"
    assert gaz.country("IGO") is None
    afghan = gaz.lookup("Afghan")
    assert [(e.place.cc, e.how) for e in afghan] == [("AF", "demonym")]


def test_country_centroid_lies_inside_the_country(geocoder: Geocoder) -> None:
    pk = geocoder.gazetteer.country("PK")
    assert 24 < pk.lat < 37 and 61 < pk.lon < 77
    fr = geocoder.gazetteer.country("FR")  # overseas divisions must not drag it into the sea
    assert 42 < fr.lat < 51 and -5 < fr.lon < 8


# -- candidates of a bare name --------------------------------------------------------


def test_paris_is_france_unless_texas(geocoder: Geocoder) -> None:
    assert geocoder.candidates("Paris")[0][0].country_code == "FR"
    best = geocoder.candidates("Paris, Texas")[0][0]
    assert (best.country_code, best.adm1_code, best.level) == ("US", "US-TX", "city")


def test_georgia_is_the_country_unless_us_context(geocoder: Geocoder) -> None:
    assert geocoder.candidates("Georgia")[0][0].country_code == "GE"
    assert geocoder.candidates("Georgia", ["USA"])[0][0].adm1_code == "US-GA"


def test_type_word_selects_the_division(geocoder: Geocoder) -> None:
    assert geocoder.candidates("Donetsk")[0][0].level == "city"
    best = geocoder.candidates("Donetsk region")[0][0]
    assert (best.level, best.adm1_code) == ("adm1", "UA-14")


def test_context_country_breaks_ties(geocoder: Geocoder) -> None:
    assert geocoder.candidates("Punjab", ["PAK"])[0][0].adm1_code == "PK-PB"
    assert geocoder.candidates("Punjab", ["IND"])[0][0].adm1_code == "IN-PB"


def test_unknown_name_has_no_candidates(geocoder: Geocoder) -> None:
    assert geocoder.candidates("Zzyzqxville") == []


# -- mentions in documents ------------------------------------------------------------


def _resolved(geocoder: Geocoder, doc: Any, **kw: Any) -> dict[str, tuple[str, str, str]]:
    return {
        m.text: (m.payload.cc, m.payload.adm1, m.payload.kind)
        for m in geocoder.mentions(doc, **kw)
        if m.payload is not None
    }


@pytest.mark.slow  # loads the spaCy model
def test_seed_north_waziristan_resolves_to_khyber_pakhtunkhwa(nlp: Any, geocoder: Geocoder) -> None:
    doc = nlp(_seed_body())
    found = _resolved(geocoder, doc, dateline="Islamabad")
    assert found["North Waziristan"][:2] == ("PK", "PK-KP")
    assert found["Afghan"] == ("AF", "", "country")  # "the Afghan border"
    assert found["Pakistan"][0] == "PK"


@pytest.mark.slow  # loads the spaCy model
def test_qualifier_chain_and_ambiguity_in_context(nlp: Any, geocoder: Geocoder) -> None:
    doc = nlp(
        "Protesters gathered in Tbilisi, Georgia. Later a man was shot in Atlanta, Georgia, "
        "and clashes erupted in Miranshah, North Waziristan."
    )
    ms = [(m.text, m.payload.cc, m.payload.adm1) for m in geocoder.mentions(doc) if m.payload]
    assert ("Georgia", "GE", "") in ms and ("Georgia", "US", "US-GA") in ms
    assert ("Miranshah", "PK", "PK-KP") in ms


@pytest.mark.slow  # loads the spaCy model
def test_demonym_alone_is_not_a_place(nlp: Any, geocoder: Geocoder) -> None:
    doc = nlp("Afghan officials met Pakistani diplomats near the Iranian border.")
    found = _resolved(geocoder, doc)
    assert "Afghan" not in found and "Pakistani" not in found
    assert found["Iranian"][0] == "IR"


@pytest.mark.slow  # loads the spaCy model
def test_unresolvable_name_leaves_the_rest_alone(nlp: Any, geocoder: Geocoder) -> None:
    doc = nlp("Fighting spread from Qwertzovo Heights to Kherson and Mykolaiv.")
    found = _resolved(geocoder, doc)
    assert found["Kherson"][:2] == ("UA", "UA-65")
    assert found["Mykolaiv"][0] == "UA"
    assert not any("Qwertzovo" in k for k in found)


@pytest.mark.slow  # loads the spaCy model
def test_common_words_are_not_places(nlp: Any, geocoder: Geocoder) -> None:
    doc = nlp("Police said the deal would be signed in March. Mobile phones were seized.")
    assert _resolved(geocoder, doc) == {}


# -- event locations ------------------------------------------------------------------


@pytest.mark.slow  # loads the spaCy model
def test_seed_visit_is_located_in_pakistan(nlp: Any, geocoder: Geocoder) -> None:
    body = _seed_body()
    doc = nlp(body)
    rus = Actor("RUSMIL", text="Russian military delegation", country="RUS")
    pak = Actor("PAK", text="Pakistan", country="PAK")
    event = _event(doc, 0, "made", rus, pak)
    article = Article(id="seed", text=body, dateline="Islamabad")
    (out,) = geocoder.enrich(doc, [event], article)
    assert out.location.country_code == "PK" and out.location.cameo_country == "PAK"
    assert out.location.rule == "prep-of-verb"
    assert out.source_location.country_code == "RU"
    assert out.target_location.country_code == "PK"
    assert out.target_location.rule == "actor-country"


@pytest.mark.slow  # loads the spaCy model
def test_location_prefers_the_verbs_prepositional_phrase(nlp: Any, geocoder: Geocoder) -> None:
    text = "Russian officials said that troops attacked positions near Bakhmut in Donetsk Oblast."
    doc = nlp(text)
    event = _event(doc, 0, "attacked", Actor("RUSMIL", country="RUS"), Actor("UKR", country="UKR"))
    (out,) = geocoder.enrich(doc, [event], Article(id="a", text=text, dateline="Moscow"))
    assert out.location.country_code == "UA"
    assert out.location.adm1_code == "UA-14"
    assert out.location.rule in {"prep-of-verb", "clause"}


@pytest.mark.slow  # loads the spaCy model
def test_location_falls_back_to_dateline_then_countries(nlp: Any, geocoder: Geocoder) -> None:
    text = "The two ministers discussed trade."
    doc = nlp(text)
    src, tgt = Actor("INDGOV", country="IND"), Actor("CHNGOV", country="CHN")
    event = _event(doc, 0, "discussed", src, tgt)
    (with_dl,) = geocoder.enrich(doc, [event], Article(id="a", text=text, dateline="BEIJING"))
    assert (with_dl.location.rule, with_dl.location.country_code) == ("dateline", "CN")
    (no_dl,) = geocoder.enrich(doc, [event], Article(id="a", text=text))
    assert (no_dl.location.rule, no_dl.location.country_code) == ("target-country", "CN")
    only_src = event.replace(target=None)
    (src_only,) = geocoder.enrich(doc, [only_src], Article(id="a", text=text))
    assert (src_only.location.rule, src_only.location.country_code) == ("source-country", "IN")


@pytest.mark.slow  # loads the spaCy model
def test_location_sentence_rule_skips_actor_places(nlp: Any, geocoder: Geocoder) -> None:
    text = "Pakistan accused India of shelling, officials in Lahore said."
    doc = nlp(text)
    pak = Actor("PAK", text="Pakistan", span=(0, 8), country="PAK")
    ind = Actor("IND", text="India", span=(18, 23), country="IND")
    event = _event(doc, 0, "accused", pak, ind)
    (out,) = geocoder.enrich(doc, [event], Article(id="a", text=text))
    assert out.location.name == "Lahore" and out.location.adm1_code == "PK-PB"


@pytest.mark.slow  # loads the spaCy model
def test_bare_country_names_are_actors_not_locations(nlp: Any, geocoder: Geocoder) -> None:
    text = "Russia is cooperating with Pakistan to ensure that Afghanistan does not fall."
    doc = nlp(text)
    event = _event(doc, 0, "cooperating", Actor("RUS", span=(0, 6), country="RUS"))
    (out,) = geocoder.enrich(doc, [event], Article(id="a", text=text, dateline="Islamabad"))
    assert (out.location.rule, out.location.name) == ("dateline", "Islamabad")


@pytest.mark.slow  # loads the spaCy model
def test_enrich_keeps_every_event(nlp: Any, geocoder: Geocoder) -> None:
    text = "Talks were held. Nothing else happened."
    doc = nlp(text)
    events = [_event(doc, 0, "held"), _event(doc, 1, "happened")]
    out = geocoder.enrich(doc, events, Article(id="a", text=text))
    assert len(out) == 2 and all(e.location is None for e in out)
    assert geocoder.enrich(doc, [], Article(id="a", text=text)) == []


@pytest.mark.slow  # loads the spaCy model
def test_location_record_is_json_ready(nlp: Any, geocoder: Geocoder) -> None:
    text = "Israeli airstrikes across the Gaza Strip kill 26 people."
    doc = nlp(text)
    (out,) = geocoder.enrich(
        doc, [_event(doc, 0, "kill")], Article(id="a", text=text, date=dt.date(2025, 1, 1))
    )
    rec = out.to_record()["location"]
    assert rec["country_code"] == "PS" and rec["text"] == "Gaza Strip"
    assert text[rec["span"][0] : rec["span"][1]] == "Gaza Strip"


# -- CLI and the accuracy gate --------------------------------------------------------


def test_cli_geocode_prints_scored_candidates() -> None:
    from tocsin.cli import main

    result = CliRunner().invoke(main, ["geocode", "North Waziristan", "--context-country", "PAK"])
    assert result.exit_code == 0, result.output
    assert "North Waziristan" in result.output and "PK-KP" in result.output
    empty = CliRunner().invoke(main, ["geocode", "Zzyzqxville"])
    assert empty.exit_code == 0 and "no candidates" in empty.output


@pytest.mark.slow
def test_cli_bench_geo_reports_accuracy(tmp_path: Path) -> None:
    from bench.geo import default_gold_path
    from tocsin.cli import main

    lines = default_gold_path().read_text(encoding="utf-8").splitlines()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines[:20]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["bench-geo", "--gold", str(gold)])
    assert "country accuracy" in result.output and "ADM1/city accuracy" in result.output
    wrong = tmp_path / "wrong.jsonl"  # every expected country changed: must fail the floor
    wrong.write_text(
        "\n".join(ln.replace('"country": "', '"country": "X') for ln in lines[:20]),
        encoding="utf-8",
    )
    failed = CliRunner().invoke(main, ["bench-geo", "--gold", str(wrong)])
    assert failed.exit_code == 1


@pytest.mark.slow
def test_cli_bench_geo_scores_an_external_article_set(tmp_path: Path) -> None:
    import json

    from tocsin.cli import main

    text = "Floods hit Lyon, France, and the Rhone valley; Paris sent help."
    places = [
        {"name": "Lyon", "start": 11, "end": 15, "lat": 45.76, "lon": 4.84, "country": "FR"},
        {"name": "Paris", "start": 48, "end": 53, "lat": 48.86, "lon": 2.35, "country": "FR"},
    ]
    gold = tmp_path / "external.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": text, "places": places}) + "\n")
    result = CliRunner().invoke(main, ["bench-geo", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "gazetteer: loaded in" in result.output
    acc = next(ln for ln in result.output.splitlines() if ln.startswith("acc@161 km"))
    assert acc.split()[2:] == ["1.000", "1.000"]  # tocsin, most-populous baseline
    assert "AUC of log error" in result.output


@pytest.mark.slow
def test_bench_geo_meets_the_floors(nlp: Any, geocoder: Geocoder) -> None:
    from bench.geo import ADM1_CITY_FLOOR, COUNTRY_FLOOR, load_gold, run_bench

    items = load_gold()
    assert len(items) >= 150
    result = run_bench(nlp, geocoder, items)
    assert result.country_accuracy >= COUNTRY_FLOOR, result.errors
    assert result.fine_accuracy >= ADM1_CITY_FLOOR, result.errors


@pytest.mark.slow
def test_shipped_gazetteer_matches_its_sources(tmp_path: Path) -> None:
    """places.tsv.gz is rebuilt whenever a curated table changes (reproducible build)."""
    build = _build_tool()
    out = tmp_path / "places.tsv.gz"
    build.write_places(build.build_rows(build.read_admin1_map()), out)
    assert out.read_bytes() == build.PLACES.read_bytes()


def _build_tool() -> Any:
    """tools/build_gazetteer.py (a script outside the package), imported from its file."""
    import importlib.util

    path = Path(__file__).parents[2] / "tools" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("tocsin_build_gazetteer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_format_location_for_tables(geocoder: Geocoder) -> None:
    from tocsin.geo import format_location

    loc = geocoder.candidates("Miranshah, North Waziristan")[0][0]
    assert format_location(loc).startswith("Miranshah (city, PK, PK-KP) 33.00,70.07")
    assert format_location(None) == "-"
