"""Verb matching: which dictionary verb a token is, and which of its patterns fits.

A verb is looked up by surface form, then lemma (the longest multi-word form first);
the words before the verb (nearest first) and its own words after it are matched
against the patterns of its block(s); the most specific pattern wins, else the verb's
default code. A passive verb is also tried with its words in active order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from tocsin.coding.context import DocContext, Regions
from tocsin.coding.docview import DocView
from tocsin.coding.matcher import SideMatcher
from tocsin.coding.syntax import CUT, PASS_SUBJ, PUNCT_TAGS, subject_head
from tocsin.coding.verbs import COMPOUND, NEGATION_WORDS, WORD, Pattern, VerbForm

MODAL_WORDS = frozenset({"WOULD", "SHOULD", "MAY", "MIGHT", "COULD", "MUST", "IF"})
PREPOSITIONAL_PARTICIPLES = frozenset(
    {
        "CONCERNING",
        "REGARDING",
        "INCLUDING",
        "FOLLOWING",
        "CONSIDERING",
        "INVOLVING",
        "ACCORDING",
        "PENDING",
        "BARRING",
        "EXCLUDING",
        "RESPECTING",
        "NOTWITHSTANDING",
        "GIVEN",
        "CITING",  # "..., citing security concerns": the reason given, not an act
    }
)


# verbs that keep someone "from" doing something: the act in "bans its citizens from
# traveling to Iran", "blocks the government from deporting migrants" did not happen
# (CONVENTIONS.md: a negated act is forbidden), so the gerund is no verb to code
PREVENTION_VERBS = frozenset(
    "BAN BAR PREVENT STOP BLOCK PROHIBIT FORBID DETER RESTRAIN REFRAIN ABSTAIN DESIST "
    "PRECLUDE DISCOURAGE DISSUADE KEEP EXEMPT EXCLUDE PROTECT SAVE SHIELD".split()
)

# prepositions and particles: a pattern of nothing else spells one verb's own sense
PARTICLES = frozenset(
    "ABOUT ACROSS AFTER AGAINST ALONG AMONG AROUND AS AT AWAY BACK BEFORE BEHIND BETWEEN BY "
    "DOWN FOR FROM IN INTO OF OFF ON ONTO OUT OVER THROUGH TO TOWARD TOWARDS UNDER UP UPON "
    "WITH WITHIN WITHOUT".split()
)


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
    # the other matching patterns with a $ or + slot, best first (see :func:`fallbacks`)
    others: tuple[tuple[Pattern, dict[str, int]], ...] = ()


@dataclass
class _Best:
    pattern: Pattern | None = None
    score: int = -1
    slots: dict[str, int] = field(default_factory=dict)
    # every matching pattern with a slot: (score, pattern, slots), in matching order
    slotted: list[tuple[int, Pattern, dict[str, int]]] = field(default_factory=list)


def is_candidate(view: DocView, i: int, index: dict[str, list[VerbForm]]) -> bool:
    """Whether token ``i`` is a verb the dictionary knows."""
    tag = view.tag[i]
    if not (tag.startswith("VB") or (view.dep[i] == "ROOT" and tag.startswith("NN"))):
        return False
    if view.dep[i] in ("prep", "case", "mark", "aux", "auxpass", "amod", "compound"):
        return False  # "following", "including": used as prepositions
    if view.up[i] in PREPOSITIONAL_PARTICIPLES or _prevented(view, i):
        return False
    return view.up[i] in index or view.lem[i] in index


def _prevented(view: DocView, i: int) -> bool:
    """Whether ``i`` is the gerund of "from" after a verb of prevention ("bans X from
    traveling", "refrain from attacking"): an act kept from happening."""
    if view.dep[i] != "pcomp":
        return False
    prep = view.head[i]
    return view.up[prep] == "FROM" and view.lem[view.head[prep]] in PREVENTION_VERBS


def match_verb(ctx: DocContext, v: int, start: int, end: int) -> VerbMatch | None:
    """The best pattern (or the default code) of the verb at ``v``."""
    forms, extra = candidate_forms(ctx, v)
    if not forms:
        return None
    pre, post = regions(ctx, v, start, end, extra)
    words = _words_of(ctx.view, pre, post)
    best = _Best()
    patterns = _candidates(ctx, v, forms, words)  # the same for every word order
    if patterns:
        for pre_seq, post_seq in _orders(ctx, v, pre, post):
            _match_patterns(ctx, v, patterns, pre_seq, post_seq, best)
    m = _verb_match(v, forms, extra, best)
    code = m.code
    if m.pattern is None and code is not None and code[:3] == "084" and _no_one_released(ctx, v):
        return replace(m, code=None, code2=None)
    return m


def _no_one_released(ctx: DocContext, v: int) -> bool:
    """Whether the object of a release verb holds no actor and is no pronoun: "China and
    Pakistan release a peace plan for the Iran war", "India releases water into the river"
    publish or let out a thing, no release of persons or of their property (084, CAMEO:
    "return, release person(s)/property"), so the verb's default code is no event; with an
    actor in the object ("release the bodies of two Israeli hostages", "frozen Iranian
    assets") or a pattern ("* &HOSTAGE") it stays."""
    view = ctx.view
    objects = view.kids(v, "dobj", "nsubjpass")
    if not objects or view.tag[objects[0]].startswith("PRP"):
        return False
    head = objects[0]
    lo = view.subtree_span(head)[0]
    own = set(range(lo, head + 1))  # the head and its modifiers before it
    for of in view.kids(head, "prep"):
        if view.up[of] == "OF":  # "the bodies of two hostages"; not "a plan for the war"
            own.update(range(*view.subtree_span(of)))
    return ctx.mention_at.keys().isdisjoint(own)


def _words_of(view: DocView, pre: list[int], post: list[int]) -> set[str]:
    keys = view.keys.__getitem__
    return set().union(*map(keys, pre), *map(keys, post))


def _orders(ctx: DocContext, v: int, pre: list[int], post: list[int]) -> list[Regions]:
    """The word orders to match: as written, and first, for a passive, the active order."""
    orders = [(pre, post)]
    logical = logical_regions(ctx, v, pre, post)
    if logical is not None:  # passive: the words as written ("+ WAS * BY $") or in active order
        orders.insert(0, logical)
    return orders


def _blocks(forms: list[VerbForm]) -> list[str]:
    return list(dict.fromkeys(f.block for f in forms))


def _candidates(ctx: DocContext, v: int, forms: list[VerbForm], words: set[str]) -> list[Pattern]:
    """The patterns of the verb's blocks whose required words the region has (file order),
    without the patterns written for another verb of a merged block that do not fit it
    (see :func:`_borrowed`)."""
    out: list[Pattern] = []
    own = (ctx.view.lem[v], ctx.view.up[v])
    own_code = {f.block for f in forms if f.has_code}
    for block_id in _blocks(forms):
        for pattern in ctx.dictionaries.candidate_patterns(block_id, words):
            if not pattern.required <= words or pattern.invalid:
                continue
            if pattern.need and not all(not n.isdisjoint(words) for n in pattern.need):
                continue
            if pattern.origin and pattern.origin not in own:
                member, particles = _borrowed(ctx, block_id, pattern)
                if member and (particles or block_id in own_code):
                    continue
            out.append(pattern)
    return out


_BORROWED: dict[tuple[str, str], tuple[bool, bool]] = {}


def _borrowed(ctx: DocContext, block_id: str, pattern: Pattern) -> tuple[bool, bool]:
    """(written for another verb of its merged block, says nothing but particles).

    Such a pattern does not fire for a verb when it is only particles ("head for" is
    travel, 042; "conduct ... for" is no visit), nor when the verb's own form line gives
    it a code of its own ("INDICT [173]" in the BLAME block: "charge ... in court" 112 is
    CHARGE's sense); a noun pattern is shared otherwise ("conduct / lead ... training")."""
    key = (block_id, pattern.source)
    found = _BORROWED.get(key)
    if found is None:
        members = ctx.dictionaries.form_index.get(pattern.origin) or ()
        found = _BORROWED[key] = (
            any(f.block == block_id for f in members),
            all(
                e.kind == WORD and all(set(a) <= PARTICLES for a in e.alts)
                for e in pattern.pre + pattern.post
            ),
        )
    return found


def _match_patterns(
    ctx: DocContext,
    v: int,
    patterns: list[Pattern],
    pre_seq: list[int],
    post_seq: list[int],
    best: _Best,
) -> None:
    keys, view = ctx.view.keys, ctx.view
    pre_m = SideMatcher(keys, ctx.span_at, pre_seq)
    post_m = SideMatcher(keys, ctx.span_at, post_seq)
    for pattern in patterns:
        a = pre_m.match(pattern.pre, True)
        if a < 0:
            continue
        b = post_m.match(pattern.post, False)
        if b < 0:
            continue
        if pattern.has_compound and not _compound_ok(ctx, v, pattern):
            continue
        score = a + b
        if pre_m.slots or post_m.slots:
            best.slotted.append((score, pattern, {**pre_m.slots, **post_m.slots}))
        if score > best.score or (
            score == best.score and _wins_tie(ctx, view.lem[v], pattern, best)
        ):
            best.pattern, best.score, best.slots = pattern, score, {**pre_m.slots, **post_m.slots}


def _wins_tie(ctx: DocContext, lemma: str, pattern: Pattern, best: _Best) -> bool:
    """Whether ``pattern`` beats an equally specific ``best``: in a merged block, the pattern
    written for this very verb; else the pattern of a later layer (a set's own files are
    read after the ones they extend, and their entries win over them, as the README says:
    "- * PROTESTERS [173]" in tocsin's file overrides Phoenix's paired "* PROTESTERS")."""
    if best.pattern is None:
        return False
    if pattern.origin and pattern.origin == lemma != best.pattern.origin:
        return True
    if best.pattern.origin == lemma != pattern.origin:
        return False
    ranks = _layers(tuple(ctx.dictionaries.verbs.files))  # only on ties: off the hot path
    return _layer(ranks, pattern) > _layer(ranks, best.pattern)


@lru_cache(maxsize=8)
def _layers(files: tuple[str, ...]) -> dict[str, int]:
    """Verb file name -> its loading rank (the dictionary set's files, in order)."""
    return {f.replace("\\", "/").rpartition("/")[2]: i for i, f in enumerate(files)}


def _layer(ranks: dict[str, int], pattern: Pattern) -> int:
    """The loading rank of the verb file a pattern comes from ("CAMEO.2.0.txt:2201" -> 0)."""
    return ranks.get(pattern.source.rpartition(":")[0], -1)


def _verb_match(v: int, forms: list[VerbForm], extra: frozenset[int], best: _Best) -> VerbMatch:
    form = next((f for f in forms if f.has_code), forms[0])
    pattern = best.pattern
    code, code2 = (pattern.code, pattern.code2) if pattern is not None else (form.code, form.code2)
    neg, modal = _flags(pattern) if pattern is not None else (False, False)
    others = _others(best) if best.slotted else ()
    return VerbMatch(v, tuple(forms), pattern, code, code2, extra, best.slots, neg, modal, others)


def _others(best: _Best) -> tuple[tuple[Pattern, dict[str, int]], ...]:
    """The slotted patterns other than the best one, most specific first (each once, in its
    first matching word order; of equal ones the first matched)."""
    seen: set[int] = {id(best.pattern)}
    out: list[tuple[int, Pattern, dict[str, int]]] = []
    for score, pattern, slots in best.slotted:
        if id(pattern) not in seen and not pattern.blocks:
            seen.add(id(pattern))
            out.append((score, pattern, slots))
    out.sort(key=lambda t: -t[0])  # stable: matching order among equals
    return tuple((p, s) for _, p, s in out)


def fallbacks(m: VerbMatch) -> list[VerbMatch]:
    """The verb's next matching patterns as matches of their own, best first.

    The engine takes the first whose slots give the event the actors the best pattern left
    empty: "An American soldier is released from Russia after two years in detention"
    matches "* + FROM &DETENTION" (no ``$``: a passive without "by" has no source) as well
    as "* + FROM $", whose ``$`` holds Russia. Without this the ORDER of equally specific
    patterns in a dictionary decided which was taken, even when its slots came out empty."""
    out: list[VerbMatch] = []
    for pattern, slots in m.others:
        neg, modal = _flags(pattern)
        out.append(
            replace(
                m,
                pattern=pattern,
                code=pattern.code,
                code2=pattern.code2,
                slots=slots,
                negation_in_pattern=neg,
                modal_in_pattern=modal,
                others=(),
            )
        )
    return out


def _flags(pattern: Pattern) -> tuple[bool, bool]:
    """Whether a pattern's own words hold a negation, and a modal ("* NOT +", "* MAY +")."""
    used = {w for e in pattern.pre + pattern.post for a in e.alts for w in a}
    return not used.isdisjoint(NEGATION_WORDS), not used.isdisjoint(MODAL_WORDS)


def _compound_ok(ctx: DocContext, v: int, pattern: Pattern) -> bool:
    """``%`` before the verb needs a compound subject; after it, a compound object."""
    if any(e.kind == COMPOUND for e in pattern.pre):
        subj = subject_head(ctx.view, v)
        return subj is not None and len(ctx.view.conjuncts(subj[0])) > 1
    return True


def candidate_forms(ctx: DocContext, v: int) -> tuple[list[VerbForm], frozenset[int]]:
    """Forms of the verb at ``v``: surface form first, then lemma; longest multi-word first."""
    view, index = ctx.view, ctx.dictionaries.form_index
    best: list[VerbForm] = []
    best_len, best_extra = -1, frozenset[int]()
    for key in (view.up[v], view.lem[v]):
        for form in index.get(key) or ():
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
        particle = next(
            (
                c
                for c in view.children[v]
                if view.dep[c] == "prt" and view.up[c] == word and c not in out
            ),
            None,
        )
        if particle is not None:
            out.add(particle)
            continue
        if j < n and view.up[j] == word:
            out.add(j)
            j += 1
            continue
        return None
    return frozenset(out)


def regions(ctx: DocContext, v: int, start: int, end: int, extra: frozenset[int]) -> Regions:
    """Tokens before the verb (nearest first) and the verb's own words after it."""
    key = (v, start, end, extra)
    cached = ctx.state.regions.get(key)
    if cached is None:
        cached = ctx.state.regions[key] = _compute_regions(ctx, v, start, end, extra)
    return cached


def _compute_regions(
    ctx: DocContext, v: int, start: int, end: int, extra: frozenset[int]
) -> Regions:
    view, tag = ctx.view, ctx.view.tag
    skip = ctx.state.skipped
    pre = [
        i
        for i in range(v - 1, start - 1, -1)
        if tag[i] not in PUNCT_TAGS and i not in extra and i not in skip
    ]
    cut = _cut_tokens(view, v, end)
    _, right = view.subtree_span(v)
    right = min(right, end)
    post = [
        i
        for i in range(v + 1, right)
        if i not in cut and i not in extra and tag[i] not in PUNCT_TAGS and i not in skip
    ]
    return pre, post


def _cut_tokens(view: DocView, v: int, end: int) -> set[int]:
    """Tokens after the verb that belong to another clause (conjoined verbs, relatives)."""
    cut: set[int] = set()
    for c in view.children[v]:
        if c > v and (
            view.dep[c] in CUT
            and (view.dep[c] not in ("conj", "relcl") or view.tag[c].startswith("VB"))
        ):
            lo, hi = view.subtree_span(c)
            cut.update(range(lo, hi))
    _, right = view.subtree_span(v)
    right = min(right, end)
    if "relcl" not in view.dep[v + 1 : right]:  # (a C-level scan)
        return cut
    for i in range(v + 1, right):
        if (
            view.dep[i] == "relcl" and i not in cut and view.tag[i].startswith("VB")
        ):  # another event
            lo, hi = view.subtree_span(i)
            cut.update(range(lo, hi))
    return cut


def logical_regions(ctx: DocContext, v: int, pre: list[int], post: list[int]) -> Regions | None:
    """For a passive verb, the words in active order: "evidence against X was presented"
    matches as "presented evidence against X" (None when the verb is not passive)."""
    view = ctx.view
    passive = [c for c in view.children[v] if view.dep[c] in PASS_SUBJ and c < v]
    if not passive:
        return None
    lo, hi = view.subtree_span(passive[0])
    moved = [i for i in range(lo, min(hi, v)) if view.tag[i] not in PUNCT_TAGS]
    return [i for i in pre if not lo <= i < hi], moved + post
