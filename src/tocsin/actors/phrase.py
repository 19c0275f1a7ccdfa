"""Combining the mentions inside one noun phrase into an actor code.

"Russian military delegation" → RUS + ~MIL → RUSMIL; "Pakistan's Lt. Gen. Butt"
→ PAK (possessor) + ~MIL (rank) → PAKMIL; "the Foreign Minister of Gondor" →
GON + ~GOV; "Putin" → RUSGOV (a person entry keeps its own code); "Afghan border"
→ None (a place of a country is not an actor).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tocsin.actors.codes import country_names
from tocsin.actors.phrasecountry import foreign_institution, states_over_regions, without_name_words
from tocsin.models import Actor, Mention

if TYPE_CHECKING:
    from tocsin.actors.docinfo import DocInfo

STOP_DEPS = frozenset(
    {
        "conj",
        "cc",
        "appos",
        "relcl",
        "acl",
        "advcl",
        "parataxis",
        "punct",
        "preconj",
        "ccomp",
        "xcomp",
    }
)
PHRASE_PREPS = frozenset({"OF", "FROM"})
# heads that name a place, thing or situation of a country, not an actor ("Afghan border")
PLACE_HEADS = frozenset(
    [
        *[
            "border",
            "borders",
            "soil",
            "territory",
            "territories",
            "airspace",
            "waters",
            "coast",
            "coastline",
        ],
        *[
            "frontier",
            "region",
            "regions",
            "province",
            "provinces",
            "city",
            "cities",
            "town",
            "towns",
        ],
        *[
            "village",
            "villages",
            "capital",
            "mainland",
            "land",
            "lands",
            "island",
            "islands",
            "sea",
            "seas",
        ],
        *[
            "embassy",
            "embassies",
            "consulate",
            "economy",
            "market",
            "markets",
            "currency",
            "oil",
            "gas",
        ],
        *["exports", "imports", "goods", "products", "language"],
        # situations and figures, not actors ("the Syrian war", "the Israeli death toll")
        *[
            "war",
            "wars",
            "conflict",
            "crisis",
            "election",
            "elections",
            "toll",
            "death",
            "deaths",
            "casualties",
        ],
        *["inflation", "budget", "weather", "earthquake", "flood", "floods", "history"],
    ]
)
_MAX_ROLES = 2
_FORMER = frozenset({"FORMER", "EX"})
# person nouns whose plain GOV yields to a more specific role beside them
_GENERIC_NOUNS = frozenset(
    [
        "OFFICIAL",
        "OFFICIALS",
        "LEADER",
        "LEADERS",
        "SPOKESMAN",
        "SPOKESWOMAN",
        "SPOKESPERSON",
        "SPOKESMEN",
        "REPRESENTATIVE",
        "REPRESENTATIVES",
        "SOURCE",
        "SOURCES",
        "AUTHORITIES",
    ]
)
# a rank word beside another role is only the rank ("deputy foreign minister": GOV, not the
# COP Phoenix gives a sheriff's "deputy"; "sheriff's deputies": COP, not LEG)
_RANKS = frozenset({"DEPUTY", "DEPUTIES"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "poss", "ROOT"})
_ACTING_DEPS = _SUBJECT_DEPS | {"dobj"}
ARMED_NONSTATE = frozenset({"REB", "INS", "UAF", "SEP", "CRM", "OPP"})
# prepositions through which an agent-only phrase takes its actor: a place "in" a country
# ("officials in Kabul"), or an organisation it works "at" or speaks "for"
_BORROW_PREPS = frozenset({"IN", "AT", "FOR"})


class MentionIndex:
    """Mentions of one doc, indexed by token and by start (for range queries)."""

    __slots__ = ("by_token", "mentions", "starts")

    def __init__(self, mentions: Sequence[Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self.mentions = ordered
        self.starts = [m.start for m in ordered]
        self.by_token = {k: m for m in ordered for k in range(m.start, m.end)}

    def overlapping(self, lo: int, hi: int) -> list[Mention]:
        """Mentions that intersect tokens ``[lo, hi)``."""
        i = bisect.bisect_left(self.starts, lo)
        if i > 0 and self.mentions[i - 1].end > lo:
            i -= 1
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            out.append(self.mentions[i])
            i += 1
        return out


def phrase_indices(info: DocInfo, head_i: int) -> list[int]:
    """Token indices of the noun phrase headed by ``head_i`` (sorted): its subtree without
    conjuncts, appositions, relative clauses, and prepositions other than of/from."""
    lo, hi = info.subtree_range(head_i)
    if hi - lo == 1:
        return [head_i]
    heads, deps, keys = info.heads, info.deps, info.keys
    out = []
    for k in range(lo, hi):
        node = k
        ok = True
        while node != head_i:
            dep = deps[node]
            parent = heads[node]
            if (
                parent == node
                or dep in STOP_DEPS
                or (dep == "prep" and keys[node] not in PHRASE_PREPS)
            ):
                ok = False
                break
            node = parent
        if ok:
            out.append(k)
    return out


def resolve_phrase(info: DocInfo, head_i: int, index: MentionIndex) -> Actor | None:
    """Resolve the noun phrase headed by ``head_i`` given the doc's mentions."""
    lo, hi = info.subtree_range(head_i)
    if not index.overlapping(lo, hi):
        return None
    indices = phrase_indices(info, head_i)
    mentions = _mentions_in(index, indices, lo, hi)
    if not mentions:
        return None
    head_mention = index.by_token.get(head_i)
    actors = without_name_words(info, index, [m for m in mentions if not m.is_agent])
    agents = [m for m in mentions if m.is_agent]
    if head_mention is not None and not head_mention.is_agent and head_mention not in actors:
        head_mention = None  # "Premier Tim Houston": the head is a word of a name
    base = _base(info, states_over_regions(actors, head_mention), head_mention, head_i)
    if base is not None:
        base = foreign_institution(info, base, actors, agents, head_i) or base
    if base is not None and base is head_mention:
        base = _locality_of(info, head_i, index) or base
    if base is not None and not agents and info.deps[head_i] == "conj":
        agents = _shared_noun_roles(info, head_i, index)
    if base is None and agents:
        base, inherited = _borrowed_base(info, head_i, index, lo, hi)
        agents = inherited + agents
    if base is None:
        return _agents_only(info, indices, agents)
    if head_mention is None and not agents and info.keys[head_i].lower() in PLACE_HEADS:
        return None
    if base.metonym and (not _acts(info, base.head, head_i) or (agents and base.head != head_i)):
        base = _as_place(base)  # a place, or the country of a role ("the Seoul High Court")
    former = any(info.keys[k] in _FORMER for k in indices if k != head_i)
    return _combine(info, indices, base, agents, former)


def _locality_of(info: DocInfo, head_i: int, index: MentionIndex) -> Mention | None:
    """ "Lebanon, Pennsylvania", "Paris, Texas", "Georgia, United States": a place name followed
    by a comma and a place of another country (an apposition, as news writes a town's state or
    country) is a town of that other country, coded as it (``_as_place``). Not in a list of
    countries ("Lebanon, Syria and Iraq": conjuncts)."""
    heads, deps = info.heads, info.deps
    lo, hi = info.subtree_range(head_i)
    own = index.by_token.get(head_i)
    if own is None or len(own.actor.code) < 3:
        return None
    for k in range(own.end + 1, hi):
        if heads[k] != head_i or deps[k] in ("punct", "cc"):
            continue
        if deps[k] != "appos" or info.texts[own.end] != ",":
            return None
        found = index.by_token.get(k)
        if found is None or found.is_agent or found.actor.kind != "country":
            return None
        if found.text.upper() in country_names():  # "Lebanon, Syria": a list of countries
            return None
        if found.actor.code[:3] == own.actor.code[:3] or _has_conjunct(info, k, head_i):
            return None
        return _as_place(found)
    return None


def _has_conjunct(info: DocInfo, *tokens: int) -> bool:
    lo = min(tokens)
    hi = max(info.subtree_range(t)[1] for t in tokens)
    return any(info.deps[k] == "conj" and info.heads[k] in tokens for k in range(lo, hi))


def _mentions_in(index: MentionIndex, indices: list[int], lo: int, hi: int) -> list[Mention]:
    inside = set(indices)
    return [m for m in index.overlapping(lo, hi) if any(k in inside for k in range(m.start, m.end))]


def _borrowed_base(
    info: DocInfo, head_i: int, index: MentionIndex, lo: int, hi: int
) -> tuple[Mention | None, list[Mention]]:
    """A country for an agent-only phrase from its context, as PETRARCH does:
    "officials in Kabul" (a locative "in" on the agent; "at"/"for" an organisation:
    "a prosecutor at the ICC") or "Danish media and government"
    (the second conjunct shares the first one's modifiers: DNKGOV)."""
    heads, deps, keys = info.heads, info.deps, info.keys
    for k in range(head_i + 1, hi):
        if heads[k] == head_i and deps[k] == "prep" and keys[k] in _BORROW_PREPS:
            for obj in range(k + 1, hi):
                if heads[obj] == k and deps[obj] == "pobj":
                    found = _nearest_actor(info, obj, index)
                    if found is not None and (keys[k] == "IN" or _organisation(found)):
                        return found, []
    if deps[head_i] != "conj":
        return None, []
    first = head_i
    for _ in range(8):
        if deps[first] != "conj" or heads[first] == first:
            break
        first = heads[first]
    f_lo, f_hi = info.subtree_range(first)
    mentions = _mentions_in(index, phrase_indices(info, first), f_lo, f_hi)
    own = index.by_token.get(first)
    modifiers = [m for m in mentions if m is not own]
    actors = [m for m in modifiers if not m.is_agent]
    if not actors:
        return None, []
    base = min(actors, key=lambda m: abs(first - m.start))
    return base, [m for m in modifiers if m.is_agent]


def _organisation(mention: Mention) -> bool:
    """Whether a mention names an organisation (an IGO, NGO, group or agency with a role
    of its own), which an agent noun "at"/"for" it belongs to ("a prosecutor at the ICC",
    "a spokesman for the UN"), unlike a country ("protesters at the US embassy")."""
    actor = mention.actor
    return actor.kind in ("igo", "ngo", "group") and len(actor.code) > 3


def _shared_noun_roles(info: DocInfo, head_i: int, index: MentionIndex) -> list[Mention]:
    """ "US and British activists": the second of two coordinated modifiers shares the
    noun's roles (GBROPP), as the first one does through the noun phrase itself."""
    first = head_i
    for _ in range(8):
        if info.deps[first] != "conj" or info.heads[first] == first:
            break
        first = info.heads[first]
    if info.deps[first] not in ("amod", "compound", "nmod") or first == head_i:
        return []
    noun = info.heads[first]
    lo, hi = info.subtree_range(noun)
    mentions = _mentions_in(index, phrase_indices(info, noun), lo, hi)
    return [m for m in mentions if m.is_agent]


def _nearest_actor(info: DocInfo, head_i: int, index: MentionIndex) -> Mention | None:
    lo, hi = info.subtree_range(head_i)
    mentions = _mentions_in(index, phrase_indices(info, head_i), lo, hi)
    actors = [m for m in mentions if not m.is_agent]
    if not actors:
        return None
    return min(actors, key=lambda m: min(abs(head_i - m.start), abs(head_i - (m.end - 1))))


def _acts(info: DocInfo, token: int, head_i: int) -> bool:
    """Whether a capital is used as an agent ("Islamabad said", "Beijing's decision",
    "Moscow and Kyiv agreed") rather than as a place ("a visit to Beijing")."""
    modifier = token != head_i and info.deps[token] in ("compound", "amod", "nmod")
    node = head_i if modifier else token
    acting = _SUBJECT_DEPS if modifier else _ACTING_DEPS  # "the Beijing Olympics" is a place
    for _ in range(4):
        dep = info.deps[node]
        if dep in acting:
            return True
        if dep not in ("conj", "appos") or info.heads[node] == node:
            return False
        node = info.heads[node]
    return False


def _as_place(mention: Mention) -> Mention:
    """A capital used as a place codes as its country: "Beijing" in "went to Beijing" is CHN."""
    actor = mention.actor
    code = actor.code[:3]
    place = Actor(code, actor.text, actor.span, actor.country, None, "country", actor.entry)
    return dataclasses.replace(mention, payload=place, code=code, metonym=False)


def _base(
    info: DocInfo, actors: list[Mention], head_mention: Mention | None, head_i: int
) -> Mention | None:
    """The actor the phrase is about: the one holding the head, else the nearest one.
    A possessor country beats a head that is itself only a bare country code ("Mordor's
    official Minas Tirith", where Minas Tirith is listed under Gondor)."""
    if not actors:
        return None
    if head_mention is not None and not head_mention.is_agent:
        if len(head_mention.actor.code) == 3:
            for m in actors:
                if m is not head_mention and info.deps[m.head] == "poss" and len(m.actor.code) == 3:
                    return m
        return head_mention
    return min(actors, key=lambda m: min(abs(head_i - m.start), abs(head_i - (m.end - 1))))


def _last_word(mention: Mention) -> str:
    words = mention.actor.text.split()
    return words[-1].upper() if words else ""


def roles_of(agents: Sequence[Mention]) -> tuple[list[str], list[str]]:
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
    generic = {_last_word(m) for m in agents} & _GENERIC_NOUNS
    if len(suffix) > 1 and generic and any(r != "GOV" for r in suffix):
        keep = [m.actor.code[3:] for m in agents if _last_word(m) not in _GENERIC_NOUNS]
        suffix = [r for r in suffix if r != "GOV" or r in keep]
    if len(suffix) > 1 and any(r[:3] in ARMED_NONSTATE for r in suffix):
        suffix = [r for r in suffix if r != "MIL"]  # "rebel forces": REB, not REBMIL
    if len(suffix) > 1 and any(m.actor.text.upper() in _RANKS for m in agents):
        others = [m.actor.code[3:] for m in agents if m.actor.text.upper() not in _RANKS]
        suffix = [r for r in suffix if r in others] or suffix
    return suffix[:_MAX_ROLES], prefix[:1]


def _combine(
    info: DocInfo,
    indices: list[int],
    base: Mention,
    agents: list[Mention],
    former: bool = False,
) -> Actor:
    actor = base.actor
    code = actor.code
    fired = [actor.entry or actor.code]
    if former and actor.kind != "person":  # "former officials of Gondor": GONELI
        code = code + "ELI" if len(code) > 3 else code[:3] + "ELI"
    elif len(code) == 3 and actor.kind != "agent":
        suffix, prefix = roles_of(agents)
        code = (prefix[0] if prefix else "") + code + "".join(suffix)
        fired.extend(a.actor.entry or a.actor.code for a in agents)
    start, end, text = _char_span(info, indices)
    role = actor.role
    if len(code) >= 6 and code[:3] == actor.code[:3]:
        role = code[3:6]
    return Actor(code, text, (start, end), actor.country, role, actor.kind, " + ".join(fired))


def _agents_only(info: DocInfo, indices: list[int], agents: list[Mention]) -> Actor | None:
    if not agents:
        return None
    suffix, prefix = roles_of(agents)
    code = (prefix[0] if prefix else "") + "---" + "".join(suffix)
    start, end, text = _char_span(info, indices)
    fired = " + ".join(a.actor.entry or a.actor.code for a in agents)
    role = suffix[0][:3] if suffix else None
    return Actor(code, text, (start, end), None, role, "agent", fired)


def _char_span(info: DocInfo, indices: list[int]) -> tuple[int, int, str]:
    """Char span and text of the phrase, first to last token, without leading determiners
    and trailing possessive markers."""
    first, last = indices[0], indices[-1]
    while first < last and info.deps[first] == "det":
        first += 1
    while last > first and (info.deps[last] == "case" or info.texts[last].isspace()):
        last -= 1
    while first < last and info.texts[first].isspace():
        first += 1
    return info.starts[first], info.ends[last], info.text(first, last + 1)
