"""Who attacked whom: the participants of an attack noun ("Russian strikes on Kharkiv",
"an attack on a military post by the Pakistani Taliban", "killed in a Turkish airstrike").

The source is the noun's demonym, possessive or country modifier, its ``by`` agent, or the
light verb's subject; the target the first other actor of its ``on/against/in/into/at/
near`` phrases, else what the clause around it says was hit (the object of "X's strikes
hit Y", the victims or place of "were killed in a ... strike").
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import (
    anonymous,
    is_role_only,
    location_country,
    place_all,
)
from tocsin.coding.npactors import actors_of_np, first_actors, np_actors_anywhere
from tocsin.coding.slots import subject_actors
from tocsin.coding.syntax import subtree_tokens
from tocsin.coding.writer import Sent
from tocsin.models import Actor

TARGET_PREPS = frozenset(
    {
        "ON",
        "AGAINST",
        "IN",
        "INTO",
        "AT",
        "NEAR",
        "ACROSS",
        "ONTO",
        "OVER",
        "TARGETING",
        "INSIDE",
        "UPON",
    }
)
CASUALTY_WORDS = frozenset(
    {
        "KILL",
        "INJURE",
        "WOUND",
        "DIE",
        "HURT",
        "INJURED",
        "KILLED",
        "WOUNDED",
        "DEAD",
        "LEAVE",
        "DAMAGE",
        "DESTROY",
        "HIT",
        "KIDNAP",
        "ABDUCT",
        "TARGET",
    }
)
# attack nouns whose attacker often goes unnamed (a strike, a shelling or an invasion is a
# state's, and its news names it)
UNNAMED_VIOLENCE = frozenset(
    {"ATTACK", "SHOOTING", "SHOOT", "BOMBING", "AMBUSH", "ASSAULT", "STABBING", "STAB"}
)
_SOURCE_MODIFIERS = ("poss", "compound", "amod", "nmod")
# fights named by a noun are mutual (CONVENTIONS.md): their dictionary block says so
MUTUAL_BLOCK = "NOMINAL_MUTUAL"


def owners(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """Countries, groups and people that modify the noun ("Russian", "Israel's", "NATO"),
    also through a compound ("Russian drone strikes", "a Rapid Support Forces drone
    strike")."""
    view = ctx.view
    out: list[Actor] = []
    for c in _modifiers(ctx, i):
        if view.dep[c] == "poss" or (view.dep[c] in _SOURCE_MODIFIERS and c in ctx.mention_at):
            out.extend(a for a in actors_of_np(ctx, c, sent_index) if not a.code.startswith("---"))
    return out


def _modifiers(ctx: DocContext, i: int) -> list[int]:
    view = ctx.view
    out = list(view.children[i])
    for c in view.children[i]:
        if view.dep[c] == "compound" and c not in ctx.mention_at:
            out.extend(g for g in view.children[c] if view.dep[g] in _SOURCE_MODIFIERS)
    return out


def _by_objects(ctx: DocContext, i: int) -> list[int]:
    """The objects of the noun's ``by`` phrase, also when the parser hung it on the
    attacked thing ("an attack on a military post by the Pakistani Taliban")."""
    view = ctx.view
    preps = view.kids(i, "prep", "agent")
    for p in list(preps):
        if view.up[p] in TARGET_PREPS:
            for o in view.kids(p, "pobj"):
                preps.extend(view.kids(o, "prep", "agent"))
    return [o for p in preps if view.up[p] == "BY" for o in view.kids(p, "pobj")]


def attack_sources(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    """Known actors first; with ``place_roles`` a role ("gunmen", "government") will do,
    the guard gives it the sentence's country."""
    found = _known_attack_sources(ctx, i, light, sent_index)
    if found or not ctx.options.place_roles:
        return found
    found = _role_sources(ctx, i, sent_index)
    if found or ctx.view.lem[i] not in UNNAMED_VIOLENCE:
        return found
    verb = casualty_verb(ctx.view, i)
    if verb is None or ctx.view.kids(verb, "nsubj"):
        return found  # "gunmen killed five people in an attack": the verb names them
    # "two people are killed in a mass shooting in X": an attacker no one names
    return [anonymous("UAF", "unnamed attacker of a casualty clause")]


def in_casualty_clause(view: DocView, i: int) -> bool:
    """ "(people) were killed in an attack": the noun is the object of a casualty verb's phrase."""
    head = view.head[i]
    return view.dep[i] == "pobj" and head != i and view.lem[view.head[head]] in CASUALTY_WORDS


def casualty_verb(view: DocView, i: int) -> int | None:
    """The casualty verb of the clause the noun is in ("killed" of "killed in an attack")."""
    return view.head[view.head[i]] if in_casualty_clause(view, i) else None


def placed_pairs(
    ctx: DocContext, i: int, light: int | None, pairs: list[tuple[Actor, Actor]]
) -> list[tuple[Actor, Actor]]:
    """The pairs with their role-only participants placed where the attack happened
    (:mod:`tocsin.coding.eventplace`); the rest is left to the precision guard."""
    if not any(is_role_only(s) or is_role_only(t) for s, t in pairs):
        return pairs
    words = [w for w in (i, casualty_verb(ctx.view, i), light) if w is not None]
    country = location_country(ctx, words)
    if country is None:
        return pairs
    why = "country of the attack's place"
    return [(place_all([s], country, why)[0], place_all([t], country, why)[0]) for s, t in pairs]


def _role_sources(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    for c in _modifiers(ctx, i):
        if view.dep[c] in ("compound", "amod", "poss", "nmod") and c in ctx.mention_at:
            return actors_of_np(ctx, c, sent_index)
    for o in _by_objects(ctx, i):
        return np_actors_anywhere(ctx, o, sent_index)
    return []


def _known_attack_sources(
    ctx: DocContext, i: int, light: int | None, sent_index: int
) -> list[Actor]:
    found = owners(ctx, i, sent_index)
    if found:
        return found
    for o in _by_objects(ctx, i):
        found = [a for a in np_actors_anywhere(ctx, o, sent_index) if not a.code.startswith("---")]
        if found:
            return found
    if light is not None:
        return [a for a in subject_actors(ctx, light, sent_index) if not a.code.startswith("---")]
    return []


def attack_targets(
    ctx: DocContext, i: int, light: int | None, sent: Sent, sources: list[Actor]
) -> list[Actor]:
    """What the attack hit: its own phrases, the clause around it, the victims."""
    view = ctx.view
    own = _pp_actors(ctx, i, sent[2])
    if not own and light is not None:
        own = _pp_actors(ctx, light, sent[2])
    head = view.head[i]
    if head != i and view.dep[i] == "nsubj" and view.tag[head].startswith("VB"):
        return own or _clause_objects(ctx, head, i, sent[2])  # "X's strikes hit Y"
    verb = view.head[head] if view.dep[i] == "pobj" and head != i else -1
    if verb < 0 or verb == head or view.lem[verb] not in CASUALTY_WORDS:
        return own
    # "people are killed in an attack (in X)": who was killed or hurt, and where
    victims = _patients(ctx, verb, sent[2])
    known = [a for a in victims if not a.code.startswith("---")]
    place = own or _pp_actors(ctx, verb, sent[2], skip=head)
    # a place in the attacker's own country is no target: the victims are
    roots = {a.root for a in sources if not a.code.startswith("---")}
    place = [a for a in place if a.root not in roots]
    roles = victims if ctx.options.place_roles else []
    if all(a.code.startswith("---") for a in sources):  # a role attacked: its own country's
        return known or roles or place
    return known or place or roles


def _patients(ctx: DocContext, verb: int, sent_index: int) -> list[Actor]:
    """Who a casualty verb says was hit: its (passive) subject, or that of the verb it is
    conjoined to ("civilians are killed and homes are damaged by ...")."""
    view = ctx.view
    verbs = [verb] + ([view.head[verb]] if view.dep[verb] == "conj" else [])
    for v in verbs:
        for c in view.kids(v, "nsubjpass", "nsubj"):
            found = np_actors_anywhere(ctx, c, sent_index)
            if found:
                return found
    return []


def _pp_actors(ctx: DocContext, word: int, sent_index: int, skip: int = -1) -> list[Actor]:
    """The first actors in the target-like prepositional phrases of ``word``."""
    view = ctx.view
    for c in view.children[word]:
        if c == skip or view.dep[c] not in ("prep", "acl") or view.up[c] not in TARGET_PREPS:
            continue
        tokens = sorted(subtree_tokens(view, [c]) - _by_tokens(ctx, c))
        found = first_actors(ctx, tokens, sent_index, -1)
        found = [a for a in found if not a.code.startswith("---")]
        if found:
            return found
    return []


def _by_tokens(ctx: DocContext, prep: int) -> set[int]:
    """The ``by`` phrases under the objects of a prepositional phrase (the attacker)."""
    view = ctx.view
    by = [p for o in view.kids(prep, "pobj") for p in view.kids(o, "prep") if view.up[p] == "BY"]
    return subtree_tokens(view, by) if by else set()


def _clause_objects(ctx: DocContext, verb: int, noun: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    lo, hi = view.subtree_span(noun)
    tokens = [t for t in range(verb + 1, view.subtree_span(verb)[1]) if not lo <= t < hi]
    return [a for a in first_actors(ctx, tokens, sent_index, verb) if not a.code.startswith("---")]


def is_mutual(ctx: DocContext, i: int) -> bool:
    """Whether the noun at ``i`` names a fight that has two sides ("clashes", "fighting"):
    a noun of a ``NOMINAL_MUTUAL_*`` block of the verb dictionary."""
    form = ctx.dictionaries.nominal_index.get(ctx.view.up[i])
    return form is not None and form.block.startswith(MUTUAL_BLOCK)


def mutual_pairs(
    ctx: DocContext, i: int, light: int | None, sent: Sent
) -> list[tuple[Actor, Actor]]:
    """Both ways between the sides of a fight named by a noun: the members of its
    ``between`` phrase ("clashes between X and Y"); else its owners, the light verb's
    subject or the victims of its casualty clause, with its ``with`` partners ("X's clashes
    with Y", "soldiers of X are killed in clashes with Y"); else victims of two countries
    ("soldiers of X and of Y are killed in clashes at the border")."""
    sides = _between_members(ctx, i, sent[2])
    if len({a.code for a in sides}) < 2:
        partners = _with_partners(ctx, i, light, sent[2])
        own = _mutual_owners(ctx, i, light, sent[2])
        sides = own + partners if partners else own
        if not partners and len({a.root for a in own if not is_role_only(a)}) < 2:
            return []
    return [(a, b) for a in sides for b in sides if a.code != b.code]


def _mutual_owners(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    view = ctx.view
    found = owners(ctx, i, sent_index)
    if not found and light is not None:
        found = [a for a in subject_actors(ctx, light, sent_index) if not is_role_only(a)]
    verb = casualty_verb(view, i)
    if not found and verb is not None:
        found = _patients(ctx, verb, sent_index)
    return found


def _between_members(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """The actors of the ``between`` phrase of the noun, or of the verb it is the subject
    of ("clashes erupted between X and Y")."""
    view = ctx.view
    words = [i]
    if view.dep[i] == "nsubj" and view.head[i] != i:
        words.append(view.head[i])
    for w in words:
        for prep in view.kids(w, "prep"):
            if view.up[prep] == "BETWEEN":
                objs = view.kids(prep, "pobj")
                found = [a for o in objs for a in actors_of_np(ctx, o, sent_index)]
                if found:
                    return found
    return []


def _with_partners(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    view = ctx.view
    for w in (i,) if light is None else (i, light):
        for prep in view.kids(w, "prep"):
            if view.up[prep] in ("WITH", "AGAINST"):
                objs = view.kids(prep, "pobj")
                found = [a for o in objs for a in np_actors_anywhere(ctx, o, sent_index)]
                if found:
                    return found
    return []
