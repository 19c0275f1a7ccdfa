"""Simple, rule-based coreference for actors within one article.

One :class:`Coreference` per article. The coder calls :meth:`Coreference.resolve`
for every actor noun phrase in text order, passing what ``resolve_phrase`` found
(an actor, an agent-only actor such as ``---MIL``, or None). It remembers what it
saw and resolves:

* "the delegation", "the Russian delegation" → the last actor whose phrase had the
  same head noun (and the same country, when one is given);
* "the two nations", "both countries", "the two sides" → the last two countries
  mentioned together (a list);
* "it", "they", "he", "she" (subject) and "its", "their", "his" (possessive, also
  inside a phrase: "its forces" → country + MIL) → the latest compatible actor,
  preferring earlier subjects;
* "Lt. Gen. Butt", "Butt" → the earlier full-name mention with that surname;
* "the military", "the ministry" (agent only) → the last actor with that role.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from tocsin.models import Actor

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_NEUTER = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_PRONOUNS = _NEUTER | _PLURAL | _PERSONAL
_PAIR_HEADS = frozenset(
    {
        "nation",
        "country",
        "side",
        "state",
        "government",
        "neighbour",
        "neighbor",
        "party",
        "capital",
        "power",
    }
)
_COLLECTIVE_KINDS = frozenset({"country", "igo", "ngo", "group"})
# head nouns of bodies, not people: "he", "she", "his" never stand for them ("A Russian court
# sentences X ... for what he said": he is X, not the court; "The Department of Homeland
# Security states he attacked ICE": not the department)
_BODY_HEADS = frozenset(
    ["ministry", "department", "government", "administration", "army", "military", "navy"]
    + ["court", "tribunal", "council", "committee", "commission", "agency", "bureau", "office"]
    + ["embassy", "parliament", "senate", "assembly", "cabinet", "party", "authority", "police"]
    + ["authorities", "service", "command", "pentagon", "kremlin", "junta", "regime", "force"]
)


@dataclass(frozen=True)
class _Seen:
    actor: Actor
    sent_index: int
    head_lemma: str
    subject: bool
    names: frozenset[str]  # proper-noun words of the mention ("NAZIR", "AHMED", "BUTT")
    group: int = -1  # first conjunct's token: "Obama and Putin" share one group


class Coreference:
    """Per-article memory of the actors mentioned so far."""

    def __init__(self, max_history: int = 200) -> None:
        self._seen: list[_Seen] = []
        self._max = max_history

    # ------------------------------------------------------------------ API

    def resolve(
        self, doc: Any, head_i: int, actor_or_none: Actor | None, sent_index: int
    ) -> Actor | list[Actor] | None:
        """The actor (or, for "the two nations", the two actors) that the noun phrase headed
        by ``doc[head_i]`` refers to. A full actor passes through (and is remembered),
        refined by an earlier more specific mention with the same head noun."""
        head = doc[head_i]
        actor = actor_or_none
        if actor is not None and actor.country is not None:
            actor = self._refine(head, actor)
            self._remember(doc, head_i, actor, sent_index)
            return actor
        found = self._antecedent(doc, head_i, actor, sent_index)
        if isinstance(found, Actor):
            self._remember(doc, head_i, found, sent_index)
        elif found is None and actor is not None:
            self._remember(doc, head_i, actor, sent_index)
        return found if found is not None else actor

    def observe(self, doc: Any, head_i: int, actor: Actor, sent_index: int) -> None:
        """Remember an actor without resolving anything (e.g. one found by other means)."""
        self._remember(doc, head_i, actor, sent_index)

    # ------------------------------------------------------------------ rules

    def _antecedent(
        self, doc: Any, head_i: int, actor: Actor | None, sent_index: int
    ) -> Actor | list[Actor] | None:
        head = doc[head_i]
        lower = head.lower_
        if lower in _PRONOUNS and head.pos_ == "PRON":
            if lower == "it" and _dummy_it(head):
                return None
            if lower in _PLURAL:
                group = self._last_subject_group(sent_index)
                if len(group) >= 2:  # "Obama and Putin said they ...": both
                    return [_as_mention(a, head, doc, head_i) for a in group]
            return self._pronoun(head, lower, sent_index)
        if _is_pair(head):
            pair = self._last_pair()
            return [_as_mention(a, head, doc, head_i) for a in pair] if pair else None
        if _is_the_country(head):
            return self._last_country(head, sent_index)
        possessor = _possessive_pronoun(head)
        if possessor is not None and actor is not None and actor.kind == "agent":
            if possessor.lower_ in _PRONOUNS:
                owner = self._pronoun(possessor, possessor.lower_, sent_index)
            else:
                owner = self._last_country(possessor, sent_index)
            owner = _as_country(owner)
            if owner is not None:
                return _with_roles(owner, actor, doc, head_i)
        if head.pos_ == "PROPN":
            named = self._by_name(head)
            if named is not None:
                return _as_mention(named, head, doc, head_i)
        return self._by_head_or_role(head, actor, doc, head_i)

    def _pronoun(self, tok: Any, lower: str, sent_index: int) -> Actor | None:
        def ok(seen: _Seen) -> bool:
            kind = seen.actor.kind
            if lower in _PERSONAL:
                if kind != "person" and seen.head_lemma in _BODY_HEADS:
                    return False
                return kind in ("person", "agent") or (
                    seen.actor.role is not None and kind != "igo"
                )
            return kind in _COLLECTIVE_KINDS or (lower in _PLURAL and kind == "agent")

        recent = [s for s in self._seen if s.sent_index >= sent_index - 2 and s.actor.country]
        for pool in ([s for s in recent if s.subject], recent):
            for seen in reversed(pool):
                if ok(seen):
                    return _as_mention(seen.actor, tok, tok.doc, tok.i)
        return None

    def _last_subject_group(self, sent_index: int) -> list[Actor]:
        """The actors of the latest (compound) subject in this or the previous sentence."""
        for seen in reversed(self._seen):
            if seen.sent_index < sent_index - 1:
                break
            if seen.subject and seen.actor.country:
                same = [
                    s.actor
                    for s in self._seen
                    if s.subject and s.sent_index == seen.sent_index and s.group == seen.group
                ]
                unique = {a.code: a for a in same}
                return list(unique.values())
        return []

    def _last_country(self, tok: Any, sent_index: int) -> Actor | None:
        """The latest country mentioned ("the country", "the nation"), preferring subjects;
        else the country of the latest subject that is a body or leader of a state
        ("Uganda's army chief says the country is ready to ..." → UGA)."""
        recent = [s for s in self._seen if s.sent_index >= sent_index - 3]
        subjects = [s for s in recent if s.subject]
        for pool in (subjects, recent):
            for seen in reversed(pool):
                if (
                    seen.actor.kind == "country"
                    and seen.actor.country
                    and len(seen.actor.code) == 3
                ):
                    return _as_mention(seen.actor, tok, tok.doc, tok.i)
        for seen in reversed(subjects):
            owner = _as_country(seen.actor)
            if owner is not None:
                return _as_mention(owner, tok, tok.doc, tok.i)
        return None

    def _last_pair(self) -> list[Actor] | None:
        by_sentence: dict[int, list[Actor]] = {}
        for seen in self._seen:
            if seen.actor.kind == "country" and seen.actor.country:
                group = by_sentence.setdefault(seen.sent_index, [])
                if all(a.country != seen.actor.country for a in group):
                    group.append(seen.actor)
        for index in sorted(by_sentence, reverse=True):
            if len(by_sentence[index]) >= 2:
                return by_sentence[index][-2:]
        countries: list[Actor] = []
        for seen in reversed(self._seen):
            if seen.actor.kind == "country" and all(
                a.country != seen.actor.country for a in countries
            ):
                countries.append(seen.actor)
            if len(countries) == 2:
                return countries[::-1]
        return None

    def _by_name(self, head: Any) -> Actor | None:
        key = head.text.upper()
        for seen in reversed(self._seen):
            if key in seen.names:
                return seen.actor
        return None

    def _by_head_or_role(
        self, head: Any, actor: Actor | None, doc: Any, head_i: int
    ) -> Actor | None:
        lemma = head.lemma_.lower()
        for seen in reversed(self._seen):
            if seen.head_lemma == lemma and seen.actor.country and _has_definite(head):
                return _as_mention(seen.actor, head, doc, head_i)
        if actor is not None and actor.kind == "agent" and actor.role and _has_definite(head):
            for seen in reversed(self._seen):
                if (
                    seen.actor.country
                    and seen.actor.role == actor.role
                    and seen.actor.kind != "agent"
                ):
                    return _as_mention(seen.actor, head, doc, head_i)
        return None

    def _refine(self, head: Any, actor: Actor) -> Actor:
        """Refine a bare country: "the Russian delegation" after "a Russian military
        delegation" is RUSMIL, not RUS."""
        if len(actor.code) != 3:
            return actor
        lemma = head.lemma_.lower()
        for seen in reversed(self._seen):
            prior = seen.actor
            if seen.head_lemma == lemma and prior.country == actor.country and len(prior.code) > 3:
                return dataclasses.replace(
                    actor, code=prior.code, role=prior.role, entry=_coref_entry(prior, actor)
                )
        return actor

    def _remember(self, doc: Any, head_i: int, actor: Actor, sent_index: int) -> None:
        head = doc[head_i]
        names = _name_words(doc, head_i) if head.pos_ == "PROPN" else frozenset()
        first = head
        for _ in range(8):  # "Obama and Putin": Putin is a subject through its conjunct
            if first.dep_ != "conj" or first.head.i == first.i:
                break
            first = first.head
        subject = first.dep_ in _SUBJECT_DEPS
        seen = _Seen(actor, sent_index, head.lemma_.lower(), subject, names, first.i)
        self._seen.append(seen)
        if len(self._seen) > self._max:
            del self._seen[: len(self._seen) - self._max]


def _name_words(doc: Any, head_i: int) -> frozenset[str]:
    head = doc[head_i]
    words = {t.text.upper() for t in head.lefts if t.pos_ == "PROPN" and t.dep_ == "compound"}
    words.add(head.text.upper())
    return frozenset(words)


_DUMMY_VERBS = frozenset(
    [
        "be",
        "seem",
        "appear",
        "believe",
        "say",
        "report",
        "think",
        "expect",
        "know",
        "understand",
        "rain",
        "snow",
        "take",
        "remain",
        "become",
        "matter",
        "happen",
    ]
)


def _dummy_it(tok: Any) -> bool:
    """Whether "it" refers to nothing: "It is believed that ...", "it seems", "it rained"."""
    if tok.dep_ == "expl":
        return True
    verb = tok.head
    if verb.lemma_.lower() in _DUMMY_VERBS and tok.dep_ in ("nsubj", "nsubjpass"):
        return verb.lemma_.lower() != "say" or any(c.dep_ == "ccomp" for c in verb.children)
    return False


def _is_pair(head: Any) -> bool:
    if head.lemma_.lower() not in _PAIR_HEADS or head.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.lower_ in ("two", "both") for c in head.children)


def _has_definite(head: Any) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
        for c in head.children
    )


def _possessive_pronoun(head: Any) -> Any | None:
    """The possessor of ``head`` if it is a pronoun ("its forces") or "the country"."""
    for child in head.children:
        if child.dep_ == "poss" and (child.lower_ in _PRONOUNS or _is_the_country(child)):
            return child
    return None


_COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})


def _is_the_country(tok: Any) -> bool:
    """Whether ``tok`` is "the country" / "the nation" (singular, definite)."""
    return (
        tok.lemma_.lower() in _COUNTRY_NOUNS
        and tok.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def _as_country(owner: Actor | list[Actor] | None) -> Actor | None:
    """The country of a possessive pronoun's antecedent: "Russia" or a body of its state
    ("the Russian army said its forces ...", "Russia's Defence Ministry ... its forces":
    RUS, to which the possessed noun adds its own role, RUSMIL; "Putin ... his forces")."""
    if not isinstance(owner, Actor) or not owner.country:
        return None
    if len(owner.code) == 3:
        return owner
    if owner.kind in ("country", "person") and owner.code[:3] == owner.country:
        return dataclasses.replace(owner, code=owner.country, role=None)
    return None


def _with_roles(owner: Actor, agent: Actor, doc: Any, head_i: int) -> Actor:
    roles = agent.code.replace("-", "")
    mention = _as_mention(owner, doc[head_i], doc, head_i)
    return dataclasses.replace(mention, code=owner.code + roles, role=roles[:3] or None)


def _as_mention(actor: Actor, head: Any, doc: Any, head_i: int) -> Actor:
    """``actor`` re-anchored on the current mention (its text and span), with the why."""
    tok = doc[head_i]
    start, end = tok.idx, tok.idx + len(tok.text)
    left = head_i
    for child in tok.lefts:
        if child.dep_ not in ("punct", "cc", "det"):
            left = min(left, child.left_edge.i)
            break
    span = doc[left : head_i + 1]
    start, end, text = span.start_char, span.end_char, span.text
    return Actor(
        actor.code,
        text,
        (start, end),
        actor.country,
        actor.role,
        actor.kind,
        _coref_entry(actor, None),
    )


def _coref_entry(prior: Actor, _current: Actor | None) -> str:
    return f"coref: {prior.text!r} -> {prior.code} [{prior.entry or ''}]"
