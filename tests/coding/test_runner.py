"""``runner.output_events``: one record per (source, target, code), asserted first."""

from __future__ import annotations

from tocsin.coding.runner import NO_TARGET, output_events
from tocsin.models import Actor, Event, Factuality

ALL = {f.value for f in Factuality}


def _event(src: str, tgt: str | None, code: str, fact: Factuality, sentence: str) -> Event:
    return Event(source=Actor(code=src), target=Actor(code=tgt) if tgt else None, code=code,
                 factuality=fact, sentence=sentence)


def test_an_alleged_repeat_does_not_hide_a_later_asserted_event() -> None:
    events = [
        _event("USAGOV", "VENCRM", "174", Factuality.ALLEGED, "US accused of detaining gang"),
        _event("USAGOV", "VENCRM", "174", Factuality.ASSERTED, "US deported gang members"),
    ]
    recs = output_events(events, ALL)
    assert [(r["source"], r["target"], r["code"], r["factuality"]) for r in recs] == [
        ("USAGOV", "VENCRM", "174", "asserted")]


def test_the_first_asserted_event_stays_and_order_is_kept() -> None:
    events = [
        _event("RUS", "UKR", "190", Factuality.INTENDED, "Russia plans to strike Ukraine"),
        _event("FRA", None, "010", Factuality.ASSERTED, "France said"),
        _event("RUS", "UKR", "190", Factuality.ASSERTED, "Russia struck Kyiv"),
        _event("RUS", "UKR", "190", Factuality.ASSERTED, "Russia struck Lviv"),
        _event("RUS", "UKR", "190", Factuality.HYPOTHETICAL, "Russia could strike Odesa"),
    ]
    recs = output_events(events, ALL)
    assert [(r["source"], r["target"], r["code"]) for r in recs] == [
        ("RUS", "UKR", "190"), ("FRA", NO_TARGET, "010")]
    assert recs[0]["factuality"] == "asserted"
    assert recs[0]["sentence"] == "Russia struck Kyiv"


def test_without_an_asserted_repeat_the_first_mention_is_reported() -> None:
    events = [
        _event("ISR", "IRN", "138", Factuality.INTENDED, "Israel threatens to hit Iran"),
        _event("ISR", "IRN", "138", Factuality.ALLEGED, "Israel accused of plotting"),
    ]
    assert [r["factuality"] for r in output_events(events, ALL)] == ["intended"]


def test_the_factuality_filter_applies_before_the_repeat_check() -> None:
    events = [
        _event("CHN", "TWN", "150", Factuality.ALLEGED, "China accused of drills"),
        _event("CHN", "TWN", "150", Factuality.ASSERTED, "China held drills"),
    ]
    assert [r["factuality"] for r in output_events(events, {"alleged"})] == ["alleged"]
    assert output_events(events, {"negated"}) == []
