"""JSON Lines corpora: one record per line with ``id, url, title, date, text`` or ``html``.

Text records are cleaned without HTML extraction (fast); ``html`` records go
through trafilatura. A malformed line is reported as ``path:line`` and the
other lines are still read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from tocsin.errors import IngestError, InputError
from tocsin.ingest.articles import Draft, derive_id, finish
from tocsin.ingest.dates import date_from_url, parse_date
from tocsin.ingest.html import extract_html
from tocsin.ingest.problems import IngestProblem
from tocsin.ingest.text import split_paragraphs
from tocsin.jsonlines import json_objects
from tocsin.models import Article

log = logging.getLogger(__name__)

KNOWN_FIELDS = frozenset(
    {"id", "url", "title", "date", "text", "html", "source", "license", "author", "language"}
)


def read_jsonl_lines(
    lines: Iterable[str], where: str, default_source: str | None
) -> Iterator[Article | IngestProblem]:
    """Articles and problems from the lines of a JSONL document named ``where`` (the lines
    are read by :func:`tocsin.jsonlines.json_objects`, the library's JSONL reader)."""
    for number, record in json_objects(lines):
        location = f"{where}:{number}"
        if isinstance(record, InputError):
            yield IngestProblem(location, record.message)
            continue
        yield read_record(record, location, default_source)


def read_record(record: dict[str, Any], location: str, default_source: str | None
                ) -> Article | IngestProblem:
    """One record (a JSONL line, a document posted to the API) as an article, or the
    problem that stops it."""
    try:
        article = record_to_article(record, location, default_source)
    except IngestError as exc:
        return IngestProblem(location, exc.message)
    if article is None:
        return IngestProblem(location, "no text left after clean-up")
    return article


def _string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, (str, int, float)):
        raise IngestError(f"field {name!r} must be a string")
    return str(value)


def record_to_article(
    record: dict[str, Any], location: str, default_source: str | None
) -> Article | None:
    """One JSONL record as an article (None when its text is empty after clean-up)."""
    url = _string(record, "url")
    record_id = _string(record, "id") or derive_id("jsonl", url or location)
    text, html = _string(record, "text"), _string(record, "html")
    if text is None and html is None:
        raise IngestError("record has neither 'text' nor 'html'")
    draft = _html_draft(html, url, location, record_id) if text is None else None
    date = parse_date(record.get("date"))
    extra = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    if record.get("date") and date is None:
        log.warning("%s: invalid date %r, ignored", location, record.get("date"))
        extra["invalid_date"] = record.get("date")
    if draft is None:
        draft = Draft(paragraphs=split_paragraphs(text or ""), id=record_id, origin=location)
    draft.url = url or draft.url
    draft.title = _string(record, "title") or draft.title
    draft.source = _string(record, "source") or draft.source or default_source
    draft.author = _string(record, "author") or draft.author
    draft.language = _string(record, "language") or draft.language
    draft.license = _string(record, "license") or draft.license
    draft.extra.update(extra)
    if date is not None:
        draft.date, draft.date_from = date, "source"
    elif draft.date is None and date_from_url(url):
        draft.date, draft.date_from = date_from_url(url), "url"
    return finish(draft)


def _html_draft(html: str | None, url: str | None, location: str, record_id: str) -> Draft:
    return extract_html(html or "", url=url, origin=location, article_id=record_id)
