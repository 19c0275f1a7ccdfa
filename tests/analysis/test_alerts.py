"""Alerts on hand-made histories: the third party's bell, breadth of evidence, generic actors,
bounded change points, incremental refresh equal to a full one, reads that never write."""

from __future__ import annotations

import datetime as dt
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tocsin import analysis, registry
from tocsin.analysis import detectors
from tocsin.analysis.alerts import detectors as enabled_detectors
from tocsin.analysis.alerts import find_hits
from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.analysis.weekly import subject_weeks
from tocsin.models import Alert, WeeklyCount
from tocsin.settings import AlertSettings, Settings
from tocsin.store import Store
from tocsin.watch.announce import announcements

D0 = dt.date(2024, 1, 1)  # a Monday
WEEKS = 70


@pytest.fixture
def store(settings: Any) -> Any:
    s = Store.open(settings)
    yield s
    s.close()


def _ev(src: str, tgt: str, code: str) -> dict[str, Any]:
    return {"source": src, "target": tgt, "code": code}


def _day(week: int, dow: int = 0) -> dt.date:
    return D0 + dt.timedelta(weeks=week, days=dow)


def _history(rivals: bool, burst: bool = True) -> list[dict[str, Any]]:
    """RUS-IND cooperative for 70 weeks; IND-PAK hostile (or friendly); background news
    every day; then (``burst``) RUS-PAK cooperation in four articles a week for two weeks."""
    stories = []
    for w in range(WEEKS):
        for d in range(3):  # background: three articles a week on unrelated dyads
            stories.append({"id": f"bg{w}-{d}", "date": _day(w, d), "source": f"wire{d}",
                            "events": [_ev("USA", "CHN", "036"), _ev("FRA", "DEU", "042")]})
        if w % 2 == 0:
            stories.append({"id": f"ri{w}", "date": _day(w, 3), "source": "wire0",
                            "events": [_ev("RUS", "IND", "057"), _ev("IND", "RUS", "042")]})
            edge = _ev("IND", "PAK", "190") if rivals else _ev("IND", "PAK", "057")
            stories.append({"id": f"ip{w}", "date": _day(w, 4), "source": "wire1",
                            "events": [edge]})
        if burst and w >= WEEKS - 2:
            for d in range(4):
                stories.append({"id": f"rp{w}-{d}", "date": _day(w, d), "source": f"wire{d % 3}",
                                "events": [_ev("RUS", "PAK", "057"), _ev("PAK", "RUS", "042")]})
    return stories


# --------------------------------------------------------------------------- third party

def test_third_party_alert_for_india_with_three_edges(store: Any) -> None:
    add_articles_with_events(store, _history(rivals=True))
    found = analysis.alerts(store, kind="third_party", top=10)
    ind = [a for a in found if a.subject == "IND"]
    assert ind, [a.explanation for a in found]
    alert = ind[0]
    assert alert.details["partner"] == "RUS" and alert.details["rival"] == "PAK"
    assert alert.explanation.startswith("IND: RUS, a partner, moves toward PAK, a rival")
    edges = alert.details["evidence_by_edge"]
    assert set(edges) == {"RUS-PAK", "RUS-IND", "PAK-IND"}
    assert all(edges[k] for k in edges), edges  # evidence for each of the three edges
    assert set(alert.evidence) == {i for ids in edges.values() for i in ids}
    coop = [a for a in analysis.alerts(store, direction="cooperation", top=50)
            if a.subject == "PAK-RUS" and a.kind != "third_party"]
    assert coop and alert.score == coop[0].score  # ranked on the same scale as the dyad alert


def test_no_third_party_alert_without_the_rivalry(store: Any) -> None:
    add_articles_with_events(store, _history(rivals=False))
    assert analysis.alerts(store, kind="third_party", top=10) == []
    assert any(a.subject == "PAK-RUS" for a in analysis.alerts(store, direction="cooperation"))


def test_no_third_party_alert_when_the_cooperation_rises_inside_a_war(store: Any) -> None:
    stories = _history(rivals=True)
    for w in (WEEKS - 2, WEEKS - 1):  # the talks come with heavier fighting between them
        for d in range(5):
            stories.append({"id": f"war{w}-{d}", "date": _day(w, d), "source": f"wire{d % 3}",
                            "events": [_ev("RUS", "PAK", "190"), _ev("PAK", "RUS", "195")]})
    add_articles_with_events(store, stories)
    assert any(a.subject == "PAK-RUS" for a in analysis.alerts(store, direction="cooperation"))
    assert analysis.alerts(store, kind="third_party", top=10) == []


def test_no_alert_without_the_burst(store: Any) -> None:
    add_articles_with_events(store, _history(rivals=True, burst=False))
    assert not [a for a in analysis.alerts(store, top=50) if "PAK-RUS" in a.subject]


# --------------------------------------------------------------------------- breadth

def _rows(week: dt.date, src: str, tgt: str, quad: int, arts: list[str], n: int = 1
          ) -> WeeklyCount:
    return WeeklyCount(week, src, tgt, quad, n, -5.0 * n, frozenset(arts), frozenset({1}))


def _ctx(rows: list[WeeklyCount], n_weeks: int, rules: AlertSettings) -> Any:
    weeks = [_day(i) for i in range(n_weeks)]
    bg = [_rows(w, "USA", "CHN", 1, [f"bg{i}-{k}" for k in range(5)], 5)
          for i, w in enumerate(weeks)]
    index = {w: i for i, w in enumerate(weeks)}
    every = subject_weeks(bg + rows)
    return detectors.ScanContext(weeks, np.full(n_weeks, 10.0),
                                 detectors.subjects(every, index, rules), every)


def test_one_sentence_naming_three_countries_raises_no_alert() -> None:
    rules = AlertSettings()
    week = _day(30)
    # one article, one sentence: "a U.S.-led coalition of GBR, FRA, DEU strikes SYR"
    rows = [_rows(week, src, "SYR", 4, ["one-article"], 3) for src in ("GBR", "FRA", "DEU")]
    hits = find_hits(_ctx(rows, 40, rules), rules)
    assert not [h for h in hits if h.direction == "conflict"]
    # the same burst reported by three distinct articles does alert (the dyads)
    rows = [_rows(week, "GBR", "SYR", 4, ["a1", "a2", "a3"], 3)]
    hits = find_hits(_ctx(rows, 40, rules), rules)
    assert {h.subject.name for h in hits if h.direction == "conflict"} >= {"GBR-SYR"}


def test_generic_actors_make_no_subjects() -> None:
    rules = AlertSettings()
    week = _day(3)
    rows = [_rows(week, "IGO", "SYR", 4, ["a"]), _rows(week, "NGO", "---", 4, ["b"]),
            _rows(week, "GOV", "REB", 4, ["c"])]
    names = {s.name for s in detectors.subjects(subject_weeks(rows), {week: 0}, rules)}
    assert names == {"SYR"}
    loose = Settings(alerts={"generic_actors": (), "generic_roles": False}).alerts
    names = {s.name for s in detectors.subjects(subject_weeks(rows), {week: 0}, loose)}
    assert {"IGO-SYR", "GOV-REB", "NGO"} <= names


def test_a_shift_spanning_the_series_is_a_trend_not_an_alert() -> None:
    rules = AlertSettings()
    rows = [_rows(_day(i), "RUS", "UKR", 4, [f"x{i}-{k}" for k in range(3 if i < 3 else 6)], 6)
            for i in range(60)]  # from week 3 to the end: a level, not an episode
    hits = detectors.changepoint(_ctx(rows, 60, rules).subjects[-1], np.full(60, 10.0), rules)
    assert all(h.end - h.start + 1 <= rules.max_weeks for h in hits)
    assert not [h for h in hits if h.start < rules.changepoint_min_weeks]


def test_both_detectors_share_one_scale() -> None:
    assert detectors.surprise(5, 0.5) == pytest.approx(-np.log10(1 - sum(
        np.exp(-0.5) * 0.5 ** k / math.factorial(k) for k in range(5))), rel=1e-6)
    assert detectors.surprise(0, 3.0) == 0.0


def test_detectors_and_exporters_come_from_the_registry() -> None:
    assert registry.detectors.choices() == ["baseline", "burst", "changepoint", "rate",
                                            "third_party"]
    assert {"gdelt", "plover", "parquet", "csv"} <= set(registry.exporters.choices())
    rules = Settings(alerts={"changepoint": False, "third_party": False, "rate": False,
                             "burst": False}).alerts
    assert [d.name for d in enabled_detectors(rules)] == ["baseline"]


# --------------------------------------------------------------------------- kept current

def _fingerprint(store: Store) -> tuple[Any, ...]:
    idents = sorted((r["identity_id"], r["day"], r["num_mentions"], r["num_articles"], r["code"])
                    for r in store.identity_export_rows(counting_only=False))
    alerts = [(a.key, a.score, a.evidence, a.details.get("explanation"))
              for a in store.list_alerts(limit=None)]
    return tuple(idents), tuple(alerts), tuple(store.volume())


def test_two_step_ingest_gives_the_alerts_of_a_full_recompute(store: Any) -> None:
    stories = _history(rivals=True)
    half = len(stories) // 2
    add_articles_with_events(store, stories[:half])
    first = _fingerprint(store)
    add_articles_with_events(store, stories[half:])
    report = analysis.refresh(store)
    assert report.alerts is None  # nothing new since the last refresh
    incremental = _fingerprint(store)
    assert incremental != first and incremental[1]
    assert analysis.refresh(store, full=True).days is None
    assert _fingerprint(store) == incremental


def test_recoding_an_article_moves_its_event_and_stays_equal_to_full(store: Any) -> None:
    add_articles_with_events(store, _history(rivals=True)[:120])
    moved = [e.replace(article_date=_day(5)) for _, e in store.iter_events(article_id="ri0")]
    store.replace_events({"ri0": moved, "ip0": []})
    upto, days = store.pending_days()
    assert upto > 0 and _day(0, 3) in days and _day(5) in days and _day(0, 4) in days
    analysis.refresh(store)
    assert store.pending_days() == (0, [])
    incremental = _fingerprint(store)
    analysis.refresh(store, full=True)
    assert _fingerprint(store) == incremental


def test_reading_alerts_never_writes(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    with Store.open(settings) as s:
        add_articles_with_events(s, _history(rivals=True))
        s.replace_events({"bg0-0": []})  # queued work a read must not do
        before = (s.count_alerts(), s.pending_days())
    db = tmp_path / "tocsin.db"
    stamp = os.stat(db).st_mtime_ns
    ro = Store.open_url(f"sqlite:///file:{db}?mode=ro&uri=true", upgrade=False)
    try:
        found = analysis.alerts(ro, top=50)
        assert found and all(isinstance(a, Alert) and a.explanation for a in found)
        analysis.current_alerts(ro, settings)
        analysis.alerts(ro, current=True, direction="conflict")
        analysis.dyad(ro, "RUS", "IND")
        analysis.events(ro, analysis.make_filters(actor="PAK"))
        analysis.triads(ro)
        assert (ro.count_alerts(), ro.pending_days()) == before
    finally:
        ro.close()
    assert os.stat(db).st_mtime_ns == stamp  # and a read-only connection cannot write


def test_current_alerts_are_what_the_watcher_announces(store: Any) -> None:
    add_articles_with_events(store, _history(rivals=True))
    settings = Settings()
    current = analysis.current_alerts(store, settings)
    assert current and all(a.period_end >= _day(WEEKS - 4) for a in current)
    assert not hasattr(analysis, "new_or_escalated")  # one rule: the watcher's
    now = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    rules = {"floor": settings.alerts.min_score, "step": settings.watch.escalation_step,
             "webhook": False, "now": now}
    due = announcements(current, {}, **rules)
    assert [d.alert_key for d in due] == [a.key for a in current]
    assert announcements(current, {d.alert_key: d.level for d in due}, **rules) == []
