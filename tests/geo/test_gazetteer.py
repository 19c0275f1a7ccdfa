"""The shipped gazetteer: country and division points, coverage, abbreviations, the loader."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from tocsin.errors import GeoError
from tocsin.geo.gazetteer import Gazetteer, Place, get_gazetteer
from tocsin.geo.normalize import normalize

# The usual points of countries that averaging divisions used to misplace (GeoNames / Factbook
# style: the middle of the main territory), and how far ours may be from them.
USUAL_POINTS = {
    "NZ": (-41.0, 174.0),  # was in the Tasman Sea (longitudes averaged across 180°)
    "FJ": (-18.0, 178.0),  # was at longitude 106.6
    "KI": (1.4, 173.0),  # was at longitude -51.3
    "RU": (60.0, 100.0),  # was 3,210 km off (mean of its divisions)
    "US": (39.8, -98.6),  # was 817 km off
    "HK": (22.3, 114.2),  # was at (0, 0)
    "PR": (18.2, -66.5),
    "XK": (42.6, 20.9),
    "VA": (41.9, 12.45),
}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture(scope="module")
def by_country(gaz: Gazetteer) -> dict[str, list[Place]]:
    out: dict[str, list[Place]] = {}
    for p in gaz.places:
        if p.kind != "country" and p.cc:
            out.setdefault(p.cc, []).append(p)
    return out


@pytest.mark.parametrize("cc", sorted(USUAL_POINTS))
def test_countries_are_at_their_usual_points(gaz: Gazetteer, cc: str) -> None:
    country = gaz.country(cc)
    assert country is not None
    assert km(country.lat, country.lon, *USUAL_POINTS[cc]) < 300, (country.lat, country.lon)


def test_no_place_at_null_island(gaz: Gazetteer) -> None:
    null = [p for p in gaz.places if abs(p.lat) < 0.01 and abs(p.lon) < 0.01]
    assert null == []
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in gaz.places)


def test_every_country_point_lies_near_its_own_places(
    gaz: Gazetteer, by_country: dict[str, list[Place]]
) -> None:
    """Each country's point is within 750 km of one of its own cities or divisions (the
    scattered US Minor Outlying Islands are the farthest, ~700 km); (0, 0) or an average across
    the antimeridian would be thousands of km away."""
    far = {}
    for cc, country in gaz.countries.items():
        own = by_country.get(cc)
        if not own:
            continue  # Antarctica, Bouvet Island, former states: no places of their own
        nearest = min(km(country.lat, country.lon, p.lat, p.lon) for p in own)
        if nearest > 750:
            far[cc] = round(nearest)
    assert len(gaz.countries) > 240
    assert far == {}


def test_every_country_point_lies_in_its_borders_box(gaz: Gazetteer) -> None:
    """Against countryinfo's borders (test extra): inside the bounding box of the country's
    polygons, widened by 1 degree, in either longitude convention (Fiji, Kiribati, Russia)."""
    countryinfo = pytest.importorskip("countryinfo")
    outside = {}
    for info in countryinfo.all_countries():
        cc = (info.iso() or {}).get("alpha2")
        country = gaz.country(cc) if cc else None
        lons_lats = [
            xy
            for f in (info.geo_json() or {}).get("features", [])
            for poly in _polygons(f.get("geometry") or {})
            for xy in poly[0]
        ]
        if country is None or not lons_lats:
            continue
        if not _in_box(country.lat, country.lon, lons_lats):
            outside[cc] = (country.lat, country.lon)
    assert outside == {}


def _polygons(geometry: dict) -> list:  # type: ignore[type-arg]
    coords = geometry.get("coordinates") or []
    return [coords] if geometry.get("type") == "Polygon" else coords


def _in_box(lat: float, lon: float, points: list) -> bool:  # type: ignore[type-arg]
    lats = [p[1] for p in points]
    if not min(lats) - 1 <= lat <= max(lats) + 1:
        return False
    for shift in (0.0, 360.0):
        lons = [(p[0] + shift) % 360 if shift else p[0] for p in points]
        x = (lon + shift) % 360 if shift else lon
        if min(lons) - 1 <= x <= max(lons) + 1:
            return True
    return False


def test_populated_places_down_to_five_hundred_people(gaz: Gazetteer) -> None:
    assert len(gaz) > 200_000
    assert min(p.pop for p in gaz.places if p.kind == "city" and not p.curated) < 1000
    (brattleboro,) = [e.place for e in gaz.lookup("Brattleboro") if e.place.cc == "US"]
    assert (brattleboro.adm1, brattleboro.kind) == ("US-VT", "city")
    assert 1000 <= brattleboro.pop < 15000


def test_us_counties_are_second_level_divisions(gaz: Gazetteer) -> None:
    lincoln = [e.place for e in gaz.lookup("Lincoln County")]
    assert len({p.adm1 for p in lincoln}) >= 20
    assert all(p.kind == "adm2" and p.cc == "US" for p in lincoln)
    (edgar,) = [e.place for e in gaz.lookup("Edgar County")]
    assert edgar.adm1 == "US-IL" and km(edgar.lat, edgar.lon, 39.68, -87.75) < 50


@pytest.mark.parametrize(
    ("abbr", "code"),
    [("W.Va.", "US-WV"), ("S.C.", "US-SC"), ("Okla.", "US-OK"), ("Ky.", "US-KY"),
     ("Calif.", "US-CA"), ("Ont.", "CA-ON"), ("B.C.", "CA-BC"), ("TX", "US-TX")],
)
def test_press_abbreviations_name_their_division(gaz: Gazetteer, abbr: str, code: str) -> None:
    entries = [e for e in gaz.lookup_key(normalize(abbr)) if e.how == "abbr"]
    assert [e.place.adm1 for e in entries] == [code]
    assert all(e.how != "abbr" for e in gaz.lookup(abbr))  # never a place on its own


def test_abbreviated_name_words_meet_the_full_names() -> None:
    assert normalize("St. Paul") == normalize("Saint Paul") == "saint paul"
    assert normalize("Ft. Worth") == "fort worth" and normalize("Mt. Vernon") == "mount vernon"
    assert normalize("ST") == "st"  # alone it is a word (or a code), not "saint"


def test_loader_names_a_table_that_is_not_a_gazetteer(tmp_path: Path) -> None:
    bad = tmp_path / "places.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as fh:
        fh.write("kind\tname\n")
    with pytest.raises(GeoError, match="not a tocsin gazetteer table"):
        Gazetteer.load(bad)
    with pytest.raises(GeoError, match="cannot read gazetteer"):
        Gazetteer.load(tmp_path / "missing.tsv.gz")


def test_loading_keeps_places_unparsed_until_looked_up(tmp_path: Path) -> None:
    gaz = Gazetteer.load()
    assert gaz.load_seconds > 0
    assert sum(p is not None for p in gaz._places) < 1000  # countries only
    assert gaz.lookup("Miranshah")[0].place.cc == "PK"
