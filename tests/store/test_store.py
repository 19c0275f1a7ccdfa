"""The store on SQLite and PostgreSQL: migrations, articles, events, transactions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa

from tocsin.errors import NotFoundError, StoreError
from tocsin.models import Actor, Article, Event, EventDate, Factuality, Location
from tocsin.store import Store, migrate, normalize_url
from tocsin.store.schema import articles, events, metadata, sources


def art(i: int, text: str | None = None, **kw: Any) -> Article:
    text = text or f"Article number {i} says that country {i} met country {i + 1}."
    defaults: dict[str, Any] = {
        "id": f"a{i:03d}", "text": text, "title": f"Title {i}",
        "date": dt.date(2024, 1, 1 + i % 28),
        "source": "example.org", "content_hash": f"{i:064x}", "url": f"https://example.org/{i}",
        "origin": f"corpus.jsonl:{i}",
    }
    defaults.update(kw)
    return Article(**defaults)


def event(code: str = "042", src: str = "RUSMIL", tgt: str = "PAKGOV", **kw: Any) -> Event:
    defaults: dict[str, Any] = {
        "source": Actor(src, "Russian military", (0, 16), src[:3], src[3:] or None, "country",
                     "RUSSIA_ [RUS]"),
        "target": Actor(tgt, "Pakistan", (30, 38), tgt[:3], tgt[3:] or None, "country"),
        "code": code, "factuality": Factuality.ASSERTED, "name": "Make a visit", "goldstein": 1.9,
        "quad_class": 1, "plover_type": "CONSULT", "plover_mode": "visit", "sentence_index": 0,
        "sentence": "Russian military delegation visited Pakistan.", "sentence_span": (0, 45),
        "trigger": "visited", "trigger_span": (28, 35), "rules": ("CAMEO.2.0 VISIT", "pattern 3"),
        "article_date": dt.date(2024, 1, 2),
        "date": EventDate(dt.date(2024, 1, 1), "day", "yesterday", (40, 49), "relative"),
        "location": Location("Islamabad", "city", "PK", "PAK", "PK-IS", "Islamabad", 33.7,
                          73.1, 1176615, "Islamabad", (50, 59), "dateline", 0.9),
    }
    defaults.update(kw)
    return Event(**defaults)


@pytest.fixture
def store(settings: Any) -> Any:
    s = Store.open(settings)
    yield s
    s.close()


def test_open_upgrades_to_head(store: Store) -> None:
    assert store.revision() == migrate.head_revision()
    assert migrate.head_revision()  # there is at least migration 0001
    before, after = store.upgrade()  # nothing to do the second time
    assert before == after == migrate.head_revision()


def test_migrations_match_table_definitions(store: Store) -> None:
    inspector = sa.inspect(store.engine)
    for table in metadata.sorted_tables:
        cols = {c["name"] for c in inspector.get_columns(table.name)}
        assert cols == set(table.columns.keys()), table.name
    idx = {i["name"] for i in inspector.get_indexes("events")}
    assert "ix_events_article_id" in idx
    uniques = {tuple(u["column_names"]) for u in inspector.get_unique_constraints("articles")}
    assert ("content_hash",) in uniques


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Any) -> None:
    with Store.open_url(f"sqlite:///{tmp_path / 'x' / 't.db'}") as store, \
            store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_normalize_url() -> None:
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        Store.open_url("nonsense-url")


def test_unreachable_postgres_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        Store.open_url("postgresql://nobody:x@127.0.0.1:9/none?connect_timeout=2")


def test_articles_read_back_unchanged(store: Store) -> None:
    a = art(1, extra={"tags": ["x", "y"], "n": 3}, dateline="Islamabad", author="A. Writer",
            license="CC BY 2.5", near_dup_of=None)
    b = art(2, source=None, date=None, title=None)
    result = store.add_articles([a, b])
    assert result.added == ("a001", "a002") and result.skipped == ()
    assert store.get_article("a001") == a
    assert store.get_article("a002") == b
    assert [x.id for x in store.iter_articles()] == ["a001", "a002"]


def test_add_articles_skips_stored_ids_and_hashes(store: Store) -> None:
    store.add_articles([art(1), art(2)])
    again = store.add_articles([art(1), art(3, content_hash=art(2).content_hash), art(4)])
    assert again.added == ("a004",)
    assert set(again.skipped) == {("a001", "a001"), ("a003", "a002")}
    inside = store.add_articles([art(5), art(6, content_hash=art(5).content_hash)])
    assert inside.added == ("a005",) and inside.skipped == (("a006", "a005"),)
    assert store.count_articles() == 4


def test_failed_batch_writes_nothing(store: Store) -> None:
    store.add_articles([art(1)])

    def fail_on_article_insert(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLES"):
            raise RuntimeError("injected failure")

    sa.event.listen(store.engine, "before_cursor_execute", fail_on_article_insert)
    try:
        with pytest.raises(RuntimeError):
            store.add_articles([art(2, source="new-source.example"), art(3)])
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", fail_on_article_insert)
    assert store.count_articles() == 1
    with store.engine.connect() as conn:  # the source inserted earlier in the batch is gone too
        names = conn.execute(sa.select(sources.c.name)).scalars().all()
    assert names == ["example.org"]


def test_get_missing_article(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_article("nope")


def test_search_articles(store: Store) -> None:
    store.add_articles([
        art(1, text="Pakistan and Russia held talks.", source="dawn.com"),
        art(2, text="Floods hit 100% of the valley.", source="bbc.co.uk"),
        art(3, text="RUSSIA warns Ukraine.", source="bbc.co.uk", date=dt.date(2025, 5, 1)),
    ])
    def ids(xs):
        return [x.id for x in xs]
    assert ids(store.search_articles(text="russia")) == ["a003", "a001"]
    assert ids(store.search_articles(source="bbc.co.uk")) == ["a003", "a002"]
    assert ids(store.search_articles(since=dt.date(2025, 1, 1))) == ["a003"]
    assert ids(store.search_articles(until=dt.date(2024, 1, 2))) == ["a001"]
    assert ids(store.search_articles(text="100%")) == ["a002"]
    assert ids(store.search_articles(text="0%")) == ["a002"]
    assert ids(store.search_articles(text="_")) == []  # LIKE wildcards are literal
    assert ids(store.search_articles(limit=1)) == ["a003"]


def test_events_read_back_unchanged(store: Store) -> None:
    store.add_articles([art(1), art(2)])
    e1 = event(article_id="a001")
    e2 = event("190", "USA", "AFGREB", factuality=Factuality.ALLEGED, location=None,
               date=None, source=Actor("USA", "US officials"), quad_class=4, article_id="a001")
    e3 = event("036", src="PAK", tgt="RUS", source=None, factuality=Factuality.INTENDED,
               article_id="a002")
    assert store.replace_events({"a001": [e1, e2], "a002": [e3]}) == 3
    got = list(store.iter_events())
    assert [ev for _, ev in got] == [e1, e2, e3]
    assert [i for i, _ in got] == sorted(i for i, _ in got)
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(events).where(events.c.code == "042")).one()._mapping
    assert (row["source_code"], row["source_country"], row["source_role"]) == \
        ("RUSMIL", "RUS", "MIL")
    assert (row["root_code"], row["counts"], row["geo_country"]) == ("04", True, "PK")
    assert (row["sentence_start"], row["sentence_end"]) == (0, 45)
    assert row["event_date"] == dt.date(2024, 1, 1)


def test_replace_events_replaces_and_marks_coded(store: Store) -> None:
    store.add_articles([art(1), art(2)])
    assert store.count_articles(uncoded_only=True) == 2
    store.replace_events({"a001": [event(), event("043")]})
    store.replace_events({"a001": [event("057")]})
    assert [e.code for _, e in store.iter_events(article_id="a001")] == ["057"]
    assert [a.id for a in store.iter_articles(uncoded_only=True)] == ["a002"]
    store.replace_events({"a002": []})  # coded, no event
    assert store.count_articles(uncoded_only=True) == 0
    assert store.count_events() == 1


def test_replace_events_for_unknown_article_writes_nothing(store: Store) -> None:
    store.add_articles([art(1)])
    with pytest.raises(NotFoundError):
        store.replace_events({"a001": [event()], "missing": [event()]})
    assert store.count_events() == 0
    assert store.count_articles(uncoded_only=True) == 1


def test_event_filters_and_summaries(store: Store) -> None:
    store.add_articles([art(1), art(2)])
    store.replace_events({
        "a001": [event("042", "RUSMIL", "PAKGOV"), event("190", "RUSMIL", "UKR", quad_class=4)],
        "a002": [event("042", "RUS", "PAKMIL"), event("010", "---", "PAK"),
                 event("010", "RUSGOV", "RUSMIL"),
                 event("173", "PAK", "RUS", factuality=Factuality.NEGATED, quad_class=4)],
    })
    def codes(**f):
        return [e.code for _, e in store.iter_events(**f)]
    assert codes(source="RUS") == ["042", "190", "042", "010"]
    assert codes(target="PAK") == ["042", "042", "010"]
    assert codes(root_code="19") == ["190"]
    assert codes(article_ids=["a002"]) == ["042", "010", "010", "173"]
    assert codes(counts_only=True) == ["042", "190", "042", "010", "010"]
    assert len(codes(since=dt.date(2024, 1, 1), until=dt.date(2024, 1, 1))) == 6
    assert codes(since=dt.date(2024, 1, 2)) == []
    assert store.events_by_quad_class() == {1: 4, 4: 1}
    assert store.top_dyads(5) == [("RUS", "PAK", 2), ("RUS", "UKR", 1)]


def test_iter_articles_pages_while_writing(store: Store) -> None:
    store.add_articles([art(i) for i in range(1, 8)])
    seen = []
    for a in store.iter_articles(uncoded_only=True, batch=2):
        seen.append(a.id)
        store.replace_events({a.id: [event()]})
    assert seen == [f"a{i:03d}" for i in range(1, 8)]
    assert [a.id for a in store.iter_articles(ids=["a005", "a002", "zzz"])] == ["a005", "a002"]
    assert store.missing_ids(["a005", "zzz"]) == ["zzz"]


def test_deleting_an_article_deletes_its_events(store: Store) -> None:
    store.add_articles([art(1)])
    store.replace_events({"a001": [event()]})
    with store.engine.begin() as conn:
        conn.execute(articles.delete().where(articles.c.id == "a001"))
    assert store.count_events() == 0


def test_database_from_a_newer_version_is_a_store_error(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="9999"):
        Store.open_url(str(store.engine.url.render_as_string(hide_password=False)))
