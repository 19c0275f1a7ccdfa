"""What the engine reads and what it carries from one sentence to the next.

:class:`DocContext` is the immutable view of one document: the parse arrays
(:class:`~tocsin.coding.docview.DocView`), the dictionaries, the date, the options and
the actor mentions found in it (indexed by token). :class:`CodingState` is the explicit
state the engine keeps while it walks the document's sentences: the tokens of skipped
comma clauses, the last compound subject ("X and Y ... they"), and memoised noun-phrase
and region lookups. A context is made once per document; ``without`` gives the view with
some tokens' mentions left out (skipped clauses) and the same state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tocsin.coding.dictionaries import Dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.options import Options
from tocsin.models import Actor, Mention

Regions = tuple[list[int], list[int]]


@dataclass
class CodingState:
    """Per-document state carried across sentences (see the module docstring)."""

    skipped: set[int] = field(default_factory=set)  # tokens of skipped comma clauses
    last_group: tuple[Actor, ...] = ()  # the last compound subject ("they")
    np_single: dict[int, list[Actor]] = field(default_factory=dict)  # head -> its own actors
    np_full: dict[int, list[Actor]] = field(default_factory=dict)  # head -> with conjuncts
    regions: dict[tuple[int, int, int, frozenset[int]], Regions] = field(default_factory=dict)


@dataclass(frozen=True)
class DocContext:
    """One document as the engine sees it: arrays, dictionaries, date, options, mentions."""

    view: DocView
    dictionaries: Dictionaries
    date: dt.date | None
    mentions: Sequence[Mention]
    coref: Any | None = None  # tocsin.actors.Coreference (stateful across sentences)
    options: Options = field(default_factory=Options)
    state: CodingState = field(default_factory=CodingState)
    mention_at: Mapping[int, Mention] = field(default_factory=dict)  # token -> mention
    span_at: Mapping[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.mention_at or not self.mentions:
            return
        mention_at: dict[int, Mention] = {}
        span_at: dict[int, tuple[int, int]] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                mention_at[i] = m
                span_at[i] = (m.start, m.end)
        object.__setattr__(self, "mention_at", mention_at)
        object.__setattr__(self, "span_at", span_at)

    def without(self, tokens: set[int]) -> DocContext:
        """The same document with the mentions at ``tokens`` left out (same state)."""
        if not tokens or not any(i in self.mention_at for i in tokens):
            return self
        mention_at = {i: m for i, m in self.mention_at.items() if i not in tokens}
        span_at = {i: s for i, s in self.span_at.items() if i not in tokens}
        return dataclasses.replace(self, mention_at=mention_at, span_at=span_at)
