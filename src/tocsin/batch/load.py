"""``tocsin load DIR``: a batch output into the store, deduplicated against what is there.

Partitions are read in order (so the result does not depend on which worker finished
first) and their articles classified exactly as ``tocsin ingest`` classifies them:
already stored (same id), exact duplicate (same normalised text: not stored), near
duplicate (stored, linked to its original through the store's persisted MinHash index)
or new. Each chunk of articles is one bulk transaction with its events and fingerprints
(:mod:`tocsin.store.bulk`: COPY on PostgreSQL, executemany on SQLite), so loading the
same output twice adds nothing. Then the analyses are refreshed.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin.batch import manifest, tables
from tocsin.batch.worker import RESULT, sha256
from tocsin.errors import BatchError
from tocsin.ingest.dedup import Deduplicator, Fingerprint
from tocsin.models import Article, Event
from tocsin.settings import Settings
from tocsin.store import Store, bulk

log = logging.getLogger(__name__)

CHUNK = 2000  # articles per transaction


@dataclass
class LoadReport:
    """What a load did."""

    partitions: int = 0
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)
    refresh: str = "not run"
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (
            "partitions", "read", "stored", "already_stored", "exact_duplicates",
            "near_duplicates", "events", "problems", "refresh")} | {
            "seconds": round(self.seconds, 3)}


@dataclass
class _Chunk:
    articles: list[tuple[Article, bytes]] = field(default_factory=list)
    events: dict[str, list[Event]] = field(default_factory=dict)  # coded articles only


def load_batch(out: str | Path, settings: Settings, *, store: Store | None = None,
               chunk: int = CHUNK, refresh: bool = True,
               progress: Callable[[LoadReport], None] | None = None) -> LoadReport:
    """Load every finished partition of the batch output ``out`` into the store."""
    start = time.monotonic()
    out = Path(out)
    doc = manifest.read(out)
    own = store is None
    store = store or Store.open(settings)
    try:
        report = LoadReport()
        dedup = Deduplicator(store, settings.near_dup_threshold)
        buffer = _Chunk()
        for entry in doc["partitions"]:
            if entry["status"] != "done":
                report.problems.append(f"{entry['name']}: {entry['status']}, not loaded")
                continue
            _read_partition(out / "parts" / entry["name"], entry, buffer)
            report.partitions += 1
            if len(buffer.articles) >= chunk:
                _flush(store, dedup, buffer, report)
                buffer = _Chunk()
                report.seconds = time.monotonic() - start
                if progress:
                    progress(report)
        _flush(store, dedup, buffer, report)
        if refresh:
            report.refresh = _refresh(store, settings)
        report.seconds = time.monotonic() - start
        return report
    finally:
        if own:
            store.close()


def _read_partition(folder: Path, entry: dict[str, Any], buffer: _Chunk) -> None:
    import pyarrow.parquet as pq

    for name, digest in entry["checksums"].items():
        if not (folder / name).is_file() or sha256(folder / name) != digest:
            raise BatchError(f"{folder / name}: missing or changed since the batch wrote it",
                             code="E505")
    failed = {p["where"] for p in entry["problems"] if p["reason"].startswith("coding failed")}
    by_article: dict[str, list[Event]] = defaultdict(list)
    for row in pq.read_table(folder / "mentions.parquet").to_pylist():
        by_article[row["article_id"]].append(tables.row_event(row))
    coded = _was_coded(folder)
    for row in pq.read_table(folder / "articles.parquet").to_pylist():
        art = tables.row_article(row)
        buffer.articles.append((art, row["signature"]))
        if coded and art.id not in failed:
            buffer.events[art.id] = by_article.get(art.id, [])


def _was_coded(folder: Path) -> bool:
    """False for a partition written by ``tocsin batch --no-code``."""
    result = json.loads((folder / RESULT).read_text())
    return bool(result.get("coded", True))


def _flush(store: Store, dedup: Deduplicator, buffer: _Chunk, report: LoadReport) -> None:
    if not buffer.articles:
        return
    report.read += len(buffer.articles)
    batch = [art for art, _ in buffer.articles]
    by_hash, by_id = store.existing(batch)
    new: list[Article] = []
    for art, signature in buffer.articles:
        if art.id in by_id:
            report.already_stored += 1
        elif by_hash.get(art.content_hash or "") or dedup.seen_hash(art):
            report.exact_duplicates += 1
        elif dedup.seen_id(art.id):
            report.problems.append(f"{art.origin or art.id}: duplicate id {art.id!r} "
                                   "with different text")
        else:
            marked = dedup.mark(art, Fingerprint.from_bytes(signature))
            report.near_duplicates += marked.near_dup_of is not None
            new.append(marked)
    coded = {a.id: buffer.events[a.id] for a in new if a.id in buffer.events}
    prints = dedup.take_pending([a.id for a in new])
    report.events += bulk.insert_coded(store, new, coded, prints)
    report.stored += len(new)
    log.info("load: %d articles read, %d stored", report.read, report.stored)


def _refresh(store: Store, settings: Settings) -> str:
    """Bring identities and alerts up to date: the incremental refresh of the days the
    loaded events fall on (queued by the bulk insert), as after an ingest."""
    from tocsin.analysis.refresh import refresh

    done = refresh(store, settings)
    days = "all days" if done.days is None else f"{done.days} day(s)"
    alerts = "alerts unchanged" if done.alerts is None else f"{done.alerts} alerts stored"
    return (f"incremental: {days} regrouped, {done.identities} event identities, {alerts} "
            f"({done.seconds:.1f}s)")
