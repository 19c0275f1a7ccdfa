"""Load benchmark: 8 API readers for 30 s while an ingest writes to the same SQLite store.

    python -m bench.load --db DEMO.db [--readers 8] [--seconds 30] [--articles 294]

Copies ``DEMO.db`` (a coded store, e.g. ``tocsin demo``'s) into a temporary data dir,
serves it with ``tocsin serve`` on loopback, and runs ``tocsin ingest`` of the Wikinews
sample (ids and text salted so they are new articles) into the same store while the
readers ask ``/alerts``, ``/events``, ``/dyads``, ``/actors`` and ``/triads`` in a loop.
Prints requests, timeouts, errors and latency percentiles; exits 1 unless there are 0
timeouts, 0 errors and p95 < 300 ms. Loopback only; every process it starts is stopped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np

WIKINEWS = (Path(__file__).resolve().parents[1] / "src/tocsin/data/samples"
            / "wikinews_2019_2021_sample.jsonl")
PATHS = ("/alerts?limit=20", "/alerts?limit=10&direction=conflict", "/events?actor=PAK&limit=50",
         "/dyads/IRN/ISR?by=week", "/actors/RUS?by=month", "/triads", "/events?limit=50")
TIMEOUT = 10.0
FLOOR_P95_MS = 300.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _salted_input(path: Path, n: int) -> None:
    """New articles: the Wikinews sample with salted ids and texts (no duplicate hits)."""
    with WIKINEWS.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            rec = json.loads(line)
            rec["id"] = f"load-{rec.get('id', i)}"
            rec["text"] = f"{rec['text']}\n\nLoad test copy {i}."
            out.write(json.dumps(rec) + "\n")


def _wait_up(base: str, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if httpx.get(base + "/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("the API did not start")


def _reader(base: str, stop: threading.Event, out: list[tuple[float, str, str]], k: int) -> None:
    with httpx.Client(base_url=base, timeout=TIMEOUT) as client:
        i = k
        while not stop.is_set():
            path = PATHS[i % len(PATHS)]
            i += 1
            t0 = time.perf_counter()
            try:
                status = client.get(path).status_code
                what = "ok" if status == 200 else f"error {status}"
            except httpx.TimeoutException:
                what = "timeout"
            except httpx.HTTPError as exc:
                what = f"error {type(exc).__name__}"
            out.append(((time.perf_counter() - t0) * 1000, what, path))


def run(db: Path, readers: int, seconds: float, articles: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="tocsin-load-"))
    shutil.copy(db, tmp / "tocsin.db")
    _salted_input(tmp / "news.jsonl", articles)
    env = dict(os.environ, TOCSIN_DATA_DIR=str(tmp), TOCSIN_NEAR_DUP_THRESHOLD="1.0")
    port = _free_port()
    exe = [sys.executable, "-m", "tocsin.cli"]
    server = subprocess.Popen([*exe, "-q", "serve", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ingest = None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_up(base)
        ingest = subprocess.Popen([*exe, "-q", "ingest", str(tmp / "news.jsonl")], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        stop, results = threading.Event(), []  # type: ignore[var-annotated]
        threads = [threading.Thread(target=_reader, args=(base, stop, results, k))
                   for k in range(readers)]
        for t in threads:
            t.start()
        time.sleep(seconds)
        stop.set()
        for t in threads:
            t.join()
        writing = ingest.poll() is None
        if not writing and ingest.returncode:
            tail = (ingest.stderr.read() if ingest.stderr else "")[-300:]
            print(f"ingest failed ({ingest.returncode}): {tail}")
        return _report(results, readers, seconds, writing)
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


def _report(results: list[tuple[float, str, str]], readers: int, seconds: float,
            writing: bool) -> int:
    ms = np.array([r[0] for r in results]) if results else np.zeros(1)
    timeouts = sum(r[1] == "timeout" for r in results)
    errors = sum(r[1].startswith("error") for r in results)
    p50, p95, p99 = (float(np.percentile(ms, q)) for q in (50, 95, 99))
    print(f"{readers} readers for {seconds:.0f} s during an ingest "
          f"({'still writing at the end' if writing else 'finished before the end'}): "
          f"{len(results)} requests, {timeouts} timeouts, {errors} errors; "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, max {ms.max():.1f} ms")
    for path in PATHS:
        mine = [r[0] for r in results if r[2] == path]
        if mine:
            print(f"  {path:40s} {len(mine):5d} requests, p95 {np.percentile(mine, 95):7.1f} ms")
    ok = timeouts == 0 and errors == 0 and p95 < FLOOR_P95_MS
    print("ok" if ok else f"below the floor (0 timeouts, 0 errors, p95 < {FLOOR_P95_MS:.0f} ms)")
    return 0 if ok else 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a coded tocsin SQLite store")
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--articles", type=int, default=294)
    args = ap.parse_args()
    raise SystemExit(run(args.db, args.readers, args.seconds, args.articles))


if __name__ == "__main__":
    main()
