"""The ingest/code pipeline with hand-made readers and coders (no parsing)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pytest

from tocsin import pipeline, registry
from tocsin.components import Component, Work
from tocsin.errors import NotFoundError, PipelineError
from tocsin.ingest.problems import IngestProblem
from tocsin.models import Actor, Article, Event
from tocsin.pipeline import Duplicate, Progress, ingest, recode
from tocsin.settings import Settings
from tocsin.store import Store

WORDS = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    "uniform", "victor", "whiskey", "xray",
]


def make(aid: str, text: str, **kw: Any) -> Article:
    norm = " ".join(text.lower().split())
    return Article(id=aid, text=text, content_hash=hashlib.sha256(norm.encode()).hexdigest(),
                   source="test", date=dt.date(2024, 3, 1), origin=f"test:{aid}", **kw)


def distinct_text(i: int) -> str:
    """A text sharing almost no shingles with the texts of other i."""
    words = [f"{WORDS[(i * 7 + k * 3) % len(WORDS)]}{i}x{k}" for k in range(60)]
    return " ".join(words) + "."


def corpus(n: int) -> list[Article]:
    return [make(f"doc-{i:03d}", distinct_text(i)) for i in range(n)]


class FakeReader:
    """Yields the given items; records how often it was called."""

    def __init__(self, items: Sequence[Article | IngestProblem]) -> None:
        self.items = list(items)

    def __call__(self, sources: Sequence[str], settings: Any
                 ) -> Iterator[Article | IngestProblem]:
        yield from self.items


class FakeCoder:
    """One event per article, derived from its text; raises on the articles in ``fail_on``."""

    def __init__(self, fail_on: Sequence[str] = (), code: str = "042") -> None:
        self.fail_on = set(fail_on)
        self.code = code
        self.seen: list[str] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            if a.id in self.fail_on:
                raise RuntimeError("coder crashed")
            self.seen.append(a.id)
            ev = Event(Actor("RUS", "Russia"), Actor("PAK", "Pakistan"), self.code,
                       sentence_index=0, sentence=a.text[:20], quad_class=1)
            yield a, [ev]


def small(settings: Any, **kw: Any) -> Any:
    return settings.replace(batch_size=4, **kw)


def state(settings: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with Store.open(settings) as store:
        arts = sorted((a.id, a.content_hash, a.near_dup_of, a.near_dup_score)
                      for a in store.iter_articles())
        coded = {a.id for a in store.iter_articles()} - {
            a.id for a in store.iter_articles(uncoded_only=True)}
        evs = sorted((e.article_id or "", e.code, e.source.code if e.source else "")
                     for _, e in store.iter_events())
    return [(*a, a[0] in coded) for a in arts], evs


def test_ingest_stores_and_is_idempotent(settings: Any) -> None:
    settings = small(settings)
    reader = FakeReader(corpus(10))
    first = ingest(["x"], settings, code=False, reader=reader)
    assert (first.read, first.stored, first.already_stored) == (10, 10, 0)
    assert first.ok and first.coding == "not requested"
    second = ingest(["x"], settings, code=False, reader=reader)
    assert (second.read, second.stored, second.already_stored) == (10, 0, 10)
    assert second.exact_duplicates == [] and second.near_duplicates == []
    assert len(state(settings)[0]) == 10


def test_exact_duplicates_are_skipped_and_explained(settings: Any) -> None:
    settings = small(settings)
    docs = corpus(3)
    copy = make("copy-of-1", docs[1].text.upper())  # same normalised text, other id
    ingest(["x"], settings, code=False, reader=FakeReader(docs[:2]))
    report = ingest(["x"], settings, code=False, reader=FakeReader([*docs, copy]))
    assert report.stored == 1 and report.already_stored == 2
    assert report.exact_duplicates == [Duplicate("copy-of-1", "doc-001", 1.0)]


def test_problems_are_reported_once_and_good_records_kept(settings: Any) -> None:
    settings = small(settings)
    bad = IngestProblem("corpus.jsonl:3", "malformed JSON")
    reader = FakeReader([*corpus(2), bad, bad, IngestProblem("x.html", "binary file"),
                         make("doc-000", "other text with the same id")])
    report = ingest(["x"], settings, code=False, reader=reader)
    assert report.stored == 2 and not report.ok
    assert [str(p) for p in report.problems] == [
        "corpus.jsonl:3: malformed JSON", "x.html: binary file",
        "test:doc-000: duplicate id 'doc-000' with different text"]


def test_progress_is_reported_per_batch(settings: Any) -> None:
    seen: list[Progress] = []
    ingest(["x"], small(settings), code=False, reader=FakeReader(corpus(10)),
           progress=seen.append)
    assert [(p.stage, p.done, p.stored) for p in seen] == [
        ("ingest", 4, 4), ("ingest", 8, 8), ("ingest", 10, 10)]


def test_failure_in_a_batch_then_restart_equals_uninterrupted(
        settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = small(settings)
    docs = corpus(11)
    reference = settings.replace(database_url=f"sqlite:///{tmp_path / 'ref.db'}")
    ingest(["x"], reference, code=True, reader=FakeReader(docs), coder=FakeCoder())

    real_add = Store.add_articles
    calls = {"n": 0}

    def failing_add(self: Store, batch: Sequence[Article]) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:  # batch 3 fails after its articles went to the database
            real_add(self, batch[:2])
            raise RuntimeError("killed")
        return real_add(self, batch)

    monkeypatch.setattr(Store, "add_articles", failing_add)
    with pytest.raises(RuntimeError):
        ingest(["x"], settings, code=True, reader=FakeReader(docs), coder=FakeCoder())
    monkeypatch.setattr(Store, "add_articles", real_add)
    partial = state(settings)[0]
    assert 8 <= len(partial) < 11
    report = ingest(["x"], settings, code=True, reader=FakeReader(docs), coder=FakeCoder())
    assert report.stored == 11 - len(partial)
    assert state(settings) == state(reference)


def test_crash_while_coding_then_restart_codes_the_rest(
        settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = small(settings)
    docs = corpus(10)
    reference = settings.replace(database_url=f"sqlite:///{tmp_path / 'ref.db'}")
    ingest(["x"], reference, code=True, reader=FakeReader(docs), coder=FakeCoder())
    real_replace = Store.replace_events
    calls = {"n": 0}

    def crashing_replace(self: Store, mapping: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("killed while writing batch 2")
        return real_replace(self, mapping)

    monkeypatch.setattr(Store, "replace_events", crashing_replace)
    with pytest.raises(RuntimeError):
        ingest(["x"], settings, code=True, reader=FakeReader(docs), coder=FakeCoder())
    monkeypatch.setattr(Store, "replace_events", real_replace)
    arts, evs = state(settings)
    assert sum(a[-1] for a in arts) == 4 and len(evs) == 4  # batch 1 only
    rest = FakeCoder()
    report = ingest(["x"], settings, code=True, reader=FakeReader(docs), coder=rest)
    assert (report.stored, report.coded, report.events) == (0, 6, 6)
    assert len(rest.seen) == 6
    assert state(settings) == state(reference)


def test_an_article_the_coder_fails_on_is_reported_and_the_rest_coded(
        settings: Any, tmp_path: Any) -> None:
    settings = small(settings)
    docs = corpus(10)
    report = ingest(["x"], settings, code=True, reader=FakeReader(docs),
                    coder=FakeCoder(fail_on=["doc-005"]))
    assert (report.coded, report.events) == (9, 9)
    assert [str(p) for p in report.problems] == [
        "doc-005: coding failed: RuntimeError: coder crashed"]
    assert not report.ok
    with Store.open(settings) as store:
        assert [a.id for a in store.iter_articles(uncoded_only=True)] == ["doc-005"]
    again = ingest(["x"], settings, code=True, reader=FakeReader(docs), coder=FakeCoder())
    assert (again.coded, again.events) == (1, 1) and again.ok
    reference = settings.replace(database_url=f"sqlite:///{tmp_path / 'ref.db'}")
    ingest(["x"], reference, code=True, reader=FakeReader(docs), coder=FakeCoder())
    assert state(settings) == state(reference)


def test_a_misconfigured_pipeline_stops_coding_not_storing(settings: Any) -> None:
    broken = small(settings).replace(pipeline__components=("parse", "sentiment"))
    with pytest.raises(PipelineError, match="no pipeline component named 'sentiment'"):
        ingest(["x"], broken, code=True, reader=FakeReader(corpus(3)))
    with Store.open(settings) as store:  # stored, left uncoded for the next run
        assert store.count_articles() == store.count_articles(uncoded_only=True) == 3
    report = ingest(["x"], small(settings), code=True, reader=FakeReader(corpus(3)),
                    coder=FakeCoder())
    assert (report.already_stored, report.coded, report.coding) == (3, 3, "done")


def test_recode_replaces_events(settings: Any) -> None:
    settings = small(settings)
    ingest(["x"], settings, code=True, reader=FakeReader(corpus(5)), coder=FakeCoder())
    result = recode(settings, ["doc-001", "doc-003"], coder=FakeCoder(code="057"))
    assert (result.coded, result.events) == (2, 2)
    evs = state(settings)[1]
    assert [e for e in evs if e[1] == "057"] == [("doc-001", "057", "RUS"),
                                                ("doc-003", "057", "RUS")]
    assert len(evs) == 5
    everything = recode(settings, coder=FakeCoder(code="190"))
    assert everything.coded == 5 and {e[1] for e in state(settings)[1]} == {"190"}


def test_recode_unknown_id(settings: Any) -> None:
    ingest(["x"], small(settings), code=False, reader=FakeReader(corpus(1)))
    with pytest.raises(NotFoundError):
        recode(small(settings), ["doc-000", "nope"], coder=FakeCoder())


def test_near_duplicates_are_stored_and_linked(settings: Any) -> None:
    pytest.importorskip("tocsin.ingest.dedup")
    settings = small(settings, near_dup_threshold=0.7)
    base = distinct_text(1)
    edited = base.replace(".", " with one more clause added by an editor.")
    docs = [make("orig", base), *corpus(3)[2:], make("wire-copy", edited)]
    report = ingest(["x"], settings, code=False, reader=FakeReader(docs))
    assert report.stored == 3
    [dup] = report.near_duplicates
    assert (dup.article_id, dup.original_id) == ("wire-copy", "orig") and 0.7 <= dup.score <= 1
    # in a later run the index is rebuilt from the database
    again = ingest(["x"], settings, code=False,
                   reader=FakeReader([make("wire-copy-2", edited + " Updated.")]))
    assert [(d.article_id, d.original_id) for d in again.near_duplicates] == [
        ("wire-copy-2", "orig")]
    with Store.open(settings) as store:
        stored = store.get_article("wire-copy-2")
    assert stored.near_dup_of == "orig" and stored.near_dup_score is not None


def fake_coder_factory(settings: Any) -> FakeCoder:
    """Builds the coder in a worker process (picklable: module level)."""
    fail_on = os.environ.get("TOCSIN_TEST_FAIL_ON", "")  # inherited by spawned workers
    return FakeCoder(fail_on=[x for x in fail_on.split(",") if x])


@pytest.mark.slow
def test_parallel_coding_equals_sequential(settings: Any, tmp_path: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOCSIN_TEST_FAIL_ON", "doc-007")
    settings = small(settings, workers=2)
    docs = corpus(13)
    report = ingest(["x"], settings, reader=FakeReader(docs), coder_factory=fake_coder_factory)
    assert (report.coded, report.events) == (12, 12)
    assert [str(p) for p in report.problems] == [
        "doc-007: coding failed: RuntimeError: coder crashed"]
    reference = settings.replace(workers=1,
                                    database_url=f"sqlite:///{tmp_path / 'ref.db'}")
    ingest(["x"], reference, reader=FakeReader(docs), coder=FakeCoder(fail_on=["doc-007"]))
    assert state(settings) == state(reference)
    monkeypatch.delenv("TOCSIN_TEST_FAIL_ON")
    redone = recode(settings, coder_factory=fake_coder_factory)
    assert (redone.coded, redone.events, redone.problems) == (13, 13, [])


@pytest.mark.slow
def test_coding_on_a_dask_cluster(sqlite_settings: Any) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        settings = small(sqlite_settings, dask_scheduler=cluster.scheduler_address)
        report = ingest(["x"], settings, reader=FakeReader(corpus(9)),
                        coder_factory=fake_coder_factory)
    assert (report.coded, report.events, report.ok) == (9, 9, True)
    assert len(state(settings)[1]) == 9


# -- components -------------------------------------------------------------------------


class Probe(Component):
    """A plugin component: records the options it sees and codes one event per article."""

    name = "probe"
    needs = ("text",)
    sets = ("events",)
    seen: list[Any] = []

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def __call__(self, work: Work) -> Work:
        Probe.seen.append((work.article.id, work.options))
        work.parts[-1].events = [Event(Actor("RUS", "Russia"), None, "010", sentence_index=0)]
        return work


class NeedsMentions(Probe):
    name = "late"
    needs = ("mentions",)


@pytest.fixture
def probe() -> Iterator[type[Probe]]:
    registry.components.register("tocsin.components.probe.v1", Probe)
    registry.components.register("tocsin.components.late.v1", NeedsMentions)
    Probe.seen = []
    yield Probe
    registry.components.unregister("tocsin.components.probe.v1")
    registry.components.unregister("tocsin.components.late.v1")


def test_a_registered_component_runs_with_lazily_filled_options(probe: type[Probe]) -> None:
    coder = pipeline.Coder(Settings(), components=["probe"])
    options: dict[str, dict[str, Any]] = {}  # filled while the articles are read

    def articles() -> Iterator[Article]:
        for i in range(3):
            options[f"a{i}"] = {"require_dyad": i == 1}
            yield Article(id=f"a{i}", text="x", date=dt.date(2025, 1, 2))

    pairs = list(coder.code_articles(articles(), options=options))
    assert [a.id for a, _ in pairs] == ["a0", "a1", "a2"]
    assert [opts.require_dyad for _, opts in probe.seen] == [False, True, False]
    for article, [event] in pairs:  # the pipeline attaches the article, once
        assert event.article_id == article.id and event.article_date == dt.date(2025, 1, 2)


def test_code_articles_is_the_batch_entry_point(probe: type[Probe]) -> None:
    settings = Settings(pipeline={"components": ["probe"]})
    pairs = pipeline.code_articles([Article(id="b", text="y")], settings)
    assert [(a.id, len(evs)) for a, evs in pairs] == [("b", 1)]


def test_components_check_what_they_need(probe: type[Probe]) -> None:
    with pytest.raises(PipelineError, match="'late' needs mentions"):
        pipeline.build_components(Settings(), ["probe", "late"])
    with pytest.raises(PipelineError, match="no pipeline component named 'nope'") as info:
        pipeline.build_components(Settings(), ["nope"])
    assert info.value.code == "E302" and "parse" in str(info.value)


def test_builtin_components_declare_the_data_flow() -> None:
    have = {"text"}
    for name in Settings().pipeline.components:
        factory = registry.components.get(name)
        assert factory.name == name and set(factory.needs) <= have, name
        have |= set(factory.sets)
    assert {"doc", "mentions", "events", "event.location", "event.date"} <= have
