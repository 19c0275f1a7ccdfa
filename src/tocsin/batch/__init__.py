"""Batch processing: the same pipeline over large inputs on a Dask cluster, and bulk loading.

- :func:`run_batch` (``tocsin batch``): inputs -> partitions -> coded Parquet + manifest
  (:mod:`~tocsin.batch.partitions`, :mod:`~tocsin.batch.worker`, :mod:`~tocsin.batch.manifest`,
  :mod:`~tocsin.batch.driver`);
- :func:`load_batch` (``tocsin load``): a batch output -> the store, deduplicated against it
  (:mod:`~tocsin.batch.load`).

Nothing heavy is imported here: Dask and pyarrow load when a function runs.
"""

from __future__ import annotations

from typing import Any

__all__ = ["load_batch", "run_batch"]


def run_batch(*args: Any, **kwargs: Any) -> Any:
    """See :func:`tocsin.batch.driver.run_batch`."""
    from tocsin.batch.driver import run_batch as run

    return run(*args, **kwargs)


def load_batch(*args: Any, **kwargs: Any) -> Any:
    """See :func:`tocsin.batch.load.load_batch`."""
    from tocsin.batch.load import load_batch as load

    return load(*args, **kwargs)
