"""HTML pages: main text, title, author, site and date via trafilatura/htmldate."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any
from urllib.parse import urlsplit

from tocsin.errors import IngestError
from tocsin.ingest.articles import Draft
from tocsin.ingest.dates import date_from_text, date_from_url, parse_date
from tocsin.ingest.problems import reason
from tocsin.ingest.sniff import is_binary

log = logging.getLogger(__name__)

MIN_WORDS = 10  # less extracted text than this is navigation, not an article


# htmldate, run by trafilatura: original publication date, no guessing from free text
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def check_content(content: bytes) -> None:
    """Raise IngestError when the bytes cannot be a page: empty or binary."""
    if not content.strip():
        raise IngestError("empty file" if content == b"" else "no content (whitespace only)")
    if is_binary(content):
        raise IngestError("binary content, not text or HTML")


def _site(metadata: dict[str, Any], url: str | None) -> str | None:
    site = metadata.get("sitename") or metadata.get("hostname")
    if not site and url:
        site = urlsplit(url).hostname
    return site or None


def extract_html(content: bytes | str, *, url: str | None, origin: str, article_id: str) -> Draft:
    """A draft article from a page's markup; IngestError when there is no main text."""
    if isinstance(content, bytes):
        check_content(content)
    elif not content.strip():
        raise IngestError("empty page")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            content,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise IngestError(f"HTML extraction failed: {reason(exc)}") from exc
    metadata = _as_dict(doc)
    body = (metadata.get("text") or "").strip()
    words = len(body.split())
    if words < MIN_WORDS:
        raise IngestError(f"no main text found in page ({words} words)")
    date, date_from = _page_date(metadata, url, body, content)
    return Draft(
        paragraphs=body.split("\n"),
        id=article_id,
        origin=origin,
        title=metadata.get("title") or None,
        date=date,
        date_from=date_from,
        url=url or metadata.get("url"),
        source=_site(metadata, url),
        author=metadata.get("author") or None,
        language=metadata.get("language") or page_language(content) or "en",
        license=metadata.get("license") or None,
    )


_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


def page_language(content: bytes | str) -> str | None:
    """The primary language subtag of ``<html lang="...">``, lower-cased ("en-US" -> "en")."""
    head = (
        content[:4096] if isinstance(content, bytes) else content[:4096].encode("utf-8", "replace")
    )
    match = _HTML_LANG.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _as_dict(doc: Any) -> dict[str, Any]:
    if doc is None:
        return {}
    return dict(doc if isinstance(doc, dict) else doc.as_dict())


def _page_date(
    metadata: dict[str, Any], url: str | None, body: str, content: bytes | str = b""
) -> tuple[dt.date | None, str | None]:
    """(date, where it came from): page metadata, URL, htmldate's fuller search, then text.

    trafilatura runs htmldate in its fast mode; where that finds nothing, htmldate's
    extensive search (more markup patterns, the URL, free-text dates near the top) is
    worth its cost: on htmldate's own evaluation it is the more accurate mode.
    """
    found = parse_date(metadata.get("date"))
    if found:
        return found, "metadata"
    found = date_from_url(url)
    if found:
        return found, "url"
    found = _htmldate_extensive(content, url)
    if found:
        return found, "htmldate"
    found = date_from_text(body)
    return (found, "text") if found else (None, None)


def _htmldate_extensive(content: bytes | str, url: str | None) -> dt.date | None:
    if not content:
        return None
    from htmldate import find_date

    try:
        value = find_date(
            content, url=url, extensive_search=True, original_date=True,
            outputformat="%Y-%m-%d",
        )
    except Exception as exc:  # htmldate/lxml on broken markup: no date, not a failure
        log.debug("htmldate failed: %s", exc)
        return None
    return parse_date(value) if value else None
