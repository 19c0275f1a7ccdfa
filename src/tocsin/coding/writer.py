"""Writing events: turning what the engine found into :class:`~tocsin.models.Event` objects.

The finding side (verb matching, slot filling, composition) decides codes, actors and
factuality; this module only builds the events: ontology fields (name, Goldstein score,
quad class, PLOVER type and mode), the evidence sentence and spans, and the rules that
fired.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tocsin.coding.context import DocContext
from tocsin.coding.factuality import Frame
from tocsin.coding.verbmatch import VerbMatch
from tocsin.models import Actor, Event, Factuality

Sent = tuple[int, int, int]  # (first token, end token, sentence index)
# a rule of the events of a verb (not a noun) coded by its block's default, no pattern
VERB_DEFAULT = "the verb's default code (no pattern matched)"
REPORTED_SPEECH = "reported speech"  # the rule of an embedded act recoded as a statement


def make_event(
    ctx: DocContext,
    m: VerbMatch,
    code: str,
    source: Actor | None,
    target: Actor | None,
    factuality: Factuality,
    sent: Sent,
    rules: tuple[str, ...],
) -> Event:
    """The event of verb match ``m`` with ``code`` between ``source`` and ``target``."""
    view = ctx.view
    trig = sorted({m.verb} | set(m.extra_tokens))
    if m.pattern is None and view.tag[m.verb].startswith("VB"):
        rules = rules + (VERB_DEFAULT,)
    return Event(
        source=source,
        target=target,
        code=code,
        factuality=factuality,
        **ontology_fields(ctx, code),
        sentence_index=sent[2],
        sentence=view.text[view.idx[sent[0]] : view.char_span(sent[0], sent[1])[1]],
        sentence_span=view.char_span(sent[0], sent[1]),
        trigger=" ".join(view.text[view.idx[i] : view.idx[i] + view.length[i]] for i in trig),
        trigger_span=view.char_span(trig[0], trig[-1] + 1),
        rules=rules,
        article_date=ctx.date,
    )


def rules_of(
    m: VerbMatch, source: Actor | None, target: Actor | None, frame: Frame | None
) -> tuple[str, ...]:
    """The 'why' of an event: the pattern (or verb) and the actor entries that fired."""
    out = []
    if m.pattern is not None:
        p = m.pattern
        out.append(f"{p.source} {p.text} [{p.code or ''}{':' + p.code2 if p.code2 else ''}]")
    else:
        form = next((f for f in m.forms if f.has_code), m.forms[0])
        out.append(
            f"{form.source} {form.word} [{form.code or ''}{':' + form.code2 if form.code2 else ''}]"
        )
    for actor, role in ((source, "source"), (target, "target")):
        if actor is not None and actor.entry:
            out.append(f"{role}: {actor.entry}")
    if frame is not None:
        out.append(f"frame: {frame.kind} ({frame.word})")
    return tuple(out)


def recode(
    ctx: DocContext, e: Event, code: str, source: Actor | None, target: Actor | None
) -> Event:
    """``e`` as an asserted event with another code and actors (reported speech, requests)."""
    return e.replace(
        code=code,
        source=source,
        target=target,
        factuality=Factuality.ASSERTED,
        **ontology_fields(ctx, code),
        rules=e.rules + (f"{REPORTED_SPEECH}: {code}",),
    )


def ontology_fields(ctx: DocContext, code: str) -> dict[str, Any]:
    """An event's ontology fields for ``code``: name, Goldstein score, quad class, PLOVER
    type and mode (None where the ontology has no such code)."""
    info = ctx.dictionaries.ontology.get(code)
    return {
        "name": info.name if info else None,
        "goldstein": info.goldstein if info else None,
        "quad_class": info.quad_class if info else None,
        "plover_type": info.plover_type if info else None,
        "plover_mode": info.plover_mode if info else None,
    }


def with_code(ctx: DocContext, e: Event, code: str, why: str) -> Event:
    """``e`` with another CAMEO code and its ontology fields, the reason in its rules
    (unchanged if the ontology has no such code)."""
    if ctx.dictionaries.ontology.get(code) is None:
        return e
    return e.replace(code=code, **ontology_fields(ctx, code), rules=e.rules + (f"{why} [{code}]",))


def dedupe(events: Iterable[Event]) -> list[Event]:
    """Drop repeated (source, target, code) events of one sentence, keeping the first."""
    seen: set[tuple[str | None, str | None, str, str]] = set()
    out = []
    for e in events:
        key = (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.code,
            e.factuality.value,
        )
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


ONE_ACT_PER_PAIR = "one act, one event"


def one_act_per_pair(events: Iterable[Event]) -> list[Event]:
    """One event per act: events of one sentence from one trigger whose actors come from the
    same two countries (or groups) with the same CAMEO code and factuality are one act done
    by several of a country's bodies together ("military, police and intelligence personnel
    rescued the students": NGAMIL, NGACOP, NGASPY -> NGA), not several acts. The first is
    kept; the actor codes of the others are named in its rules. Events with no trigger span
    are left alone."""
    out: list[Event] = []
    index: dict[tuple[object, ...], int] = {}
    for e in events:
        if e.trigger_span is None:
            out.append(e)
            continue
        key = (
            e.sentence_index,
            tuple(e.trigger_span),
            e.source.root if e.source else None,
            e.target.root if e.target else None,
            e.code,
            e.factuality.value,
        )
        if key not in index:
            index[key] = len(out)
            out.append(e)
            continue
        first = out[index[key]]
        also = f"{e.source.code if e.source else '-'}->{e.target.code if e.target else '-'}"
        out[index[key]] = first.replace(rules=first.rules + (f"{ONE_ACT_PER_PAIR}: also {also}",))
    return out
