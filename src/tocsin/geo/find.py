"""Toponym finding in a parsed document.

Sources, in order (a token belongs to one toponym at most):

1. a dateline at the start of the text, ALL CAPS or not ("ST. PAUL, Minn. --"), and press
   abbreviations after "X," ("Marion County, Ind."): ``geo.qualify``;
2. spaCy GPE/LOC/FAC entities, matched against the gazetteer (longest name first; names of
   features are not split: "Danube Delta"; hyphenated names are whole: "Guinea-Bissau");
3. gazetteer matches of capitalised token runs (spaCy's small model often labels districts
   PERSON or ORG: "North Waziristan"); runs keep abbreviated first words ("St.", "Ft.", "Mt.");
   a one-word name of small towns only needs a locative word or a qualifier ("in Caddo");
4. demonyms before a geographic noun ("the Afghan border");
5. "X, Y" where Y is a division or a press abbreviation: X too, even when the gazetteer lacks
   it (then read as a place inside Y): ``geo.qualify``.

What the text says about each toponym is kept for the resolver: its qualifier ("X, Y", "Y's X"),
and a type word before ("the state of Washington") or after ("Donetsk region").
"""

from __future__ import annotations

from typing import Any

from tocsin.geo.gazetteer import Entry, Gazetteer
from tocsin.geo.normalize import normalize
from tocsin.geo.qualify import link_qualifiers, scan_abbreviations, scan_dateline, scan_qualified
from tocsin.geo.toponym import (
    Toponym,
    after_abbreviation,
    name_start,
    span_key,
    take,
    toponym_at,
)
from tocsin.geo.words import (
    CONTEXT_WORDS,
    FEATURE_WORDS,
    GEO_NOUNS,
    MAX_TOKENS,
    NON_PLACE_LABELS,
    OTHER_NAME_LABELS,
    PERSON_OR_WORD,
    PLACE_LABELS,
    PUBLIC_BODIES,
    STOP_WORDS,
    TYPE_WORDS,
)


def find_toponyms(doc: Any, gaz: Gazetteer) -> tuple[list[Toponym], Toponym | None]:
    """All non-overlapping toponyms in document order, qualifiers linked; and the dateline's."""
    taken = [False] * len(doc)
    found: list[Toponym] = []
    ent_label = _ent_labels(doc)
    dateline = scan_dateline(doc, gaz, taken, found)
    scan_abbreviations(doc, gaz, taken, found)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            for m in _match_span(doc, gaz, ent.start, ent.end, f"ent:{ent.label_}", strict=False):
                take(m, taken, found)
    _scan_capitalised(doc, gaz, taken, found, ent_label)
    _scan_demonyms(doc, gaz, taken, found)
    scan_qualified(doc, gaz, taken, found)
    found.sort(key=lambda m: m.start)
    link_qualifiers(doc, found)
    return found, dateline


def _ent_labels(doc: Any) -> list[tuple[str, int, int] | None]:
    labels: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            labels[i] = (ent.label_, ent.start, ent.end)
    return labels


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
        key = span_key(doc, start, end)
        entries = [e for e in gaz.lookup_key(key) if e.how in {"name", "alt"}]
        return [toponym_at(doc, start, end, entries, source)] if entries else []
    out: list[Toponym] = []
    i = start
    while i < end:
        for j in range(min(end, i + MAX_TOKENS), i, -1):
            key = span_key(doc, i, j)
            guarded = strict or (i, j) != (start, end)
            if (guarded or j - i == 1) and (key in STOP_WORDS or key in TYPE_WORDS):
                continue
            if guarded and key in PERSON_OR_WORD:
                continue
            entries = [e for e in gaz.lookup_key(key) if e.how in {"name", "alt"}]
            if guarded:
                entries = _trusted(entries, single=j - i == 1)
            if not strict and guarded and _small_towns(entries):
                continue  # "Abu" of "Abu Shok", "Beida" of "Goz Beida": not the place named
            if entries and (not strict or j - i > 1 or _single_ok(doc[i], entries)):
                out.append(toponym_at(doc, i, j, entries, source))
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
        and gaz.has_key(span_key(doc, start, end + 2))
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
    if _small_towns(entries):
        return _placed(tok)  # "Johnson said": a surname that is also a village somewhere
    return True


TOWN_POP = 15_000  # smaller places need the text to say they are places when spaCy does not


def _small_towns(entries: list[Entry]) -> bool:
    return bool(entries) and all(
        e.place.kind == "city" and e.place.pop < TOWN_POP and not e.place.curated for e in entries
    )


def _placed(tok: Any) -> bool:
    """Whether the words around a name say it is a place: a locative word before it ("in
    Caddo"), or a comma and a capitalised qualifier after it ("Caddo, Okla.")."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = doc[tok.i + 1 : tok.i + 3]
    qualified = len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper()
    return before in CONTEXT_WORDS or qualified


def _scan_capitalised(
    doc: Any,
    gaz: Gazetteer,
    taken: list[bool],
    out: list[Toponym],
    ent_label: list[tuple[str, int, int] | None],
) -> None:
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not name_start(doc, i):
            i += 1
            continue
        label = ent_label[i]
        if label and label[0] in NON_PLACE_LABELS:
            i += 1
            continue
        if label and label[0] in PLACE_LABELS:
            i = max(label[2], i + 1)  # the entity pass has read this place entity
            continue
        j = _run_end(doc, i, taken)
        found = _match_span(doc, gaz, i, j, "gazetteer", strict=True)
        for m in found:
            if _accept_in_entity(m, doc, ent_label, taken):
                take(m, taken, out)
        i = j


def _run_end(doc: Any, i: int, taken: list[bool]) -> int:
    """End of a run of capitalised tokens (allowing inner hyphens and 'of', 'and', 'al')."""
    j = i + 1
    while j < len(doc) and j - i < MAX_TOKENS and not taken[j]:
        t = doc[j]
        if t.is_title or (t.is_upper and t.is_alpha) or t.text in {"-", "of", "and", "al", "el"}:
            j += 1
        elif after_abbreviation(doc, j):
            j = after_abbreviation(doc, j)  # "Fort St. John"
        elif t.text == "." and j > i and after_abbreviation(doc, j - 1):
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
    if leading and label[0] == "ORG" and _names_the_organisation_place(m, doc):
        return True  # "U.S. Centers for Disease Control", "Alexandria Police Department"
    whole = leading and m.end == label[2]
    notable = any(
        e.place.kind != "city" or e.place.curated or e.place.pop >= 100_000 for e in m.entries
    )
    qualified = nxt == "," and m.end + 1 < len(doc) and doc[m.end + 1].text[:1].isupper()
    return whole and (notable or qualified)


def _names_the_organisation_place(m: Toponym, doc: Any) -> bool:
    """A country, state or county name leading an organisation's ("NSW Health", "Marion
    County Sheriff's Office"), or a town's before a public body ("Alexandria Police")."""
    if any(e.how == "name" and e.place.kind in {"country", "adm1", "adm2"} for e in m.entries):
        return True
    nxt = doc[m.end].lower_ if m.end < len(doc) else ""
    return nxt in PUBLIC_BODIES and any(e.how == "name" for e in m.entries)


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
            m = toponym_at(doc, i, i + 1, entries, "demonym")
            take(m, taken, out)
