"""WARC / WARC.gz archives (warcio): each HTML response record is an article.

Damage (a truncated or corrupt archive) is reported once; the records read
before it are still yielded, the damaged record is not.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from tocsin.errors import IngestError
from tocsin.ingest.articles import derive_id, finish
from tocsin.ingest.dates import parse_date
from tocsin.ingest.html import extract_html
from tocsin.ingest.problems import IngestProblem, reason
from tocsin.ingest.sniff import gunzip_head
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

    def damage(self, parsed_up_to: int, *, arc: bool = False) -> str | None:
        """Why the archive is damaged, or None: call after reading every record.

        ARC records end with one newline, WARC records with two CRLFs.
        """
        self.drain()
        if self.error:
            return self.error
        if self.total == 0:
            return "empty archive"
        if self.gzipped and self._inflate is not None:
            return "archive ends inside a compressed record"
        if self.total - parsed_up_to > 4:
            return f"{self.total - parsed_up_to} bytes after the last complete record"
        if arc and not self.gzipped:
            return None if self.tail.endswith(b"\n") else "the last record is not terminated"
        if not self.gzipped and not arc and self.tail != b"\r\n\r\n":
            return "the last record is not terminated"
        return None


def read_warc(
    stream: IO[bytes], where: str, *, gzipped: bool | None = None
) -> Iterator[Article | IngestProblem]:
    """Articles from the HTML responses of a WARC or ARC stream, then at most one problem.

    Compression and format are read from the content, not the file name (``gzipped`` is
    accepted for compatibility and ignored): a gzipped WARC named ``crawl.dat`` is read.
    """
    from warcio.archiveiterator import ArchiveIterator

    buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[type-var]
    head = bytes(buffered.peek(4096)[:4096])
    is_gzip = head[:2] == b"\x1f\x8b"
    first = gunzip_head(head) if is_gzip else head[:16]
    arc = (first or b"").lstrip(b"\r\n").lower().startswith(b"filedesc://")
    tap = Tap(buffered, gzipped=is_gzip)
    index = -1
    try:
        records = ArchiveIterator(tap)
        for index, record in enumerate(records):
            item = _record_item(record, index, where, arc=arc)
            if isinstance(item, _Damage):
                yield IngestProblem(f"{where}#{index}", f"truncated or corrupt archive: {item}")
                return
            if item is not None:
                yield item
    except Exception as exc:  # noqa: BLE001 -- warcio raises assorted errors on damaged archives
        why = f"truncated or corrupt archive: {_one_line(exc)}"
        yield IngestProblem(f"{where}#{index + 1}", why)
        return
    damage = tap.damage(records.offset, arc=arc) or _length_errors(records)
    if damage:
        yield IngestProblem(f"{where}#{index + 1}", f"truncated or corrupt archive: {damage}")


def _length_errors(records: Any) -> str | None:
    """warcio counts records whose content did not end where their length said."""
    count = int(getattr(records, "err_count", 0) or 0)
    if not count:
        return None
    return f"{count} record(s) shorter or longer than their Content-Length"


def _one_line(exc: BaseException) -> str:
    """warcio's multi-line messages as one line: the first sentence, whitespace collapsed."""
    text = reason(exc).removeprefix("ERROR: ")
    end = text.find(". ")
    return text[: end + 1] if 0 < end < 200 else text[:200]


class _Damage(str):
    """A record cut short."""


def _record_item(
    record: Any, index: int, where: str, *, arc: bool = False
) -> Article | IngestProblem | _Damage | None:
    if record.length is None or not hasattr(record.raw_stream, "limit"):
        return _Damage(f"record {index} has no readable header")
    content = record.content_stream().read()
    if record.raw_stream.limit and not arc:  # ARC lengths are unreliable; warcio checks them
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
