"""Nominal events: event nouns that no verb already codes.

"The cooperation between X and Y" (both ways), "X's talks with Y" (owner to partner),
and attacks named by a noun: "Russian strikes on Kharkiv", "Israel's offensive in Gaza",
"an attack on a military post by the Pakistani Taliban", "five people are killed in a
Turkish airstrike in Iraq". A noun that is the object of a light verb ("launch/conduct/
carry out/stage strikes", "hold talks") is the event, with the verb's subject as source,
unless one of the verb's own patterns codes the construction.

Who attacked whom is :mod:`tocsin.coding.attacks`; with a light verb or a casualty
clause and no target there, the target is the sentence's one other country.
"""

from __future__ import annotations

from tocsin.coding.attackcodes import means_codes, noun_code, patient_participles
from tocsin.coding.attacks import (
    CASUALTY_WORDS,
    attack_sources,
    casualty_verb,
    is_mutual,
    placed_pairs,
    split_attack_noun,
    weapon_subjects,
)
from tocsin.coding.compose import NOMINAL_STOPPERS, PerVerb
from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.eventplace import is_role_only
from tocsin.coding.factuality import Frame, factuality_of
from tocsin.coding.nounattacks import (
    placed_subjects,
    violence_setting,
    yield_hit_clauses,
)
from tocsin.coding.nounevents import (
    ASSAULT_WORDS,
    ended_events,
    ending_verb,
    glued_attack,
    idle_subject,
    irrealis,
    state_operations,
)
from tocsin.coding.nounpairs import is_attack, noun_pairs
from tocsin.coding.objectsense import object_sense
from tocsin.coding.protest import protest_places, protest_verb, verb_protests
from tocsin.coding.riots import riots
from tocsin.coding.slots import subject_actors
from tocsin.coding.verbmatch import VerbMatch, is_candidate, match_verb
from tocsin.coding.writer import Sent, make_event, rules_of
from tocsin.models import Actor, Event, Factuality

# verbs that only carry an event noun: the noun says what happened
LIGHT_VERBS = frozenset(
    {
        "LAUNCH",
        "CONDUCT",
        "CARRY",
        "STAGE",
        "MOUNT",
        "HOLD",
        "PERFORM",
        "EXECUTE",
        "UNLEASH",
        "INTENSIFY",
        "ESCALATE",
        "RESUME",
        "BEGIN",
        "START",
        "CONTINUE",
        "ORDER",
        "AUTHORIZE",
        "AUTHORISE",
        "UNDERTAKE",
        "INITIATE",
        "RENEW",
        "EXPAND",
        "STEP",
        # verbs whose object noun names the act: "announce tariffs", "reach/finalize a deal"
        "ANNOUNCE",
        "IMPOSE",
        "LEVY",
        "SLAP",
        "REACH",
        "FINALIZE",
        "FINALISE",
        "CONCLUDE",
        "SEAL",
        "APPROVE",
        "INTRODUCE",
        "EXTEND",
        "UNVEIL",
        "ENACT",
        "STRIKE",
        "BROKER",
        # "issue sanctions on X", "file/bring/press/lodge charges against X"
        "ISSUE",
        "FILE",
        "BRING",
        "PRESS",
        "LODGE",
    }
)
# speech that only claims another's act ("says/claims an incursion by X is imminent");
# "confirms/announces/reports that X struck" reports the act (CONVENTIONS.md)
HEDGED_SPEECH = frozenset({"SAY", "CLAIM", "ALLEGE", "ACCUSE", "WARN", "INSIST", "ASSERT"})
# an attack or protest noun that modifies another noun names no act ("attack helicopters",
# "a protest complaint", "strike group")
MODIFIER_ROOTS = frozenset({"14", "18", "19", "20"})


def nominal_events(ctx: DocContext, per_verb: PerVerb, sent: Sent) -> None:
    """Events of the event nouns of a sentence (in place, see the module docstring)."""
    weapon_subjects(ctx, per_verb, sent)
    means_codes(ctx, per_verb, sent)  # "Russian drone strikes kill 16": the strikes' code
    patient_participles(ctx, per_verb, sent)  # "a ship is sunk by X, killing two": not the ship
    per_verb.update(placed_subjects(ctx, per_verb))  # "a storm in Chile kills three"
    view, nominal = ctx.view, ctx.dictionaries.nominal_index
    for i in range(sent[0], sent[1]):
        form = nominal.get(view.up[i])
        if (
            form is None
            or not form.code
            or not (view.tag[i].startswith("NN") or _gerund_noun(view, i) or _split(view, i))
            or (per_verb.get(i) and not (_gerund_noun(view, i) or _split(view, i)))
            or i in ctx.state.skipped
            or (view.dep[i] == "compound" and form.code[:2] in MODIFIER_ROOTS)  # "attack jets"
            or (form.code[:2] == "14" and violence_setting(view, i))  # "a bombing at a rally"
            or _code_glued(ctx, per_verb, i, form.code, sent)  # "in a car ramming attack by X"
            or _code_ended(ctx, per_verb, i, form.code, sent)  # "suspends cooperation with X"
        ):
            continue
        sensed = object_sense(ctx, i, form.code, sent[2])
        if sensed is not None:  # "ends its ban on X", "denies a request from X"
            code, verb, pairs = sensed
            if pairs:
                per_verb[verb] = []
                per_verb[i] = _events(ctx, i, code, pairs, verb, sent, sensed=True)
            continue
        light = _light_verb(ctx, i, sent, is_attack(form.code))
        if light is None and (noun_code(ctx, i, form.code) or "")[:2] == "14":
            light = protest_verb(view, lambda v: _names_source(per_verb, v), i)
        if light is None and is_attack(form.code) and _only_roles_hit(ctx, per_verb, i):
            light = ctx.view.head[i]  # "launch strikes involving cruise missiles": no one hit
        if (
            light is None
            and _coded_by_verb(ctx, i, sent)
            and not _fight_subject(ctx, i)
            and not idle_subject(ctx.view, per_verb, i, form.code)
        ):
            continue  # "held talks with X", "the talks were cancelled": the verb says it
        named = noun_code(ctx, i, form.code)
        if named is None:
            continue
        code = named
        found = noun_pairs(ctx, i, code, light, sent)
        claims = _accusations(ctx, i, light, sent) if is_attack(code) else []
        if not found:
            _unpaired(view, per_verb, i, claims)
            continue
        if light is not None:
            per_verb[light] = []  # the light verb's own default code is not the event
        per_verb[i] = _events(ctx, i, code, found, light, sent) + claims
        _yield_unnamed(ctx, per_verb, i)
        yield_hit_clauses(view, per_verb, i)  # "airstrikes targeting X"
        if is_mutual(ctx, i):
            _yield_sides(ctx, per_verb, i, found)
    state_operations(ctx, per_verb, sent)  # "militants are killed in raids in X"
    verb_protests(ctx, per_verb, sent)  # "Tibetans protest worldwide": against their state
    protest_places(ctx, per_verb)  # "protesters gather in Tbilisi": no act on Georgia
    riots(ctx, per_verb)  # "clashes between police and protesters": a violent protest


def _events(
    ctx: DocContext,
    i: int,
    code: str,
    found: list[tuple[Actor, Actor]],
    light: int | None,
    sent: Sent,
    sensed: bool = False,
) -> list[Event]:
    view = ctx.view
    form = ctx.dictionaries.nominal_index[view.up[i]]
    m = VerbMatch(i, (form,), None, code, None, frozenset(), {}, False)
    verb = light if light is not None else i
    factuality, frame = factuality_of(view, verb, False, future=ctx.options.future_as_intent)
    head = view.head[i]
    if _stopped(view, i) and not sensed:  # "talks were cancelled"
        factuality, frame = Factuality.NEGATED, Frame("negation", view.lem[head].lower())
    if factuality is Factuality.ASSERTED:  # "a potential deal": a possibility
        factuality, frame = irrealis(view, i) or (factuality, frame)
    speakers = _speakers(ctx, i, sent[2]) if is_attack(code) else None
    why = ("nominal event",) + (
        (f"light verb: {view.lem[light].lower()}",) if light is not None else ()
    )
    out = []
    for s, t in found:
        if s.code == t.code:
            continue
        fact, fr = factuality, frame
        if speakers and fact is Factuality.ASSERTED and all(sp.root != s.root for sp in speakers):
            fact, fr = Factuality.ALLEGED, Frame("claim", "reported")  # another's act, claimed
        out.append(make_event(ctx, m, code, s, t, fact, sent, rules_of(m, s, t, fr) + why))
    return out


def _names_source(per_verb: PerVerb, v: int) -> bool:
    """Whether the verb at ``v`` coded an event whose source is more than a role with no
    country ("farmers stage a protest": the verb's ---AGR is left to the protest noun)."""
    return any(e.source is not None and not is_role_only(e.source) for e in per_verb.get(v) or [])


def _unpaired(view: DocView, per_verb: PerVerb, i: int, claims: list[Event]) -> None:
    """An event noun with no participants: the speakers' accusation if any ("X says an
    incursion by Y is imminent": X accuses Y); a gerund used as a noun ("wounded in a
    shooting") is no verb, so the verb path's events for it go."""
    if claims:
        per_verb[i] = claims
    elif _gerund_noun(view, i):
        per_verb[i] = []


def _stopped(view: DocView, i: int) -> bool:
    """Whether the noun's verb ends or stops it ("talks were cancelled", "talks broke
    down"); "clashes broke out" began."""
    head = view.head[i]
    if head == i or view.lem[head] not in NOMINAL_STOPPERS:
        return False
    return not any(view.up[p] == "OUT" for p in view.kids(head, "prt"))


def _code_glued(ctx: DocContext, per_verb: PerVerb, i: int, code: str, sent: Sent) -> bool:
    """Whether the attack noun was misread as its weapon gerund's object (:func:`glued_attack`);
    if so the gerunds' own events go, the noun codes the attack (182 for a blade or vehicle)."""
    glued = glued_attack(ctx, i, sent[2]) if is_attack(code) else None
    if glued is None:
        return False
    gerunds, pairs = glued
    for g in gerunds:
        per_verb[g] = []
    mods = {ctx.view.up[g] for g in gerunds}
    code = "182" if mods & ASSAULT_WORDS else (noun_code(ctx, i, code) or code)
    per_verb[i] = _events(ctx, i, code, placed_pairs(ctx, i, None, pairs), None, sent)
    return True


def _code_ended(ctx: DocContext, per_verb: PerVerb, i: int, code: str, sent: Sent) -> bool:
    """Whether a verb ends the cooperative noun (:func:`ending_verb`); if so the noun's
    events are the reduction of relations."""
    verb = ending_verb(ctx.view, i, code)
    if verb is not None:
        pairs = noun_pairs(ctx, i, code, verb, sent)  # "suspends cooperation with X": the verb's
        per_verb[i] = ended_events(ctx, per_verb, verb, code, pairs, sent)
    return verb is not None


def _accusations(ctx: DocContext, i: int, light: int | None, sent: Sent) -> list[Event]:
    """The speakers' accusation (112) of the attacker when they claim another's attack
    ("X says an incursion by Y is imminent"; CONVENTIONS.md: the statement is coded, the
    act is not), as the verb path does for a reported conflict act."""
    speakers = _speakers(ctx, i, sent[2])
    if not speakers:
        return []
    form = ctx.dictionaries.nominal_index[ctx.view.up[i]]
    m = VerbMatch(i, (form,), None, "112", None, frozenset(), {}, False)
    why = ("nominal event", f"claim of another's act: {ctx.view.text_of(i)}")
    return [
        make_event(ctx, m, "112", sp, s, Factuality.ASSERTED, sent, rules_of(m, sp, s, None) + why)
        for s in attack_sources(ctx, i, light, sent[2])
        if not s.code.startswith("---") and all(sp.root != s.root for sp in speakers)
        for sp in speakers
    ]


def _speakers(ctx: DocContext, i: int, sent_index: int) -> list[Actor]:
    """The actors of the speech verb whose reported clause holds the noun, if any; a role
    with no country ("medics said", "witnesses said") is the news's source, not a party
    that claims another's act."""
    speech = _reported_by(ctx.view, i)
    found = [] if speech is None else subject_actors(ctx, speech, sent_index)
    return [a for a in found if not a.code.startswith("---")]


def _reported_by(view: DocView, i: int) -> int | None:
    """The speech verb whose reported clause holds the noun ("says an incursion by X is
    imminent": a claim, not an act), else None."""
    cur = i
    for _ in range(6):
        head = view.head[cur]
        if head == cur:
            return None
        if view.dep[cur] == "ccomp" and view.lem[head] in HEDGED_SPEECH:
            return head
        cur = head
    return None


def _yield_unnamed(ctx: DocContext, per_verb: PerVerb, i: int) -> None:
    """ "The pipeline is hit in an Iranian attack": the casualty verb's unnamed attacker
    is the noun's named one, so the verb's event with it goes; a verb that says more than
    the noun ("are kidnapped in an attack by gunmen": 181, not 190) keeps its code and
    takes the noun's attacker instead."""
    verb = casualty_verb(ctx.view, i)
    if verb is None or not per_verb.get(verb) or not per_verb.get(i):
        return
    unnamed = [e for e in per_verb[verb] if _unnamed(e.source)]
    per_verb[verb] = [e for e in per_verb[verb] if not _unnamed(e.source)]
    noun = per_verb[i]
    if unnamed and all(e.code[:2] != n.code[:2] for e in unnamed for n in noun):
        why = f"source: the attacker of '{ctx.view.text_of(i)}'"
        per_verb[verb] += [
            e.replace(source=n.source, rules=e.rules + (why,)) for e in unnamed for n in noun[:1]
        ]
        per_verb[i] = []


def _yield_sides(
    ctx: DocContext, per_verb: PerVerb, i: int, found: list[tuple[Actor, Actor]]
) -> None:
    """ "Fighting between X and Y continued / killed ten": the sides are the noun's, not
    the verb's agents, so the verb's events with them as sources go."""
    head = ctx.view.head[i]
    if head == i or ctx.view.dep[i] != "nsubj" or not per_verb.get(i) or not per_verb.get(head):
        return
    sides = {s.code for s, _ in found} | {s.span for s, _ in found if s.span is not None}
    per_verb[head] = [
        e
        for e in per_verb[head]
        if e.source is None or (e.source.code not in sides and e.source.span not in sides)
    ]


def _unnamed(actor: Actor | None) -> bool:
    return actor is not None and "unnamed agent" in (actor.entry or "")


def _split(view: DocView, i: int) -> bool:
    return split_attack_noun(view, i) is not None


def _gerund_noun(view: DocView, i: int) -> bool:
    """A gerund used as a noun ("in a drive-by shooting", "killed in fighting between X
    and Y", tagged VBG): it is an argument, not a verb of its own clause, and has a
    determiner or a ``between`` phrase but no object."""
    return (
        view.tag[i] == "VBG"
        and view.dep[i] in ("pobj", "dobj", "nsubj", "nsubjpass")
        and (
            bool(view.kids(i, "det"))
            or (
                any(view.up[p] == "BETWEEN" for p in view.kids(i, "prep"))
                and not view.kids(i, "dobj")
            )
        )
    )


def _only_roles_hit(ctx: DocContext, per_verb: PerVerb, i: int) -> bool:
    """Whether the light verb of an attack noun coded only events whose target is a role
    with no country ("launch strikes involving drones and cruise missiles": the missiles
    read as troops), or the casualty verb of an attack noun subject only roles ("Russian
    strikes targeting energy facilities in Ukraine killed three people")."""
    view = ctx.view
    head = view.head[i]
    light = view.dep[i] == "dobj" and view.lem[head] in LIGHT_VERBS
    if head == i or not (light or (view.dep[i] == "nsubj" and view.lem[head] in CASUALTY_WORDS)):
        return False
    events = per_verb.get(head) or []
    return bool(events) and all(e.target is None or e.target.code.startswith("---") for e in events)


def _light_verb(ctx: DocContext, i: int, sent: Sent, attack: bool = False) -> int | None:
    """The light verb whose object the noun is, unless a pattern of the verb codes it (an
    attack noun beats a pattern of another kind: "conducted strikes against X for ...")."""
    view = ctx.view
    head = view.head[i]
    if head == i or view.dep[i] != "dobj" or view.lem[head] not in LIGHT_VERBS:
        return None
    if is_candidate(view, head, ctx.dictionaries.form_index):
        hm = match_verb(ctx, head, sent[0], sent[1])
        code = hm.code or hm.code2 if hm is not None else None
        if attack and code is not None and not is_attack(code):
            return head
        if hm is not None and hm.pattern is not None and (hm.code or hm.code2):
            return None  # one of the verb's patterns says what "launch talks" is
    return head


def _fight_subject(ctx: DocContext, i: int) -> bool:
    """ "Fighting between X and Y continued / left ten dead": a fight noun as the subject
    is the event; the verb only says how it went."""
    return ctx.view.dep[i] == "nsubj" and is_mutual(ctx, i)


def _coded_by_verb(ctx: DocContext, i: int, sent: Sent) -> bool:
    view = ctx.view
    head = view.head[i]
    if view.dep[i] not in ("dobj", "nsubjpass", "nsubj", "attr") or head == i:
        return False
    if not is_candidate(view, head, ctx.dictionaries.form_index):
        return False
    hm = match_verb(ctx, head, sent[0], sent[1])
    return hm is not None and bool(hm.code or hm.code2)
