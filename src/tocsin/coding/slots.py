"""Slot filling: the source and target actors of a matched verb.

Source = the subject (the ``by`` agent in the passive), target = the first actor after
the verb (the subject in the passive), unless the pattern's ``$``/``+`` slots say where
they are. A compound subject of a symmetric code (meet, cooperate, ...) with no target
gives the event between its members (both ways).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tocsin.coding.captures import holder_targets, replaces_place
from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import is_role_only, placed, placed_roles, unnamed_attacker
from tocsin.coding.factuality import SPEECH_WORDS
from tocsin.coding.npactors import (
    REFLEXIVES,
    actor_of_single,
    actors_of_np,
    first_actors_at,
    is_modifier_only,
    np_actors_anywhere,
    placed_in,
)
from tocsin.coding.syntax import (
    clause_of,
    is_direct,
    np_head_of,
    subject_head,
    subtree_tokens,
)
from tocsin.coding.verbmatch import VerbMatch
from tocsin.coding.weaponagent import weapon_owners
from tocsin.models import Actor

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
# verbs whose coordinated subject acts on each other ("Thai and Cambodian troops clash",
# "X and Y fight"); a pattern coding both directions alike ("exchange fire [193:193]") too
RECIPROCAL_VERBS = frozenset({"CLASH", "FIGHT", "BATTLE", "SKIRMISH", "DUEL", "QUARREL",
                              "SPAR", "FEUD", "EXCHANGE"})
OWNER_PRONOUNS = frozenset({"ITS", "THEIR"})
# pronouns that stand for a main clause's object in a participle clause after it
OBJECT_PRONOUNS = frozenset({"THEM", "HIM", "HER"})
LOCATIVE_PREPS = frozenset({"IN", "AT", "NEAR"})  # narrower than eventplace.LOCATION_PREPS:
# a mutual act "on"/"over" X names its topic ("agree on Iran", "fight over Karabakh")
# passive verbs whose unnamed agent is the state: police (COP) or courts (JUD)
STATE_AGENT_VERBS = {
    "ARREST": "COP",
    "DETAIN": "COP",
    "APPREHEND": "COP",
    "DEPORT": "GOV",
    "EXPEL": "GOV",
    "EXTRADITE": "GOV",
    "INDICT": "JUD",
    "CONVICT": "JUD",
    "SENTENCE": "JUD",
    "JAIL": "JUD",
    "IMPRISON": "JUD",
    "ACQUIT": "JUD",
    "CHARGE": "JUD",
    "PROSECUTE": "JUD",
    "FINE": "JUD",
}


@dataclass
class Found:
    """The actors found for one verb, and how to pair them."""

    sources: list[Actor]
    targets: list[Actor]
    pairwise: bool
    reverse_ok: bool = True  # the target is an argument of the verb (paired codes apply)
    reflexive: bool = False  # "attacked themselves": source and target are the same


def _agents_only(actors: list[Actor]) -> bool:
    return all(a.code.startswith("---") for a in actors)


def find_actors(ctx: DocContext, m: VerbMatch, post: list[int], sent_index: int) -> Found:
    """Source and target actors of the verb of ``m`` (``post``: its words after it)."""
    view, v = ctx.view, m.verb
    sources, targets = _slot_actors(ctx, m, sent_index)
    if not targets:
        targets = _gapped_targets(ctx, v, sent_index)
    subj = subject_head(view, v)
    if not sources:
        sources = _noun_root_sources(ctx, v, sent_index)
    passive = subj is not None and (subj[1] or bool(view.kids(v, "auxpass", "agent")))
    if sources and not targets and subj is not None and not passive:
        codes = {s.code for s in sources}
        targets = [a for a in np_actors_anywhere(ctx, subj[0], sent_index) if a.code not in codes]
    if not sources:
        sources = _source_actors(ctx, v, subj, passive, sent_index)
    if not sources and passive:
        sources = unnamed_attacker(ctx, m, subj, sent_index)
    target_head: int | None = None
    if not targets:
        targets, target_head = _target_actors(ctx, m, subj, passive, sources, post, sent_index)
    held = holder_targets(ctx, v, m.code, sources, sent_index) if replaces_place(targets) else []
    if held:  # "recaptures towns that fell to X": the side that held them (coding/captures)
        targets, target_head = held, None
    if not targets and not passive:
        targets = _participle_pronoun_target(ctx, v, sources, sent_index)
    targets = _owned_by_parallel_object(ctx, v, sources, targets, target_head, sent_index)
    sources, targets = placed_roles(ctx, m, sources, targets, target_head, subj)
    mutual = _reciprocal(view, m)
    if mutual and len(sources) > 1 and _locative(view, target_head, m.verb):
        targets = []  # "India and Pakistan held talks in Geneva": between the two, not CHE
    found = _paired(m, sources, targets, passive, ctx.options.place_roles, mutual)
    found.reverse_ok = _reverse_ok(ctx, v, target_head, found.targets)
    found.reflexive = target_head is not None and view.up[target_head] in REFLEXIVES
    return found


def _slot_actors(ctx: DocContext, m: VerbMatch, sent_index: int) -> tuple[list[Actor], list[Actor]]:
    """Actors at the pattern's ``$`` (source) and ``+`` (target) slots."""
    view = ctx.view
    sources: list[Actor] = []
    targets: list[Actor] = []
    if "src" in m.slots:
        sources = actors_of_np(ctx, np_head_of(view, m.slots["src"], -1), sent_index)
    if "tgt" in m.slots:
        targets = actors_of_np(ctx, np_head_of(view, m.slots["tgt"], -1), sent_index)
    return sources, targets


def _source_actors(
    ctx: DocContext, v: int, subj: tuple[int, bool] | None, passive: bool, sent_index: int
) -> list[Actor]:
    """The subject's actors; in the passive, the ``by`` agent's."""
    view = ctx.view
    if passive:
        for a in view.kids(v, "agent"):
            objs = view.kids(a, "pobj")
            if not objs:
                continue
            if objs[0] in ctx.mention_at or view.tag[objs[0]].startswith("PRP"):
                return actors_of_np(ctx, objs[0], sent_index)
            weapon = weapon_owners(ctx, objs[0], sent_index)
            if weapon:  # "by Israeli gunfire": the state whose forces fired
                return weapon
            # "by a missile fired by X", "by the crash of a Y airliner"
            return [
                a
                for a in np_actors_anywhere(ctx, objs[0], sent_index)
                if not is_modifier_only(ctx, objs[0])
            ]
        shared = gapped_partner(view, v)
        if shared is not None:  # "five are killed and ten wounded by X": X killed them too
            return _source_actors(ctx, shared, None, True, sent_index)
        return _implicit_state_agent(ctx, v)
    if subj is None:
        return []
    sources = np_actors_anywhere(ctx, subj[0], sent_index, agent_only=True)
    if sources and ctx.options.place_roles and all(a.code.startswith("---") for a in sources):
        sources = placed_in(ctx, subj[0], sources) or sources  # "a court in Prague": CZEJUD
    if len(sources) > 1:
        ctx.state.last_group = tuple(sources)
    return sources


def noun_root_subject(view: DocView, v: int) -> tuple[int, bool] | None:
    """ "Israeli settlers in the West Bank shoot and injure five Palestinians" parsed with
    "settlers" as the root and "injure" conjoined to it: the root noun is the subject."""
    head = view.head[v]
    if (
        view.dep[v] == "conj"
        and head != v
        and view.dep[head] == "ROOT"
        and view.tag[head].startswith("NN")
        and view.tag[v].startswith("VB")
    ):
        return head, False
    return None


def _noun_root_sources(ctx: DocContext, v: int, sent_index: int) -> list[Actor]:
    """The actors of the root noun that is the verb's subject (:func:`noun_root_subject`);
    a root that is itself a verb read as a noun ("The French Navy boards and seizes ...")
    stands for the actor mention that ends right before it and hangs on it."""
    found = noun_root_subject(ctx.view, v)
    if found is None:
        return []
    if found[0] not in ctx.mention_at and not _mention_before(ctx, found[0]):
        return []  # "A court sentences X and fines him": "sentences" is no actor
    actor = actor_of_single(ctx, found[0], sent_index)  # not its conjoined verb's objects
    return [actor] if isinstance(actor, Actor) else list(actor or [])


def _mention_before(ctx: DocContext, root: int) -> bool:
    """Whether an actor mention ends right before the root noun ``root`` with all its words
    hanging inside it or on the root ("French Navy" before "boards")."""
    view = ctx.view
    m = ctx.mention_at.get(root - 1)
    if m is None or m.end != root or view.kids(root, "nsubj", "nsubjpass"):
        return False  # "A court sentences X and fines them": the court is its subject
    inside = range(m.start, m.end)
    return all(view.head[i] == root or view.head[i] in inside for i in inside)


def gapped_partner(view: DocView, v: int) -> int | None:
    """ "Five soldiers are killed and ten wounded by X": the small parser hangs the second
    participle, which carries the shared ``by`` agent, as a modifier of a noun conjoined
    with the first verb (or conjoins it directly); returns that participle."""
    for c in view.kids(v, "conj"):
        verbs = [c] if view.tag[c] == "VBN" else [a for a in view.kids(c, "acl")]
        for a in verbs:
            if view.tag[a] == "VBN" and view.kids(a, "agent"):
                return a
    return None


def _gapped_first_verb(view: DocView, v: int) -> int | None:
    """For the second participle of :func:`gapped_partner`, the first (passive) verb."""
    noun = view.head[v]
    if view.dep[v] != "acl" or noun == v or view.dep[noun] != "conj":
        return None
    first = view.head[noun]
    if first == noun or not view.kids(first, "nsubjpass") or view.kids(first, "agent"):
        return None
    return first if gapped_partner(view, first) == v else None


def _gapped_targets(ctx: DocContext, v: int, sent_index: int) -> list[Actor]:
    """The patients of a gapped second participle: its own noun's actors ("and two Rohanian
    police wounded by X"), else the first verb's subject's ("five soldiers are killed and
    ten wounded": the ten are soldiers too)."""
    first = _gapped_first_verb(ctx.view, v)
    if first is None:
        return []
    own = actors_of_np(ctx, ctx.view.head[v], sent_index)
    if own:
        return own
    subjects = ctx.view.kids(first, "nsubjpass")
    return np_actors_anywhere(ctx, subjects[0], sent_index) if subjects else []


def _implicit_state_agent(ctx: DocContext, v: int) -> list[Actor]:
    """ "X is arrested / indicted / sentenced" with no "by": the state's police or courts
    did it (a role the precision guard gives the sentence's one country)."""
    role = STATE_AGENT_VERBS.get(ctx.view.lem[v]) if ctx.options.place_roles else None
    if role is None or ctx.view.kids(v, "agent"):
        return []
    return [
        Actor(f"---{role}", "", None, None, role, "agent", f"implicit agent of a passive [~{role}]")
    ]


def _target_actors(
    ctx: DocContext,
    m: VerbMatch,
    subj: tuple[int, bool] | None,
    passive: bool,
    sources: list[Actor],
    post: list[int],
    sent_index: int,
) -> tuple[list[Actor], int | None]:
    """The passive subject's actors, else the first actors after the verb."""
    view, v = ctx.view, m.verb
    if passive and subj is not None and "src" not in m.slots:
        targets = np_actors_anywhere(ctx, subj[0], sent_index)
        if targets and _agents_only(targets) and not sources:
            targets = []  # "a joint military exercise was held between X and Y"
        if targets:
            return targets, None
    skip = subtree_tokens(view, view.kids(v, "agent"))
    if view.lem[v] in SPEECH_WORDS:  # the target of a statement is not in what is said
        skip |= subtree_tokens(view, [c for c in view.kids(v, "ccomp") if _said(view, c)])
    skip |= subtree_tokens(view, _nested_adverbial_clauses(view, post))
    exclude = frozenset(a.code for a in sources if a.code)  # new actors have no code
    tokens = [t for t in post if t not in skip]
    found, head = first_actors_at(ctx, tokens, sent_index, v, exclude)
    if head is None or is_direct(view, head, v) or _agents_only(found):
        return found, head
    # "drop charges against former rebel leader X over his role in an attack on AU
    # peacekeepers": the verb's own argument is the role, not the actor deep in a modifier
    lo = view.subtree_span(head)[0]
    roles, role_head = first_actors_at(ctx, [t for t in tokens if t < lo], sent_index, v, exclude)
    if (
        roles
        and role_head is not None
        and clause_of(view, role_head, v) == v
        and is_direct(view, role_head, v)
    ):
        return roles, role_head
    return found, head


def _said(view: DocView, c: int) -> bool:
    """Whether the complement at ``c`` is a clause (what is said), not a verbless small
    clause the small parser reads as one: "declares a Russian diplomat persona non grata",
    "calls the militia a terrorist group" (its noun is the verb's object)."""
    if view.tag[c].startswith(("VB", "MD")):
        return True
    return any(view.dep[k] in ("aux", "auxpass", "cop", "mark") for k in view.children[c])


def _nested_adverbial_clauses(view: DocView, post: list[int]) -> list[int]:
    """Verbs of the clauses among a verb's words after it that are introduced by a
    subordinator ("reach an agreement to renew the ceasefire if Hezbollah ceases its
    attacks"): their actors take part in another event, not in the verb's."""
    return [
        i
        for i in post
        if view.dep[i] == "advcl" and view.tag[i].startswith("VB") and view.kids(i, "mark")
    ]


def _owned_by_parallel_object(
    ctx: DocContext,
    v: int,
    sources: list[Actor],
    targets: list[Actor],
    target_head: int | None,
    sent_index: int,
) -> list[Actor]:
    """ "seized a Chinese vessel and arrested its captain", "raided a Palestinian village
    and arrested its mayor": the role owned by "its/their" belongs to the country of the
    object of the verb it is conjoined with (not to the source's, which coreference may
    have given the pronoun)."""
    view = ctx.view
    roots = {a.root for a in sources}
    if target_head is None or not targets or sources == targets:
        return targets
    if not all(len(a.code) > 3 and (is_role_only(a) or a.root in roots) for a in targets):
        return targets
    if view.dep[v] != "conj" or view.head[v] == v:
        return targets
    if not any(view.up[c] in OWNER_PRONOUNS for c in view.kids(target_head, "poss")):
        return targets
    for obj in view.kids(view.head[v], "dobj"):
        owners = {
            a.root
            for a in np_actors_anywhere(ctx, obj, sent_index)
            if a.root and a.root not in roots and a.root != "---"
        }
        if len(owners) == 1:
            country = owners.pop()
            why = "owner of the parallel object"
            return [placed(a, country, why) if is_role_only(a) else _moved(a, country, why)
                    for a in targets]
    return targets


def _moved(actor: Actor, country: str, why: str) -> Actor:
    """A country's role moved to another country (``actor.code`` is country + role)."""
    return placed(dataclasses.replace(actor, code="---" + actor.code[3:]), country, why)


def _participle_pronoun_target(
    ctx: DocContext, v: int, sources: list[Actor], sent_index: int
) -> list[Actor]:
    """A participle clause's pronoun is its main verb's object: "detained two Estonian
    officials, accusing them of spying", "arrested 33 Russians, claiming them to be
    mercenaries" (the pronoun as the object, or as the subject of what is claimed)."""
    view = ctx.view
    head = view.head[v]
    if view.dep[v] != "advcl" or view.tag[v] != "VBG" or head == v:
        return []
    pronoun = next((c for c in view.kids(v, "dobj") if view.up[c] in OBJECT_PRONOUNS), None)
    for c in view.kids(v, "ccomp") if pronoun is None else ():
        pronoun = next((s for s in view.kids(c, "nsubj") if view.up[s] in OBJECT_PRONOUNS), None)
        if pronoun is not None:
            break
    if pronoun is None:
        return []
    codes = {a.code for a in sources}
    for obj in view.kids(head, "dobj"):
        found = [a for a in np_actors_anywhere(ctx, obj, sent_index) if a.code not in codes]
        if found:
            return found
    return []


def _paired(
    m: VerbMatch,
    sources: list[Actor],
    targets: list[Actor],
    passive: bool,
    place_roles: bool = False,
    reciprocal: bool = False,
) -> Found:
    """How sources and targets pair: one event per (source, target), or between members."""
    pairwise = False
    symmetric = reciprocal or (m.code or m.code2 or "")[:2] in SYMMETRIC_ROOTS
    if len(sources) > 1 and symmetric and targets and _agents_only(targets):
        targets = []  # "Russia and Pakistan held military exercises": between the two
    compound = m.pattern is not None and m.pattern.has_compound
    if (compound and len(sources) > 1 and not targets) or (
        not targets and len(sources) > 1 and symmetric
    ):
        pairwise = True
    elif not sources and len(targets) > 1 and symmetric and passive:
        sources, targets, pairwise = targets, [], True  # "an exercise was held between X and Y"
    if sources and _agents_only(sources) and targets and _agents_only(targets) and not place_roles:
        targets = []  # "insurgents killed people": no known actor on either side (with
        sources = []  # place_roles, the guard gives both the sentence's one country)
    return Found(sources, targets, pairwise)


def _reciprocal(view: DocView, m: VerbMatch) -> bool:
    """A mutual act: a cooperative root coded both ways, a reciprocal verb, or a pattern that
    codes the reverse direction with the same code."""
    code = m.code or m.code2 or ""
    return (code[:2] in SYMMETRIC_ROOTS or view.lem[m.verb] in RECIPROCAL_VERBS
            or (bool(m.code2) and m.code2 == m.code))


def _locative(view: DocView, head: int | None, verb: int) -> bool:
    """``head`` sits inside a place preposition's object ("in Geneva", "at the border",
    "in the Philippine-designated zone") on its way up to the verb."""
    t, steps = head, 0
    while t is not None and t != verb and steps < 8:
        if view.dep[t] == "pobj" and view.up[view.head[t]] in LOCATIVE_PREPS:
            return True
        t = None if view.head[t] == t else view.head[t]
        steps += 1
    return False


def _reverse_ok(ctx: DocContext, v: int, target_head: int | None, targets: list[Actor]) -> bool:
    view = ctx.view
    return is_direct(view, target_head, v) and (
        target_head is None
        or target_head in ctx.mention_at
        or any(not a.code for a in targets)
        or view.tag[target_head] not in ("NNP", "NNPS")
    )  # "the Beijing Olympics": not Beijing


def pairs(found: Found) -> list[tuple[Actor | None, Actor | None]]:
    """The (source, target) pairs of a verb's events."""
    if found.pairwise:
        members = found.sources
        return [(a, b) for a in members for b in members if a.code != b.code]
    sources: list[Actor | None] = list(found.sources) or [None]
    targets: list[Actor | None] = list(found.targets) or [None]
    return [(s, t) for s in sources for t in targets]


def may_have_source(ctx: DocContext, v: int) -> bool:
    """Cheap test before matching: can the verb have a source actor?  (Its subject, or a
    passive agent, contains an actor mention or a pronoun; ``$`` patterns are rare enough
    to look for their actor anywhere after the verb.)"""
    view = ctx.view
    found = subject_head(view, v)
    spans = []
    if found is not None:
        spans.append(view.subtree_span(found[0]))
    for a in view.children[v]:
        if view.dep[a] == "agent":
            spans.append(view.subtree_span(a))
    if not spans:  # (isdisjoint: a C-level walk of the range)
        return not ctx.mention_at.keys().isdisjoint(range(v + 1, view.subtree_span(v)[1]))
    mention_at, tags = ctx.mention_at, view.tag
    new = ctx.options.new_actor_length > 0
    return any(
        i in mention_at
        or tags[i] in ("PRP", "PRP$")
        or view.up[i] in ("THE", "BOTH")  # "both countries" (tocsin.actors.coref)
        or (new and tags[i] in ("NNP", "NNPS"))
        for lo, hi in spans
        for i in range(lo, hi)
    )


def subject_actors(ctx: DocContext, v: int, sent_index: int) -> list[Actor]:
    """Actors of the subject of verb ``v`` (the agent in the passive)."""
    view = ctx.view
    subj = subject_head(view, v)
    if subj is None:
        return []
    if subj[1]:
        for a in view.kids(v, "agent"):
            for o in view.kids(a, "pobj"):
                return np_actors_anywhere(ctx, o, sent_index)
        return []
    return np_actors_anywhere(ctx, subj[0], sent_index)


def keep(
    ctx: DocContext, source: Actor | None, target: Actor | None, reflexive: bool = False
) -> bool:
    """Whether a (source, target) pair makes an event under the options."""
    if source is None:
        return False
    if target is None:
        return not ctx.options.require_dyad
    if not source.code and not target.code:  # two new actors: distinct phrases
        return source.span != target.span
    return source.code != target.code or reflexive
