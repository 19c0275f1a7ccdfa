"""The weekly cube gives the same window rows as the SQL query, and caches follow the data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tocsin.api.cache import Aggregates, WeeklyCube
from tocsin.store import Store
from tocsin.store import dashboard as q


def _key(rows: list[q.DyadWindowRow]) -> list[tuple[Any, ...]]:
    return sorted((r.current, r.source, r.target, r.quad, r.events) for r in rows)


def test_cube_equals_the_window_query(workbench_store: Store) -> None:
    with workbench_store.engine.connect() as conn:
        cube = WeeklyCube(q.weekly_pair_rows(conn))
        first, last = q.data_range(conn)
        assert first and last
        for weeks in (1, 3, 6, 20):
            for shift in (0, 2, 5):
                until = last - dt.timedelta(weeks=shift, days=shift)
                since = until - dt.timedelta(weeks=weeks, days=-1)
                sql = q.window_rows(conn, since, until)
                assert _key(cube.window_rows(since, until)) == _key(sql), (since, until)
                assert sql or since > last


def test_cached_answers_follow_the_data(workbench_store: Store) -> None:
    agg = Aggregates(workbench_store.engine)
    calls: list[int] = []
    assert agg.cached("k", lambda: calls.append(1) or 1) == 1
    assert agg.cached("k", lambda: calls.append(2) or 2) == 1  # same version: cached
    assert calls == [1]
    agg._version = ("stale",)  # noqa: SLF001 - as if the data had changed
    assert agg.cached("k", lambda: calls.append(3) or 3) == 3


def test_vectorised_movers_and_map_equal_the_reference(workbench_store: Store) -> None:
    from tocsin.api import workbench

    with workbench_store.engine.connect() as conn:
        cube = WeeklyCube(q.weekly_pair_rows(conn))
        _, last = q.data_range(conn)
        assert last
        for weeks in (2, 6, 12):
            since = last - dt.timedelta(weeks=weeks, days=-1)
            rows = q.window_rows(conn, since, last)
            for min_events in (1, 3, 10):
                assert workbench.cube_movers(cube, since, last, min_events=min_events) == \
                    workbench.movers(rows, min_events=min_events)
            for min_events in (1, 5):
                assert workbench.cube_map(cube, since, last, min_events=min_events) == \
                    workbench.country_map(rows, min_events=min_events)
