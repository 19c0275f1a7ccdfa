"""Verb sense chosen by the object's class: what "end", "lift", "deny" mean depends on
what they are done to.

- ending, lifting or easing a sanction, ban, tariff or embargo is easing sanctions (081):
  "Portugal ends its ban on Angolan airlines" (source: the verb's subject; target: the
  "on/against/from" actor, else the noun's owner);
- rejecting, denying or refusing a request, demand, appeal, offer or proposal is a
  rejection (120): "Ghana denies a request from Togo" (target: the noun's "from" actor or
  owner).
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
from tocsin.coding.npactors import actors_of_np, np_actors_anywhere
from tocsin.coding.slots import subject_actors
from tocsin.models import Actor

EASE_VERBS = frozenset(
    {
        "END",
        "LIFT",
        "EASE",
        "REMOVE",
        "SCRAP",
        "RESCIND",
        "REVOKE",
        "DROP",
        "REPEAL",
        "RELAX",
        "LOOSEN",
        "CANCEL",
        "WAIVE",
        "UNFREEZE",
    }
)
REJECT_VERBS = frozenset({"REJECT", "DENY", "REFUSE", "DECLINE", "DISMISS", "REBUFF", "SPURN"})
_SANCTION_PREPS = ("ON", "AGAINST", "FROM", "TARGETING")


def object_sense(
    ctx: DocContext, i: int, code: str, sent_index: int
) -> tuple[str, int, list[tuple[Actor, Actor]]] | None:
    """(code, verb, pairs) when the noun at ``i`` is the object of a verb whose sense its
    class decides, else None."""
    view = ctx.view
    verb = view.head[i]
    if verb == i or view.dep[i] not in ("dobj", "nsubjpass") or not view.tag[verb].startswith("VB"):
        return None
    lemma = view.lem[verb]
    preps: tuple[str, ...]
    if code[:2] == "16" and lemma in EASE_VERBS:
        new, preps = "081", _SANCTION_PREPS
    elif code[:2] == "02" and lemma in REJECT_VERBS:
        new, preps = "120", ("FROM", "BY")
    else:
        return None
    sources = [a for a in subject_actors(ctx, verb, sent_index) if not a.code.startswith("---")]
    roots = {a.root for a in sources}
    targets = [a for a in _objects(ctx, i, preps, sent_index) if a.root not in roots]
    return new, verb, [(s, t) for s in sources for t in targets]


def _objects(ctx: DocContext, i: int, preps: tuple[str, ...], sent_index: int) -> list[Actor]:
    view = ctx.view
    for prep in view.kids(i, "prep"):
        if view.up[prep] in preps:
            for o in view.kids(prep, "pobj"):
                found = np_actors_anywhere(ctx, o, sent_index)
                if found:
                    return found
    out: list[Actor] = []
    for c in view.children[i]:
        if view.dep[c] in ("poss", "compound", "amod") and c in ctx.mention_at:
            out.extend(a for a in actors_of_np(ctx, c, sent_index) if not a.code.startswith("---"))
    return out
