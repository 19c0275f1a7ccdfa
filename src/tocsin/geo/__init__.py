"""Geocoding: an offline gazetteer, toponym resolution in context, event locations.

``Geocoder.load()`` gives the process-wide geocoder (the gazetteer index is built once);
``Geocoder.enrich(doc, events, article)`` fills each event's ``location`` (where it happened,
with the rule that chose it) and ``source_location`` / ``target_location`` (the actors'
countries). ``Geocoder.candidates(name)`` lists scored readings of a bare place name.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tocsin.geo.gazetteer import Gazetteer, Place, get_gazetteer
from tocsin.geo.locate import TokenIndex, event_place, mention_location, to_location
from tocsin.geo.resolve import resolve_document, resolve_name
from tocsin.geo.toponym import Toponym, to_mention
from tocsin.models import Actor, Article, Event, Location, Mention

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "Geocoder", "Place", "format_location"]


def format_location(loc: Location | None) -> str:
    """One line for tables: "Miranshah (city, PK, PK-KP) 33.00,70.07 [prep-of-verb]"."""
    if loc is None:
        return "-"
    where = ", ".join(x for x in (loc.level, loc.country_code, loc.adm1_code) if x)
    coords = f" {loc.lat:.2f},{loc.lon:.2f}" if loc.lat is not None and loc.lon is not None else ""
    return f"{loc.name} ({where}){coords} [{loc.rule or '?'}]"


class Geocoder:
    """Offline geocoder over the bundled gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    def load(cls) -> Geocoder:
        """The shared geocoder (gazetteer built once per process)."""
        return _shared()

    def candidates(
        self, name: str, context: Mapping[str, float] | Iterable[str] | None = None
    ) -> list[tuple[Location, float]]:
        """Scored readings of a place name, best first. ``context``: country codes
        (ISO2, ISO3 or CAMEO), optionally with weights, that the text is about."""
        if context is not None and not isinstance(context, Mapping):
            context = {code: 2.0 for code in context}
        return [
            (to_location(p, text=name, rule="name", score=s), s)
            for p, s in resolve_name(self.gazetteer, name, context)
        ]

    def dateline_place(self, dateline: str | None) -> Place | None:
        """The place of a dateline ("ISLAMABAD", "Miranshah, Pakistan", "KYIV (Reuters) -")."""
        if not dateline:
            return None
        name = re.sub(r"\(.*?\)", " ", dateline).strip().strip(":-–— ,")
        name = " ".join(w.title() if w.isupper() and len(w) > 3 else w for w in name.split())
        if not name:
            return None
        scored = resolve_name(self.gazetteer, name, hint="settlement")
        return scored[0][0] if scored else None

    def mentions(
        self, doc: Any, *, dateline: str | None = None, actor_codes: Iterable[str] = ()
    ) -> list[Mention]:
        """All place mentions of a doc, resolved in context (``payload``: the ``Place``, None
        when no reading was found)."""
        toponyms = resolve_document(
            self.gazetteer, doc, dateline=self.dateline_place(dateline), actor_codes=actor_codes
        )
        return [to_mention(t, doc) for t in toponyms]

    def enrich(self, doc: Any, events: list[Event], article: Article) -> list[Event]:
        """Events with ``location``, ``source_location`` and ``target_location`` filled."""
        if not events:
            return events
        codes = [
            a.country or a.code[:3]
            for e in events
            for a in (e.source, e.target)
            if a is not None and (a.country or a.code)
        ]
        dateline = self.dateline_place(article.dateline)
        mentions = resolve_document(self.gazetteer, doc, dateline=dateline, actor_codes=codes)
        if dateline is None:  # the text's own dateline ("ST. PAUL, Minn. --")
            dateline = next((m.place for m in mentions if m.source == "dateline"), None)
        index = TokenIndex(doc, mentions)
        return [self._enrich_one(doc, e, index, mentions, dateline) for e in events]

    def _enrich_one(
        self,
        doc: Any,
        event: Event,
        index: TokenIndex,
        mentions: Sequence[Toponym],
        dateline: Place | None,
    ) -> Event:
        src = self.actor_location(event.source)
        tgt = self.actor_location(event.target)
        return event.replace(
            location=self._action_location(doc, event, index, mentions, dateline, src, tgt),
            source_location=src,
            target_location=tgt,
        )

    def _action_location(
        self,
        doc: Any,
        event: Event,
        index: TokenIndex,
        mentions: Sequence[Toponym],
        dateline: Place | None,
        src: Location | None,
        tgt: Location | None,
    ) -> Location | None:
        found = event_place(doc, event, index, mentions)
        if found is not None:
            return mention_location(found[0], found[1])
        if dateline is not None:
            return to_location(dateline, rule="dateline")
        if tgt is not None:
            return _with_rule(tgt, "target-country")
        if src is not None:
            return _with_rule(src, "source-country")
        return None

    def actor_location(self, actor: Actor | None) -> Location | None:
        """The country of an actor (CAMEO country code -> country centroid)."""
        if actor is None:
            return None
        country = self.gazetteer.country(actor.country or actor.code[:3])
        if country is None:
            return None
        return to_location(country, text=actor.text or None, rule="actor-country")


def _with_rule(loc: Location, rule: str) -> Location:
    import dataclasses

    return dataclasses.replace(loc, rule=rule)


@functools.lru_cache(maxsize=1)
def _shared() -> Geocoder:
    return Geocoder(get_gazetteer())
