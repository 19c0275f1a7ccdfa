"""RSS/Atom feeds (feedparser): each entry's page is fetched and ingested."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from tocsin.errors import IngestError
from tocsin.ingest.articles import Draft, derive_id, finish
from tocsin.ingest.dates import parse_date
from tocsin.ingest.fetch import Fetcher, check_url
from tocsin.ingest.html import extract_html
from tocsin.ingest.problems import IngestProblem
from tocsin.ingest.sniff import sniff_kind
from tocsin.models import Article

log = logging.getLogger(__name__)


def parse_feed(content: bytes, where: str) -> tuple[dict[str, Any], list[Any]]:
    """(feed metadata, entries); IngestError when the bytes are not a feed."""
    import feedparser

    base = where if where.lower().startswith(("http://", "https://")) else None
    headers = {"content-location": base} if base else None  # resolves relative entry links
    parsed = feedparser.parse(content, response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        raise IngestError(f"not a readable RSS/Atom feed: {reason}")
    if not parsed.entries:
        log.info("%s: feed has no entries", where)
    return dict(parsed.feed), list(parsed.entries)


def read_feed(content: bytes, where: str, fetcher: Fetcher) -> Iterator[Article | IngestProblem]:
    """Articles for the entries of a feed document read from ``where``."""
    try:
        feed, entries = parse_feed(content, where)
    except IngestError as exc:
        yield IngestProblem(where, exc.message)
        return
    feed_title = feed.get("title") or None
    for index, entry in enumerate(entries):
        link = entry.get("link")
        location = link or f"{where}#{index}"
        if link and fetcher.known is not None and fetcher.known(derive_id("web", link)):
            continue  # stored in an earlier round: not fetched again
        try:
            article = _entry_article(entry, index, where, feed_title, fetcher)
        except IngestError as exc:
            yield IngestProblem(location, exc.message)
            continue
        yield article if article else IngestProblem(location, "no text left after clean-up")


def _entry_article(
    entry: Any, index: int, where: str, feed_title: str | None, fetcher: Fetcher
) -> Article | None:
    link = entry.get("link")
    if link:
        check_url(link)  # a javascript: or mailto: link is reported, never fetched
        fetched = fetcher.fetch(link)
        kind = sniff_kind(fetched.content, fetched.content_type, fetched.url)
        if kind not in ("html", "text"):
            raise IngestError(f"entry page is {kind}, not HTML")
        draft = extract_html(
            fetched.content, url=fetched.url, origin=link, article_id=derive_id("web", link)
        )
    else:
        html = _entry_html(entry)
        if not html:
            raise IngestError("feed entry has neither a link nor content")
        key = f"{where}#{index}"
        draft = extract_html(html, url=None, origin=key, article_id=derive_id("feed", key))
    _fill_from_entry(draft, entry, feed_title, where)
    return finish(draft)


def _entry_html(entry: Any) -> str | None:
    for item in entry.get("content") or ():
        if item.get("value"):
            return str(item["value"])
    summary = entry.get("summary")
    return f"<html><body><p>{summary}</p></body></html>" if summary else None


def _fill_from_entry(draft: Draft, entry: Any, feed_title: str | None, where: str) -> None:
    """Entry metadata fills what the page did not give."""
    draft.title = draft.title or entry.get("title") or None
    draft.author = draft.author or entry.get("author") or None
    draft.source = draft.source or feed_title
    if draft.date is None or draft.date_from in ("text", "htmldate", None):
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = parse_date(stamp) if stamp else None
        if date is not None:
            draft.date, draft.date_from = date, "feed"
    draft.extra["feed"] = where
