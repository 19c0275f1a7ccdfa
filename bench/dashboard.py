"""Dashboard benchmark: every data request behind the workbench's views on a large store.

    python -m bench.dashboard [--events 1000000] [--runs 30] [--reuse] [--data-dir DIR]

Builds (or reuses) a SQLite store of N synthetic events (``bench.queries.populate``: the
same generator as ``tocsin bench-queries``), builds identities and alerts, then replays
through the real app (in process, middleware included) the requests each view makes on
load, with varied actors, dyads and windows. It prints the p50/p95 latency of each
request kind (and, marked [cold], the first load's, which builds the in-memory cube and
cached answers once per version of the data; not a floor), the JSON bytes each view
transfers on load (the world-atlas shapes included), and exits 1 if a p95 reaches 300 ms
or a view transfers 500 KB or more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from bench.queries import _bench_url, _vacuum, populate
from tocsin import analysis
from tocsin.analysis import synthetic
from tocsin.settings import load_settings
from tocsin.store import Store

P95_FLOOR_MS = 300.0
JSON_FLOOR_BYTES = 500_000
ATLAS = "/dashboard/static/vendor/world-atlas/countries-110m.json"
SEED_ORIGIN = "russian-delegation-pakistan.txt"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(data_dir: Path, n_events: int, reuse: bool) -> tuple[Store, dict[str, float]]:
    """The benchmark store with identities and alerts (timings of each setup step)."""
    settings = load_settings(env={}, data_dir=data_dir)
    store = Store.open_url(_bench_url(settings, reuse).replace("bench-queries", "bench-dashboard"))
    setup: dict[str, float] = {}
    have = store.count_events()
    if have != n_events:
        if have:
            raise SystemExit(f"benchmark store has {have} events, not {n_events}: drop --reuse")
        _say(f"generating {n_events:,} synthetic events ...")
        t0 = time.perf_counter()
        populate(store, n_events, seed=7)
        setup["insert_s"] = round(time.perf_counter() - t0, 1)
    steps = () if reuse and have == n_events else (
        ("identities_s", analysis.refresh), ("alerts_s", analysis.recompute_alerts))
    for name, step in steps:
        _say(f"{name[:-2]} ...")
        t0 = time.perf_counter()
        step(store)
        setup[name] = round(time.perf_counter() - t0, 1)
    _vacuum(store)
    return store, setup


def view_requests(i: int, w: dict[str, str]) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    """(request kind, path, query) of each view's load, the ``i``-th variation."""
    c = synthetic.COUNTRIES
    a, b = c[i % 12], c[(i * 7 + 1) % 20]
    b = b if b != a else c[(i + 3) % 20]
    win = {"since": w["since"], "until": w["until"]}
    word = synthetic.WORDS[i % len(synthetic.WORDS)]
    period = (dt.date.fromisoformat(w["since"]) + dt.timedelta(weeks=i % 10)).isoformat()
    period_end = (dt.date.fromisoformat(period) + dt.timedelta(days=6)).isoformat()
    first: list[tuple[str, str, dict[str, Any]]] = [("window", "/window", {})]
    return {
        "overview": first + [
            ("alerts", "/alerts", {"limit": 40, "distinct": "true", "evidence": "false"}),
            ("movers", "/overview/movers", {**win, "limit": 8}),
            ("map", "/overview/map", win),
            ("seed article", "/articles", {"origin": SEED_ORIGIN, "limit": 1}),
            ("atlas (static)", ATLAS, {})],
        "dyad": first + [
            ("dyad series", f"/dyads/{a}/{b}", {"by": "week", **win}),
            ("dyad alerts", "/alerts", {"subject": f"{a}-{b}", "limit": 50, "evidence": "false"}),
            ("dyad alerts", "/alerts", {"subject": f"{b}-{a}", "limit": 50, "evidence": "false"}),
            ("period events", "/events", {"dyad": f"{a}-{b}", "since": period,
                                          "until": period_end, "sort": "-date",
                                          "total": "true", "limit": 50}),
            ("type-ahead", "/actors", {"q": a[:2].lower(), "limit": 8})],
        "actor": first + [
            ("partners", f"/actors/{a}/partners", {**win, "limit": 20}),
            ("actor series", f"/actors/{a}", {"by": "week", **win}),
            ("top events", f"/actors/{a}/top", {**win, "limit": 10})],
        "triads": first + [
            ("triads", "/triads", {**win, "limit": 24}),
            ("triad shifts", "/triads/shifts", {"since1": w["previous_since"],
                                                "until1": w["previous_until"],
                                                "since2": w["since"], "until2": w["until"],
                                                "limit": 24})],
        "article": first + [
            ("article list", "/articles", {**win, "limit": 50}),
            ("article", f"/articles/syn-{i * 101 % 1000}", {})],
        "events": first + [
            ("events (window, newest)", "/events", {**win, "sort": "-date", "total": "true",
                                                    "limit": 50}),
            ("events (actor + quad)", "/events", {**win, "actor": a, "quad": 1 + i % 4,
                                                  "sort": "-date", "total": "true",
                                                  "limit": 50}),
            ("events (text search)", "/events", {**win, "search": word, "sort": "-date",
                                                 "total": "true", "limit": 50})],
    }


def measure(client: Any, runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Latency (ms) per request kind and the largest JSON bytes per view load."""
    w = client.get("/window").json()
    times: dict[str, list[float]] = defaultdict(list)
    view_bytes: dict[str, int] = defaultdict(int)
    for i in range(runs + 1):  # run 0 warms the caches and is not counted
        for view, requests in view_requests(i, w).items():
            total = 0
            for kind, path, params in requests:
                t0 = time.perf_counter()
                resp = client.get(path, params=params)
                ms = (time.perf_counter() - t0) * 1000
                if resp.status_code != 200:
                    raise SystemExit(f"{path} {params}: HTTP {resp.status_code} {resp.text[:200]}")
                if "json" in resp.headers.get("content-type", ""):
                    total += len(resp.content)
                if i:
                    times[kind].append(ms)
                else:  # the first load after the data changed: caches and cube built here
                    times[f"{kind} [cold]"].append(ms)
            view_bytes[view] = max(view_bytes[view], total)
    return times, view_bytes


def report(times: dict[str, list[float]], view_bytes: dict[str, int],
           emit: Callable[[str], None] = print) -> bool:
    """Print the figures; True when every floor is met."""
    ok = True
    emit(f"{'request':28s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}  runs")
    for kind, values in sorted(times.items(), key=lambda kv: kv[0].endswith("[cold]")):
        arr = np.array(values)
        p95 = float(np.percentile(arr, 95))
        if kind.endswith("[cold]"):  # reported, not a floor (one run: rebuilt per data change)
            emit(f"{kind:28s} {arr[0]:8.1f} {'':8s} {'':8s}  1")
            continue
        flag = "" if p95 < P95_FLOOR_MS else f"  ABOVE {P95_FLOOR_MS:.0f} ms"
        ok &= p95 < P95_FLOOR_MS
        emit(f"{kind:28s} {np.percentile(arr, 50):8.1f} {p95:8.1f} {arr.max():8.1f}  "
             f"{len(values)}{flag}")
    emit(f"{'view':28s} {'JSON on load (max)':>20s}")
    for view, n in view_bytes.items():
        flag = "" if n < JSON_FLOOR_BYTES else f"  ABOVE {JSON_FLOOR_BYTES // 1000} KB"
        ok &= n < JSON_FLOOR_BYTES
        emit(f"{view:28s} {n / 1000:17.1f} KB{flag}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--reuse", action="store_true", help="reuse the store if it has the events")
    ap.add_argument("--data-dir", type=Path, default=Path("data"))
    args = ap.parse_args(argv)
    from fastapi.testclient import TestClient

    from tocsin.api import create_app

    store, setup = build(args.data_dir, args.events, args.reuse)
    try:
        settings = load_settings(env={}, data_dir=args.data_dir)
        client = TestClient(create_app(settings, store=store), base_url="http://127.0.0.1")
        _say(f"setup {setup}; timing {args.runs} loads of each view ...")
        times, view_bytes = measure(client, args.runs)
    finally:
        store.close()
    print(f"SQLite, {args.events:,} synthetic events, {args.runs} runs per request")
    ok = report(times, view_bytes)
    print("PASS" if ok else f"FAIL: a p95 >= {P95_FLOOR_MS:.0f} ms or a view >= 500 KB of JSON")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
