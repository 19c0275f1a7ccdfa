"""What the text says around toponyms: datelines, "X, Y" qualifiers and press abbreviations.

- a dateline at the start of the text, ALL CAPS or not ("ST. PAUL, Minn. --", "KYIV (Reuters)");
- "X, Y" where Y is a division, a country or a press abbreviation ("Caddo, Okla."): Y is found,
  and X too even when the gazetteer lacks it (then read as a place inside Y); a qualifier
  brings in "inside Y" readings when none of X's candidates lies inside it, except in lists
  ("Bundibugyo, Côte d'Ivoire and Sudan").
"""

from __future__ import annotations

import itertools
from typing import Any

from tocsin.geo.gazetteer import Entry, Gazetteer, Place
from tocsin.geo.normalize import normalize
from tocsin.geo.toponym import (
    DIVISION_KINDS,
    QUALIFIER_KINDS,
    Toponym,
    after_abbreviation,
    contains,
    span_key,
    take,
    toponym_at,
)
from tocsin.geo.words import (
    DATELINE_DASHES,
    MAX_TOKENS,
    NAME_ABBREVIATIONS,
    STOP_WORDS,
    TYPE_WORDS,
)


def link_qualifiers(doc: Any, mentions: list[Toponym]) -> None:
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


def _qualifier_entries(gaz: Gazetteer, doc: Any, i: int, j: int) -> list[Entry]:
    """Divisions and countries named (or abbreviated: "Okla.", "W.Va.", "TX") by doc[i:j]."""
    text = doc[i:j].text
    if len(text) == 2 and not text.isupper():
        return []  # "Mo", "La": postal codes only in capitals
    return [
        e for e in gaz.lookup_key(normalize(text))
        if e.how in {"name", "alt", "abbr"} and e.place.kind in QUALIFIER_KINDS
    ]


def scan_qualified(doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Toponym]) -> None:
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
            take(toponym_at(doc, c + 1, q_end, entries, "qualifier"), taken, out)
        if entries and not taken[c - 1] and doc[c - 1].ent_type_ in {"", "GPE", "LOC", "FAC"}:
            start = _name_begin(doc, c - 1, taken)
            if in_list(doc, start, q_end):
                continue
            within = [Entry(e.place, "within") for e in entries]
            take(toponym_at(doc, start, c, within, "qualified"), taken, out)


def in_list(doc: Any, start: int, end: int) -> bool:
    """Whether "X, Y" (tokens start..end) is part of a list ("Bundibugyo, Côte d'Ivoire and
    Sudan", "Kenya, Uganda, Tanzania") rather than a place and its division."""
    if start > 0 and doc[start - 1].text == ",":
        return True
    return end < len(doc) and doc[end].lower_ in {"and", "or", "&"}


def scan_abbreviations(
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
            take(toponym_at(doc, c + 1, found[0], abbr, "qualifier"), taken, out)


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


def _dateline_end(doc: Any, k: int) -> bool:
    """A dash set off by a space ("PAUL --", not the hyphen of "Al-Bab"), an agency in
    brackets ("KYIV (Reuters)") or a colon ("Islamabad:")."""
    text = doc[k].text
    if text in DATELINE_DASHES:
        return bool(doc[k - 1].whitespace_)
    return text in {"(", ":"}


def scan_dateline(
    doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Toponym]
) -> Toponym | None:
    """A dateline at the start of the text: a capitalised place name (often ALL CAPS) before a
    dash or an agency in brackets: "ST. PAUL, Minn. --", "KYIV (Reuters) -", "Islamabad:"."""
    end = next((k for k in range(1, min(len(doc), 10)) if _dateline_end(doc, k)), None)
    if not end:
        return None
    comma = next((k for k in range(end) if doc[k].text == ","), end)
    if not all(
        doc[k].text[:1].isupper() or (doc[k].text == "." and k and after_abbreviation(doc, k - 1))
        for k in range(comma)
    ):
        return None
    key = span_key(doc, 0, comma)
    if key in STOP_WORDS or key in TYPE_WORDS:
        return None  # "Police:", "State -"
    entries = [e for e in gaz.lookup_key(key) if e.how in {"name", "alt"}]
    qualifier = _qualifier_entries(gaz, doc, comma + 1, end) if comma < end else []
    if not entries and qualifier:
        entries = [Entry(e.place, "within") for e in qualifier]
    if not entries:
        return None
    place = toponym_at(doc, 0, comma, entries, "dateline")
    place.type_hint = place.type_hint or "settlement"  # datelines name cities
    take(place, taken, out)
    if qualifier:
        take(toponym_at(doc, comma + 1, end, qualifier, "qualifier"), taken, out)
    return place
