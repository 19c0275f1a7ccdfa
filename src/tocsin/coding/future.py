"""Future clauses: an act announced for later is an intent, not the act.

CONVENTIONS.md ("Future, conditional, negated"): "Russia will attack Ukraine" is a threat
(138), "Pope Leo XIV will visit Lebanon" an intent to meet (036), "the talks are set to
begin": an intent; the act itself, which has not happened, is forbidden. A clause is in the
future when its verb, or the verb whose auxiliary it shares ("will withdraw troops and
release prisoners"), has a future auxiliary (``will``, ``'ll``, ``shall``), or when it is
the ``to``-infinitive of such a verb ("will resume targeting ships", "will begin to
withdraw") or of a schedule word with "be" ("is set / scheduled / due / poised to meet",
"is going to attack", "prepares to strike"). A schedule in the past ("was scheduled to
meet") is a plan then, not known to have been carried out: hypothetical, as "were to storm"
is (:func:`tocsin.coding.factuality.factuality_of`).

An engine option (``Options.future_as_intent``): PETRARCH's gold sets code "will meet" as
the meeting. Negation ("will not attack") and the other frames are read first by
:func:`~tocsin.coding.factuality.factuality_of`; this module is asked only when they found
nothing.
"""

from __future__ import annotations

from tocsin.coding.docview import DocView

FUTURE_AUX = frozenset({"WILL", "'LL", "SHALL"})
# words whose "to" infinitive, with "be", is scheduled: "is set to", "are due to",
# "is scheduled to", "is slated to", "is poised to", "is going to"
SCHEDULE_WORDS = frozenset({"SET", "SCHEDULE", "SLATE", "POISE", "DUE", "GO"})
# a verb whose "to" infinitive is prepared, in the present ("prepares to strike")
PREPARE_WORDS = frozenset({"PREPARE"})
# verbs of starting and going on, through which a future reaches its complement ("will
# resume targeting ships", "will begin to withdraw"); not "will stop attacking"
ASPECT_WORDS = frozenset({"BEGIN", "START", "RESUME", "CONTINUE", "KEEP", "RENEW"})
_CHAIN = 3  # aspect verbs climbed ("will continue to begin ...")


def _future_aux(view: DocView, i: int) -> bool:
    return any(
        view.dep[c] == "aux" and (view.up[c] in FUTURE_AUX or view.lem[c] in FUTURE_AUX)
        for c in view.children[i]
    )


def _be_of(view: DocView, h: int) -> int | None:
    """The "be" of a schedule word: its (passive) auxiliary ("is set", "are going"), or
    the copula it completes ("is due")."""
    for c in view.children[h]:
        if view.dep[c] in ("aux", "auxpass") and view.lem[c] == "BE":
            return c
    up = view.head[h]
    if view.dep[h] == "acomp" and view.lem[up] == "BE":
        return up
    return None


def _schedule(view: DocView, v: int) -> tuple[str, bool] | None:
    """(word, past) when ``v`` is the "to" infinitive of a schedule or preparation word."""
    if view.dep[v] != "xcomp" or not any(
        view.dep[c] == "aux" and view.up[c] == "TO" for c in view.children[v]
    ):
        return None
    h = view.head[v]
    word = view.lem[h]
    if word in PREPARE_WORDS and view.tag[h].startswith("VB"):
        be = _be_of(view, h)
        past = view.tag[h] == "VBD" or (be is not None and view.tag[be] == "VBD")
        # "as the leader prepared to attend the Games" is told of what then happened: left
        # as it was (PETRARCH's GSR codes it as the visit)
        return None if past else (word, False)
    if word not in SCHEDULE_WORDS or (word == "GO" and view.tag[h] != "VBG"):
        return None
    be = _be_of(view, h)
    if be is None:
        return None
    return word, view.tag[be] == "VBD" and not _future_aux(view, be)


def future_word(view: DocView, v: int, shared: int) -> tuple[str, bool] | None:
    """The frame word that puts the verb at ``v`` in the future, and whether it is a past
    plan (None: the clause is not in the future). ``shared`` is the verb whose auxiliary
    ``v`` shares (``v`` itself when none)."""
    if _future_aux(view, v) or (shared != v and _future_aux(view, shared)):
        return "will", False
    cur = v
    for _ in range(_CHAIN):
        scheduled = _schedule(view, cur)
        if scheduled is not None:
            return scheduled
        if view.dep[cur] != "xcomp" or view.lem[view.head[cur]] not in ASPECT_WORDS:
            return None
        cur = view.head[cur]  # "will resume targeting", "will begin to withdraw"
        if _future_aux(view, cur):
            return "will", False
    return None
