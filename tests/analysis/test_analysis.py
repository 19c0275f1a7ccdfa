"""Event identity, dyad/actor series, alerts and triads on small hand-made stores."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tocsin import analysis
from tocsin.analysis.synthetic import add_articles_with_events
from tocsin.errors import InputError
from tocsin.store import Store

D0 = dt.date(2025, 3, 3)  # a Monday


@pytest.fixture
def store(settings: Any) -> Any:
    s = Store.open(settings)
    yield s
    s.close()


def _ev(src: str, tgt: str, code: str, **kw: Any) -> dict[str, Any]:
    return {"source": src, "target": tgt, "code": code, **kw}


# --------------------------------------------------------------------------- identity

def test_near_duplicate_articles_count_once_with_two_mentions(store: Any) -> None:
    story = [_ev("RUSMIL", "PAKMIL", "042",
                 sentence="A Russian military delegation visited Pakistan.")]
    add_articles_with_events(store, [
        {"id": "orig", "date": D0, "source": "Dawn", "events": story},
        {"id": "copy", "date": D0, "source": "Dawn mirror", "near_dup_of": "orig", "events": story},
    ])
    series = analysis.dyad(store, "RUS", "PAK", by="day")
    assert series.total_events == 1
    assert sum(p.mentions for p in series.points) == 2
    rows = analysis.events(store, analysis.make_filters(dyad=("RUS", "PAK")))
    assert len(rows) == 2 and rows[0]["identity_id"] == rows[1]["identity_id"]
    assert [r["near_dup"] for r in rows] == [False, True]
    ident = analysis.event(store, rows[0]["id"])["identity"]
    assert (ident["num_mentions"], ident["num_articles"], ident["num_sources"]) == (2, 1, 1)


def test_two_independent_articles_are_two_articles_of_one_event(store: Any) -> None:
    story = [_ev("RUSMIL", "PAKMIL", "042")]
    add_articles_with_events(store, [
        {"id": "a", "date": D0, "source": "Dawn", "events": story},
        {"id": "b", "date": D0, "source": "Reuters", "events": story},
    ])
    row = analysis.events(store)[0]
    ident = analysis.event(store, row["id"])["identity"]
    assert (ident["num_mentions"], ident["num_articles"], ident["num_sources"]) == (2, 2, 2)
    assert analysis.dyad(store, "RUS", "PAK").total_events == 1


def test_event_seen_only_in_a_near_duplicate_does_not_count(store: Any) -> None:
    add_articles_with_events(store, [
        {"id": "orig", "date": D0, "events": [_ev("RUS", "PAK", "042")]},
        {"id": "copy", "date": D0, "near_dup_of": "orig", "events": [_ev("IND", "PAK", "112")]},
    ])
    assert analysis.dyad(store, "IND", "PAK").total_events == 0
    assert analysis.dyad(store, "RUS", "PAK").total_events == 1


def test_generic_code_folds_into_specific_code_of_same_root(store: Any) -> None:
    add_articles_with_events(store, [
        {"id": "a", "date": D0, "events": [_ev("INDMIL", "PAKMIL", "190")]},
        {"id": "b", "date": D0, "events": [_ev("INDMIL", "PAKMIL", "193")]},
        {"id": "c", "date": D0, "events": [_ev("INDMIL", "PAKMIL", "195")]},  # a different event
    ])
    series = analysis.dyad(store, "IND", "PAK", by="day")
    assert series.total_events == 2
    rows = analysis.events(store)
    assert rows[0]["identity_id"] in (rows[1]["identity_id"], rows[2]["identity_id"])


def test_merge_near_identical_is_pure_and_keeps_distinct_children() -> None:
    from tocsin.analysis.identity import _Group, merge_near_identical
    from tocsin.models import EventMention

    groups = [_Group((D0, "A", "B", c, True), [EventMention(i, "a", c, True)])
              for i, c in enumerate(["19", "190", "193", "195"])]
    merged = merge_near_identical(groups)
    assert sorted(g.code for g in merged) == ["193", "195"]
    assert sum(len(g.mentions) for g in merged) == 4


def test_negated_events_are_queryable_but_do_not_count(store: Any) -> None:
    add_articles_with_events(store, [
        {"id": "a", "date": D0, "events": [_ev("USA", "IRN", "190", factuality="negated"),
                                           _ev("USA", "IRN", "036", factuality="intended")]},
    ])
    assert analysis.dyad(store, "USA", "IRN").total_events == 1
    neg = analysis.events(store, analysis.make_filters(factuality="negated"))
    assert len(neg) == 1 and neg[0]["code"] == "190"


def test_identities_refresh_when_events_change(store: Any) -> None:
    add_articles_with_events(store, [{"id": "a", "date": D0, "events": [_ev("RUS", "PAK", "042")]}])
    assert analysis.dyad(store, "RUS", "PAK").total_events == 1
    add_articles_with_events(store, [{"id": "b", "date": D0 + dt.timedelta(days=1),
                                      "events": [_ev("RUS", "PAK", "057")]}])
    assert analysis.dyad(store, "RUS", "PAK").total_events == 2
    assert analysis.refresh(store).alerts is None  # nothing queued: nothing done
    assert analysis.refresh(store, full=True).days is None  # everything regrouped


# --------------------------------------------------------------------------- series

def test_dyad_series_directed_roles_and_normalisation(store: Any) -> None:
    add_articles_with_events(store, [
        {"id": "a", "date": D0, "events": [_ev("RUSMIL", "PAKMIL", "042"),
                                           _ev("PAKGOV", "RUSGOV", "057"),
                                           _ev("USA", "CHN", "112"), _ev("USA", "CHN", "173")]},
        {"id": "b", "date": D0 + dt.timedelta(days=40), "events": [_ev("RUSGOV", "PAKGOV", "190")]},
    ])
    und = analysis.dyad(store, "RUS", "PAK", by="month")
    assert und.total_events == 3
    march = next(p for p in und.points if p.period == dt.date(2025, 3, 1))
    assert march.events == 2 and march.volume == 4 and march.share == 0.5
    assert march.cooperation == 2 and march.cc_index == 1.0
    assert march.goldstein_sum == pytest.approx(1.0 + 6.5 + 0.0, abs=10)  # sums ontology values
    april = next(p for p in und.points if p.period == dt.date(2025, 4, 1))
    assert april.conflict == 1 and april.by_quad == {4: 1} and april.cc_index == -1.0
    assert analysis.dyad(store, "RUS", "PAK", directed=True).total_events == 2
    assert analysis.dyad(store, "PAK", "RUS", directed=True).total_events == 1
    assert analysis.dyad(store, "RUSMIL", "PAK").total_events == 1  # role-level prefix
    roles = analysis.dyad(store, "RUS", "PAK", roles=True)
    pairs = {(p.source_role, p.target_role) for p in roles.points}
    assert pairs == {("MIL", "MIL"), ("GOV", "GOV")}
    assert analysis.actor(store, "USA").total_events == 2


def test_series_rejects_bad_parameters(store: Any) -> None:
    with pytest.raises(InputError):
        analysis.dyad(store, "R", "PAK")
    with pytest.raises(InputError):
        analysis.dyad(store, "RUS", "PAK", by="year")
    with pytest.raises(InputError):
        analysis.dyad(store, "RUS", "PAK", since="2025-13-01")


DISTINCT_ROOT_CODES = ("042", "057", "112", "173", "193")  # no root-level folding between them
ACTORS = ("RUS", "PAK", "IND", "USAGOV")


@st.composite
def stories(draw: Any) -> list[dict[str, Any]]:
    n = draw(st.integers(1, 6))
    out: list[dict[str, Any]] = []
    for i in range(n):
        evs = draw(st.lists(st.fixed_dictionaries({
            "source": st.sampled_from(ACTORS), "target": st.sampled_from(ACTORS),
            "code": st.sampled_from(DISTINCT_ROOT_CODES),
            "factuality": st.sampled_from(["asserted", "intended", "negated", "alleged"]),
            "day": st.one_of(st.none(),
                             st.integers(0, 70).map(lambda k: D0 + dt.timedelta(days=k))),
        }), max_size=6))
        day = D0 + dt.timedelta(days=draw(st.integers(0, 70)))
        out.append({"id": f"s{i}", "date": day, "source": draw(st.sampled_from(["x", "y"])),
                    "events": evs})
        if evs and draw(st.booleans()):  # a near-duplicate copy of the same story
            out.append({"id": f"s{i}dup", "date": day, "near_dup_of": f"s{i}", "events": evs})
    return out


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(), st.sampled_from(["day", "week", "month"]))
def test_series_totals_reconcile_with_raw_events(data: list[dict[str, Any]], by: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open_url(f"sqlite:///{Path(tmp) / 't.db'}")
        try:
            add_articles_with_events(store, data)
            raw = list(store.iter_events(counts_only=True))
            for a, b in (("RUS", "PAK"), ("IND", "USA"), ("RUS", "RUS")):
                mine = [(ev.date.value if ev.date and ev.date.value else ev.article_date,
                         ev.source.code, ev.target.code, ev.code)
                        for _, ev in raw if {ev.source.root, ev.target.root} == {a, b}]
                s = analysis.dyad(store, a, b, by=by)
                assert sum(p.mentions for p in s.points) == len(mine)
                assert s.total_events == len(set(mine))
                assert sum(sum(p.by_quad.values()) for p in s.points) == len(set(mine))
            total = sum(p.events for p in analysis.actor(store, "RUS", by=by).points)
            keys = {(ev.date.value if ev.date and ev.date.value else ev.article_date,
                     ev.source.code, ev.target.code, ev.code)
                    for _, ev in raw if "RUS" in (ev.source.root, ev.target.root)}
            assert total == len(keys)
            vol = sum(p.volume for p in analysis.actor(store, "RUS", by=by).points)
            all_keys = {(ev.date.value if ev.date and ev.date.value else ev.article_date,
                         ev.source.code, ev.target.code, ev.code) for _, ev in raw}
            assert vol == len(all_keys)
        finally:
            store.close()


# --------------------------------------------------------------------------- alerts

def _background_and_burst(store: Any, burst_week: int = 20) -> None:
    stories = []
    for w in range(30):
        day = D0 + dt.timedelta(weeks=w)
        evs = [_ev("USA", "CHN", "042"), _ev("FRA", "DEU", "057"), _ev("RUS", "UKR", "190"),
               _ev("RUS", "UKR", "112"), _ev("GBR", "USA", "036")]
        if w % 3 == 0:
            evs.append(_ev("INDGOV", "PAKGOV", "112"))
        stories.append({"id": f"bg{w}", "date": day, "events": evs})
    for k in range(8):
        day = D0 + dt.timedelta(weeks=burst_week, days=k % 5)
        stories.append({"id": f"burst{k}", "date": day, "source": f"paper{k}", "events": [
            _ev("INDMIL", "PAKMIL", "195",
                sentence=f"Indian jets struck targets in Pakistan ({k})."),
            _ev("PAKMIL", "INDMIL", "190",
                sentence=f"Pakistani artillery shelled Indian posts ({k})."),
        ]})
    add_articles_with_events(store, stories)


def test_baseline_alert_finds_the_escalation_with_evidence(store: Any) -> None:
    _background_and_burst(store)
    n = analysis.recompute_alerts(store)
    assert n >= 1
    top = analysis.alerts(store, top=3, direction="conflict", kind="baseline")
    assert top and top[0].subject in ("IND-PAK", "IND", "PAK")
    dyad_alerts = analysis.alerts(store, subject="IND-PAK", kind="baseline")
    assert dyad_alerts[0].period_start == D0 + dt.timedelta(weeks=20)
    ev = analysis.alert_evidence(store, dyad_alerts[0])
    assert ev and all(e["quad_class"] == 4 for e in ev)
    assert any("struck" in e["sentence"] or "shelled" in e["sentence"] for e in ev)
    assert all(e["url"] for e in ev)
    assert not analysis.alerts(store, subject="USA-CHN")


def test_changepoint_alert_on_a_lasting_shift(store: Any) -> None:
    stories = []
    for w in range(40):
        day = D0 + dt.timedelta(weeks=w)
        evs = [_ev("USA", "CHN", "042"), _ev("FRA", "DEU", "057"), _ev("GBR", "USA", "036")]
        if w >= 25:
            evs += [_ev("THA", "KHM", "190"), _ev("KHM", "THA", "195"), _ev("THA", "KHM", "173")]
        stories.append({"id": f"w{w}", "date": day, "events": evs})
    add_articles_with_events(store, stories)
    analysis.recompute_alerts(store)
    found = analysis.alerts(store, subject="KHM-THA", direction="conflict")
    cps = [a for a in found if "changepoint" in [a.kind, *a.details["also_detected_by"]]]
    assert cps and cps[0].direction == "conflict"  # one alert, however many detectors
    assert cps[0].period_start == D0 + dt.timedelta(weeks=25)


def test_alerts_recompute_replaces_and_rules_validate(store: Any) -> None:
    _background_and_burst(store)
    first = analysis.recompute_alerts(store)
    assert analysis.recompute_alerts(store) == first
    assert store.count_alerts() == first
    strict = analysis.AlertRules.from_mapping({"min_events": 1000})
    assert analysis.recompute_alerts(store, strict) == 0 or all(
        a.kind == "changepoint" for a in analysis.alerts(store, top=100))
    with pytest.raises(InputError):
        analysis.AlertRules.from_mapping({"nonsense": 1})
    with pytest.raises(InputError):
        analysis.alerts(store, direction="sideways")


# --------------------------------------------------------------------------- triads

def _triangle(store: Any, rus_pak: str, start: dt.date, prefix: str) -> None:
    evs = [_ev("RUS", "IND", "057"), _ev("IND", "RUS", "042"),
           _ev("IND", "PAK", "193"), _ev("PAK", "IND", "112"), _ev("RUS", "PAK", rus_pak)]
    add_articles_with_events(store, [
        {"id": f"{prefix}{i}", "date": start + dt.timedelta(days=i), "events": evs}
        for i in range(3)
    ])


def test_unbalanced_triad_and_shift_between_windows(store: Any) -> None:
    _triangle(store, "112", D0, "old")  # RUS-PAK hostile: (+, -, -) balanced
    _triangle(store, "057", D0 + dt.timedelta(days=100), "new")  # RUS-PAK friendly: unbalanced
    w1 = (D0, D0 + dt.timedelta(days=50))
    w2 = (D0 + dt.timedelta(days=100), D0 + dt.timedelta(days=150))
    assert analysis.triads(store, *w1) == []
    found = analysis.triads(store, *w2)
    assert len(found) == 1
    t = found[0]
    assert t.actors == ("IND", "PAK", "RUS") and t.pattern == "++-" and not t.balanced
    assert t.label == "friend of my friend is my rival" and t.score > 0
    shifts = analysis.triad_shifts(store, w1, w2)
    assert [(s.actors, s.change) for s in shifts] == [(("IND", "PAK", "RUS"), "became unbalanced")]
    assert analysis.triads(store, *w2, min_events=4) == []  # edges need 4 events


# --------------------------------------------------------------------------- event search

def test_event_filters(store: Any) -> None:
    add_articles_with_events(store, [
        {"id": "a", "date": D0, "events": [_ev("RUSMIL", "PAKMIL", "042",
                                               sentence="Delegation visits Rawalpindi."),
                                           _ev("INDGOV", "PAKGOV", "112", factuality="alleged")]},
        {"id": "b", "date": D0 + dt.timedelta(days=30), "events": [_ev("USA", "IRN", "193")]},
    ])
    f = analysis.make_filters
    assert [r["code"] for r in analysis.events(store, f(actor="PAK"))] == ["042", "112"]
    assert [r["code"] for r in analysis.events(store, f(search="rawalpindi"))] == ["042"]
    assert [r["code"] for r in analysis.events(store, f(root="19"))] == ["193"]
    assert [r["code"] for r in analysis.events(store, f(quad=3))] == ["112"]
    assert [r["code"] for r in analysis.events(store, f(plover="CONSULT"))] == ["042"]
    later = f(since=D0 + dt.timedelta(days=1))
    assert [r["code"] for r in analysis.events(store, later)] == ["193"]
    assert [r["code"] for r in analysis.events(store, f(counts_only=True, actor="PAK"))] == ["042"]
    assert len(analysis.events(store, limit=2, offset=1)) == 2
    with pytest.raises(InputError):
        f(quad=7)
    with pytest.raises(InputError):
        f(code="abc")
    with pytest.raises(InputError):
        analysis.events(store, limit=0)


def test_migration_0002_creates_tables_and_indexes(store: Any) -> None:
    insp = sa.inspect(store.engine)
    tables = set(insp.get_table_names())
    assert {"event_identities", "event_mentions", "analysis_volume", "alerts"} <= tables
    from tocsin.store import schema

    derived = [t for t in schema.metadata.sorted_tables
               if t.name not in ("sources", "articles", "events")]
    for table in derived:
        cols = {c["name"] for c in insp.get_columns(table.name)}
        assert cols == set(table.columns.keys()), table.name
    idx = {i["name"] for i in insp.get_indexes("events")}
    assert {name for name, _ in schema.EVENT_INDEXES} <= idx
    for table in derived:
        names = {i["name"] for i in insp.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= names, table.name


def test_event_day_keeps_background_events_out_of_series() -> None:
    import datetime as dt

    from tocsin.analysis.identity import event_day as _day
    from tocsin.models import EventMention

    def event_day(row: dict[str, Any]) -> Any:
        return _day(EventMention(1, "a", "010", True, **row))

    story = dt.date(2020, 1, 10)
    row = {"event_date": dt.date(2017, 1, 1), "event_date_precision": "year", "article_date": story}
    assert event_day(row) is None  # "in 2017 ..." recalled in a 2020 story
    row = {"event_date": dt.date(2020, 1, 1), "event_date_precision": "year", "article_date": story}
    assert event_day(row) == story  # "this year": counted when reported
    row = {"event_date": dt.date(2020, 2, 1), "event_date_precision": "month",
           "article_date": story}
    assert event_day(row) == story  # "next month": an intent, counted when stated
    row = {"event_date": dt.date(2020, 1, 8), "event_date_precision": "day", "article_date": story}
    assert event_day(row) == dt.date(2020, 1, 8)
    row = {"event_date": None, "event_date_precision": None, "article_date": story}
    assert event_day(row) == story


def test_demo_summary_rings_the_warning_bells(store: Any) -> None:
    from tocsin.cli.ingest import _warning_bells

    _background_and_burst(store)
    _triangle(store, "057", D0, "tri")  # RUS-PAK friendly while IND-PAK hostile: unbalanced
    lines = _warning_bells(store)
    assert lines[0].startswith("top conflict alerts")
    assert any("IND" in ln or "PAK" in ln for ln in lines[1:4])
    assert "unbalanced triads (tocsin triads):" in lines
    assert any("IND-PAK-RUS" in ln for ln in lines)
