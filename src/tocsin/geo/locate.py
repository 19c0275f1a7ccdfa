"""Event location: which resolved place an event happened at, and why.

Rules, in order (the rule name is kept in ``Location.rule``):

1. ``prep-of-verb``: a place in a locative prepositional phrase of the trigger ("clashes *in*
   Miranshah"), of its object or of the trigger noun ("made a visit *to* Pakistan");
2. ``clause``: a place under a locative preposition elsewhere in the trigger's clause
   ("airstrikes *across* the Gaza Strip kill ...");
3. ``sentence``: the nearest other place in the sentence that is not one of the event's actors
   (a country counts only under a locative preposition: bare country names are actors);
4. ``dateline``: the article's dateline;
5. ``target-country`` / ``source-country``: the actors' countries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tocsin.geo.gazetteer import Place
from tocsin.geo.toponym import Toponym
from tocsin.models import Event, Location

LOC_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "into",
    "to",
    "toward",
    "towards",
    "on",
    "over",
    "off",
    "along",
    "within",
    "around",
    "onto",
    "through",
}
OBJECT_DEPS = {"dobj", "attr", "oprd", "nsubjpass", "pobj", "xcomp", "acomp"}
LEVELS = {"country": "country", "adm1": "adm1", "adm2": "adm2", "region": "region", "city": "city"}


def to_location(
    place: Place,
    *,
    text: str | None = None,
    span: tuple[int, int] | None = None,
    rule: str | None = None,
    score: float | None = None,
) -> Location:
    """A models.Location from a gazetteer place."""
    is_country = place.kind == "country"
    return Location(
        name=place.name,
        level=LEVELS.get(place.kind, place.kind),
        country_code=place.cc or None,
        cameo_country=place.cameo or None,
        adm1_code=None if is_country else (place.adm1 or None),
        adm1_name=None if is_country else (place.adm1_name or None),
        lat=place.lat,
        lon=place.lon,
        geoname_id=place.gid,
        text=text,
        span=span,
        rule=rule,
        score=round(score, 3) if score is not None else None,
    )


def mention_location(m: Toponym, rule: str, offset: int = 0) -> Location:
    assert m.place is not None
    span = (m.char_span[0] + offset, m.char_span[1] + offset)
    return to_location(m.place, text=m.text, span=span, rule=rule, score=m.score)


class TokenIndex:
    """Token -> resolved mention, for one doc."""

    def __init__(self, doc: Any, mentions: Sequence[Toponym]) -> None:
        self.by_token: dict[int, Toponym] = {}
        for m in mentions:
            if m.place is not None:
                for i in range(m.start, m.end):
                    self.by_token[i] = m

    def in_subtree(self, tok: Any) -> Toponym | None:
        """The first resolved mention inside a token's subtree (document order)."""
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None:
                return m
        return None


def event_place(
    doc: Any, event: Event, index: TokenIndex, mentions: Sequence[Toponym]
) -> tuple[Toponym, str] | None:
    """The mention that locates an event (rules 1-3), if any."""
    sent = _span(doc, event.sentence_span)
    trig = _span(doc, event.trigger_span) if event.trigger_span else None
    if sent is None:
        return None
    if trig is not None and len(trig):
        head = trig.root
        for h in _heads(head):
            m = _prep_place(h, index)
            if m is not None:
                return m, "prep-of-verb"
        m = _clause_place(_clause_root(head), index)
        if m is not None:
            return m, "clause"
    return _sentence_place(sent, event, trig, mentions)


def _span(doc: Any, span: tuple[int, int] | None) -> Any:
    if span is None:
        return None
    return doc.char_span(span[0], span[1], alignment_mode="expand")


def _heads(tok: Any) -> list[Any]:
    """The trigger, its objects (for light verbs: 'made a visit to'), its governing verb."""
    heads = [tok]
    heads += [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    if tok.pos_ in {"NOUN", "PROPN"} and tok.head.i != tok.i:
        heads.append(tok.head)
    return heads


def _prep_place(head: Any, index: TokenIndex) -> Toponym | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOC_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    m = index.in_subtree(obj)
                    if m is not None:
                        return m
    return None


def _clause_root(tok: Any) -> Any:
    while tok.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _clause_place(root: Any, index: TokenIndex) -> Toponym | None:
    for tok in root.subtree:
        if tok.dep_ == "prep" and tok.lower_ in LOC_PREPS and _same_clause(tok, root):
            for obj in tok.children:
                if obj.dep_ == "pobj":
                    m = index.in_subtree(obj)
                    if m is not None:
                        return m
    return None


def _same_clause(tok: Any, root: Any) -> bool:
    """Whether tok belongs to root's clause (no embedded clause boundary in between).
    spaCy creates a new Token object on each access: compare indices, never identity."""
    while tok.i != root.i:
        if tok.dep_ in {"ccomp", "relcl", "advcl"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _sentence_place(
    sent: Any, event: Event, trig: Any, mentions: Sequence[Toponym]
) -> tuple[Toponym, str] | None:
    actor_spans = [a.span for a in (event.source, event.target) if a is not None and a.span]
    anchor = trig.start if trig is not None and len(trig) else sent.start
    best: tuple[int, Toponym] | None = None
    for m in mentions:
        if m.place is None or m.start < sent.start or m.end > sent.end:
            continue
        if any(_overlaps(m.char_span, s) for s in actor_spans):
            continue
        if m.place.kind == "country" and not _under_locative_prep(sent.doc[m.start]):
            continue  # a bare country name is an actor ("cooperation with Pakistan"), not a place
        dist = abs(m.start - anchor) - (100 if m.place.kind != "country" else 0)
        if best is None or dist < best[0]:
            best = (dist, m)
    return (best[1], "sentence") if best else None


def _under_locative_prep(tok: Any) -> bool:
    """Whether the nearest preposition above a token is locative ("near the Afghan border")."""
    for anc in tok.ancestors:
        if anc.dep_ == "prep" or anc.pos_ == "ADP":
            return anc.lower_ in LOC_PREPS
    return False


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
