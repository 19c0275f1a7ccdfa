"""Protests named by a noun: "protests in Sofia against the government's plans", "a
general strike across Israel", "Serbian students' demonstrations against Vucic".

The source is the noun's country or group modifier as its people (``CVL``), else the
subject of the verb that holds it when that verb codes nothing itself ("farmers stage a
protest in Paris", "doctors go on strike in Kenya"), else the
people of the one country the protest's place names ("mass protests occur across Israel":
ISRCVL), else the role "---CVL" (the precision guard gives it the sentence's one
country); the target is
the actor of an "against" phrase, else that country's government: a protest in a
country is, unless the text says otherwise, a protest against its government.
"""

from __future__ import annotations

from collections.abc import Callable

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import is_role_only, location_country, placed
from tocsin.coding.npactors import actors_of_np, np_actors_anywhere
from tocsin.coding.syntax import subject_head
from tocsin.models import Actor

_MODIFIERS = ("poss", "compound", "amod", "nmod")


# verbs whose subject holds the protest or strike their object names ("farmers stage a
# protest", "Greeks organize a general strike", "the union announces a 48-hour strike")
PROTEST_LIGHT_VERBS = frozenset(
    {
        "STAGE",
        "HOLD",
        "ORGANIZE",
        "ORGANISE",
        "LAUNCH",
        "BEGIN",
        "START",
        "CALL",
        "ANNOUNCE",
        "DECLARE",
        "MOUNT",
        "JOIN",
        "CONTINUE",
        "RESUME",
    }
)


def protest_verb(view: DocView, has_events: Callable[[int], bool], i: int) -> int | None:
    """The verb whose subject protests with the noun at ``i`` when that verb codes nothing
    itself: a light verb whose object it is ("farmers stage a protest"), or "go" of "go
    on strike"; None otherwise."""
    head = view.head[i]
    if head == i:
        return None
    if view.dep[i] == "dobj" and view.lem[head] in PROTEST_LIGHT_VERBS:
        verb = head
    elif view.dep[i] == "pobj" and view.up[head] == "ON" and view.lem[view.head[head]] == "GO":
        verb = view.head[head]
    else:
        return None
    return None if has_events(verb) else verb


def protest_pairs(
    ctx: DocContext, i: int, sent_index: int, light: int | None = None
) -> list[tuple[Actor, Actor]]:
    """(protesters, protested) pairs of the protest noun at ``i`` (``light``: the verb
    whose subject holds it, :func:`protest_verb`)."""
    protesters = _protesters(ctx, i, sent_index, light)
    targets = _against(ctx, i, sent_index)
    out: list[tuple[Actor, Actor]] = []
    for source in protesters:
        for target in targets or [_government_of(source)]:
            if target.code != source.code:
                out.append((source, target))
    return out


def _protesters(ctx: DocContext, i: int, sent_index: int, light: int | None) -> list[Actor]:
    view = ctx.view
    for c in view.children[i]:
        if view.dep[c] in _MODIFIERS and c in ctx.mention_at:
            found = [_as_people(a) for a in actors_of_np(ctx, c, sent_index)]
            if found:
                return found
    # "mass protests ... occur across Israel": the people of the protest's one country
    country = location_country(ctx, [i, view.head[i]] + ([] if light is None else [light]))
    subjects = [] if light is None else _holders(ctx, light, sent_index)
    if subjects:  # "Greeks organize a strike", "dock workers in Portugal begin a strike"
        why = "country of the protest"
        return [
            placed(a, country, why) if country and is_role_only(a) else _as_people(a)
            for a in subjects
        ]
    if not ctx.options.place_roles or (light is not None and country is None):
        return []  # "unions ... in North America go on strike": no one named, no place
    role = Actor("---CVL", view.up[i].lower(), None, None, "CVL", "agent", "protesters")
    return [placed(role, country, "country of the protest") if country else role]


def _holders(ctx: DocContext, verb: int, sent_index: int) -> list[Actor]:
    """The actors of the active subject's own phrase ("Greeks", "doctors in Kenya"), not
    of a clause inside it ("unions representing workers for X, the largest rail system in
    North America")."""
    subj = subject_head(ctx.view, verb)
    if subj is None or subj[1]:
        return []
    return actors_of_np(ctx, subj[0], sent_index)


def _as_people(actor: Actor) -> Actor:
    """A country that protests is its people; a group or a role keeps its code."""
    if len(actor.code) == 3 and actor.kind == "country":
        return Actor(
            actor.code + "CVL", actor.text, actor.span, actor.code, "CVL", "country", actor.entry
        )
    return actor


def _against(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    for prep in view.kids(i, "prep"):
        if view.up[prep] in ("AGAINST", "OVER"):
            for o in view.kids(prep, "pobj"):
                found = np_actors_anywhere(ctx, o, sent_index)
                if found:
                    return found
    return []


def _government_of(source: Actor) -> Actor:
    root = source.code[:3]
    return Actor(
        root + "GOV",
        "",
        None,
        None if root == "---" else root,
        "GOV",
        "agent",
        "the government of the protesters' country",
    )
