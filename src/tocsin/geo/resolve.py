"""Toponym finding and resolution in a parsed document.

Finding: spaCy GPE/LOC/FAC entities, gazetteer matches of capitalised token sequences
(spaCy's small model often labels districts as PERSON or ORG: "North Waziristan"), and
demonyms before a geographic noun ("the Afghan border").

Resolution: each mention's candidates are scored by a population prior, the kind of place,
"X, Y" and "Y's X" qualifiers, a type word after the name ("Donetsk region"), and the countries
of the document (dateline, actors, other places). Mentions without candidates stay unresolved
and never affect the others.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tocsin.geo.gazetteer import Entry, Gazetteer, Place
from tocsin.geo.normalize import normalize

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_NAME_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
NON_PLACE_LABELS = {
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "LANGUAGE",
}
GEO_NOUNS = {
    "border",
    "borders",
    "frontier",
    "territory",
    "territories",
    "soil",
    "airspace",
    "waters",
    "coast",
    "side",
    "capital",
    "mainland",
    "province",
    "provinces",
    "region",
    "regions",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "countryside",
    "borderlands",
    "port",
    "ports",
    "highlands",
    "enclave",
    "island",
    "islands",
}
TYPE_WORDS = {
    "province",
    "region",
    "oblast",
    "state",
    "governorate",
    "district",
    "county",
    "prefecture",
    "department",
    "valley",
    "territory",
    "division",
    "krai",
    "area",
}
# Capitalised words that are also common English (or title) words: never a place on their own
# unless spaCy calls them a place.
# Words that are never a place on their own (directions, titles, common nouns that GeoNames
# also lists as towns: "Police" in Poland, "Of" in Turkey, "Mobile" in Alabama).
STOP_WORDS = {
    "of",
    "police",
    "mobile",
    "march",
    "may",
    "sale",
    "split",
    "union",
    "along",
    "bar",
    "page",
    "hope",
    "deal",
    "mission",
    "president",
    "minister",
    "prime",
    "general",
    "court",
    "house",
    "army",
    "navy",
    "university",
    "bank",
    "national",
    "republic",
    "state",
    "city",
    "new",
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "said",
    "says",
    "chancellor",
    "king",
    "queen",
    "prince",
    "saint",
    "san",
    "santa",
    "lake",
    "river",
    "mount",
    "cape",
    "port",
    "fort",
    "al",
    "el",
    "la",
    "le",
    "de",
    "best",
    "eagle",
    "independence",
    "liberty",
    "concord",
    "unity",
    "august",
    "june",
    "july",
    "april",
    "january",
}
# Also names of people (or ordinary words) first: a place only inside a place entity.
PERSON_OR_WORD = {
    "trump",
    "vance",
    "obama",
    "biden",
    "carter",
    "lincoln",
    "marion",
    "florence",
    "hamilton",
    "jackson",
    "charlotte",
    "orange",
    "bath",
    "reading",
    "nice",
    "victoria",
    "houston",
    "austin",
}
MAX_TOKENS = 6
CONTEXT_WORDS = {
    "in",
    "at",
    "near",
    "on",
    "from",
    "to",
    "into",
    "across",
    "of",
    "outside",
    "inside",
    "toward",
    "towards",
    "around",
}
KIND_BONUS = {"country": 3.0, "adm1": 0.6, "region": 1.2, "adm2": 0.8, "city": 0.0}


@dataclass
class Mention:
    """A place mention in a doc: token range, candidates, and resolution."""

    start: int
    end: int  # exclusive token index
    text: str
    char_span: tuple[int, int]
    entries: list[Entry]
    source: str  # "ent:GPE", "gazetteer", "demonym"
    type_word: bool = False  # followed by "province", "region"...
    qualifier: Mention | None = None
    qualifies: Mention | None = None
    place: Place | None = None
    score: float = 0.0
    margin: float = 0.0
    scores: list[tuple[Place, float]] = field(default_factory=list)


def find_mentions(doc: Any, gaz: Gazetteer) -> list[Mention]:
    """All non-overlapping place mentions, in document order, with qualifiers linked."""
    taken = [False] * len(doc)
    mentions: list[Mention] = []
    ent_label = _ent_labels(doc)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            m = _match_span(doc, gaz, ent.start, ent.end, f"ent:{ent.label_}", strict=False)
            for mm in m:
                _take(mm, taken, mentions)
    _scan_capitalised(doc, gaz, taken, mentions, ent_label)
    _scan_demonyms(doc, gaz, taken, mentions)
    mentions.sort(key=lambda m: m.start)
    _link_qualifiers(doc, mentions)
    return mentions


def _ent_labels(doc: Any) -> list[tuple[str, int, int] | None]:
    labels: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            labels[i] = (ent.label_, ent.start, ent.end)
    return labels


def _take(m: Mention, taken: list[bool], out: list[Mention]) -> None:
    if any(taken[m.start : m.end]):
        return
    for i in range(m.start, m.end):
        taken[i] = True
    out.append(m)


def _key(doc: Any, start: int, end: int) -> str:
    return normalize(doc[start:end].text)


def _match_span(
    doc: Any, gaz: Gazetteer, start: int, end: int, source: str, strict: bool
) -> list[Mention]:
    """Longest gazetteer matches inside [start, end) (an entity: all of it, else its parts)."""
    if doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    out: list[Mention] = []
    i = start
    while i < end:
        for j in range(min(end, i + MAX_TOKENS), i, -1):
            key = _key(doc, i, j)
            guarded = strict or (i, j) != (start, end)
            if (guarded or j - i == 1) and (key in STOP_WORDS or key in TYPE_WORDS):
                continue
            if guarded and key in PERSON_OR_WORD:
                continue
            entries = [e for e in gaz.lookup_key(key) if e.how != "demonym"]
            if guarded:
                entries = _trusted(entries, single=j - i == 1)
            if entries and (not strict or j - i > 1 or _single_ok(doc[i], entries)):
                out.append(_mention(doc, i, j, entries, source))
                i = j
                break
        else:
            i += 1
    return out


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
    return True


def _mention(doc: Any, i: int, j: int, entries: list[Entry], source: str) -> Mention:
    span = doc[i:j]
    type_word = j < len(doc) and doc[j].lower_ in TYPE_WORDS
    return Mention(i, j, span.text, (span.start_char, span.end_char), entries, source, type_word)


def _scan_capitalised(
    doc: Any,
    gaz: Gazetteer,
    taken: list[bool],
    out: list[Mention],
    ent_label: list[tuple[str, int, int] | None],
) -> None:
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if taken[i] or not tok.is_title and not (tok.is_upper and len(tok) > 1) or not tok.is_alpha:
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


def _run_end(doc: Any, i: int, taken: list[bool]) -> int:
    """End of a run of capitalised tokens (allowing inner hyphens and 'of', 'and', 'al')."""
    j = i + 1
    while j < len(doc) and j - i < MAX_TOKENS and not taken[j]:
        t = doc[j]
        if t.is_title or (t.is_upper and t.is_alpha) or t.text in {"-", "of", "and", "al", "el"}:
            j += 1
        else:
            break
    while j > i + 1 and (not doc[j - 1].is_alpha or doc[j - 1].lower_ in {"of", "and"}):
        j -= 1
    return j


def _accept_in_entity(
    m: Mention, doc: Any, ent_label: list[tuple[str, int, int] | None], taken: list[bool]
) -> bool:
    """A match inside a PERSON/ORG/NORP/... entity (spaCy's small model calls 'North
    Waziristan' PERSON, 'Punjab' NORP, 'Quetta' ORG): accepted when it is the whole entity and
    a notable place or in a place context, when it runs past the entity ('Kursk' PRODUCT +
    'Oblast'), or when a locative word precedes it ('city of Goma', 'Mayor of Kyiv')."""
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
    whole = m.start <= label[1] + 1 and m.end == label[2]
    notable = any(
        e.place.kind != "city" or e.place.curated or e.place.pop >= 100_000 for e in m.entries
    )
    return whole and (notable or nxt == ",")


def _scan_demonyms(doc: Any, gaz: Gazetteer, taken: list[bool], out: list[Mention]) -> None:
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


def _link_qualifiers(doc: Any, mentions: list[Mention]) -> None:
    """'Miranshah, North Waziristan' and "Pakistan's North Waziristan": link the qualifier."""
    for a, b in itertools.pairwise(mentions):
        between = doc[a.end : b.start]
        if len(between) == 1 and between[0].text == ",":
            a.qualifier, b.qualifies = b, a
        elif len(between) == 1 and between[0].tag_ == "POS":
            b.qualifier, a.qualifies = a, b


@dataclass
class Context:
    """Country weights of a document: dateline, actors, other places (ISO2 -> weight)."""

    countries: Counter[str] = field(default_factory=Counter)
    adm1: Counter[str] = field(default_factory=Counter)

    def add(self, cc: str | None, weight: float, adm1: str | None = None) -> None:
        if cc:
            self.countries[cc] += weight  # type: ignore[assignment]
        if adm1:
            self.adm1[adm1] += weight  # type: ignore[assignment]


def score_entry(entry: Entry, mention: Mention | None, ctx: Context) -> float:
    """The score of one candidate: prior + qualifier + type word + document context."""
    place = entry.place
    s = math.log10(max(place.pop, 1000)) + KIND_BONUS.get(place.kind, 0.0)
    if place.curated:
        s += 0.5
    if entry.how == "alt" and place.kind == "city" and not place.curated:
        s -= 1.5
    w = ctx.countries.get(place.cc, 0.0) if place.cc else 0.0
    if w:
        s += 1.0 + min(w, 4.0) * (0.8 if place.kind != "country" else 0.2)
    if place.adm1 and ctx.adm1.get(place.adm1):
        s += 1.0
    if mention is not None:
        s += _mention_bonus(place, mention)
    return s


def _mention_bonus(place: Place, mention: Mention) -> float:
    s = 0.0
    if (
        mention.qualifies is not None
        and place.kind != "city"
        and any(_contains(place, e.place) for e in mention.qualifies.entries)
    ):
        s += 3.0  # "Atlanta, Georgia": the reading that contains the qualified place
    if mention.type_word:
        s += 3.0 if place.kind in {"adm1", "adm2", "region"} else -1.0
    q = mention.qualifier.place if mention.qualifier else None
    if q is not None and q is not place and q.kind != "city":
        if place.cc and q.cc == place.cc:
            s += 4.0
            if q.kind in {"adm1", "adm2", "region"} and q.adm1 and q.adm1 == place.adm1:
                s += 3.0
        else:
            s -= 3.0
    return s


def _contains(outer: Place, inner: Place) -> bool:
    """Whether a country/division/region could contain another place (not itself)."""
    if outer is inner or not outer.cc or outer.cc != inner.cc:
        return False
    if outer.kind == "country":
        return True
    return bool(outer.adm1) and outer.adm1 == inner.adm1 and inner.kind != "adm1"


def resolve_mentions(mentions: Sequence[Mention], ctx: Context) -> None:
    """Pick each mention's best candidate; qualifiers first, then the mention they qualify."""
    qualifiers = {id(m.qualifier) for m in mentions if m.qualifier is not None}
    first = sorted((m for m in mentions if id(m) in qualifiers), key=lambda m: -m.start)
    for m in [*first, *(m for m in mentions if id(m) not in qualifiers)]:
        scored = sorted(
            ((e.place, score_entry(e, m, ctx)) for e in m.entries), key=lambda ps: -ps[1]
        )
        m.scores = _prefer_city_of_same_name(scored, m)
        if scored:
            m.place, m.score = m.scores[0]
            m.margin = abs(m.scores[0][1] - m.scores[1][1]) if len(scored) > 1 else 5.0


def _prefer_city_of_same_name(
    scored: list[tuple[Place, float]], m: Mention
) -> list[tuple[Place, float]]:
    """'Islamabad', 'Kabul', 'Aleppo': a division named after its city means the city,
    unless a type word follows ('Aleppo province')."""
    if not scored or scored[0][0].kind != "adm1" or m.type_word:
        return scored
    top, top_s = scored[0]
    for i, (p, s) in enumerate(scored[1:], 1):
        if p.kind == "city" and p.adm1 == top.adm1 and s >= top_s - 2.5:
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored


def document_context(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    *,
    dateline: Place | None,
    actor_codes: Iterable[str],
) -> Context:
    """Two-pass context: dateline and actors, then the places that are clear on that basis."""
    ctx = Context()
    if dateline is not None:
        ctx.add(dateline.cc, 2.0, dateline.adm1 if dateline.kind != "country" else None)
    for code, n in Counter(actor_codes).items():
        country = gaz.country(code)
        if country is not None:
            ctx.add(country.cc, min(n, 3) * 0.5)
    resolve_mentions(mentions, ctx)
    final = Context(Counter(ctx.countries), Counter(ctx.adm1))
    for m in mentions:
        if m.place is not None and m.margin >= 1.0:
            adm1 = m.place.adm1 if m.place.kind != "country" else None
            final.add(m.place.cc, 1.0 if m.place.kind != "country" else 0.5, adm1)
    return final


def resolve_document(
    gaz: Gazetteer, doc: Any, *, dateline: Place | None = None, actor_codes: Iterable[str] = ()
) -> list[Mention]:
    """Find and resolve all place mentions of a doc."""
    mentions = find_mentions(doc, gaz)
    ctx = document_context(gaz, mentions, dateline=dateline, actor_codes=actor_codes)
    resolve_mentions(mentions, ctx)
    return mentions


def resolve_name(
    gaz: Gazetteer, name: str, context: Mapping[str, float] | None = None
) -> list[tuple[Place, float]]:
    """Candidates of a bare name ("Paris, Texas" splits into name and qualifier)."""
    ctx = Context()
    for code, w in (context or {}).items():
        country = gaz.country(code)
        ctx.add(country.cc if country else code.upper(), w)
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts:
        return []
    qualifier = None
    if len(parts) > 1:
        q_entries = gaz.lookup(parts[1])
        qualifier = Mention(0, 0, parts[1], (0, 0), q_entries, "name")
        resolve_mentions([qualifier], ctx)
    words = parts[0].split()
    type_word = len(words) > 1 and words[-1].lower() in TYPE_WORDS and not gaz.lookup(parts[0])
    entries = gaz.lookup(" ".join(words[:-1]) if type_word else parts[0])
    m = Mention(0, 0, parts[0], (0, 0), entries, "name", type_word, qualifier)
    resolve_mentions([m], ctx)
    return m.scores
