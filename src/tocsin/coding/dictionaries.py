"""Loading a dictionary set by name or directory: verbs (patterns), actors, ontology.

A set is a folder with a ``manifest.toml`` (see :mod:`tocsin.actors.manifest`), found
through ``registry.dictionaries`` (built-ins: ``phoenix``, the Phoenix/CAMEO 2.0 files
with the project's own files of ``data/dictionaries/tocsin`` on top; ``petr-validate``,
PETRARCH's unit-test set; ``tocsin``) or given as a directory. One loader reads all of
them: the verb files of every layer, in order, go to :func:`read_verb_files`; actors,
agents and discards to :class:`tocsin.actors.ActorResolver`.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tocsin.actors.manifest import files_of, layers, resolve_set, top_manifest
from tocsin.actors.resolver import ActorResolver
from tocsin.coding.ontology import Ontology
from tocsin.coding.verbs import Pattern, VerbDictionary, VerbForm, read_verb_files
from tocsin.errors import DictionaryError

log = logging.getLogger(__name__)

NOMINAL_PREFIX = "NOMINAL_"  # verb-file blocks whose forms are event nouns


@dataclass
class Dictionaries:
    """Everything the coder looks up: verb patterns, actors and the event ontology."""

    name: str
    verbs: VerbDictionary
    actors: ActorResolver
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
        for word in by_word.keys() & words:  # a C-level intersection, the smaller side walked
            picked.extend(by_word[word])
        return [patterns[i] for i in sorted(set(picked))]


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


@functools.lru_cache(maxsize=4)
def load_dictionaries(name_or_dir: str) -> Dictionaries:
    """Load a dictionary set (cached per process, and on disk by the content of its files
    and of the code that reads them: :mod:`tocsin.cache`): ``"phoenix"``,
    ``"petr-validate"`` or a path."""
    from tocsin import cache

    directory = resolve_set(name_or_dir)
    key = cache.content_key(_inputs(directory), code=("tocsin.coding", "tocsin.actors"))
    return cache.cached("dictionaries", key, lambda: _build(directory))


def _inputs(directory: Path) -> list[Path]:
    """Every file a set is built from: each layer's manifest and files, and the ontology."""
    found: list[Path] = []
    for layer in layers(directory):
        manifest = layer.manifest.directory / "manifest.toml"
        found += [manifest] if manifest.is_file() else []
        found += [p for kind in ("verbs", "actors", "agents", "discards", "suppress")
                  for p in getattr(layer.manifest, kind)]
    return found + [Path(str(resources.files("tocsin.data") / "ontology/cameo_events.tsv"))]


def _build(directory: Path) -> Dictionaries:
    top = top_manifest(directory)
    files = [path for path, _priority in files_of(directory, "verbs")]
    if not files:
        raise DictionaryError(f"{directory}: no verb dictionary (*verbs*.txt or CAMEO*.txt)")
    verbs = read_verb_files(files)
    actors = ActorResolver.load(directory)
    log.info(
        "dictionaries %s: %d verb blocks from %d files", top.name, len(verbs.blocks), len(files)
    )
    return Dictionaries(
        name=top.name, verbs=verbs, actors=actors, ontology=Ontology.load(), directory=directory
    )
