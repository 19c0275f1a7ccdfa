"""``tocsin batch``: code large inputs on a Dask cluster into partitioned Parquet.

The client plans the partitions, skips those already finished in the output directory
(resumption), submits the others to the cluster — a :class:`distributed.LocalCluster`
of ``workers`` processes, or the scheduler at ``scheduler`` — and rewrites the manifest
as results arrive. Dask retries a partition whose worker died (the scheduler reassigns
the tasks of a lost worker); a partition that raises is retried ``retries`` times, then
recorded as failed in the manifest while the others go on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin.batch import manifest
from tocsin.batch.partitions import DEFAULT_SIZE, InputFile, Partition, expand, plan
from tocsin.batch.worker import run_partition
from tocsin.errors import BatchError
from tocsin.settings import Settings

log = logging.getLogger(__name__)

MANIFEST_EVERY = 2.0  # seconds between manifest rewrites while running


@dataclass(frozen=True)
class BatchProgress:
    """Sent to the progress callback when the batch starts and after each partition."""

    done: int  # partitions finished (this run and earlier ones)
    total: int
    skipped: int  # finished by an earlier run
    failed: int
    articles: int  # articles coded by this run
    problems: int  # bad records and coding failures, this run
    elapsed: float
    dashboard: str | None = None

    @property
    def rate(self) -> float:
        """Articles per second of this run."""
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0


@dataclass
class BatchReport:
    """What a batch did; ``manifest`` is the path of the manifest written."""

    partitions: int = 0
    skipped: int = 0
    done: int = 0  # partitions finished by this run
    failed: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # totals over the whole output
    seconds: float = 0.0
    manifest: str = ""
    dashboard: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failed and not self.counts.get("problems")


ProgressCallback = Callable[[BatchProgress], None]


def run_batch(sources: Sequence[str], out: str | Path, settings: Settings, *,
              scheduler: str | None = None, workers: int | None = None,
              partition_size: int = DEFAULT_SIZE, retries: int = 2, code: bool = True,
              progress: ProgressCallback | None = None) -> BatchReport:
    """Code ``sources`` into Parquet partitions under ``out`` (see the module docstring)."""
    start = time.monotonic()
    out = Path(out)
    files = expand(sources)
    parts = plan(files, partition_size)
    _prepare(out)
    results = {p.name: r for p in parts if (r := manifest.finished(out, p)) is not None}
    run = _Run(out, files, parts, results, _settings_summary(settings, code), progress, start)
    report = BatchReport(partitions=len(parts), skipped=len(results))
    pending = [p for p in parts if p.name not in results]
    log.info("batch: %d partitions, %d already done", len(parts), len(results))
    if pending:
        with _client(scheduler, workers or settings.workers or 1) as client:
            run.dashboard = report.dashboard = getattr(client, "dashboard_link", None)
            run.notify()
            _submit_all(client, pending, settings, str(out), retries, code, run)
    else:
        run.notify()
    report.manifest = str(manifest.write(out, run.document()))
    report.done = len(run.results) - report.skipped
    report.failed = dict(run.failures)
    report.counts = run.document()["counts"]
    report.seconds = time.monotonic() - start
    return report


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(f"--out {out} exists and is not a directory", code="E502")
    (out / "parts").mkdir(parents=True, exist_ok=True)


def _settings_summary(settings: Settings, code: bool) -> dict[str, Any]:
    pipe = settings.pipeline
    return {"spacy_model": pipe.spacy_model, "dictionaries": pipe.dictionaries,
            "components": list(pipe.components) if code else [],
            "near_dup_threshold": settings.near_dup_threshold}


class _Run:
    """The client's state while partitions come back: results, failures, progress."""

    def __init__(self, out: Path, files: Sequence[InputFile], parts: Sequence[Partition],
                 results: dict[str, dict[str, Any]], settings: dict[str, Any],
                 progress: ProgressCallback | None, start: float) -> None:
        self.out, self.files, self.parts, self.settings = out, files, parts, settings
        self.results = results
        self.failures: dict[str, str] = {}
        self.skipped = len(results)
        self.progress, self.start = progress, start
        self.articles = self.problems = 0
        self.dashboard: str | None = None
        self._written = 0.0

    def document(self) -> dict[str, Any]:
        return manifest.build(self.files, self.parts, self.results, self.failures,
                              self.settings)

    def finished(self, name: str, result: dict[str, Any]) -> None:
        self.results[name] = result
        self.articles += result["counts"]["articles"]
        self.problems += result["counts"]["problems"]
        for problem in result["problems"][:5]:
            log.warning("%s: %s: %s", name, problem["where"], problem["reason"])
        self._tick()

    def failed(self, name: str, error: str) -> None:
        self.failures[name] = error
        log.error("partition %s failed: %s", name, error)
        self._tick()

    def _tick(self) -> None:
        if time.monotonic() - self._written >= MANIFEST_EVERY:
            manifest.write(self.out, self.document())
            self._written = time.monotonic()
        self.notify()

    def notify(self) -> None:
        if self.progress:
            self.progress(BatchProgress(
                done=len(self.results), total=len(self.parts), skipped=self.skipped,
                failed=len(self.failures), articles=self.articles, problems=self.problems,
                elapsed=time.monotonic() - self.start, dashboard=self.dashboard))


def _submit_all(client: Any, pending: Sequence[Partition], settings: Settings, out: str,
                retries: int, code: bool, run: _Run) -> None:
    from distributed import as_completed

    futures = {client.submit(run_partition, part, settings, out, code, retries=retries,
                             pure=False, key=f"tocsin-{part.name}-{time.time_ns()}"): part
               for part in pending}
    # on this client's event loop: by default as_completed waits on the loop of the current
    # client, and another client current in this thread (a caller's ``with Client(...)``)
    # made the futures a killed worker lost fail ("Event ... bound to a different event loop")
    for future in as_completed(futures, loop=client.loop):
        part = futures[future]
        try:
            run.finished(part.name, future.result())
        except Exception as exc:  # one bad partition must not lose the others' work
            run.failed(part.name, f"{type(exc).__name__}: {exc}")


class _client:  # noqa: N801 - used as a context manager like a function
    """A Dask client: on the scheduler at ``address``, else on a new LocalCluster."""

    def __init__(self, address: str | None, workers: int) -> None:
        self.address, self.workers = address, max(1, workers)
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        from distributed import Client, LocalCluster

        try:
            if self.address:
                self.client = Client(self.address, timeout=30)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=":0",
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise BatchError(f"cannot reach the Dask scheduler {self.address}: {exc}",
                             code="E504") from exc
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
