"""Event nouns on unseen news, the parts :mod:`tocsin.coding.nominal` asks about a noun:
whether an attack is a physical assault by its weapon ("a knife attack": CAMEO 182), whether
a conflict noun is the event of a verb that codes none ("a Russian strike on Odesa destroyed
a port terminal"), and whether an adjective makes the noun a possibility ("a potential deal").
"""

from __future__ import annotations

from collections.abc import Mapping

from tocsin.actors.phrase import ARMED_NONSTATE
from tocsin.coding.attacks import CASUALTY_WORDS, owners
from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import CASUALTY_VERBS, is_role_only, location_country, place_all
from tocsin.coding.factuality import Frame, factuality_of
from tocsin.coding.npactors import np_actors_anywhere
from tocsin.coding.slots import subject_actors
from tocsin.coding.verbmatch import VerbMatch
from tocsin.coding.writer import Sent, make_event
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
# event roots whose noun subject is the event when its verb codes none (idle_subject); a
# protest too ("protests broke out across Iran", "mass protests took place in Serbia")
IDLE_SUBJECT_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})


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


# what a state's forces do to armed groups ("militants are killed in raids / an operation
# in X"); an attacker no one names there is the state of the place (state_operations)
OPERATION_NOUNS = frozenset(
    {
        "OPERATION",
        "OPERATIONS",
        "RAID",
        "RAIDS",
        "OFFENSIVE",
        "CRACKDOWN",
    }
)
# roles and codes of armed groups that are no state's (rebels, insurgents, militants): the
# armed non-state roles of the actor dictionaries, less criminals and the opposition
ARMED_GROUP_ROLES = ARMED_NONSTATE - {"CRM", "OPP"}
_LETHAL = CASUALTY_VERBS | {"DIE", "NEUTRALIZE", "ELIMINATE"}


def state_operations(ctx: DocContext, per_verb: dict[int, list[Event]], sent: Sent) -> None:
    """ "Twenty militants are killed in raids in X", "insurgents die in an army operation":
    armed group members killed in an operation or raid that no clause says someone did
    were hit by the state where it happened (CONVENTIONS.md names the state's forces
    ``<country>MIL``); the noun's own modifier names it when there is one ("an Israeli
    operation"). In place: the event goes to the noun's key."""
    view = ctx.view
    _two_sided_dead(ctx, per_verb, sent)
    for i in range(sent[0], sent[1]):
        if view.up[i] not in OPERATION_NOUNS or per_verb.get(i) or view.dep[i] != "pobj":
            continue
        prep, verb = view.head[i], view.head[view.head[i]]
        if view.up[prep] not in ("IN", "DURING") or view.lem[verb] not in _LETHAL:
            continue
        if per_verb.get(verb) or view.kids(verb, "agent"):
            continue  # the verb names who did it
        victims = [a for a in _hit(ctx, verb, sent[2]) if _armed_group(a)]
        if not victims:
            continue
        joint = _joint_operators(ctx, i, sent[2])  # "a joint operation between X and Y"
        source = _operator(ctx, i, verb, victims, sent[2])
        for s in joint or ([source] if source is not None else []):
            targets = place_all(victims, s.country, "country of the operation's place")
            per_verb[i] = per_verb.get(i, []) + _operation_events(ctx, i, verb, s, targets, sent)


def _two_sided_dead(ctx: DocContext, per_verb: dict[int, list[Event]], sent: Sent) -> None:
    """ "Nineteen soldiers and 45 militants are killed at two hideouts in X": a casualty
    verb no one is the agent of, whose dead are a state's forces and an armed group's
    members, reports a fight between them (the forces against the group, 190)."""
    view = ctx.view
    for v in range(sent[0], sent[1]):
        if view.lem[v] not in _LETHAL or not view.tag[v].startswith("VB") or per_verb.get(v):
            continue
        if view.kids(v, "agent") or not view.kids(v, "nsubjpass", "nsubj"):
            continue
        dead = _hit(ctx, v, sent[2])
        forces = [a for a in dead if a.code[3:6] in ("MIL", "COP", "SPY")]
        groups = [a for a in dead if _armed_group(a)]
        if not forces or not groups:
            continue
        country = location_country(ctx, [v]) or next(
            (a.root for a in forces + groups if not is_role_only(a)), None
        )
        why = "country of the fight's place"
        pairs = place_all(forces[:1] + groups[:1], country, why)
        if not any(is_role_only(a) for a in pairs):
            per_verb[v] = _operation_events(ctx, v, v, pairs[0], pairs[1:], sent)


def _armed_group(actor: Actor) -> bool:
    return actor.code[3:6] in ARMED_GROUP_ROLES or actor.code.startswith("IMG")


def _joint_operators(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """The named actors of the operation's ``between`` or ``by`` phrase ("during a joint
    operation between Iraqi security forces and the United States": both did it)."""
    view = ctx.view
    out: list[Actor] = []
    for prep in view.kids(i, "prep", "agent"):
        if view.up[prep] in ("BETWEEN", "BY"):
            for o in view.kids(prep, "pobj"):
                out.extend(a for a in np_actors_anywhere(ctx, o, sent_index) if not is_role_only(a))
    return out


def _operator(
    ctx: DocContext, i: int, verb: int, victims: list[Actor], sent_index: int
) -> Actor | None:
    """Who carried out the operation: its modifier ("an Israeli raid"), else the forces of
    the country of its place, else of the victims' country."""
    named = [a for a in owners(ctx, i, sent_index) if not is_role_only(a)]
    if named:
        return named[0]
    country = location_country(ctx, [i, verb])
    if country is None:
        roots = {a.country for a in victims if a.country and not a.code.startswith("IMG")}
        country = roots.pop() if len(roots) == 1 else None
    if country is None:
        return None
    entry = f"the forces of the operation's country [{country}MIL]"
    return Actor(f"{country}MIL", "", None, country, "MIL", "agent", entry)


def _operation_events(
    ctx: DocContext, i: int, verb: int, source: Actor, targets: list[Actor], sent: Sent
) -> list[Event]:
    m = VerbMatch(i, (), None, "190", None, frozenset(), {}, False)
    factuality, frame = factuality_of(ctx.view, verb, False, future=ctx.options.future_as_intent)
    why = ("nominal event", f"an armed group hit: {ctx.view.text_of(i)}")
    return [
        make_event(ctx, m, "190", source, t, factuality, sent, (f"source: {source.entry}",) + why)
        for t in targets
        if t.root != source.root or len(t.code) > 3
    ]


# verbs that end or leave what a cooperative noun names ("suspends its cooperation with X",
# "withdraws from its agreement with X", "cancels talks with X"): the act is the reduction
# of relations (CAMEO 16: 164 for talks), not the cooperation
ENDING_VERBS = frozenset(
    "SUSPEND CANCEL HALT STOP END SCRAP ABANDON FREEZE TERMINATE REVOKE RENOUNCE WITHDRAW"
    " EXIT QUIT LEAVE PULL DITCH".split()
)
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})


def ending_verb(view: DocView, i: int, code: str) -> int | None:
    """The verb that ends the cooperative noun at ``i`` ("suspends cooperation", "withdraws
    from the agreement"), else None."""
    head = view.head[i]
    if code[:2] not in _COOPERATIVE_ROOTS or head == i:
        return None
    verb = head if view.dep[i] == "dobj" else -1
    if view.dep[i] == "pobj" and view.up[head] in ("FROM", "OF"):
        verb = view.head[head]
    ok = verb >= 0 and view.lem[verb] in ENDING_VERBS and view.tag[verb].startswith("VB")
    return verb if ok else None


def ended_events(
    ctx: DocContext,
    per_verb: dict[int, list[Event]],
    verb: int,
    code: str,
    pairs: list[tuple[Actor, Actor]],
    sent: Sent,
) -> list[Event]:
    """The reduction of relations (160, 164 for talks) by the ending verb's subject (else
    the noun's owner) towards the noun's partner; none when the verb codes a 16 itself."""
    if any(e.code[:2] == "16" and not _same_side(e) for e in per_verb.get(verb, [])):
        return []
    ended = "164" if code[:2] == "04" else "160"
    subjects = [a for a in subject_actors(ctx, verb, sent[2]) if not is_role_only(a)]
    m = VerbMatch(verb, (), None, ended, None, frozenset(), {}, False)
    factuality, frame = factuality_of(ctx.view, verb, False, future=ctx.options.future_as_intent)
    why = ("nominal event", f"ended by: {ctx.view.lem[verb].lower()}")
    out = []
    for s, t in pairs:
        for src in subjects or [s]:
            if src.root != t.root:
                rules = (f"source: {src.entry}", f"target: {t.entry}") + why
                out.append(make_event(ctx, m, ended, src, t, factuality, sent, rules))
    if out:
        per_verb[verb] = []
    return out


def _same_side(e: Event) -> bool:
    return e.source is None or e.target is None or e.source.root == e.target.root
