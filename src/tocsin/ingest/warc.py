"""WARC / WARC.gz archives (warcio): each HTML response record is an article.

Damage (a truncated or corrupt archive) is reported once; the records read
before it are still yielded, the damaged record is not.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from tocsin.errors import IngestError
from tocsin.ingest.articles import derive_id, finish
from tocsin.ingest.dates import parse_date
from tocsin.ingest.html import extract_html
from tocsin.ingest.problems import IngestProblem
from tocsin.models import Article

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


class Tap:
    """A read-through wrapper: counts the bytes and checks gzip members are complete."""

    def __init__(self, raw: IO[bytes], *, gzipped: bool) -> None:
        self.raw = raw
        self.gzipped = gzipped
        self.total = 0
        self.tail = b""
        self._inflate: Any = None
        self.error: str | None = None

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.total += len(data)
        if data:
            self.tail = (self.tail + data)[-4:]
        if self.gzipped:
            self._check(data)
        return data

    def _check(self, data: bytes) -> None:
        while data and self.error is None:
            if self._inflate is None:
                self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                self._inflate.decompress(data)
            except zlib.error as exc:
                self.error = f"corrupt gzip data ({exc})"
                return
            if not self._inflate.eof:
                return
            data = self._inflate.unused_data
            self._inflate = None

    def drain(self) -> None:
        while self.read(1 << 16):
            pass

    def damage(self, parsed_up_to: int) -> str | None:
        """Why the archive is damaged, or None: call after reading every record."""
        self.drain()
        if self.error:
            return self.error
        if self.total == 0:
            return "empty archive"
        if self.gzipped and self._inflate is not None:
            return "archive ends inside a compressed record"
        if self.total - parsed_up_to > 4:
            return f"{self.total - parsed_up_to} bytes after the last complete record"
        if not self.gzipped and self.tail != b"\r\n\r\n":
            return "the last record is not terminated"
        return None


def read_warc(stream: IO[bytes], where: str, *, gzipped: bool) -> Iterator[Article | IngestProblem]:
    """Articles from the HTML responses of a WARC stream, then at most one damage problem."""
    from warcio.archiveiterator import ArchiveIterator

    tap = Tap(stream, gzipped=gzipped)
    index = -1
    try:
        records = ArchiveIterator(tap)
        for index, record in enumerate(records):
            item = _record_item(record, index, where)
            if isinstance(item, _Damage):
                yield IngestProblem(f"{where}#{index}", f"truncated or corrupt archive: {item}")
                return
            if item is not None:
                yield item
    except Exception as exc:  # noqa: BLE001 -- warcio raises assorted errors on damaged archives
        yield IngestProblem(f"{where}#{index + 1}", f"truncated or corrupt archive: {exc}")
        return
    damage = tap.damage(records.offset)
    if damage:
        yield IngestProblem(f"{where}#{index + 1}", f"truncated or corrupt archive: {damage}")


class _Damage(str):
    """A record cut short."""


def _record_item(record: Any, index: int, where: str) -> Article | IngestProblem | _Damage | None:
    if record.length is None or not hasattr(record.raw_stream, "limit"):
        return _Damage(f"record {index} has no readable header")
    content = record.content_stream().read()
    if record.raw_stream.limit:
        return _Damage(f"record {index} is cut short")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media not in HTML_TYPES or not str(status).startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    key = f"{where}#{index}"
    try:
        draft = extract_html(content, url=url, origin=key, article_id=derive_id("warc", key))
    except IngestError as exc:
        return IngestProblem(f"{key} {url}", exc.message)
    if draft.date is None:
        crawl = parse_date(record.rec_headers.get_header("WARC-Date"))
        if crawl is not None:
            draft.date, draft.date_from = crawl, "crawl"
    draft.extra["warc_record_id"] = record.rec_headers.get_header("WARC-Record-ID")
    return finish(draft) or IngestProblem(f"{key} {url}", "no text left after clean-up")
