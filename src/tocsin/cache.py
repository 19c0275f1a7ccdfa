"""Prebuilt tables, cached on disk and keyed by the content they are built from.

Building the coder's tables from their text files (the verb patterns and their indexes,
the actor tries) takes seconds that every process start would pay again. :func:`cached`
builds a table once, pickles it under the cache directory (the ``cache.dir`` setting,
``$TOCSIN_CACHE_DIR``), and later processes read the pickle instead, as long as the key
is the same. The directory is that of the settings a command started with: the CLI and
:func:`tocsin.pipeline.build_components` run under :func:`using` their ``Settings``' one,
so a ``cache.dir`` given only in ``--config FILE`` is seen too (outside such a block, the
settings of the environment and ``./tocsin.toml``).

The key is a SHA-256 of the *contents* of the input files and of the code that builds
the table (:func:`content_key`), not of their names or modification times: a changed
dictionary file or a changed parser is a new key, a touched or copied one is not.

A pickle is written to a temporary file and renamed into place, so concurrent processes
never read half of one; one that cannot be read (another Python, a truncated file) is
rebuilt. Only this user's cache directory is read: pickles are code, like the installed
package itself.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
FORMAT = "1"  # bump to drop every cached table
_directory: Path | None = None  # set by using() for the length of a command


def content_key(files: Iterable[Path], *, code: Iterable[str] = (), extra: str = "") -> str:
    """SHA-256 of the files' contents (in the order given), of the ``.py`` files of the
    ``code`` packages (``"tocsin.coding"``) and of ``extra``."""
    digest = hashlib.sha256(f"{FORMAT}\0{extra}".encode())
    for path in files:
        digest.update(b"\0file\0" + Path(path).name.encode() + b"\0")
        digest.update(Path(path).read_bytes())
    for package in code:
        sources = [p for p in resources.files(package).iterdir() if p.name.endswith(".py")]
        for source in sorted(sources, key=lambda p: p.name):
            digest.update(b"\0code\0" + source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


@contextmanager
def using(directory: Path | str | None) -> Iterator[None]:
    """Cache under ``directory`` until the block ends (``None``: leave it as it is), then
    go back to the one before: the CLI wraps each command in its settings' ``cache.dir``."""
    global _directory
    before = _directory
    if directory is not None:
        _directory = Path(directory)
    try:
        yield
    finally:
        _directory = before


def default_directory() -> Path:
    """The directory of :func:`using`, else the ``cache.dir`` of the environment's settings."""
    if _directory is not None:
        return _directory
    from tocsin.settings import load_settings

    return load_settings().cache_dir


def cached(kind: str, key: str, build: Callable[[], T], *, directory: Path | None = None) -> T:
    """The table ``kind`` for ``key``: read from the cache, else built and written there."""
    path = (directory or default_directory()) / f"{kind}-{key[:32]}.pickle"
    found = _read(path)
    if found is not None:
        log.debug("%s: read from %s", kind, path)
        return found  # type: ignore[return-value]
    table = build()
    _write(path, table)
    return table


def _read(path: Path) -> object | None:
    enabled = gc.isenabled()
    gc.disable()  # a table is millions of small objects: the collector would only slow this
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, table: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache directory only costs the next start
        log.debug("could not write %s: %s", path, exc)
