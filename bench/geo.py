"""Toponym-resolution benchmark over the hand-labelled set ``data/eval/geo_gold.jsonl``.

Each item is a place mention in a corpus sentence with its expected country (ISO2) and, where
it names one, the expected first-level division (ISO 3166-2) and/or city. The resolver sees the
sentence only (no article context), like a one-sentence news item.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.geo import Geocoder
from tocsin.geo.gazetteer import Place
from tocsin.geo.normalize import normalize
from tocsin.geo.resolve import Mention, resolve_name

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
    items = []
    with (path or default_gold_path()).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                items.append(
                    GoldItem(
                        r["id"],
                        r["sentence"],
                        r["mention"],
                        r["start"],
                        r["end"],
                        r.get("country"),
                        r.get("adm1"),
                        r.get("city"),
                    )
                )
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
    for m in mentions:
        if m.char_span[0] < item.end and item.start < m.char_span[1] and m.place is not None:
            return m.place, True
    context = Counter(m.place.cc for m in mentions if m.place is not None and m.place.cc)
    scored = resolve_name(geocoder.gazetteer, item.mention, dict(context))
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


OVERHEAD_CEILING = 0.10  # geocoding + dates may add at most 10% to end-to-end coding time


def measure_overhead(settings: Any, n_articles: int = 300) -> dict[str, float]:
    """Time the enrichers against parsing + coding on the bundled corpus (one core).

    Parses and codes the first ``n_articles`` corpus articles once (no enrichment), then
    runs ``Geocoder.enrich`` and ``enrich_dates`` over the same docs and events. Times are CPU
    time of this process (robust to other load on the machine). The gazetteer load (once per
    process) is reported apart.
    """
    import time

    from tocsin.coding.bench import corpus_articles
    from tocsin.coding.pipeline import Coder
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
        (a, d, coder.doc_coder.code_doc(d, date=a.date, article_id=a.id)) for a, _, d in parsed
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
