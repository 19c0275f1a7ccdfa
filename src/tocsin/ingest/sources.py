"""Dispatch: what each source is (directory, file, URL, feed) and which reader takes it."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

from tocsin.errors import IngestError
from tocsin.ingest.articles import Draft, derive_id, finish
from tocsin.ingest.dates import date_from_text
from tocsin.ingest.feeds import read_feed
from tocsin.ingest.fetch import Fetcher
from tocsin.ingest.sniff import sniff_kind
from tocsin.ingest.html import check_content, extract_html
from tocsin.ingest.jsonl import read_jsonl_lines
from tocsin.ingest.problems import IngestProblem
from tocsin.ingest.text import split_paragraphs, split_title
from tocsin.ingest.warc import read_warc
from tocsin.models import Article

log = logging.getLogger(__name__)

Item = Article | IngestProblem

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def kind_by_name(name: str) -> str | None:
    """The reader for a file name, by its (double) extension, or None."""
    lower = name.lower()
    for suffix in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(suffix):
            return EXTENSIONS[suffix]
    return None


def read_source(source: str, fetcher: Fetcher) -> Iterator[Item]:
    """Everything one source yields; a source that cannot be read is one problem."""
    if is_url(source):
        yield from read_url(source, fetcher)
        return
    path = Path(source).expanduser()
    if path.is_dir():
        yield from read_directory(path, fetcher)
    elif path.exists() or path.is_symlink():
        yield from read_file(path, fetcher)
    else:
        yield IngestProblem(source, "no such file, directory or URL")


def iter_directory(root: Path) -> Iterator[Path]:
    """Files under ``root`` with a known extension, sorted; hidden entries skipped."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative):
            continue
        if (path.is_file() or path.is_symlink()) and kind_by_name(path.name):
            yield path


def read_directory(root: Path, fetcher: Fetcher) -> Iterator[Item]:
    found = False
    for path in iter_directory(root):
        found = True
        yield from read_file(path, fetcher)
    if not found:
        log.warning("%s: no files with a known extension", root)


def read_file(path: Path, fetcher: Fetcher) -> Iterator[Item]:
    """One local file, by extension (or by sniffing its content when unknown)."""
    where = str(path)
    kind = kind_by_name(path.name)
    try:
        if kind == "warc":
            with path.open("rb") as stream:
                yield from read_warc(stream, where, gzipped=path.name.lower().endswith(".gz"))
            return
        if kind == "jsonl":
            with path.open(encoding="utf-8", errors="replace", newline="\n") as lines:
                yield from read_jsonl_lines(lines, where, default_source=path.stem)
            return
        content = path.read_bytes()
    except OSError as exc:
        yield IngestProblem(where, f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_content(
        content,
        kind or sniff_kind(content, name=path.name),
        where=where,
        url=None,
        fetcher=fetcher,
        key=str(path.resolve()),
        id_kind="file",
    )


def read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    try:
        fetched = fetcher.fetch(url)
    except IngestError as exc:
        yield IngestProblem(url, exc.message)
        return
    if fetched.not_modified:  # a conditional GET answered 304: nothing new to read
        return
    kind = sniff_kind(fetched.content, fetched.content_type, fetched.url)
    yield from read_content(
        fetched.content, kind, where=url, url=fetched.url, fetcher=fetcher, key=url, id_kind="web"
    )


def read_content(
    content: bytes,
    kind: str,
    *,
    where: str,
    url: str | None,
    fetcher: Fetcher,
    key: str,
    id_kind: str,
) -> Iterator[Item]:
    """Bytes already read from a file or URL, handed to the reader of their kind."""
    if kind == "warc":
        yield from read_warc(io.BytesIO(content), where, gzipped=content[:2] == b"\x1f\x8b")
    elif kind == "jsonl":
        text = content.decode("utf-8", errors="replace")
        yield from read_jsonl_lines(text.splitlines(), where, default_source=None)
    elif kind == "feed":
        actual = sniff_kind(content)
        if actual == "feed":
            yield from read_feed(content, where, fetcher)
        elif actual == "html":
            yield _single(content, actual, where=where, url=url, article_id=derive_id(id_kind, key))
        else:
            yield IngestProblem(where, _not_a_feed(content))
    else:
        yield _single(content, kind, where=where, url=url, article_id=derive_id(id_kind, key))


def _not_a_feed(content: bytes) -> str:
    try:
        check_content(content)
    except IngestError as exc:
        return exc.message
    return "not an RSS/Atom feed or HTML page"


def _single(content: bytes, kind: str, *, where: str, url: str | None, article_id: str) -> Item:
    """One page or text document as one article, or the problem with it."""
    try:
        check_content(content)
        if kind == "html":
            draft = extract_html(content, url=url, origin=where, article_id=article_id)
        elif kind == "text":
            draft = text_draft(decode_text(content), where=where, url=url, article_id=article_id)
        else:
            raise IngestError(f"unsupported content ({kind})")
    except IngestError as exc:
        return IngestProblem(where, exc.message)
    return finish(draft) or IngestProblem(where, "no text left after clean-up")


def decode_text(content: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252, else detected."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    return str(best) if best is not None else content.decode("utf-8", errors="replace")


def text_draft(raw: str, *, where: str, url: str | None, article_id: str) -> Draft:
    """A plain-text document: the first paragraph is the title when it stands alone."""
    title, body = split_title(split_paragraphs(raw))
    date = date_from_text("\n\n".join(body))
    return Draft(
        paragraphs=body,
        id=article_id,
        origin=where,
        title=title,
        url=url,
        date=date,
        date_from="text" if date else None,
    )
