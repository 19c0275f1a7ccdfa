"""The coding engine: verb patterns on a dependency parse -> events.  Pure: no I/O.

For every verb of a sentence the engine looks up its verb block(s) by surface form (then
lemma), matches the block's patterns against the words before and after the verb,
keeps the most specific match (else the verb's default code), and finds the actors:
source = the subject (the ``by`` agent in the passive), target = the first actor after
the verb (the subject in the passive), unless the pattern's ``$``/``+`` slots say where
they are.  Compound actors give one event per pair; a compound subject with no target
gives the event between its members (both ways).  Each event carries its factuality
(:mod:`tocsin.coding.factuality`) and the dictionary entries that fired.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tocsin.coding.clauses import skipped_clauses
from tocsin.coding.dictionaries import Dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.factuality import (
    CLAIM_FRAME_WORDS,
    INTENT_FRAME_WORDS,
    NEGATING_WORDS,
    SPEECH_WORDS,
    Frame,
    factuality_of,
    intent_code,
    reject_code,
)
from tocsin.coding.matcher import SideMatcher
from tocsin.coding.verbs import COMPOUND, NEGATION_WORDS, Pattern, VerbForm
from tocsin.models import Actor, Event, Factuality

SUBJ = ("nsubj", "csubj", "expl")
PASS_SUBJ = ("nsubjpass", "csubjpass")
# edges through which a subject-less verb inherits the subject of its head
CLIMB = ("xcomp", "acl", "conj", "advcl", "dobj", "pcomp", "pobj", "prep", "ccomp", "relcl", "attr", "acomp", "oprd", "appos")
# children whose subtrees are not part of a verb's own post-verb words
CUT = ("conj", "cc", "parataxis", "advcl", "relcl", "mark", "punct")
PUNCT_TAGS = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", '"', "$"})
# what a request asks for, by the CAMEO root of the requested act (02x appeals)
APPEAL_FOR = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}
MODAL_WORDS = frozenset({"WOULD", "SHOULD", "MAY", "MIGHT", "COULD", "MUST", "IF"})
# verbs that say an event noun did not (or no longer) happen
NOMINAL_STOPPERS = frozenset({
    "CANCEL", "POSTPONE", "SUSPEND", "HALT", "STOP", "END", "BREAK", "COLLAPSE", "FAIL", "REJECT",
    "DELAY", "SCRAP", "ABANDON", "FREEZE", "BOYCOTT", "DENY", "REFUSE",
})
CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "xcomp", "ccomp", "pcomp", "conj", "ROOT", "csubj", "parataxis"})
REFLEXIVES = frozenset({"THEMSELVES", "ITSELF", "HIMSELF", "HERSELF"})
GROUP_PRONOUNS = frozenset({"THEY", "THEM", "THEIR", "THEMSELVES"})
LOCATIVE_PREPS = frozenset({"IN", "AT", "NEAR", "ON", "INSIDE", "OUTSIDE", "ACROSS", "THROUGHOUT", "AROUND"})
PREPOSITIONAL_PARTICIPLES = frozenset({
    "CONCERNING", "REGARDING", "INCLUDING", "FOLLOWING", "CONSIDERING", "INVOLVING", "ACCORDING",
    "PENDING", "BARRING", "EXCLUDING", "RESPECTING", "NOTWITHSTANDING", "GIVEN",
})
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})


@dataclass(frozen=True)
class Options:
    """Engine options (PETRARCH config names, per-record in the unit-test suite)."""

    require_dyad: bool = True
    new_actor_length: int = 0  # > 0: an unknown proper-noun phrase of up to N words is a new actor
    # comma-delimited clauses skipped by length (PETRARCH's minimum defaults; a max of 0,
    # the default, disables the kind: middle, beginning ("b"), end ("e") of the sentence)
    comma_min: int = 2
    comma_max: int = 0
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 0

    @property
    def skips_commas(self) -> bool:
        return self.comma_max > 0 or self.comma_bmax > 0 or self.comma_emax > 0

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> Options:
        if not data:
            return cls()
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass
class DocContext:
    """Per-document state: arrays, actor mentions, coreference, date, options."""

    view: DocView
    dictionaries: Dictionaries
    date: dt.date | None
    mentions: list[Any]  # ActorMention
    coref: Any | None = None
    options: Options = field(default_factory=Options)
    mention_at: dict[int, Any] = field(default_factory=dict)  # token -> mention
    span_at: dict[int, tuple[int, int]] = field(default_factory=dict)
    _np_cache: dict[int, list[Actor]] = field(default_factory=dict)
    _np_full: dict[int, list[Actor]] = field(default_factory=dict)
    last_group: tuple[Actor, ...] = ()  # the last compound subject ("they")
    _regions: dict[tuple[int, int, int, frozenset[int]], tuple[list[int], list[int]]] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)  # tokens of skipped comma clauses

    def __post_init__(self) -> None:
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.mention_at[i] = m
                self.span_at[i] = (m.start, m.end)


@dataclass(frozen=True)
class VerbMatch:
    """What the dictionary says about one verb token."""

    verb: int
    forms: tuple[VerbForm, ...]
    pattern: Pattern | None
    code: str | None
    code2: str | None
    extra_tokens: frozenset[int]  # words of a multi-word verb
    slots: dict[str, int]
    negation_in_pattern: bool
    modal_in_pattern: bool = False


# ----------------------------------------------------------------------------- verbs

def _candidate_forms(ctx: DocContext, v: int) -> tuple[list[VerbForm], frozenset[int]]:
    """Forms of the verb at ``v``: surface form first, then lemma; longest multi-word first."""
    view, index = ctx.view, ctx.dictionaries.form_index
    best: list[VerbForm] = []
    best_len, best_extra = -1, frozenset()
    for key in (view.up[v], view.lem[v]):
        forms = index.get(key)
        if not forms:
            continue
        for form in forms:
            extra = _multiword_tokens(view, v, form)
            if extra is None:
                continue
            if len(extra) > best_len:
                best, best_len, best_extra = [form], len(extra), extra
            elif len(extra) == best_len and form not in best:
                best.append(form)
        if best:
            break
    return best, best_extra


def _multiword_tokens(view: DocView, v: int, form: VerbForm) -> frozenset[int] | None:
    """Token indices of the other words of a multi-word verb, or None if they are absent."""
    out: set[int] = set()
    for k, word in enumerate(reversed(form.before)):
        j = v - 1 - k
        if j < 0 or view.up[j] != word:
            return None
        out.add(j)
    j = v + 1
    n = len(view.up)
    for word in form.after:
        particle = next((c for c in view.children[v] if view.dep[c] == "prt" and view.up[c] == word
                         and c not in out), None)
        if particle is not None:
            out.add(particle)
            continue
        if j < n and view.up[j] == word:
            out.add(j)
            j += 1
            continue
        return None
    return frozenset(out)


def _regions(ctx: DocContext, v: int, start: int, end: int, extra: frozenset[int]) -> tuple[list[int], list[int]]:
    """Tokens before the verb (nearest first) and the verb's own words after it."""
    key = (v, start, end, extra)
    cached = ctx._regions.get(key)
    if cached is None:
        cached = ctx._regions[key] = _compute_regions(ctx, v, start, end, extra)
    return cached


def _compute_regions(ctx: DocContext, v: int, start: int, end: int, extra: frozenset[int]) -> tuple[list[int], list[int]]:
    view = ctx.view
    skip = ctx.skipped
    pre = [i for i in range(v - 1, start - 1, -1) if view.tag[i] not in PUNCT_TAGS and i not in extra
           and i not in skip]
    cut: set[int] = set()
    for c in view.children[v]:
        if c > v and (view.dep[c] in CUT and (view.dep[c] not in ("conj", "relcl") or view.tag[c].startswith("VB"))):
            lo, hi = view.subtree_span(c)
            cut.update(range(lo, hi))
    _, right = view.subtree_span(v)
    right = min(right, end)
    for i in range(v + 1, right):
        if view.dep[i] == "relcl" and i not in cut and view.tag[i].startswith("VB"):  # another event
            lo, hi = view.subtree_span(i)
            cut.update(range(lo, hi))
    post = [i for i in range(v + 1, right)
            if i not in cut and i not in extra and view.tag[i] not in PUNCT_TAGS and i not in skip]
    return pre, post


def _logical_regions(ctx: DocContext, v: int, pre: list[int], post: list[int]) -> tuple[list[int], list[int]] | None:
    """For a passive verb, the words in active order: "evidence against X was presented"
    matches as "presented evidence against X" (None when the verb is not passive)."""
    view = ctx.view
    passive = [c for c in view.children[v] if view.dep[c] in PASS_SUBJ and c < v]
    if not passive:
        return None
    lo, hi = view.subtree_span(passive[0])
    moved = [i for i in range(lo, min(hi, v)) if view.tag[i] not in PUNCT_TAGS]
    return [i for i in pre if not lo <= i < hi], moved + post


def match_verb(ctx: DocContext, v: int, start: int, end: int) -> VerbMatch | None:
    """The best pattern (or the default code) of the verb at ``v``."""
    forms, extra = _candidate_forms(ctx, v)
    if not forms:
        return None
    view = ctx.view
    pre, post = _regions(ctx, v, start, end, extra)
    words: set[str] = set()
    keys = view.keys
    for i in pre:
        words |= keys[i]
    for i in post:
        words |= keys[i]
    blocks = []
    for f in forms:
        if f.block not in blocks:
            blocks.append(f.block)
    best: Pattern | None = None
    best_score, best_slots = -1, {}
    orders = [(pre, post)]
    logical = _logical_regions(ctx, v, pre, post)
    if logical is not None:  # passive: the words as written ("+ WAS * BY $") or in active order
        orders.insert(0, logical)
    for pre_seq, post_seq in orders:
        pre_m = SideMatcher(keys, ctx.span_at, pre_seq)
        post_m = SideMatcher(keys, ctx.span_at, post_seq)
        for block_id in blocks:
            for pattern in ctx.dictionaries.candidate_patterns(block_id, words):
                if not pattern.required <= words or pattern.invalid:
                    continue
                if pattern.need and not all(not n.isdisjoint(words) for n in pattern.need):
                    continue
                a = pre_m.match(pattern.pre, True)
                if a < 0:
                    continue
                b = post_m.match(pattern.post, False)
                if b < 0:
                    continue
                if pattern.has_compound and not _compound_ok(ctx, v, pattern):
                    continue
                score = a + b
                if score > best_score or (score == best_score and best is not None and pattern.origin
                                          and pattern.origin == view.lem[v] != best.origin):
                    # a tie in a merged block: the pattern written for this very verb
                    best, best_score, best_slots = pattern, score, {**pre_m.slots, **post_m.slots}
    form = next((f for f in forms if f.has_code), forms[0])
    if best is not None:
        code, code2 = best.code, best.code2
    else:
        code, code2 = form.code, form.code2
    words_used = {w for e in best.pre + best.post for a in e.alts for w in a} if best is not None else set()
    neg = not words_used.isdisjoint(NEGATION_WORDS)
    modal = not words_used.isdisjoint(MODAL_WORDS)
    return VerbMatch(v, tuple(forms), best, code, code2, extra, best_slots, neg, modal)


def _compound_ok(ctx: DocContext, v: int, pattern: Pattern) -> bool:
    """``%`` before the verb needs a compound subject; after it, a compound object."""
    if any(e.kind == COMPOUND for e in pattern.pre):
        subj = _subject_head(ctx.view, v)
        return subj is not None and len(ctx.view.conjuncts(subj[0])) > 1
    return True


# ----------------------------------------------------------------------------- actors

def _subject_head(view: DocView, v: int) -> tuple[int, bool] | None:
    """(subject head, passive?) of verb ``v``, climbing to the head clause if needed.

    Object control: a verb in the complement of a verb with a direct object takes that
    object as its subject ("urged Bree to help", "accused Russia of supplying")."""
    if view.dep[v] == "acl" and view.tag[v] == "VBN" and not view.kids(v, "nsubj", "nsubjpass"):
        return view.head[v], True  # "victims killed by X": the noun is the patient
    cur = v
    controlled = False
    for _ in range(6):
        if cur != v and controlled:
            objs = [c for c in view.children[cur] if view.dep[c] == "dobj"]
            if objs:
                return objs[0], False
        for c in view.children[cur]:
            if view.dep[c] in PASS_SUBJ:
                return c, cur == v  # "X is scheduled to attend": X attends
        subjects = [c for c in view.children[cur] if view.dep[c] in SUBJ and view.dep[c] != "expl"]
        if subjects:  # two subjects ("Old foes Gondor and ..."): the one next to the verb
            before = [c for c in subjects if c < cur]
            return (before[-1] if before else subjects[0]), False
        dep = view.dep[cur]
        if dep not in CLIMB or view.head[cur] == cur:
            return None
        if dep == "ccomp":
            return None
        if dep == "relcl":  # "the state which attacked": the noun is the subject
            return view.head[cur], False
        controlled = dep in ("xcomp", "pcomp") or (dep == "prep" and controlled)
        cur = view.head[cur]
    return None


def actors_of_np(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    """Actors of the noun phrase headed at ``head`` and of its conjuncts."""
    cached = ctx._np_full.get(head)
    if cached is None:
        cached = ctx._np_full[head] = _actors_of_np(ctx, head, sent_index)
    return list(cached)


def _actors_of_np(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    out: list[Actor] = []
    heads = ctx.view.conjuncts(head)
    mention = ctx.mention_at.get(head)
    if mention is not None:  # "Barack Obama and Vladimir Putin" parsed with "Barack" as head
        for t in range(mention.start, mention.end):
            if t != head:
                heads.extend(c for c in ctx.view.conjuncts(t)[1:] if c not in heads)
    for h in heads:
        actor = _actor_of_single(ctx, h, sent_index)
        if isinstance(actor, list) and len(actor) == 1:
            actor = actor[0]
        if isinstance(actor, list):
            out.extend(a for a in actor if a is not None)
        elif actor is not None:
            if ctx.view.dep[h] == "appos" and any(a.root == actor.root for a in out):
                continue  # "the US commander, General X": the same actor twice
            out.append(actor)
            out.extend(_distributed(ctx, h, actor, sent_index))
    out.extend(a for a in _listed(ctx, head, sent_index) if all(a.root != b.root for b in out))
    seen: set[str] = set()
    uniq = []
    for a in _split_codes(out):
        if a.code not in seen:
            seen.add(a.code)
            uniq.append(a)
    return uniq


def _split_codes(actors: list[Actor]) -> list[Actor]:
    """An entry with several codes ("FRO/BIL/SAM": the Shire's three hobbits) is several actors."""
    out: list[Actor] = []
    for a in actors:
        if "/" not in a.code:
            out.append(a)
            continue
        for code in a.code.split("/"):
            if code:
                out.append(Actor(code, a.text, a.span, code[:3], a.role, a.kind, a.entry))
    return out


_LIST_DEPS = ("conj", "nmod", "appos")
_LIST_PATH = ("conj", "nmod", "appos", "compound", "amod", "det")


def _listed(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    """Actors listed inside a noun phrase the parser did not split into conjuncts
    ("Arnor, Calenardhon and the awful Gondor" with "Arnor" as a modifier of "Gondor")."""
    view = ctx.view
    out: list[Actor] = []
    stack = [c for c in view.children[head] if view.dep[c] in _LIST_PATH]
    while stack:
        t = stack.pop()
        listed = view.dep[t] in ("conj", "appos") or (view.dep[t] == "nmod" and bool(view.kids(t, "conj")))
        if listed and view.tag[t] in ("NNP", "NNPS"):
            m = ctx.mention_at.get(t)
            if m is not None and not m.actor.code.startswith("---"):
                actor = _actor_of_single(ctx, t, sent_index)
                if isinstance(actor, Actor) and not (view.dep[t] == "appos" and any(
                        a.root == actor.root for a in out)):
                    out.append(actor)
        stack.extend(c for c in view.children[t] if view.dep[c] in _LIST_PATH)
    return out


def _distributed(ctx: DocContext, head: int, actor: Actor, sent_index: int) -> list[Actor]:
    """"The ambassadors of A, B and C": the role of the head for each listed country."""
    view = ctx.view
    out: list[Actor] = []
    for prep in view.children[head]:
        if view.dep[prep] != "prep" or view.up[prep] not in ("OF", "IN", "FROM"):
            continue
        for pobj in view.kids(prep, "pobj"):
            base = ctx.mention_at.get(pobj)
            conj = view.conjuncts(pobj)[1:]
            if base is None or not conj or not actor.code.startswith(base.actor.code):
                continue
            suffix = actor.code[len(base.actor.code):]
            for c in conj:
                m = ctx.mention_at.get(c)
                if m is not None and not m.actor.code.startswith("---"):
                    other = m.actor
                    out.append(Actor(other.code + suffix, other.text, other.span, other.country,
                                     actor.role, other.kind, other.entry))
    return out


def _actor_of_single(ctx: DocContext, h: int, sent_index: int) -> Actor | list[Actor] | None:
    cached = ctx._np_cache.get(h)
    if cached is not None:
        return cached
    view, resolver = ctx.view, ctx.dictionaries.actors
    if h in ctx.skipped:
        return None
    actor = None
    try:
        actor = resolver.resolve_phrase(view.doc, h, ctx.date, ctx.mentions)
    except (IndexError, KeyError, ValueError):
        actor = None
    if actor is None:
        m = ctx.mention_at.get(h)
        if m is not None:
            actor = m.actor
    if actor is None and ctx.coref is not None:
        try:
            actor = ctx.coref.resolve(view.doc, h, None, sent_index)
        except (IndexError, KeyError, ValueError):
            actor = None
    elif actor is not None and ctx.coref is not None:
        try:
            actor = ctx.coref.resolve(view.doc, h, actor, sent_index) or actor
        except (IndexError, KeyError, ValueError):
            pass
    if actor is None and view.up[h] in REFLEXIVES:
        subj = _subject_head(view, view.head[h])
        if subj is not None and subj[0] != h:  # "Iraq attacked themselves"
            found = actors_of_np(ctx, subj[0], sent_index)
            actor = found or None
    if actor is None and view.up[h] in GROUP_PRONOUNS and ctx.last_group:
        actor = list(ctx.last_group)  # "X and Y said they will ...": the group just named
    if actor is None and ctx.options.new_actor_length > 0:
        actor = _new_actor(ctx, h)
    result = [actor] if isinstance(actor, Actor) else actor
    if result is not None:
        ctx._np_cache[h] = result
    return actor


def _new_actor(ctx: DocContext, h: int) -> Actor | None:
    """PETRARCH's ``new_actor_length``: an unknown proper-noun phrase of at most that many
    words (determiners and possessive markers not counted) is an actor without a code."""
    view = ctx.view
    if view.tag[h] not in ("NNP", "NNPS") or h in ctx.mention_at:
        return None
    tokens = _phrase(ctx, h)
    whole = _whole_np(ctx, h, tokens)
    words = [t for t in whole if view.tag[t] not in PUNCT_TAGS and view.tag[t] not in ("POS", "DT")]
    if not words or len(words) > ctx.options.new_actor_length:
        return None
    if any(t in ctx.mention_at or t in ctx.skipped or view.temporal[t] for t in tokens):
        return None  # a known actor, a skipped clause, a date ("Monday")
    lo, hi = tokens[0], tokens[-1] + 1
    span = view.char_span(lo, hi)
    return Actor("", view.text[span[0]:span[1]], span, None, None, "new",
                 f"new actor ({len(words)} words <= new_actor_length {ctx.options.new_actor_length})")


def _phrase(ctx: DocContext, h: int) -> list[int]:
    try:
        return sorted(ctx.dictionaries.actors.phrase_tokens(ctx.view.doc, h))
    except (IndexError, KeyError, ValueError, AttributeError):
        return [h]


def _whole_np(ctx: DocContext, h: int, tokens: list[int]) -> set[int]:
    """The noun phrase a name is part of: with the noun it modifies or stands in apposition
    to and that noun's appositions ("X's head Minerva McGonagall" is four words)."""
    view = ctx.view
    top = h
    for _ in range(3):
        if view.dep[top] not in ("appos", "compound", "poss") or view.head[top] == top:
            break
        top = view.head[top]
    whole = set(tokens)
    if top != h:
        whole.update(_phrase(ctx, top))
        for c in view.children[top]:
            if view.dep[c] == "appos":
                whole.update(_phrase(ctx, c))
    return whole


def _may_be_new_actor(ctx: DocContext, t: int) -> bool:
    return ctx.options.new_actor_length > 0 and ctx.view.tag[t] in ("NNP", "NNPS") and t not in ctx.skipped


def _np_head_of(view: DocView, t: int, limit: int) -> int:
    """Climb from a token inside a noun phrase to the phrase's head (not past ``limit``)."""
    cur = t
    for _ in range(4):
        if view.dep[cur] in ("compound", "amod", "poss", "nmod", "case", "det", "nummod") and view.head[cur] != cur:
            nxt = view.head[cur]
            if nxt == limit:
                break
            cur = nxt
        else:
            break
    return cur


def _first_actors(ctx: DocContext, tokens: Sequence[int], sent_index: int, limit: int,
                  exclude: frozenset[str] = frozenset()) -> list[Actor]:
    return _first_actors_at(ctx, tokens, sent_index, limit, exclude)[0]


def _first_actors_at(ctx: DocContext, tokens: Sequence[int], sent_index: int, limit: int,
                     exclude: frozenset[str] = frozenset()) -> tuple[list[Actor], int | None]:
    """Actors of the first noun phrase among ``tokens`` that has one (other than the
    ``exclude`` codes), and that phrase's head; a phrase with a known country beats a
    bare agent ("fighter planes")."""
    view = ctx.view
    fallback: tuple[list[Actor], int | None] = ([], None)
    tried: set[int] = set()
    for t in tokens:
        if t in ctx.mention_at or view.tag[t] in ("PRP", "PRP$") or _may_be_new_actor(ctx, t):
            head = _np_head_of(view, t, limit)
            if head in tried:
                continue
            tried.add(head)
            keep_all = view.up[head] in REFLEXIVES
            found = [a for a in actors_of_np(ctx, head, sent_index) if keep_all or a.code not in exclude]
            if not found and head != t:
                found = [a for a in actors_of_np(ctx, t, sent_index) if a.code not in exclude]
            if not found:
                continue
            if fallback[0] and fallback[1] is not None and (
                    _clause_of(view, head, limit) != _clause_of(view, fallback[1], limit)):
                continue  # a better actor, but in another clause ("pressure from X to help Y")
            if all(a.code.startswith("---") or not a.code for a in found):  # agents, new actors
                fallback = fallback if fallback[0] else (found, head)
                continue
            return found, head
    return fallback


def _clause_of(view: DocView, t: int, limit: int) -> int:
    """The nearest verb above token ``t`` (``limit`` when the climb reaches it)."""
    cur = t
    for _ in range(8):
        h = view.head[cur]
        if h == cur or h == limit:
            return limit
        if view.tag[h].startswith("VB") and view.dep[h] in CLAUSE_DEPS:
            return h
        cur = h
    return limit


def _is_modifier_only(ctx: DocContext, head: int) -> bool:
    """Whether the only actors of the phrase at ``head`` are modifiers of a non-actor noun
    ("the Malaysia Airlines crash"), rather than actors in its prepositional phrases."""
    view = ctx.view
    return any(view.dep[c] in ("compound", "amod", "nmod", "poss") and c in ctx.mention_at
               for c in view.children[head])


def _np_actors_anywhere(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    """Actors of an NP; if its head has none, the first actor inside its subtree."""
    found = actors_of_np(ctx, head, sent_index)
    if found:
        return found
    lo, hi = ctx.view.subtree_span(head)
    inside = [i for i in range(lo, hi) if ctx.view.dep[i] not in ("relcl", "acl")]
    return _first_actors(ctx, inside, sent_index, -1)


# ----------------------------------------------------------------------------- events

@dataclass
class _Found:
    sources: list[Actor]
    targets: list[Actor]
    pairwise: bool
    reverse_ok: bool = True  # the target is an argument of the verb (paired codes apply)
    reflexive: bool = False  # "attacked themselves": source and target are the same


def _is_direct(view: DocView, head: int | None, v: int) -> bool:
    """Whether the noun phrase at ``head`` is an argument of verb ``v`` (object, subject,
    or object of one of its prepositions), not a modifier inside another noun phrase."""
    if head is None:
        return True
    h = head
    for _ in range(4):
        if view.dep[h] in ("compound", "amod", "poss", "nmod") and view.head[h] != h:
            return False
        if view.dep[h] == "conj" and view.head[h] != h:
            h = view.head[h]
            continue
        break
    for _ in range(3):
        if view.head[h] == v:
            return True
        if view.dep[h] != "pobj":
            break
        prep = view.head[h]
        if view.head[prep] == v or view.dep[view.head[prep]] in ("prep", "agent"):
            return True
        if view.up[prep] in LOCATIVE_PREPS:  # "a summit in X": a place of something else
            return False
        h = view.head[prep]  # "a bunch of X", "the leaders of X"
    return view.dep[h] in ("nsubj", "nsubjpass", "dobj")


def _find_actors(ctx: DocContext, m: VerbMatch, post: list[int], sent_index: int) -> _Found:
    view, v = ctx.view, m.verb
    sources: list[Actor] = []
    targets: list[Actor] = []
    target_head: int | None = None
    if "src" in m.slots:
        sources = actors_of_np(ctx, _np_head_of(view, m.slots["src"], -1), sent_index)
    if "tgt" in m.slots:
        targets = actors_of_np(ctx, _np_head_of(view, m.slots["tgt"], -1), sent_index)
    subj = _subject_head(view, v)
    passive = subj is not None and (subj[1] or bool(view.kids(v, "auxpass", "agent")))
    if sources and not targets and subj is not None and not passive:
        targets = [a for a in _np_actors_anywhere(ctx, subj[0], sent_index) if a.code not in {s.code for s in sources}]
    if not sources:
        if passive:
            agents = [p for p in view.kids(v, "agent")]
            for a in agents:
                objs = view.kids(a, "pobj")
                if objs:
                    if objs[0] in ctx.mention_at or view.tag[objs[0]].startswith("PRP"):
                        sources = actors_of_np(ctx, objs[0], sent_index)
                    else:  # "by a missile fired by X", "by the crash of a Y airliner"
                        sources = [a for a in _np_actors_anywhere(ctx, objs[0], sent_index)
                                   if not _is_modifier_only(ctx, objs[0])]
                    break
        elif subj is not None:
            sources = _np_actors_anywhere(ctx, subj[0], sent_index)
            if len(sources) > 1:
                ctx.last_group = tuple(sources)
    if not targets:
        if passive and subj is not None and "src" not in m.slots:
            targets = _np_actors_anywhere(ctx, subj[0], sent_index)
            if targets and all(a.code.startswith("---") for a in targets) and not sources:
                targets = []  # "a joint military exercise was held between X and Y"
        if not targets:
            agent_toks: set[int] = set()
            for a in view.kids(v, "agent"):
                lo, hi = view.subtree_span(a)
                agent_toks.update(range(lo, hi))
            if view.lem[v] in SPEECH_WORDS:  # the target of a statement is not in what is said
                for c in view.kids(v, "ccomp"):
                    lo, hi = view.subtree_span(c)
                    agent_toks.update(range(lo, hi))
            exclude = frozenset(a.code for a in sources if a.code)  # new actors have no code
            targets, target_head = _first_actors_at(ctx, [t for t in post if t not in agent_toks],
                                                    sent_index, v, exclude)
    pairwise = False
    symmetric = (m.code or m.code2 or "")[:2] in SYMMETRIC_ROOTS
    if len(sources) > 1 and symmetric and targets and all(a.code.startswith("---") for a in targets):
        targets = []  # "Russia and Pakistan held military exercises": between the two
    if m.pattern is not None and m.pattern.has_compound and len(sources) > 1 and not targets or not targets and len(sources) > 1 and symmetric:
        pairwise = True
    elif not sources and len(targets) > 1 and symmetric and passive:
        sources, targets, pairwise = targets, [], True  # "an exercise was held between X and Y"
    if sources and all(a.code.startswith("---") for a in sources) and targets and all(
            a.code.startswith("---") for a in targets):
        targets = []  # "insurgents killed people": no known actor on either side
        sources = []
    reverse_ok = _is_direct(view, target_head, v) and (
        target_head is None or target_head in ctx.mention_at or any(not a.code for a in targets)
        or view.tag[target_head] not in ("NNP", "NNPS"))  # "the Beijing Olympics": not Beijing
    reflexive = target_head is not None and view.up[target_head] in REFLEXIVES
    return _Found(sources, targets, pairwise, reverse_ok, reflexive)


def _pairs(found: _Found) -> list[tuple[Actor | None, Actor | None]]:
    if found.pairwise:
        members = found.sources
        return [(a, b) for a in members for b in members if a.code != b.code]
    sources: list[Actor | None] = list(found.sources) or [None]
    targets: list[Actor | None] = list(found.targets) or [None]
    return [(s, t) for s in sources for t in targets]


def _make_event(ctx: DocContext, m: VerbMatch, code: str, source: Actor | None, target: Actor | None,
                factuality: Factuality, sent: tuple[int, int, int], rules: tuple[str, ...]) -> Event:
    view = ctx.view
    info = ctx.dictionaries.ontology.get(code)
    v = m.verb
    trig = sorted({v} | set(m.extra_tokens))
    return Event(
        source=source, target=target, code=code, factuality=factuality,
        name=info.name if info else None,
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        plover_type=info.plover_type if info else None,
        plover_mode=info.plover_mode if info else None,
        sentence_index=sent[2],
        sentence=view.text[view.idx[sent[0]]:view.char_span(sent[0], sent[1])[1]],
        sentence_span=view.char_span(sent[0], sent[1]),
        trigger=" ".join(view.text[view.idx[i]:view.idx[i] + view.length[i]] for i in trig),
        trigger_span=view.char_span(trig[0], trig[-1] + 1),
        rules=rules,
        article_date=ctx.date,
    )


def _rules(ctx: DocContext, m: VerbMatch, source: Actor | None, target: Actor | None, frame: Frame | None) -> tuple[str, ...]:
    out = []
    if m.pattern is not None:
        out.append(f"{m.pattern.source} {m.pattern.text} [{m.pattern.code or ''}{':' + m.pattern.code2 if m.pattern.code2 else ''}]")
    else:
        form = next((f for f in m.forms if f.has_code), m.forms[0])
        out.append(f"{form.source} {form.word} [{form.code or ''}{':' + form.code2 if form.code2 else ''}]")
    for actor, role in ((source, "source"), (target, "target")):
        if actor is not None and actor.entry:
            out.append(f"{role}: {actor.entry}")
    if frame is not None:
        out.append(f"frame: {frame.kind} ({frame.word})")
    return tuple(out)


def code_verb(ctx: DocContext, v: int, sent: tuple[int, int, int]) -> tuple[VerbMatch | None, list[Event]]:
    """The match and events of the verb at token ``v`` in sentence ``sent`` = (start, end, index)."""
    if not _may_have_source(ctx, v):
        return None, []
    m = match_verb(ctx, v, sent[0], sent[1])
    if m is None or (m.code is None and m.code2 is None):
        return m, []
    _, post = _regions(ctx, v, sent[0], sent[1], m.extra_tokens)
    found = _find_actors(ctx, m, post, sent[2])
    factuality, frame = factuality_of(ctx.view, v, m.negation_in_pattern, m.modal_in_pattern)
    events: list[Event] = []
    for source, target in _pairs(found):
        for code, s, t in ((m.code, source, target), (m.code2, target, source)):
            if code is None or (found.pairwise and code is m.code2):
                continue
            if code is m.code2 and code is not m.code and not found.reverse_ok:
                continue
            fact = factuality
            if fact is Factuality.INTENDED:
                code = intent_code(code, frame.word if frame else "")
            elif fact is Factuality.NEGATED and frame is not None and frame.word == "not" and reject_code(code):
                code, fact = reject_code(code) or code, Factuality.ASSERTED
            if not _keep(ctx, s, t, found.reflexive):
                continue
            events.append(_make_event(ctx, m, code, s, t, fact, sent, _rules(ctx, m, s, t, frame)))
    return m, events


def _may_have_source(ctx: DocContext, v: int) -> bool:
    """Cheap test before matching: can the verb have a source actor?  (Its subject, or a
    passive agent, contains an actor mention or a pronoun; ``$`` patterns are rare enough
    to look for their actor anywhere after the verb.)"""
    view = ctx.view
    found = _subject_head(view, v)
    spans = []
    if found is not None:
        spans.append(view.subtree_span(found[0]))
    for a in view.children[v]:
        if view.dep[a] == "agent":
            spans.append(view.subtree_span(a))
    if not spans:
        return any(i in ctx.mention_at for i in range(v + 1, view.subtree_span(v)[1]))
    mention_at, tags = ctx.mention_at, view.tag
    new = ctx.options.new_actor_length > 0
    return any(i in mention_at or tags[i] in ("PRP", "PRP$") or view.up[i] == "THE"
               or (new and tags[i] in ("NNP", "NNPS")) for lo, hi in spans for i in range(lo, hi))


def subject_actors(ctx: DocContext, v: int, sent_index: int) -> list[Actor]:
    """Actors of the subject of verb ``v`` (the agent in the passive)."""
    view = ctx.view
    subj = _subject_head(view, v)
    if subj is None:
        return []
    if subj[1]:
        for a in view.kids(v, "agent"):
            for o in view.kids(a, "pobj"):
                return _np_actors_anywhere(ctx, o, sent_index)
        return []
    return _np_actors_anywhere(ctx, subj[0], sent_index)


def _keep(ctx: DocContext, source: Actor | None, target: Actor | None, reflexive: bool = False) -> bool:
    if source is None:
        return False
    if target is None:
        return not ctx.options.require_dyad
    if not source.code and not target.code:  # two new actors: distinct phrases
        return source.span != target.span
    return source.code != target.code or reflexive


def is_candidate(view: DocView, i: int, index: dict[str, Any]) -> bool:
    """Whether token ``i`` is a verb the dictionary knows."""
    tag = view.tag[i]
    if not (tag.startswith("VB") or (view.dep[i] == "ROOT" and tag.startswith("NN"))):
        return False
    if view.dep[i] in ("prep", "case", "mark", "aux", "auxpass", "amod", "compound"):
        return False  # "following", "including": used as prepositions
    if view.up[i] in PREPOSITIONAL_PARTICIPLES:
        return False
    return view.up[i] in index or view.lem[i] in index


def code_sentence(ctx: DocContext, start: int, end: int, sent_index: int) -> list[Event]:
    """All events of the sentence spanning tokens [start, end) of the context's document."""
    view = ctx.view
    index = ctx.dictionaries.form_index
    per_verb: dict[int, list[Event]] = {}
    if ctx.options.skips_commas:
        _skip_clauses(ctx, start, end)
    if not _may_have_actors(ctx, start, end):
        return []
    tags, up, lem = view.tag, view.up, view.lem
    skip = ctx.skipped
    for i in range(start, end):
        tag = tags[i]
        if tag[0] not in "VN" or (up[i] not in index and lem[i] not in index) or i in skip:
            continue
        if not is_candidate(view, i, index):
            continue
        _, found = code_verb(ctx, i, (start, end, sent_index))
        per_verb[i] = found
    compose(ctx, per_verb, sent_index)
    _allegations(ctx, per_verb, start, end, sent_index)
    if ctx.dictionaries.nominal_index:
        _nominal_events(ctx, per_verb, (start, end, sent_index))
    return dedupe(e for i in sorted(per_verb) for e in per_verb[i])


def _skip_clauses(ctx: DocContext, start: int, end: int) -> None:
    """Leave the comma clauses the options skip out of the sentence's actors and verbs."""
    skipped = skipped_clauses(ctx.view, start, end, ctx.options)
    ctx.skipped |= skipped
    for i in skipped:
        ctx.mention_at.pop(i, None)
        ctx.span_at.pop(i, None)


def _nominal_events(ctx: DocContext, per_verb: dict[int, list[Event]], sent: tuple[int, int, int]) -> None:
    """Event nouns: "the cooperation between X and Y" (both ways), "X's talks with Y"."""
    view, nominal = ctx.view, ctx.dictionaries.nominal_index
    for i in range(sent[0], sent[1]):
        form = nominal.get(view.up[i])
        if form is None or not view.tag[i].startswith("NN") or per_verb.get(i) or i in ctx.skipped:
            continue
        head = view.head[i]
        if view.dep[i] in ("dobj", "nsubjpass", "nsubj", "attr") and head != i and is_candidate(
                view, head, ctx.dictionaries.form_index):
            hm = match_verb(ctx, head, sent[0], sent[1])
            if hm is not None and (hm.code or hm.code2):
                continue  # "held talks with X", "the talks were cancelled": the verb says it
        pairs = _nominal_pairs(ctx, i, sent[2])
        if not pairs:
            continue
        m = VerbMatch(i, (form,), None, form.code, None, frozenset(), {}, False)
        factuality, frame = factuality_of(view, i, False)
        if view.lem[head] in NOMINAL_STOPPERS and head != i:  # "the talks were cancelled"
            factuality, frame = Factuality.NEGATED, Frame("negation", view.lem[head].lower())
        per_verb[i] = [_make_event(ctx, m, form.code or "", s, t, factuality, sent,
                                   _rules(ctx, m, s, t, frame) + ("nominal event",))
                       for s, t in pairs if form.code and s.code != t.code]


def _nominal_pairs(ctx: DocContext, i: int, sent_index: int) -> list[tuple[Actor, Actor]]:
    view = ctx.view
    for prep in view.kids(i, "prep"):
        objs = view.kids(prep, "pobj")
        if view.up[prep] == "BETWEEN" and objs:
            members = actors_of_np(ctx, objs[0], sent_index)
            if len(members) > 1:
                return [(a, b) for a in members for b in members if a.root != b.root]
    owners: list[Actor] = []
    for c in view.children[i]:
        if view.dep[c] == "poss" or (view.dep[c] in ("compound", "amod") and c in ctx.mention_at):
            owners.extend(a for a in actors_of_np(ctx, c, sent_index) if not a.code.startswith("---"))
    partners: list[Actor] = []
    for prep in view.kids(i, "prep"):
        if view.up[prep] == "WITH":
            for o in view.kids(prep, "pobj"):
                partners.extend(actors_of_np(ctx, o, sent_index))
    return [(a, b) for a in owners for b in partners if a.root != b.root]


def _may_have_actors(ctx: DocContext, start: int, end: int) -> bool:
    """Whether any token of the sentence is (part of) an actor mention or a pronoun or
    definite noun phrase that coreference might resolve."""
    for i in range(start, end):
        if i in ctx.mention_at:
            return True
    if ctx.options.new_actor_length > 0 and any(_may_be_new_actor(ctx, i) for i in range(start, end)):
        return True
    if ctx.coref is None:
        return False
    tags = ctx.view.tag
    return any(tags[i] in ("PRP", "PRP$") or ctx.view.up[i] == "THE" for i in range(start, end))


def _frame_of(view: DocView, v: int) -> tuple[int, str] | None:
    """(frame word, edge) of the clause of ``v``: the verb or noun it is the complement of."""
    cur = v
    for _ in range(3):
        dep = view.dep[cur]
        head = view.head[cur]
        if head == cur:
            return None
        if dep == "conj":
            cur = head
            continue
        if dep in ("ccomp", "xcomp", "acl"):
            return head, dep
        if dep == "pcomp" and view.dep[head] == "prep":
            return view.head[head], "pcomp"
        return None
    return None


def compose(ctx: DocContext, per_verb: dict[int, list[Event]], sent_index: int) -> None:
    """Combine the events of nested clauses, as a reader would (in place):

    - reported speech ("X said Y did Z"): the embedded event stands for the statement
      (the speaker's own 01x event is dropped); a conflict event reported by someone
      else than its source becomes the speaker's accusation (112) of that source, and the
      event itself only alleged; a speaker's claim of its own conflict act is 015;
    - intent frames ("X plans/wants/offered to do Z", "willingness to"): the frame word's
      own event is dropped (the embedded event is already intended, coded 03x);
    - control by an object ("X urged/asked Y to do Z"): the frame verb's event (a request
      to Y) stands, the embedded act is only hypothetical and dropped.
    """
    view = ctx.view
    for v in list(per_verb):
        events = per_verb.get(v)
        if not events:
            continue
        frame = _frame_of(view, v)
        if frame is None:
            continue
        h, edge = frame
        word = view.lem[h]
        if edge == "ccomp" and word in SPEECH_WORDS:
            per_verb[h] = []
            if h > v:  # "..., officials said": attribution of the news, not a claim
                continue
            speakers = subject_actors(ctx, h, sent_index)
            per_verb[v] = _reported(ctx, events, speakers, word in CLAIM_FRAME_WORDS)
        elif edge == "xcomp" and word in NEGATING_WORDS:
            per_verb[h] = []  # "refused to provide aid": the rejection is the embedded act, negated
        elif edge in ("xcomp", "acl", "ccomp") and word in INTENT_FRAME_WORDS:
            own = view.kids(v, "nsubj")
            if (edge == "xcomp" and view.kids(h, "dobj")) or (edge == "ccomp" and own):
                # "X urged/wants Y to do Z": a request to Y; Z is not asserted
                asked = APPEAL_FOR.get(events[0].code[:2], "020")
                per_verb[v] = []
                per_verb[h] = [_recode(ctx, e, asked, e.source, e.target)
                               if e.code[:2] not in ("02", "10") or e.code in ("020", "100") else e
                               for e in per_verb.get(h, [])]
                continue
            per_verb[h] = []
            if edge == "acl" and view.dep[h] in ("dobj", "attr", "nsubj", "nsubjpass"):
                per_verb[view.head[h]] = []


ALLEGE_WORDS = frozenset({"ALLEGE", "ACCUSE", "CHARGE"})


def _allegations(ctx: DocContext, per_verb: dict[int, list[Event]], start: int, end: int,
                 sent_index: int) -> None:
    """"X alleged that Y was aware of ...": a disapproval of Y by X (the verb's own 11x
    code, else 112 accuse) when nothing in the allegation itself was coded."""
    view = ctx.view
    for h in range(start, end):
        if view.lem[h] not in ALLEGE_WORDS or not view.tag[h].startswith("VB") or per_verb.get(h):
            continue
        for c in view.kids(h, "ccomp"):
            lo, hi = view.subtree_span(c)
            if any(per_verb.get(i) for i in range(lo, hi)):
                continue
            subj = [s for s in view.children[c] if view.dep[s] in SUBJ + PASS_SUBJ]
            speakers = subject_actors(ctx, h, sent_index)
            accused = _np_actors_anywhere(ctx, subj[0], sent_index) if subj else []
            for sp in speakers:
                for ac in accused:
                    if sp.code == ac.code:
                        continue
                    m = match_verb(ctx, h, start, end)
                    if m is None:
                        continue
                    # the verb's own disapproval code (ALLEGE [110]), else an accusation
                    code = m.code if m.code and m.code[:2] == "11" else "112"
                    base = _make_event(ctx, m, code, sp, ac, Factuality.ASSERTED, (start, end, sent_index),
                                       (f"allegation: {view.lem[h].lower()} that ... [{code}]",))
                    per_verb.setdefault(h, []).append(base)


def _reported(ctx: DocContext, events: list[Event], speakers: list[Actor], claim: bool) -> list[Event]:
    out: list[Event] = []
    for e in events:
        if (e.factuality is Factuality.HYPOTHETICAL and speakers and e.source is not None
                and any(r in ("frame: modal (would)", "frame: modal (will)") for r in e.rules)
                and any(sp.root == e.source.root for sp in speakers)):
            code = intent_code(e.code)
            if code != e.code:  # "X announced it would free Y": an intent of X
                out.append(_recode(ctx, e, code, e.source, e.target).replace(factuality=Factuality.INTENDED))
                continue
        if not speakers or e.factuality not in (Factuality.ASSERTED, Factuality.ALLEGED):
            out.append(e)
            continue
        if _is_conflict(e.code):
            own = e.source is not None and any(sp.root == e.source.root for sp in speakers)
            for sp in speakers:
                if e.source is not None and e.source.root == sp.root:
                    out.append(_recode(ctx, e, "015", sp, e.target))
                elif e.source is not None and not own:
                    out.append(_recode(ctx, e, "112", sp, e.source))
            out.append(e.replace(factuality=Factuality.ALLEGED))
        else:
            out.append(e.replace(factuality=Factuality.ALLEGED) if claim else e)
    return out


def _is_conflict(code: str) -> bool:
    return code[:2].isdigit() and 13 <= int(code[:2]) <= 20


def _recode(ctx: DocContext, e: Event, code: str, source: Actor | None, target: Actor | None) -> Event:
    info = ctx.dictionaries.ontology.get(code)
    return e.replace(code=code, source=source, target=target, factuality=Factuality.ASSERTED,
                     name=info.name if info else None, goldstein=info.goldstein if info else None,
                     quad_class=info.quad_class if info else None,
                     plover_type=info.plover_type if info else None,
                     plover_mode=info.plover_mode if info else None,
                     rules=e.rules + (f"reported speech: {code}",))


def dedupe(events: Iterable[Event]) -> list[Event]:
    """Drop repeated (source, target, code) events of one sentence, keeping the first."""
    seen: set[tuple[str | None, str | None, str, str]] = set()
    out = []
    for e in events:
        key = (e.source.code if e.source else None, e.target.code if e.target else None, e.code, e.factuality.value)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
