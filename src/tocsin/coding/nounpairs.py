"""Who did what to whom for an event noun: the (source, target) pairs of a protest, fight,
attack or cooperation noun, found from the noun's own phrase ("Russian strikes on Kharkiv",
"talks between X and Y", "sanctions on X") and, with a light verb, the verb's subject.

Used by :mod:`tocsin.coding.nominal`; who attacked whom is :mod:`tocsin.coding.attacks`.
"""

from __future__ import annotations

from tocsin.coding.attacks import (
    attack_sources,
    attack_targets,
    in_casualty_clause,
    is_mutual,
    mutual_pairs,
    owners,
    placed_pairs,
    split_attack_noun,
    split_attack_pairs,
)
from tocsin.coding.context import DocContext
from tocsin.coding.docview import DocView
from tocsin.coding.guards import sentence_countries
from tocsin.coding.npactors import actors_of_np, np_actors_anywhere
from tocsin.coding.protest import protest_pairs
from tocsin.coding.slots import subject_actors
from tocsin.coding.syntax import subject_head
from tocsin.coding.writer import Sent
from tocsin.models import Actor

# prepositions naming whom a sanction is against
SANCTION_PREPS = frozenset({"ON", "AGAINST", "TO", "FOR", "TARGETING", "FROM"})


def is_attack(code: str) -> bool:
    return code[:2] in ("18", "19", "20")


def noun_pairs(
    ctx: DocContext, i: int, code: str, light: int | None, sent: Sent
) -> list[tuple[Actor, Actor]]:
    if code[:2] == "14":
        return protest_pairs(ctx, i, sent[2], light)
    if is_mutual(ctx, i):
        return placed_pairs(ctx, i, light, mutual_pairs(ctx, i, light, sent))
    split = split_attack_noun(ctx.view, i)
    if split is not None:  # "killed in Israeli tank shelling", misparsed
        return split_attack_pairs(ctx, i, split, sent)
    if code[:3] == "042":
        return _visit_pairs(ctx, i, light, sent[2])
    if not is_attack(code):
        return _cooperation_pairs(ctx, i, light, sent[2])
    sources = attack_sources(ctx, i, light, sent[2])
    if not sources:
        return []
    roots = {a.root for a in sources if not a.code.startswith("---")}
    targets = [
        a
        for a in attack_targets(ctx, i, light, sent, sources)
        if (a.root not in roots or _domestic(a, sources)) and all(a.code != s.code for s in sources)
    ]
    if not targets and (light is not None or in_casualty_clause(ctx.view, i)):
        others = sentence_countries(ctx, sent[0], sent[1]) - roots
        targets = [_country(ctx, others.pop(), sent)] if len(others) == 1 else []
    return placed_pairs(ctx, i, light, [(s, t) for s in sources for t in targets if t is not None])


def _domestic(target: Actor, sources: list[Actor]) -> bool:
    """A role of the attacker's own country ("the Pakistani Taliban ... Pakistani soldiers":
    PAKREB -> PAKMIL), not the country itself or a source's own code."""
    return len(target.code) > 3 and all(len(s.code) > 3 and s.code != target.code for s in sources)


def _country(ctx: DocContext, root: str, sent: Sent) -> Actor:
    for m in ctx.mentions:
        if sent[0] <= m.start < sent[1] and not m.is_agent and m.actor.code[:3] == root:
            return (
                m.actor
                if m.actor.kind == "country"
                else Actor(root, m.actor.text, m.actor.span, root, None, "country", m.actor.entry)
            )
    return Actor(root, root, None, root, None, "country", "country of the sentence")


def _cooperation_pairs(
    ctx: DocContext, i: int, light: int | None, sent_index: int
) -> list[tuple[Actor, Actor]]:
    """(source, target) of a non-attack event noun: members of "between X and Y", else its
    owners (or the light verb's subject) with its "with" partners."""
    view = ctx.view
    for prep in view.kids(i, "prep"):
        objs = view.kids(prep, "pobj")
        if view.up[prep] == "BETWEEN" and objs:
            members = actors_of_np(ctx, objs[0], sent_index)
            if len(members) > 1:
                return [(a, b) for a in members for b in members if a.root != b.root]
    own = owners(ctx, i, sent_index)
    if not own and light is not None:
        own = [a for a in subject_actors(ctx, light, sent_index) if not a.code.startswith("---")]
    preps = _partner_preps(view, i, ctx)
    partners: list[Actor] = []
    for word in (i,) if light is None else (i, light):
        for prep in view.kids(word, "prep"):
            if view.up[prep] in preps:
                for o in view.kids(prep, "pobj"):
                    partners.extend(np_actors_anywhere(ctx, o, sent_index))
    if not partners and light is not None and _mutual_noun(ctx, i):
        return _among(ctx, light, sent_index)  # "X and Y announce a partnership"
    return [(a, b) for a in own for b in partners if a.root != b.root]


# cooperative event roots whose noun names an act between its parties (CONVENTIONS.md,
# mutual acts: agreements, partnerships, talks, meetings); not 054, a recognition of one
_MUTUAL_NOUN_ROOTS = frozenset({"04", "05", "06"})


def _mutual_noun(ctx: DocContext, i: int) -> bool:
    code = ctx.dictionaries.nominal_index[ctx.view.up[i]].code or ""
    return code[:2] in _MUTUAL_NOUN_ROOTS and code[:3] not in _ONE_WAY


_ONE_WAY = frozenset({"042", "043", "054"})  # a visit, hosting one, a recognition
# a visit still to come is no visit made ("ahead of his planned visit to X")
_UNMADE = frozenset(
    {"UPCOMING", "PLANNED", "SCHEDULED", "EXPECTED", "PROPOSED", "FORTHCOMING", "IMPENDING"}
)


def _visit_pairs(
    ctx: DocContext, i: int, light: int | None, sent_index: int
) -> list[tuple[Actor, Actor]]:
    """(visitor, host) of a visit noun ("is on a visit to Japan", "during his trip to
    Beijing, the French president ..."): the owner, else the "by"/"from" object, else the
    light verb's or the clause's subject, to the "to" object; none for a visit to come."""
    view = ctx.view
    if any(view.up[c] in _UNMADE for c in view.kids(i, "amod")) or _ahead(view, i):
        return []
    hosts = [
        a
        for p in view.kids(i, "prep")
        if view.up[p] == "TO"
        for o in view.kids(p, "pobj")
        for a in np_actors_anywhere(ctx, o, sent_index)
    ]
    visitors = [a for a in _visitors(ctx, i, light, sent_index) if not a.code.startswith("---")]
    return [(a, b) for a in visitors for b in hosts if a.root != b.root and a.root]


def _visitors(ctx: DocContext, i: int, light: int | None, sent_index: int) -> list[Actor]:
    """Who makes the visit (see :func:`_visit_pairs`)."""
    view = ctx.view
    own = owners(ctx, i, sent_index)
    if own:
        return own
    for p in view.kids(i, "prep", "agent"):
        if view.up[p] in ("BY", "FROM", "OF"):
            by = [a for o in view.kids(p, "pobj") for a in np_actors_anywhere(ctx, o, sent_index)]
            if by:
                return by
    if light is not None:
        return subject_actors(ctx, light, sent_index)
    prep = view.head[i]  # "(the PM is) on a visit to X", "during his visit to X, (he) ..."
    verb = view.head[prep]
    if view.dep[i] != "pobj" or view.up[prep] not in ("ON", "DURING") or verb == prep:
        return []
    return subject_actors(ctx, verb, sent_index) if view.tag[verb].startswith("VB") else []


def _ahead(view: DocView, i: int) -> bool:
    """ "ahead of / before his visit to X": the visit has not happened yet."""
    prep = view.head[i]
    if view.dep[i] != "pobj" or prep == i:
        return False
    if view.up[prep] == "BEFORE":
        return True
    return view.up[prep] == "OF" and view.up[view.head[prep]] == "AHEAD"


def _among(ctx: DocContext, light: int, sent_index: int) -> list[tuple[Actor, Actor]]:
    """Both directions between the light verb's coordinated subjects of different countries
    ("Australia, India and Japan announce a partnership"); none for a single subject, or
    for owners ("its first African agreement": one party and an adjective, no pair)."""
    subj = subject_head(ctx.view, light)
    if subj is None or subj[1] or not ctx.view.kids(subj[0], "conj"):
        return []
    members = subject_actors(ctx, light, sent_index)
    named = [a for a in members if a.root and not a.code.startswith("---")]
    if len({a.root for a in named}) < 2:
        return []
    return [(a, b) for a in named for b in named if a.root != b.root]


def _partner_preps(view: DocView, i: int, ctx: DocContext) -> frozenset[str]:
    """The prepositions naming the noun's partner: "talks with X"; "sanctions on/against X";
    "the arrest/seizure of X", "the recognition of X" (an act on its "of" object)."""
    code = ctx.dictionaries.nominal_index[view.up[i]].code or ""
    if code[:2] == "17" or code[:3] == "054":
        return SANCTION_PREPS | {"OF"}
    return SANCTION_PREPS if _is_sanction(view, i, ctx) else frozenset({"WITH"})


def _is_sanction(view: DocView, i: int, ctx: DocContext) -> bool:
    form = ctx.dictionaries.nominal_index.get(view.up[i])
    return form is not None and (form.code or "")[:2] in ("16", "17", "13", "11", "12")
