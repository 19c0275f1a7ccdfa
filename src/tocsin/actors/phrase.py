"""Combining the mentions inside one noun phrase into an actor code.

"Russian military delegation" → RUS + ~MIL → RUSMIL; "Pakistan's Lt. Gen. Butt"
→ PAK (possessor) + ~MIL (rank) → PAKMIL; "the Foreign Minister of Gondor" →
GON + ~GOV; "Putin" → RUSGOV (a person entry keeps its own code); "Afghan border"
→ None (a place of a country is not an actor).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from tocsin.models import Actor

if TYPE_CHECKING:
    from tocsin.actors.resolver import ActorMention

_STOP_DEPS = frozenset(
    {"conj", "cc", "appos", "relcl", "acl", "advcl", "parataxis", "punct", "preconj", "ccomp", "xcomp"}
)
_PHRASE_PREPS = frozenset({"of", "from"})
_MAX_ROLES = 2


def phrase_indices(doc: Any, head_i: int) -> list[int]:
    """Token indices of the noun phrase headed by ``head_i`` (sorted): its subtree without
    conjuncts, appositions, relative clauses, and prepositions other than of/from."""
    keep = [head_i]
    stack = [doc[head_i]]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            dep = child.dep_
            if dep in _STOP_DEPS:
                continue
            if dep == "prep" and child.lower_ not in _PHRASE_PREPS:
                continue
            keep.append(child.i)
            stack.append(child)
    keep.sort()
    return keep


def resolve_phrase(
    doc: Any, head_i: int, date: dt.date | None, by_token: dict[int, "ActorMention"]
) -> Actor | None:
    """Resolve the noun phrase headed by ``head_i`` given mentions indexed by token."""
    from tocsin.actors.resolver import PLACE_HEADS

    indices = phrase_indices(doc, head_i)
    mentions = _mentions_in(indices, by_token)
    if not mentions:
        return None
    head_mention = by_token.get(head_i)
    actors = [m for m in mentions if not m.is_agent]
    agents = [m for m in mentions if m.is_agent]
    base = _base(actors, head_mention, head_i)
    if base is None:
        return _agents_only(doc, indices, agents)
    if head_mention is None and not agents and doc[head_i].lower_ in PLACE_HEADS:
        return None
    return _combine(doc, indices, base, agents)


def _mentions_in(indices: list[int], by_token: dict[int, "ActorMention"]) -> list["ActorMention"]:
    seen: dict[int, "ActorMention"] = {}
    for i in indices:
        mention = by_token.get(i)
        if mention is not None:
            seen.setdefault(mention.start, mention)
    return [seen[k] for k in sorted(seen)]


def _base(actors: list["ActorMention"], head_mention: "ActorMention | None", head_i: int) -> "ActorMention | None":
    """The actor the phrase is about: the one holding the head, else the nearest one."""
    if not actors:
        return None
    if head_mention is not None and not head_mention.is_agent:
        return head_mention
    return min(actors, key=lambda m: min(abs(head_i - m.start), abs(head_i - (m.end - 1))))


def _roles(agents: list["ActorMention"]) -> tuple[list[str], list[str]]:
    """(suffix roles, prefix codes) of the agents, in text order, deduplicated; a plain
    GOV (from "officials", "spokesman") yields when a more specific role is present."""
    suffix: list[str] = []
    prefix: list[str] = []
    for mention in agents:
        code = mention.actor.code
        if code.endswith("---"):
            prefix.append(code[:-3])
        elif code[3:] and code[3:] not in suffix:
            suffix.append(code[3:])
    if len(suffix) > 1 and any(r != "GOV" for r in suffix):
        suffix = [r for r in suffix if r != "GOV"]
    return suffix[:_MAX_ROLES], prefix[:1]


def _combine(doc: Any, indices: list[int], base: "ActorMention", agents: list["ActorMention"]) -> Actor:
    actor = base.actor
    code = actor.code
    suffix, prefix = _roles(agents)
    fired = [actor.entry or actor.code]
    if len(code) == 3 and actor.kind in ("country", "group", "igo", "ngo", "person"):
        if suffix:
            code = code + "".join(suffix)
        if prefix:
            code = prefix[0] + code
        fired.extend(a.actor.entry or a.actor.code for a in agents)
    start, end = _char_span(doc, indices)
    role = code[3:6] if len(code) >= 6 else actor.role
    if code.startswith(("IGO", "NGO")) and not actor.code.startswith(("IGO", "NGO")):
        role = actor.role
    return Actor(code, doc.text[start:end], (start, end), actor.country, role, actor.kind, " + ".join(fired))


def _agents_only(doc: Any, indices: list[int], agents: list["ActorMention"]) -> Actor | None:
    if not agents:
        return None
    suffix, prefix = _roles(agents)
    code = (prefix[0] if prefix else "") + "---" + "".join(suffix)
    start, end = _char_span(doc, indices)
    fired = " + ".join(a.actor.entry or a.actor.code for a in agents)
    return Actor(code, doc.text[start:end], (start, end), None, suffix[0][:3] if suffix else None, "agent", fired)


def _char_span(doc: Any, indices: list[int]) -> tuple[int, int]:
    """Char span of the phrase, from its first to its last token, leading determiners dropped."""
    first = indices[0]
    while first < indices[-1] and doc[first].dep_ == "det":
        first += 1
    last = doc[indices[-1]]
    return doc[first].idx, last.idx + len(last.text)
