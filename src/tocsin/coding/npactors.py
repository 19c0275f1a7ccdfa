"""Actors of noun phrases: what a subject, an object or a slot of a pattern refers to.

A noun phrase's actor comes from the actor dictionaries (country + role, possessives,
titles: :meth:`tocsin.actors.ActorResolver.resolve_phrase`), else the mention at its
head, then coreference (pronouns, "the ministry"), reflexives, "they" after a compound
subject and, with ``new_actor_length``, short unknown proper nouns. Conjuncts and lists
give several actors; "the ambassadors of A, B and C" gives the role for each country.
"""

from __future__ import annotations

from collections.abc import Sequence

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.syntax import PUNCT_TAGS, clause_of, np_head_of, subject_head
from tocsin.models import Actor

REFLEXIVES = frozenset({"THEMSELVES", "ITSELF", "HIMSELF", "HERSELF"})
GROUP_PRONOUNS = frozenset({"THEY", "THEM", "THEIR", "THEMSELVES"})
COPULAS = frozenset({"BE", "BECOME", "REMAIN"})  # upper-cased lemmas (DocView.lem)
_LIST_PATH = ("conj", "nmod", "appos", "compound", "amod", "det")
_LOOKUP_ERRORS = (IndexError, KeyError, ValueError)


def actors_of_np(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    """Actors of the noun phrase headed at ``head`` and of its conjuncts."""
    cached = ctx.state.np_full.get(head)
    if cached is None:
        cached = ctx.state.np_full[head] = _actors_of_np(ctx, head, sent_index)
    return list(cached)


def _np_heads(ctx: DocContext, head: int) -> list[int]:
    heads = ctx.view.conjuncts(head)
    mention = ctx.mention_at.get(head)
    if mention is not None:  # "Barack Obama and Vladimir Putin" parsed with "Barack" as head
        for t in range(mention.start, mention.end):
            if t != head:
                heads.extend(c for c in ctx.view.conjuncts(t)[1:] if c not in heads)
    return heads


def _actors_of_np(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    out: list[Actor] = []
    for h in _np_heads(ctx, head):
        actor = actor_of_single(ctx, h, sent_index)
        if isinstance(actor, list) and len(actor) == 1:
            actor = actor[0]
        if isinstance(actor, list):
            out.extend(a for a in actor if a is not None)
        elif actor is not None:
            if ctx.view.dep[h] == "appos" and any(a.root == actor.root for a in out):
                continue  # "the US commander, General X": the same actor twice
            out.append(actor)
            out.extend(_distributed(ctx, h, actor))
            out.extend(_shared_modifier(ctx, h, actor))
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


def _listed(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    """Actors listed inside a noun phrase the parser did not split into conjuncts
    ("Arnor, Calenardhon and the awful Gondor" with "Arnor" as a modifier of "Gondor")."""
    view = ctx.view
    out: list[Actor] = []
    stack = [c for c in view.children[head] if view.dep[c] in _LIST_PATH]
    while stack:
        t = stack.pop()
        listed = view.dep[t] in ("conj", "appos") or (
            view.dep[t] == "nmod" and bool(view.kids(t, "conj"))
        )
        if listed and view.tag[t] in ("NNP", "NNPS"):
            m = ctx.mention_at.get(t)
            if m is not None and not m.actor.code.startswith("---"):
                actor = actor_of_single(ctx, t, sent_index)
                if isinstance(actor, Actor) and not (
                    view.dep[t] == "appos" and any(a.root == actor.root for a in out)
                ):
                    out.append(actor)
        stack.extend(c for c in view.children[t] if view.dep[c] in _LIST_PATH)
    return out


def _shared_modifier(ctx: DocContext, head: int, actor: Actor) -> list[Actor]:
    """ "Thai and Cambodian troops", "Russian and Belarusian forces": the head's role for each
    country conjoined to the modifier that gave the head its country."""
    view = ctx.view
    out: list[Actor] = []
    for mod in view.children[head]:
        base = ctx.mention_at.get(mod)
        if (
            view.dep[mod] not in ("amod", "nmod", "compound")
            or base is None
            or not actor.code.startswith(base.actor.code)
            or base.actor.code == actor.code
        ):
            continue
        out.extend(_with_role_of(ctx, view.conjuncts(mod)[1:], actor, base.actor.code))
    return out


def _distributed(ctx: DocContext, head: int, actor: Actor) -> list[Actor]:
    """ "The ambassadors of A, B and C": the role of the head for each listed country."""
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
            out.extend(_with_role_of(ctx, conj, actor, base.actor.code))
    return out


def _with_role_of(ctx: DocContext, tokens: list[int], actor: Actor, base: str) -> list[Actor]:
    """The known actors at ``tokens`` given what ``actor``'s code adds to ``base`` (the
    role the head noun gives each conjoined country: "Thai and Cambodian troops")."""
    suffix = actor.code[len(base) :]
    out: list[Actor] = []
    for c in tokens:
        m = ctx.mention_at.get(c)
        if m is not None and not m.actor.code.startswith("---"):
            other = m.actor
            out.append(
                Actor(
                    other.code + suffix,
                    other.text,
                    other.span,
                    other.country,
                    actor.role,
                    other.kind,
                    other.entry,
                )
            )
    return out


def actor_of_single(ctx: DocContext, h: int, sent_index: int) -> Actor | list[Actor] | None:
    """The actor (or group of actors, for "they") of the one noun phrase headed at ``h``."""
    cached = ctx.state.np_single.get(h)
    if cached is not None:
        return cached
    if h in ctx.state.skipped:
        return None
    actor: Actor | list[Actor] | None = _with_coref(ctx, h, _from_dictionary(ctx, h), sent_index)
    if actor is None:
        actor = _fallback(ctx, h, sent_index)
    result = [actor] if isinstance(actor, Actor) else actor
    if result is not None:
        ctx.state.np_single[h] = result
    return actor


def _from_dictionary(ctx: DocContext, h: int) -> Actor | None:
    try:
        actor = ctx.dictionaries.actors.resolve_phrase(ctx.view.doc, h, ctx.date, ctx.mentions)
    except _LOOKUP_ERRORS:
        actor = None
    if actor is None:
        m = ctx.mention_at.get(h)
        if m is not None:
            actor = m.actor
    return actor


def _with_coref(ctx: DocContext, h: int, actor: Actor | None, sent_index: int) -> Actor | None:
    if ctx.coref is None:
        return actor
    try:
        found = ctx.coref.resolve(ctx.view.doc, h, actor, sent_index)
    except _LOOKUP_ERRORS:
        return actor
    return found if actor is None else (found or actor)


def _fallback(ctx: DocContext, h: int, sent_index: int) -> Actor | list[Actor] | None:
    """Reflexives, "they" after a compound subject, and PETRARCH's new actors."""
    view = ctx.view
    if view.up[h] in REFLEXIVES:
        subj = subject_head(view, view.head[h])
        if subj is not None and subj[0] != h:  # "Iraq attacked themselves"
            found = actors_of_np(ctx, subj[0], sent_index)
            if found:
                return found
    if view.up[h] in GROUP_PRONOUNS and ctx.state.last_group:
        return list(ctx.state.last_group)  # "X and Y said they will ...": the group just named
    predicated = _copula_subject(ctx, h)
    if predicated is not None:  # "Russia becomes the first country to recognize ...": Russia
        found = actors_of_np(ctx, predicated, sent_index)
        if found:
            return found
    if ctx.options.new_actor_length > 0:
        return _new_actor(ctx, h)
    return None


def _copula_subject(ctx: DocContext, h: int) -> int | None:
    """The subject of the copula whose predicate noun ``h`` is ("Norway is the first country
    to ...", "Kenya became the latest state to ..."): the predicate names the subject."""
    view = ctx.view
    verb = view.head[h]
    if view.dep[h] != "attr" or verb == h or view.lem[verb] not in COPULAS:
        return None
    subjects = view.kids(verb, "nsubj")
    return subjects[0] if subjects and subjects[0] != h else None


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
    if any(t in ctx.mention_at or t in ctx.state.skipped or view.temporal[t] for t in tokens):
        return None  # a known actor, a skipped clause, a date ("Monday")
    lo, hi = tokens[0], tokens[-1] + 1
    span = view.char_span(lo, hi)
    return Actor(
        "",
        view.text[span[0] : span[1]],
        span,
        None,
        None,
        "new",
        f"new actor ({len(words)} words <= new_actor_length {ctx.options.new_actor_length})",
    )


def _phrase(ctx: DocContext, h: int) -> list[int]:
    try:
        return sorted(ctx.dictionaries.actors.phrase_tokens(ctx.view.doc, h))
    except (*_LOOKUP_ERRORS, AttributeError):
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


def may_be_new_actor(ctx: DocContext, t: int) -> bool:
    return (
        ctx.options.new_actor_length > 0
        and ctx.view.tag[t] in ("NNP", "NNPS")
        and t not in ctx.state.skipped
    )


def first_actors(
    ctx: DocContext,
    tokens: Sequence[int],
    sent_index: int,
    limit: int,
    exclude: frozenset[str] = frozenset(),
) -> list[Actor]:
    return first_actors_at(ctx, tokens, sent_index, limit, exclude)[0]


def first_actors_at(
    ctx: DocContext,
    tokens: Sequence[int],
    sent_index: int,
    limit: int,
    exclude: frozenset[str] = frozenset(),
) -> tuple[list[Actor], int | None]:
    """Actors of the first noun phrase among ``tokens`` that has one (other than the
    ``exclude`` codes), and that phrase's head; a phrase with a known country beats a
    bare agent ("fighter planes")."""
    view = ctx.view
    fallback: tuple[list[Actor], int | None] = ([], None)
    tried: set[int] = set()
    for t in tokens:
        if not (t in ctx.mention_at or view.tag[t] in ("PRP", "PRP$") or may_be_new_actor(ctx, t)):
            continue
        head = np_head_of(view, t, limit)
        if head in tried:
            continue
        tried.add(head)
        found = _np_found(ctx, t, head, sent_index, exclude)
        if not found:
            continue
        if (
            fallback[0]
            and fallback[1] is not None
            and (clause_of(view, head, limit) != clause_of(view, fallback[1], limit))
        ):
            continue  # a better actor, but in another clause ("pressure from X to help Y")
        if all(a.code.startswith("---") or not a.code for a in found):  # agents, new actors
            placed = placed_in(ctx, head, found) if ctx.options.place_roles else []
            if placed:
                return placed, head  # "protesters in Nairobi": KENPPL
            fallback = fallback if fallback[0] else (found, head)
            continue
        return found, head
    return fallback


def placed_in(ctx: DocContext, head: int, roles: list[Actor]) -> list[Actor]:
    """Roles of a phrase placed by its own "in/at X" ("civilians in Rohan": ROHCVL)."""
    view = ctx.view
    for prep in view.kids(head, "prep"):
        if view.up[prep] not in ("IN", "AT", "INSIDE"):
            continue
        for o in view.kids(prep, "pobj"):
            m = ctx.mention_at.get(o)
            if m is None or m.is_agent or m.actor.kind != "country":
                continue
            root = m.actor.code[:3]
            return [
                Actor(root + a.code[3:], a.text, a.span, root, a.role, a.kind, a.entry)
                for a in roles
                if a.code.startswith("---")
            ]
    return []


def _np_found(
    ctx: DocContext, t: int, head: int, sent_index: int, exclude: frozenset[str]
) -> list[Actor]:
    keep_all = ctx.view.up[head] in REFLEXIVES
    found = [a for a in actors_of_np(ctx, head, sent_index) if keep_all or a.code not in exclude]
    if not found and head != t:
        found = [a for a in actors_of_np(ctx, t, sent_index) if a.code not in exclude]
    return found


def is_modifier_only(ctx: DocContext, head: int) -> bool:
    """Whether the only actors of the phrase at ``head`` are modifiers of a non-actor noun
    ("the Malaysia Airlines crash"), rather than actors in its prepositional phrases."""
    view = ctx.view
    return any(
        view.dep[c] in ("compound", "amod", "nmod", "poss") and c in ctx.mention_at
        for c in view.children[head]
    )


def np_actors_anywhere(
    ctx: DocContext, head: int, sent_index: int, agent_only: bool = False
) -> list[Actor]:
    """Actors of an NP; if its head has none, the first actor inside its subtree (with
    ``agent_only``, as for an active subject, not inside a clause of its own)."""
    found = actors_of_np(ctx, head, sent_index)
    if found:
        return found
    view = ctx.view
    lo, hi = view.subtree_span(head)
    cut: set[int] = set()
    if agent_only:
        for i in range(lo, hi):
            if i != head and _own_clause(view, i):
                cut.update(range(*view.subtree_span(i)))
    inside = [i for i in range(lo, hi) if i not in cut and view.dep[i] not in ("relcl", "acl")]
    return first_actors(ctx, inside, sent_index, -1)


def _own_clause(view: DocView, i: int) -> bool:
    """A clause inside a noun phrase whose actors are its own, not the phrase's: a relative
    clause or an active participle ("a roadside bomb targeting a police vehicle", "airstrikes
    targeting Islamic State hideouts"); a passive participle keeps its agent ("missiles
    fired by the Houthis")."""
    dep = view.dep[i]
    return dep == "relcl" or (dep == "acl" and view.tag[i] == "VBG")
