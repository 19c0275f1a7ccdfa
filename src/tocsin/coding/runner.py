"""Coding JSONL files in the ../shared/eval/FORMAT.md contract."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol, TextIO

from tocsin.coding.pipeline import coerce_date
from tocsin.errors import InputError
from tocsin.jsonlines import read_objects
from tocsin.models import Article, Event, Factuality


class ArticleCoder(Protocol):
    """What codes articles (``tocsin.pipeline.Coder``)."""

    def code_articles(self, articles: Iterable[Article], *,
                      options: Mapping[str, Mapping[str, Any]] | None = None
                      ) -> Iterator[tuple[Article, list[Event]]]: ...


def read_records(lines: Iterable[str]) -> Iterator[tuple[Article, dict[str, Any]]]:
    """(article, options) for each JSONL record with ``id`` and ``text``."""
    for lineno, rec in read_objects(lines):
        if "id" not in rec or "text" not in rec:
            raise InputError(f"line {lineno}: a record needs 'id' and 'text'")
        article = Article(id=str(rec["id"]), text=str(rec.get("text") or ""),
                          title=rec.get("title") or None, date=coerce_date(rec.get("date")))
        yield article, dict(rec.get("options") or {})


NO_TARGET = "---"  # PETRARCH's code for an event without a target (kept by the gold sets)


def output_events(events: Iterable[Event], keep: set[str] | None) -> list[dict[str, Any]]:
    """Records of the events to report: one per (source, target, code), factuality filtered.

    Of repeated (source, target, code) events the first asserted one is reported (at the place
    of the first repeat), so an alleged or intended mention never hides an asserted one.
    """
    out: list[dict[str, Any]] = []
    index: dict[tuple[Any, Any, str], int] = {}
    for e in events:
        if keep is not None and e.factuality.value not in keep:
            continue
        rec = e.to_record()
        if rec["target"] is None:
            rec["target"] = NO_TARGET
        key = (rec["source"], rec["target"], rec["code"])
        if key not in index:
            index[key] = len(out)
            out.append(rec)
        elif (e.factuality is Factuality.ASSERTED
              and out[index[key]].get("factuality") != Factuality.ASSERTED.value):
            out[index[key]] = rec
    return out


def code_jsonl(coder: ArticleCoder, src: TextIO, out: TextIO, *, keep: set[str] | None = None,
               progress: Callable[[int, int | None], None] | None = None) -> tuple[int, int]:
    """Code every record of ``src`` into ``out``; returns (records, events written)."""
    options: dict[str, dict[str, Any]] = {}

    def articles() -> Iterator[Article]:
        for article, opts in read_records(src):
            options[article.id] = opts
            yield article

    n_rec = n_ev = 0
    for article, events in coder.code_articles(articles(), options=options):
        recs = output_events(events, keep)
        record = {"id": article.id, "events": recs}
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        n_rec += 1
        n_ev += len(recs)
        if progress is not None:
            progress(n_rec, None)
    return n_rec, n_ev
