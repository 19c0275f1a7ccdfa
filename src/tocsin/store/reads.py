"""Read methods over the analysis tables (mixin of :class:`tocsin.store.Store`).

Every method is a short read on its own connection: it never writes and never waits on
a writer (SQLite in WAL mode; PostgreSQL's MVCC). Series rows, evidence and export rows
are plain records (one dict per row); the alert scan's inputs are model dataclasses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from tocsin.models import DyadEdge, SubjectWeek, WeeklyCount
from tocsin.store import queries
from tocsin.store.queries import EventFilters
from tocsin.store.schema import (
    analysis_subject_weeks,
    articles,
    event_identities,
    event_mentions,
    events,
)


class AnalysisReads:
    """Reads for series, alerts, triads, event search and exports."""

    engine: sa.Engine

    def series_rows(self, a: str, b: str | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        """Per period x quad class x PLOVER type (x roles) counts of a dyad or actor."""
        with self.engine.connect() as conn:
            return queries.series_rows(conn, a, b, **kwargs)

    def volume(self, since: dt.date | None = None, until: dt.date | None = None
               ) -> list[tuple[dt.date, int, int]]:
        """(day, counting events, their mentions) of all actors."""
        with self.engine.connect() as conn:
            return queries.volume_rows(conn, since, until)

    def data_range(self) -> tuple[dt.date | None, dt.date | None]:
        """First and last day with counting events."""
        with self.engine.connect() as conn:
            return queries.data_range(conn)

    def weekly_counts(self, weeks: Sequence[dt.date] | None = None) -> list[WeeklyCount]:
        """Counting events per week (all, or ``weeks``), directed country-level dyad and
        quad class, with the distinct articles and sources (not near-duplicates) that report
        them, and the report weights: per article and per event (``"#<identity id>"``), 1 /
        the dyads coded from the sentence that reports it with an event of the same CAMEO
        root (the most of its mentions): "a coalition of GBR, FRA and DEU strikes SYR" is a
        third each, while a sentence telling two different events gives each its whole."""
        t, m, e, a = event_identities, event_mentions, events, articles
        q = (
            sa.select(t.c.week, t.c.source_root, t.c.target_root, t.c.quad_class, t.c.id,
                      t.c.goldstein, e.c.article_id, a.c.source_id, e.c.sentence_index,
                      t.c.root_code)
            .select_from(t.join(m, m.c.identity_id == t.c.id).join(e, e.c.id == m.c.event_id)
                         .outerjoin(a, a.c.id == e.c.article_id))
            .where(queries.counting(), m.c.near_dup == sa.false(), t.c.week.is_not(None),
                   t.c.quad_class.is_not(None))
        )
        if weeks is None:
            with self.engine.connect() as conn:
                return _weekly(conn.execute(q).all())
        rows: list[Any] = []
        for i in range(0, len(weeks), 400):
            with self.engine.connect() as conn:
                rows += conn.execute(q.where(t.c.week.in_(list(weeks[i:i + 400])))).all()
        return _weekly(rows)

    def subject_weeks(self) -> list[SubjectWeek]:
        """Every stored row of the detectors' input (kept current by the refresh)."""
        sw = analysis_subject_weeks
        names = [f.name for f in dataclasses.fields(SubjectWeek)]
        q = sa.select(*(sw.c[n] for n in names)).order_by(sw.c.week, sw.c.subject,
                                                            sw.c.direction)
        with self.engine.connect() as conn:  # plain tuples: a million-event store has 1e5 rows
            return [SubjectWeek(*r) for r in conn.execute(q)]

    def dyad_edges(self, since: dt.date | None = None, until: dt.date | None = None
                   ) -> list[DyadEdge]:
        """Directed country-level dyads of a window: counting events and Goldstein sum."""
        with self.engine.connect() as conn:
            rows = queries.dyad_edge_rows(conn, since, until)
        return [DyadEdge(s, t, n, g) for s, t, n, g in rows]

    def top_contributors(self, a: str, b: str | None, start: dt.date, end: dt.date,
                         quads: Sequence[int], limit: int = 5) -> list[dict[str, Any]]:
        """The events that weigh most in a subject's period (|Goldstein| x mentions)."""
        with self.engine.connect() as conn:
            return queries.top_contributors(conn, a, b, start, end, quads, limit)

    def evidence(self, event_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Evidence records (sentence, codes, article URL, source) of stored event ids."""
        with self.engine.connect() as conn:
            return queries.evidence_events(conn, event_ids)

    def search_events(self, filters: EventFilters, *, limit: int = 50, offset: int = 0,
                      after_id: int | None = None) -> list[dict[str, Any]]:
        """Event rows (mentions) matching the filters, by id, with identity and article."""
        with self.engine.connect() as conn:
            return queries.search_events(conn, filters, limit=limit, offset=offset,
                                         after_id=after_id)

    def event_record(self, event_id: int) -> dict[str, Any]:
        """One event with its rules, record and identity (NotFoundError if absent)."""
        with self.engine.connect() as conn:
            return queries.get_event(conn, event_id)

    def identity_export_rows(self, **kwargs: Any) -> Iterator[dict[str, Any]]:
        """Identities with their representative mention and article (GDELT/PLOVER export)."""
        with self.engine.connect() as conn:
            yield from queries.iter_identity_export_rows(conn, **kwargs)

    @staticmethod
    def event_columns() -> list[tuple[str, str]]:
        """(name, kind) of the events table's columns but the JSON record; kind is one of
        int, float, bool, date, datetime, str (the Parquet/CSV export's schema)."""
        kinds = ((sa.Boolean, "bool"), (sa.Integer, "int"), (sa.Float, "float"),
                 (sa.DateTime, "datetime"), (sa.Date, "date"))
        return [(c.name, next((k for t, k in kinds if isinstance(c.type, t)), "str"))
                for c in events.c if c.name != "record"]

    def event_export_rows(self) -> Iterator[dict[str, Any]]:
        """Every events row with its identity id (Parquet/CSV export)."""
        with self.engine.connect() as conn:
            yield from queries.iter_event_export_rows(conn)


def _sentence_key(r: Any) -> tuple[Any, ...]:
    return (r.article_id, r.sentence_index, r.week, r.root_code)


def _sentence_dyads(rows: Sequence[Any]) -> dict[tuple[Any, ...], int]:
    """(article, sentence, week, CAMEO root) -> the number of distinct dyads coded from it
    with an event of that root (the countries one action is shared among)."""
    dyads: dict[tuple[Any, ...], set[tuple[str, str]]] = defaultdict(set)
    for r in rows:
        src, tgt = r.source_root, r.target_root
        if src and tgt and src != tgt:
            dyads[_sentence_key(r)].add((min(src, tgt), max(src, tgt)))
    return {k: len(v) for k, v in dyads.items()}


def _weekly(rows: Sequence[Any]) -> list[WeeklyCount]:
    per_sentence = _sentence_dyads(rows)
    acc: dict[tuple[Any, ...], tuple[dict[int, float], dict[str, float], set[int]]] = \
        defaultdict(lambda: ({}, {}, set()))
    for r in rows:
        ids, arts, srcs = acc[(r.week, r.source_root, r.target_root, int(r.quad_class))]
        ids[r.id] = float(r.goldstein or 0.0)
        weight = 1.0 / max(1, per_sentence.get(_sentence_key(r), 1))
        arts[r.article_id] = max(arts.get(r.article_id, 0.0), weight)
        key = f"#{r.id}"  # the event (identity): its report share, the most of its mentions
        arts[key] = max(arts.get(key, 0.0), weight)
        if r.source_id is not None:
            srcs.add(int(r.source_id))
    return [WeeklyCount(k[0], k[1], k[2], k[3], len(v[0]), round(sum(v[0].values()), 6),
                        frozenset(a for a in v[1] if not a.startswith("#")), frozenset(v[2]),
                        dict(v[1]))
            for k, v in sorted(acc.items(), key=lambda kv: tuple(str(x) for x in kv[0]))]
