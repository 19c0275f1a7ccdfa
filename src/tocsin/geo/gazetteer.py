"""The offline gazetteer: an in-memory index over the prebuilt ``places.tsv.gz``.

About 243,000 places (countries, first- and second-level divisions, US counties, populated
places of 500+ people, curated districts and regions) under ~295,000 name keys. The table
stores its keys already normalised, so loading is a split per line and a dict insert per key;
a place's fields are parsed only when a lookup reaches it. Built once per process
(``Gazetteer.load``; ``tocsin bench-geo`` prints the load time and memory).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import logging
import time
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
    how: str  # "name" (primary), "alt" (alternate), "demonym" ("Afghan"), "abbr" ("W.Va.")


HOW = ("name", "alt", "demonym", "abbr")
HEADER = "# tocsin gazetteer v2"


class Gazetteer:
    """Name key -> entries; plus country lookups by ISO2 and CAMEO code.

    ``rows`` are the table's place lines (parsed into a ``Place`` on first use); ``index`` its
    sorted ``key<TAB>codes`` lines, searched by bisection (code = row * 4 + how, ``HOW``:
    primary or equivalent name, alternate name, demonym, qualifier-only abbreviation).
    """

    def __init__(self, rows: list[str], index: list[str]) -> None:
        self._rows = rows
        self._places: list[Place | None] = [None] * len(rows)
        self._index = index
        self._cameo_of: dict[str, str] = {}
        countries = [i for i, r in enumerate(rows) if r.startswith("country\t")]
        for i in countries:
            fields = rows[i].split("\t")
            self._cameo_of[fields[2]] = fields[3]
        self.countries = {p.cc: p for p in (self.place(i) for i in countries)}
        self._by_cameo = {p.cameo: p for p in self.countries.values()}
        self.load_seconds = 0.0

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The gazetteer from its prebuilt table (the one loading function)."""
        path = path or Path(str(resources.files("tocsin") / "data" / "gazetteer" / "places.tsv.gz"))
        started = time.perf_counter()
        try:
            with gzip.open(path, "rb") as fh:
                gaz = cls._from_text(fh.read().decode("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise GeoError(f"cannot read gazetteer {path}: {exc}") from exc
        gaz.load_seconds = time.perf_counter() - started
        log.debug("gazetteer: %d places loaded in %.2f s", len(gaz), gaz.load_seconds)
        return gaz

    @classmethod
    def _from_text(cls, text: str) -> Gazetteer:
        lines = text.split("\n")  # no partition(): one copy of the table fewer at the peak
        del text
        fields = lines[0].split("\t")
        if fields[0] != HEADER or len(fields) < 2 or not fields[1].isdigit():
            raise ValueError(f"not a tocsin gazetteer table (expected a {HEADER!r} header)")
        if not lines[-1]:
            lines.pop()
        n = int(fields[1])
        return cls(lines[1 : n + 1], lines[n + 1 :])

    def __len__(self) -> int:
        return len(self._rows)

    def place(self, i: int) -> Place:
        """The place of table row ``i`` (parsed once)."""
        place = self._places[i]
        if place is None:
            kind, name, cc, cameo, adm1, adm1_name, lat, lon, pop, gid = self._rows[i].split("\t")
            curated = kind.endswith("*")
            place = Place(
                kind.rstrip("*"),
                name,
                cc,
                cameo or self._cameo_of.get(cc, ""),
                adm1,
                adm1_name,
                float(lat),
                float(lon),
                int(pop or 0),
                int(gid) if gid else None,
                curated,
            )
            self._places[i] = place
        return place

    @property
    def places(self) -> list[Place]:
        """Every place (parses the whole table: for tests and tools, not for lookups)."""
        return [self.place(i) for i in range(len(self._rows))]

    def lookup(self, name: str) -> list[Entry]:
        """All entries under a name (normalised), abbreviations excluded."""
        return [e for e in self.lookup_key(normalize(name)) if e.how != "abbr"]

    def lookup_key(self, key: str) -> list[Entry]:
        """All entries under an already normalised key, abbreviations included."""
        probe = key + "\t"
        i = bisect.bisect_left(self._index, probe)
        if i == len(self._index) or not self._index[i].startswith(probe):
            return []
        codes = self._index[i][len(probe) :].split(",")
        return [Entry(self.place(int(c) >> 2), HOW[int(c) & 3]) for c in codes]

    def has_key(self, key: str) -> bool:
        probe = key + "\t"
        i = bisect.bisect_left(self._index, probe)
        return i < len(self._index) and self._index[i].startswith(probe)

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


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer.load()
