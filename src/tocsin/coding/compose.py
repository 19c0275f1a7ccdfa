"""Composition: events that come from how clauses and nouns combine, not from one verb.

- nested clauses (:func:`compose`): reported speech, intent frames, requests, refusals;
- allegations (:func:`allegations`): "X alleged that Y ..." with nothing coded inside;
- nominal events: see :mod:`tocsin.coding.nominal`.

Each works on ``per_verb`` (trigger token -> events), in place, after every verb of the
sentence was coded.
"""

from __future__ import annotations

from itertools import compress

from tocsin.coding.context import DocContext
from tocsin.coding.factuality import (
    CLAIM_FRAME_WORDS,
    INTENT_FRAME_WORDS,
    INTENT_WORDS,
    NEGATING_WORDS,
    SPEECH_WORDS,
    frame_lemma,
    intent_code,
)
from tocsin.coding.future import FUTURE_AUX
from tocsin.coding.npactors import np_actors_anywhere
from tocsin.coding.slots import subject_actors
from tocsin.coding.syntax import PASS_SUBJ, SUBJ, frame_of, subject_head
from tocsin.coding.verbmatch import match_verb
from tocsin.coding.writer import Sent, make_event, recode
from tocsin.models import Actor, Event, Factuality

PerVerb = dict[int, list[Event]]
# what a request asks for, by the CAMEO root of the requested act (02x appeals)
APPEAL_FOR = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "020"}
# verbs that say an event noun did not (or no longer) happen
NOMINAL_STOPPERS = frozenset(
    {
        "CANCEL",
        "POSTPONE",
        "SUSPEND",
        "HALT",
        "STOP",
        "END",
        "BREAK",
        "COLLAPSE",
        "FAIL",
        "REJECT",
        "DELAY",
        "SCRAP",
        "ABANDON",
        "FREEZE",
        "BOYCOTT",
        "DENY",
        "REFUSE",
    }
)
ALLEGE_WORDS = frozenset({"ALLEGE", "ACCUSE", "CHARGE"})
_SAID = ALLEGE_WORDS | SPEECH_WORDS
# an embedded subject that is the speaker itself ("X says it / they / we captured ...")
OWN_PRONOUNS = frozenset({"IT", "THEY", "WE", "I", "HE", "SHE"})
# roles of a country's actors that are not its state (a speaker of the state is not them)
NON_STATE_ROLES = frozenset({"OPP", "REB", "INS", "SEP", "CVL", "PPL"})
# speech verbs whose report of one's own possible coercive act is a threat
WARNING_WORDS = frozenset({"WARN", "THREATEN"})
# breaking a rule: "X says Y violated the ceasefire" accuses Y
VIOLATION_WORDS = frozenset({"VIOLATE", "BREACH", "FLOUT", "BREAK", "CONTRAVENE", "INFRINGE"})


def compose(ctx: DocContext, per_verb: PerVerb, sent_index: int) -> None:
    """Combine the events of nested clauses, as a reader would (in place):

    - reported speech ("X said Y did Z"): the embedded event stands for the statement
      (the speaker's own 01x event is dropped). A speaker reporting its own act ("X says
      it captured ...") or a news medium reporting anyone's is the act, asserted; a
      conflict event asserted by another actor becomes the speaker's accusation (112) of
      its source, the event itself only alleged; "X announces it will ..." is an intent;
    - intent frames ("X plans/wants/offered to do Z", "willingness to"): the frame word's
      own event is dropped (the embedded event is already intended, coded 03x);
    - control by an object ("X urged/asked Y to do Z"): the frame verb's event (a request
      to Y) stands, the embedded act is only hypothetical and dropped.
    """
    view = ctx.view
    for v in list(per_verb):
        events = per_verb.get(v)
        frame = frame_of(view, v) if events else None
        if not events or frame is None:
            continue
        h, edge = frame
        word = frame_lemma(view, h)
        if edge == "ccomp" and word in SPEECH_WORDS:
            per_verb[h] = []
            if h > v:  # "..., officials said": attribution of the news, not a claim
                continue
            speakers = subject_actors(ctx, h, sent_index)
            reported = _reported(
                ctx, v, events, speakers, word in CLAIM_FRAME_WORDS, word in WARNING_WORDS
            )
            # the speaker's accusation is the speech verb's event (the clause's own
            # repairs, such as a weapon's owner, are not about it)
            per_verb[h] = [e for e in reported if ACCUSATION_RULE in e.rules]
            per_verb[v] = [e for e in reported if ACCUSATION_RULE not in e.rules]
        elif edge in ("xcomp", "acl") and word == "CLAIM" and _claims_own(ctx, h, v):
            per_verb[h] = []
            per_verb[v] = [_own_claim(e) for e in events]
        elif edge == "xcomp" and word in NEGATING_WORDS:
            per_verb[h] = []  # "refused to provide aid": the rejection is the embedded act, negated
        elif edge in ("xcomp", "acl", "ccomp") and word in INTENT_FRAME_WORDS:
            _intent_frame(ctx, per_verb, v, h, edge)
        elif edge == "pcomp" and word in INTENT_WORDS:
            per_verb[h] = []  # "decided on sending troops": the intent is the embedded act's


def _claims_own(ctx: DocContext, h: int, v: int) -> bool:
    """Whether ``v`` is what an actor claims to have done itself: "X claims to have
    killed ..." (an active claim whose infinitive's subject is the claimer), or a headline
    "The Houthis claim that they targeted ..." parsed as a noun with its clause (the
    clause's subject is a pronoun for the claimer). Not "X is claimed to have ..."."""
    if not ctx.options.own_claims_as_acts:
        return False
    view = ctx.view
    if any(view.dep[c] in PASS_SUBJ or view.dep[c] == "auxpass" for c in view.children[h]):
        return False
    if any(view.dep[c] == "aux" and view.up[c] == "TO" for c in view.children[v]):
        return not view.kids(v, "nsubj") and (
            view.tag[h].startswith("VB") and bool(view.kids(h, "nsubj"))
        )
    subj = subject_head(view, v)
    return (
        view.dep[v] == "acl"
        and view.head[h] == h
        and subj is not None
        and not subj[1]
        and view.up[subj[0]] in OWN_PRONOUNS
    )


def _own_claim(e: Event) -> Event:
    if e.factuality is not Factuality.ALLEGED:
        return e
    rule = "reported speech: the claimer's own act ('claims to have killed')"
    return e.replace(factuality=Factuality.ASSERTED, rules=e.rules + (rule,))


def observe_speaker(ctx: DocContext, v: int, sent_index: int) -> None:
    """A speech verb with no code of its own ("X reports that it ..."): resolve its subject
    anyway, so that a pronoun in what is said can refer to the speaker."""
    view = ctx.view
    if ctx.coref is not None and view.lem[v] in SPEECH_WORDS and view.kids(v, "ccomp"):
        subject_actors(ctx, v, sent_index)


def _intent_frame(ctx: DocContext, per_verb: PerVerb, v: int, h: int, edge: str) -> None:
    view = ctx.view
    own = view.kids(v, "nsubj")
    asked = view.kids(h, "dobj") or [
        p for p in view.kids(h, "prep") if view.up[p] in ("ON", "UPON") and view.kids(p, "pobj")
    ]
    if (edge == "xcomp" and asked) or (edge == "ccomp" and own):
        # "X urged/wants Y to do Z", "called on Y to do Z": a request to Y; Z is not asserted
        request = APPEAL_FOR.get(per_verb[v][0].code[:2], "020")
        per_verb[v] = []
        per_verb[h] = [
            recode(ctx, e, request, e.source, e.target)
            if e.code[:2] not in ("02", "10") or e.code in ("020", "100")
            else e
            for e in per_verb.get(h, [])
        ]
        return
    per_verb[h] = []
    if edge == "acl" and view.dep[h] in ("dobj", "attr", "nsubj", "nsubjpass"):
        per_verb[view.head[h]] = []


def allegations(ctx: DocContext, per_verb: PerVerb, sent: Sent) -> None:
    """ "X alleged that Y was aware of ...", "X says Y violated the agreement": a
    disapproval of Y by X (the verb's own 11x code, else 112 accuse) when nothing in the
    allegation itself was coded (a statement that another broke a rule is an accusation,
    and stands for the speaker's own statement event)."""
    view = ctx.view
    start, end, sent_index = sent
    # only the speech and allegation words are looked at (picked at C speed)
    for h in compress(range(start, end), map(_SAID.__contains__, view.lem[start:end])):
        word = view.lem[h]
        if not view.tag[h].startswith("VB"):
            continue
        if word in ALLEGE_WORDS:
            if per_verb.get(h):
                continue
            comps = view.kids(h, "ccomp")
        else:  # "says that Y violated": only a breach of a rule makes a statement an accusation
            comps = [c for c in view.kids(h, "ccomp") if view.lem[c] in VIOLATION_WORDS]
        for c in comps:
            lo, hi = view.subtree_span(c)
            if any(per_verb.get(i) for i in range(lo, hi)):
                continue
            deps = SUBJ + PASS_SUBJ if word in ALLEGE_WORDS else ("nsubj", "nsubjpass")
            subj = [s for s in view.children[c] if view.dep[s] in deps]  # not "drafting men"
            speakers = subject_actors(ctx, h, sent_index)
            accused = np_actors_anywhere(ctx, subj[0], sent_index) if subj else []
            if word not in ALLEGE_WORDS and accused:
                per_verb[h] = []  # the accusation stands for the statement
            _accusations(ctx, per_verb, h, speakers, accused, sent)


def _accusations(
    ctx: DocContext,
    per_verb: PerVerb,
    h: int,
    speakers: list[Actor],
    accused: list[Actor],
    sent: Sent,
) -> None:
    for sp in speakers:
        for ac in accused:
            if same_side(sp, ac):
                continue
            m = match_verb(ctx, h, sent[0], sent[1])
            if m is None:
                continue
            # the verb's own disapproval code (ALLEGE [110]), else an accusation
            code = m.code if m.code and m.code[:2] == "11" else "112"
            rule = f"allegation: {ctx.view.lem[h].lower()} that ... [{code}]"
            base = make_event(ctx, m, code, sp, ac, Factuality.ASSERTED, sent, (rule,))
            per_verb.setdefault(h, []).append(base)


def _reported(
    ctx: DocContext,
    v: int,
    events: list[Event],
    speakers: list[Actor],
    claim: bool,
    warning: bool = False,
) -> list[Event]:
    acts = ctx.options.own_claims_as_acts
    out: list[Event] = []
    for e in events:
        intent = _announced_intent(ctx, v, e, speakers, acts, warning)
        if intent is not None:
            out.append(intent)
        elif not speakers or e.factuality not in (Factuality.ASSERTED, Factuality.ALLEGED):
            out.append(e)
        elif (
            acts
            and e.source
            and _speakers_own_subject(ctx, v)
            and not same_side(speakers[0], e.source)
        ):
            rule = "reported speech: the speaker's own forces ('its forces')"
            out.append(
                e.replace(
                    source=speakers[0], factuality=Factuality.ASSERTED, rules=e.rules + (rule,)
                )
            )
        elif acts and _own_or_news(ctx, v, e, speakers):
            rule = "reported speech: the speaker's own act, or news"
            out.append(e.replace(factuality=Factuality.ASSERTED, rules=e.rules + (rule,)))
        elif not claim and _third_party(e, speakers):
            rule = "reported speech: a third party's report of the act"
            out.append(e.replace(factuality=Factuality.ASSERTED, rules=e.rules + (rule,)))
        elif is_conflict(e.code):
            out.extend(_reported_conflict(ctx, e, speakers, claim))
        else:
            out.append(e.replace(factuality=Factuality.ALLEGED) if claim else e)
    return out


def _third_party(e: Event, speakers: list[Actor]) -> bool:
    """Whether the speakers are on neither side of the act they report ("Estonia reports
    that a Romanian jet shot down a drone", "the U.S. announces that Israel and Lebanon
    agreed to ..."): a neutral report of news, not a claim against an adversary. Not of a
    country's act on itself ("the US said that Iraq had attacked itself": a foreigner's
    word on another's internal affairs accuses it, PETRARCH's 112)."""
    if e.source is None or (e.target is not None and e.target.root == e.source.root):
        return False
    sides = [a for a in (e.source, e.target) if a is not None]
    return all(not same_side(sp, a) and sp.root != a.root for sp in speakers for a in sides)


def _own_or_news(ctx: DocContext, v: int, e: Event, speakers: list[Actor]) -> bool:
    """Whether the speakers report their own act (the embedded subject is a pronoun, or
    the event's source is on the speaker's side) or are news media (attribution)."""
    if all(sp.role == "MED" or sp.code[3:6] == "MED" for sp in speakers):
        return True  # "Tasnim reports that ...": where the news comes from, not a claim
    if e.source is None:
        return False
    if any(same_side(sp, e.source) for sp in speakers):
        return True
    subj = subject_head(ctx.view, v)
    return subj is not None and not subj[1] and ctx.view.up[subj[0]] in OWN_PRONOUNS


OWN_POSSESSIVES = frozenset({"ITS", "THEIR", "OUR"})


def _speakers_own_subject(ctx: DocContext, v: int) -> bool:
    """Whether what is said has the speaker's own possession as its subject ("CENTCOM
    reports its forces have destroyed a factory", "the army says its troops killed"): the
    speaker's own act, whatever the parse made of the possessed noun's country."""
    subj = subject_head(ctx.view, v)
    if subj is None or subj[1]:
        return False
    view = ctx.view
    return any(
        view.dep[c] == "poss" and view.up[c] in OWN_POSSESSIVES for c in view.children[subj[0]]
    )


def same_side(a: Actor, b: Actor) -> bool:
    """The same actor, or the same country's state (its government, forces, media):
    not an opposition or armed group against it."""
    if a.code == b.code:
        return True
    if a.root != b.root:
        return False
    return _non_state(a) == _non_state(b)


def _non_state(a: Actor) -> bool:
    return any(a.code[k : k + 3] in NON_STATE_ROLES for k in range(3, len(a.code), 3))


def _announced_intent(
    ctx: DocContext, v: int, e: Event, speakers: list[Actor], future: bool, warning: bool
) -> Event | None:
    """ "X announced it would (``future``: or will) free Y": an intent of X (None when ``e``
    is not that). A ``warning`` of one's own possible coercion or force ("warns that it
    might expel / could strike ...") is a threat (CAMEO 13x), whatever the modal."""
    if not speakers or e.source is None or not any(same_side(sp, e.source) for sp in speakers):
        return None
    modal = e.factuality is Factuality.HYPOTHETICAL and any(
        r in ("frame: modal (would)", "frame: modal (will)")
        or (warning and is_conflict(e.code) and r.startswith("frame: modal ("))
        for r in e.rules
    )
    if not (modal or (future and e.factuality is Factuality.ASSERTED and _future(ctx, v))):
        return None
    code = intent_code(e.code)
    if code == e.code:
        return None
    return recode(ctx, e, code, e.source, e.target).replace(factuality=Factuality.INTENDED)


def _future(ctx: DocContext, v: int) -> bool:
    """Whether the clause of ``v`` is in the future ("will be meeting", "is to send")."""
    view = ctx.view
    if any(view.dep[c] == "aux" and view.up[c] in FUTURE_AUX for c in view.children[v]):
        return True
    h = view.head[v]
    return (
        view.dep[v] == "xcomp"
        and view.lem[h] == "BE"
        and any(view.dep[c] == "aux" and view.up[c] == "TO" for c in view.children[v])
    )


ACCUSATION_RULE = "reported speech: 112"


def _reported_conflict(
    ctx: DocContext, e: Event, speakers: list[Actor], claim: bool = True
) -> list[Event]:
    """Another actor's conflict act asserted by the speakers: their accusation of its
    source (112), the act itself only alleged (PETRARCH's convention: a speaker's own act
    is its claim of responsibility, 015). A victim's plain report ("the governor says a
    Russian drone struck a building in Kharkiv": said, not claimed) is news of the act as
    well as the accusation."""
    out: list[Event] = []
    own = e.source is not None and any(same_side(sp, e.source) for sp in speakers)
    for sp in speakers:
        if e.source is not None and same_side(sp, e.source):
            out.append(recode(ctx, e, "015", sp, e.target))
        elif e.source is not None and not own:
            out.append(recode(ctx, e, "112", sp, e.source))
    victim = e.target is not None and any(sp.root == e.target.root for sp in speakers)
    if not claim and not own and victim:
        rule = "reported speech: the victim's report of the act"
        out.append(e.replace(factuality=Factuality.ASSERTED, rules=e.rules + (rule,)))
    else:
        out.append(e.replace(factuality=Factuality.ALLEGED))
    return out


def is_conflict(code: str) -> bool:
    return code[:2].isdigit() and 13 <= int(code[:2]) <= 20
