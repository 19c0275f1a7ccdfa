"""Violence by protesters is a violent protest (CAMEO 145, "protest violently, riot").

"Heavy clashes erupt between police and protesters in Bologna", "protesters clash with
police in Tbilisi", "protesters attempt to storm the parliament": the verb or the fight
noun codes a use of force (19x), or a threat (138) for the attempt, but CAMEO codes
demonstrations that turn violent as 145, from the protesters to whom they fought or
stormed. An attempt to storm is itself the riot (it happened; nothing is threatened).
A fight named by a noun is one act: the protesters riot, and its other direction
("police -> protesters" of "clashes between police and protesters") is not a second act.
"""

from __future__ import annotations

import re

from tocsin.coding.context import DocContext
from tocsin.coding.eventplace import country_root, is_role_only, placed
from tocsin.coding.writer import with_code
from tocsin.models import Actor, Event, Factuality

RIOT = "145"
# the roles of people who protest ("protesters", "demonstrators", "rioters"), by the
# dictionary entry or phrase that named the actor
_PROTESTERS = re.compile(r"\b(PROTEST[EO]RS?|DEMONSTRATORS?|RIOTERS?)\b", re.IGNORECASE)
# force that a crowd uses; blockades (191) and occupations (192) are other protest acts,
# and artillery, aircraft and bombs (194, 195, 183) are an armed attack, not a riot
_FORCE_ROOTS = frozenset({"18", "19"})
_NOT_FORCE = frozenset({"191", "192", "194", "195", "1951", "1952", "183", "1831", "1832"})
_WEAPON = "&WEAPON"
CLASH_VERBS = frozenset({"CLASH", "SCUFFLE", "BRAWL"})
_ATTEMPT_FRAMES = ("frame: intent (attempt)", "frame: intent (try)")


def is_protester(actor: Actor | None) -> bool:
    return actor is not None and bool(_PROTESTERS.search(actor.entry or ""))


def _force(e: Event) -> bool:
    """Whether ``e`` is a use of force, or the attempt at one ("attempt to storm": 138)."""
    if any(_WEAPON in r for r in e.rules[:1]):
        return False  # "demonstrators launched missiles at X": armed force
    if e.code[:2] in _FORCE_ROOTS and e.code not in _NOT_FORCE:
        return True
    return e.code == "138" and any(r in e.rules for r in _ATTEMPT_FRAMES)


def riots(ctx: DocContext, per_verb: dict[int, list[Event]]) -> None:
    """Uses of force by protesters recoded as violent protest, in place (see the module
    docstring); the other direction of the same fight goes."""
    for v, events in per_verb.items():
        clash = ctx.view.lem[v] in CLASH_VERBS  # "clash with police": whatever its pattern says
        if not any((clash or _force(e)) and is_protester(e.source) for e in events):
            continue
        rioted = {e.target.code for e in events if e.target and is_protester(e.source)}
        kept = []
        for e in events:
            if (clash or _force(e)) and is_protester(e.source):
                attempt = e.code == "138"  # "attempt to storm": the attempt is the riot
                e = _at_home(with_code(ctx, e, RIOT, "force used by protesters: a violent protest"))
                kept.append(e.replace(factuality=Factuality.ASSERTED) if attempt else e)
            elif not (_force(e) and is_protester(e.target) and _among(e.source, rioted)):
                kept.append(e)
        per_verb[v] = kept


def _among(actor: Actor | None, codes: set[str]) -> bool:
    return actor is not None and actor.code in codes


# the forces of a state that keep order at home: protesters they fight are its people
_ORDER_ROLES = frozenset({"COP", "MIL"})


def _at_home(e: Event) -> Event:
    """Protesters no one places who fight a state's police ("clashes between police and
    protesters in Bologna, after a Moroccan man was killed": the police are Italy's, the
    sentence has two countries) are of the police's country."""
    s, t = e.source, e.target
    if s is None or t is None or not is_role_only(s) or t.code[3:6] not in _ORDER_ROLES:
        return e
    country = country_root(t.code)
    if country is None:
        return e
    return e.replace(source=placed(s, country, "country of the police they fought"))
