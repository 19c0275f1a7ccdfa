"""Conversion between the data model (Article, Event) and table rows.

The ``events.record`` column holds ``Event.to_record()`` plus the full actors
(``source_actor``/``target_actor``: country, role, kind, entry), so an event read
back is equal to the one written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from tocsin.models import Actor, Article, Event, EventDate, Factuality, Location, Span


def utcnow() -> dt.datetime:
    """Naive UTC timestamp (stored the same way on SQLite and PostgreSQL)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


# -- articles -------------------------------------------------------------------------


def article_to_row(article: Article, source_id: int | None, now: dt.datetime) -> dict[str, Any]:
    """The ``articles`` row of an article (without coded_at)."""
    if not article.content_hash:
        raise ValueError(f"article {article.id!r} has no content_hash")
    return {
        "id": article.id,
        "source_id": source_id,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "date": article.date,
        "dateline": article.dateline,
        "author": article.author,
        "language": article.language,
        "origin": article.origin,
        "content_hash": article.content_hash,
        "near_dup_of": article.near_dup_of,
        "near_dup_score": article.near_dup_score,
        "license": article.license,
        "extra": _json(dict(article.extra)) if article.extra else None,
        "ingested_at": now,
    }


def row_to_article(row: Mapping[str, Any], source_name: str | None) -> Article:
    """An Article from an ``articles`` row (and its source's name)."""
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        date=_as_date(row["date"]),
        dateline=row["dateline"],
        url=row["url"],
        source=source_name,
        author=row["author"],
        language=row["language"],
        origin=row["origin"],
        content_hash=row["content_hash"],
        near_dup_of=row["near_dup_of"],
        near_dup_score=row["near_dup_score"],
        license=row["license"],
        extra=json.loads(row["extra"]) if row["extra"] else {},
    )


def _as_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


# -- events ---------------------------------------------------------------------------


def event_to_record(event: Event) -> dict[str, Any]:
    """The JSON stored in ``events.record``: to_record() plus the full actors."""
    record = event.to_record()
    record["source_actor"] = dataclasses.asdict(event.source) if event.source else None
    record["target_actor"] = dataclasses.asdict(event.target) if event.target else None
    return record


def event_to_row(event: Event, article_id: str, now: dt.datetime) -> dict[str, Any]:
    """The ``events`` row of an event of article ``article_id``."""
    src, tgt, loc, date = event.source, event.target, event.location, event.date
    span = event.sentence_span
    return {
        "article_id": article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": span[0] if span else None,
        "sentence_end": span[1] if span else None,
        "trigger": event.trigger,
        **_actor_columns("source", src),
        **_actor_columns("target", tgt),
        "code": event.code,
        "root_code": event.root_code,
        "name": event.name,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "factuality": event.factuality.value,
        "counts": event.counts,
        "rules": _json(list(event.rules)),
        "article_date": event.article_date,
        "event_date": date.value if date else None,
        "event_date_precision": date.precision if date else None,
        "event_date_expr": date.expression if date else None,
        **_location_columns(loc),
        "record": _json(event_to_record(event.replace(article_id=article_id))),
        "created_at": now,
    }


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_role": actor.role if actor else None,
        f"{prefix}_text": actor.text if actor else None,
    }


def _location_columns(loc: Location | None) -> dict[str, Any]:
    return {
        "geo_name": loc.name if loc else None,
        "geo_level": loc.level if loc else None,
        "geo_country": loc.country_code if loc else None,
        "geo_cameo_country": loc.cameo_country if loc else None,
        "geo_adm1": loc.adm1_code if loc else None,
        "geo_lat": loc.lat if loc else None,
        "geo_lon": loc.lon if loc else None,
        "geo_rule": loc.rule if loc else None,
    }


def row_to_event(row: Mapping[Any, Any]) -> Event:
    """The Event stored in a row (from its ``record`` JSON)."""
    return record_to_event(json.loads(row["record"]))


def record_to_event(rec: Mapping[str, Any]) -> Event:
    """Inverse of :func:`event_to_record`."""
    return Event(
        source=_actor(rec.get("source_actor"), rec.get("source"), rec.get("source_text"),
                      rec.get("source_span")),
        target=_actor(rec.get("target_actor"), rec.get("target"), rec.get("target_text"),
                      rec.get("target_span")),
        code=rec["code"],
        factuality=Factuality(rec.get("factuality") or Factuality.ASSERTED.value),
        name=rec.get("name"),
        goldstein=rec.get("goldstein"),
        quad_class=rec.get("quad_class"),
        plover_type=rec.get("plover_type"),
        plover_mode=rec.get("plover_mode"),
        sentence_index=rec.get("sentence_index"),
        sentence=rec.get("sentence"),
        sentence_span=_span(rec.get("sentence_span")),
        trigger=rec.get("trigger"),
        trigger_span=_span(rec.get("trigger_span")),
        rules=tuple(rec.get("rules") or ()),
        article_id=rec.get("article_id"),
        article_date=_as_date(rec.get("article_date")),
        date=_event_date(rec.get("date")),
        location=_location(rec.get("location")),
        source_location=_location(rec.get("source_location")),
        target_location=_location(rec.get("target_location")),
    )


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value is not None else None


def _actor(full: Mapping[str, Any] | None, code: str | None, text: str | None,
           span: Any) -> Actor | None:
    if full:
        return Actor(**{**full, "span": _span(full.get("span"))})
    if code is None:
        return None
    return Actor(code=code, text=text or "", span=_span(span))


def _event_date(rec: Mapping[str, Any] | None) -> EventDate | None:
    if rec is None:
        return None
    return EventDate(**{**rec, "value": _as_date(rec.get("value")), "span": _span(rec.get("span"))})


def _location(rec: Mapping[str, Any] | None) -> Location | None:
    if rec is None:
        return None
    return Location(**{**rec, "span": _span(rec.get("span"))})
