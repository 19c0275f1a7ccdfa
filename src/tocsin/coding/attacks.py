"""Who attacked whom: the participants of an attack noun ("Russian strikes on Kharkiv",
"an attack on a military post by the Pakistani Taliban", "killed in a Turkish airstrike").

The source is the noun's demonym, possessive or country modifier, its ``by`` agent, or the
light verb's subject; the target the first other actor of its ``on/against/in/into/at/
near`` phrases, else what the clause around it says was hit (the object of "X's strikes
hit Y", the victims or place of "were killed in a ... strike").
"""

from __future__ import annotations

from collections.abc import Callable

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import (
    CASUALTY_VERBS,
    is_role_only,
    location_country,
    nationality,
    place_all,
)
from tocsin.coding.nounattacks import (
    BOMBS,
    FLOWN_WEAPONS,
    SHELL_WEAPONS,
    clause_slot,
    doer_agents,
    means_conjunct,
    relative_targets,
)
from tocsin.coding.npactors import actors_of_np, first_actors, np_actors_anywhere
from tocsin.coding.slots import subject_actors
from tocsin.coding.syntax import subject_head, subtree_tokens
from tocsin.coding.weaponagent import is_weapon_head
from tocsin.coding.writer import Sent
from tocsin.models import Actor, Event

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
CASUALTY_WORDS = CASUALTY_VERBS | frozenset(
    {
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
_SOURCE_MODIFIERS = ("poss", "compound", "amod", "nmod", "npadvmod")
# weapons that news makes the subject of an attack verb ("cruise missiles struck Kyiv")
WEAPON_NOUNS = (
    FLOWN_WEAPONS
    | SHELL_WEAPONS
    | BOMBS
    | {"ROCKET", "ROCKETS", "PROJECTILE", "PROJECTILES", "GRENADE", "GRENADES"}
)
# roles that bear arms, so a modifier of an attack noun with one names its attacker
ARMED_ROLES = frozenset({"MIL", "COP", "SPY", "REB", "INS", "SEP", "UAF", "CRM", "GOV"})
# "missiles fired/launched by X": the participle that names who used the weapon
_USED_BY = frozenset({"FIRE", "LAUNCH", "DROP", "SEND", "DEPLOY", "OPERATE"})
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
    """The noun's children, with those of a compound that names no one ("Russian drone
    strikes") and the leader of an "X-led" modifier ("Saudi-led airstrikes", "Saudi-led
    coalition airstrikes")."""
    view = ctx.view
    first = means_conjunct(view, i)  # "a Russian missile and drone attack"
    out = list(view.children[i]) + [c for c in view.children[first or i] if c != i]
    for c in list(out):
        if view.dep[c] == "compound" and c not in ctx.mention_at:
            grand = [g for g in view.children[c] if view.dep[g] in _SOURCE_MODIFIERS]
            out.extend(grand)
            for g in grand:
                out.extend(_leaders(view, g))
        out.extend(_leaders(view, c))
    return out


def _leaders(view: DocView, t: int) -> list[int]:
    """The "X" of an "X-led" modifier at ``t``."""
    if view.lem[t] != "LEAD" or view.dep[t] != "amod":
        return []
    return [c for c in view.children[t] if view.dep[c] in ("npadvmod", "compound", "nmod")]


def _by_objects(ctx: DocContext, i: int) -> list[int]:
    """The objects of the noun's ``by`` phrase, also when the parser hung it on the
    attacked thing ("an attack on a military post by the Pakistani Taliban") or on a
    participle or relative clause that says who did it ("a drone strike launched by X",
    "attacks that were claimed by X", "a shooting targeting Israelis by X")."""
    view = ctx.view
    preps = view.kids(i, "prep", "agent")
    for p in list(preps):
        if view.up[p] in TARGET_PREPS:
            for o in view.kids(p, "pobj"):
                preps.extend(view.kids(o, "prep", "agent"))
    preps.extend(doer_agents(view, i))
    return [o for p in preps if view.up[p] == "BY" for o in view.kids(p, "pobj")]


def attack_sources(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    """Known actors first; with ``place_roles`` a role ("gunmen", "government") will do,
    the guard gives it the sentence's country. An attack noun whose attacker the text does
    not name ("two people are killed in a mass shooting in X", "a shark attack") has no
    source and gives no event: the devset's call for unnamed attackers (devset README)."""
    found = _known_attack_sources(ctx, i, light, sent_index)
    if found or not ctx.options.place_roles:
        return found
    return _role_sources(ctx, i, sent_index)


def in_casualty_clause(view: DocView, i: int) -> bool:
    """ "(people) were killed in an attack": the noun is the object of a casualty verb's phrase."""
    i = clause_slot(view, i)  # "killed in a missile and drone attack"
    head = view.head[i]
    return view.dep[i] == "pobj" and head != i and view.lem[view.head[head]] in CASUALTY_WORDS


def casualty_verb(view: DocView, i: int) -> int | None:
    """The casualty verb of the clause the noun is in ("killed" of "killed in an attack")."""
    return view.head[view.head[clause_slot(view, i)]] if in_casualty_clause(view, i) else None


def placed_pairs(
    ctx: DocContext, i: int, light: int | None, pairs: list[tuple[Actor, Actor]]
) -> list[tuple[Actor, Actor]]:
    """The pairs with their role-only participants placed where the attack happened
    (:mod:`tocsin.coding.eventplace`); the rest is left to the precision guard."""
    if not any(is_role_only(s) or is_role_only(t) for s, t in pairs):
        return pairs
    verb = casualty_verb(ctx.view, i)
    words = [w for w in (i, verb, light) if w is not None]
    country = location_country(ctx, words)
    affiliation = _affiliation(ctx, verb)  # "a correspondent for the Russian newspaper X"
    if country is None and affiliation is None:
        return pairs
    why, whose = "country of the attack's place", "country the victims work for"
    return [
        (
            place_all([s], country, why)[0],
            place_all([t], affiliation, whose)[0]
            if affiliation
            else place_all([t], country, why)[0],
        )
        for s, t in pairs
    ]


def _affiliation(ctx: DocContext, verb: int | None) -> str | None:
    """The country of what the victims of a casualty verb work for or belong to ("a war
    correspondent for the Russian newspaper Izvestia", "two employees of a Chinese firm")."""
    if verb is None:
        return None
    view = ctx.view
    for v in view.kids(verb, "nsubjpass", "nsubj"):
        for prep in view.kids(v, "prep"):
            if view.up[prep] in ("FOR", "OF", "WITH"):
                for o in view.kids(prep, "pobj"):
                    found = nationality(ctx, o)
                    if found is not None:
                        return found
    return None


def _role_sources(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """A role that modifies the noun attacked only if it is one that bears arms ("a police
    shooting", "a militant attack"); "a school shooting", "a hospital strike" name the
    target, not the attacker; else the roles of its ``by`` phrase. A weapon the
    dictionaries read as a role ("cruise missile strikes": Phoenix's CRUISE_MISSILE ~MIL)
    names the means, not who used it."""
    view = ctx.view
    for c in _modifiers(ctx, i):
        if view.dep[c] in ("compound", "amod", "poss", "nmod") and c in ctx.mention_at:
            if is_weapon_head(ctx, c):
                continue
            found = actors_of_np(ctx, c, sent_index)
            if any(a.code[3:6] not in ARMED_ROLES for a in found if is_role_only(a)):
                return []
            return found
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
    own = _pp_actors(ctx, i, sent[2]) or relative_targets(ctx, i, sent[2])
    if not own and light is not None:
        own = _pp_actors(ctx, light, sent[2])
    slot = clause_slot(view, i)  # "killed in a missile and drone attack on X"
    head = view.head[slot]
    if head != slot and view.dep[slot] == "nsubj" and view.tag[head].startswith("VB"):
        return own or _clause_objects(ctx, head, i, sent[2])  # "X's strikes hit Y"
    verb = view.head[head] if view.dep[slot] == "pobj" and head != slot else -1
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
    if len({a.code for a in sides}) > 1:
        return [(a, b) for a in sides for b in sides if a.code != b.code]
    own = _mutual_owners(ctx, i, light, sent[2])
    partners = _with_partners(ctx, i, light, sent[2])
    if partners:  # one side with the other, never the partners among themselves
        pairs = [(a, b) for a in own for b in partners if a.code != b.code]
        return pairs + [(b, a) for a, b in pairs]
    if len({a.root for a in own if not is_role_only(a)}) < 2:
        return []
    return [(a, b) for a in own for b in own if a.code != b.code]


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
    return _prep_actors(ctx, words, ("BETWEEN",), actors_of_np, sent_index)


def _with_partners(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    """The actors of the ``with``/``against`` phrase of the noun or of its light verb."""
    words = [i] if light is None else [i, light]
    return _prep_actors(ctx, words, ("WITH", "AGAINST"), np_actors_anywhere, sent_index)


def _prep_actors(
    ctx: DocContext,
    words: list[int],
    preps: tuple[str, ...],
    find: Callable[[DocContext, int, int], list[Actor]],
    sent_index: int,
) -> list[Actor]:
    """The actors ``find`` gives for the objects of the first of the words' prepositions
    in ``preps`` whose objects name any."""
    view = ctx.view
    for w in words:
        for prep in view.kids(w, "prep"):
            if view.up[prep] in preps:
                found = [a for o in view.kids(prep, "pobj") for a in find(ctx, o, sent_index)]
                if found:
                    return found
    return []


def weapon_subjects(ctx: DocContext, per_verb: dict[int, list[Event]], sent: Sent) -> None:
    """ "Cruise missiles struck Kyiv": a weapon is no actor of the country it hits. A verb
    whose subject is a weapon noun has the weapon's owner as source (a demonym or name in
    its phrase, "missiles fired by X"), and none when the text names no owner (no event
    rather than one of the target's country against itself); the weapon's side is never
    the target (the reverse of a mutual pattern such as Phoenix's "&WEAPON *")."""
    view = ctx.view
    for v, events in per_verb.items():
        subj = subject_head(view, v) if events else None
        if subj is None or subj[1] or view.up[subj[0]] not in WEAPON_NOUNS:
            continue
        w = subj[0]
        lo, hi = view.char_span(*view.subtree_span(w))
        own = ctx.mention_at.get(w)
        bare = view.char_span(own.start, own.end) if own is not None else (-1, -1)
        owner = _weapon_owner(ctx, w, sent[2])
        kept: list[Event] = []
        for e in events:
            if _within(e.target, lo, hi):
                continue
            if _inside(e.source, *bare) and is_role_only(_unplaced(ctx, w)):
                why = f"source: the owner of '{view.text_of(w)}'"
                kept.extend(e.replace(source=o, rules=e.rules + (why,)) for o in owner[:1])
                continue
            kept.append(e)
        per_verb[v] = kept


def _within(actor: Actor | None, lo: int, hi: int) -> bool:
    """Whether the actor's mention lies in (or covers) the character range [lo, hi)."""
    span = None if actor is None else actor.span
    return span is not None and span[0] < hi and lo < span[1]


def _inside(actor: Actor | None, lo: int, hi: int) -> bool:
    """Whether the actor's mention is all inside [lo, hi) (the weapon noun itself, not
    "Israeli warplanes")."""
    span = None if actor is None else actor.span
    return span is not None and lo <= span[0] and span[1] <= hi


def _unplaced(ctx: DocContext, w: int) -> Actor | None:
    """The actor the weapon noun's own mention names, as the dictionaries give it."""
    m = ctx.mention_at.get(w)
    return None if m is None else m.actor


def _weapon_owner(ctx: DocContext, w: int, sent_index: int) -> list[Actor]:
    view = ctx.view
    found = [a for a in owners(ctx, w, sent_index) if not is_role_only(a)]
    if found:
        return found
    for c in view.kids(w, "acl"):
        if view.lem[c] in _USED_BY:
            for agent in view.kids(c, "agent"):
                for o in view.kids(agent, "pobj"):
                    found = np_actors_anywhere(ctx, o, sent_index)
                    if any(not is_role_only(a) for a in found):
                        return [a for a in found if not is_role_only(a)]
    return []


def split_attack_noun(view: DocView, i: int) -> int | None:
    """ "Children were killed in Israeli (tank) shelling in Gaza": the parser reads the
    attack gerund as a clause of the casualty verb and its modifier as the object of "in".
    The token of that object (the gerund's modifier, "Israeli" or "tank") when the gerund
    at ``i`` directly follows it and has no subject or object of its own, else None."""
    head = view.head[i]
    p = i - 1
    if view.tag[i] != "VBG" or view.dep[i] != "advcl" or p < 0 or view.dep[p] != "pobj":
        return None
    prep = view.head[p]
    if view.head[prep] != head or view.up[prep] not in ("IN", "DURING", "BY"):
        return None
    if view.lem[head] not in CASUALTY_WORDS or view.kids(i, "nsubj", "dobj", "nsubjpass"):
        return None
    return p


def split_attack_pairs(ctx: DocContext, i: int, p: int, sent: Sent) -> list[tuple[Actor, Actor]]:
    """Who attacked whom for a split attack noun (:func:`split_attack_noun`): the actors of
    its modifier ("Israeli", "Israeli tank") against the victims or the place."""
    view = ctx.view
    sources = [a for a in np_actors_anywhere(ctx, p, sent[2]) if not is_role_only(a)]
    if not sources:
        return []
    verb = view.head[i]
    roots = {a.root for a in sources}
    victims = _patients(ctx, verb, sent[2])
    known = [a for a in victims if not is_role_only(a) and a.root not in roots]
    place = [a for a in _pp_actors(ctx, i, sent[2]) if a.root not in roots]
    targets = known or place or (victims if ctx.options.place_roles else [])
    pairs = [(s, t) for s in sources for t in targets if s.code != t.code]
    if not any(is_role_only(t) for _, t in pairs):
        return pairs
    country = location_country(ctx, [i, verb])
    why = "country of the attack's place"
    return [(s, place_all([t], country, why)[0]) for s, t in pairs]
