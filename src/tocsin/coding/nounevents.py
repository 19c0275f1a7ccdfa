"""Event nouns on unseen news, the parts :mod:`tocsin.coding.nominal` asks about a noun:
whether an attack is a physical assault by its weapon ("a knife attack": CAMEO 182), whether
a conflict noun is the event of a verb that codes none ("a Russian strike on Odesa destroyed
a port terminal"), and whether an adjective makes the noun a possibility ("a potential deal").
"""

from __future__ import annotations

from collections.abc import Mapping

from tocsin.coding.docview import DocView
from tocsin.coding.factuality import Frame
from tocsin.models import Event, Factuality

# blades and vehicles: an attack with them is a physical assault (CAMEO 182), not the
# use of military force (19x) that an unmodified "attack" is read as
ASSAULT_WORDS = frozenset(
    {"KNIFE", "STABBING", "RAMMING", "MACHETE", "AXE", "ACID", "CAR-RAMMING", "SWORD"}
)
# adjectives that make an event noun a possibility, not an act ("a potential deal")
IRREALIS_MODIFIERS = frozenset(
    {"POTENTIAL", "POSSIBLE", "PROSPECTIVE", "EVENTUAL", "HYPOTHETICAL", "WOULD-BE", "FUTURE"}
)
# event roots whose noun subject is the event when its verb codes none (idle_subject)
IDLE_SUBJECT_ROOTS = frozenset({"16", "17", "18", "19", "20"})


def idle_subject(view: DocView, per_verb: Mapping[int, list[Event]], i: int, code: str) -> bool:
    """ "A U.S. strike on X hit a warehouse", "the U.S. withdrawal from the WHO takes effect":
    the subject noun of a material conflict (16-20) whose verb coded no event (a noun is
    no actor) is the event; the verb only says how it went."""
    head = view.head[i]
    return (
        code[:2] in IDLE_SUBJECT_ROOTS
        and view.dep[i] in ("nsubj", "nsubjpass")
        and head != i
        and not per_verb.get(head)
    )


def irrealis(view: DocView, i: int) -> tuple[Factuality, Frame] | None:
    """ "a potential deal", "a possible attack": a noun an adjective calls possible is not
    an act that happened (CONVENTIONS.md, future and conditional acts); "an alleged
    attack" is a claim."""
    for c in view.kids(i, "amod"):
        if view.up[c] in IRREALIS_MODIFIERS:
            return Factuality.HYPOTHETICAL, Frame("modal", view.lem[c].lower())
        if view.up[c] in ("ALLEGED", "SUSPECTED"):
            return Factuality.ALLEGED, Frame("claim", view.lem[c].lower())
    return None
