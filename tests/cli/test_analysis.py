"""The analysis commands: events, dyad, alerts, triads (thin over tocsin.analysis)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from click.testing import CliRunner

from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.cli import main
from tocsin.store import Store

D0 = dt.date(2025, 3, 3)


@pytest.fixture
def data_dir(sqlite_settings: Any) -> str:
    store = Store.open(sqlite_settings)
    stories = []
    for w in range(12):
        stories.append({"id": f"w{w}", "date": D0 + dt.timedelta(weeks=w), "events": [
            {"source": "RUS", "target": "IND", "code": "057"},
            {"source": "RUSMIL", "target": "PAKMIL", "code": "042",
             "sentence": f"A Russian military delegation visited Pakistan ({w})."}]})
        for d in range(6 if w >= 9 else 0):
            stories.append({"id": f"b{w}-{d}", "date": D0 + dt.timedelta(weeks=w, days=d),
                            "events": [{"source": "INDMIL", "target": "PAKMIL", "code": "195",
                                        "sentence": f"Indian jets struck Pakistan ({w}/{d})."}]})
    add_articles_with_events(store, stories)
    store.close()
    return str(sqlite_settings.data_dir)


def _run(data_dir: str, *args: str) -> Any:
    res = CliRunner().invoke(main, ["-q", "--data-dir", data_dir, *args])
    return res


def test_events_command_formats_and_filters(data_dir: str) -> None:
    res = _run(data_dir, "events", "--dyad", "RUS", "PAK", "--format", "json", "--limit", "3")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert len(rows) == 3 and all(r["source_code"] == "RUSMIL" for r in rows)
    table = _run(data_dir, "events", "--search", "jets", "--limit", "2").output
    assert table.splitlines()[0].split()[:3] == ["id", "article_date", "event_date"]
    assert len(table.splitlines()) == 3
    csv_out = _run(data_dir, "events", "--quad", "4", "--format", "csv").output
    assert len(csv_out.strip().splitlines()) == 1 + 18
    bad = _run(data_dir, "events", "--quad", "9")
    assert bad.exit_code == 2 and "E002" in bad.output


def test_dyad_command(data_dir: str) -> None:
    res = _run(data_dir, "dyad", "RUS", "PAK", "--by", "month")
    assert res.exit_code == 0, res.output
    assert "RUS-PAK: 12 events by month" in res.output
    out = _run(data_dir, "dyad", "IND", "PAK", "--by", "week", "--format", "json").output
    rec = json.loads(out)
    assert rec["total_events"] == 18 and rec["points"][-1]["by_quad"] == {"4": 6}
    roles = _run(data_dir, "dyad", "RUS", "PAK", "--roles", "--format", "csv").output
    assert "MIL" in roles
    assert _run(data_dir, "dyad", "RUS", "PAK", "--by", "year").exit_code == 2


def test_alerts_command(data_dir: str) -> None:
    res = _run(data_dir, "alerts", "--recompute", "--top", "3", "--direction", "conflict")
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert "conflict" in first and any(s in first for s in ("IND-PAK", " IND ", " PAK "))
    assert "struck" in res.output
    recs = json.loads(_run(data_dir, "alerts", "--format", "json", "--top", "1").output)
    assert recs[0]["evidence"] and recs[0]["score"] > 0


def test_triads_command(data_dir: str) -> None:
    res = _run(data_dir, "triads", "--min-events", "2")
    assert res.exit_code == 0, res.output
    assert "IND-PAK-RUS ++- friend of my friend is my rival" in res.output
    shifts = _run(data_dir, "triads", "--window", ":2025-05-01", "--compare", "2025-05-05:",
                  "--min-events", "1")
    assert "IND-PAK-RUS: appeared unbalanced" in shifts.output
    assert _run(data_dir, "triads", "--window", "2025").exit_code == 2


def test_alerts_are_current_after_ingest_without_recompute(data_dir: str) -> None:
    res = _run(data_dir, "alerts", "--direction", "conflict", "--top", "5")
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert "IND-PAK conflict" in first and "score" in first
    assert "INDMIL→PAKMIL" not in res.output and "IND→PAK material conflict" in res.output
    current = _run(data_dir, "alerts", "--current", "--format", "json")
    recs = json.loads(current.output)
    assert recs and all(r["period_end"] >= str(D0 + dt.timedelta(weeks=8)) for r in recs)
    assert all(r["explanation"] and r["key"] for r in recs)


def test_alert_kinds_and_export_formats_come_from_the_registry(data_dir: str) -> None:
    assert _run(data_dir, "alerts", "--kind", "third_party").exit_code == 0
    bad = _run(data_dir, "alerts", "--kind", "nonsense")
    assert bad.exit_code == 2 and "third_party" in bad.output
    assert "parquet" in _run(data_dir, "export", "--help").output


def test_bench_alerts_prints_figures_and_fails_below_the_floor(data_dir: str,
                                                               tmp_path: Any) -> None:
    episodes = tmp_path / "episodes.tsv"
    episodes.write_text("dyad\tstart\tend\tdescription\n"
                        f"PAK-IND\t{D0 + dt.timedelta(weeks=9)}\t{D0 + dt.timedelta(weeks=11)}"
                        "\tIndian strikes\n", encoding="utf-8")
    res = _run(data_dir, "bench-alerts", "--episodes", str(episodes))
    assert res.exit_code == 0, res.output
    assert "recall@20: 1.000" in res.output and "single-article share: 0.000" in res.output
    episodes.write_text("dyad\tstart\tend\tdescription\nRUS-UKR\t2025-01-01\t2025-02-01\tnone\n",
                        encoding="utf-8")
    res = _run(data_dir, "bench-alerts", "--episodes", str(episodes))
    assert res.exit_code == 1 and "recall@20: 0.000" in res.output
