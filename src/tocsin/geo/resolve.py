"""Toponym resolution: each toponym's candidates scored in the context of its document.

A candidate's score is a population prior, the kind of place, "X, Y" and "Y's X" qualifiers,
the kind of place the words around the name say ("the state of", "province"), and the countries
and divisions of the document (dateline, actors, the other places that are clear). Toponyms
without candidates stay unresolved and never affect the others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tocsin.geo.find import find_toponyms
from tocsin.geo.gazetteer import Entry, Gazetteer, Place
from tocsin.geo.normalize import normalize
from tocsin.geo.qualify import bring_in
from tocsin.geo.toponym import DIVISION_KINDS, Toponym, contains
from tocsin.geo.words import DIVISION_WORDS, SETTLEMENT_WORDS, TYPE_WORDS

KIND_BONUS = {"country": 3.0, "adm1": 0.6, "region": 1.2, "adm2": 0.8, "city": 0.0}
MAX_ANCHORS = 40  # the first clear towns of a long text are enough (and keep it fast)
WITHIN_PRIOR = 2.0  # "somewhere in Y" for an unknown X in "X, Y": below any real candidate in Y


@dataclass
class Context:
    """Country weights of a document: dateline, actors, other places (ISO2 -> weight)."""

    countries: Counter[str] = field(default_factory=Counter)
    adm1: Counter[str] = field(default_factory=Counter)
    # clear towns and counties of the text, with the toponym that named them (0: dateline)
    anchors: list[tuple[int, Place]] = field(default_factory=list)

    def near(self, place: Place, mention: Toponym | None) -> float:
        """Bonus for a candidate close to the document's other clear places (local news:
        the Springfield near the towns of the story); a toponym's own reading does not count."""
        if not self.anchors:
            return 0.0
        own = id(mention) if mention is not None else -1
        d = min(
            (_km(place.lat, place.lon, a.lat, a.lon) for who, a in self.anchors if who != own),
            default=math.inf,
        )
        return 1.5 if d < 50 else 1.0 if d < 150 else 0.5 if d < 400 else 0.0

    def add(self, cc: str | None, weight: float, adm1: str | None = None) -> None:
        if cc:
            self.countries[cc] += weight  # type: ignore[assignment]
        if adm1:
            self.adm1[adm1] += weight  # type: ignore[assignment]


def score_entry(entry: Entry, mention: Toponym | None, ctx: Context) -> float:
    """The score of one candidate: prior + qualifier + type word + document context."""
    place = entry.place
    if entry.how == "within":
        s = WITHIN_PRIOR
    else:
        s = math.log10(max(place.pop, 1000)) + KIND_BONUS.get(place.kind, 0.0)
    if place.curated:
        s += 0.5
    if entry.how == "alt" and place.kind != "country" and not place.curated:
        # variants include translations and nicknames ("Saint Paul" for São Paulo)
        s -= 1.5 if place.kind == "city" else 1.0
    w = ctx.countries.get(place.cc, 0.0) if place.cc else 0.0
    if w:
        s += 1.0 + min(w, 4.0) * 0.8
    if place.adm1 and place.kind != "country" and ctx.adm1.get(place.adm1):
        s += 1.0 + min(ctx.adm1[place.adm1], 3.0) * 0.5
    ranks = mention is None or len(mention.entries) > 1  # one candidate needs no ranking
    if ranks and place.kind in {"city", "adm2"} and (entry.how == "name" or place.curated):
        s += ctx.near(place, mention)
    if mention is not None:
        s += _mention_bonus(entry, mention)
    return s


def _mention_bonus(entry: Entry, mention: Toponym) -> float:
    place = entry.place
    s = 0.0
    if (
        mention.qualifies is not None
        and place.kind != "city"
        and any(contains(place, e.place) for e in mention.qualifies.entries)
    ):
        s += 3.0  # "Atlanta, Georgia": the reading that contains the qualified place
    if mention.type_hint == "division":
        s += 3.0 if place.kind in DIVISION_KINDS else -1.0
    elif mention.type_hint == "settlement":
        s += 2.0 if place.kind == "city" else -1.0
    q = mention.qualifier.place if mention.qualifier else None
    if q is not None and q.kind != "city" and (q is not place or entry.how == "within"):
        if place.cc and q.cc == place.cc:
            s += 4.0
            if q.kind in DIVISION_KINDS and q.adm1 and q.adm1 == place.adm1:
                s += 3.0
        else:
            s -= 3.0
    return s


def resolve_toponyms(toponyms: Sequence[Toponym], ctx: Context) -> None:
    """Pick each toponym's best candidate; qualifiers first, then the toponym they qualify."""
    qualifiers = {id(m.qualifier) for m in toponyms if m.qualifier is not None}
    first = sorted((m for m in toponyms if id(m) in qualifiers), key=lambda m: -m.start)
    for m in [*first, *(m for m in toponyms if id(m) not in qualifiers)]:
        scored = sorted(
            ((e.place, score_entry(e, m, ctx)) for e in m.entries), key=lambda ps: -ps[1]
        )
        m.scores = _prefer_city_of_same_name(scored, m)
        if scored:
            m.place, m.score = m.scores[0]
            m.margin = abs(m.scores[0][1] - m.scores[1][1]) if len(scored) > 1 else 5.0


def _prefer_city_of_same_name(
    scored: list[tuple[Place, float]], m: Toponym
) -> list[tuple[Place, float]]:
    """'Islamabad', 'Kabul', 'Aleppo': a division named after its city means the city, unless
    the text says it is a division ('Aleppo province', 'the state of Aleppo')."""
    if not scored or scored[0][0].kind != "adm1" or m.type_hint == "division":
        return scored
    top, top_s = scored[0]
    for i, (p, s) in enumerate(scored[1:], 1):
        if p.kind == "city" and p.adm1 == top.adm1 and s >= top_s - 2.5:
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored


def document_context(
    gaz: Gazetteer,
    toponyms: Sequence[Toponym],
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
    resolve_toponyms(toponyms, ctx)
    final = Context(Counter(ctx.countries), Counter(ctx.adm1), [])
    for m in toponyms:
        if m.place is not None and m.margin >= 1.0:
            adm1 = m.place.adm1 if m.place.kind != "country" else None
            final.add(m.place.cc, 1.0 if m.place.kind != "country" else 0.5, adm1)
            if m.place.kind in {"city", "adm2"} and len(final.anchors) < MAX_ANCHORS:
                final.anchors.append((id(m), m.place))
    if dateline is not None and dateline.kind in {"city", "adm2"}:
        final.anchors.append((0, dateline))
    return final


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def resolve_document(
    gaz: Gazetteer, doc: Any, *, dateline: Place | None = None, actor_codes: Iterable[str] = ()
) -> list[Toponym]:
    """Find and resolve all toponyms of a doc. Without a dateline given, the text's own
    dateline ("ST. PAUL, Minn. --") sets the context."""
    toponyms, own = find_toponyms(doc, gaz)
    if dateline is None and own is not None:
        resolve_toponyms([t for t in toponyms if t is own or t is own.qualifier], Context())
        dateline = own.place
    ctx = document_context(gaz, toponyms, dateline=dateline, actor_codes=actor_codes)
    resolve_toponyms(toponyms, ctx)
    return toponyms


def resolve_name(
    gaz: Gazetteer,
    name: str,
    context: Mapping[str, float] | None = None,
    *,
    in_context: bool = False,
    hint: str | None = None,
) -> list[tuple[Place, float]]:
    """Candidates of a bare name ("Paris, Texas" and "Caddo, Okla." split into name and
    qualifier; "Donetsk region", "the state of Washington" say what kind of place it is).
    ``in_context``: a name the gazetteer cannot read at all is read as a place somewhere in
    the context's leading country (a village of a story about that country). ``hint``: what
    kind of place the caller knows it is ("settlement" for a dateline)."""
    ctx = Context()
    for code, w in (context or {}).items():
        country = gaz.country(code)
        ctx.add(country.cc if country else code.upper(), w)
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts:
        return []
    qualifier = None
    if len(parts) > 1:
        q_entries = [
            e for e in gaz.lookup_key(normalize(parts[1])) if e.how in {"name", "alt", "abbr"}
        ]
        qualifier = Toponym(0, 0, parts[1], (0, 0), q_entries, "name")
        resolve_toponyms([qualifier], ctx)
    words, type_hint = _type_words(parts[0])
    if type_hint and gaz.lookup(parts[0]):
        words, type_hint = parts[0].split(), None  # the type word is part of the name
    entries = gaz.lookup(" ".join(words))
    m = Toponym(0, 0, parts[0], (0, 0), entries, "name", type_hint or hint, qualifier)
    if qualifier is not None:
        qualifier.qualifies = m
        bring_in(m, qualifier)
    if not m.entries and in_context and ctx.countries:
        leading = gaz.country(max(ctx.countries, key=ctx.countries.__getitem__))
        m.entries = [Entry(leading, "within")] if leading is not None else []
    resolve_toponyms([m], ctx)
    return m.scores


def _type_words(name: str) -> tuple[list[str], str | None]:
    """'Donetsk region' -> (['Donetsk'], 'division'); 'the state of Washington' ->
    (['Washington'], 'division'); 'the town of Bradford' -> (['Bradford'], 'settlement')."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in TYPE_WORDS:
        return words[:-1], "division"
    lower = [w.lower() for w in words]
    if "of" in lower[1:-1]:
        k = lower.index("of")
        kind = lower[k - 1]
        if kind in DIVISION_WORDS:
            return words[k + 1 :], "division"
        if kind in SETTLEMENT_WORDS:
            return words[k + 1 :], "settlement"
    return words, None
