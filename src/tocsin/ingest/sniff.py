"""What a resource is, from its name, declared media type and first bytes.

Feeds are recognised by their root element, after the XML prolog: the declaration,
processing instructions, comments (skipped to ``-->``, whatever they contain) and a
``<!DOCTYPE ...>`` with or without an internal subset. Byte-order marks and UTF-16/32
encodings are honoured. Gzip data is looked into, so a compressed WARC or ARC is
recognised whatever its file name.
"""

from __future__ import annotations

import codecs
import re
import zlib

FEED_TYPES = ("rss", "atom", "rdf", "feed")
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
ARCHIVE_HEADS = (b"warc/", b"filedesc://")
PROLOG_LIMIT = 65536  # bytes of prolog scanned before giving up on finding the root
_NAME = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


SNIFF_BYTES = 8192
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
    b"BZh", b"\xfd7zXZ", b"Rar!", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00",
)


def is_binary(content: bytes) -> bool:
    """Whether bytes look like a binary file rather than text or markup."""
    head = content[:SNIFF_BYTES]
    if head.startswith(_BINARY_MAGIC):
        return True
    if _decode_head(head) is not None:
        return False  # UTF-8/16/32 text with a BOM, or UTF-16 markup without one
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def gunzip_head(content: bytes, size: int = 64) -> bytes | None:
    """The first ``size`` bytes of gzip data, or None when ``content`` is not gzip."""
    if not content.startswith(b"\x1f\x8b"):
        return None
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(content[:4096], size)
    except zlib.error:
        return None


def is_archive(content: bytes) -> bool:
    """A WARC or ARC file, plain or gzipped (by content, not by name)."""
    head = gunzip_head(content)
    head = content[:16] if head is None else head
    return head.lstrip(b"\r\n").lower().startswith(ARCHIVE_HEADS)


def sniff_kind(content: bytes, content_type: str = "", name: str = "") -> str:
    """What a resource is: "feed", "html", "warc", "jsonl", "text" or "binary"."""
    lower = name.lower().split("?", 1)[0]
    content_type = content_type.lower()
    if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or "warc" in content_type:
        return "warc"
    if lower.endswith(".jsonl") or content_type in ("application/jsonl", "application/x-ndjson"):
        return "jsonl"
    if is_archive(content):
        return "warc"
    if is_binary(content):
        return "binary"
    if any(f"{kind}+xml" in content_type for kind in FEED_TYPES):
        return "feed"
    root = root_element(content)
    if root is not None and root.split(":")[-1] in FEED_ROOTS:
        return "feed"
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if root == "html" or head.startswith(b"<!doctype html") or b"<html" in head:
        return "html"
    if "html" in content_type or lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _decode_head(content: bytes) -> str | None:
    head = content[:PROLOG_LIMIT]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, "replace")
    if len(head) > 3 and head[0] == 0 and head[1] == ord("<"):
        return head.decode("utf-16-be", "replace")
    if len(head) > 3 and head[0] == ord("<") and head[1] == 0:
        return head.decode("utf-16-le", "replace")
    return None


def root_element(content: bytes) -> str | None:
    """The lower-cased name of the first element after the XML prolog, or None."""
    text = _decode_head(content)
    if text is None:
        text = content[:PROLOG_LIMIT].decode("latin-1")
    pos = _skip_prolog(text)
    if pos is None:
        return None
    match = _NAME.match(text, pos)
    return match.group(1).lower() if match else None


def _skip_prolog(text: str) -> int | None:
    """Index of the first element's ``<``, past declarations, comments and DOCTYPE."""
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if text.startswith("<?", pos):
            close = text.find("?>", pos + 2)
            step = 2
        elif text.startswith("<!--", pos):
            close = text.find("-->", pos + 4)
            step = 3
        elif text[pos : pos + 9].upper() == "<!DOCTYPE":
            close, step = _doctype_end(text, pos), 1
        else:
            return pos if text.startswith("<", pos) else None
        if close < 0:
            return None
        pos = close + step
    return None


def _doctype_end(text: str, pos: int) -> int:
    """Index of the ``>`` closing a DOCTYPE, skipping an internal subset ``[...]``."""
    bracket = text.find("[", pos)
    close = text.find(">", pos)
    if 0 <= bracket < close:
        subset_end = text.find("]", bracket)
        return -1 if subset_end < 0 else text.find(">", subset_end)
    return close
