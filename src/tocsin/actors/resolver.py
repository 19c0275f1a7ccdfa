"""Actor resolution on a spaCy Doc: a token trie over dictionary phrases.

``find`` walks the trie once per start token (longest match first) over keys
computed once per doc; ``resolve_phrase`` combines the mentions inside one noun
phrase (country + agent role, possessives, "X of Country", titles and ranks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import logging
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

from tocsin import registry
from tocsin.actors.casing import cased_ok as _cased_ok
from tocsin.actors.casing import place_ok
from tocsin.actors.casing import usable_agents as _usable_agents
from tocsin.actors.codes import Parts, agent_parts, entry_parts, select_entry, split_code
from tocsin.actors.codes import country_first as country_first  # re-exported (tests)
from tocsin.actors.dictionary import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    read_actor_file,
    read_agent_file,
    read_discard_file,
)
from tocsin.actors.docinfo import DocInfo
from tocsin.actors.manifest import files_of, resolve_set
from tocsin.actors.phrase import MentionIndex, phrase_indices, resolve_phrase
from tocsin.actors.suppress import SuppressEntry, Suppressions, read_suppress_file
from tocsin.actors.surnames import surname_mentions, titled_people
from tocsin.cache import cached, content_key
from tocsin.errors import DictionaryError
from tocsin.models import Actor, Mention

log = logging.getLogger(__name__)

ACTOR = 0  # trie node keys for payloads (tokens keys are str, so ints never collide)
AGENT = 1
DISCARD = 2
UPPER = 3  # the phrase ending here is an acronym: match capitalised text only


class ActorResolver:
    """Finds and resolves actor mentions with PETRARCH-format (and project) dictionaries."""

    def __init__(
        self,
        actors: Iterable[ActorEntry],
        agents: Iterable[AgentEntry] = (),
        discards: Iterable[DiscardEntry] = (),
        suppress: Iterable[SuppressEntry] = (),
    ) -> None:
        self._trie: dict[Any, Any] = {}
        dropped = Suppressions(suppress)
        self._discards: dict[Any, Any] = {}
        self.n_actors = self.n_agents = self.n_discards = 0
        actors = list(actors)
        for entry in actors:
            self.n_actors += 1
            for phrase in _with_unhyphenated(entry.phrases):
                if not dropped or not dropped.drops(phrase, "actor", entry.priority):
                    payload = self._node(self._trie, phrase).setdefault(ACTOR, [])
                    if entry not in payload:
                        payload.append(entry)
            for phrase in entry.upper_only:
                self._node(self._trie, phrase)[UPPER] = True
        self._link_people(actors, dropped)
        for agent in agents:
            self.n_agents += 1
            if dropped and dropped.drops(agent.phrase, "agent", agent.priority):
                continue
            self._node(self._trie, agent.phrase).setdefault(AGENT, []).append(agent)
        for discard in discards:
            self.n_discards += 1
            self._node(self._discards, discard.phrase).setdefault(DISCARD, []).append(discard)
        self._sort_payloads(self._trie)
        self._doc_cache: DocInfo | None = None
        self._mention_cache: tuple[Any, int, MentionIndex] | None = None
        self._orth_memo: dict[int, tuple[str, str]] = {}
        self._dep_memo: dict[int, str] = {}
        self._code_memo: dict[tuple[int, dt.date | None], Parts] = {}

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_doc_cache"] = None
        state["_mention_cache"] = None
        state["_code_memo"] = {}
        return state

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, directory: Path | str) -> ActorResolver:
        """The resolver of the dictionary set in ``directory`` (see
        :mod:`tocsin.actors.manifest`: its manifest, the sets it extends and its overlays)."""
        return cls.load_named(Path(directory))

    @classmethod
    def load_named(cls, name: str | Path) -> ActorResolver:
        """The resolver of a set: a registered name (``"phoenix"``) or a folder; cached per
        process (same files, same object) and on disk (a pickle of the parse)."""
        key = tuple(
            (str(path.resolve()), path.stat().st_mtime_ns, priority, kind)
            for kind in ("actors", "agents", "discards", "suppress")
            for path, priority in files_of(name, kind)
        )
        return _load_cached(key)

    def _link_people(self, actors: list[ActorEntry], dropped: Suppressions) -> None:
        """A person of an overlaid layer (the project's files) whose full name is also an entry
        of another file takes over all that entry's forms ("PRESIDENT_LULA",
        "BRAZILIAN_PRESIDENT_LUIZ_INACIO_LULA_DA_SILVA"), so the longest match cannot bring
        back a code that stops in 2014."""
        for entry in actors:
            if entry.priority > 0 or entry.kind != "person" or len(entry.phrases[0]) < 2:
                continue
            node = self._node(self._trie, entry.phrases[0])
            for other in list(node.get(ACTOR, ())):
                if other.priority <= entry.priority:
                    continue
                for phrase in other.phrases:
                    if dropped and dropped.drops(phrase, "actor", other.priority):
                        continue
                    payload = self._node(self._trie, phrase).setdefault(ACTOR, [])
                    if entry not in payload:
                        payload.insert(0, entry)

    @staticmethod
    def _node(root: dict[Any, Any], phrase: tuple[str, ...]) -> dict[Any, Any]:
        node = root
        for key in phrase:
            node = node.setdefault(key, {})
        return node

    @classmethod
    def _sort_payloads(cls, root: dict[Any, Any]) -> None:
        stack = [root]
        while stack:
            node = stack.pop()
            for key, value in node.items():
                if key == ACTOR or key == AGENT:
                    value.sort(key=lambda e: e.priority)
                elif isinstance(key, str):
                    stack.append(value)

    # ------------------------------------------------------------------ matching

    def info(self, doc: Any) -> DocInfo:
        """Per-doc arrays (token keys, heads, deps, offsets), computed once per doc."""
        cached = self._doc_cache
        if cached is not None and cached.doc is doc:
            return cached
        info = DocInfo(doc, self._orth_memo, self._dep_memo)
        self._doc_cache = info
        return info

    def keys(self, doc: Any) -> list[str]:
        """Normalised token keys of ``doc`` (what the dictionaries are matched against)."""
        return self.info(doc).keys

    def find(
        self, doc: Any, date: dt.date | None, start: int = 0, end: int | None = None
    ) -> list[Mention]:
        """All non-overlapping actor and agent mentions in ``doc[start:end]``, longest first."""
        info = self.info(doc)
        keys = info.keys
        stop = info.n if end is None else min(end, info.n)
        trie = self._trie
        out: list[Mention] = []
        i = start  # the first token a new mention may start at
        # only the tokens that begin some dictionary phrase are walked (picked at C speed)
        for k in compress(range(start, stop), map(trie.__contains__, keys[start:stop])):
            if k < i:
                continue
            node = trie[keys[k]]
            if (
                ACTOR not in node
                and AGENT not in node
                and (k + 1 >= stop or (keys[k + 1] not in node and keys[k + 1] != "."))
            ):
                continue
            match = self._longest(info, k, stop)
            if match is None:
                continue
            j, payload = match
            if not place_ok(info.doc, k, j, payload):  # "Comandos de la Frontera"
                continue
            out.append(self._mention(info, k, j, payload, date))
            i = j
        later = surname_mentions(info.doc, info.texts, keys, out, start, stop,
                                 self._titled(info, out))
        return sorted(out + later, key=lambda m: m.start) if later else out

    @staticmethod
    def _titled(info: DocInfo, mentions: list[Mention]) -> list[Mention]:
        """Unlisted people named after a title ("opposition leader Omar Khan")."""
        if not any(m.is_agent for m in mentions):
            return []
        index = MentionIndex(mentions)
        return titled_people(info.doc, mentions, lambda h: resolve_phrase(info, h, index))

    def _longest(self, info: DocInfo, i: int, stop: int) -> tuple[int, list[Any]] | None:
        keys = info.keys
        node = self._trie
        best: tuple[int, list[Any]] | None = None
        j = i
        while j < stop:
            nxt = node.get(keys[j])
            if nxt is None:
                if keys[j] == "." and j > i:  # "Lt . Gen": a split-off period inside a phrase
                    j += 1
                    continue
                break
            node = nxt
            j += 1
            if ACTOR in node and _cased_ok(info.texts, i, j, UPPER in node):
                best = (j, node[ACTOR])
            elif AGENT in node and not _named(best, i):
                agents = _usable_agents(node[AGENT], info.texts, i, j, stop)
                if agents:
                    best = (j, agents)
        return best

    def _mention(
        self, info: DocInfo, i: int, j: int, payload: list[Any], date: dt.date | None
    ) -> Mention:
        if j - i > 1 and info.keys[i] == "THE":  # "THE_UNITED_NATIONS_": report the name only
            i += 1
        text = info.text(i, j)
        char_span = (info.starts[i], info.ends[j - 1])
        first = payload[0]
        # keys are ids of objects the trie keeps alive: the agent entry, or the trie's list
        key = (id(first) if isinstance(first, AgentEntry) else id(payload), date)
        parts = self._code_memo.get(key)
        if parts is None:
            if isinstance(first, AgentEntry):
                parts = agent_parts(first)
            else:
                parts = entry_parts(select_entry(payload, date), date)
            if len(self._code_memo) > 200_000:  # many distinct dates in a long run
                self._code_memo.clear()
            self._code_memo[key] = parts
        code, country, role, kind, label, metonym = parts
        actor = Actor(code, text, char_span, country, role, kind, label)
        return Mention(
            i,
            j,
            text,
            char_span,
            "agent" if kind == "agent" else "actor",
            info.span_root(i, j),
            label=label,
            code=code,
            payload=actor,
            metonym=metonym,
        )

    # ------------------------------------------------------------------ phrases

    def resolve_phrase(
        self, doc: Any, head_i: int, date: dt.date | None, mentions: Sequence[Mention]
    ) -> Actor | None:
        """The actor of the noun phrase headed by ``doc[head_i]``, or None. ``date`` is
        accepted for symmetry with ``find`` (the mentions already carry dated codes)."""
        return resolve_phrase(self.info(doc), head_i, self._index(mentions))

    def phrase_tokens(self, doc: Any, head_i: int) -> list[int]:
        """Token indices of the noun phrase ``resolve_phrase`` looks at."""
        return phrase_indices(self.info(doc), head_i)

    def _index(self, mentions: Sequence[Mention]) -> MentionIndex:
        cached = self._mention_cache
        if cached is not None and cached[0] is mentions and cached[1] == len(mentions):
            return cached[2]
        index = MentionIndex(mentions)
        self._mention_cache = (mentions, len(mentions), index)
        return index

    @staticmethod
    def expand(actor: Actor) -> list[Actor]:
        """One actor per code of a TABARI multi-code ``"FRO/BIL/SAM"`` (a group coded as
        several actors); any other actor as a one-item list."""
        if "/" not in actor.code:
            return [actor]
        out = []
        for code in actor.code.split("/"):
            code = code.strip()
            if code:
                country, role = split_code(code)
                out.append(dataclasses.replace(actor, code=code, country=country, role=role))
        return out or [actor]

    # ------------------------------------------------------------------ discards

    def discard_kind(self, doc: Any, start: int = 0, end: int | None = None) -> str | None:
        """``"story"`` or ``"sentence"`` when a discard phrase occurs in ``doc[start:end]``."""
        info = self.info(doc)
        if info.discards is None:  # once per doc: each sentence asks again
            info.discards = self._discard_matches(info.keys)
        stop = info.n if end is None else min(end, info.n)
        found: str | None = None
        for i, j, story in info.discards:
            if start <= i and j <= stop:
                if story:
                    return "story"
                found = "sentence"
        return found

    def _discard_matches(self, keys: list[str]) -> list[tuple[int, int, bool]]:
        """Every discard phrase of a doc's ``keys``: (start, end, story level)."""
        root = self._discards
        n = len(keys)
        out: list[tuple[int, int, bool]] = []
        for i in compress(range(n), map(root.__contains__, keys)):
            node = root[keys[i]]
            j = i + 1
            while node is not None:
                entries = node.get(DISCARD)
                if entries:
                    out.append((i, j, any(e.story for e in entries)))
                if j >= n:
                    break
                node = node.get(keys[j])
                j += 1
        return out

    def is_discard(self, doc: Any, start: int = 0, end: int | None = None) -> bool:
        """Whether ``doc[start:end]`` contains a discard phrase (sentence or story level)."""
        return self.discard_kind(doc, start, end) is not None


def _with_unhyphenated(phrases: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The phrases, and each hyphenated one also without its hyphens: "al-Shabaab" matches
    "al Shabaab". (The other way round, skipping a text's hyphen the dictionary phrase lacks,
    was tried and dropped: it cost the checkE set 0.002 F1.)"""
    out = list(phrases)
    for phrase in list(out):
        if "-" in phrase[1:-1]:
            bare = tuple(k for k in phrase if k != "-")
            if bare not in out:
                out.append(bare)
    return out


def _named(best: tuple[int, list[Any]] | None, i: int) -> bool:
    """Whether the longest match so far is an actor name of two or more words: a longer agent
    phrase does not swallow it ("Border Patrol agents" is the Border Patrol, USACOP, not an
    agent of no country), and the words after it are matched on their own."""
    return best is not None and best[0] - i >= 2 and isinstance(best[1][0], ActorEntry)


def bundled_dictionary_dir(name: str) -> Path:
    """The directory of a registered dictionary set ("phoenix", "petr-validate", "tocsin")."""
    if name not in registry.dictionaries:
        raise DictionaryError(f"no bundled dictionary set named {name!r}")
    return resolve_set(name)


CACHE_VERSION = "3"
_Key = tuple[tuple[str, int, int, str], ...]  # (file, mtime, priority, kind) per file
# (the mtime only keys the per-process cache; the disk cache is keyed by contents)


@lru_cache(maxsize=8)
def _load_cached(key: _Key) -> ActorResolver:
    """Parse the files, or read the parse cached on disk under a hash of their contents, their
    roles and this package's code (:func:`tocsin.cache.cached`)."""
    layout = repr([(Path(name).name, priority, kind) for name, _mtime, priority, kind in key])
    digest = content_key([Path(entry[0]) for entry in key], code=["tocsin.actors"],
                         extra=f"actors {CACHE_VERSION} {layout}")
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the collector would only slow the parse down
    try:
        return cached("actors", digest, lambda: _parse(key))
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse(key: _Key) -> ActorResolver:
    actors: list[ActorEntry] = []
    agents: list[AgentEntry] = []
    discards: list[DiscardEntry] = []
    suppress: list[SuppressEntry] = []
    for name, _mtime, priority, kind in key:
        path = Path(name)
        if kind == "actors":
            actors.extend(read_actor_file(path, priority=priority))
        elif kind == "agents":
            agents.extend(read_agent_file(path, priority=priority))
        elif kind == "suppress":
            suppress.extend(read_suppress_file(path, priority=priority))
        else:
            discards.extend(read_discard_file(path))
    if not actors:
        raise DictionaryError(f"no actor dictionary found among {[k[0] for k in key]}")
    log.info(
        "actor dictionaries: %d actors, %d agents, %d discards",
        len(actors),
        len(agents),
        len(discards),
    )
    return ActorResolver(actors, agents, discards, suppress)
