"""A toponym in a parsed document: the finder's working record, and the token tests that
the finder and the qualifier scans share ("St." before a name, a type word around it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tocsin.geo.gazetteer import Entry, Place
from tocsin.geo.normalize import normalize
from tocsin.geo.words import DIVISION_WORDS, NAME_ABBREVIATIONS, SETTLEMENT_WORDS, TYPE_WORDS
from tocsin.models import Mention

DIVISION_KINDS = {"adm1", "adm2", "region"}
QUALIFIER_KINDS = {"adm1", "adm2", "country"}


@dataclass
class Toponym:
    """A place name in a doc: token range, candidates, what the text says, the resolution."""

    start: int
    end: int  # exclusive token index
    text: str
    char_span: tuple[int, int]
    entries: list[Entry]
    source: str  # "ent:GPE", "gazetteer", "demonym", "dateline", "qualified"
    type_hint: str | None = None  # "division" ("the state of X", "X province") | "settlement"
    qualifier: Toponym | None = None
    qualifies: Toponym | None = None
    place: Place | None = None
    score: float = 0.0
    margin: float = 0.0
    scores: list[tuple[Place, float]] = field(default_factory=list)

    @property
    def type_word(self) -> bool:
        return self.type_hint == "division"


def to_mention(t: Toponym, doc: Any = None) -> Mention:
    """The shared ``models.Mention`` of a resolved toponym: kind "place", ``label`` what found
    it, ``code`` the CAMEO country of its reading, ``payload`` the gazetteer ``Place`` (None
    when unresolved); ``head`` the span's syntactic root when the doc is given."""
    root = doc[t.start : t.end].root.i if doc is not None and t.end > t.start else -1
    return Mention(
        start=t.start,
        end=t.end,
        text=t.text,
        char_span=t.char_span,
        kind="place",
        head=root,
        label=t.source,
        code=(t.place.cameo or None) if t.place is not None else None,
        payload=t.place,
    )


def take(m: Toponym, taken: list[bool], out: list[Toponym]) -> None:
    if any(taken[m.start : m.end]):
        return
    for i in range(m.start, m.end):
        taken[i] = True
    out.append(m)


def span_key(doc: Any, start: int, end: int) -> str:
    return normalize(doc[start:end].text)


def toponym_at(doc: Any, i: int, j: int, entries: list[Entry], source: str) -> Toponym:
    span = doc[i:j]
    return Toponym(i, j, span.text, (span.start_char, span.end_char), entries, source,
                   type_hint_at(doc, i, j))


def type_hint_at(doc: Any, i: int, j: int) -> str | None:
    """What kind of place the words around a name say it is: "Donetsk region", "the state of
    Washington", "the town of Bradford"."""
    if j < len(doc) and doc[j].lower_ in TYPE_WORDS:
        return "division"
    if i >= 2 and doc[i - 1].lower_ == "of":
        word = doc[i - 2].lower_
        if word in DIVISION_WORDS:
            return "division"
        if word in SETTLEMENT_WORDS:
            return "settlement"
    return None


def name_start(doc: Any, i: int) -> bool:
    """A capitalised word, or an abbreviated first word before one ("St. Paul", "FT. WORTH")."""
    tok = doc[i]
    if after_abbreviation(doc, i):
        return True
    return tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1))


def after_abbreviation(doc: Any, i: int) -> int:
    """The index of the capitalised word after an abbreviated name word at i ("St." or "ST"
    "." before "PAUL"), else 0."""
    tok = doc[i]
    if tok.lower_ not in NAME_ABBREVIATIONS or not tok.text[:1].isupper():
        return 0
    j = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "." else i + 1
    return j if j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha else 0


def contains(outer: Place, inner: Place) -> bool:
    """Whether a country/division/region could contain another place (not itself)."""
    if outer is inner or not outer.cc or outer.cc != inner.cc:
        return False
    if outer.kind == "country":
        return True
    return bool(outer.adm1) and outer.adm1 == inner.adm1 and inner.kind != "adm1"
