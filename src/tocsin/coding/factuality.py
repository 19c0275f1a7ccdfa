"""Factuality of an event: asserted, alleged, negated, intended or hypothetical.

Read from the verb's dependency context:

- negated: a ``neg`` dependent of the verb or of the verbs it hangs from
  ("did not attack", "refused to attack" is coded by the dictionary instead), unless the
  matched pattern itself contains the negation (its code already says so);
- hypothetical: a modal ``might/may/could/would/should`` or a conditional ``if/unless``;
- alleged: the verb sits in the complement of a claim or accusation ("accused Russia of
  supplying", "is believed to", "experts claimed that", "rejected claims that it
  attacked") or is hedged by an adverb ("allegedly attacked");
- intended: the verb is the complement of an intent word ("plans to", "offered to",
  "displayed willingness to", or a gerund after its preposition: "decided on sending",
  "committed to providing"; after a request's, "called for ending", it is hypothetical),
  of a present "be" ("the minister is to resign") or the
  infinitive of a headline ("President to visit China"); such events take the CAMEO
  intent code (03x);
- a threat: "threatened to attack" is intended, coded as the threat (138, 13x), and the
  force is not used; "is considering imposing sanctions" is weighed (hypothetical) and
  "has no plans to attack" negated;
- hypothetical: also the complement of a past "be" ("protesters were to storm the base":
  a plan, not an act) and an infinitive completing a noun ("a proposal to end the war",
  "talks to discuss ending it"; not "the first leader to visit").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tocsin.coding.docview import DocView
from tocsin.coding.future import future_word
from tocsin.coding.threats import intent_code as intent_code
from tocsin.coding.threats import reject_code as reject_code
from tocsin.models import Factuality

HYPOTHETICAL_MODALS = frozenset({"MIGHT", "MAY", "COULD", "WOULD", "SHOULD", "MUST"})
CONDITIONAL_MARKS = frozenset({"IF", "UNLESS", "WHETHER"})
CLAIM_WORDS = frozenset(
    {
        "ACCUSE",
        "ALLEGE",
        "CLAIM",
        "BELIEVE",
        "SUSPECT",
        "RUMOR",
        "RUMOUR",
        "CHARGE",
        "BLAME",
        "ALLEGATION",
        "ACCUSATION",
        "SUSPICION",
        "DENY",
    }
)
# verbs of saying whose complement clause is reported speech
SPEECH_WORDS = frozenset(
    {
        "SAY",
        "TELL",
        "ADD",
        "STATE",
        "ANNOUNCE",
        "DECLARE",
        "CLAIM",
        "ALLEGE",
        "REPORT",
        "NOTE",
        "INSIST",
        "ASSERT",
        "STRESS",
        "EXPLAIN",
        "CONFIRM",
        "REVEAL",
        "DISCLOSE",
        "ARGUE",
        "MAINTAIN",
        "SUGGEST",
        "WRITE",
        "TWEET",
        "CLARIFY",
        "WARN",
        "INDICATE",
        "REITERATE",
        "ACKNOWLEDGE",
    }
)
CLAIM_FRAME_WORDS = frozenset({"CLAIM", "ALLEGE"})
# words whose complement is an act someone is asked to do (not done)
REQUEST_WORDS = frozenset(
    {
        "PRESSURE",
        "DEMAND",
        "CALL",
        "URGE",
        "ASK",
        "REQUEST",
        "APPEAL",
        "PRESS",
        "INVITE",
        "PERSUADE",
        "ENCOURAGE",
        "CONVINCE",
        "ORDER",
        "INSTRUCT",
        "DIRECT",
    }
)
# verbs whose complement is an act not done ("refused to provide aid": a rejection)
NEGATING_WORDS = frozenset({"REFUSE", "DECLINE", "FAIL", "REJECT", "RESIST", "AVOID"})
# words whose "for"/"of" complement is the act someone is punished, blamed or praised for
CAUSE_WORDS = frozenset(
    {
        "JAIL",
        "SENTENCE",
        "ARREST",
        "CONVICT",
        "PUNISH",
        "FINE",
        "DETAIN",
        "IMPRISON",
        "CONDEMN",
        "CRITICIZE",
        "CRITICISE",
        "BLAME",
        "PRAISE",
        "THANK",
        "SANCTION",
        "INDICT",
        "CHARGE",
        "PROSECUTE",
        "SUE",
        "RESPONSIBILITY",
        "CREDIT",
        "APOLOGIZE",
        "APOLOGISE",
        "DENOUNCE",
    }
)
# words of intention, shared by the two sets below
_INTENT_CORE = frozenset(
    "AGREE AIM ATTEMPT COMMITMENT DECIDE DESIRE HOPE INTEND INTENT INTENTION OFFER PLAN "
    "PLEDGE PROMISE PROPOSE READINESS READY SEEK TRY VOW WANT WILLING WILLINGNESS WISH".split()
)
# frame words whose complement is an intended act (also requests: "urge X to ...")
INTENT_FRAME_WORDS = _INTENT_CORE | {
    "ASK",
    "CALL",
    "PREPARE",
    "PRESS",
    "REQUEST",
    "THREATEN",
    "URGE",
}
# words that make what they govern intended, not done ("threatened to attack": the
# threat is the intent, 13x; the force is not used)
INTENT_WORDS = _INTENT_CORE | {
    "COMMIT",
    "DETERMINED",
    "EAGER",
    "EXPECT",
    "KEEN",
    "RESOLVE",
    "THREATEN",
}
# words whose complement is weighed, not decided ("is considering imposing sanctions")
DELIBERATION_WORDS = frozenset(
    {"CONSIDER", "CONTEMPLATE", "WEIGH", "MULL", "DEBATE", "UNDECIDED", "UNSURE"}
)
# adverbs that hedge an act as someone else's claim ("allegedly attacked")
HEDGE_ADVERBS = frozenset({"ALLEGEDLY", "PURPORTEDLY", "SUPPOSEDLY"})
# an order enacted is the act it orders: "signs an executive order imposing sanctions"
ORDER_NOUNS = frozenset({"ORDER", "DECREE", "DIRECTIVE", "INSTRUCTION"})
ENACTING_VERBS = frozenset({"SIGN", "ISSUE", "ENACT", "APPROVE", "ADOPT", "PASS", "DECREE"})
_CLIMB = (
    "xcomp",
    "ccomp",
    "pcomp",
    "pobj",
    "prep",
    "acl",
    "conj",
    "advcl",
    "dobj",
    "acomp",
    "attr",
    "oprd",
)


@dataclass(frozen=True)
class Frame:
    """The word that frames an event (claim or intent), for the event's rules."""

    kind: str  # "claim" | "intent" | "negation" | "modal" | "condition"
    word: str


def _has_neg(view: DocView, i: int) -> bool:
    return any(view.dep[c] == "neg" for c in view.children[i])


def frame_lemma(view: DocView, i: int) -> str:
    """The lemma of token ``i`` as a frame word: the parser's lemma, or, when that is no
    frame word, the frame word its surface form inflects (the small model lemmatizes
    "hopes" and "hoped" as HOP)."""
    lem = view.lem[i]
    return lem if lem in FRAME_VOCAB else _inflected_frame_word(lem, view.up[i])


@functools.lru_cache(maxsize=4096)
def _inflected_frame_word(lem: str, up: str) -> str:
    for suffix in ("S", "D", "ED", "ING"):
        stem = up[: -len(suffix)]
        if up.endswith(suffix) and len(stem) > 2:
            for candidate in (stem, stem + "E"):
                if candidate in FRAME_VOCAB:
                    return candidate
    return lem


def _modal(view: DocView, i: int) -> str | None:
    for c in view.children[i]:
        if view.dep[c] == "aux" and view.tag[c] == "MD" and view.up[c] in HYPOTHETICAL_MODALS:
            return view.up[c]
        if view.dep[c] == "mark" and view.up[c] in CONDITIONAL_MARKS:
            return view.up[c]
    return None


def _intent_under_modal(
    view: DocView, head: int, found: tuple[Factuality, Frame]
) -> tuple[Factuality, Frame]:
    """An intent word that shares a modal with the verb it is conjoined to ("might withdraw
    and seek to cancel"): the intent itself is only possible (hypothetical)."""
    shared = _sharing_head(view, head)
    modal = _modal(view, shared) if shared != head else None
    if found[0] is not Factuality.INTENDED or modal is None:
        return found
    return Factuality.HYPOTHETICAL, Frame("modal", modal.lower())


_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})


def _sharing_head(view: DocView, v: int) -> int:
    """The verb whose auxiliary a conjoined bare verb shares ("could strike Iran and impose
    sanctions", "will not attack X or impose ..."): the first conjunct when ``v`` is a base
    form with no subject or auxiliary of its own; else ``v`` itself."""
    head = view.head[v]
    if (
        view.dep[v] != "conj"
        or view.tag[v] not in ("VB", "VBP")  # a base form the tagger took for a present
        or not view.tag[head].startswith("VB")
        or any(view.dep[c] in _OWN_CLAUSE_DEPS for c in view.children[v])
    ):
        return v
    return head


# verbs of going, gathering and sending: the purpose they are done for is what the movers
# then do where they go ("gather in Berlin to protest", "tours the Gulf to seek support",
# "sends workers to help rebuild", "troops are deployed to reinforce the border"), told
# by news as the act itself
MOTION_WORDS = frozenset(
    "ARRIVE ASSEMBLE CONVENE DEPLOY DISPATCH FLY GATHER GO MARCH MOBILIZE MOBILISE RALLY "
    "SEND TOUR TRAVEL".split()
)


def _is_purpose(view: DocView, i: int) -> bool:
    """An infinitival adverbial clause: "(met) to discuss" says what was meant, not done
    (not the purpose of a movement, :data:`MOTION_WORDS`)."""
    return (
        view.dep[i] == "advcl"
        and any(view.dep[c] == "aux" and view.up[c] == "TO" for c in view.children[i])
        and view.lem[view.head[i]] not in MOTION_WORDS
    )


_ORDINALS = frozenset({"FIRST", "LAST", "ONLY", "SECOND", "THIRD", "LATEST"})
_FRAMING_NOUNS = INTENT_WORDS | INTENT_FRAME_WORDS | REQUEST_WORDS | NEGATING_WORDS | CLAIM_WORDS
FRAME_VOCAB = _FRAMING_NOUNS | SPEECH_WORDS | CAUSE_WORDS | DELIBERATION_WORDS


def _is_aim(view: DocView, i: int) -> bool:
    """An infinitive completing a noun: "a proposal to end the war", "talks to discuss",
    "an effort to resolve the crisis" say what is aimed at, not done ("the first leader to
    visit Kyiv" did visit)."""
    if view.dep[i] != "acl" or not _has_to(view, i):
        return False
    noun = view.head[i]
    if view.lem[noun] in _FRAMING_NOUNS:  # "willingness to supply": the frame says what
        return False
    return not any(
        view.up[c] in _ORDINALS or view.dep[c] == "nummod" or view.tag[c] == "JJS"
        for c in view.children[noun]
    )


def _gerund_of_prep(view: DocView, v: int, cur: int) -> bool:
    """Whether ``v`` is the verb a preposition ``cur`` takes ("decided on sending troops",
    "committed to providing aid", "plans for deploying warships")."""
    return view.dep[cur] == "prep" and view.head[v] == cur and view.dep[v] == "pcomp"


def _has_to(view: DocView, i: int) -> bool:
    return any(view.dep[c] == "aux" and view.up[c] == "TO" for c in view.children[i])


def _is_headline_infinitive(view: DocView, root: int) -> bool:
    """A sentence whose main verb is a "to" infinitive with a subject: a headline's future
    ("Argentine president to send bill to Congress")."""
    return (
        view.tag[root] == "VB"
        and _has_to(view, root)
        and any(view.dep[c] in ("nsubj", "nsubjpass") for c in view.children[root])
    )


def _planned(view: DocView, head: int) -> tuple[Factuality, Frame]:
    """A complement of "be": "is to resign" is scheduled (intended), "were to storm" was
    planned then (hypothetical)."""
    if view.tag[head] == "VBD":
        return Factuality.HYPOTHETICAL, Frame("plan", "be to")
    return Factuality.INTENDED, Frame("intent", "be to")


def _requested(view: DocView, v: int, cur: int, word: str) -> bool:
    """Whether ``v`` is an act asked for by the request word above ``cur``."""
    dep = view.dep[cur]
    return (
        word in REQUEST_WORDS
        and (dep in ("xcomp", "acl", "ccomp") and cur == v or _gerund_of_prep(view, v, cur))
        and not _enacted_order(view, v, view.head[cur])
    )


def _enacted_order(view: DocView, v: int, noun: int) -> bool:
    """ "signs an executive order imposing sanctions", "issues a decree banning ...": the
    order, once signed or issued, does what its participle says (the act, not a request)."""
    return (
        view.dep[v] == "acl"
        and view.tag[v] == "VBG"
        and view.tag[noun].startswith("NN")
        and view.lem[noun] in ORDER_NOUNS
        and view.dep[noun] == "dobj"
        and view.lem[view.head[noun]] in ENACTING_VERBS
    )


def factuality_of(
    view: DocView,
    v: int,
    negation_in_pattern: bool,
    modal_in_pattern: bool = False,
    future: bool = False,
) -> tuple[Factuality, Frame | None]:
    """The factuality of the event whose trigger is token ``v`` (a negation or modal that
    the matched pattern spells out is part of its code, not a frame); with ``future``
    (``Options.future_as_intent``), a clause in the future is intended
    (:mod:`tocsin.coding.future`)."""
    shared = _sharing_head(view, v)
    if not negation_in_pattern and (_has_neg(view, v) or _has_neg(view, shared)):
        return Factuality.NEGATED, Frame("negation", "not")
    modal = None if modal_in_pattern else _modal(view, v) or _modal(view, shared)
    if modal is not None:
        return Factuality.HYPOTHETICAL, Frame("modal", modal.lower())
    hedge = next((c for c in view.children[v] if view.up[c] in HEDGE_ADVERBS), None)
    if hedge is not None:
        return Factuality.ALLEGED, Frame("claim", view.lem[hedge].lower())
    if _is_purpose(view, v):
        return Factuality.HYPOTHETICAL, Frame("purpose", "to")
    if _is_aim(view, v):
        return Factuality.HYPOTHETICAL, Frame("purpose", "to")
    cur = v
    for _ in range(8):
        dep = view.dep[cur]
        if view.head[cur] == cur and _is_headline_infinitive(view, cur):
            return Factuality.INTENDED, Frame("intent", "to")
        if dep not in _CLIMB or view.head[cur] == cur:
            break
        found = _frame_above(view, v, cur, negation_in_pattern, modal_in_pattern)
        if isinstance(found, tuple):
            found = _intent_under_modal(view, view.head[cur], found)
            claimed = None
            if found[0] is Factuality.INTENDED:  # "accused X of trying to break ...": a claim
                claimed = _claimed_above(view, v, view.head[cur], negation_in_pattern)
            return claimed or found
        if found is _STOP:
            break
        cur = view.head[cur]
    return _future_or_asserted(view, v, shared) if future else (Factuality.ASSERTED, None)


def _future_or_asserted(view: DocView, v: int, shared: int) -> tuple[Factuality, Frame | None]:
    """A clause in the future ("will visit", "is set to meet") is intended; a past schedule
    ("was scheduled to meet") a plan then, hypothetical as "were to storm"; else asserted."""
    planned = future_word(view, v, shared)
    if planned is None:
        return Factuality.ASSERTED, None
    word, past = planned
    if past:
        return Factuality.HYPOTHETICAL, Frame("plan", word.lower())
    return Factuality.INTENDED, Frame("intent", word.lower())


_STOP = object()  # the climb ends here (the clause is reported speech)


def _claimed_above(
    view: DocView, v: int, cur: int, negation_in_pattern: bool
) -> tuple[Factuality, Frame] | None:
    """A claim above an intent frame ("accusing Trump of trying to break the will of
    Cubans", "alleges that Iran plans to ..."): the intent itself is only alleged."""
    for _ in range(4):
        if view.dep[cur] not in _CLIMB or view.head[cur] == cur:
            return None
        found = _frame_above(view, v, cur, negation_in_pattern, False)
        if found is _STOP:
            return None
        if isinstance(found, tuple) and found[0] is Factuality.ALLEGED:
            return found
        cur = view.head[cur]
    return None


def _weighed_or_refused(
    view: DocView, v: int, cur: int, word: str
) -> tuple[Factuality, Frame] | None:
    """ "is considering imposing sanctions": weighed, hypothetical; "has no plans to
    attack": an intent denied, negated."""
    direct = view.dep[cur] in ("xcomp", "ccomp", "acl") and cur == v
    if word in DELIBERATION_WORDS and (direct or view.dep[cur] == "prep"):
        # "is undecided as to sending a delegation", "debating over sending troops"
        return Factuality.HYPOTHETICAL, Frame("modal", word.lower())
    if not (direct or _gerund_of_prep(view, v, cur)):
        return None
    head = view.head[cur]
    if word in INTENT_WORDS and any(
        view.dep[c] == "det" and view.up[c] == "NO" for c in view.children[head]
    ):
        return Factuality.NEGATED, Frame("negation", "no")
    return None


def _frame_above(
    view: DocView, v: int, cur: int, negation_in_pattern: bool, modal_in_pattern: bool
) -> tuple[Factuality, Frame] | object | None:
    """The factuality a frame word above ``cur`` gives the event at ``v`` (None: none here,
    ``_STOP``: stop climbing)."""
    dep = view.dep[cur]
    head = view.head[cur]
    word = frame_lemma(view, head)
    weighed = _weighed_or_refused(view, v, cur, word)
    if weighed is not None:
        return weighed
    if (_is_purpose(view, head) or _is_aim(view, head)) and dep != "conj":
        # "met to discuss efforts to counter X", "talks to discuss ending the war"
        return Factuality.HYPOTHETICAL, Frame("purpose", "to")
    if word in CLAIM_WORDS and (
        dep in ("ccomp", "xcomp", "acl") or (dep in ("pcomp", "pobj", "prep", "dobj") and cur != v)
    ):
        return Factuality.ALLEGED, Frame("claim", word.lower())
    if word in CAUSE_WORDS and dep == "prep" and cur != v and view.up[cur] in ("FOR", "OF", "OVER"):
        return Factuality.ALLEGED, Frame("cause", word.lower())
    if word in NEGATING_WORDS and dep == "xcomp" and cur == v and not negation_in_pattern:
        return Factuality.NEGATED, Frame("negation", "not")
    if word == "BE" and dep == "xcomp" and cur == v and _has_to(view, v):
        return _planned(view, head)
    if _requested(view, v, cur, word):
        return Factuality.HYPOTHETICAL, Frame("request", word.lower())
    if (
        word in INTENT_WORDS
        and (dep in ("xcomp", "acl", "ccomp") and cur == v or _gerund_of_prep(view, v, cur))
        and not _has_neg(view, head)
    ):
        return Factuality.INTENDED, Frame("intent", word.lower())
    if dep == "ccomp" and word in SPEECH_WORDS:
        return _STOP
    if (
        _has_neg(view, head)
        and dep in ("xcomp", "pcomp", "prep", "acomp")
        and not negation_in_pattern
    ):
        return Factuality.NEGATED, Frame(
            "negation", "not" if dep == "xcomp" and cur == v else word.lower()
        )
    if _modal(view, head) is not None and dep != "conj" and not modal_in_pattern:
        return Factuality.HYPOTHETICAL, Frame("modal", (_modal(view, head) or "").lower())
    return None
