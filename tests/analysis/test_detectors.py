"""Detector signals: distinct events as reports, the subject's own news left out of the
volume, and the detectors recorded on a merged alert."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tocsin.analysis.detectors import (
    Hit,
    Subject,
    Track,
    baseline,
    best_of_overlapping,
    changepoint,
    rate,
)
from tocsin.analysis.weekly import subject_weeks
from tocsin.models import WeeklyCount
from tocsin.settings import AlertSettings

W = dt.date(2025, 3, 3)


def test_a_digest_reports_each_distinct_event_and_an_event_once() -> None:
    rows = [  # one daily digest (article d1) with two distinct strikes, one told twice
        WeeklyCount(W, "ISR", "PSE", 4, 2, -20.0, frozenset({"d1"}), frozenset({1}),
                    {"d1": 1.0, "#10": 1.0, "#11": 1.0}),
        WeeklyCount(W, "PSE", "ISR", 4, 1, -10.0, frozenset({"d1", "d2"}), frozenset({1}),
                    {"d1": 0.5, "d2": 1.0, "#12": 0.5}),  # named with another dyad: half
    ]
    dyad = next(r for r in subject_weeks(rows) if r.subject == "ISR-PSE")
    assert dyad.reports == 2.5 and dyad.articles == 2 and dyad.events == 3
    actor = next(r for r in subject_weeks(rows) if r.subject == "ISR")
    assert actor.reports == 3.0  # an actor is named in full in each of its events


def _subject(x: list[float]) -> Subject:
    n = len(x)
    track = Track(n)
    track.reports[:] = x
    track.events[:] = x
    track.articles[:] = [2.0 if v else 0.0 for v in x]
    track.sources[:] = 1.0
    return Subject("ISR-PSE", "dyad", "ISR", "PSE", {"conflict": track,
                                                      "cooperation": Track(n)})


def test_a_war_that_fills_the_news_still_rises_against_its_own_past() -> None:
    # 30 weeks of 5 reports a week and 1 other event; then 4 weeks of 25: the subject is
    # most of the news, so against the whole volume its share barely moves
    x = [5.0] * 30 + [25.0] * 4
    vol = np.array([v + 1.0 for v in x])
    hits = baseline(_subject(x), vol, AlertSettings())
    assert [(h.start, h.direction) for h in hits] == [(30, "conflict")]
    assert hits[0].expected < 25.0


def test_quiet_subjects_raise_nothing() -> None:
    x = [5.0] * 34
    vol = np.array([v + 1.0 for v in x])
    assert baseline(_subject(x), vol, AlertSettings()) == []
    assert changepoint(_subject(x), vol, AlertSettings()) == []


def test_merging_twice_keeps_every_detector_that_found_the_period() -> None:
    x = [0.0] * 25 + [3.0] * 15
    vol = np.array([3.0 + v for v in x])
    subj, rules = _subject(x), AlertSettings()
    once = best_of_overlapping(baseline(subj, vol, rules) + changepoint(subj, vol, rules))
    twice = best_of_overlapping(once)
    assert len(twice) == 1
    assert {twice[0].kind, *twice[0].details["also_detected_by"]} == {"baseline", "changepoint"}


def test_an_escalation_inside_a_war_that_fills_the_news_is_found_by_its_own_rate() -> None:
    # 30 weeks of 4 reports a week in 40 other events; then 4 weeks of 9 while the rest of
    # the news doubles too (the war fills it): the share barely moves, the dyad's rate does
    x = [4.0] * 30 + [9.0] * 4
    vol = np.array([40.0 + v for v in x[:30]] + [80.0 + v for v in x[30:]])
    subj, rules = _subject(x), AlertSettings()
    assert baseline(subj, vol, rules) == []
    hits = rate(subj, vol, rules)
    assert [(h.kind, h.start, h.end) for h in hits] == [("rate", 30, 33)]
    assert hits[0].details["per_week_before"] == 4.0
    actor = Subject("ISR", "actor", "ISR", None, subj.tracks)
    assert rate(actor, vol, rules) == []  # actors: the share-based tests only


def test_a_dyad_emerging_in_the_first_weeks_alerts_but_an_old_war_does_not() -> None:
    # weeks 0-1 of the data: no history for anyone. A dyad silent before and after its
    # burst in week 1 alerts there; a war at 4 reports a week throughout the series does not.
    n, vol = 40, np.full(40, 50.0)
    new = [0.0, 4.0] + [0.0] * (n - 2)
    hits = baseline(_subject(new), vol, AlertSettings())
    assert [(h.start, h.end) for h in hits] == [(1, 1)] and hits[0].score >= 2.0
    assert not baseline(_subject([4.0] * n), vol, AlertSettings())
    # with nothing after the first weeks, there is nothing to judge them by
    assert not baseline(_subject([0.0, 4.0, 0.0]), np.full(3, 50.0), AlertSettings())


def _hit(name: str, goldstein: float, articles: float) -> Hit:
    x = [0.0] * 10 + [2.0]
    subject = _subject(x)
    subject = Subject(name, "dyad", name[:3], name[4:], subject.tracks)
    track = subject.tracks["conflict"]
    track.goldstein[10] = goldstein
    track.articles[10] = articles
    return Hit(subject, "baseline", "conflict", 10, 10, 2.33, 0.1)


def test_equal_scores_rank_by_the_evidence_not_the_name() -> None:
    hits = [_hit("AAA-BBB", -4.0, 2), _hit("YYY-ZZZ", -20.0, 2), _hit("MMM-NNN", -2.0, 3)]
    assert [h.subject.name for h in sorted(hits, key=Hit.rank)] == [
        "MMM-NNN", "YYY-ZZZ", "AAA-BBB"]  # more articles first, then the more violent
