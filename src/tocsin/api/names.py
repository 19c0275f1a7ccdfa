"""Actor names for type-ahead and suggestions: the bundled CAMEO tables plus the codes seen.

Names come from ``data/ontology/actor_countries.tsv`` and ``actor_organizations.tsv``
(CAMEO country and organisation codes with their names); the codes (and their counting
events, the order of the list) come from the weekly cube of :mod:`tocsin.api.cache`.
Matching is hand-written (a few hundred names, prefix then substring then ``difflib``),
which is all a type-ahead over this list needs.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tocsin.api.cache import Aggregates


@dataclass(frozen=True)
class ActorName:
    """One actor code with its name and the number of events it is the source of."""

    code: str
    name: str
    events: int = 0

    def to_record(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "events": self.events}


@lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name for countries and organisations (bundled ontology tables)."""
    base = resources.files("tocsin") / "data" / "ontology"
    names: dict[str, str] = {}
    for table in ("actor_organizations.tsv", "actor_countries.tsv"):
        with base.joinpath(table).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("type") == "fictional_test_entry":
                    continue
                names[row["code"]] = row["name"]
    return names


class ActorDirectory:
    """The actors of one store (the roots of the weekly cube, rebuilt when the data change)."""

    def __init__(self, aggregates: Aggregates) -> None:
        self._aggregates = aggregates

    def actors(self) -> list[ActorName]:
        return self._aggregates.cached(("actor names",), self._load)  # type: ignore[no-any-return]

    def _load(self) -> list[ActorName]:
        names = cameo_names()
        seen = self._aggregates.cube().roots()
        return sorted((ActorName(code, names.get(code, code), n) for code, n in seen.items()),
                      key=lambda a: (-a.events, a.code))

    def search(self, text: str, limit: int = 10) -> list[ActorName]:
        """Actors whose code or name starts with, then contains, ``text`` (busiest first)."""
        needle = text.strip().lower()
        if not needle:
            return self.actors()[:limit]
        ranked = []
        for a in self.actors():
            code, name = a.code.lower(), a.name.lower()
            if code == needle or name == needle:
                rank = 0
            elif code.startswith(needle) or name.startswith(needle):
                rank = 1
            elif any(w.startswith(needle) for w in name.split()):
                rank = 2
            elif needle in name:
                rank = 3
            else:
                continue
            ranked.append((rank, -a.events, a.code, a))
        return [r[-1] for r in sorted(ranked, key=lambda r: r[:3])[:limit]]

    def suggestion(self, text: str) -> str | None:
        """The closest known actor ("IND (India)") to a code or name that matched nothing."""
        hits = self.search(text, 1)
        if hits:
            return f"{hits[0].code} ({hits[0].name})"
        by_key = {a.code.lower(): a for a in self.actors()}
        by_key.update({a.name.lower(): a for a in self.actors()})
        close = difflib.get_close_matches(text.strip().lower(), list(by_key), n=1, cutoff=0.6)
        if not close:
            return None
        a = by_key[close[0]]
        return f"{a.code} ({a.name})"
