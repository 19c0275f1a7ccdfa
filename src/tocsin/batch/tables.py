"""The three Parquet tables a batch writes per partition, and their conversions.

- ``articles``: one row per article read (text and metadata, plus its MinHash
  fingerprint, so ``tocsin load`` deduplicates without hashing again);
- ``mentions``: one row per coded event mention (an event found in one sentence: what
  the store's ``events`` table holds), with the full event as JSON in ``record``;
- ``events``: one row per distinct (article, source, target, code, factuality): what
  ``tocsin code`` lists for a record, with the number of sentences that mention it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from tocsin.models import Article, Event
from tocsin.store.convert import event_to_record, record_to_event

ARTICLES = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("text", pa.string()), ("date", pa.date32()),
    ("dateline", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("author", pa.string()), ("language", pa.string()), ("origin", pa.string()),
    ("content_hash", pa.string()), ("license", pa.string()), ("extra", pa.string()),
    ("num_shingles", pa.int64()), ("signature", pa.binary()),
])

MENTIONS = pa.schema([
    ("article_id", pa.string()), ("sentence_index", pa.int64()), ("source_code", pa.string()),
    ("target_code", pa.string()), ("code", pa.string()), ("root_code", pa.string()),
    ("factuality", pa.string()), ("counts", pa.bool_()), ("goldstein", pa.float64()),
    ("quad_class", pa.int64()), ("plover_type", pa.string()), ("event_date", pa.date32()),
    ("geo_country", pa.string()), ("geo_lat", pa.float64()), ("geo_lon", pa.float64()),
    ("sentence", pa.string()), ("record", pa.string()),
])

EVENTS = pa.schema([
    ("article_id", pa.string()), ("source_code", pa.string()), ("target_code", pa.string()),
    ("code", pa.string()), ("root_code", pa.string()), ("factuality", pa.string()),
    ("counts", pa.bool_()), ("goldstein", pa.float64()), ("quad_class", pa.int64()),
    ("plover_type", pa.string()), ("num_mentions", pa.int64()),
    ("first_sentence", pa.int64()), ("event_date", pa.date32()),
])

SCHEMAS = {"articles": ARTICLES, "events": EVENTS, "mentions": MENTIONS}


def article_row(art: Article, num_shingles: int, signature: bytes) -> dict[str, Any]:
    return {
        "id": art.id, "title": art.title, "text": art.text, "date": art.date,
        "dateline": art.dateline, "url": art.url, "source": art.source, "author": art.author,
        "language": art.language, "origin": art.origin, "content_hash": art.content_hash,
        "license": art.license,
        "extra": json.dumps(art.extra, sort_keys=True, default=str) if art.extra else None,
        "num_shingles": num_shingles, "signature": signature,
    }


def row_article(row: dict[str, Any]) -> Article:
    """The Article of an ``articles`` row (as read back by ``tocsin load``)."""
    return Article(
        id=row["id"], text=row["text"], title=row["title"], date=_date(row["date"]),
        dateline=row["dateline"], url=row["url"], source=row["source"], author=row["author"],
        language=row["language"], origin=row["origin"], content_hash=row["content_hash"],
        license=row["license"], extra=json.loads(row["extra"]) if row["extra"] else {},
    )


def mention_row(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "article_id": ev.article_id, "sentence_index": ev.sentence_index,
        "source_code": ev.source.code if ev.source else None,
        "target_code": ev.target.code if ev.target else None,
        "code": ev.code, "root_code": ev.root_code, "factuality": ev.factuality.value,
        "counts": ev.counts, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        "plover_type": ev.plover_type, "event_date": ev.date.value if ev.date else None,
        "geo_country": loc.country_code if loc else None,
        "geo_lat": loc.lat if loc else None, "geo_lon": loc.lon if loc else None,
        "sentence": ev.sentence,
        "record": json.dumps(event_to_record(ev), sort_keys=True, default=str),
    }


def row_event(row: dict[str, Any]) -> Event:
    """The Event of a ``mentions`` row, equal to the one coded."""
    return record_to_event(json.loads(row["record"]))


def event_rows(mentions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct (article, source, target, code, factuality) of an article's mentions."""
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for m in mentions:
        key = (m["article_id"], m["source_code"], m["target_code"], m["code"], m["factuality"])
        if key in found:
            found[key]["num_mentions"] += 1
            continue
        found[key] = {name: m[name] for name in EVENTS.names if name in m}
        found[key].update(num_mentions=1, first_sentence=m["sentence_index"])
    return list(found.values())


def to_table(name: str, rows: Iterable[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=SCHEMAS[name])


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
