"""The pipeline keeps alerts current: two ingests through the real coder give the stored
identities, detector input and alerts of a full recompute; reads never refresh."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tocsin import analysis, pipeline
from tocsin.store import Store

BACKGROUND = "France and Germany held talks. Russia praised India."
BURST = "Indian jets struck targets in Pakistan. Pakistani artillery shelled Indian posts."


def _filler(d: int) -> str:
    """Words of this day only, so the near-duplicate detector sees distinct stories."""
    return " ".join(f"item{d}x{k}" for k in range(40)) + "."


def _records(path: Path, start: int, days: int, burst: bool) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for d in range(start, start + days):
            text = f"{BACKGROUND} {BURST}" if burst else BACKGROUND
            fh.write(json.dumps({"id": f"d{d}", "date": f"2025-{1 + d // 28:02d}-{1 + d % 28:02d}",
                                 "title": f"News {d}", "text": f"{text} {_filler(d)}",
                                 "source": f"wire{d % 3}"}) + "\n")


def _snapshot(store: Store) -> tuple[Any, ...]:
    idents = sorted((r["identity_id"], r["day"], r["num_mentions"], r["code"])
                    for r in store.identity_export_rows(counting_only=False))
    alerts = [(a.key, a.score, a.evidence) for a in store.list_alerts(limit=None)]
    return tuple(idents), tuple(store.subject_weeks()), tuple(alerts)


@pytest.mark.slow
def test_two_ingests_leave_what_a_full_recompute_gives(sqlite_settings: Any,
                                                      tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _records(first, 0, 60, burst=False)
    _records(second, 60, 20, burst=True)
    with Store.open(sqlite_settings) as store:
        pipeline.ingest([str(first)], sqlite_settings, store=store)
        before = _snapshot(store)
        pipeline.ingest([str(second)], sqlite_settings, store=store)
        assert store.pending_days() == (0, [])  # the ingest refreshed what it wrote
        after = _snapshot(store)
        assert after != before and after[1] and after[2]  # alerts were raised
        assert analysis.refresh(store, full=True).days is None
        assert _snapshot(store) == after
