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

from tocsin.actors.codes import STATE_ROLES
from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import (
    LOCATION_PREPS,
    country_root,
    is_role_only,
    location_country,
    placed,
)
from tocsin.coding.factuality import factuality_of
from tocsin.coding.nonacts import span_head
from tocsin.coding.npactors import actors_of_np, np_actors_anywhere
from tocsin.coding.riots import is_protester
from tocsin.coding.slots import find_actors
from tocsin.coding.syntax import subject_head
from tocsin.coding.verbmatch import VerbMatch, match_verb, regions
from tocsin.coding.writer import Sent, make_event, rules_of, with_code
from tocsin.models import Actor, Event

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


# verbs whose subject protests by the verb itself ("Tibetans protest worldwide", "thousands
# of Serbians demonstrate in Belgrade", "supporters march in Caracas"), a protest when the
# dictionary codes them 14x
PROTEST_VERBS = frozenset({"PROTEST", "DEMONSTRATE", "MARCH", "RALLY", "RIOT", "BOYCOTT"})
# the roles of a state, whose protest with no one named is diplomatic ("China protested
# the visit"), not a protest against their own government
_STATE_ROLES = STATE_ROLES | {"ELI"}
_PEOPLE_TAGS = frozenset({"NNS", "NNPS"})


def verb_protests(ctx: DocContext, per_verb: dict[int, list[Event]], sent: Sent) -> None:
    """Protest verbs that name no one protested: the protesters against their own country's
    government, as for a protest noun (module docstring): "Tibetans protest worldwide"
    (CHNCVL -> CHNGOV), "the opposition boycotts and protests the ceremony" (the ceremony
    is no actor). A verb the dictionary codes no 14x, or whose target is an actor, is left
    alone; so are states ("China protested the visit": a diplomatic protest). Not with
    PETRARCH's options (``place_roles`` off)."""
    view = ctx.view
    if not ctx.options.place_roles:
        return
    for v, events in per_verb.items():
        if events or view.lem[v] not in PROTEST_VERBS or not view.tag[v].startswith("VB"):
            continue
        m = match_verb(ctx, v, sent[0], sent[1])
        if m is None or m.code is None or m.code[:2] != "14":
            continue
        per_verb[v] = _untargeted(ctx, m, sent)


def _untargeted(ctx: DocContext, m: VerbMatch, sent: Sent) -> list[Event]:
    _, post = regions(ctx, m.verb, sent[0], sent[1], m.extra_tokens)
    found = find_actors(ctx, m, post, sent[2])
    if found.targets or found.pairwise:
        return []
    fact, frame = factuality_of(ctx.view, m.verb, m.negation_in_pattern, m.modal_in_pattern)
    why = ("target: the government of the protesters' country",)
    out = []
    for s in found.sources:
        if _people(ctx, s):
            s = _as_people(s)
            t = _government_of(s)
            rules = rules_of(m, s, t, frame) + why
            out.append(make_event(ctx, m, m.code or "", s, t, fact, sent, rules))
    return out


def _people(ctx: DocContext, actor: Actor) -> bool:
    """Whether ``actor`` is people who may protest against their state: a role that is no
    state's ("protesters", "the opposition", "farmers"), with or without a country, or a
    country named by its people ("Tibetans", not "China")."""
    if actor.role in _STATE_ROLES or actor.code[3:6] in _STATE_ROLES:
        return False
    if is_role_only(actor):
        return True
    if country_root(actor.code) is None:
        return False  # an IGO, an NGO, a company: no government of their own
    return len(actor.code) > 3 or _plural_mention(ctx, actor)


def _plural_mention(ctx: DocContext, actor: Actor) -> bool:
    """Whether the mention of a bare country is a plural noun of its people ("Kenyans")."""
    if actor.span is None:
        return False
    lo, hi = actor.span
    for m in ctx.mentions:
        span = m.actor.span
        if m.actor.code == actor.code and span is not None and lo <= span[0] < hi:
            return ctx.view.tag[m.end - 1] in _PEOPLE_TAGS  # "thousands of Serbians"
    return False


# verbs of gathering and marching: protesters who gather demonstrate ("protesters gather in
# Tbilisi", CAMEO 141), the place is where, not whom
GATHER_VERBS = frozenset(
    {"GATHER", "ASSEMBLE", "CONGREGATE", "CONVERGE", "FLOCK", "MARCH", "RALLY", "AMASS"}
)
DEMONSTRATE = "141"
# the codes a gathering verb has when nothing says it is a protest: consult (ASSEMBLE's
# 040) and mobilize (RALLY's 150, "supporters rally")
_GATHERING_ROOTS = ("04", "15")
_NAME_TAGS = frozenset({"NNP", "NNPS"})


def protest_places(ctx: DocContext, per_verb: dict[int, list[Event]]) -> None:
    """A verb's protest is against the protesters' government, not the place it names
    ("demonstrators of the Iranian opposition gather in Amsterdam": IRNOPP -> IRNGOV, not
    NLD; "protesters gather in Tbilisi": GEOOPP -> GEOGOV, the role placed there), and
    protesters who gather or march demonstrate (141, not the gathering's 040). Not with
    PETRARCH's options (``place_roles`` off)."""
    view = ctx.view
    if not ctx.options.place_roles:
        return
    for v, events in per_verb.items():
        if not events or not view.tag[v].startswith("VB"):
            continue
        gathering = view.lem[v] in GATHER_VERBS
        per_verb[v] = [_at_the_place(ctx, v, e, gathering) for e in events]


def _at_the_place(ctx: DocContext, v: int, e: Event, gathering: bool) -> Event:
    if gathering and e.code[:2] in _GATHERING_ROOTS and is_protester(e.source):
        e = with_code(ctx, e, DEMONSTRATE, "protesters who gather demonstrate")
    if e.code[:2] != "14" or e.source is None or e.target is None or e.target.span is None:
        return e
    t = span_head(ctx, e.target.span)
    if t is None or not _is_place(ctx.view, v, t):
        return e
    source = e.source
    country, own = country_root(e.target.code), country_root(source.code)
    if own is not None and own != country and not gathering:
        # "US activists staged a protest in Beijing": foreigners' protest is the host's;
        # those who gather or march abroad are a diaspora ("Iranian exiles gather in Paris")
        return e
    if is_role_only(source) and country is not None:
        source = placed(source, country, "country of the protest's place")
    source = _as_people(source)
    target = _government_of(source)
    if target.code == source.code or country_root(source.code) is None:
        return e
    rules = e.rules + ("the place of a protest is no target: the protesters' government",)
    return e.replace(source=source, target=target, rules=rules)


def _is_place(view: DocView, v: int, t: int) -> bool:
    """Whether token ``t`` names a place of the verb at ``v`` ("gather in Amsterdam",
    "march in Tel Aviv, Jerusalem and Haifa"), not an actor it acts on ("outside the U.S.
    embassy": the embassy's state is protested)."""
    while view.dep[t] in ("conj", "appos") and view.head[t] != t:
        t = view.head[t]
    prep = view.head[t]
    return (
        view.dep[t] == "pobj"
        and view.tag[t] in _NAME_TAGS
        and view.head[prep] == v
        and view.up[prep] in LOCATION_PREPS
    )
