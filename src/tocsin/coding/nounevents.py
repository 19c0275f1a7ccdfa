"""Event nouns on unseen news, the parts :mod:`tocsin.coding.nominal` asks about a noun:
whether an attack is a physical assault by its weapon ("a knife attack": CAMEO 182), whether
a conflict noun is the event of a verb that codes none ("a Russian strike on Odesa destroyed
a port terminal"), and whether an adjective makes the noun a possibility ("a potential deal").
"""

from __future__ import annotations

from collections.abc import Mapping

from tocsin.coding.attacks import CASUALTY_WORDS
from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import is_role_only
from tocsin.coding.factuality import Frame
from tocsin.coding.npactors import np_actors_anywhere
from tocsin.models import Actor, Event, Factuality

Glued = tuple[list[int], list[tuple[Actor, Actor]]]

# blades and vehicles: an attack with them is a physical assault (CAMEO 182), not the
# use of military force (19x) that an unmodified "attack" is read as
ASSAULT_WORDS = frozenset(
    {"KNIFE", "STABBING", "RAMMING", "MACHETE", "AXE", "ACID", "CAR-RAMMING", "SWORD"}
)
# adjectives that make an event noun a possibility, not an act ("a potential deal")
IRREALIS_MODIFIERS = frozenset(
    {"POTENTIAL", "POSSIBLE", "PROSPECTIVE", "EVENTUAL", "HYPOTHETICAL", "WOULD-BE", "FUTURE"}
)
# event roots whose noun subject is the event when its verb codes none (idle_subject)
IDLE_SUBJECT_ROOTS = frozenset({"16", "17", "18", "19", "20"})


def idle_subject(view: DocView, per_verb: Mapping[int, list[Event]], i: int, code: str) -> bool:
    """ "A U.S. strike on X hit a warehouse", "the U.S. withdrawal from the WHO takes effect":
    the subject noun of a material conflict (16-20) whose verb coded no event (a noun is
    no actor) is the event; the verb only says how it went."""
    head = view.head[i]
    return (
        code[:2] in IDLE_SUBJECT_ROOTS
        and view.dep[i] in ("nsubj", "nsubjpass")
        and head != i
        and not per_verb.get(head)
    )


def irrealis(view: DocView, i: int) -> tuple[Factuality, Frame] | None:
    """ "a potential deal", "a possible attack": a noun an adjective calls possible is not
    an act that happened (CONVENTIONS.md, future and conditional acts); "an alleged
    attack" is a claim."""
    for c in view.kids(i, "amod"):
        if view.up[c] in IRREALIS_MODIFIERS:
            return Factuality.HYPOTHETICAL, Frame("modal", view.lem[c].lower())
        if view.up[c] in ("ALLEGED", "SUSPECTED"):
            return Factuality.ALLEGED, Frame("claim", view.lem[c].lower())
    return None


def glued_attack(ctx: DocContext, i: int, sent_index: int) -> Glued | None:
    """ "Five people are injured in a car ramming attack by X": the parser reads the
    weapon gerund before the attack noun as a verb whose object the noun is (no one rams
    an attack). The gerunds ("ramming", and "stabbing" of "ramming and stabbing") and the
    (attacker, victim) pairs: the actors of the gerunds' "by" phrase against those the
    casualty verb above says were hit; None when the noun is not so misread or no
    attacker is named."""
    view = ctx.view
    h = view.head[i]
    if view.dep[i] != "dobj" or h != i - 1 or view.tag[h] != "VBG" or view.kids(h, "nsubj"):
        return None
    gerunds = [h] + ([view.head[h]] if view.dep[h] == "conj" else [])
    if any(view.tag[g] != "VBG" for g in gerunds):
        return None
    by = [p for g in gerunds for p in view.kids(g, "prep", "agent") if view.up[p] == "BY"]
    objs = [o for p in by for o in view.kids(p, "pobj")]
    sources = [a for o in objs for a in np_actors_anywhere(ctx, o, sent_index)]
    sources = [a for a in sources if not is_role_only(a)]
    if not sources:
        return None
    verb = _casualty_above(view, gerunds[-1])
    victims = [] if verb is None else _hit(ctx, verb, sent_index)
    roots = {a.root for a in sources}
    return gerunds, [(s, t) for s in sources for t in victims if t.root not in roots]


def _casualty_above(view: DocView, t: int) -> int | None:
    """The casualty verb ("killed", "injured") a few steps above token ``t``, if any."""
    for _ in range(4):
        if view.head[t] == t:
            return None
        t = view.head[t]
        if view.lem[t] in CASUALTY_WORDS and view.tag[t].startswith("VB"):
            return t
    return None


def _hit(ctx: DocContext, verb: int, sent_index: int) -> list[Actor]:
    """Who the casualty verb (or the one it is conjoined to) says was hit."""
    view = ctx.view
    verbs = [verb] + ([view.head[verb]] if view.dep[verb] == "conj" else [])
    subjects = [c for v in verbs for c in view.kids(v, "nsubjpass", "nsubj")]
    return [a for c in subjects for a in np_actors_anywhere(ctx, c, sent_index)]
