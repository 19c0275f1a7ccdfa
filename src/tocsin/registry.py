"""One registry for every pluggable part of tocsin.

A part is registered under a versioned, catalogue-style name,
``tocsin.<kind>.<short>.v<N>`` (``tocsin.readers.warc.v1``,
``tocsin.exporters.gdelt.v1``), in one of the tables below:

================  ==========================================================
``readers``       input formats: ``(Input) -> Iterator[Article | IngestProblem]``
                  (``tocsin.ingest.sources``; an ``extensions`` attribute claims
                  file names)
``dictionaries``  dictionary sets (the path of a folder with a ``manifest.toml``)
``components``    pipeline components: ``factory(settings) -> Component`` with
                  ``name``, ``needs``, ``sets`` (``tocsin.components``)
``detectors``     alert detectors (``tocsin.analysis.detectors.Detector``)
``exporters``     export formats: ``(store, path, options) -> rows written``
================  ==========================================================

Built-in parts register in :mod:`tocsin.builtins` exactly the way a user's plugin
does: a plugin is a module named by an entry point in the ``tocsin`` group
(``[project.entry-points.tocsin] myplugin = "mypkg.tocsin_plugin"``) that calls
``registry.<table>.register(...)`` or ``register_lazy(...)`` at import time.

``register_lazy(name, "module:attribute")`` records a part without importing its
module, so listing the choices (``tocsin --help``, the API's schema) stays cheap;
the module is imported on the first :meth:`Table.get`.

Lookups take the full name or its short form: ``get("warc")`` is the newest
version of ``tocsin.readers.warc``; plugin names outside ``tocsin.`` keep their own
prefix and resolve by their short form too.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from tocsin.errors import RegistryError

log = logging.getLogger(__name__)

T = TypeVar("T")

_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_][a-z0-9_-]*)+\.v(\d+)$")
ENTRY_POINT_GROUP = "tocsin"
BUILTINS = "tocsin.builtins"


@dataclass(frozen=True)
class Entry:
    """One registration: its full name, where it lives, and a one-line description."""

    name: str
    short: str
    version: int
    target: str  # "module:attribute" (lazy) or the object's qualified name
    doc: str = ""


class Table(Generic[T]):
    """The registrations of one kind of part."""

    def __init__(self, kind: str, description: str) -> None:
        self.kind = kind
        self.description = description
        self._entries: dict[str, Entry] = {}
        self._objects: dict[str, T] = {}

    # -- registering -------------------------------------------------------------
    def register(self, name: str, obj: T | None = None, *, doc: str = "") -> Any:
        """Register ``obj`` under ``name``; without ``obj``, return a decorator."""

        def add(target: T) -> T:
            qual = f"{getattr(target, '__module__', '?')}:{getattr(target, '__qualname__', '?')}"
            text = doc or _first_line(getattr(target, "__doc__", None))
            self._add(name, qual, text)
            self._objects[name] = target
            return target

        return add if obj is None else add(obj)

    def register_lazy(self, name: str, target: str, *, doc: str = "") -> None:
        """Register ``module:attribute`` under ``name`` without importing it."""
        if ":" not in target:
            raise RegistryError("E012", name=name, target=target)
        self._add(name, target, doc)
        self._objects.pop(name, None)

    def unregister(self, name: str) -> None:
        """Remove the registration ``name`` (full name), if any."""
        self._entries.pop(name, None)
        self._objects.pop(name, None)

    def _add(self, name: str, target: str, doc: str) -> None:
        match = _NAME.match(name)
        if not match:
            raise RegistryError("E010", name=name, kind=self.kind)
        parts = name.split(".")
        self._entries[name] = Entry(name, parts[-2], int(match.group(2)), target, doc)

    # -- looking up --------------------------------------------------------------
    def get(self, name: str) -> T:
        """The part registered as ``name`` (full or short name; newest version)."""
        full = self.resolve(name)
        if full not in self._objects:
            module, _, attr = self._entries[full].target.partition(":")
            obj: Any = importlib.import_module(module)
            for part in attr.split("."):
                obj = getattr(obj, part)
            self._objects[full] = obj
        return self._objects[full]

    def resolve(self, name: str) -> str:
        """The full registered name that ``name`` refers to, or a RegistryError."""
        load_plugins()
        if name in self._entries:
            return name
        versions = [e for e in self._entries.values() if e.short == name]
        if not versions:
            raise RegistryError("E011", name=name, kind=self.kind, choices=", ".join(self.names()))
        return max(versions, key=lambda e: (e.name.startswith("tocsin."), e.version)).name

    def __contains__(self, name: object) -> bool:
        try:
            self.resolve(str(name))
        except RegistryError:
            return False
        return True

    def entries(self) -> list[Entry]:
        load_plugins()
        return sorted(self._entries.values(), key=lambda e: e.name)

    def names(self) -> list[str]:
        """Full names, sorted."""
        return [e.name for e in self.entries()]

    def choices(self) -> list[str]:
        """Short names (newest version of each), sorted: what the CLI and the API offer."""
        return sorted({e.short for e in self.entries()})

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries())


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if (doc or "").strip() else ""


readers: Table[Callable[..., Any]] = Table("readers", "input formats")
dictionaries: Table[Any] = Table("dictionaries", "dictionary sets")
components: Table[Any] = Table("components", "pipeline components")  # Component classes
detectors: Table[Any] = Table("detectors", "alert detectors")  # Detector objects
exporters: Table[Callable[..., Any]] = Table("exporters", "export formats")

TABLES: dict[str, Table[Any]] = {
    t.kind: t for t in (readers, dictionaries, components, detectors, exporters)
}

_loaded = False


def load_plugins() -> None:
    """Import the built-ins, then every module named in the ``tocsin`` entry-point group."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    importlib.import_module(BUILTINS)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()
        except Exception as exc:  # a broken plugin must not take tocsin down
            log.warning("plugin %s (%s) failed to load: %s", ep.name, ep.value, exc)


def snapshot() -> dict[str, list[str]]:
    """Every table's full names: pinned by a test, listed in the README."""
    return {kind: table.names() for kind, table in TABLES.items()}
