"""The geo benchmark's scoring and the GeoVirus converter (tiny hand-made inputs)."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path
from typing import Any

import pytest

from bench.geo import (
    EARTH_HALF_CIRCUMFERENCE_KM,
    GoldPlace,
    Scores,
    is_article_set,
    km,
    load_articles,
    log_error_auc,
    most_populous,
)
from tocsin.geo import Geocoder
from tocsin.geo.gazetteer import Place

TOOLS = Path(__file__).parents[2] / "tools"


def _place(cc: str, lat: float, lon: float, name: str = "X") -> Place:
    return Place("city", name, cc, "", "", "", lat, lon, 1000, None)


def test_great_circle_distances() -> None:
    assert km(0, 0, 0, 0) == 0
    assert km(0, 0, 0, 180) == pytest.approx(math.pi * 6371, rel=1e-6)
    assert km(51.5, -0.13, 48.86, 2.35) == pytest.approx(343, abs=3)  # London-Paris


def test_auc_of_the_log_error_runs_from_zero_to_one() -> None:
    assert log_error_auc([0.0, 0.0, 0.0]) == 0.0
    assert log_error_auc([EARTH_HALF_CIRCUMFERENCE_KM] * 3) == pytest.approx(1.0)
    mixed = log_error_auc([0.0, 10.0, 100.0, 1000.0])
    assert 0.2 < mixed < 0.6


def test_scores_count_country_distance_and_unresolved() -> None:
    scores = Scores()
    gold = GoldPlace("Lyon", 0, 4, 45.76, 4.84, "FR")
    scores.add(_place("FR", 45.75, 4.85), gold, found=True)  # right
    scores.add(_place("FR", 48.86, 2.35), gold)  # right country, 390 km off
    scores.add(None, gold)  # unresolved: the largest error
    africa = Place("region", "Africa", "", "", "", "", 7.19, 21.09, 10**9, None, True)
    scores.add(africa, GoldPlace("Africa", 0, 6, 7.18, 21.09, "CF"))  # CF is in Africa
    s = scores.summary()
    assert s["toponyms"] == 4 and s["found"] == 0.25
    assert s["country_accuracy"] == 0.75 and s["acc161"] == 0.5 and s["unresolved"] == 0.25


def test_article_sets_are_told_apart_and_bad_lines_named(tmp_path: Path) -> None:
    good = tmp_path / "set.jsonl"
    record = {"id": "a1", "text": "Floods in Lyon.", "places": [
        {"name": "Lyon", "start": 10, "end": 14, "lat": 45.76, "lon": 4.84, "country": "FR"}]}
    good.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert is_article_set(good)
    (article,) = load_articles(good)
    assert article.places[0].name == article.text[10:14] == "Lyon"
    sentences = tmp_path / "own.jsonl"
    sentences.write_text('{"id": "g1", "sentence": "x", "mention": "x"}\n', encoding="utf-8")
    assert not is_article_set(sentences)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a1", "text": "x", "places": [{"name": "x"}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1: not an article record"):
        load_articles(bad)


def test_most_populous_baseline_ignores_context() -> None:
    place = most_populous(Geocoder.load(), "Paris")
    assert place is not None and place.cc == "FR"


def _converter() -> Any:
    path = TOOLS / "convert_geovirus.py"
    spec = importlib.util.spec_from_file_location("tocsin_convert_geovirus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_converter_reads_one_based_offsets_and_reverse_geocodes(tmp_path: Path) -> None:
    """A two-article file in GeoVirus' layout (start is one past the first character)."""
    xml = tmp_path / "GeoVirus.xml"
    xml.write_text(
        "<articles><article><source>u</source><text>Cases in Lyon, France rose.</text>"
        "<locations><location><name>Lyon</name><start>10</start><end>14</end>"
        "<lat>45.76</lat><lon>4.84</lon><page>p</page></location>"
        "<location><name>France</name><start>16</start><end>22</end>"
        "<lat>46</lat><lon>2</lon><page>p</page></location></locations></article>"
        "<article><text>Nothing here.</text><locations/></article></articles>",
        encoding="utf-8",
    )
    out = tmp_path / "geovirus.jsonl"
    assert _converter().main([str(xml), "-o", str(out)]) == 0
    first, second = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(p["name"], p["start"], p["country"]) for p in first["places"]] == [
        ("Lyon", 9, "FR"), ("France", 15, "FR")]
    assert second["places"] == [] and is_article_set(out)


def test_a_bad_sentence_record_is_named_by_its_line(tmp_path: Path) -> None:
    from bench.geo import load_gold

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "g1", "sentence": "In Lyon.", "mention": "Lyon"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:1: not a gold sentence record"):
        load_gold(bad)
