"""The pipeline: read sources, drop duplicates, store in batches, then code.

``ingest`` is idempotent (an article already stored, by id or content hash, is
skipped) and resumable: every batch of ``settings.batch_size`` articles is one
transaction, and coding writes an article's events in the same transaction that sets
its ``coded_at``, so a killed run, restarted, ends in the state of an uninterrupted one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Protocol

from tocsin.analysis.refresh import refresh
from tocsin.errors import NotFoundError, TocsinError
from tocsin.ingest.dedup import Deduplicator
from tocsin.ingest.problems import IngestProblem
from tocsin.models import Article, Event
from tocsin.settings import Settings
from tocsin.store import Store, iter_batches

log = logging.getLogger(__name__)

Reader = Callable[[Sequence[str], Settings], Iterable["Article | IngestProblem"]]


class CoderLike(Protocol):
    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        ...


@dataclass(frozen=True)
class Progress:
    """Where a long run is: sent to the ``progress`` callback after each batch."""

    stage: str  # "ingest" | "code"
    done: int  # items read (ingest) or articles coded (code)
    stored: int  # articles stored (ingest) or events written (code)
    problems: int
    elapsed: float  # seconds since the stage started
    total: int | None = None  # articles to code, when known


ProgressCallback = Callable[[Progress], None]
CoderFactory = Callable[[Settings], CoderLike]  # must be picklable (module level) for workers


@dataclass(frozen=True)
class Duplicate:
    """An article linked to a stored one: exact (score 1.0, not stored) or near (stored)."""

    article_id: str
    original_id: str
    score: float = 1.0


@dataclass
class IngestReport:
    """What an ingest did."""

    read: int = 0  # articles read from the sources
    stored: int = 0  # new articles written
    already_stored: int = 0  # same id and content already in the database
    exact_duplicates: list[Duplicate] = field(default_factory=list)  # not stored
    near_duplicates: list[Duplicate] = field(default_factory=list)  # stored, linked
    problems: list[IngestProblem] = field(default_factory=list)  # once each
    coded: int = 0  # articles coded
    events: int = 0  # events written
    coding: str = "not requested"  # "done" | "not requested" | "skipped: <why>"
    ingest_seconds: float = 0.0
    coding_seconds: float = 0.0
    _seen: set[IngestProblem] = field(default_factory=set, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when no source item had a problem."""
        return not self.problems

    def add_problem(self, problem: IngestProblem) -> None:
        """Record a problem, once."""
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "stored": self.stored, "already_stored": self.already_stored,
            "exact_duplicates": [vars(d) for d in self.exact_duplicates],
            "near_duplicates": [vars(d) for d in self.near_duplicates],
            "problems": [{"where": p.where, "reason": p.reason} for p in self.problems],
            "coded": self.coded, "events": self.events, "coding": self.coding,
            "ingest_seconds": round(self.ingest_seconds, 3),
            "coding_seconds": round(self.coding_seconds, 3), "ok": self.ok,
        }


@dataclass
class CodeReport:
    """What a coding run did."""

    coded: int = 0
    events: int = 0
    seconds: float = 0.0
    problems: list[IngestProblem] = field(default_factory=list)  # articles the coder failed on


# -- ingest ---------------------------------------------------------------------------


def ingest(sources: Sequence[str], settings: Settings, *, code: bool = True,
           progress: ProgressCallback | None = None, store: Store | None = None,
           reader: Reader | None = None, coder: CoderLike | None = None,
           coder_factory: CoderFactory | None = None) -> IngestReport:
    """Read ``sources``, store the new articles in batches, then code the uncoded ones.

    Coding runs in this process, or in ``settings.workers`` processes when that is > 1
    (on a Dask cluster when ``settings.dask_scheduler`` is set).
    """
    own = store is None
    store = store or Store.open(settings)
    try:
        report = IngestReport()
        _ingest_articles(sources, settings, store, report, reader or _default_reader(),
                         progress)
        if code:
            _code_after_ingest(settings, store, report, coder, coder_factory, progress)
        return report
    finally:
        if own:
            store.close()


def _default_reader() -> Reader:
    from tocsin.ingest import read_sources

    return read_sources


def _ingest_articles(sources: Sequence[str], settings: Settings, store: Store,
                     report: IngestReport, reader: Reader,
                     progress: ProgressCallback | None) -> None:
    start = time.monotonic()
    dedup = Deduplicator(store, settings.near_dup_threshold)
    items = _articles_only(reader(sources, settings), report)
    for batch in iter_batches(items, max(1, settings.batch_size)):
        report.read += len(batch)
        _store_batch(batch, store, dedup, report)
        report.ingest_seconds = time.monotonic() - start
        if progress:
            progress(Progress("ingest", report.read, report.stored, len(report.problems),
                              report.ingest_seconds))
    report.ingest_seconds = time.monotonic() - start
    log.debug("ingest: %d read, %d stored in %.1fs", report.read, report.stored,
             report.ingest_seconds)


def _articles_only(items: Iterable[Article | IngestProblem], report: IngestReport
                   ) -> Iterator[Article]:
    for item in items:
        if isinstance(item, IngestProblem):
            log.debug("problem: %s", item)
            report.add_problem(item)
        else:
            yield item


def _store_batch(batch: list[Article], store: Store, dedup: Deduplicator,
                 report: IngestReport) -> None:
    """Classify a batch (already stored, exact/near duplicate, new) and store the new ones
    in one transaction."""
    by_hash, by_id = store.existing(batch)
    new: list[Article] = []
    for art in batch:
        if art.id in by_id:
            report.already_stored += 1
            continue
        original = by_hash.get(art.content_hash or "") or dedup.seen_hash(art)
        if original is not None:
            report.exact_duplicates.append(Duplicate(art.id, original))
            continue
        if dedup.seen_id(art.id):
            report.add_problem(IngestProblem(art.origin or art.id,
                                             f"duplicate id {art.id!r} with different text"))
            continue
        new.append(marked := dedup.mark(art))
        if marked.near_dup_of is not None:
            report.near_duplicates.append(
                Duplicate(art.id, marked.near_dup_of, marked.near_dup_score or 0.0))
    result = store.add_articles(new)
    dedup.persist(result.added)
    report.stored += len(result.added)
    for article_id, match in result.skipped:  # only under a concurrent writer
        report.exact_duplicates.append(Duplicate(article_id, match))


# -- coding ---------------------------------------------------------------------------


def coder_unavailable_reason() -> str | None:
    """Why the event coder cannot be used, or None when it can."""
    try:
        import tocsin.coding.pipeline as coding_pipeline
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("tocsin.coding"):
            return "the event coder is not installed in this version"
        raise
    if not hasattr(coding_pipeline, "Coder"):
        return "the event coder is not installed in this version"
    return None


def load_coder(settings: Settings) -> CoderLike:
    """The event coder for these settings (loads the spaCy model and dictionaries)."""
    reason = coder_unavailable_reason()
    if reason:
        raise TocsinError(f"cannot code: {reason}", code="E302")
    from tocsin.coding.pipeline import Coder

    return Coder(settings)


def _code_after_ingest(settings: Settings, store: Store, report: IngestReport,
                       coder: CoderLike | None, factory: CoderFactory | None,
                       progress: ProgressCallback | None) -> None:
    if coder is None and factory is None:
        reason = coder_unavailable_reason()
        if reason:
            report.coding = f"skipped: {reason}"
            log.warning("coding skipped: %s", reason)
            return
    pending = store.count_articles(uncoded_only=True)
    if pending:
        result = code_articles(store, settings, coder=coder, factory=factory,
                               uncoded_only=True, total=pending, progress=progress)
        report.coded, report.events, report.coding_seconds = (
            result.coded, result.events, result.seconds)
        for problem in result.problems:
            report.add_problem(problem)
    report.coding = "done"


ChunkResult = tuple[list[tuple[str, list[Event]]], list[IngestProblem]]


def code_articles(store: Store, settings: Settings, *, coder: CoderLike | None = None,
                  factory: CoderFactory | None = None, ids: Sequence[str] | None = None,
                  uncoded_only: bool = False, total: int | None = None,
                  progress: ProgressCallback | None = None) -> CodeReport:
    """Code stored articles and replace their events, one transaction per batch.

    Uses ``coder`` if given; else builds one with ``factory`` (default :func:`load_coder`)
    here, or in each of ``settings.workers`` worker processes when that is > 1.
    An article the coder fails on is reported and left uncoded; the others go on.
    """
    start = time.monotonic()
    report = CodeReport()
    size = max(1, settings.batch_size)
    chunks = iter_batches(store.iter_articles(uncoded_only=uncoded_only, ids=ids,
                                              batch=max(size, 100)), size)
    factory = factory or load_coder
    if coder is None and (settings.workers > 1 or settings.dask_scheduler):
        results = _code_parallel(chunks, settings, factory)
    else:
        active = coder or factory(settings)
        results = ((chunk, _code_in_process(active, chunk)) for chunk in chunks)
    for chunk, (pairs, problems) in results:
        by_id = {art.id: art for art in chunk}
        mapping = {aid: [_with_article(ev, by_id[aid]) for ev in evs] for aid, evs in pairs}
        report.events += store.replace_events(mapping)
        report.coded += len(mapping)
        report.problems.extend(problems)
        report.seconds = time.monotonic() - start
        if progress:
            progress(Progress("code", report.coded, report.events, len(report.problems),
                              report.seconds, total))
    refresh(store, settings) if report.coded else None  # identities, alerts current
    report.seconds = time.monotonic() - start
    return report


def _code_in_process(coder: CoderLike, chunk: list[Article]) -> ChunkResult:
    problems: list[IngestProblem] = []
    pairs = _code_chunk(coder, chunk, problems)
    return [(art.id, evs) for art, evs in pairs], problems


_WORKER_CODERS: dict[str, CoderLike] = {}


def _worker_code(factory: CoderFactory, settings: Settings, chunk: list[Article]
                 ) -> ChunkResult:
    """Run in a worker: code a chunk with this process's coder (built once)."""
    key = f"{factory.__module__}.{factory.__qualname__}"
    coder = _WORKER_CODERS.get(key)
    if coder is None:
        coder = _WORKER_CODERS[key] = factory(settings)
    return _code_in_process(coder, chunk)


def _code_parallel(chunks: Iterable[list[Article]], settings: Settings, factory: CoderFactory
                   ) -> Iterator[tuple[list[Article], ChunkResult]]:
    """Code chunks in worker processes (or on a Dask cluster), a few chunks ahead;
    results come back as they finish, each written by the caller in its own transaction."""
    executor, close = _executor(settings)
    ahead = max(2, 2 * settings.workers)
    pending: dict[Future[ChunkResult], list[Article]] = {}
    try:
        for chunk in chunks:
            pending[executor.submit(_worker_code, factory, settings, chunk)] = chunk
            if len(pending) >= ahead:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                yield from ((pending.pop(f), f.result()) for f in done)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            yield from ((pending.pop(f), f.result()) for f in done)
    finally:
        for future in pending:
            future.cancel()
        close()


def _executor(settings: Settings) -> tuple[Any, Callable[[], None]]:
    if settings.dask_scheduler:
        from distributed import Client

        client = Client(settings.dask_scheduler)
        executor = client.get_executor()

        def close() -> None:
            executor.shutdown(wait=False)
            client.close()

        return executor, close
    import multiprocessing

    pool = ProcessPoolExecutor(max_workers=settings.workers,
                               mp_context=multiprocessing.get_context("spawn"))
    return pool, lambda: pool.shutdown(wait=True, cancel_futures=True)


def _code_chunk(coder: CoderLike, chunk: list[Article], problems: list[IngestProblem]
                ) -> list[tuple[Article, list[Event]]]:
    """Code a chunk; if the coder fails, code its articles one by one to isolate the bad one."""
    try:
        return list(coder.code_articles(chunk))
    except Exception as exc:  # a coder bug on one article must not stop the run
        if len(chunk) > 1:
            return [pair for art in chunk for pair in _code_chunk(coder, [art], problems)]
        log.warning("coding failed on %s: %s", chunk[0].id, exc)
        log.debug("coding failure on %s", chunk[0].id, exc_info=True)
        problems.append(IngestProblem(chunk[0].id, f"coding failed: {type(exc).__name__}: {exc}"))
        return []


def _with_article(event: Event, article: Article) -> Event:
    if event.article_id == article.id and (event.article_date or not article.date):
        return event
    return event.replace(article_id=article.id,
                         article_date=event.article_date or article.date)


def recode(settings: Settings, ids: Sequence[str] | None = None, *,
           progress: ProgressCallback | None = None, store: Store | None = None,
           coder: CoderLike | None = None, coder_factory: CoderFactory | None = None
           ) -> CodeReport:
    """Re-code stored articles (all, or ``ids``), replacing their events."""
    own = store is None
    store = store or Store.open(settings)
    try:
        if ids:
            missing = store.missing_ids(ids)
            if missing:
                raise NotFoundError(f"no article with id {', '.join(map(repr, missing))}")
        total = len(set(ids)) if ids else store.count_articles()
        if coder is None and coder_factory is None:
            reason = coder_unavailable_reason()
            if reason:
                raise TocsinError(f"cannot code: {reason}", code="E302")
        return code_articles(store, settings, coder=coder, factory=coder_factory,
                             ids=ids or None, total=total, progress=progress)
    finally:
        if own:
            store.close()
