"""Who held a place that a force takes or retakes: the target of an occupation (192).

News names the side a town was taken from in a clause about the town, not after the
verb: "the army recaptures several towns that fell to M23 rebels", "retakes the town,
which the RSF had seized", "troops recapture Uvira after it had been held by M23",
"forces capture key locations that served as bases for the Islamic State". The verb's
first actor is then no one (or the town's own country), so the event was lost or made
the place its target. The holder is the actor such a clause gives: the ``to`` of "fell
to", the ``by`` agent of "held/seized by", the subject of "which X had taken", the
``for`` of "served as bases for".
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.npactors import np_actors_anywhere
from tocsin.coding.syntax import subtree_tokens
from tocsin.models import Actor

# verbs of a clause that says who held a place ("fell to", "held by", "had taken")
HOLD_VERBS = frozenset(
    {"FALL", "HOLD", "CONTROL", "TAKE", "CAPTURE", "SEIZE", "OCCUPY", "OVERRUN", "SERVE"}
)
_RELATIVE_WORDS = frozenset({"THAT", "WHICH", "WHO", "IT", "THEY", "WHERE"})
_CLAUSE_DEPS = ("relcl", "acl")
_PLACES_FILE = "places.actors"  # tocsin.places.actors.tsv: towns coded as their country


def holder_targets(
    ctx: DocContext, v: int, code: str | None, sources: list[Actor], sent_index: int
) -> list[Actor]:
    """The side that held what the verb at ``v`` occupies (code 192), from a clause of its
    object or an adverbial clause of the verb; [] for another code or when none is named."""
    if code is None or not code.startswith("192"):
        return []
    view = ctx.view
    taken = {a.code for a in sources}
    for clause in _holding_clauses(view, v):
        for word in _holder_words(view, clause):
            found = [
                a
                for a in np_actors_anywhere(ctx, word, sent_index)
                if a.code not in taken and not a.code.startswith("---")
            ]
            if found:
                return found
    return []


def replaces_place(targets: list[Actor]) -> bool:
    """Whether the targets found after the verb are only places ("recapture Uvira", coded
    as their country by the places file) or unplaced roles ("the village" as its
    civilians): a holder named in a clause is the target instead."""
    return all(_is_place(a) or a.code.startswith("---") for a in targets)


def _is_place(actor: Actor) -> bool:
    return actor.kind == "place" or _PLACES_FILE in (actor.entry or "")


def _holding_clauses(view: DocView, v: int) -> list[int]:
    """Clauses under the verb's object ("towns that fell to X", "the town, which X had
    taken") and the verb's own adverbial clauses ("after it had been held by X")."""
    out = []
    for obj in view.kids(v, "dobj"):
        for t in sorted(subtree_tokens(view, [obj])):
            if view.dep[t] in _CLAUSE_DEPS and view.lem[t] in HOLD_VERBS:
                out.append(t)
    out.extend(c for c in view.kids(v, "advcl") if view.lem[c] in HOLD_VERBS)
    return out


def _holder_words(view: DocView, clause: int) -> list[int]:
    """Heads of the phrases of a holding clause that name the holder."""
    lem = view.lem[clause]
    words = [o for a in view.kids(clause, "agent") for o in view.kids(a, "pobj")]
    if lem == "FALL":
        words += _prep_objects(view, clause, "TO")
    elif lem == "SERVE":  # "served as bases for X"
        words += [
            o
            for p in view.kids(clause, "prep")
            for b in view.kids(p, "pobj")
            for o in _prep_objects(view, b, "FOR")
        ]
    elif not view.kids(clause, "auxpass"):
        words += [s for s in view.kids(clause, "nsubj") if view.up[s] not in _RELATIVE_WORDS]
    return words


def _prep_objects(view: DocView, head: int, prep: str) -> list[int]:
    return [o for p in view.kids(head, "prep") if view.up[p] == prep for o in view.kids(p, "pobj")]
