"""The country where a protest, violent or coercive event happens, for its unnamed
participants.

News often leaves one side of an attack or an arrest unnamed or anonymous: "three people
are injured in a shooting by unidentified gunmen in Abu Jarin, Aleppo Governorate, Syria",
"the U.S. embassy in Baghdad, Iraq, is attacked with rockets", "X is arrested", "a
Moroccan court sentences a man". The convention (README, coding section; the annotators'
CONVENTIONS.md codes these the same way) is that such a participant - a role with no
country ("gunmen", "people", "a man") or the unnamed agent of a passive ("is attacked",
"is arrested") - takes the country of the event's place:

1. the one country that the location phrases of the trigger name ("in/at/across/near X",
   the phrase of the verb a casualty noun depends on, or of the attacked thing: "the
   embassy in Baghdad, Iraq");
2. for law enforcement (17x), the country of the state actor that acts ("a Moroccan
   court sentences a man": the man is Moroccan's court's to judge, MARJUD -> MARPPL);
3. else nothing here: the precision guard (:mod:`tocsin.coding.guards`) gives what is
   left the sentence's one country, or drops the event.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from tocsin.coding.context import DocContext
from tocsin.coding.justice import is_legal_act, legal_jurisdiction
from tocsin.coding.npactors import actors_of_np
from tocsin.coding.verbmatch import VerbMatch
from tocsin.models import Actor

LOCATION_PREPS = frozenset(
    {"IN", "AT", "ACROSS", "INSIDE", "NEAR", "THROUGHOUT", "OUTSIDE", "ON", "INTO", "OVER"}
)
# codes whose unnamed participants take the event's country: protest ("thousands of people
# marched in Nairobi": KENPPL), coerce, assault, fight, mass violence; law enforcement is 17x
PLACED_ROOTS = frozenset({"14", "17", "18", "19", "20"})
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "NGM", "MNC", "---", "UNK"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})


def is_placed_code(code: str | None) -> bool:
    return code is not None and code[:2] in PLACED_ROOTS


def country_root(code: str) -> str | None:
    """The country ``code`` names (its first three letters); None for a role with no
    country and for IGO, NGO, MNC and unknown codes."""
    root = code[:3]
    return root if len(root) == 3 and root.isalpha() and root not in _NOT_COUNTRIES else None


def is_role_only(actor: Actor | None) -> bool:
    return actor is not None and actor.code.startswith("---")


def anonymous(role: str, why: str) -> Actor:
    """An unnamed participant ("---UAF" for an attacker no one names), to be placed."""
    return Actor(f"---{role}", "", None, None, role, "agent", f"{why} [~{role}]")


def placed(actor: Actor, country: str, why: str) -> Actor:
    """``actor`` (a role with no country) as a role of ``country``."""
    entry = f"{actor.entry or actor.code} + {why} [{country}]"
    return dataclasses.replace(actor, code=country + actor.code[3:], country=country, entry=entry)


def _country_of_token(ctx: DocContext, t: int, groups: bool = False) -> str | None:
    """The country a mention at ``t`` names (``groups``: also a national group's,
    "CJNG members": MEXCRM)."""
    m = ctx.mention_at.get(t)
    kinds = ("country", "group") if groups else ("country",)
    if m is None or m.is_agent or m.actor.kind not in kinds:
        return None
    return country_root(m.actor.code)


def phrase_countries(ctx: DocContext, pobj: int) -> set[str]:
    """The countries a location phrase names ("Abu Jarin, Aleppo Governorate, Syria"),
    not those of clauses inside it."""
    view = ctx.view
    out: set[str] = set()
    stack = [pobj]
    while stack:
        t = stack.pop()
        root = _country_of_token(ctx, t) if view.tag[t] in ("NNP", "NNPS") else None
        if root is not None:  # a place name: "in an Iranian attack" names no place
            out.add(root)
        stack.extend(c for c in view.children[t] if view.dep[c] not in _CLAUSE_DEPS)
    return out


def location_country(ctx: DocContext, words: Iterable[int]) -> str | None:
    """The one country that the location phrases of ``words`` name (None: none, or two).
    The first word with a location phrase that names a country decides."""
    view = ctx.view
    for w in words:
        found: set[str] = set()
        for prep in view.kids(w, "prep"):
            if view.up[prep] in LOCATION_PREPS:
                for o in view.kids(prep, "pobj"):
                    found |= phrase_countries(ctx, o)
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def nationality(ctx: DocContext, head: int | None) -> str | None:
    """The country of a demonym, name or national group that modifies the phrase at
    ``head``, also through a compound ("American football player Josh Jacobs": USA; "Nine
    CJNG members": MEX)."""
    if head is None:
        return None
    view = ctx.view
    stack = [c for c in view.children[head] if view.dep[c] in _MODIFIERS]
    while stack:
        t = stack.pop()
        root = _country_of_token(ctx, t, groups=True)
        if root is not None:
            return root
        stack.extend(c for c in view.children[t] if view.dep[c] in _MODIFIERS)
    return None


def jurisdiction(code: str | None, actors: Iterable[Actor]) -> str | None:
    """The one country of the state actors that enforce the law (17x)."""
    if code is None or code[:2] != "17":
        return None
    roots = {
        root
        for a in actors
        if a.kind in ("country", "agent", "person", "group")
        and (root := country_root(a.code)) is not None
    }
    return next(iter(roots)) if len(roots) == 1 else None


def place_all(actors: list[Actor], country: str | None, why: str) -> list[Actor]:
    """Role-only actors of the list placed in ``country`` (unchanged when it is None)."""
    if country is None:
        return actors
    return [placed(a, country, why) if is_role_only(a) else a for a in actors]


# verbs that say someone attacked (not "were killed" in a crash, "were held" in a square):
# their unnamed agent is an attacker
ATTACK_VERBS = frozenset(
    {
        "ATTACK",
        "SHOOT",
        "STAB",
        "BOMB",
        "SHELL",
        "AMBUSH",
        "ASSAULT",
        "RAID",
        "TARGET",
        "STRIKE",
        "HIT",
        "KIDNAP",
        "ABDUCT",
        "ASSASSINATE",
        "BEHEAD",
        "TORCH",
        "LYNCH",
    }
)


# casualty verbs (the core of attacks.CASUALTY_WORDS and of nounevents' lethal verbs), whose
# unnamed agent is an attacker when the dead are a state's forces killed at a named place
# with no other cause ("ten soldiers were killed in X")
CASUALTY_VERBS = frozenset({"KILL", "WOUND", "INJURE"})
SECURITY_ROLES = frozenset({"MIL", "COP", "SPY"})


def unnamed_attacker(
    ctx: DocContext, m: VerbMatch, subj: tuple[int, bool] | None, sent_index: int
) -> list[Actor]:
    """ "The embassy is attacked with rockets": the unnamed agent of a passive attack verb
    whose subject is an actor (placed like any role); none for other verbs ("rockets from
    X were fired": no actor was hit) or with PETRARCH's options. Soldiers or police killed
    or wounded at a named place with no cause given ("There were ten Russian soldiers
    killed in Ukraine") had an attacker too (:func:`_forces_killed_at`)."""
    code = m.code or m.code2
    view = ctx.view
    if (
        not ctx.options.place_roles
        or subj is None
        or code is None
        or code[:2] not in ("18", "19", "20")
        or view.kids(m.verb, "agent")
    ):
        return []
    victims = actors_of_np(ctx, subj[0], sent_index)
    if not victims:
        return []
    if view.lem[m.verb] in ATTACK_VERBS:
        return [anonymous("UAF", "unnamed agent of a passive attack")]
    if view.lem[m.verb] in CASUALTY_VERBS and _forces_killed_at(ctx, m.verb, victims):
        return [anonymous("UAF", "unnamed attacker of forces killed at a place")]
    return []


def _forces_killed_at(ctx: DocContext, verb: int, victims: list[Actor]) -> bool:
    """Whether the victims are all soldiers, police or agents and the verb names a place
    (a country) and no cause: not "killed in a crash", "killed when a helicopter fell"."""
    view = ctx.view
    if not all(a.code[3:6] in SECURITY_ROLES for a in victims):
        return False
    if view.kids(verb, "advcl") or location_country(ctx, [verb]) is None:
        return False
    for prep in view.kids(verb, "prep"):
        if any(not view.tag[o].startswith("NNP") for o in view.kids(prep, "pobj")):
            return False  # "in a crash", "during clashes": a cause the verb's clause names
    return True


def placed_roles(
    ctx: DocContext,
    m: VerbMatch,
    sources: list[Actor],
    targets: list[Actor],
    target_head: int | None,
    subj: tuple[int, bool] | None,
) -> tuple[list[Actor], list[Actor]]:
    """A verb's role-only participants placed where its violent or coercive act happens
    (the module docstring); unchanged for other codes and with PETRARCH's options."""
    code, lemma = m.code or m.code2, ctx.view.lem[m.verb]
    legal = is_legal_act(code, lemma)  # releases, charges, investigations (coding.justice)
    if not ctx.options.place_roles or not (is_placed_code(code) or legal):
        return sources, targets
    if not any(is_role_only(a) for a in sources) and not any(is_role_only(a) for a in targets):
        return sources, targets
    patient = target_head if target_head is not None or subj is None or not subj[1] else subj[0]
    words = [m.verb] + [w for w in (target_head, subj[0] if subj else None) if w is not None]
    # a court's or prison's place is not whose people it releases or charges: the state's only
    country = None if legal else location_country(ctx, words)
    why = "country of the event's place"
    if country is None:
        country = (
            jurisdiction(code, sources)
            or legal_jurisdiction(code, lemma, sources, targets)
            or (nationality(ctx, patient) if code and code[:2] == "17" else None)
        )
        why = "country of the law enforced"
    return place_all(sources, country, why), place_all(targets, country, why)
