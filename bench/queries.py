"""``tocsin bench-queries``: latency of the analysis queries on a large synthetic store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

from tocsin import analysis
from tocsin.analysis import synthetic
from tocsin.settings import Settings
from tocsin.store import Store, create_engine, schema

log = logging.getLogger(__name__)

BENCH_SCHEMA = "tocsin_bench"


@dataclasses.dataclass
class Timing:
    name: str
    runs: int
    p50_ms: float
    p95_ms: float
    max_ms: float


@dataclasses.dataclass
class BenchReport:
    backend: str
    events: int
    identities: int
    setup_seconds: dict[str, float]
    timings: list[Timing]


def _bench_url(settings: Settings, reuse: bool) -> str:
    if not settings.database_url:
        path = Path(settings.data_dir) / "bench-queries.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        return f"sqlite:///{path.resolve()}"
    url = settings.database_url
    if url.startswith("sqlite"):
        return url
    engine = create_engine(url)
    with engine.begin() as conn:
        if not reuse:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{BENCH_SCHEMA}" CASCADE'))
        conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{BENCH_SCHEMA}"'))
    engine.dispose()
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{BENCH_SCHEMA}"


def populate(store: Store, n_events: int, seed: int) -> None:
    """Fill an empty store with ``n_events`` synthetic events."""
    sources, articles, events = synthetic.generate(n_events, seed=seed)
    with store.engine.begin() as conn:  # a benchmark tool: straight into the tables
        for table, rows in ((schema.sources, sources), (schema.articles, articles),
                            (schema.events, events)):
            _bulk_insert(conn, table, rows)
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE"))
    if store.engine.dialect.name == "sqlite":
        with store.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE"))


def _bulk_insert(conn: sa.Connection, table: sa.Table, rows: Any, chunk: int = 20_000) -> None:
    buf: list[dict[str, Any]] = []
    for row in rows:
        buf.append(row)
        if len(buf) >= chunk:
            conn.execute(table.insert(), buf)
            buf = []
    if buf:
        conn.execute(table.insert(), buf)


def _time(name: str, fn: Callable[[int], Any], runs: int) -> Timing:
    fn(0)  # warm-up
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i + 1)
        times.append((time.perf_counter() - t0) * 1000)
    arr = np.array(times)
    return Timing(name, runs, round(float(np.percentile(arr, 50)), 2),
                  round(float(np.percentile(arr, 95)), 2), round(float(arr.max()), 2))


def run(settings: Settings, *, n_events: int = 1_000_000, runs: int = 30, seed: int = 7,
        reuse: bool = False, progress: Callable[[str], None] = lambda _m: None) -> BenchReport:
    """Build (or reuse) the synthetic store, then time the queries."""
    store = Store.open_url(_bench_url(settings, reuse))
    setup: dict[str, float] = {}
    try:
        have = store.count_events()
        if have != n_events:
            if have:
                raise analysis_error(f"benchmark database has {have} events, not {n_events}: "
                                     "run without --reuse")
            progress(f"generating {n_events} synthetic events ...")
            t0 = time.perf_counter()
            populate(store, n_events, seed)
            setup["insert"] = round(time.perf_counter() - t0, 1)
        progress("building event identities ...")
        t0 = time.perf_counter()
        analysis.refresh(store)
        setup["identities"] = round(time.perf_counter() - t0, 1)
        _vacuum(store)
        with store.engine.connect() as conn:
            n_ident = conn.execute(sa.select(sa.func.count()).select_from(
                schema.event_identities)).scalar_one()
        return BenchReport(store.engine.dialect.name, n_events, int(n_ident), setup,
                           _timings(store, runs, progress))
    finally:
        store.close()


def _vacuum(store: Store) -> None:
    """Fresh statistics (and, on PostgreSQL, the visibility map index-only scans need)."""
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
    else:
        with store.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE"))


def analysis_error(message: str) -> Exception:
    from tocsin.errors import InputError

    return InputError(message)


def _timings(store: Store, runs: int, progress: Callable[[str], None]) -> list[Timing]:
    c = synthetic.COUNTRIES
    pairs = [("RUS", "PAK")] + [(c[i % 12], c[(i * 7 + 1) % 20]) for i in range(1, 40)]
    pairs = [p for p in pairs if p[0] != p[1]]
    start = dt.date(2025, 1, 1)
    out = []
    progress("timing dyad series ...")
    out.append(_time("dyad series (month, undirected)",
                     lambda i: analysis.dyad(store, *pairs[i % len(pairs)], by="month"), runs))
    out.append(_time("dyad series (week, directed, roles)",
                     lambda i: analysis.dyad(store, *pairs[i % len(pairs)], by="week",
                                             directed=True, roles=True), runs))
    progress("timing event search ...")

    def search(i: int) -> Any:
        since = start + dt.timedelta(days=(i * 37) % 500)
        f = analysis.make_filters(actor=c[i % 15], since=since, until=since + dt.timedelta(days=30))
        return analysis.events(store, f, limit=50)

    out.append(_time("event search (actor + 30-day window, 50 rows)", search, runs))
    words = synthetic.WORDS
    out.append(_time("event text search (word, 50 rows)",
                     lambda i: analysis.events(store, analysis.make_filters(
                         search=words[i % len(words)], dyad=pairs[i % len(pairs)]), limit=50),
                     runs))
    progress("timing alert scan ...")
    out.append(_time("alert scan (all dyads and actors)", lambda _i: analysis.scan(store),
                     max(1, min(runs, 3))))
    return out


def format_report(report: BenchReport) -> str:
    head = (f"backend {report.backend}: {report.events} events, {report.identities} event "
            f"identities; setup {report.setup_seconds}")
    lines = [head]
    for t in report.timings:
        lines.append(f"  {t.name:48s} p50 {t.p50_ms:9.1f} ms  p95 {t.p95_ms:9.1f} ms  "
                     f"max {t.max_ms:9.1f} ms  ({t.runs} runs)")
    return "\n".join(lines)
