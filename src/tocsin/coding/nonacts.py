"""Dictionary matches that are not the act they seem (:func:`tocsin.coding.guards.guard_sentence`).

- a move or a gathering coded by its verb's default 040 ("protesters gather in Bangkok",
  "aircraft begin to leave Spain") is no consultation with the place's country;
- signing a law ("signs a law allowing the government to ...") is no formal agreement
  (057) with those the law names;
- an act told as another's background ("... after Italy introduced similar controls") is
  not coded (CONVENTIONS.md makes it optional): :func:`tocsin.coding.history.is_background`;
- a state charging its own country's actors ("authorities charge hundreds with treason")
  is legal action (CAMEO 173, "charge with legal action"), not the accusation 112;
- an order whose object is an act ("a court orders the seizure of X's properties") is no
  demand (10x, a verb's default) of those the act names.

Also the token helpers the guards share (:func:`trigger_token`, :func:`span_head`).
"""

from __future__ import annotations

import bisect

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.history import CIRCUMSTANCE_PREPS, is_background, is_due_to
from tocsin.coding.writer import VERB_DEFAULT, with_code
from tocsin.models import Event


def domestic(e: Event) -> bool:
    """Whether both actors are of one country."""
    s, t = e.source, e.target
    return s is not None and t is not None and s.root == t.root and s.root.isalpha()


# a state charging its own country's actors: "charge with legal action" (CAMEO 173)
CHARGE_WORDS, LEGAL_ACTION = frozenset({"CHARGE", "INDICT"}), "173"


def legal_charge(ctx: DocContext, e: Event) -> Event:
    """ "Tanzanian authorities charge hundreds with treason": TZAGOV -> TZA 173, not the
    accusation (112) that the verb's default gives."""
    if not e.code.startswith("112") or not domestic(e):
        return e
    v = trigger_token(ctx, e)
    if v is None or ctx.view.lem[v] not in CHARGE_WORDS or not ctx.view.tag[v].startswith("VB"):
        return e
    return with_code(ctx, e, LEGAL_ACTION, "a state charges its own country's actor")


# verbs of going and gathering (CAMEO's GO_SOMEWHERE and ASSEMBLE blocks): their block
# default (040) says where actors went or gathered, not whom they consulted
MOVEMENT_WORDS = frozenset(
    "LEAVE DEPART GATHER ASSEMBLE CONGREGATE CONVERGE FLOCK TRAVEL JOURNEY TOUR".split()
)
_PARTNER_PREPS = frozenset({"TO", "WITH", "FOR"})


def movement(ctx: DocContext, e: Event) -> bool:
    """ "Protesters gather in Bangkok", "aircraft leave Spain": no consultation (a partner
    after "to"/"with"/"for", "travelled to Beijing", keeps the default: a visit)."""
    if e.code != "040" or VERB_DEFAULT not in e.rules:
        return False
    view = ctx.view
    v = trigger_token(ctx, e)
    if v is None or view.lem[v] not in MOVEMENT_WORDS:
        return False
    t = span_head(ctx, e.target.span) if e.target and e.target.span else None
    if t is None or view.dep[t] != "pobj":
        return True
    h = view.head[t]
    return not (view.up[h] in _PARTNER_PREPS and view.head[h] == v)


# what a state enacts for itself: signing one is no agreement between the parties it names
LAW_WORDS = frozenset("LAW LAWS BILL DECREE LEGISLATION ORDINANCE STATUTE AMENDMENT".split())


def law_signing(ctx: DocContext, e: Event) -> bool:
    """ "Putin signs a law allowing the government to ...", "signs a bill on social media":
    the signing is no formal agreement (057) with those the law names."""
    v = trigger_token(ctx, e)
    if v is None or not e.code.startswith("057"):
        return False
    return any(ctx.view.lem[o] in LAW_WORDS for o in ctx.view.kids(v, "dobj"))


def without_background(ctx: DocContext, events: list[Event]) -> list[Event]:
    """The events not told as another's background (:func:`history.is_background`), nor
    aimed at a target named only in a background phrase of their verb (see
    :func:`_target_in_background`)."""
    events = [e for e in events if not _target_in_background(ctx, e)]
    if len(events) < 2:
        return events
    tokens = [trigger_token(ctx, e) for e in events]
    triggers = {t for t in tokens if t is not None}
    return [
        e
        for e, t in zip(events, tokens, strict=True)
        if t is None or not is_background(ctx.view, t, triggers - {t})
    ]


def _target_in_background(ctx: DocContext, e: Event) -> bool:
    """ "Denmark calls a snap election amid the Greenland crisis", "Mali imposes rationing
    due to a blockade imposed by JNIM": a target named only inside the circumstances of
    the verb ("amid", "due to") is not what the act is done to."""
    if e.target is None or e.target.span is None:
        return False
    v, t = trigger_token(ctx, e), span_head(ctx, e.target.span)
    if v is None or t is None:
        return False
    view = ctx.view
    for _ in range(6):
        h = view.head[t]
        if h == t or t == v:
            return False
        if view.dep[t] == "pobj" and _circumstance(view, h) and _hangs_from(view, h, v):
            return True
        t = h
    return False


def _circumstance(view: DocView, p: int) -> bool:
    """A preposition of the circumstances an act is done in ("amid", "due to"), not of the
    provocation it answers ("in response to rebel attacks" is aimed at the rebels)."""
    return view.up[p] in CIRCUMSTANCE_PREPS or is_due_to(view, p)


def _hangs_from(view: DocView, p: int, v: int) -> bool:
    """Whether token ``p`` hangs from ``v`` within three steps ("in response to": TO,
    RESPONSE, IN)."""
    for _ in range(3):
        p = view.head[p]
        if p == v:
            return True
    return False


def span_head(ctx: DocContext, span: tuple[int, int]) -> int | None:
    """The token heading the character span (its head lies outside the span)."""
    view = ctx.view
    lo = bisect.bisect_left(view.idx, span[0])
    hi = bisect.bisect_left(view.idx, span[1])
    for i in range(lo, min(hi, len(view.idx))):
        if not lo <= view.head[i] < hi or view.head[i] == i:
            return i
    return None


def trigger_token(ctx: DocContext, e: Event) -> int | None:
    """The token where the event's trigger starts."""
    if e.trigger_span is None:
        return None
    return max(0, bisect.bisect_right(ctx.view.idx, e.trigger_span[0]) - 1)


# verbs of ordering: whom they order is their object ("ordered the army to withdraw")
ORDER_WORDS = frozenset({"ORDER", "DIRECT", "INSTRUCT", "COMMAND"})
_ORDERED_DEPS = frozenset({"dobj", "dative", "iobj"})


def order_of_an_act(ctx: DocContext, e: Event) -> bool:
    """ "A court orders the seizure of properties owned by X", "orders a ban on Wi-Fi in
    Balkh": the verb's default demand (10x) names no one ordered (the ordered act is its
    own event); "ordered the army to withdraw" is a demand of the army."""
    if not e.code.startswith("10") or VERB_DEFAULT not in e.rules:
        return False
    view = ctx.view
    v = trigger_token(ctx, e)
    if v is None or view.lem[v] not in ORDER_WORDS or not view.tag[v].startswith("VB"):
        return False
    t = span_head(ctx, e.target.span) if e.target and e.target.span else None
    return t is None or not (view.head[t] == v and view.dep[t] in _ORDERED_DEPS)
