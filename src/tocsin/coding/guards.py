"""Precision guards: what an event must have before it is reported.

A role with no country ("---PPL" protesters, "---MIL" troops) is not a real actor code
(no gold set codes one, and an analysis cannot place it). When the sentence names one
country only (as a country, a capital or an office-holder's country), the role belongs to
it ("police fire tear gas at protesters in Nairobi": KENCOP -> KENPPL); otherwise the
event is dropped. An event that does not count (alleged, negated, hypothetical) is placed
the same way, but kept with its roles when the sentence names no one country.

The other guards (:func:`guard_sentence`) drop what a dictionary match alone does not
make an event: a verb coded only by its block's placeholder default (060), a bare
statement (010) whose target is only named inside what is stated, an act for a third
party coded between the members of one coordination, an act cited as history
(:mod:`tocsin.coding.history`), a "defeat" in a sentence about a vote and a participle
that describes an act already coded (:func:`one_act`: "airstrikes targeting ..."), a
target that is the source's own by a possessive ("Taiwan put its forces on alert"), the
partner's rejection of a negated mutual act ("X would not negotiate with Y"), the reverse
of a use of force that a paired code gives both ways ("a bomber attacked a vessel"), and
the matches of :mod:`tocsin.coding.nonacts` (moves, law signings, orders of acts,
background acts); a ban a state imposes on its own country's actors is an administrative
sanction (172, not the embargo or sanctions code 163), a charge legal action (173, not 112).
Teasers leaked from page furniture are skipped whole (:func:`is_teaser`).
"""

from __future__ import annotations

import bisect
import logging

from tocsin.coding.context import DocContext
from tocsin.coding.described import described
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import country_root, is_placed_code, is_role_only, placed
from tocsin.coding.factuality import SPEECH_WORDS, intent_code
from tocsin.coding.history import is_history
from tocsin.coding.nonacts import domestic as _domestic
from tocsin.coding.nonacts import (
    law_signing,
    legal_charge,
    movement,
    order_of_an_act,
    trigger_token,
    without_background,
)
from tocsin.coding.nonacts import span_head as _span_head
from tocsin.coding.sentenceplace import earlier_country, event_place, repeats_act, takes_place
from tocsin.coding.syntax import subject_head
from tocsin.coding.writer import REPORTED_SPEECH, VERB_DEFAULT, with_code
from tocsin.models import Actor, Event, Factuality

log = logging.getLogger(__name__)

_COUNTRY_KINDS = frozenset({"country", "person"})
SENTENCE_COUNTRY = "country of the sentence"  # why a role took the sentence's one country
# codes of acts done for a third party (aid and the intents to give aid, reform, yield,
# accept or offer mediation), never between the members of one coordination
ONE_SIDED_PREFIXES = ("033", "034", "035", "038", "039", "07")
# but an intent to de-escalate (a ceasefire, 0356) is between the two sides that fight:
# "Israel and Lebanon agreed to extend their ceasefire"
MUTUAL_YIELDS = ("0356",)
# a vote's vocabulary: in such a sentence, "defeat" is an electoral result
ELECTORAL_WORDS = frozenset(
    "BALLOT BALLOTS CANDIDATE CANDIDATES CAUCUS ELECTION ELECTIONS ELECTORAL NOMINATION "
    "POLL POLLS PRIMARY PRIMARIES REFERENDUM RUNOFF SEAT SEATS VOTE VOTES VOTERS".split()
)
DEFEAT_VERBS = frozenset({"DEFEAT", "BEAT", "TROUNCE"})
# root codes that a verb's default gives without saying what was done (see _placeholder)
PLACEHOLDER_DEFAULTS = frozenset({"060"})


def sentence_countries(ctx: DocContext, start: int, end: int) -> set[str]:
    """The distinct country codes the actor mentions of a sentence name."""
    roots: set[str] = set()
    for m in ctx.mentions:
        if m.start < start or m.end > end or m.is_agent:
            continue
        root = country_root(m.actor.code)
        if m.actor.kind in _COUNTRY_KINDS and root is not None:
            roots.add(root)
    return roots


def _self_directed(source: Actor, target: Actor) -> bool:
    """A placed role meeting its own country ("Afghanistan ... people": AFG -> AFGPPL) or
    itself is no event between two actors."""
    same = source.root == target.root
    return source.code == target.code or (same and (len(source.code) == 3 or len(target.code) == 3))


def place_roles(ctx: DocContext, events: list[Event], start: int, end: int) -> list[Event]:
    """Events whose role-only actors took the sentence's one country (or, for a violent,
    coercive, law or protest event, the one country of the sentence's location phrases when
    it names two, or of the earlier sentences when it names none:
    :mod:`tocsin.coding.sentenceplace`); the rest dropped (an alleged, negated or
    hypothetical act with no country to take keeps its roles: it is kept as the text gives
    it, and counts in no analysis)."""
    if not any(is_role_only(e.source) or is_role_only(e.target) for e in events):
        return events
    countries = sentence_countries(ctx, start, end)
    country = next(iter(countries)) if len(countries) == 1 else None
    # two countries (the attacker's and the attacked): the event's place takes the roles
    place = event_place(ctx, start, end) if len(countries) > 1 else None
    # no country: a later sentence's arrest or attack happens where the paragraph is
    prior = earlier_country(ctx, start) if not countries else None
    out: list[Event] = []
    for e in events:
        if is_role_only(e.source) or is_role_only(e.target):
            if country is None and place is not None and takes_place(e, place):
                moved = _placed_event(e, place)
                if moved is None or repeats_act(moved, events + out):
                    continue
                e = moved
            elif country is None and prior is not None and is_placed_code(e.code):
                moved = _placed_event(e, prior)
                if moved is None:
                    continue
                e = moved
            elif country is None:
                if e.factuality.counts:
                    continue
            else:
                moved = _placed_event(e, country)
                if moved is None:
                    continue
                e = moved
        out.append(e)
    return out


def _placed_event(e: Event, country: str) -> Event | None:
    """``e`` with its role-only actors placed in ``country`` (None: it became self-directed)."""
    source, target = e.source, e.target
    if source is not None and is_role_only(source):
        source = placed(source, country, SENTENCE_COUNTRY)
    if target is not None and is_role_only(target):
        target = placed(target, country, SENTENCE_COUNTRY)
    if source is not None and target is not None and _self_directed(source, target):
        return None
    return e.replace(
        source=source,
        target=target,
        rules=e.rules + (f"role placed in the sentence's country [{country}]",),
    )


def guard_sentence(ctx: DocContext, events: list[Event], start: int, end: int) -> list[Event]:
    """The events of a sentence that pass the precision guards: no verb-default
    placeholder, no act cited as history (:mod:`tocsin.coding.history`) or told as
    another's background, no match that is not the act it seems (a move, a law signed, an
    order of an act: :mod:`tocsin.coding.nonacts`), no electoral defeat coded as a fight,
    no statement about a thing as if addressed to its owner, no act for a third party coded
    between the members of one coordination, one event per described act, no own-possessive
    target or refusal of the other side, one direction of a one-sided force, (tocsin's
    convention) roles placed in a country; bans and charges of one's own people recoded."""
    if not events:  # most sentences: no guard has anything to do
        return []
    events = [
        e for e in events if not _placeholder(e) and not _history(ctx, e) and not described(ctx, e)
    ]
    events = without_background(ctx, events)
    events = [
        e
        for e in events
        if not movement(ctx, e) and not law_signing(ctx, e) and not order_of_an_act(ctx, e)
    ]
    if any(_electoral_defeat(ctx, e) for e in events) and _electoral(ctx, start, end):
        events = [e for e in events if not _electoral_defeat(ctx, e)]  # the rare case first
    events = [
        e for e in events if not _statement_about(ctx, e) and not _one_sided_between_members(ctx, e)
    ]
    events = [
        e
        for e in one_act(ctx, events)
        if not _own_by_possessive(e) and not _refusal_of_the_other(ctx, e)
    ]
    events = _one_sided_force(ctx, events)
    if ctx.options.place_roles:
        events = place_roles(ctx, events, start, end)
    return [legal_charge(ctx, _domestic_ban(ctx, _intent_coded(ctx, e))) for e in events]


_INTENT_FRAME = "frame: intent ("


def _intent_coded(ctx: DocContext, e: Event) -> Event:
    """An intended act not yet in its intent code ("announces plans to impose a tariff on
    China", an event noun under an intent frame): the intent (03x) or threat (13x) code
    CONVENTIONS.md gives it, not the act, which has not happened."""
    if e.factuality is not Factuality.INTENDED or e.code[:2] in ("03", "13"):
        return e
    word = next((r[len(_INTENT_FRAME) : -1] for r in e.rules if r.startswith(_INTENT_FRAME)), "")
    code = intent_code(e.code, word)
    return e if code == e.code else with_code(ctx, e, code, "an intended act")


# an embargo, boycott or sanctions (163) is imposed on another country; a ban a state
# imposes on its own people or media is an administrative sanction (CAMEO 172)
INTERNATIONAL_SANCTION, DOMESTIC_SANCTION = "163", "172"


def _domestic_ban(ctx: DocContext, e: Event) -> Event:
    """ "Britain announces a ban on social media for children": GBRGOV -> GBRCVL is 172
    (impose administrative sanctions), not 163, which the codebook keeps for embargoes and
    sanctions on another country."""
    if e.code != INTERNATIONAL_SANCTION or not _domestic(e):
        return e
    return with_code(ctx, e, DOMESTIC_SANCTION, "a ban on its own country's actors")


# how a participle or relative clause hangs from the act it describes ("airstrikes
# targeting militants", "fired missiles that hit the base", "struck Gaza, killing 20")
_DESCRIBING_DEPS = frozenset({"acl", "relcl", "advcl"})


def _act_key(e: Event) -> tuple[str | None, str | None, str]:
    return (
        e.source.root if e.source else None,
        e.target.root if e.target else None,
        e.code[:2],
    )


def one_act(ctx: DocContext, events: list[Event]) -> list[Event]:
    """One act, one event: an event whose trigger is a participle or relative clause of
    another event's trigger (or of that trigger's object: "launch airstrikes targeting
    militants") between the same two countries at the same CAMEO root describes that act
    ("the strikes targeted them"), and is dropped; acts joined by "and" ("seize a vessel and
    arrest its captain") are two."""
    if len(events) < 2:
        return events
    view = ctx.view
    triggers: dict[int | None, set[tuple[str | None, str | None, str]]] = {}
    for e in events:
        triggers.setdefault(trigger_token(ctx, e), set()).add(_act_key(e))
    out: list[Event] = []
    for e in events:
        v = trigger_token(ctx, e)
        if v is not None and view.dep[v] in _DESCRIBING_DEPS and view.head[v] != v:
            h = view.head[v]
            governing = {h, view.head[h]} - {v}
            key = _act_key(e)
            if any(key in triggers.get(g, ()) for g in governing):
                log.debug("one act: %s %s describes its head's event", e.code, e.trigger)
                continue
        out.append(e)
    return out


NEGATION_FRAME = "frame: negation"  # the rule of an act recoded as its rejection (12x)


def _refusal_of_the_other(ctx: DocContext, e: Event) -> bool:
    """A mutual act negated ("Tehran would not negotiate with Washington") is a rejection
    by the subject only: the reverse rejection, by the one it names as partner, is not
    in the text."""
    if not e.code.startswith("12") or not any(r.startswith(NEGATION_FRAME) for r in e.rules):
        return False
    if e.source is None or e.source.span is None:
        return False
    v = trigger_token(ctx, e)
    s = _span_head(ctx, e.source.span)
    if v is None or s is None:
        return False
    found = subject_head(ctx.view, v)
    if found is None:
        return False
    lo, hi = ctx.view.subtree_span(found[0])
    return not lo <= s < hi


def _one_sided_force(ctx: DocContext, events: list[Event]) -> list[Event]:
    """A use of force coded both ways from one trigger ("a water cannon hits a vessel":
    a paired code) is the subject's act: the reverse, whose source is not in the verb's
    subject, is dropped (a coordinated subject, "X and Y clashed", keeps both)."""
    force = [e for e in events if e.code[:2] in ("18", "19", "20") and e.trigger_span]
    if len(force) < 2:
        return events
    pairs = {
        (e.trigger_span, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in force
    }
    drop: set[int] = set()
    for e in force:
        back = (
            e.trigger_span,
            e.target.code if e.target else None,
            e.source.code if e.source else None,
        )
        if back in pairs and not _in_subject(ctx, e):
            drop.add(id(e))
    return [e for e in events if id(e) not in drop]


def _in_subject(ctx: DocContext, e: Event) -> bool:
    """Whether the event's source is named inside its trigger verb's subject (True when
    the trigger is no active verb with a subject: a fight noun's sides are mutual)."""
    v = trigger_token(ctx, e)
    if v is None or e.source is None or e.source.span is None:
        return True
    if not ctx.view.tag[v].startswith("VB"):
        return True
    s = _span_head(ctx, e.source.span)
    found = subject_head(ctx.view, v)
    if s is None or found is None or found[1]:
        return True
    lo, hi = ctx.view.subtree_span(found[0])
    return lo <= s < hi


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def _own_by_possessive(e: Event) -> bool:
    """A target named by a possessive pronoun that refers to the source's own side ("Taiwan
    put its forces on alert": TWN -> TWNMIL) is the source itself: no event between two
    actors (the act's other party, if any, is named elsewhere)."""
    if e.source is None or e.target is None or not e.target.text:
        return False
    first = e.target.text.split(maxsplit=1)[0].lower()
    return first in _POSSESSIVES and e.source.root == e.target.root


def _placeholder(e: Event) -> bool:
    """An event whose only code is its verb's placeholder default: "engage in material
    cooperation" (060) is the default of PETRARCH verb blocks such as AID, GRANT, LINK,
    OVERSEE_MANAGE ("led", "rules", "served", "grants"); without a pattern it says that
    the verb was seen, not what was done to whom."""
    return e.code in PLACEHOLDER_DEFAULTS and VERB_DEFAULT in e.rules


def _statement_about(ctx: DocContext, e: Event) -> bool:
    """A bare statement (CAMEO 010, or a verb of saying's 030 "announces plans") whose
    target is named only inside what is stated ("announces the designation of Saudi
    Arabia", "cites Iran's escalation", "announces plans for destroyers") is about a
    thing, not addressed to the actor: the target must be an argument of the verb ("tells
    the newspaper", "said to reporters").  The specific statements keep PETRARCH's
    reading ("claims responsibility for an attack on Kenya": 015 to Kenya; "expressed
    sorrow for the shootings in Charleston": 018)."""
    if e.code not in ("010", "030") or e.target is None or e.target.span is None:
        return False
    if any(r.startswith(REPORTED_SPEECH) for r in e.rules):
        return False  # the embedded act recoded as the statement: its actors are its own
    view = ctx.view
    v = trigger_token(ctx, e)
    t = _span_head(ctx, e.target.span)
    if v is None or t is None or not view.tag[v].startswith("VB"):
        return False
    if e.code == "030" and view.lem[v] not in SPEECH_WORDS:
        return False  # "announces plans for destroyers": the 030 of a verb of saying only
    return not any(_argument_of(view, h, v) for h in _actor_heads(ctx, t, e.target.span))


def _actor_heads(ctx: DocContext, t: int, span: tuple[int, int]) -> list[int]:
    """Where the actor of a phrase headed by ``t`` sits: ``t`` itself when it names the
    actor ("the Russian newspaper"), else the heads of the mentions inside the phrase
    ("Iran's escalation": Iran)."""
    if t in ctx.mention_at:
        return [t]
    view = ctx.view
    lo = bisect.bisect_left(view.idx, span[0])
    hi = bisect.bisect_left(view.idx, span[1])
    heads = {
        m.head if m.head >= 0 else m.end - 1
        for i in range(lo, hi)
        if (m := ctx.mention_at.get(i)) is not None
    }
    return sorted(heads) or [t]


def _one_sided_between_members(ctx: DocContext, e: Event) -> bool:
    """An act done for a third party coded between the members of one coordination:
    "China, Iran and Russia have pledged funds" is a pledge to someone else, not of China
    to Iran (mutual acts, "X and Y met", "postponed their meeting", stay coded)."""
    if e.source is None or e.target is None or e.source.span is None or e.target.span is None:
        return False
    if not e.code.startswith(ONE_SIDED_PREFIXES) or e.code.startswith(MUTUAL_YIELDS):
        return False
    s, t = _span_head(ctx, e.source.span), _span_head(ctx, e.target.span)
    if s is None or t is None or s == t:
        return False
    return _coordination(ctx.view, s) == _coordination(ctx.view, t)


def _coordination(view: DocView, t: int) -> int:
    """The first member of the coordination that token ``t`` is part of (itself if none)."""
    for _ in range(12):
        if view.dep[t] not in ("conj", "appos") or view.head[t] == t:
            break
        t = view.head[t]
    return t


def _electoral(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the sentence is about a vote ("candidate", "election", "the polls")."""
    return any(ctx.view.up[i] in ELECTORAL_WORDS for i in range(start, end))


def _electoral_defeat(ctx: DocContext, e: Event) -> bool:
    """ "Candidate X defeats former prime minister Y" in a sentence about a vote is a
    result, not a use of force (the dictionaries code "defeat" as 19x fighting)."""
    v = trigger_token(ctx, e)
    return v is not None and e.code[:2] in ("18", "19") and ctx.view.lem[v] in DEFEAT_VERBS


_ARGUMENT_DEPS = frozenset({"dobj", "dative", "iobj", "nsubjpass", "attr", "oprd"})


def _argument_of(view: DocView, t: int, v: int) -> bool:
    """Whether token ``t`` (or the phrase it is a conjunct of) is an object of verb ``v``,
    the object of a preposition of ``v``, or of "to"/"with" after its object ("sent a
    letter to X")."""
    for _ in range(6):
        if view.dep[t] not in ("conj", "appos") or view.head[t] == t:
            break
        t = view.head[t]
    h = view.head[t]
    if h == v:
        return view.dep[t] in _ARGUMENT_DEPS
    if view.dep[t] != "pobj":
        return False
    if view.head[h] == v:
        return True
    return (
        view.up[h] in ("TO", "WITH")
        and view.head[view.head[h]] == v
        and view.dep[view.head[h]] == "dobj"
    )


def _history(ctx: DocContext, e: Event) -> bool:
    v = trigger_token(ctx, e)
    if v is None or not is_history(ctx.view, v, ctx.date):
        return False
    log.debug("history, not coded: %s %s", e.code, e.trigger)
    return True


def is_teaser(ctx: DocContext, start: int, end: int) -> bool:
    """Page furniture, not news: a sentence carrying a bracketed all-capitals tag
    ("... 'threatened with Chinese military intervention' [REACTION]", "[VIDEO]")."""
    up = ctx.view.up
    stop = min(end + 3, len(up))  # a tag split off as a sentence of its own
    if "[" not in up[start:stop]:
        return False
    for i in range(start, stop - 2):
        if up[i] == "[" and up[i + 2] == "]" and ctx.view.text_of(i + 1).isupper():
            return True
    return False
