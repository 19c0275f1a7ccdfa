"""Attack nouns and violence on unseen news, the parts :mod:`tocsin.coding.attacks` and
:mod:`tocsin.coding.nominal` ask about a clause:

- a coordinated weapon modifier: "killed in a Russian missile and drone attack on Kyiv"
  (the parser makes "attack" the conjunct of "missile"; "missile" and its "Russian" are
  the attack's modifiers, and "missile"'s place in the clause is the attack's);
- the relative clause of an attack noun that says what it hit: "an Israeli strike that
  hit a school in Gaza" (its object is the target), or who did it: "a drone strike
  launched by X", "attacks claimed by X" (its agent is the attacker);
- a subject that names no actor but a place: "a fire at a building in Rheims kills four",
  "a storm in Chile kills three" (the place is where it happened, not who did it).
"""

from __future__ import annotations

from collections.abc import Mapping

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.npactors import first_actors
from tocsin.coding.syntax import LOCATIVE_PREPS, subject_head, subtree_tokens
from tocsin.models import Actor, Event

# weapon head nouns, one list for the attack modules (hand-listed: Phoenix's &WEAPON set has
# no drones, shells or mortars and lists phrases, not heads): flown ones, shells, bombs
FLOWN_WEAPONS = frozenset("MISSILE MISSILES DRONE DRONES UAV UAVS WARPLANE WARPLANES JETS".split())
SHELL_WEAPONS = frozenset("SHELL SHELLS MORTAR MORTARS".split())
BOMBS = frozenset({"BOMB", "BOMBS"})
# first conjuncts that are an attack's means, not an event of their own ("a missile and
# drone attack", "an air and ground offensive", "artillery and rocket strikes")
MEANS_WORDS = frozenset(
    {
        "MISSILE",
        "MISSILES",
        "DRONE",
        "DRONES",
        "ROCKET",
        "ROCKETS",
        "ARTILLERY",
        "AIR",
        "GROUND",
        "LAND",
        "SEA",
        "NAVAL",
        "MORTAR",
        "BOMB",
        "UAV",
        "GUN",
    }
)
# verbs of a relative clause that say what an attack hit ("a strike that hit a school")
HIT_VERBS = frozenset({"HIT", "STRIKE", "TARGET", "DESTROY", "DAMAGE", "KILL", "INJURE", "WOUND"})
# "an attack launched/carried out/claimed by X": a participle (or relative clause) of the
# attack noun whose agent is the attacker; not one that names someone else ("an attack on
# a convoy escorted by X")
DONE_BY = frozenset(
    {
        "LAUNCH",
        "CARRY",
        "CONDUCT",
        "CLAIM",
        "PERPETRATE",
        "STAGE",
        "MOUNT",
        "COMMIT",
        "ORCHESTRATE",
        "EXECUTE",
        "TARGET",
        "FIRE",
    }
)
# prepositions that place a subject ("a fire at a building in Rheims", "a shark attack off
# the coast"): the locative ones and "off"
PLACE_PREPS = LOCATIVE_PREPS | {"OFF"}


def means_conjunct(view: DocView, i: int) -> int | None:
    """The first conjunct of "a Russian missile and drone attack" (``missile``) when the
    attack noun at ``i`` is its conjunct and it names the attack's means, else None."""
    head = view.head[i]
    if view.dep[i] != "conj" or head == i or head > i or view.up[head] not in MEANS_WORDS:
        return None
    return head if view.tag[head].startswith("NN") else None


def doer_agents(view: DocView, i: int) -> list[int]:
    """The ``by`` agents of the participles and relative clauses of the attack noun at
    ``i`` that say who did it ("a drone strike launched by X", "attacks that were claimed
    by X", "a shooting targeting Israelis by X")."""
    return [
        a
        for c in view.kids(i, "acl", "relcl")
        if view.lem[c] in DONE_BY
        for a in view.kids(c, "agent")
    ]


def clause_slot(view: DocView, i: int) -> int:
    """The token whose place in the clause the attack noun has: its means conjunct's for
    "killed in a missile and drone attack", else its own."""
    first = means_conjunct(view, i)
    return i if first is None else first


def relative_targets(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """Actors the relative clause or participle of the attack noun says it hit ("a strike
    that hit a hospital in Gaza", "strikes targeting energy facilities in Ukraine"),
    without the clause's own subject."""
    view = ctx.view
    for c in _hit_clauses(view, i):
        if view.lem[c] not in HIT_VERBS:
            continue
        subj = view.kids(c, "nsubj", "nsubjpass")
        tokens = sorted(subtree_tokens(view, [c]) - subtree_tokens(view, subj) - {c})
        found = [a for a in first_actors(ctx, tokens, sent_index, -1) if a.code[:3] != "---"]
        if found:
            return found
    return []


def _hit_clauses(view: DocView, i: int) -> list[int]:
    return [c for c in view.kids(i, "relcl", "acl") if view.lem[c] in HIT_VERBS]


def yield_hit_clauses(view: DocView, per_verb: dict[int, list[Event]], i: int) -> None:
    """ "Chadian airstrikes targeting Boko Haram positions killed fishermen": the attack
    noun's own clause is the noun's act, which the noun's events code; the clause's events
    (whose subject the parser leaves to guesswork) go, unless the noun's attacker is
    one no one names ("a shooting targeting X by Y": the clause names him)."""
    if any(e.source and "unnamed" not in (e.source.entry or "") for e in per_verb.get(i, [])):
        for c in _hit_clauses(view, i):
            per_verb[c] = []


def placed_subjects(ctx: DocContext, per_verb: Mapping[int, list[Event]]) -> dict[int, list[Event]]:
    """The verbs' events without those whose source is only the place of a subject, or of a
    passive's agent, that names no actor ("a storm in Chile kills three", "soldiers are
    killed by a roadside bomb in Jenin": the place is where, not who)."""
    view = ctx.view
    out: dict[int, list[Event]] = {}
    for v, events in per_verb.items():
        doer = _doer(view, v) if events else None
        if doer is None or doer in ctx.mention_at:
            continue
        spans = _place_spans(view, doer)
        if spans:
            kept = [e for e in events if not _in_spans(e, spans)]
            if len(kept) != len(events):
                out[v] = kept
    return out


def _doer(view: DocView, v: int) -> int | None:
    """The verb's active subject, else the object of its passive's ``by``."""
    subj = subject_head(view, v)
    if subj is not None and not subj[1]:
        return subj[0]
    agents = [o for a in view.kids(v, "agent") for o in view.kids(a, "pobj")]
    return agents[0] if agents else None


def _place_spans(view: DocView, w: int) -> list[tuple[int, int]]:
    """Character spans of the place phrases of a common-noun subject ("at a building in
    Rheims" of "a fire"); none for a name, a pronoun or a weapon's owner."""
    if not view.tag[w].startswith("NN") or view.tag[w].startswith("NNP"):
        return []
    spans = []
    for p in view.kids(w, "prep"):
        if view.up[p] in PLACE_PREPS:
            spans.append(view.char_span(*view.subtree_span(p)))
    return spans


def _in_spans(event: Event, spans: list[tuple[int, int]]) -> bool:
    span = event.source.span if event.source is not None else None
    return span is not None and any(lo <= span[0] and span[1] <= hi for lo, hi in spans)


# violence words whose "at/during" phrase is where they happened ("killed in a bombing at a
# rally", "injured during a demonstration"): the protest there is the setting, not the act
VIOLENCE_WORDS = frozenset(
    "KILL INJURE WOUND DIE HURT ATTACK BOMBING SHOOTING STABBING ASSAULT AMBUSH STRIKE"
    " EXPLOSION BLAST".split()
)


def violence_setting(view: DocView, i: int) -> bool:
    """Whether the noun at ``i`` is the object of an "at/during" phrase of a violence word
    ("a suicide bombing at a political rally", "injured during a demonstration")."""
    prep = view.head[i]
    if prep == i or view.dep[i] != "pobj" or view.up[prep] not in ("AT", "DURING"):
        return False
    return view.head[prep] != prep and view.lem[view.head[prep]] in VIOLENCE_WORDS
