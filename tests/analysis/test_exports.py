"""Exports: GDELT 2.0 event table read back with its codebook types, PLOVER JSON, Parquet, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tocsin import analysis
from tocsin.analysis.exports import GDELT_COLUMNS
from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.cli import main
from tocsin.errors import InputError
from tocsin.models import Location
from tocsin.store import Store

D0 = dt.date(2025, 3, 3)

# GDELT 2.0 event codebook: integer and float columns (the rest are strings).
INT_COLUMNS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
               "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
               "ActionGeo_Type", "DATEADDED"}
FLOAT_COLUMNS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                 "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}


@pytest.fixture
def store(sqlite_settings: Any) -> Any:
    s = Store.open(sqlite_settings)
    story = [{"source": "RUSMIL", "target": "PAKMIL", "code": "042",
              "sentence": "A Russian military delegation arrived in Rawalpindi."}]
    add_articles_with_events(s, [
        {"id": "a", "date": D0, "source": "Dawn", "events": story + [
            {"source": "IGOUNO", "target": "AFG", "code": "0233", "factuality": "negated"}]},
        {"id": "b", "date": D0, "source": "Dawn mirror", "near_dup_of": "a", "events": story},
        {"id": "c", "date": D0 + dt.timedelta(days=3), "source": "AP",
         "events": [{"source": "INDGOV", "target": "PAKGOV", "code": "112"}]},
    ])
    # give the first event a location, through the store API
    loc = Location("Rawalpindi", "city", "PK", "PAK", "PK-PB", "Punjab", 33.6, 73.07, 1166993)
    s.replace_events({"a": [e.replace(location=loc) if e.code == "042" else e
                            for _, e in s.iter_events(article_id="a")]})
    analysis.refresh(s)  # as the pipeline does after a write
    yield s
    s.close()


def _typed(name: str, value: str) -> Any:
    if value == "":
        return None
    if name in INT_COLUMNS:
        return int(value)
    if name in FLOAT_COLUMNS:
        return float(value)
    return value


def test_gdelt_export_reads_back_with_codebook_columns_and_types(store: Any,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "events.export.CSV"
    n = analysis.export(store, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 2  # the near-duplicate mention and the negated event are not rows
    rows = [{c: _typed(c, v) for c, v in zip(GDELT_COLUMNS, line.split("\t"), strict=True)}
            for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    first = rows[0]
    assert first["SQLDATE"] == 20250303 and first["MonthYear"] == 202503 and first["Year"] == 2025
    assert first["FractionDate"] == pytest.approx(2025 + 62 / 365, abs=1e-4)
    actor1 = (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"])
    assert actor1 == ("RUSMIL", "RUS", "MIL")
    assert (first["Actor2Code"], first["Actor2CountryCode"]) == ("PAKMIL", "PAK")
    codes = (first["EventCode"], first["EventBaseCode"], first["EventRootCode"])
    assert codes == ("042", "042", "04")
    assert first["QuadClass"] == 1 and isinstance(first["GoldsteinScale"], float)
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == (2, 1, 1)
    assert first["ActionGeo_Type"] == 4 and first["ActionGeo_FullName"] == "Rawalpindi"
    assert first["ActionGeo_CountryCode"] == "PK" and first["ActionGeo_Lat"] == pytest.approx(33.6)
    assert first["ActionGeo_FeatureID"] == "1166993"
    assert len(str(first["DATEADDED"])) == 14
    assert first["SOURCEURL"] == "https://example.org/a"
    assert rows[1]["Actor1Code"] == "INDGOV" and rows[1]["ActionGeo_Type"] == 0


def test_gdelt_header_and_all_events(store: Any, tmp_path: Path) -> None:
    out = tmp_path / "g.tsv"
    n = analysis.export(store, "gdelt", out, header=True, all_events=True)
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert n == 3 and len(lines) == 4
    igo = next(line.split("\t") for line in lines[1:] if line.split("\t")[5] == "IGOUNO")
    assert igo[8] == "UNO"  # Actor1KnownGroupCode


def test_plover_export(store: Any, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    analysis.export(store, "plover", out)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert recs[0]["actor"] == "RUSMIL" and recs[0]["recipient"] == "PAKMIL"
    assert recs[0]["event_type"] == "CONSULT" and recs[0]["date"] == "2025-03-03"
    assert recs[0]["geolocation"]["name"] == "Rawalpindi" and recs[0]["num_mentions"] == 2
    assert "delegation" in recs[0]["source_text"]
    assert {"id", "date", "actor", "recipient", "event_type", "mode", "context", "source_text",
            "geolocation"} <= set(recs[0])


def test_parquet_and_csv_export_the_events_table(store: Any, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    n = analysis.export(store, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert n == table.num_rows == 4
    wanted = {"id", "source_code", "identity_id", "near_dup", "event_date", "counts"}
    assert wanted <= set(table.column_names)
    assert table.column("near_dup").to_pylist().count(True) == 1
    analysis.export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4 and rows[0]["source_code"] and "record" not in rows[0]


def test_export_bad_format(store: Any, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        analysis.export(store, "xml", tmp_path / "x")


def test_export_cli(sqlite_settings: Any, store: Any, tmp_path: Path) -> None:
    out = tmp_path / "cli.tsv"
    res = CliRunner().invoke(main, ["--data-dir", str(sqlite_settings.data_dir), "export",
                                    "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote 2 rows" in res.output and len(out.read_text().splitlines()) == 2
