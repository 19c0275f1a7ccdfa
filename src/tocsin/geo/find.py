"""Toponym finding in a parsed document.

Sources, in order (a token belongs to one toponym at most):

1. spaCy GPE/LOC/FAC entities, matched against the gazetteer (longest name first);
2. a dateline at the start of the text, ALL CAPS or not ("ST. PAUL, Minn. --", "KYIV (Reuters) -");
3. gazetteer matches of capitalised token runs (spaCy's small model often labels districts
   PERSON or ORG: "North Waziristan"); runs keep abbreviated first words ("St.", "Ft.", "Mt.");
4. demonyms before a geographic noun ("the Afghan border");
5. "X, Y" where Y is a division or a press abbreviation ("Caddo, Okla."): Y is found, and X too
   even when the gazetteer lacks it (it is then read as a place inside Y).

What the text says about each toponym is kept for the resolver: its qualifier ("X, Y", "Y's X"),
and a type word before ("the state of Washington") or after ("Donetsk region").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from tocsin.geo.gazetteer import Entry, Gazetteer, Place
from tocsin.geo.normalize import normalize
from tocsin.geo.words import (
    CONTEXT_WORDS,
    DATELINE_DASHES,
    DIVISION_WORDS,
    FEATURE_WORDS,
    GEO_NOUNS,
    MAX_TOKENS,
    NAME_ABBREVIATIONS,
    NON_PLACE_LABELS,
    OTHER_NAME_LABELS,
    PERSON_OR_WORD,
    PLACE_LABELS,
    SETTLEMENT_WORDS,
    STOP_WORDS,
    TYPE_WORDS,
)
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


def to_mention(t: Toponym, sentence: int | None = None) -> Mention:
    """The shared ``models.Mention`` of a resolved toponym: kind "place", ``label`` what found
    it, ``code`` the CAMEO country of its reading, ``payload`` the gazetteer ``Place``."""
    root = -1 if t.end <= t.start else t.end - 1
    return Mention(
        start=t.start,
        end=t.end,
        text=t.text,
        char_span=t.char_span,
        kind="place",
        head=root,
        sentence=sentence,
        label=t.source,
        code=(t.place.cameo or None) if t.place is not None else None,
        payload=t.place,
    )


def find_toponyms(doc: Any, gaz: Gazetteer) -> tuple[list[Toponym], Toponym | None]:
    """All non-overlapping toponyms in document order, qualifiers linked; and the dateline's."""
    taken = [False] * len(doc)
    found: list[Toponym] = []
    ent_label = _ent_labels(doc)
    dateline = _scan_dateline(doc, gaz, taken, found)
    _scan_abbreviations(doc, gaz, taken, found)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            for m in _match_span(doc, gaz, ent.start, ent.end, f"ent:{ent.label_}", strict=False):
                _take(m, taken, found)
    _scan_capitalised(doc, gaz, taken, found, ent_label)
    _scan_demonyms(doc, gaz, taken, found)
    _scan_qualified(doc, gaz, taken, found)
    found.sort(key=lambda m: m.start)
    _link_qualifiers(doc, found)
    return found, dateline


def _ent_labels(doc: Any) -> list[tuple[str, int, int] | None]:
    labels: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            labels[i] = (ent.label_, ent.start, ent.end)
    return labels


def _take(m: Toponym, taken: list[bool], out: list[Toponym]) -> None:
    if any(taken[m.start : m.end]):
        return
    for i in range(m.start, m.end):
        taken[i] = True
    out.append(m)


def _key(doc: Any, start: int, end: int) -> str:
    return normalize(doc[start:end].text)


def _match_span(
    doc: Any, gaz: Gazetteer, start: int, end: int, source: str, strict: bool
) -> list[Toponym]:
    """Longest gazetteer matches inside [start, end) (an entity: all of it, else its parts)."""
    if doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    end = _hyphen_end(doc, gaz, start, end)
    if end - start > 1 and FEATURE_WORDS & {doc[start].lower_, doc[end - 1].lower_}:
        entries = [e for e in gaz.lookup_key(_key(doc, start, end)) if e.how in {"name", "alt"}]
        return [_mention(doc, start, end, entries, source)] if entries else []
    out: list[Toponym] = []
    i = start
    while i < end:
        for j in range(min(end, i + MAX_TOKENS), i, -1):
            key = _key(doc, i, j)
            guarded = strict or (i, j) != (start, end)
            if (guarded or j - i == 1) and (key in STOP_WORDS or key in TYPE_WORDS):
                continue
            if guarded and key in PERSON_OR_WORD:
                continue
            entries = [e for e in gaz.lookup_key(key) if e.how in {"name", "alt"}]
            if guarded:
                entries = _trusted(entries, single=j - i == 1)
            if entries and (not strict or j - i > 1 or _single_ok(doc[i], entries)):
                out.append(_mention(doc, i, j, entries, source))
                i = j
                break
        else:
            i += 1
    return out


def _hyphen_end(doc: Any, gaz: Gazetteer, start: int, end: int) -> int:
    """Extend a span over a hyphenated continuation the gazetteer knows ("Guinea" + "-Bissau")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].text[:1].isupper()
        and gaz.has_key(_key(doc, start, end + 2))
    ):
        end += 2
    return end


def _trusted(entries: list[Entry], *, single: bool) -> list[Entry]:
    """Readings trusted outside a whole place entity. Variant names from GeoNames and ISO
    (airport codes 'SEA', translations 'Airport', 'Palace', historical 'Africa' for Mahdia)
    match ordinary words; primary names, curated names and country aliases do not."""
    if single:
        return [
            e for e in entries if e.how == "name" or e.place.curated or e.place.kind == "country"
        ]
    return [e for e in entries if e.how == "name" or e.place.kind != "city" or e.place.curated]


def _single_ok(tok: Any, entries: list[Entry]) -> bool:
    """A one-word gazetteer match outside a place entity: a proper noun, not a common word."""
    if (
        tok.lower_ in STOP_WORDS
        or tok.lower_ in PERSON_OR_WORD
        or tok.is_stop
        or tok.pos_ not in {"PROPN"}
    ):
        return False
    if tok.is_sent_start:
        return any(e.place.kind != "city" for e in entries)
    if all(e.place.kind == "city" and e.place.pop < TOWN_POP and not e.place.curated
           for e in entries):
        return _placed(tok)  # "Johnson said": a surname that is also a village somewhere
    return True


TOWN_POP = 15_000  # smaller places need the text to say they are places when spaCy does not


def _placed(tok: Any) -> bool:
    """Whether the words around a name say it is a place: a locative word before it ("in
    Caddo"), or a comma and a capitalised qualifier after it ("Caddo, Okla.")."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = doc[tok.i + 1 : tok.i + 3]
    qualified = len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper()
    return before in CONTEXT_WORDS or qualified


def _mention(doc: Any, i: int, j: int, entries: list[Entry], source: str) -> Toponym:
    span = doc[i:j]
    return Toponym(i, j, span.text, (span.start_char, span.end_char), entries, source,
                   _type_hint(doc, i, j))


def _type_hint(doc: Any, i: int, j: int) -> str | None:
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


def _scan_capitalised(
    doc: Any,
    gaz: Gazetteer,
    taken: list[bool],
    out: list[Toponym],
    ent_label: list[tuple[str, int, int] | None],
) -> None:
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not _name_start(doc, i):
            i += 1
            continue
        label = ent_label[i]
        if label and label[0] in NON_PLACE_LABELS:
            i += 1
            continue
        j = _run_end(doc, i, taken)
        found = _match_span(doc, gaz, i, j, "gazetteer", strict=True)
        for m in found:
            if _accept_in_entity(m, doc, ent_label, taken):
                _take(m, taken, out)
        i = j


def _name_start(doc: Any, i: int) -> bool:
    """A capitalised word, or an abbreviated first word before one ("St. Paul", "FT. WORTH")."""
    tok = doc[i]
    if _after_abbreviation(doc, i):
        return True
    return tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1))


def _after_abbreviation(doc: Any, i: int) -> int:
    """The index of the capitalised word after an abbreviated name word at i ("St." or "ST"
    "." before "PAUL"), else 0."""
    tok = doc[i]
    if tok.lower_ not in NAME_ABBREVIATIONS or not tok.text[:1].isupper():
        return 0
    j = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "." else i + 1
    return j if j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha else 0


def _run_end(doc: Any, i: int, taken: list[bool]) -> int:
    """End of a run of capitalised tokens (allowing inner hyphens and 'of', 'and', 'al')."""
    j = i + 1
    while j < len(doc) and j - i < MAX_TOKENS and not taken[j]:
        t = doc[j]
        if t.is_title or (t.is_upper and t.is_alpha) or t.text in {"-", "of", "and", "al", "el"}:
            j += 1
        elif _after_abbreviation(doc, j):
            j = _after_abbreviation(doc, j)  # "Fort St. John"
        elif t.text == "." and j > i and _after_abbreviation(doc, j - 1):
            j += 1  # "ST" "." "PAUL"
        else:
            break
    while j > i + 1 and (not doc[j - 1].is_alpha or doc[j - 1].lower_ in {"of", "and"}):
        j -= 1
    return j


def _accept_in_entity(
    m: Toponym, doc: Any, ent_label: list[tuple[str, int, int] | None], taken: list[bool]
) -> bool:
    """A match inside a PERSON/ORG/NORP/... entity (spaCy's small model calls 'North
    Waziristan' PERSON, 'Punjab' NORP, 'Quetta' ORG): accepted when it is the whole entity and
    a notable place or in a place context, when it runs past the entity ('Kursk' PRODUCT +
    'Oblast'), when a locative word precedes it ('city of Goma', 'Mayor of Kyiv'), or when a
    country or state name leads an organisation's ('U.S. Centers for Disease Control')."""
    label = ent_label[m.start]
    if label is None or label[0] in PLACE_LABELS:
        return True
    if label[0] not in OTHER_NAME_LABELS:
        return False
    prev = doc[m.start - 1].lower_ if m.start > 0 else ""
    if prev == "," and m.start > 1 and taken[m.start - 2]:
        return True  # "Al-Bab, Aleppo Governorate": the qualifier of an accepted place
    nxt = doc[m.end].text if m.end < len(doc) else ""
    if m.end > label[2] or prev in CONTEXT_WORDS:
        return True
    leading = m.start <= label[1] + 1
    if leading and label[0] == "ORG" and any(
        e.how == "name" and e.place.kind in {"country", "adm1"} for e in m.entries
    ):
        return True  # "U.S. Centers for Disease Control", "NSW Health": a place all the same
    whole = leading and m.end == label[2]
    notable = any(
        e.place.kind != "city" or e.place.curated or e.place.pop >= 100_000 for e in m.entries
    )
    qualified = nxt == "," and m.end + 1 < len(doc) and doc[m.end + 1].text[:1].isupper()
    return whole and (notable or qualified)


def _scan_demonyms(doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Toponym]) -> None:
    """'the Afghan border', 'Syrian territory': the demonym names its country as a place."""
    for i, tok in enumerate(doc[:-1]):
        if taken[i] or not tok.is_title:
            continue
        nxt = doc[i + 1]
        if nxt.lower_ not in GEO_NOUNS:
            continue
        entries = [e for e in gaz.lookup_key(normalize(tok.text)) if e.how == "demonym"]
        if entries:
            m = _mention(doc, i, i + 1, entries, "demonym")
            _take(m, taken, out)


def _link_qualifiers(doc: Any, mentions: list[Toponym]) -> None:
    """'Miranshah, North Waziristan' and "Pakistan's North Waziristan": link the qualifier;
    a qualifier that is a division or country brings in its own reading for a name that has
    no candidate inside it ("a Bradford, Ontario court")."""
    for a, b in itertools.pairwise(mentions):
        between = doc[a.end : b.start]
        if len(between) == 1 and between[0].text == ",":
            a.qualifier, b.qualifies = b, a
            if not in_list(doc, a.start, b.end):
                bring_in(a, b)
        elif len(between) == 1 and between[0].tag_ == "POS":
            b.qualifier, a.qualifies = a, b


def _containers(q: Toponym) -> list[Place]:
    return [e.place for e in q.entries if e.place.kind in DIVISION_KINDS | {"country"}]


def bring_in(m: Toponym, q: Toponym) -> None:
    """Add 'somewhere in Q' readings to M when none of M's candidates lies inside Q's
    divisions and M is not itself a country or state name (lists: "France, Germany")."""
    outer = _containers(q)
    if not outer or any(e.place.kind in {"adm1", "country"} for e in m.entries):
        return
    if any(contains(o, e.place) for o in outer for e in m.entries):
        return
    m.entries = [*m.entries, *(Entry(o, "within") for o in outer)]


def contains(outer: Place, inner: Place) -> bool:
    """Whether a country/division/region could contain another place (not itself)."""
    if outer is inner or not outer.cc or outer.cc != inner.cc:
        return False
    if outer.kind == "country":
        return True
    return bool(outer.adm1) and outer.adm1 == inner.adm1 and inner.kind != "adm1"


def _qualifier_entries(gaz: Gazetteer, doc: Any, i: int, j: int) -> list[Entry]:
    """Divisions and countries named (or abbreviated: "Okla.", "W.Va.", "TX") by doc[i:j]."""
    text = doc[i:j].text
    if len(text) == 2 and not text.isupper():
        return []  # "Mo", "La": postal codes only in capitals
    return [
        e for e in gaz.lookup_key(normalize(text))
        if e.how in {"name", "alt", "abbr"} and e.place.kind in QUALIFIER_KINDS
    ]


def _scan_qualified(doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Toponym]) -> None:
    """'Caddo, Okla.', 'Brattleboro, Vermont': the qualifier after the comma is found (also as
    an abbreviation), and the name before it even when the gazetteer does not know it."""
    for c, tok in enumerate(doc):
        if tok.text != "," or c + 1 >= len(doc) or not _is_name_end(doc, c - 1):
            continue
        if taken[c + 1]:
            q = next((m for m in out if m.start == c + 1), None)
            entries = [e for e in q.entries if e.place.kind in QUALIFIER_KINDS] if q else []
            q_end = q.end if q else c + 1
        else:
            found = _longest_qualifier(doc, gaz, c + 1, taken)
            if found is None:
                continue
            q_end, entries = found
            _take(_mention(doc, c + 1, q_end, entries, "qualifier"), taken, out)
        if entries and not taken[c - 1] and doc[c - 1].ent_type_ in {"", "GPE", "LOC", "FAC"}:
            start = _name_begin(doc, c - 1, taken)
            if in_list(doc, start, q_end):
                continue
            within = [Entry(e.place, "within") for e in entries]
            _take(_mention(doc, start, c, within, "qualified"), taken, out)


def in_list(doc: Any, start: int, end: int) -> bool:
    """Whether "X, Y" (tokens start..end) is part of a list ("Bundibugyo, Côte d'Ivoire and
    Sudan", "Kenya, Uganda, Tanzania") rather than a place and its division."""
    if start > 0 and doc[start - 1].text == ",":
        return True
    return end < len(doc) and doc[end].lower_ in {"and", "or", "&"}


def _scan_abbreviations(
    doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Toponym]
) -> None:
    """Press abbreviations after "X," first ("Marion County, Ind."), before the entity pass
    reads "Ind." as a variant name of something else (Indianapolis' airport code)."""
    for c, tok in enumerate(doc):
        if tok.text != "," or c + 1 >= len(doc) or taken[c + 1] or not _is_name_end(doc, c - 1):
            continue
        found = _longest_qualifier(doc, gaz, c + 1, taken)
        if found is not None and any(e.how == "abbr" for e in found[1]):
            abbr = [e for e in found[1] if e.how == "abbr"]
            _take(_mention(doc, c + 1, found[0], abbr, "qualifier"), taken, out)


def _longest_qualifier(
    doc: Any, gaz: Gazetteer, i: int, taken: list[bool]
) -> tuple[int, list[Entry]] | None:
    j = i
    while j < len(doc) and j - i < 3 and not taken[j] and _abbreviation_part(doc[j]):
        j += 1
    for k in range(j, i, -1):
        entries = _qualifier_entries(gaz, doc, i, k)
        if entries:
            return k, entries
    return None


def _abbreviation_part(tok: Any) -> bool:
    """A token of a division name or abbreviation: "Okla.", "W.Va.", "N.", "Va.", "TX"."""
    letters = tok.text.replace(".", "")
    return tok.text[:1].isupper() and (tok.is_alpha or letters.isalpha())


def _is_name_end(doc: Any, k: int) -> bool:
    return k >= 0 and doc[k].text[:1].isupper() and (doc[k].is_alpha or doc[k].text.endswith("."))


def _name_begin(doc: Any, k: int, taken: list[bool]) -> int:
    """Start of the capitalised run that ends at token k ("Bowling Green", "St. Albans")."""
    start = k
    while start > 0 and k - start < MAX_TOKENS - 1 and not taken[start - 1]:
        prev = doc[start - 1]
        if not (prev.text[:1].isupper() and (prev.is_alpha or prev.lower_ in NAME_ABBREVIATIONS)):
            break
        if prev.is_sent_start and prev.lower_ in {"the", "in", "at", "from"}:
            break
        start -= 1
    return start


def _scan_dateline(
    doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Toponym]
) -> Toponym | None:
    """A dateline at the start of the text: a capitalised place name (often ALL CAPS) before a
    dash or an agency in brackets: "ST. PAUL, Minn. --", "KYIV (Reuters) -", "Islamabad:"."""
    end = next(
        (k for k, t in enumerate(doc[:10]) if t.text in DATELINE_DASHES | {"(", ":"}), None
    )
    if not end:
        return None
    comma = next((k for k in range(end) if doc[k].text == ","), end)
    if not all(
        doc[k].text[:1].isupper() or (doc[k].text == "." and k and _after_abbreviation(doc, k - 1))
        for k in range(comma)
    ):
        return None
    entries = [e for e in gaz.lookup_key(_key(doc, 0, comma)) if e.how in {"name", "alt"}]
    qualifier = _qualifier_entries(gaz, doc, comma + 1, end) if comma < end else []
    if not entries and qualifier:
        entries = [Entry(e.place, "within") for e in qualifier]
    if not entries:
        return None
    place = _mention(doc, 0, comma, entries, "dateline")
    place.type_hint = place.type_hint or "settlement"  # datelines name cities
    _take(place, taken, out)
    if qualifier:
        _take(_mention(doc, comma + 1, end, qualifier, "qualifier"), taken, out)
    return place
