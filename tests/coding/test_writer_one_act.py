"""``writer.one_act``: one trigger's events between the same two countries with the same code
are one act (several of a country's bodies acting together), not several events."""

from __future__ import annotations

from tocsin.coding.writer import ONE_ACT_PER_PAIR as ONE_ACT
from tocsin.coding.writer import one_act_per_pair as one_act
from tocsin.models import Actor, Event, Factuality


def _event(
    src: str,
    tgt: str | None,
    code: str,
    trigger: tuple[int, int] | None,
    sentence: int = 0,
    fact: Factuality = Factuality.ASSERTED,
) -> Event:
    return Event(
        source=Actor(code=src),
        target=Actor(code=tgt) if tgt else None,
        code=code,
        factuality=fact,
        sentence_index=sentence,
        trigger_span=trigger,
    )


def _keys(events: list[Event]) -> list[tuple[str, str | None, str]]:
    return [
        (e.source.code if e.source else "", e.target.code if e.target else None, e.code)
        for e in events
    ]


def test_bodies_of_one_country_acting_together_are_one_event() -> None:
    # "Military, police and intelligence personnel rescued 46 students"
    events = [_event(src, "NGAEDU", "0841", (60, 67)) for src in ("NGAMIL", "NGACOP", "NGASPY")]
    (kept,) = one_act(events)
    assert _keys([kept]) == [("NGAMIL", "NGAEDU", "0841")]
    assert f"{ONE_ACT}: also NGACOP->NGAEDU" in kept.rules
    assert f"{ONE_ACT}: also NGASPY->NGAEDU" in kept.rules


def test_other_countries_codes_triggers_and_sentences_stay_apart() -> None:
    events = [
        _event("USAGOV", "IRN", "190", (10, 17)),
        _event("ISRMIL", "IRN", "190", (10, 17)),  # another country: a second act
        _event("USAMIL", "IRN", "193", (10, 17)),  # another code
        _event("USAMIL", "IRN", "190", (30, 37)),  # another trigger
        _event("USAMIL", "IRN", "190", (10, 17), sentence=1),  # another sentence
        _event("USAMIL", "IRN", "190", (10, 17), fact=Factuality.ALLEGED),  # alleged
        _event("GEOOPP", "GEOGOV", "043", (5, 13)),  # "received": two codes, two ways
        _event("GEOGOV", "GEOOPP", "042", (5, 13)),
    ]
    assert _keys(one_act(events)) == _keys(events)


def test_events_without_a_trigger_span_are_left_alone() -> None:
    events = [_event("NGAMIL", "NGA", "190", None), _event("NGACOP", "NGA", "190", None)]
    assert _keys(one_act(events)) == _keys(events)


def test_a_repeat_with_the_same_roots_is_merged_into_the_first() -> None:
    events = [_event("USAGOV", "IRN", "190", (10, 17)), _event("USAMIL", "IRNMIL", "190", (10, 17))]
    assert _keys(one_act(events)) == [("USAGOV", "IRN", "190")]
