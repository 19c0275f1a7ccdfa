"""Signed actor networks and structural balance.

Over a window, each undirected country-level dyad with at least ``min_events`` counting
events becomes an edge whose sign is the sign of its net Goldstein score (sum over its
events); dyads whose mean Goldstein is within ``neutral`` of zero get no edge. A triangle
is balanced when the product of its signs is positive ("the friend of my friend is my
friend"); unbalanced triangles (+ + -: "the friend of my friend is my rival"; - - -: three
rivals) are listed with a score: the geometric mean of the three edges' |mean Goldstein|
times the log of their smallest event count. :func:`triad_shifts` compares two windows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

from tocsin.analysis.common import Store, jsonable, parse_date
from tocsin.errors import InputError
from tocsin.models import DyadEdge


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    events: int
    goldstein_sum: float

    @property
    def mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0

    @property
    def sign(self) -> int:
        return 1 if self.goldstein_sum > 0 else -1


@dataclass(frozen=True)
class Triad:
    actors: tuple[str, str, str]
    signs: tuple[int, int, int]  # edges (0,1), (0,2), (1,2)
    balanced: bool
    pattern: str  # "+++", "++-", "+--", "---"
    label: str
    score: float
    edges: tuple[Edge, Edge, Edge]

    def to_record(self) -> dict[str, Any]:
        rec = asdict(self)
        rec["edges"] = [dict(asdict(e), mean=round(e.mean, 4), sign=e.sign) for e in self.edges]
        return jsonable(rec)


LABELS = {
    "+++": "three friends",
    "++-": "friend of my friend is my rival",
    "+--": "the enemy of my enemy is my friend",
    "---": "three rivals",
}


def signed_edges(store: Store, since: Any = None, until: Any = None, *, min_events: int = 3,
                 neutral: float = 0.0) -> dict[tuple[str, str], Edge]:
    """Undirected signed edges of a window."""
    if min_events < 1:
        raise InputError("min_events must be at least 1")
    since, until = parse_date(since, "since"), parse_date(until, "until")
    return edges_of(store.dyad_edges(since, until), min_events=min_events, neutral=neutral)


def edges_of(rows: Sequence[DyadEdge], *, min_events: int = 3, neutral: float = 0.0
             ) -> dict[tuple[str, str], Edge]:
    """Undirected signed edges from directed dyad totals (pure)."""
    acc: dict[tuple[str, str], list[float]] = {}
    for src, tgt, n, gold in ((r.source_root, r.target_root, r.events, r.goldstein_sum)
                              for r in rows):
        if not (src.isalnum() and tgt.isalnum()):  # "---": an actor of unknown country
            continue
        key = (min(src, tgt), max(src, tgt))
        cur = acc.setdefault(key, [0.0, 0.0])
        cur[0] += n
        cur[1] += gold
    out = {}
    for (a, b), (total, gold) in acc.items():
        if total >= min_events and abs(gold / total) > neutral and gold != 0:
            out[(a, b)] = Edge(a, b, int(total), round(float(gold), 6))
    return out


def _triad(x: str, y: str, z: str, edges: dict[tuple[str, str], Edge]) -> Triad:
    es = (edges[(x, y)], edges[(x, z)], edges[(y, z)])
    signs = tuple(e.sign for e in es)
    pattern = "".join(sorted(("+" if s > 0 else "-" for s in signs), key=lambda c: c != "+"))
    mag = math.prod(abs(e.mean) for e in es) ** (1 / 3)
    score = mag * math.log1p(min(e.events for e in es))
    return Triad((x, y, z), signs, math.prod(signs) > 0, pattern, LABELS[pattern],  # type: ignore[arg-type]
                 round(score, 4), es)


def all_triads(edges: dict[tuple[str, str], Edge]) -> list[Triad]:
    """Every closed triangle of the signed network (pure)."""
    nbrs: dict[str, set[str]] = {}
    for a, b in edges:
        nbrs.setdefault(a, set()).add(b)
        nbrs.setdefault(b, set()).add(a)
    out = []
    for x in sorted(nbrs):
        for y, z in combinations(sorted(n for n in nbrs[x] if n > x), 2):
            if z in nbrs.get(y, ()):
                out.append(_triad(x, y, z, edges))
    return out


def triads(store: Store, since: Any = None, until: Any = None, *, min_events: int = 3,
           unbalanced_only: bool = True, top: int = 20) -> list[Triad]:
    """Triads of a window, unbalanced ones by default, highest score first."""
    found = all_triads(signed_edges(store, since, until, min_events=min_events))
    if unbalanced_only:
        found = [t for t in found if not t.balanced]
    found.sort(key=lambda t: (-t.score, t.actors))
    return found[:top]


@dataclass(frozen=True)
class TriadShift:
    actors: tuple[str, str, str]
    before: Triad | None
    after: Triad | None
    change: str  # "became unbalanced" | "became balanced" | "sign change" | "appeared" | "vanished"

    def to_record(self) -> dict[str, Any]:
        return {
            "actors": list(self.actors), "change": self.change,
            "before": self.before.to_record() if self.before else None,
            "after": self.after.to_record() if self.after else None,
        }


def triad_shifts(store: Store, window1: tuple[Any, Any], window2: tuple[Any, Any], *,
                 min_events: int = 3) -> list[TriadShift]:
    """Triangles whose balance or signs changed between two windows."""
    t1 = {t.actors: t for t in all_triads(signed_edges(store, *window1, min_events=min_events))}
    t2 = {t.actors: t for t in all_triads(signed_edges(store, *window2, min_events=min_events))}
    out = []
    for key in sorted(set(t1) | set(t2)):
        a, b = t1.get(key), t2.get(key)
        if a and b:
            if a.balanced != b.balanced:
                change = "became balanced" if b.balanced else "became unbalanced"
            elif a.signs != b.signs:
                change = "sign change"
            else:
                continue
        elif b:
            change = "appeared" + ("" if b.balanced else " unbalanced")
        else:
            change = "vanished"
        out.append(TriadShift(key, a, b, change))
    rank = {"became unbalanced": 0, "appeared unbalanced": 1, "sign change": 2,
            "became balanced": 3, "appeared": 4, "vanished": 5}
    out.sort(key=lambda s: (rank.get(s.change, 9), -((s.after or s.before).score)))  # type: ignore[union-attr]
    return out


def window(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Parse "YYYY-MM-DD:YYYY-MM-DD" (either side may be empty)."""
    if not value:
        return None, None
    if ":" not in value:
        raise InputError(f"invalid window {value!r}: expected START:END (YYYY-MM-DD:YYYY-MM-DD)")
    lo, hi = value.split(":", 1)
    return parse_date(lo or None, "window start"), parse_date(hi or None, "window end")
