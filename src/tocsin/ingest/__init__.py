"""Ingest: read news from files, directories, URLs, feeds, JSONL and WARC archives.

:func:`read_sources` yields clean :class:`tocsin.models.Article` objects and, for
bad input, :class:`IngestProblem` records; it never raises for one bad item.
Near-duplicate detection is a separate object, :class:`NearDuplicateIndex`,
driven by the caller (the store's ingest).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from tocsin.ingest.articles import content_hash
from tocsin.ingest.dedup import NearDuplicateIndex
from tocsin.ingest.fetch import Fetcher
from tocsin.ingest.problems import IngestProblem
from tocsin.ingest.sources import read_source
from tocsin.models import Article
from tocsin.settings import Settings

__all__ = ["IngestProblem", "NearDuplicateIndex", "content_hash", "read_sources"]

log = logging.getLogger(__name__)


def read_sources(
    sources: Sequence[str], settings: Settings, *, fetcher: Fetcher | None = None,
    kind: str | None = None,
) -> Iterator[Article | IngestProblem]:
    """Articles and problems from each source in order (file, directory, URL, feed, ...);
    ``kind`` forces the format (a registered reader) instead of extension and sniffing."""
    own = fetcher is None
    active = fetcher or Fetcher(settings)
    try:
        for source in sources:
            yield from _guarded(source, active, kind)
    finally:
        if own:
            active.close()


def _guarded(source: str, fetcher: Fetcher, kind: str | None
             ) -> Iterator[Article | IngestProblem]:
    """One source; an unexpected error ends that source as one problem, not the run."""
    try:
        yield from read_source(source, fetcher, kind)
    except Exception as exc:  # a bug or an unforeseen input must not abort a batch
        log.exception("unexpected error reading %s", source)
        yield IngestProblem(source, f"unexpected error: {type(exc).__name__}: {exc}")
