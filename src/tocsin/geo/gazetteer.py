"""The offline gazetteer: an in-memory index over the prebuilt ``places.tsv.gz``.

About 39,000 places (countries, first-level divisions, cities of 15,000+ people, curated
districts and regions) with ~200,000 name keys; built once per process (~0.5 s, tens of MB).
"""

from __future__ import annotations

import functools
import gzip
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tocsin.errors import GeoError
from tocsin.geo.normalize import normalize

log = logging.getLogger(__name__)

KIND_RANK = {"country": 0, "adm1": 1, "region": 1, "adm2": 2, "city": 3}
# CAMEO pseudo-countries used by actor codes, mapped to the ISO country of their territory.
CAMEO_SPECIAL = {
    "WSB": "PS",
    "GZS": "PS",
    "KAS": "IN",
    "ROM": "RO",
    "MTN": "ME",
    "KSV": "XK",
    "TMP": "TL",
    "IMY": "IM",
    "BAG": "IQ",
    "ANT": "CW",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    kind: str  # country | adm1 | adm2 | region | city
    name: str
    cc: str  # ISO 3166-1 alpha-2 ("" for supranational regions like the Sahel)
    cameo: str  # CAMEO / ISO alpha-3 country code
    adm1: str  # ISO 3166-2 code of the first-level division ("" if unknown / not applicable)
    adm1_name: str
    lat: float
    lon: float
    pop: int
    gid: int | None  # GeoNames id
    curated: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """A place reachable under one name key, and how the name relates to it."""

    place: Place
    how: str  # "name" (primary), "alt" (alternate name), "demonym" ("Afghan")


class Gazetteer:
    """Name key -> entries; plus country lookups by ISO2 and CAMEO code."""

    def __init__(self, places: list[Place], names: dict[str, list[Entry]]) -> None:
        self.places = places
        self._names = names
        self.countries = {p.cc: p for p in places if p.kind == "country"}
        self._by_cameo = {p.cameo: p for p in self.countries.values()}
        self.max_tokens = max((k.count(" ") + 1 for k in names), default=1)
        self.load_seconds = 0.0

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        path = path or Path(str(resources.files("tocsin") / "data" / "gazetteer" / "places.tsv.gz"))
        started = time.perf_counter()
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                gaz = cls._from_lines(iter(fh))
        except (OSError, ValueError) as exc:
            raise GeoError(f"cannot read gazetteer {path}: {exc}") from exc
        gaz.load_seconds = time.perf_counter() - started
        log.debug("gazetteer loaded in %.2f s", gaz.load_seconds)
        return gaz

    @classmethod
    def _from_lines(cls, lines: Iterator[str]) -> Gazetteer:
        next(lines)  # header
        places: list[Place] = []
        names: dict[str, list[Entry]] = {}
        cameo_of: dict[str, str] = {}
        for line in lines:
            kind, name, cc, cameo, adm1, adm1_name, lat, lon, pop, gid, alts = line.rstrip(
                "\n"
            ).split("\t")
            curated = kind.endswith("*")
            kind = kind.rstrip("*")
            if kind == "country":
                cameo_of[cc] = cameo
            place = Place(
                kind,
                name,
                cc,
                cameo or cameo_of.get(cc, ""),
                adm1,
                adm1_name,
                float(lat),
                float(lon),
                int(pop or 0),
                int(gid) if gid else None,
                curated,
            )
            places.append(place)
            _add(names, normalize(name), Entry(place, "name"))
            for key in alts.split("|") if alts else ():
                if key[0] == "@":
                    _add(names, key[1:], Entry(place, "demonym"))
                elif key[0] == "=":
                    _add(names, key[1:], Entry(place, "name"))
                else:
                    _add(names, key, Entry(place, "alt"))
        log.debug("gazetteer: %d places, %d name keys", len(places), len(names))
        return cls(places, names)

    def lookup(self, name: str) -> list[Entry]:
        """All entries under a name (normalised)."""
        return self._names.get(normalize(name), [])

    def lookup_key(self, key: str) -> list[Entry]:
        return self._names.get(key, [])

    def has_key(self, key: str) -> bool:
        return key in self._names

    def country(self, code: str | None) -> Place | None:
        """Country by ISO2, ISO3 or CAMEO code ("PAK", "PK", "KSV")."""
        if not code:
            return None
        code = code.upper()
        if len(code) == 2:
            return self.countries.get(code)
        if code in CAMEO_SPECIAL:
            return self.countries.get(CAMEO_SPECIAL[code])
        return self._by_cameo.get(code)


def _add(names: dict[str, list[Entry]], key: str, entry: Entry) -> None:
    """Add an entry under an already normalised key (one entry per place and key)."""
    bucket = names.setdefault(key, [])
    for i, old in enumerate(bucket):
        if old.place is entry.place:
            if entry.how == "name" and old.how != "name":
                bucket[i] = entry
            return
    bucket.append(entry)


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer.load()
