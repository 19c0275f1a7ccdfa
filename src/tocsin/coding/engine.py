"""The coding engine: verb patterns on a dependency parse -> events.  Pure: no I/O.

For every verb of a sentence the engine looks up its verb block(s) by surface form (then
lemma), matches the block's patterns against the words before and after the verb,
keeps the most specific match (else the verb's default code), and finds the actors:
source = the subject (the ``by`` agent in the passive), target = the first actor after
the verb (the subject in the passive), unless the pattern's ``$``/``+`` slots say where
they are.  Compound actors give one event per pair; a compound subject with no target
gives the event between its members (both ways).  Each event carries its factuality
(:mod:`tocsin.coding.factuality`) and the dictionary entries that fired.

The parts, in the order a sentence meets them:

- :mod:`~tocsin.coding.options` and :mod:`~tocsin.coding.context`: what the engine is
  given (an immutable document view) and what it carries between sentences;
- :mod:`~tocsin.coding.verbmatch`: which verb and pattern a token is;
- :mod:`~tocsin.coding.slots` (with :mod:`~tocsin.coding.npactors`): source and target;
- :mod:`~tocsin.coding.compose`: reported speech, intent frames, allegations, event nouns;
- :mod:`~tocsin.coding.writer`: the Event objects.

As in spaCy's components, finding is apart from writing: :func:`find_verb` returns what
was found for one verb (:class:`VerbFinding`), :func:`write_verb` turns it into events.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import or_

from tocsin.coding.clauses import skipped_clauses
from tocsin.coding.compose import allegations, compose, observe_speaker
from tocsin.coding.context import CodingState, DocContext
from tocsin.coding.factuality import Frame, factuality_of, intent_code, reject_code
from tocsin.coding.guards import guard_sentence, is_teaser
from tocsin.coding.headline import recover_headline_verb
from tocsin.coding.nominal import nominal_events
from tocsin.coding.npactors import may_be_new_actor
from tocsin.coding.options import Options
from tocsin.coding.slotfallback import refilled
from tocsin.coding.slots import Found, find_actors, keep, may_have_source, pairs
from tocsin.coding.verbmatch import VerbMatch, is_candidate, match_verb, regions
from tocsin.coding.writer import Sent, dedupe, make_event, rules_of
from tocsin.models import Event, Factuality

__all__ = [
    "CodingState",
    "DocContext",
    "Options",
    "VerbFinding",
    "code_sentence",
    "code_verb",
    "dedupe",
    "find_verb",
    "write_verb",
]


@dataclass(frozen=True)
class VerbFinding:
    """What the engine found for one verb: the match, its actors and its factuality."""

    match: VerbMatch
    found: Found
    factuality: Factuality
    frame: Frame | None


def find_verb(ctx: DocContext, v: int, sent: Sent) -> tuple[VerbMatch | None, VerbFinding | None]:
    """The match of the verb at ``v`` and, when it has a code, its actors and factuality."""
    if not may_have_source(ctx, v):
        return None, None
    m = match_verb(ctx, v, sent[0], sent[1])
    if m is None or (m.code is None and m.code2 is None):
        observe_speaker(ctx, v, sent[2])  # "X reports that it ...": "it" may be X
        return m, None
    _, post = regions(ctx, v, sent[0], sent[1], m.extra_tokens)
    found = find_actors(ctx, m, post, sent[2])
    m, found = refilled(ctx, m, found, post, sent[2])  # the next pattern whose slots fill
    factuality, frame = factuality_of(
        ctx.view, v, m.negation_in_pattern, m.modal_in_pattern, ctx.options.future_as_intent
    )
    return m, VerbFinding(m, found, factuality, frame)


def write_verb(ctx: DocContext, finding: VerbFinding, sent: Sent) -> list[Event]:
    """The events of one verb finding: each pair, its code and (reverse) paired code."""
    m, found, frame = finding.match, finding.found, finding.frame
    events: list[Event] = []
    for source, target in pairs(found):
        for code, s, t in ((m.code, source, target), (m.code2, target, source)):
            if code is None or (found.pairwise and code is m.code2):
                continue
            if code is m.code2 and code is not m.code and not found.reverse_ok:
                continue
            code, fact = _framed(code, finding.factuality, frame)
            if not keep(ctx, s, t, found.reflexive):
                continue
            events.append(make_event(ctx, m, code, s, t, fact, sent, rules_of(m, s, t, frame)))
    return events


def _framed(code: str, fact: Factuality, frame: Frame | None) -> tuple[str, Factuality]:
    """An intended act takes its intent code; "did not cooperate" is a rejection."""
    if fact is Factuality.INTENDED:
        return intent_code(code, frame.word if frame else ""), fact
    if (
        fact is Factuality.NEGATED
        and frame is not None
        and frame.word == "not"
        and reject_code(code)
    ):
        return reject_code(code) or code, Factuality.ASSERTED
    return code, fact


def code_verb(ctx: DocContext, v: int, sent: Sent) -> tuple[VerbMatch | None, list[Event]]:
    """The match and events of the verb at token ``v`` in ``sent`` = (start, end, index)."""
    m, finding = find_verb(ctx, v, sent)
    return m, ([] if finding is None else write_verb(ctx, finding, sent))


def code_sentence(ctx: DocContext, start: int, end: int, sent_index: int) -> list[Event]:
    """All events of the sentence spanning tokens [start, end) of the context's document."""
    if ctx.options.skips_commas:
        ctx.state.skipped |= skipped_clauses(ctx.view, start, end, ctx.options)
    if ctx.state.skipped:  # the skipped clauses' mentions are out of the document
        ctx = ctx.without(ctx.state.skipped)
    if not _may_have_actors(ctx, start, end) or is_teaser(ctx, start, end):
        return []
    sent = (start, end, sent_index)
    recover_headline_verb(ctx, start, end)  # "Mali severs ties with ...": a verb, not a noun
    per_verb: dict[int, list[Event]] = {}
    for i in _verbs(ctx, start, end):
        _, per_verb[i] = code_verb(ctx, i, sent)
    compose(ctx, per_verb, sent_index)
    allegations(ctx, per_verb, sent)
    if ctx.dictionaries.nominal_index:
        nominal_events(ctx, per_verb, sent)
    events = dedupe(e for i in sorted(per_verb) for e in per_verb[i])
    return guard_sentence(ctx, events, start, end)


def _verbs(ctx: DocContext, start: int, end: int) -> list[int]:
    """Tokens of the sentence that are verbs the dictionaries know (not in skipped clauses)."""
    view, index, skip = ctx.view, ctx.dictionaries.form_index, ctx.state.skipped
    tags = view.tag
    # the words the dictionary knows, by surface form or lemma (picked at C speed)
    known = map(
        or_,
        map(index.__contains__, view.up[start:end]),
        map(index.__contains__, view.lem[start:end]),
    )
    return [
        i
        for i in compress(range(start, end), known)
        if tags[i][0] in "VN" and i not in skip and is_candidate(view, i, index)
    ]


def _may_have_actors(ctx: DocContext, start: int, end: int) -> bool:
    """Whether any token of the sentence is (part of) an actor mention or a pronoun or
    definite noun phrase that coreference might resolve."""
    if not ctx.mention_at.keys().isdisjoint(range(start, end)):  # (a C-level walk)
        return True
    if ctx.options.new_actor_length > 0 and any(
        may_be_new_actor(ctx, i) for i in range(start, end)
    ):
        return True
    if ctx.coref is None:
        return False
    tags = ctx.view.tag
    ups = ctx.view.up  # "the delegation"; "both countries" (:mod:`tocsin.actors.coref`)
    return any(tags[i] in ("PRP", "PRP$") or ups[i] in ("THE", "BOTH") for i in range(start, end))
