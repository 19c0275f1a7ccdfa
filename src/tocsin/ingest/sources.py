"""Dispatch: what each source is (directory, file, URL, feed) and which reader takes it.

Every format has a reader in ``registry.readers`` (``tocsin.readers.<kind>.v1``: text,
html, jsonl, feed, warc, and the source readers url and directory), called with an
:class:`Input`.  A file's kind comes from its extension (:data:`EXTENSIONS`, or a plugin
reader's ``extensions`` attribute), else from sniffing its content; a URL's from its
content type and content.  A plugin adds a format with one module and one registration.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tocsin import registry
from tocsin.errors import IngestError
from tocsin.ingest.articles import Draft, derive_id, finish
from tocsin.ingest.dates import date_from_text
from tocsin.ingest.feeds import read_feed
from tocsin.ingest.fetch import Fetcher
from tocsin.ingest.html import check_content, extract_html
from tocsin.ingest.jsonl import read_jsonl_lines
from tocsin.ingest.problems import IngestProblem
from tocsin.ingest.sniff import sniff_kind
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
    """The reader for a file name, by its (double) extension, or None.

    Built-in extensions first; then the ``extensions`` attribute of plugin readers."""
    lower = name.lower()
    for suffix in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(suffix):
            return EXTENSIONS[suffix]
    return _plugin_kind(lower)


def _plugin_kind(lower: str) -> str | None:
    for entry in registry.readers.entries():
        if entry.name.startswith("tocsin.readers."):
            continue
        suffixes = getattr(registry.readers.get(entry.name), "extensions", ())
        if any(lower.endswith(suffix.lower()) for suffix in suffixes):
            return entry.short
    return None


@dataclass(frozen=True)
class Input:
    """What a reader reads: a local ``path``, or ``content`` already read (a URL's body)."""

    where: str  # for messages: the path, URL or path of the archive
    fetcher: Fetcher
    path: Path | None = None
    content: bytes | None = None
    url: str | None = None
    key: str = ""  # what a derived article id hashes (the resolved path or the URL)
    id_kind: str = "file"  # "file" | "web": the prefix of derived ids
    kind: str | None = None  # a format forced by the caller (``tocsin ingest --format``)

    def read_bytes(self) -> bytes:
        if self.content is not None:
            return self.content
        assert self.path is not None
        return self.path.read_bytes()

    def article_id(self) -> str:
        return derive_id(self.id_kind, self.key or self.where)


Reader = Callable[[Input], Iterator[Item]]
SOURCE_KINDS = ("url", "directory")  # readers of sources, not of a content format


def reader(kind: str) -> Reader:
    """The registered reader of a kind (``registry.readers``)."""
    found: Reader = registry.readers.get(kind)
    return found


def content_kinds() -> list[str]:
    """The formats a caller can force (every registered reader but url and directory)."""
    return [k for k in registry.readers.choices() if k not in SOURCE_KINDS]


def read_source(source: str, fetcher: Fetcher, kind: str | None = None) -> Iterator[Item]:
    """Everything one source yields; a source that cannot be read is one problem.

    ``kind`` forces the format of the files (and URLs) instead of their extension."""
    if is_url(source):
        yield from reader("url")(Input(source, fetcher, url=source, key=source, id_kind="web",
                                       kind=kind))
        return
    path = Path(source).expanduser()
    if path.is_dir():
        yield from reader("directory")(Input(str(path), fetcher, path=path, kind=kind))
    elif path.exists() or path.is_symlink():
        yield from read_file(path, fetcher, kind)
    else:
        yield IngestProblem(source, "no such file, directory or URL")


def iter_directory(root: Path, every: bool = False) -> Iterator[Path]:
    """Files under ``root`` with a known extension (``every``: all), sorted; hidden entries
    skipped."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative):
            continue
        if (path.is_file() or path.is_symlink()) and (every or kind_by_name(path.name)):
            yield path


def read_directory(inp: Input) -> Iterator[Item]:
    """Every file with a known extension under a directory (every file when the format
    is forced), in name order."""
    assert inp.path is not None
    found = False
    for path in iter_directory(inp.path, every=inp.kind is not None):
        found = True
        yield from read_file(path, inp.fetcher, inp.kind)
    if not found:
        log.warning("%s: no files with a known extension", inp.path)


def read_file(path: Path, fetcher: Fetcher, forced: str | None = None) -> Iterator[Item]:
    """One local file, by its forced format, its extension, or by sniffing its content."""
    where = str(path)
    kind = forced or kind_by_name(path.name)
    try:
        content = None if kind else path.read_bytes()
        inp = Input(where, fetcher, path=path, content=content, key=str(path.resolve()))
        yield from read_kind(kind or sniff_kind(content or b"", name=path.name), inp)
    except OSError as exc:
        yield IngestProblem(where, f"cannot read file: {exc.strerror or exc}")


def read_kind(kind: str, inp: Input) -> Iterator[Item]:
    """``inp`` handed to the registered reader of its kind."""
    if kind in SOURCE_KINDS or kind not in registry.readers:
        yield _single(inp.read_bytes(), kind, where=inp.where, url=inp.url,
                      article_id=inp.article_id())
        return
    yield from reader(kind)(inp)


def read_url(inp: Input) -> Iterator[Item]:
    """A URL: fetched (conditionally), its content sniffed and read by that kind's reader."""
    url = inp.url or inp.where
    try:
        fetched = inp.fetcher.fetch(url)
    except IngestError as exc:
        yield IngestProblem(url, exc.message)
        return
    if fetched.not_modified:  # a conditional GET answered 304: nothing new to read
        return
    kind = inp.kind or sniff_kind(fetched.content, fetched.content_type, fetched.url)
    yield from read_kind(kind, Input(url, inp.fetcher, content=fetched.content,
                                     url=fetched.url, key=url, id_kind="web"))


def read_warc_input(inp: Input) -> Iterator[Item]:
    """A WARC or ARC archive (gzipped or not): the HTML responses it holds."""
    if inp.content is not None:
        gzipped = inp.content[:2] == b"\x1f\x8b"
        yield from read_warc(io.BytesIO(inp.content), inp.where, gzipped=gzipped)
        return
    assert inp.path is not None
    with inp.path.open("rb") as stream:
        yield from read_warc(stream, inp.where, gzipped=inp.path.name.lower().endswith(".gz"))


def read_jsonl_input(inp: Input) -> Iterator[Item]:
    """JSON Lines: one record a line (``id``, ``text`` or ``html``, ``title``, ``date``...)."""
    if inp.content is not None:
        text = inp.content.decode("utf-8", errors="replace")
        yield from read_jsonl_lines(text.splitlines(), inp.where, default_source=None)
        return
    assert inp.path is not None
    with inp.path.open(encoding="utf-8", errors="replace", newline="\n") as lines:
        yield from read_jsonl_lines(lines, inp.where, default_source=inp.path.stem)


def read_feed_input(inp: Input) -> Iterator[Item]:
    """An RSS or Atom feed: each entry's page (or summary); an HTML page is read as one."""
    content = inp.read_bytes()
    actual = sniff_kind(content)
    if actual == "feed":
        yield from read_feed(content, inp.where, inp.fetcher)
    elif actual == "html":
        yield _single(content, actual, where=inp.where, url=inp.url, article_id=inp.article_id())
    else:
        yield IngestProblem(inp.where, _not_a_feed(content))


def read_html_input(inp: Input) -> Iterator[Item]:
    """One HTML page: main text, title, date and metadata extracted with trafilatura."""
    yield _single(inp.read_bytes(), "html", where=inp.where, url=inp.url,
                  article_id=inp.article_id())


def read_text_input(inp: Input) -> Iterator[Item]:
    """One plain-text document: the first paragraph is the title when it stands alone."""
    yield _single(inp.read_bytes(), "text", where=inp.where, url=inp.url,
                  article_id=inp.article_id())


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
