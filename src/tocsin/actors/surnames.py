"""A person named in full once and then by surname alone ("John Bolton ... Bolton said").

News names a person in full at the first mention and by the surname after it. The
dictionaries list full names ("JOHN_BOLTON"), so the later "Bolton" matches nothing and
the sentence loses its actor. :func:`surname_mentions` adds, after a full-name mention of a
dictionary person, a mention of the same actor for each later token that is that surname
alone ("Bolton", "Mr. Bolton", "Bolton's"): a proper noun not inside a longer name or
another mention. A surname shared by two different people of the text is left alone.
:func:`titled_people` gives the full names of people the dictionaries do not list but the
text names after a title ("Ugandan opposition leader Robert Kyagulanyi": UGAOPP), so that
their surnames count too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from tocsin.models import Actor, Mention

# Honorifics that may stand before a bare surname (a title such as "President" is an agent
# mention of its own and needs no entry here).
_HONORIFICS = frozenset({"MR", "MRS", "MS", "DR", "MR.", "MRS.", "MS.", "DR."})
# entity labels under which the surname is a place, date or work ("Jackson, Mississippi");
# the small model's NER often calls a lone surname ORG, so ORG does not stop it
_NOT_NAME_ENTS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}
)


def _surname_key(mention: Mention, texts: Sequence[str], keys: Sequence[str]) -> str | None:
    """The key of a full-name person mention's last word ("BOLTON"), else None."""
    actor = mention.payload
    if actor is None or getattr(actor, "kind", None) != "person" or mention.end - mention.start < 2:
        return None
    last = texts[mention.end - 1]
    if len(last) < 3 or not last[0].isupper() or not last.replace("-", "").isalpha():
        return None
    return keys[mention.end - 1]


def _alone(doc: Any, i: int, covered: set[int]) -> bool:
    """Whether token ``i`` is a proper noun standing alone (not part of a longer name)."""
    tok = doc[i]
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NOT_NAME_ENTS:
        return False
    if i > 0:
        prev = doc[i - 1]
        if prev.pos_ == "PROPN" and (i - 1) not in covered and prev.text.upper() not in _HONORIFICS:
            return False
    if i + 1 < len(doc):
        nxt = doc[i + 1]
        if nxt.pos_ == "PROPN" and nxt.tag_ != "POS":
            return False
    return True


def titled_people(
    doc: Any, mentions: Sequence[Mention], resolve: Callable[[int], Actor | None]
) -> list[Mention]:
    """People the dictionaries do not list, named after a title that gives their actor
    ("Guyana Defence Force brigadier general Omar Khan": GUYMIL), as person mentions of the
    full name for :func:`surname_mentions` (they are not mentions of the text: the title's
    phrase already codes the full name)."""
    covered = {t for m in mentions for t in range(m.start, m.end)}
    out: list[Mention] = []
    for m in mentions:
        if not m.is_agent:
            continue
        end = m.end
        while end < len(doc) and end not in covered and doc[end].pos_ == "PROPN":
            end += 1
        if end - m.end < 2:
            continue
        actor = resolve(end - 1)
        if actor is None or not actor.country or actor.code.startswith("---"):
            continue
        span = doc[m.end : end]
        person = Actor(
            actor.code,
            span.text,
            (span.start_char, span.end_char),
            actor.country,
            actor.role,
            "person",
            f"titled: {actor.entry}",
        )
        out.append(
            Mention(
                m.end,
                end,
                span.text,
                person.span,
                "actor",
                end - 1,
                label=person.entry or "",
                code=actor.code,
                payload=person,
            )
        )
    return out


def surname_mentions(
    doc: Any,
    texts: Sequence[str],
    keys: Sequence[str],
    mentions: Sequence[Mention],
    start: int = 0,
    stop: int | None = None,
    titled: Sequence[Mention] = (),
) -> list[Mention]:
    """Mentions of people by surname alone after their full-name mention (a dictionary
    person's, or one of ``titled``)."""
    first: dict[str, Mention] = {}
    ambiguous: set[str] = set()
    for m in [*mentions, *titled]:
        key = _surname_key(m, texts, keys)
        if key is None:
            continue
        seen = first.get(key)
        if seen is not None and seen.code != m.code:
            ambiguous.add(key)
        elif seen is None:
            first[key] = m
    for key in ambiguous:
        del first[key]
    if not first:
        return []
    stop = len(keys) if stop is None else stop
    candidates = [i for i, key in enumerate(keys[start:stop], start) if key in first]
    if not candidates:
        return []
    covered = {t for m in [*mentions, *titled] for t in range(m.start, m.end)}
    out: list[Mention] = []
    for i in candidates:
        m = first[keys[i]]
        if i < m.end or i in covered or not _alone(doc, i, covered):
            continue
        out.append(_copy(m, i, texts[i], doc))
    return out


def _copy(m: Mention, i: int, text: str, doc: Any) -> Mention:
    tok = doc[i]
    span = (tok.idx, tok.idx + len(tok.text))
    label = f"surname of {m.text!r} [{m.label}]"
    actor = dataclasses.replace(m.payload, text=text, span=span, entry=label)
    return dataclasses.replace(
        m, start=i, end=i + 1, text=text, char_span=span, head=i, label=label, payload=actor
    )
