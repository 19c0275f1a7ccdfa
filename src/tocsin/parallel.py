"""Running chunks of work in worker processes, or on a Dask cluster, a few chunks ahead.

The pipeline codes stored articles this way when ``pipeline.workers`` > 1 or
``pipeline.dask_scheduler`` names a scheduler; each result comes back as it finishes
and the caller writes it in its own transaction.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

from tocsin.settings import Settings

C = TypeVar("C")
R = TypeVar("R")


def run_chunks(chunks: Iterable[C], settings: Settings, fn: Callable[..., R], *args: Any
               ) -> Iterator[tuple[C, R]]:
    """(chunk, ``fn(*args, chunk)``) for each chunk, computed in worker processes (``fn``
    must be picklable: module level), in the order they finish."""
    executor, close = _executor(settings)
    ahead = max(2, 2 * settings.workers)
    pending: dict[Future[R], C] = {}
    try:
        for chunk in chunks:
            pending[executor.submit(fn, *args, chunk)] = chunk
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
    pool = ProcessPoolExecutor(max_workers=settings.workers,
                               mp_context=multiprocessing.get_context("spawn"))
    return pool, lambda: pool.shutdown(wait=True, cancel_futures=True)
