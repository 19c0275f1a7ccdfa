"""Dictionary sets: a folder of dictionary files described by a small ``manifest.toml``.

One loader reads every set, built-in or a user's::

    name = "mine"                  # defaults to the folder's name
    description = "Our newsroom's actors on top of Phoenix"
    language = "en"                # the only language the coder parses today
    ontology = "cameo"             # the event ontology the verb codes belong to
    extends = ["phoenix"]          # sets loaded first; this set's entries win over theirs
    overlays = []                  # sets loaded after this one, whose entries win over it
    verbs = ["mine.verbs.txt"]     # PETRARCH verb dictionaries (patterns)
    actors = ["mine.actors.tsv"]   # PETRARCH .actors or project .actors.tsv files
    agents = ["mine.agents.tsv"]
    discards = []
    suppress = ["mine.suppress.tsv"]  # phrases to drop from the sets below (see suppress.py)

A folder without a manifest is read by PETRARCH's naming rules (``*verbs*.txt`` or
``CAMEO*.txt`` are verb files; names containing ``actor``, ``agent``, ``discard`` are
actor, agent and discard files) and extends nothing. ``extends`` and ``overlays`` name a
registered set (``registry.dictionaries``: ``phoenix``, ``petr-validate``, ``tocsin`` or a
plugin's) or a folder relative to this one.

:func:`layers` flattens a set into the ordered list of folders it is made of, bottom
first; an entry of a higher layer has priority over a lower layer's entry for the same
phrase (``priority`` 1 for the bottom layer, 0 for the next, then -1 ...).
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin import registry
from tocsin.errors import DictionaryError

log = logging.getLogger(__name__)

MANIFEST = "manifest.toml"
ONTOLOGIES = ("cameo",)
LANGUAGES = ("en",)
_KINDS = ("verbs", "actors", "agents", "discards", "suppress")
_KEYS = frozenset({"name", "description", "language", "ontology", "extends", "overlays", *_KINDS})


def data_dir() -> Path:
    """The folder of the bundled dictionary sets."""
    return Path(str(resources.files("tocsin") / "data" / "dictionaries"))


PHOENIX = data_dir() / "phoenix"
PETR_VALIDATE = data_dir() / "petr-validate"
TOCSIN = data_dir() / "tocsin"


@dataclass(frozen=True)
class Manifest:
    """One folder of a dictionary set: its files by kind and the sets it builds on."""

    name: str
    directory: Path
    description: str = ""
    language: str = "en"
    ontology: str = "cameo"
    extends: tuple[str, ...] = ()
    overlays: tuple[str, ...] = ()
    verbs: tuple[Path, ...] = ()
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    discards: tuple[Path, ...] = ()
    suppress: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Layer:
    """A folder of a flattened set with the priority of its entries (lower wins)."""

    manifest: Manifest
    priority: int


def resolve_set(name_or_dir: str | Path, base: Path | None = None) -> Path:
    """The folder of a set: a registered name, else a folder (relative to ``base``)."""
    text = str(name_or_dir)
    if isinstance(name_or_dir, str) and text in registry.dictionaries:
        return Path(registry.dictionaries.get(text))
    path = Path(text).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    if path.is_dir():
        return path
    choices = ", ".join(registry.dictionaries.choices())
    raise DictionaryError(f"unknown dictionary set {text!r}: use one of {choices} or a directory")


def read_manifest(directory: Path | str) -> Manifest:
    """The manifest of a folder (``manifest.toml``, else PETRARCH's file naming)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DictionaryError(f"dictionary directory not found: {directory}")
    path = directory / MANIFEST
    if not path.is_file():
        return _inferred(directory)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read manifest: {exc}") from exc
    return _from_table(directory, path, data)


def _from_table(directory: Path, path: Path, data: dict[str, Any]) -> Manifest:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise DictionaryError(
            f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    language = str(data.get("language", "en"))
    ontology = str(data.get("ontology", "cameo"))
    if language not in LANGUAGES:
        raise DictionaryError(
            f"{path}: language {language!r} is not supported ({', '.join(LANGUAGES)})"
        )
    if ontology not in ONTOLOGIES:
        raise DictionaryError(
            f"{path}: ontology {ontology!r} is not known ({', '.join(ONTOLOGIES)})"
        )
    files = {
        kind: tuple(_file(directory, path, f) for f in _strings(data, kind, path))
        for kind in _KINDS
    }
    return Manifest(
        name=str(data.get("name", directory.name)),
        directory=directory,
        description=str(data.get("description", "")),
        language=language,
        ontology=ontology,
        extends=_strings(data, "extends", path),
        overlays=_strings(data, "overlays", path),
        **files,
    )


def _strings(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{path}: {key!r} must be a list of strings")
    return tuple(value)


def _file(directory: Path, manifest: Path, name: str) -> Path:
    path = directory / name
    if not path.is_file():
        raise DictionaryError(f"{manifest}: file {name!r} not found in {directory}")
    return path


def _inferred(directory: Path) -> Manifest:
    files = sorted(p for p in directory.iterdir() if p.is_file())
    verbs = tuple(
        p
        for p in files
        if p.suffix == ".txt" and ("verbs" in p.name.lower() or p.name.upper().startswith("CAMEO"))
    )

    def named(word: str) -> tuple[Path, ...]:
        return tuple(p for p in files if _named(p, word))

    return Manifest(
        name=directory.name,
        directory=directory,
        verbs=verbs,
        actors=named("actor"),
        agents=named("agent"),
        discards=named("discard"),
        suppress=named("suppress"),
    )


_DICT_SUFFIXES = frozenset({".txt", ".tsv", ".actors", ".agents", ".discards", ""})


def _named(path: Path, word: str) -> bool:
    """A file named after its kind (``Phoenix.agents.txt``); READMEs and notes are not."""
    return word in path.name.lower() and path.suffix.lower() in _DICT_SUFFIXES


def layers(name_or_dir: str | Path) -> list[Layer]:
    """The folders a set is made of, bottom first, each with its entries' priority."""
    order: list[Manifest] = []
    _flatten(resolve_set(name_or_dir), order, [])
    return [Layer(m, 1 - k) for k, m in enumerate(order)]


def _flatten(directory: Path, order: list[Manifest], stack: list[Path]) -> None:
    key = directory.resolve()
    if key in stack:
        chain = " -> ".join(p.name for p in [*stack, key])
        raise DictionaryError(f"dictionary sets extend each other in a circle: {chain}")
    if any(m.directory.resolve() == key for m in order):
        return
    manifest = read_manifest(directory)
    for base in manifest.extends:
        _flatten(resolve_set(base, directory), order, [*stack, key])
    order.append(manifest)
    for top in manifest.overlays:
        _flatten(resolve_set(top, directory), order, [*stack, key])


def files_of(name_or_dir: str | Path, kind: str) -> list[tuple[Path, int]]:
    """(file, priority) of one kind (verbs, actors, agents, discards, suppress) over a set's
    layers."""
    if kind not in _KINDS:
        raise DictionaryError(f"no dictionary file kind {kind!r} ({', '.join(_KINDS)})")
    return [
        (path, layer.priority)
        for layer in layers(name_or_dir)
        for path in getattr(layer.manifest, kind)
    ]


def top_manifest(name_or_dir: str | Path) -> Manifest:
    """The manifest of the set's own folder (its name, language and ontology)."""
    return read_manifest(resolve_set(name_or_dir))
