"""The detectors' input: weekly counts per alert subject and direction (pure).

From the store's :class:`~tocsin.models.WeeklyCount` rows (directed country-level dyad,
week, quad class, with the reporting articles and their weights) to one
:class:`~tocsin.models.SubjectWeek` per week, subject (undirected dyad or actor) and
direction. The refresh step recomputes the rows of the weeks it touched; the alert scan
reads them all.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from tocsin.analysis.common import DIRECTIONS
from tocsin.models import SubjectWeek, WeeklyCount

_QUAD_DIRECTION = {q: d for d, qs in DIRECTIONS.items() for q in qs}


@dataclass
class _Acc:
    weights: dict[str, float] = field(default_factory=dict)  # report (event) -> share
    articles: set[str] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)
    events: int = 0
    material: int = 0
    goldstein: float = 0.0
    forward: int = 0
    backward: int = 0


def _actor(root: str | None) -> str | None:
    return root if root and root.isalnum() else None  # "---": an actor of unknown country


def _add(acc: _Acc, row: WeeklyCount, dyad: bool) -> None:
    events = [k for k in row.weights if k.startswith("#")]
    for key in events or row.article_ids:  # an actor subject: the actor is named, weight 1
        share = row.weights.get(key, 1.0) if dyad else 1.0
        acc.weights[key] = max(acc.weights.get(key, 0.0), share)
    acc.articles |= row.article_ids
    acc.sources |= row.source_ids
    acc.events += row.events
    acc.material += row.events if row.quad_class in (2, 4) else 0
    acc.goldstein += row.goldstein_sum


def subject_weeks(rows: Iterable[WeeklyCount]) -> list[SubjectWeek]:
    """One row per week, subject and direction, sorted."""
    acc: dict[tuple[dt.date, str, str | None, str], _Acc] = defaultdict(_Acc)
    for row in rows:
        direction = _QUAD_DIRECTION.get(row.quad_class)
        if direction is None:
            continue
        src, tgt = _actor(row.source_root), _actor(row.target_root)
        for actor in {src, tgt} - {None}:
            _add(acc[(row.week, actor, None, direction)], row, dyad=False)  # type: ignore[index]
        if src and tgt and src != tgt:
            a, b = min(src, tgt), max(src, tgt)
            cell = acc[(row.week, a, b, direction)]
            _add(cell, row, dyad=True)
            cell.forward += row.events if src == a else 0
            cell.backward += row.events if src == b else 0
    return [SubjectWeek(week, f"{a}-{b}" if b else a, a, b, direction,
                        round(sum(c.weights.values()), 6), c.events, c.material,
                        len(c.articles), len(c.sources), round(c.goldstein, 6), c.forward,
                        c.backward)
            for (week, a, b, direction), c in sorted(acc.items(), key=lambda kv: (
                kv[0][0], kv[0][1], kv[0][2] or "", kv[0][3]))]
