"""Event and article rows read back unchanged (property tests, no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tocsin.models import Actor, Article, Event, EventDate, Factuality, Location
from tocsin.store import convert

text = st.text(max_size=30)
opt_text = st.none() | text
span = st.none() | st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
date = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
num = st.none() | st.floats(allow_nan=False, allow_infinity=False)

actors = st.none() | st.builds(
    Actor, code=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=12), text=text,
    span=span, country=opt_text, role=opt_text, kind=opt_text, entry=opt_text)
locations = st.none() | st.builds(
    Location, name=text, level=st.sampled_from(["city", "adm1", "country"]),
    country_code=opt_text, cameo_country=opt_text, adm1_code=opt_text, adm1_name=opt_text,
    lat=num, lon=num, geoname_id=st.none() | st.integers(0, 10**8), text=opt_text, span=span,
    rule=opt_text, score=num)
dates = st.none() | st.builds(EventDate, value=date, precision=opt_text, expression=opt_text,
                              span=span, rule=opt_text)
events = st.builds(
    Event, source=actors, target=actors, code=st.from_regex(r"[0-9]{2,4}", fullmatch=True),
    factuality=st.sampled_from(list(Factuality)), name=opt_text, goldstein=num,
    quad_class=st.none() | st.integers(1, 4), plover_type=opt_text, plover_mode=opt_text,
    sentence_index=st.none() | st.integers(-1, 500), sentence=opt_text, sentence_span=span,
    trigger=opt_text, trigger_span=span, rules=st.lists(text, max_size=3).map(tuple),
    article_id=st.just("art-1"), article_date=date, date=dates, location=locations,
    source_location=locations, target_location=locations)


@given(events)
def test_event_row_round_trip(ev: Event) -> None:
    row = convert.event_to_row(ev, "art-1", convert.utcnow())
    assert convert.row_to_event(row) == ev
    assert row["root_code"] == ev.code[:2]
    assert row["counts"] == ev.counts


@given(st.builds(Article, id=st.text(min_size=1, max_size=20), text=text, title=opt_text,
                 date=date, dateline=opt_text, url=opt_text, source=opt_text, author=opt_text,
                 language=opt_text, origin=opt_text, content_hash=st.text(min_size=1),
                 near_dup_of=opt_text, near_dup_score=num, license=opt_text,
                 extra=st.dictionaries(st.text(max_size=5), st.integers() | text, max_size=3)))
def test_article_row_round_trip(a: Article) -> None:
    row = convert.article_to_row(a, 1, convert.utcnow())
    assert convert.row_to_article(row, a.source) == a


def test_record_is_to_record_plus_actors() -> None:
    ev = Event(Actor("RUSMIL", "Russian army", (0, 12), "RUS", "MIL"), None, "042")
    rec = convert.event_to_record(ev)
    assert {k: v for k, v in rec.items() if not k.endswith("_actor")} == ev.to_record()
    assert rec["source_actor"]["role"] == "MIL" and rec["target_actor"] is None
