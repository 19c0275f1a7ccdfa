"""Who attacked whom: the participants of an attack noun ("Russian strikes on Kharkiv",
"an attack on a military post by the Pakistani Taliban", "killed in a Turkish airstrike").

The source is the noun's demonym, possessive or country modifier, its ``by`` agent, or the
light verb's subject; the target the first other actor of its ``on/against/in/into/at/
near`` phrases, else what the clause around it says was hit (the object of "X's strikes
hit Y", the victims or place of "were killed in a ... strike").
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
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
_SOURCE_MODIFIERS = ("poss", "compound", "amod", "nmod")


def owners(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """Countries, groups and people that modify the noun ("Russian", "Israel's", "NATO")."""
    view = ctx.view
    out: list[Actor] = []
    for c in view.children[i]:
        if view.dep[c] == "poss" or (view.dep[c] in _SOURCE_MODIFIERS and c in ctx.mention_at):
            out.extend(a for a in actors_of_np(ctx, c, sent_index) if not a.code.startswith("---"))
    return out


def attack_sources(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    """Known actors first; with ``place_roles`` a role ("gunmen", "government") will do,
    the guard gives it the sentence's country."""
    found = _known_attack_sources(ctx, i, light, sent_index)
    if found or not ctx.options.place_roles:
        return found
    return _role_sources(ctx, i, sent_index)


def _role_sources(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    for c in view.children[i]:
        if view.dep[c] in ("compound", "amod", "poss", "nmod") and c in ctx.mention_at:
            return actors_of_np(ctx, c, sent_index)
    for prep in view.kids(i, "prep", "agent"):
        if view.up[prep] == "BY":
            for o in view.kids(prep, "pobj"):
                return np_actors_anywhere(ctx, o, sent_index)
    return []


def _known_attack_sources(
    ctx: DocContext, i: int, light: int | None, sent_index: int
) -> list[Actor]:
    view = ctx.view
    found = owners(ctx, i, sent_index)
    if found:
        return found
    for prep in view.kids(i, "prep", "agent"):
        if view.up[prep] == "BY":
            for o in view.kids(prep, "pobj"):
                found = [
                    a
                    for a in np_actors_anywhere(ctx, o, sent_index)
                    if not a.code.startswith("---")
                ]
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
        tokens = sorted(subtree_tokens(view, [c]))
        found = first_actors(ctx, tokens, sent_index, -1)
        found = [a for a in found if not a.code.startswith("---")]
        if found:
            return found
    return []


def _clause_objects(ctx: DocContext, verb: int, noun: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    lo, hi = view.subtree_span(noun)
    tokens = [t for t in range(verb + 1, view.subtree_span(verb)[1]) if not lo <= t < hi]
    return [a for a in first_actors(ctx, tokens, sent_index, verb) if not a.code.startswith("---")]
