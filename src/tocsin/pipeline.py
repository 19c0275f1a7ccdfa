"""The pipeline: the one place that composes the stages.

``ingest`` reads sources (``tocsin.ingest``), drops duplicates and stores the new articles
in batches (``tocsin.store``), then ``code`` runs the coding components of the
``pipeline.components`` setting (:mod:`tocsin.components`: parse, actors, events, places,
dates) over the uncoded ones and writes their events; ``recode`` does the same for stored
articles.  :class:`Coder` is the configured components, built once; :func:`code_articles`
codes a list of articles with them (no store), for ``tocsin code``, the API and batch runs.

``ingest`` is idempotent (an article already stored, by id or content hash, is
skipped) and resumable: every batch of ``settings.batch_size`` articles is one
transaction, and coding writes an article's events in the same transaction that sets
its ``coded_at``, so a killed run, restarted, ends in the state of an uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from tocsin import cache, registry
from tocsin.coding.pipeline import Options, coerce_date
from tocsin.components import Component, Work
from tocsin.errors import NotFoundError, PipelineError
from tocsin.models import Article, Event
from tocsin.nlp import ParsedArticle, parse_articles
from tocsin.parallel import run_chunks
from tocsin.reports import (
    CodeReport,
    Duplicate,
    IngestProblem,
    IngestReport,
    Progress,
    ProgressCallback,
)
from tocsin.settings import Settings

if TYPE_CHECKING:  # the store and the ingest readers are imported when used: `tocsin code`
    from tocsin.ingest.dedup import Deduplicator  # needs neither (a faster start)
    from tocsin.store import Store

log = logging.getLogger(__name__)

Reader = Callable[[Sequence[str], Settings], Iterable["Article | IngestProblem"]]


class CoderLike(Protocol):
    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        ...


CoderFactory = Callable[[Settings], CoderLike]  # must be picklable (module level) for workers


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
    store = store or _open_store(settings)
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

    return read_sources  # type: ignore[return-value]


def _ingest_articles(sources: Sequence[str], settings: Settings, store: Store,
                     report: IngestReport, reader: Reader,
                     progress: ProgressCallback | None) -> None:
    start = time.monotonic()
    from tocsin.ingest.dedup import Deduplicator

    dedup = Deduplicator(store, settings.near_dup_threshold)
    items = _articles_only(reader(sources, settings), report)
    for batch in _batches(items, max(1, settings.batch_size)):
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


def build_components(settings: Settings, names: Sequence[str] | None = None
                     ) -> list[Component]:
    """The components named in ``pipeline.components`` (or ``names``), built in order.

    The whole list is checked before anything is built (no model is loaded for a pipeline
    that cannot run): a PipelineError (E302) when a name is not registered or a component
    needs what no earlier component sets.
    """
    names = list(settings.pipeline.components if names is None else names)
    factories = [_factory(name) for name in names]
    have = {"text"}
    for name, factory in zip(names, factories, strict=True):
        missing = [need for need in getattr(factory, "needs", ()) if need not in have]
        if missing:
            raise PipelineError(f"pipeline component {name!r} needs {', '.join(missing)}, "
                                f"which no component before it sets (pipeline: {names})")
        have.update(getattr(factory, "sets", ()))
    with cache.using(settings.cache.dir):  # the tables cached under these settings' cache.dir
        return [factory(settings) for factory in factories]


def _factory(name: str) -> Any:
    if name not in registry.components:
        raise PipelineError(f"no pipeline component named {name!r} (choices: "
                            f"{', '.join(registry.components.choices())})")
    return registry.components.get(name)


def _only_adds_to_events(component: Any) -> bool:
    return bool(component.sets) and all(s.startswith("event.") for s in component.sets)


class Coder:
    """The configured pipeline components, built once: articles -> events.

    ``dictionaries`` overrides ``pipeline.dictionaries``; ``enrich=False`` leaves out the
    components that only add to events (places, dates).
    """

    def __init__(self, settings: Settings, *, dictionaries: str | None = None,
                 enrich: bool = True, components: Sequence[str] | None = None) -> None:
        if dictionaries:
            settings = settings.replace(dictionaries=dictionaries)
        names = list(settings.pipeline.components if components is None else components)
        if not enrich:
            names = [n for n in names if n not in registry.components
                     or not _only_adds_to_events(registry.components.get(n))]
        self.settings = settings
        self.components = build_components(settings, names)

    def component(self, name: str) -> Any:
        """The built component ``name`` (a PipelineError if it is not in this pipeline)."""
        for c in self.components:
            if c.name == name:
                return c
        raise PipelineError(f"this pipeline has no {name!r} component")

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline of the parse component."""
        return self.component("parse").nlp

    @property
    def doc_coder(self) -> Any:
        """The events component's :class:`~tocsin.coding.pipeline.DocCoder`."""
        return self.component("events").doc_coder

    def parse(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """(article, title doc or None, body doc), parsed with ``nlp.pipe`` in batches."""
        return parse_articles(self.nlp, articles, batch_size=self.settings.batch_size)

    def code_articles(self, articles: Iterable[Article], *,
                      options: Mapping[str, Mapping[str, Any]] | None = None
                      ) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in order; ``options`` maps article ids to engine options."""
        opts = {} if options is None else options  # filled lazily by some callers
        works: Iterable[Work] = (
            Work.start(a, Options.from_mapping(dict(opts.get(a.id) or {}))) for a in articles)
        for component in self.components:
            works = component.pipe(works)
        for work in works:
            yield work.article, _attach(work.article, work.events)

    def code_text(self, text: str, date: dt.date | str | None = None, title: str | None = None,
                  options: Mapping[str, Any] | None = None) -> list[Event]:
        """Events of one text (a sentence, paragraph or article body)."""
        article = Article(id="text", text=text, title=title, date=coerce_date(date))
        for _, events in self.code_articles([article], options={"text": options or {}}):
            return events
        return []


def _attach(article: Article, events: list[Event]) -> list[Event]:
    """The one place events get their article's id and date."""
    return [e.replace(article_id=article.id, article_date=e.article_date or article.date)
            for e in events]


def load_coder(settings: Settings) -> Coder:
    """The configured coder (loads the spaCy model, dictionaries and gazetteer)."""
    return Coder(settings)


_CODERS: dict[tuple[str, str], Coder] = {}


def get_coder(settings: Settings, dictionaries: str | None = None) -> Coder:
    """A Coder for these settings and dictionaries, built once per process."""
    key = (repr(settings.pipeline), dictionaries or "")
    if key not in _CODERS:
        _CODERS[key] = Coder(settings, dictionaries=dictionaries)
    return _CODERS[key]


def code_articles(articles: Iterable[Article], settings: Settings, *,
                  coder: CoderLike | None = None) -> list[tuple[Article, list[Event]]]:
    """Code a list of articles with the configured components (no store): (article,
    events) pairs in order. The coder is built once per process unless given."""
    return list((coder or get_coder(settings)).code_articles(articles))


def _code_after_ingest(settings: Settings, store: Store, report: IngestReport,
                       coder: CoderLike | None, factory: CoderFactory | None,
                       progress: ProgressCallback | None) -> None:
    pending = store.count_articles(uncoded_only=True)
    if pending:
        result = code_stored(store, settings, coder=coder, factory=factory,
                               uncoded_only=True, total=pending, progress=progress)
        report.coded, report.events, report.coding_seconds = (
            result.coded, result.events, result.seconds)
        for problem in result.problems:
            report.add_problem(problem)
    report.coding = "done"


ChunkResult = tuple[list[tuple[str, list[Event]]], list[IngestProblem]]


def code_stored(store: Store, settings: Settings, *, coder: CoderLike | None = None,
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
    worker = _worker_id() if uncoded_only and ids is None else None
    chunks: Iterable[list[Article]] = (
        _claimed_chunks(store, worker, size) if worker else
        _batches(store.iter_articles(uncoded_only=uncoded_only, ids=ids,
                                         batch=max(size, 100)), size))
    try:
        _code_chunks(store, settings, chunks, coder, factory or load_coder, report,
                     start, total, progress)
    finally:
        if worker:
            store.release_claims(worker)  # what this run claimed but did not code
    if report.coded:
        refresh_analysis(store, settings)  # identities, alerts current
    report.seconds = time.monotonic() - start
    return report


def _worker_id() -> str:
    """This coding run's claim name (host, process, a random part)."""
    import os
    import socket
    import uuid

    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _claimed_chunks(store: Store, worker: str, size: int) -> Iterator[list[Article]]:
    """Chunks of uncoded articles claimed for ``worker``: concurrent coding runs on one store
    split the uncoded articles instead of each coding all of them (``Store.claim_articles``)."""
    while True:
        ids = store.claim_articles(worker, size)
        if not ids:
            return
        chunk = list(store.iter_articles(uncoded_only=True, ids=ids, batch=max(size, 100)))
        if chunk:
            yield chunk


def _code_chunks(store: Store, settings: Settings, chunks: Iterable[list[Article]],
                 coder: CoderLike | None, factory: CoderFactory, report: CodeReport,
                 start: float, total: int | None, progress: ProgressCallback | None) -> None:
    """Code ``chunks`` (here or in workers) and store each chunk's events."""
    if coder is None and (settings.workers > 1 or settings.dask_scheduler):
        results = run_chunks(chunks, settings, _worker_code, factory, settings)
    else:
        active = coder or factory(settings)
        results = ((chunk, _code_in_process(active, chunk)) for chunk in chunks)
    for _chunk, (pairs, problems) in results:
        mapping = dict(pairs)
        report.events += store.replace_events(mapping)
        report.coded += len(mapping)
        report.problems.extend(problems)
        report.seconds = time.monotonic() - start
        if progress:
            progress(Progress("code", report.coded, report.events, len(report.problems),
                              report.seconds, total))


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


def code(settings: Settings, *, progress: ProgressCallback | None = None,
         store: Store | None = None, coder: CoderLike | None = None,
         coder_factory: CoderFactory | None = None) -> CodeReport:
    """Code the stored articles that are not coded yet."""
    own = store is None
    store = store or _open_store(settings)
    try:
        return code_stored(store, settings, coder=coder, factory=coder_factory,
                           uncoded_only=True, total=store.count_articles(uncoded_only=True),
                           progress=progress)
    finally:
        if own:
            store.close()


def recode(settings: Settings, ids: Sequence[str] | None = None, *,
           progress: ProgressCallback | None = None, store: Store | None = None,
           coder: CoderLike | None = None, coder_factory: CoderFactory | None = None
           ) -> CodeReport:
    """Re-code stored articles (all, or ``ids``), replacing their events."""
    own = store is None
    store = store or _open_store(settings)
    try:
        if ids:
            missing = store.missing_ids(ids)
            if missing:
                raise NotFoundError(f"no article with id {', '.join(map(repr, missing))}")
        total = len(set(ids)) if ids else store.count_articles()
        return code_stored(store, settings, coder=coder, factory=coder_factory,
                             ids=ids or None, total=total, progress=progress)
    finally:
        if own:
            store.close()


def refresh_analysis(store: Store, settings: Settings) -> Any:
    """tocsin.analysis.refresh, imported on first use: it brings in scipy and ruptures
    (~1 s), which ``tocsin code`` and ``tocsin --help`` never need."""
    from tocsin.analysis.refresh import refresh as run

    return run(store, settings)


def refresh(settings: Settings, *, store: Store | None = None) -> Any:
    """Bring identities, series and alerts up to date with the stored events (coding
    does this after each run; this is the step on its own)."""
    own = store is None
    store = store or _open_store(settings)
    try:
        return refresh_analysis(store, settings)
    finally:
        if own:
            store.close()


def _open_store(settings: Settings) -> Store:
    from tocsin.store import Store

    return Store.open(settings)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    from tocsin.store import iter_batches

    return iter_batches(items, size)
