"""Protests named by a noun: "protests in Sofia against the government's plans", "a
general strike across Israel", "Serbian students' demonstrations against Vucic".

The source is the noun's country or group modifier as its people (``CVL``), else the
people of the one country the protest's place names ("mass protests occur across Israel":
ISRCVL), else the role "---CVL" (the precision guard gives it the sentence's one
country); the target is
the actor of an "against" phrase, else that country's government: a protest in a
country is, unless the text says otherwise, a protest against its government.
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
from tocsin.coding.eventplace import location_country, placed
from tocsin.coding.npactors import actors_of_np, np_actors_anywhere
from tocsin.models import Actor

_MODIFIERS = ("poss", "compound", "amod", "nmod")


def protest_pairs(ctx: DocContext, i: int, sent_index: int) -> list[tuple[Actor, Actor]]:
    """(protesters, protested) pairs of the protest noun at ``i``."""
    protesters = _protesters(ctx, i, sent_index)
    targets = _against(ctx, i, sent_index)
    out: list[tuple[Actor, Actor]] = []
    for source in protesters:
        for target in targets or [_government_of(source)]:
            if target.code != source.code:
                out.append((source, target))
    return out


def _protesters(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    for c in view.children[i]:
        if view.dep[c] in _MODIFIERS and c in ctx.mention_at:
            found = [_as_people(a) for a in actors_of_np(ctx, c, sent_index)]
            if found:
                return found
    if not ctx.options.place_roles:
        return []
    role = Actor("---CVL", view.up[i].lower(), None, None, "CVL", "agent", "protesters")
    # "mass protests ... occur across Israel": the people of the protest's one country
    country = location_country(ctx, [i, view.head[i]])
    return [placed(role, country, "country of the protest") if country else role]


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
