"""Which country a noun phrase names when its words name several (issue #9, unseen news).

- A place or country word inside a person's name written after a title is a word of the
  name, not the place: "Nova Scotia Premier Tim Houston" (CANGOV, not Houston's USA),
  "Nepali home minister Sudan Gurung" (NPLGOV, not SDN).
- An institution Phoenix lists under one country ("SENATE" USAGOVLEG, "DEPARTMENT_OF_JUSTICE"
  USAJUD, "LABOUR_PARTY" GBR) is the institution of the country written beside it: "the
  Philippine Senate" PHL, "Nigeria's Senate" NGA, "the Senate of Pakistan" PAK; an armed
  body's name shared by several countries ("People's Defence Force", Myanmar's in Phoenix)
  takes the country written right before it ("the Uganda People's Defence Force" UGA). A
  person entry of another country under a titled demonym is a namesake: "Colombian defense
  minister Pedro Sánchez" is COLGOV, not Spain's prime minister.
- A region ("African", "European", "Middle East") yields to a state in the same phrase when
  neither holds the head: "the U.S. African Command" USA.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol

from tocsin.actors.codes import STATE_ROLES, country_types
from tocsin.models import Actor, Mention

if TYPE_CHECKING:
    from tocsin.actors.docinfo import DocInfo


class MentionIndex(Protocol):
    """What is read of :class:`tocsin.actors.phrase.MentionIndex` (not imported: a cycle)."""

    by_token: dict[int, Mention]

_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
_PREPOSITIONS = frozenset({"TO", "OF", "FOR", "IN", "AT", "FROM", "ON", "WITH"})


def _is_place(mention: Mention) -> bool:
    actor = mention.actor
    return not mention.is_agent and actor.kind == "country"


def without_name_words(info: DocInfo, index: MentionIndex, actors: list[Mention]) -> list[Mention]:
    """The actor mentions that are not words of a titled person's name (see the module)."""
    if not actors:
        return actors
    kept = [m for m in actors if not (_is_place(m) and _in_titled_name(info, index, m))]
    return kept if len(kept) != len(actors) else actors


def _in_titled_name(info: DocInfo, index: MentionIndex, mention: Mention) -> bool:
    """Whether ``mention`` lies in a run of two or more capitalised words that follows a
    title (an agent mention) and holds a word no dictionary entry covers (the surname)."""
    texts = info.texts
    if not all(texts[k][:1].isupper() for k in range(mention.start, mention.end)):
        return False
    lo, hi = mention.start, mention.end
    while lo > 0 and _name_word(info, index, lo - 1):
        lo -= 1
    while hi < info.n and _name_word(info, index, hi):
        hi += 1
    if hi - lo < 2 or lo == 0 or info.keys[lo - 1] in _PREPOSITIONS:
        return False  # "Ambassador to Israel Mike Huckabee": the title's country
    title = index.by_token.get(lo - 1)
    if title is None or not title.is_agent:
        return False
    last = hi - 1
    if hi < info.n and (_is_agent(index, hi) or (info.heads[last] == hi and info.deps[last] in
                                                  _MODIFIER_DEPS)):
        return False  # "the opposition Strong Armenia party", "Deputy U.S. Defense Press ..."
    return any(index.by_token.get(k) is None for k in range(lo, hi))


def _is_agent(index: MentionIndex, k: int) -> bool:
    found = index.by_token.get(k)
    return found is not None and found.is_agent


def _name_word(info: DocInfo, index: MentionIndex, k: int) -> bool:
    if not info.texts[k][:1].isupper():
        return False
    found = index.by_token.get(k)
    return found is None or not found.is_agent


def foreign_institution(
    info: DocInfo, base: Mention, actors: list[Mention], agents: list[Mention], head_i: int
) -> Mention | None:
    """The country written beside an institution or person entry of another country, coded
    with the entry's role (see the module); None when there is none."""
    actor = base.actor
    code = actor.code
    states, _regions = country_types()
    if base.is_agent or len(code) <= 3 or code[:3] not in states:
        return None
    person = actor.kind == "person"
    role = code[3:6]
    # a body no state owns only takes the country right before it ("the Uganda People's
    # Defence Force", not "Iran's Hezbollah")
    adjacent_only = not person and role not in STATE_ROLES and "PTY" not in code
    titles = _titles_before(base, agents) if person else []
    if person and not titles:
        return None
    if any(m is not base and m.actor.code[:3] == code[:3] for m in actors):
        return None  # the phrase names the entry's own country too
    for other in sorted(actors, key=lambda m: abs(m.end - base.start)):
        if other is base or not _is_place(other) or other.actor.code[:3] == code[:3]:
            continue
        if other.actor.code[:3] not in states:
            continue
        if adjacent_only and other.end != base.start:
            continue
        anchors = titles if person else [*range(base.start, base.end), head_i]
        if _modifies(info, other, anchors):
            return _as_country_of(other, base, titles)
    return None


def _titles_before(base: Mention, agents: list[Mention]) -> list[int]:
    """Tokens of the agent mention (a title) right before a person's name."""
    for agent in agents:
        if agent.end == base.start:
            return list(range(agent.start, agent.end))
    return []


def _modifies(info: DocInfo, other: Mention, anchors: list[int]) -> bool:
    """Whether ``other`` modifies one of the anchor tokens: a modifier of it ("Philippine
    Senate", "Nigeria's Senate") or the object of its "of" ("the Senate of Pakistan")."""
    heads, deps = info.heads, info.deps
    head = other.head if other.head >= 0 else other.end - 1
    dep, parent = deps[head], heads[head]
    if dep in _MODIFIER_DEPS and parent in anchors:
        return True
    return dep == "pobj" and info.keys[parent] == "OF" and heads[parent] in anchors


def _as_country_of(country: Mention, base: Mention, titles: list[int]) -> Mention:
    actor = base.actor
    role = actor.code[3:] if not titles else ""
    code = country.actor.code[:3] + role
    kind = actor.kind if not titles else "country"
    entry = f"{country.actor.entry or country.actor.code} + {actor.entry or actor.code}"
    found = Actor(code, actor.text, actor.span, country.actor.country, actor.role if role else
                  None, kind, entry + " (the entry of another country: this one's)")
    return dataclasses.replace(base, payload=found, code=code, metonym=False)


def states_over_regions(actors: list[Mention], head_mention: Mention | None) -> list[Mention]:
    """Without a head mention, a region yields to a state of the phrase (see the module)."""
    if head_mention is not None and not head_mention.is_agent or len(actors) < 2:
        return actors
    states, regions = country_types()
    codes = [m.actor.code[:3] for m in actors]
    if not any(c in regions for c in codes) or not any(c in states for c in codes):
        return actors
    return [m for m, c in zip(actors, codes, strict=True) if c not in regions]
