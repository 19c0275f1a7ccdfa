"""Acts a sentence only mentions to describe something else: not news, not coded.

Random news paragraphs (issue #9, session 7) carry many acts in clauses that describe a
participant or a topic rather than report what happened (CONVENTIONS.md: events cited as
history or background inside a current one are not coded):

- a reduced passive relative clause describing a participant, "separatist legislation
  signed into law by Dodik", "the coalition DuterTen, supported by the vice president",
  "a Thai national abducted by the Mujahideen", "a vote tabled by Sinn Fein": the participle
  (``acl``, past participle) says who someone is by an earlier act; the news is the main
  verb. Not an elliptical second clause ("30 are killed and others kidnapped by bandits",
  where the participle hangs from a conjunct), nor "there were ten soldiers killed", nor a
  noun the parser took for the root;
- a gerund that is the topic of a noun, "peace talks on ending the war", "a proposal for
  disarming Hezbollah", "his role in mediating a ceasefire": what the noun is about, not
  an act the sentence reports (the gerund analogue of "a proposal to end the war",
  :func:`tocsin.coding.factuality.factuality_of`). Not "responsibility for attacking",
  which claims the act, nor "by" ("expands the travel ban by banning citizens of X": how
  the act is done, the parser hanging "by" from the noun);
- an -ing participle describing people or a thing that is no event, "a boat carrying
  weapons", "a convoy carrying the governor", "refugees returning from Pakistan": who or
  what they are, not an act (an event noun's participle, "an airstrike targeting X", a
  saying's, "a statement accusing X", and a protest, "activists protesting", are kept);
- a "to" infinitive the parser hangs from a noun as a relative clause, "motions to ban
  the party", "a measure to send troops": what the noun aims at, not done (not "the first
  country to recognize X", nor a protest, "a strike to protest the law");
- a "since" clause told in the past, "reopened for the first time since Israel captured
  it": the act is the starting point of a period, history.
"""

from __future__ import annotations

import logging

from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.factuality import MOTION_WORDS
from tocsin.coding.nonacts import trigger_token
from tocsin.models import Event

log = logging.getLogger(__name__)

# nouns whose "for"/"of" gerund claims the act itself ("claims responsibility for attacking")
_CLAIMING_NOUNS = frozenset({"RESPONSIBILITY", "CREDIT"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "PRP"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
PROTEST_ROOT = "14"  # "police arrest activists protesting at the gate": the protest is news
# a noun whose participle is the news: an elliptical conjunct ("ten are killed and others
# kidnapped by bandits") or what "there were" introduces ("there were ten soldiers killed")
_TOLD_DEPS = frozenset({"conj", "attr"})


def describing_participle(view: DocView, v: int) -> bool:
    """Whether ``v`` is a past participle describing the noun it hangs from ("legislation
    signed into law by Dodik")."""
    if view.dep[v] != "acl" or view.tag[v] != "VBN":
        return False
    noun = view.head[v]
    return (
        view.tag[noun] in _NOUN_TAGS
        and view.head[noun] != noun  # "A missile launched from Yemen hits ...": a misparse
        and view.dep[noun] not in _TOLD_DEPS
    )


def topic_gerund(view: DocView, v: int) -> bool:
    """Whether ``v`` is a gerund a noun's preposition takes ("talks on ending the war")."""
    if view.dep[v] != "pcomp" or view.tag[v] != "VBG":
        return False
    prep = view.head[v]
    noun = view.head[prep]
    return (
        view.dep[prep] == "prep"
        and view.up[prep] != "BY"  # "expands the ban by banning citizens of X": the act
        and view.tag[noun].startswith("NN")
        and view.lem[noun] not in _CLAIMING_NOUNS
    )


# nouns whose -ing participle is what they do when made or issued ("a statement accusing
# X", "an order imposing sanctions", "testimony alleging ...")
_SAYING_NOUNS = frozenset(
    "STATEMENT TESTIMONY REPORT LETTER ORDER DECREE RESOLUTION MEMORANDUM DIRECTIVE LAW "
    "BILL MOTION PETITION COMPLAINT LAWSUIT CASE RULING VERDICT JUDGMENT PROPOSAL PLAN DEAL "
    "AGREEMENT TREATY MESSAGE SPEECH POST VIDEO CAMPAIGN OPERATION MEASURE POLICY "
    "SANCTION LICENSE LICENCE DECISION PROGRAM PROGRAMME INITIATIVE SCHEME SLOGAN".split()
)


def entity_participle(ctx: DocContext, v: int) -> bool:
    """Whether ``v`` is an -ing participle describing a thing or people that are no event
    ("a boat carrying weapons", "refugees returning from Pakistan", "a car speeding toward
    troops"); not an event noun's ("an airstrike targeting X") nor a saying's, nor a
    program's ("a program allowing visa-free entry"), nor what is sent ("deploys vessels
    carrying aid"). A protest participle is news all the same ("arrest activists
    protesting at the gate", :func:`described`)."""
    view = ctx.view
    if view.dep[v] != "acl" or view.tag[v] != "VBG":
        return False
    noun = view.head[v]
    return (
        view.tag[noun] in ("NN", "NNS")
        and view.up[noun] not in ctx.dictionaries.nominal_index
        and view.lem[noun] not in _SAYING_NOUNS
        and not _sent(view, noun)
    )


def _sent(view: DocView, noun: int) -> bool:
    """Whether the noun is what a verb of sending moves ("deploys vessels carrying aid to
    Cuba": the delivery is the act, as for a movement's purpose in factuality.py)."""
    return view.dep[noun] == "dobj" and view.lem[view.head[noun]] in MOTION_WORDS


_ORDINALS = frozenset({"FIRST", "LAST", "ONLY", "SECOND", "THIRD", "LATEST", "NEXT"})


def aim_relative(view: DocView, v: int) -> bool:
    """Whether ``v`` is a "to" infinitive the parser hung from a noun as a relative clause
    ("motions to ban the party", "a measure to send troops", "measures to defend its
    interests"): what the noun aims at, as :func:`tocsin.coding.factuality.factuality_of`
    reads the same infinitive labelled ``acl``; not "the first country to recognize X"."""
    if view.dep[v] != "relcl" or view.tag[v] != "VB":
        return False
    if not any(view.dep[c] == "aux" and view.up[c] == "TO" for c in view.children[v]):
        return False
    noun = view.head[v]
    return view.tag[noun].startswith("NN") and not any(
        view.up[c] in _ORDINALS or view.dep[c] == "nummod" or view.tag[c] == "JJS"
        for c in view.children[noun]
    )


def since_clause(view: DocView, v: int) -> bool:
    """Whether ``v`` heads a "since" clause told in the past ("since Israel captured it")."""
    return (
        view.dep[v] == "advcl"
        and view.tag[v] in _PAST_TAGS
        and any(view.dep[c] == "mark" and view.up[c] == "SINCE" for c in view.children[v])
    )


def described(ctx: DocContext, e: Event) -> bool:
    """Whether the event's trigger only describes a participant, a topic or a period (see
    the module docstring): not coded."""
    v = trigger_token(ctx, e)
    if v is None:
        return False
    view = ctx.view
    if (
        describing_participle(view, v)
        or topic_gerund(view, v)
        or (
            (entity_participle(ctx, v) or aim_relative(view, v))
            and not e.code.startswith(PROTEST_ROOT)
        )
        or since_clause(view, v)
    ):
        log.debug("described, not reported: %s %s", e.code, e.trigger)
        return True
    return False
