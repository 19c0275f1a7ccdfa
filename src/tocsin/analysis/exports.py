"""Exports: GDELT 2.0 event table, PLOVER/POLECAT-style JSON lines, Parquet and CSV.

``gdelt`` and ``plover`` write one row per *event* (identity) with its mention counts;
``parquet`` and ``csv`` write the raw events table (one row per mention) with each
row's identity id and near-duplicate flag.

GDELT differences, by necessity: geographic country codes are ISO 3166-1 alpha-2 (GDELT
uses FIPS 10-4), ADM1 codes ISO 3166-2, FeatureID the GeoNames id where known, and AvgTone
is empty (tocsin does no tone analysis). Events with no date at all (neither an event nor
an article date) are left out of the GDELT file, whose SQLDATE is mandatory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from tocsin import registry
from tocsin.analysis.common import Store, jsonable, parse_date
from tocsin.errors import InputError

log = logging.getLogger(__name__)


GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
GROUP_ROOTS = ("IGO", "NGO", "MNC", "IMG", "UIS")


# --------------------------------------------------------------------------- GDELT

def _geo_type(level: str | None, country: str | None) -> int:
    us = (country or "").upper() == "US"
    if level in ("city", "adm2", "place"):
        return 3 if us else 4
    if level == "adm1":
        return 2 if us else 5
    return 1 if level else 0


def _geo(loc: Mapping[str, Any] | None) -> list[Any]:
    if not loc or not loc.get("name"):
        return [0, "", "", "", "", "", "", ""]
    return [
        _geo_type(loc.get("level"), loc.get("country_code")), loc.get("name") or "",
        loc.get("country_code") or "", loc.get("adm1_code") or "", "",
        _num(loc.get("lat")), _num(loc.get("lon")), loc.get("geoname_id") or "",
    ]


def _num(value: Any) -> Any:
    return "" if value is None else round(float(value), 6)


def _actor(code: str | None, text: str | None, country: str | None,
           role: str | None) -> list[Any]:
    code = code or ""
    root = code[:3]
    group = code[3:6] if root in GROUP_ROOTS else ""
    chunks = [code[i:i + 3] for i in range(3, len(code), 3)]
    types = ([role] if role else []) + [c for c in chunks if c != role and c != group]
    types = (types + ["", "", ""])[:3]
    name = (text or "").upper()
    return [code, name, country or (root if code and not group else ""), group, "", "", "",
            *types]


def gdelt_row(r: Mapping[str, Any]) -> list[Any]:
    """One GDELT 2.0 event-table row (61 fields) from an identity export row."""
    day: dt.date | None = r["day"]
    record = json.loads(r["record"]) if r.get("record") else {}
    action = {
        "name": r["geo_name"], "level": r["geo_level"], "country_code": r["geo_country"],
        "adm1_code": r["geo_adm1"], "lat": r["geo_lat"], "lon": r["geo_lon"],
        "geoname_id": (record.get("location") or {}).get("geoname_id"),
    }
    code = r["code"] or ""
    added = r.get("created_at")
    return [
        r["identity_id"],
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_actor(r["source_code"], r["source_text"], r["source_country"], r["source_role"]),
        *_actor(r["target_code"], r["target_text"], r["target_country"], r["target_role"]),
        1 if (r["sentence_index"] is not None and r["sentence_index"] <= 0) else 0,
        code, code[:3], code[:2], r["quad_class"] or "",
        _num(r["goldstein"]), r["num_mentions"], r["num_sources"], r["num_articles"], "",
        *_geo(record.get("source_location")),
        *_geo(record.get("target_location")),
        *_geo(action),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        r["url"] or "",
    ]


def _clean(value: Any) -> str:
    return str(value).replace("\t", " ").replace("\n", " ")


def write_gdelt(rows: Iterable[Mapping[str, Any]], fh: IO[str], header: bool = False) -> int:
    if header:
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for r in rows:
        fh.write("\t".join(_clean(v) for v in gdelt_row(r)) + "\n")
        n += 1
    return n


# --------------------------------------------------------------------------- PLOVER

def plover_record(r: Mapping[str, Any]) -> dict[str, Any]:
    """A PLOVER/POLECAT-style event record from an identity export row."""
    record = json.loads(r["record"]) if r.get("record") else {}
    geo = None
    if r["geo_name"]:
        geo = {"name": r["geo_name"], "level": r["geo_level"], "country_iso2": r["geo_country"],
               "country": r["geo_cameo_country"], "adm1": r["geo_adm1"],
               "lat": r["geo_lat"], "lon": r["geo_lon"],
               "geonames_id": (record.get("location") or {}).get("geoname_id")}
    return jsonable({
        "id": str(r["identity_id"]), "event_id": r["id"], "date": r["day"],
        "story_date": r["article_date"], "date_precision": r["event_date_precision"],
        "actor": r["source_code"], "actor_name": r["source_text"],
        "actor_country": r["source_country"], "actor_sector": r["source_role"],
        "recipient": r["target_code"], "recipient_name": r["target_text"],
        "recipient_country": r["target_country"], "recipient_sector": r["target_role"],
        "event_type": r["plover_type"], "mode": r["plover_mode"],
        "context": record.get("context") or [],
        "cameo_code": r["code"], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
        "factuality": r["factuality"], "num_mentions": r["num_mentions"],
        "num_sources": r["num_sources"], "num_articles": r["num_articles"],
        "source_text": r["sentence"], "trigger": r["trigger"], "article_id": r["article_id"],
        "source_url": r["url"], "publisher": r["source_name"], "geolocation": geo,
    })


def write_plover(rows: Iterable[Mapping[str, Any]], fh: IO[str]) -> int:
    n = 0
    for r in rows:
        fh.write(json.dumps(plover_record(r), ensure_ascii=False) + "\n")
        n += 1
    return n


# --------------------------------------------------------------------------- events table

def _arrow_schema() -> Any:
    import pyarrow as pa

    kinds = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "datetime": pa.timestamp("us"), "str": pa.string()}
    fields = [pa.field(name, kinds[kind]) for name, kind in Store.event_columns()]
    fields += [pa.field("identity_id", pa.int64()), pa.field("near_dup", pa.bool_())]
    return pa.schema(fields)


def _batches(rows: Iterable[dict[str, Any]], size: int = 20_000) -> Iterator[list[dict[str, Any]]]:
    buf: list[dict[str, Any]] = []
    for r in rows:
        buf.append(r)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(rows):
            cols = {f.name: [r.get(f.name) for r in batch] for f in schema}
            writer.write_table(pa.table(cols, schema=schema))
            n += len(batch)
    return n


def write_csv(rows: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    names = [f.name for f in _arrow_schema()]
    writer = csv.DictWriter(fh, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in jsonable(r).items()})
        n += 1
    return n


# --------------------------------------------------------------------------- exporters
# Each exporter is registered in tocsin.builtins as ``tocsin.exporters.<format>.v1``:
# ``(store, path, options) -> rows written``.

def _identity_rows(store: Store, options: Mapping[str, Any], *, dated: bool
                   ) -> Iterator[dict[str, Any]]:
    return store.identity_export_rows(counting_only=not options.get("all_events"),
                                      since=options.get("since"), until=options.get("until"),
                                      dated_only=dated)


def export_gdelt(store: Store, path: Path, options: Mapping[str, Any]) -> int:
    """GDELT 2.0 event table (tab-separated, one row per event)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        return write_gdelt(_identity_rows(store, options, dated=True), fh,
                           bool(options.get("header")))


def export_plover(store: Store, path: Path, options: Mapping[str, Any]) -> int:
    """PLOVER/POLECAT-style JSON lines (one record per event)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        return write_plover(_identity_rows(store, options, dated=False), fh)


def export_parquet(store: Store, path: Path, options: Mapping[str, Any]) -> int:
    """The events table (one row per mention) as Parquet."""
    return write_parquet(store.event_export_rows(), path)


def export_csv(store: Store, path: Path, options: Mapping[str, Any]) -> int:
    """The events table (one row per mention) as CSV."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        return write_csv(store.event_export_rows(), fh)


def formats() -> list[str]:
    """The export formats: the short names of the exporters registry."""
    return registry.exporters.choices()


def export(store: Store, fmt: str, path: str | Path, *, header: bool = False,
           all_events: bool = False, since: Any = None, until: Any = None) -> int:
    """Write the store's events in ``fmt`` to ``path``; the number of rows written."""
    if fmt not in registry.exporters:
        raise InputError(f"invalid export format {fmt!r}: expected one of {', '.join(formats())}")
    options = {"header": header, "all_events": all_events,
               "since": parse_date(since, "since"), "until": parse_date(until, "until")}
    path = Path(path)
    n = int(registry.exporters.get(fmt)(store, path, options))
    log.info("exported %d rows to %s (%s)", n, path, fmt)
    return n
