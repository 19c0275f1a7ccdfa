"""The passive agent that is a weapon or fire ("three people are killed by Israeli gunfire",
"the plane was shot down by Russia's Pantsir missile system", "a ship is hit by two Iranian
missiles"): CAMEO codes the state whose forces used it, so the weapon's demonym or
possessive is the source, as its military (``MIL``) when it names a bare country.
"""

from __future__ import annotations

import dataclasses

from tocsin.coding.context import DocContext
from tocsin.coding.eventplace import is_role_only
from tocsin.coding.nounattacks import BOMBS, FLOWN_WEAPONS, SHELL_WEAPONS
from tocsin.coding.npactors import actors_of_np
from tocsin.models import Actor

# heads of a ``by`` agent that only military force fires: the shared weapon lists plus
# fire nouns, which no attack-noun list holds ("by Israeli gunfire", "by Russian shelling")
AGENT_WEAPONS = (
    FLOWN_WEAPONS
    | SHELL_WEAPONS
    | BOMBS
    | {"GUNFIRE", "FIRE", "SHELLING", "ARTILLERY", "ROCKET", "ROCKETS", "PROJECTILE"}
    | {"HELICOPTER", "HELICOPTERS", "GUNSHIP", "GUNSHIPS", "TANK", "TANKS"}
)
# a head that is a weapon only through its compound ("missile system", "drone system")
_SYSTEMS = frozenset({"SYSTEM", "SYSTEMS"})
_OWNER_DEPS = ("poss", "amod", "compound", "nmod")


def is_weapon_head(ctx: DocContext, head: int) -> bool:
    """Whether the phrase at ``head`` names a weapon or fire, not an actor or an attack."""
    view = ctx.view
    if view.lem[head] in AGENT_WEAPONS or view.up[head] in AGENT_WEAPONS:
        return True
    return view.lem[head] in _SYSTEMS and any(
        view.dep[c] == "compound" and view.lem[c] in AGENT_WEAPONS for c in view.children[head]
    )


def weapon_owners(ctx: DocContext, head: int, sent_index: int) -> list[Actor]:
    """The countries and groups that modify a weapon agent ("Israeli", "Russia's"), a bare
    country as its military; none when ``head`` is no weapon."""
    if head in ctx.mention_at or not is_weapon_head(ctx, head):
        return []
    view = ctx.view
    out: list[Actor] = []
    for c in view.children[head]:
        if view.dep[c] in _OWNER_DEPS and c in ctx.mention_at:
            out.extend(_military(a) for a in actors_of_np(ctx, c, sent_index))
    return [a for a in out if not is_role_only(a)]


def _military(actor: Actor) -> Actor:
    """A bare country code as its armed forces ("Israeli fire": ISRMIL)."""
    if actor.kind != "country" or len(actor.code) != 3:
        return actor
    entry = f"{actor.entry or actor.code} + weapon agent [MIL]"
    return dataclasses.replace(actor, code=actor.code + "MIL", role="MIL", entry=entry)
