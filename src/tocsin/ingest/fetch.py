"""HTTP fetching: one httpx client, timeouts, retries with backoff, content sniffing."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import httpx

from tocsin.errors import FetchError
from tocsin.settings import Settings

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_BYTES = 50 * 1024 * 1024
MAX_RETRY_AFTER = 30.0  # seconds; a longer Retry-After is cut to this
FEED_TYPES = ("rss", "atom", "rdf", "feed")


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: final URL (after redirects), media type and raw bytes."""

    url: str
    content_type: str
    content: bytes


class Fetcher:
    """Fetches URLs with the project's user agent, timeouts and retry policy."""

    def __init__(
        self,
        settings: Settings,
        *,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.retries = max(0, settings.http_retries)
        self.backoff = backoff
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.http_timeout),
            headers={"User-Agent": settings.user_agent, "Accept": "*/*"},
            follow_redirects=True,
            transport=transport,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """GET ``url``; retries transport errors and 408/429/5xx; FetchError otherwise."""
        attempt = 0
        while True:
            try:
                return self._get(url)
            except _Retryable as exc:
                if attempt >= self.retries:
                    raise FetchError(str(exc)) from exc
                delay = (
                    exc.retry_after if exc.retry_after is not None else self.backoff * 2**attempt
                )
                log.info("%s: %s, retrying in %.1fs", url, exc, delay)
                time.sleep(delay)
                attempt += 1

    def _get(self, url: str) -> Fetched:
        try:
            with self.client.stream("GET", url) as response:
                _check_status(response)
                content = _read_capped(response)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({exc or type(exc).__name__})") from exc
        except httpx.HTTPError as exc:  # invalid URL and the like: not worth retrying
            raise FetchError(f"request failed: {exc}") from exc
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Fetched(url=str(response.url), content_type=media, content=content)


class _Retryable(Exception):
    """A failure worth another attempt (after ``retry_after`` seconds, if the server said)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _check_status(response: httpx.Response) -> None:
    status = f"HTTP {response.status_code} {response.reason_phrase}"
    if response.status_code in RETRY_STATUS:
        raise _Retryable(status, _retry_after(response.headers.get("retry-after")))
    if response.status_code >= 400:
        raise FetchError(status)


def _retry_after(value: str | None) -> float | None:
    """A Retry-After given in seconds, capped; dates and nonsense are ignored."""
    try:
        seconds = float(value) if value else None
    except ValueError:
        return None
    return None if seconds is None or seconds < 0 else min(seconds, MAX_RETRY_AFTER)


def _read_capped(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"response larger than {MAX_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def sniff_kind(content: bytes, content_type: str = "", name: str = "") -> str:
    """What a resource is: "feed", "html", "warc", "jsonl", "text" or "binary".

    Looks at the name's extension, the declared media type and the first bytes.
    """
    from tocsin.ingest.html import is_binary

    lower = name.lower().split("?", 1)[0]
    if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or "warc" in content_type:
        return "warc"
    if lower.endswith(".jsonl") or content_type in ("application/jsonl", "application/x-ndjson"):
        return "jsonl"
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if is_binary(content):
        return "binary"
    if _looks_like_feed(head, content_type):
        return "feed"
    if b"<html" in head or head.startswith(b"<!doctype html") or "html" in content_type:
        return "html"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _looks_like_feed(head: bytes, content_type: str) -> bool:
    if any(f"{kind}+xml" in content_type for kind in FEED_TYPES):
        return True
    if head.startswith(b"<?xml"):
        head = head.split(b"?>", 1)[-1].lstrip()
    while head.startswith((b"<!--", b"<?")):
        head = head.split(b">", 1)[-1].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))
