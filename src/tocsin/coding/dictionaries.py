"""Loading a dictionary set by name or directory: verbs (patterns), actors, ontology.

Built-in sets live in the package (``data/dictionaries/<name>``): ``phoenix`` (the
standard CAMEO/Phoenix dictionaries plus the project's own files in
``data/dictionaries/tocsin``) and ``petr-validate`` (PETRARCH's unit-test set).  A
directory in PETRARCH format goes through the same loader: every ``*verbs*.txt`` or
``CAMEO*.txt`` file in it is a verb file; actors, agents and discards are read by
:class:`tocsin.actors.ActorResolver`.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.coding.ontology import Ontology
from tocsin.coding.verbs import Pattern, VerbDictionary, VerbForm, read_verb_files
from tocsin.errors import DictionaryError

log = logging.getLogger(__name__)

BUILTIN = ("phoenix", "petr-validate")
NOMINAL_PREFIX = "NOMINAL_"  # verb-file blocks whose forms are event nouns
# sets that also get the project's own verb and actor files
WITH_PROJECT_FILES = ("phoenix",)


def data_dir() -> Path:
    return Path(str(resources.files("tocsin.data").joinpath("dictionaries")))


def project_dir() -> Path:
    return data_dir() / "tocsin"


@dataclass
class Dictionaries:
    """Everything the coder looks up: verb patterns, actors and the event ontology."""

    name: str
    verbs: VerbDictionary
    actors: Any  # tocsin.actors.ActorResolver
    ontology: Ontology
    directory: Path
    # verb form index: token text -> forms (built from verbs.forms)
    form_index: dict[str, list[VerbForm]] = field(default_factory=dict)

    # per verb block: patterns indexed by one word each must contain, and the others
    _pattern_index: dict[str, tuple[dict[str, list[int]], list[int]]] = field(default_factory=dict)

    # nouns that are events by themselves (NOMINAL_* blocks): word -> form
    nominal_index: dict[str, VerbForm] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.form_index:
            for word, forms in self.verbs.forms.items():
                verbs = [f for f in forms if not f.block.startswith(NOMINAL_PREFIX)]
                if verbs:
                    self.form_index[word] = verbs
                nominal = [f for f in forms if f.block.startswith(NOMINAL_PREFIX)]
                if nominal and word not in self.nominal_index:
                    self.nominal_index[word] = nominal[0]

    def candidate_patterns(self, block_id: str, words: set[str]) -> list[Pattern]:
        """Patterns of a block that may match a region containing ``words`` (file order)."""
        patterns = self.verbs.blocks[block_id].patterns
        index = self._pattern_index.get(block_id)
        if index is None:
            index = self._pattern_index[block_id] = _index_patterns(patterns)
        by_word, always = index
        picked = list(always)
        if len(by_word) < len(words):
            for word, ids in by_word.items():
                if word in words:
                    picked.extend(ids)
        else:
            for word in words:
                ids = by_word.get(word)
                if ids:
                    picked.extend(ids)
        picked = sorted(set(picked))
        return [patterns[i] for i in picked]


def _index_patterns(patterns: list[Pattern]) -> tuple[dict[str, list[int]], list[int]]:
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for i, pattern in enumerate(patterns):
        if pattern.required:
            key = min(pattern.required)
            by_word.setdefault(key, []).append(i)
        elif pattern.need:
            for word in min(pattern.need, key=len):
                by_word.setdefault(word, []).append(i)
        else:
            always.append(i)
    return by_word, always


def _verb_files(directory: Path) -> list[Path]:
    files = sorted(p for p in directory.iterdir()
                   if p.is_file() and p.suffix == ".txt" and ("verbs" in p.name.lower() or p.name.upper().startswith("CAMEO")))
    return files


def resolve_directory(name_or_dir: str) -> tuple[str, Path]:
    """The set's name and directory: a built-in name or an existing directory."""
    if name_or_dir in BUILTIN:
        return name_or_dir, data_dir() / name_or_dir
    path = Path(name_or_dir).expanduser()
    if path.is_dir():
        return path.name, path
    raise DictionaryError(
        f"unknown dictionary set {name_or_dir!r}: use one of {', '.join(BUILTIN)} or a directory")


def load_actor_resolver(directory: Path, with_project: bool) -> Any:
    """The ActorResolver for ``directory`` (plus the project's actor files when asked)."""
    from tocsin.actors import ActorResolver

    return ActorResolver.load(directory, project=with_project)


@functools.lru_cache(maxsize=4)
def load_dictionaries(name_or_dir: str) -> Dictionaries:
    """Load a dictionary set (cached per process): ``"phoenix"``, ``"petr-validate"`` or a path."""
    name, directory = resolve_directory(name_or_dir)
    files = _verb_files(directory)
    with_project = name in WITH_PROJECT_FILES
    if with_project and project_dir().is_dir():
        files += _verb_files(project_dir())
    if not files:
        raise DictionaryError(f"{directory}: no verb dictionary (*verbs*.txt or CAMEO*.txt)")
    verbs = read_verb_files(files)
    actors = load_actor_resolver(directory, with_project)
    log.info("dictionaries %s: %d verb blocks from %d files", name, len(verbs.blocks), len(files))
    return Dictionaries(name=name, verbs=verbs, actors=actors, ontology=Ontology.load(),
                        directory=directory)
