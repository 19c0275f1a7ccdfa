"""From extracted parts to a clean :class:`tocsin.models.Article`.

Every reader (text file, HTML, JSONL, WARC, feed) ends here, so all articles go
through the same clean-up: whitespace, boilerplate, dateline, content hash and
a stable id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tocsin.ingest.boilerplate import strip_boilerplate, take_byline
from tocsin.ingest.dateline import split_dateline
from tocsin.ingest.text import clean_paragraph, join_paragraphs, looks_like_title
from tocsin.models import Article


def content_hash(text: str) -> str:
    """sha256 hex of the text, whitespace-collapsed and lower-cased."""
    normal = " ".join(text.split()).lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def derive_id(kind: str, key: str) -> str:
    """``"<kind>-" + sha1(key)[:16]``: a stable id from a URL, path or path#record."""
    return f"{kind}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


@dataclass
class Draft:
    """What a reader found, before clean-up."""

    paragraphs: Sequence[str]
    id: str
    origin: str
    title: str | None = None
    date: dt.date | None = None
    date_from: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = "en"
    license: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _drop_repeated_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop a first paragraph that repeats the title (also "Title | Site" page titles)."""
    if not (title and len(paragraphs) > 1 and looks_like_title(paragraphs[0])):
        return paragraphs
    first, whole = paragraphs[0].casefold(), title.casefold()
    if first == whole or (len(first) >= 15 and (first in whole or whole in first)):
        return paragraphs[1:]
    return paragraphs


def finish(draft: Draft) -> Article | None:
    """The cleaned article, or None when no body text is left."""
    title = clean_paragraph(draft.title) if draft.title else None
    paragraphs = [p for p in (clean_paragraph(p) for p in draft.paragraphs) if p]
    paragraphs = strip_boilerplate(_drop_repeated_title(paragraphs, title))
    byline, paragraphs = take_byline(paragraphs)
    if not paragraphs:
        return None
    extra = dict(draft.extra)
    dateline, first = split_dateline(paragraphs[0])
    if dateline is not None:
        paragraphs[0] = first.lstrip()
        extra["dateline_raw"] = dateline.raw
        for key in ("region", "date", "agency"):
            if getattr(dateline, key):
                extra[f"dateline_{key}"] = getattr(dateline, key)
    if draft.date_from:
        extra["date_from"] = draft.date_from
    text = join_paragraphs(paragraphs)
    return Article(
        id=draft.id,
        text=text,
        title=title or None,
        date=draft.date,
        dateline=dateline.place if dateline else None,
        url=draft.url,
        source=draft.source,
        author=clean_paragraph(draft.author) if draft.author else byline,
        language=draft.language,
        origin=draft.origin,
        content_hash=content_hash(text),
        license=draft.license,
        extra=extra,
    )
