"""The code of an attack from what did it: the attack noun or weapon that is the subject
(or passive agent) of the verb that says what it did.

News names the act by a noun and its consequence by the verb: "Russian drone strikes on
a shopping centre kill 16 people", "an airstrike by junta forces injured 20 students", "an
Israeli airstrike destroys a residential building in Gaza", "five civilians were killed by
Israeli shelling". The verb's own pattern codes the consequence (KILL 190, INJURE 182,
"DESTROYS * OUTSIDE" 141, "&WEAPON * KILL" 183), but the CAMEO code is the act's: an
aerial strike is 195, shelling 194, an attack 190 (CAMEO codebook: 195 "employ aerial
weapons", 194 "fight with artillery and tanks", 183 "conduct suicide, car, or other
non-military bombing"). A weapon subject says the same: "Russian guided bombs hit
Zaporizhzhia" (195), "Israeli tank shells hit a school" (194), "an al-Shabaab roadside bomb
strikes a patrol truck" (183, a non-military bombing, not a firefight).

The verb keeps its actors; only the code changes, and only for verbs that say what an
attack did (kill, injure, destroy, hit, ...).
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.nounattacks import BOMBS, FLOWN_WEAPONS, SHELL_WEAPONS, means_conjunct
from tocsin.coding.nounevents import ASSAULT_WORDS
from tocsin.coding.writer import Sent, with_code
from tocsin.models import Event

# verbs that say what an attack or a weapon did to its target
CONSEQUENCE_VERBS = frozenset(
    "KILL INJURE WOUND HURT MAIM DAMAGE DESTROY HIT STRIKE TARGET LEAVE RAZE FLATTEN LEVEL"
    " POUND BATTER DEVASTATE SLAM RAKE TEAR REDUCE SET IGNITE SPARK".split()
)
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# modifiers that make an attack noun aerial ("drone strike", "missile attack")
AERIAL_WORDS = frozenset(
    "AIR DRONE DRONES MISSILE MISSILES AERIAL ROCKET ROCKETS BOMB GLIDE"
    " BALLISTIC CRUISE UAV AIRSTRIKE".split()
)
# modifiers that say a strike is no attack ("general strike", "hunger strike")
NOT_ATTACK_WORDS = frozenset(
    "GENERAL HUNGER LABOR LABOUR NATIONWIDE WORKERS TEACHERS DOCTORS RAIL TRANSPORT PUBLIC SIT"
    " 24-HOUR HEART PANIC CHARM CYBER SHOCK NATIONAL INDEFINITE WILDCAT".split()
)
# how long a labour strike lasts ("48-HOUR", "WEEK-LONG", "ONE-DAY")
_DURATIONS = ("-HOUR", "-DAY", "-WEEK", "-LONG")
_UNITS = frozenset({"HOUR", "DAY", "WEEK"})  # "48-hour" split: "48", "-", "hour"
# bombs that no army drops: CAMEO 183, non-military bombing ("a roadside bomb", "a car bomb")
IMPROVISED_WORDS = frozenset(
    "ROADSIDE CAR TRUCK SUICIDE IMPROVISED PIPE PARCEL LETTER MAIL TIME HOMEMADE"
    " HOME-MADE MOTORCYCLE VEHICLE-BORNE EXPLOSIVE".split()
)
# weapons by the CAMEO code of their use: flown (195), fired by guns and tanks (194)
AERIAL_WEAPONS = FLOWN_WEAPONS | {"AIRCRAFT", "HELICOPTER", "HELICOPTERS"}
ARTILLERY_WEAPONS = SHELL_WEAPONS | {"ARTILLERY"}
IMPROVISED_BOMBS = frozenset({"IED", "IEDS", "CAR-BOMB", "LANDMINE", "LANDMINES", "MINE"})
# bombs that are dropped or flown ("guided bombs", "glide bombs", "barrel bombs")
DROPPED_WORDS = frozenset("GUIDED GLIDE AERIAL CLUSTER BARREL AIR-DROPPED UNGUIDED".split())
_MODS = ("compound", "amod", "nmod")


def noun_code(ctx: DocContext, i: int, code: str) -> str | None:
    """The code of an attack noun by its modifiers ("drone strike": aerial, "car bombing":
    non-military bombing), None for a strike that is no attack ("general strike"); other
    event nouns keep their code."""
    if code[:2] not in ATTACK_ROOTS:
        return code
    view = ctx.view
    mods = {view.up[c] for c in view.children[i] if view.dep[c] in _MODS} | {
        view.up[c] for c in (means_conjunct(view, i),) if c is not None
    }
    if mods & NOT_ATTACK_WORDS:
        return "143" if view.up[i].startswith("STRIKE") else None  # "general strike"
    if view.up[i].startswith("STRIKE") and _labour_strike(view, i, mods):
        return "143"
    if mods & ASSAULT_WORDS and code[:2] == "19":
        return "182"  # "a knife attack": a physical assault (CAMEO 182), no military force
    if view.lem[i] == "BOMBING" and mods & (IMPROVISED_WORDS - {"EXPLOSIVE"}):
        return "183"  # "a suicide / car / roadside bombing"
    return "195" if mods & AERIAL_WORDS and code[:2] == "19" else code


def _labour_strike(view: DocView, i: int, mods: set[str]) -> bool:
    """A strike that lasts ("a 48-hour strike", "a week-long strike": no attack is
    measured so) or that someone goes on ("doctors go on strike")."""
    if mods & _UNITS or any(m.endswith(_DURATIONS) for m in mods):
        return True
    head = view.head[i]
    return view.dep[i] == "pobj" and view.up[head] == "ON" and view.lem[view.head[head]] == "GO"


def weapon_code(ctx: DocContext, w: int) -> str | None:
    """The CAMEO code of an attack by the weapon at ``w`` ("missiles": 195, "shells": 194,
    "a roadside bomb": 183), None for a weapon that does not say it."""
    view = ctx.view
    word = view.up[w]
    mods = {view.up[c] for c in view.children[w] if view.dep[c] in _MODS}
    if word in IMPROVISED_BOMBS or (word in ("DEVICE", "DEVICES") and "EXPLOSIVE" in mods):
        return "183"
    if word in BOMBS:
        return "183" if mods & IMPROVISED_WORDS else "195" if mods & DROPPED_WORDS else None
    if word in AERIAL_WEAPONS:
        return "195"
    return "194" if word in ARTILLERY_WEAPONS else None


def _means_code(ctx: DocContext, w: int) -> str | None:
    """The code the noun at ``w`` names as an attack's means: an attack noun or a weapon."""
    view = ctx.view
    if not (view.tag[w].startswith("NN") or view.dep[w] in ("nsubj", "pobj")):
        return None  # a noun, or one the parser tagged as a verb ("missile strikes ... kill")
    form = ctx.dictionaries.nominal_index.get(view.up[w])
    if form is not None and form.code and form.code[:2] in ATTACK_ROOTS:
        return noun_code(ctx, w, form.code)
    return weapon_code(ctx, w)


def _doer(ctx: DocContext, v: int) -> int | None:
    """The noun that did what the verb at ``v`` says: its active subject, or the object of
    its passive ``by`` ("were killed by Israeli shelling")."""
    view = ctx.view
    for s in view.kids(v, "nsubj"):
        return s
    if view.dep[v] == "conj" and not view.kids(v, "nsubjpass"):  # "kill five and injure ten"
        for s in view.kids(view.head[v], "nsubj"):
            return s
    for agent in view.kids(v, "agent"):
        for o in view.kids(agent, "pobj"):
            return o
    return None


def means_codes(ctx: DocContext, per_verb: dict[int, list[Event]], sent: Sent) -> None:
    """Events of consequence verbs recoded by the attack noun or weapon that did it (in
    place; see the module docstring). A verb's code of the same root as a generic noun's
    is kept ("Israeli strikes kill ..." with a more specific pattern)."""
    view = ctx.view
    seen: set[tuple[int, str | None, str | None, str]] = set()
    for v in sorted(per_verb):
        events = per_verb[v]
        if not events or not sent[0] <= v < sent[1] or view.lem[v] not in CONSEQUENCE_VERBS:
            continue
        doer = _doer(ctx, v)
        code = None if doer is None else _means_code(ctx, doer)
        if doer is None or code is None or code[:2] not in ATTACK_ROOTS:
            continue
        why = f"the code of the attack's means '{view.text_of(doer)}'"
        kept = []
        for e in (_recoded(ctx, e, code, why) for e in events):
            key = (doer, e.source.root if e.source else None, _root(e), e.code[:2])
            if key not in seen:  # "strikes kill 16 and injure 130": one act, one event
                seen.add(key)
                kept.append(e)
        per_verb[v] = kept


def _root(e: Event) -> str | None:
    return e.target.root if e.target else None


def _recoded(ctx: DocContext, e: Event, code: str, why: str) -> Event:
    if e.code == code or (e.code[:2] == code[:2] and code.endswith("0")):
        return e
    return with_code(ctx, e, code, why)


def patient_participles(ctx: DocContext, per_verb: dict[int, list[Event]], sent: Sent) -> None:
    """ "A spy ship is sunk by a drone strike, killing two people": the participle's doer
    is what sank the ship, not the ship; its events with the passive's patient as source
    go (in place)."""
    view = ctx.view
    for v, events in per_verb.items():
        if not events or view.dep[v] != "advcl" or view.tag[v] != "VBG":
            continue
        if view.lem[v] not in CONSEQUENCE_VERBS or not sent[0] <= v < sent[1]:
            continue
        patients = view.kids(view.head[v], "nsubjpass")
        if not patients:
            continue
        lo, hi = view.char_span(*view.subtree_span(patients[0]))
        per_verb[v] = [e for e in events if not _spanned(e, lo, hi)]


def _spanned(e: Event, lo: int, hi: int) -> bool:
    span = e.source.span if e.source is not None else None
    return span is not None and lo <= span[0] and span[1] <= hi
