"""Synthetic events for benchmarks and tests: plausible rows, generated fast.

Rows go straight into the store's tables (``bench/queries.py``), bypassing the
coder; every column the analysis reads is filled, the JSON ``record`` is minimal.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import numpy as np

COUNTRIES = (
    "RUS", "PAK", "IND", "USA", "CHN", "UKR", "ISR", "IRN", "PSE", "SYR", "TUR", "AFG", "GBR",
    "FRA", "DEU", "JPN", "KOR", "PRK", "SAU", "EGY", "IRQ", "YEM", "LBN", "SDN", "ETH", "NGA",
    "COD", "VEN", "COL", "MEX", "BRA", "THA", "KHM", "MMR", "BGD", "ARM", "AZE", "SRB", "POL",
    "QAT",
)
ROLES = ("GOV", "MIL", "", "REB", "BUS", "CVL", "OPP", "JUD")
WORDS = ("talks", "strike", "border", "delegation", "ceasefire", "sanctions", "troops",
         "visit", "protest", "aid", "missile", "agreement", "drone", "summit", "election")


def cameo_codes() -> list[dict[str, Any]]:
    """CAMEO codes with Goldstein, quad class and PLOVER type, from the bundled ontology."""
    path = resources.files("tocsin") / "data" / "ontology" / "cameo_events.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for r in rows:
        if len(r["code"]) < 3 or not r["goldstein"]:
            continue
        out.append({"code": r["code"], "name": r["name"], "goldstein": float(r["goldstein"]),
                    "quad_class": int(r["quad_class"]), "root_code": r["root_code"],
                    "plover_type": r["plover_category"] or None,
                    "plover_mode": r["plover_mode"] or None})
    return out


def generate(n_events: int, *, seed: int = 7, start: dt.date = dt.date(2025, 1, 1),
             days: int = 600, per_article: int = 5, n_sources: int = 20,
             near_dup_rate: float = 0.02) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                    Iterator[dict[str, Any]]]:
    """(source rows, article rows, event rows) for ``n_events`` synthetic events."""
    rng = np.random.default_rng(seed)
    now = dt.datetime(2026, 9, 1, 12, 0, 0)
    sources = [{"id": i + 1, "name": f"synthetic-source-{i + 1}"} for i in range(n_sources)]
    n_articles = max(1, -(-n_events // per_article))
    art_days = rng.integers(0, days, n_articles)
    art_src = rng.integers(1, n_sources + 1, n_articles)
    dup = rng.random(n_articles) < near_dup_rate
    articles = []
    for i in range(n_articles):
        articles.append({
            "id": f"syn-{i}", "source_id": int(art_src[i]), "url": f"https://example.org/{i}",
            "title": f"Synthetic story {i}", "text": f"synthetic article {i}",
            "date": start + dt.timedelta(days=int(art_days[i])), "language": "en",
            "content_hash": f"synthetic-{seed}-{i}",
            "near_dup_of": f"syn-{i - 1}" if dup[i] and i > 0 else None,
            "near_dup_score": 0.9 if dup[i] and i > 0 else None,
            "extra": "{}", "ingested_at": now, "coded_at": now,
        })
    return sources, articles, _events(rng, n_events, articles, per_article, now)


def _events(rng: np.random.Generator, n: int, articles: list[dict[str, Any]], per_article: int,
            now: dt.datetime) -> Iterator[dict[str, Any]]:
    codes = cameo_codes()
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 0.8
    weights /= weights.sum()
    src = rng.choice(len(COUNTRIES), n, p=weights)
    tgt = rng.choice(len(COUNTRIES), n, p=weights)
    roles = rng.integers(0, len(ROLES), (n, 2))
    code_ix = rng.integers(0, len(codes), n)
    fact = rng.random(n)
    words = rng.integers(0, len(WORDS), n)
    shift = rng.integers(-3, 1, n)
    for i in range(n):
        art = articles[min(i // per_article, len(articles) - 1)]
        c = codes[code_ix[i]]
        s, t = COUNTRIES[src[i]], COUNTRIES[tgt[i]]
        sr, tr = ROLES[roles[i, 0]], ROLES[roles[i, 1]]
        factuality = "asserted" if fact[i] < 0.8 else "intended" if fact[i] < 0.88 else "alleged"
        yield {
            "article_id": art["id"], "sentence_index": i % per_article,
            "sentence": f"{s} {sr} {WORDS[words[i]]} {c['name']} {t} {tr}".strip(),
            "trigger": WORDS[words[i]], "source_code": s + sr, "source_country": s,
            "source_role": sr or None, "source_text": s, "target_code": t + tr,
            "target_country": t, "target_role": tr or None, "target_text": t,
            "code": c["code"], "root_code": c["root_code"], "name": c["name"],
            "goldstein": c["goldstein"], "quad_class": c["quad_class"],
            "plover_type": c["plover_type"], "plover_mode": c["plover_mode"],
            "factuality": factuality, "counts": factuality in ("asserted", "intended"),
            "rules": "[]", "article_date": art["date"],
            "event_date": art["date"] + dt.timedelta(days=int(shift[i])) if shift[i] else None,
            "event_date_precision": "day", "record": json.dumps({"synthetic": True}),
            "created_at": now,
        }


# --------------------------------------------------------------------------- small stores

_CODES: dict[str, dict[str, Any]] | None = None


def cameo(code: str) -> dict[str, Any]:
    """Ontology attributes (name, Goldstein, quad class, PLOVER) of one CAMEO code."""
    global _CODES
    if _CODES is None:
        _CODES = {c["code"]: c for c in cameo_codes()}
    return _CODES[code]


def make_event(source: str, target: str | None, code: str, *, article_id: str,
               day: dt.date | None = None, factuality: str = "asserted",
               sentence: str | None = None, sentence_index: int = 0) -> Any:
    """A tocsin Event with the ontology's Goldstein/quad/PLOVER for ``code``."""
    from tocsin.models import Actor, Event, EventDate, Factuality

    c = cameo(code)

    def actor(code_: str | None) -> Actor | None:
        if not code_:
            return None
        return Actor(code_, text=code_, country=code_[:3], role=code_[3:6] or None)

    return Event(
        source=actor(source), target=actor(target), code=code, name=c["name"],
        factuality=Factuality(factuality), goldstein=c["goldstein"], quad_class=c["quad_class"],
        plover_type=c["plover_type"], plover_mode=c["plover_mode"],
        sentence_index=sentence_index,
        sentence=sentence or f"{source} {c['name'].lower()} {target or ''}".strip(),
        article_id=article_id, date=EventDate(day, "day", rule="test") if day else None,
    )


def add_articles_with_events(store: Any, stories: list[dict[str, Any]], *,
                             refresh: bool = True) -> None:
    """Store articles and their events through the Store API, then refresh identities and
    alerts as the pipeline does after coding (unless ``refresh`` is False).

    Each story: ``id``, ``date``, optional ``source``, ``near_dup_of``, ``text``, and
    ``events``: a list of make_event keyword dicts (article_id is filled in).
    """
    from tocsin.models import Article

    arts = [Article(id=s["id"], text=s.get("text") or f"story {s['id']}", date=s.get("date"),
                    source=s.get("source", "wire"), url=f"https://example.org/{s['id']}",
                    content_hash=f"hash-{s['id']}", near_dup_of=s.get("near_dup_of"),
                    near_dup_score=0.95 if s.get("near_dup_of") else None)
            for s in stories]
    store.add_articles(arts)
    mapping = {}
    for s in stories:
        evs = []
        for i, e in enumerate(s.get("events", [])):
            kw = {"sentence_index": i, **e}  # one sentence per event unless told otherwise
            src, tgt, code = kw.pop("source"), kw.pop("target"), kw.pop("code")
            ev = make_event(src, tgt, code, article_id=s["id"], **kw)
            evs.append(ev.replace(article_date=s.get("date")))
        mapping[s["id"]] = evs
    store.replace_events(mapping)
    if refresh:
        from tocsin.analysis.refresh import refresh as refresh_step

        refresh_step(store)
