"""The one country a sentence's location phrases name, for the unnamed side of a violent,
coercive or law-enforcement event in a sentence that names two countries.

"At least seven people are killed by a wave of Israeli airstrikes across Lebanon", "a
Russian missile and drone attack on Kyiv killed at least 15 people", "Russian forces
launch drones at Kyiv, Ukraine, killing 25 people": the sentence names the attacker's
country and the attacked one, so the precision guard (:func:`tocsin.coding.guards.
place_roles`) cannot give the victims "the sentence's one country". The place of the
event can: the victims of an attack, the protesters of a protest, the police of an arrest
are where it happens (the convention of :mod:`tocsin.coding.eventplace`). Where the
trigger's own location phrases name no country, the location phrases of the whole
sentence ("in/at/across/on/near X") are read; an origin ("launched from Yemen") is no
place of the event. The place is used only when those phrases name exactly one country.

A sentence that names no country takes the one country of the sentences before it, for the
same kinds of event ("Three people are injured in a knife attack in Dublin, Ireland. The
perpetrator was arrested.": IRLCOP -> IRLCRM).
"""

from __future__ import annotations

from tocsin.actors.codes import code_twins
from tocsin.coding.context import DocContext
from tocsin.coding.eventplace import (
    LOCATION_PREPS,
    country_root,
    is_placed_code,
    is_role_only,
    phrase_countries,
)
from tocsin.models import Event

_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "ROOT"})


def location_countries(ctx: DocContext, start: int, end: int) -> set[str]:
    """The countries the location phrases of tokens ``start``..``end`` name."""
    view = ctx.view
    found: set[str] = set()
    for t in range(start, end):
        if view.dep[t] != "prep" or view.up[t] not in LOCATION_PREPS or not _of_clause(ctx, t):
            continue
        for o in view.kids(t, "pobj"):
            found |= phrase_countries(ctx, o)
    return found


def _of_clause(ctx: DocContext, prep: int) -> bool:
    """The phrase at ``prep`` places a clause: it hangs on a verb or on a verb's subject or
    object ("an attack on Kyiv killed"), not on a noun deeper in a phrase ("a ring financed
    by investors in Dubai", "crimes related to operating scam centers in Myanmar")."""
    view = ctx.view
    head = view.head[prep]
    return view.tag[head].startswith("VB") or view.dep[head] in _CORE_DEPS


def event_place(ctx: DocContext, start: int, end: int) -> str | None:
    """The one country the sentence's location phrases name (None: none, or two)."""
    found = location_countries(ctx, start, end)
    return next(iter(found)) if len(found) == 1 else None


_FORCE_ROOTS = frozenset({"18", "19", "20"})


def _roots(e: Event) -> tuple[str, str]:
    """The countries of ``e``'s two sides, a CAMEO code and its ISO twin as one (ROM/ROU)."""
    source = e.source.code[:3] if e.source else ""
    target = e.target.code[:3] if e.target else ""
    twins = code_twins()
    return (twins.get(source, source), twins.get(target, target))


def _family(code: str) -> str:
    return "force" if code[:2] in _FORCE_ROOTS else code[:2]


def repeats_act(e: Event, others: list[Event]) -> bool:
    """``e`` (an event whose roles were just placed) repeats an act the sentence already
    codes between the same two countries with the same root (any use of force counts as
    one): "Russian forces launch drones at Kyiv, Ukraine, killing 25 people" is one act
    (RUS -> UKR 195, not also 190); "people demonstrate across Slovakia in protest of the
    government's policies" one protest."""
    dyad, family = _roots(e), _family(e.code)
    return any(o is not e and _family(o.code) == family and _roots(o) == dyad for o in others)


def takes_place(e: Event, place: str) -> bool:
    """The event place may take ``e``'s unnamed side: the other side is named, and of another
    country (the attacker's and the attacked's: "Israeli strikes across Lebanon kill 12
    people"; a role in the named side's own country, or two unnamed sides, in a sentence
    of two countries, is too often someone else's: "Houthis shoot down an American drone
    over Al Hudaydah", "the ministry summoned the ambassador in protest")."""
    if not is_placed_code(e.code):
        return False
    known = e.target if is_role_only(e.source) else e.source
    if known is None or is_role_only(known):
        return False
    return country_root(known.code) not in (None, place)


def earlier_country(ctx: DocContext, start: int) -> str | None:
    """The one country that the sentences before token ``start`` name, for a sentence that
    names none ("A gunman opens fire at a school in Belgrade, Serbia. The suspect is
    arrested at the scene.": SRBCOP -> SRBCRM); None when they name none or several."""
    roots: set[str] = set()
    for m in ctx.mentions:
        if m.end > start or m.is_agent or m.actor.kind not in ("country", "person"):
            continue
        root = country_root(m.actor.code)
        if root is not None:
            roots.add(root)
            if len(roots) > 1:
                return None
    return next(iter(roots)) if roots else None
