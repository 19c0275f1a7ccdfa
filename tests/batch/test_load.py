"""`tocsin load`: a batch output into SQLite and PostgreSQL, deduplicated, idempotent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tocsin.batch import manifest
from tocsin.batch.load import load_batch
from tocsin.batch.partitions import expand, plan
from tocsin.batch.worker import run_partition
from tocsin.errors import BatchError
from tocsin.pipeline import ingest
from tocsin.store import Store
from tocsin.store.signatures import Signatures

STORY = ("The foreign ministers of Pakistan and Russia met in Islamabad on Monday to discuss "
         "trade, energy and security, and agreed to hold joint military exercises next year "
         "near the Afghan border, officials from both countries said after the talks. ")
SAMPLE = Path(__file__).resolve().parents[2] / "src/tocsin/data/samples"
SAMPLE = SAMPLE / "wikinews_2019_2021_sample.jsonl"


def _records() -> list[dict[str, Any]]:
    distinct = [{"id": f"d{i}", "date": f"2024-05-0{1 + i % 9}",
                 "text": f"Story {i}: " + " ".join(f"w{i}x{k}" for k in range(80))}
                for i in range(10)]
    return distinct + [
        {"id": "orig", "text": STORY * 3},
        {"id": "exact", "text": (STORY * 3).upper()},  # same normalised text: not stored
        {"id": "near", "text": "By Staff Reporter. " + STORY * 3 + "More talks are planned."},
    ]


def build_output(tmp: Path, source: Path, settings: Any, *, code: bool, size: int = 4) -> Path:
    """A batch output written by the real worker code, run in this process (no cluster)."""
    out = tmp / "out"
    files = expand([str(source)])
    parts = plan(files, size)
    results = {p.name: run_partition(p, settings, str(out), code) for p in parts}
    manifest.write(out, manifest.build(files, parts, results, {}, {}))
    return out


@pytest.fixture
def output(tmp_path: Path, settings: Any) -> Path:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in _records()))
    return build_output(tmp_path, source, settings, code=False)


def test_load_twice_adds_nothing_the_second_time(output: Path, settings: Any) -> None:
    first = load_batch(output, settings)
    assert (first.read, first.stored, first.exact_duplicates, first.near_duplicates) == (
        13, 12, 1, 1)
    second = load_batch(output, settings)
    assert (second.stored, second.already_stored, second.events) == (0, 12, 0)
    with Store.open(settings) as store:
        assert store.count_articles() == 12
        assert store.get_article("near").near_dup_of == "orig"
        assert not store.has_article("exact")
        sigs = Signatures.of(store)
        assert sigs.complete() and sigs.count() == 11  # originals only


def test_load_skips_what_an_ingest_already_stored(output: Path, tmp_path: Path,
                                                  settings: Any) -> None:
    part = tmp_path / "part.jsonl"
    part.write_text("".join(json.dumps(r) + "\n" for r in _records()[8:11]))
    ingest([str(part)], settings, code=False)
    report = load_batch(output, settings)
    assert report.already_stored == 3 and report.stored == 9


def test_a_changed_partition_file_is_refused(output: Path, settings: Any) -> None:
    victim = next((output / "parts").glob("part-*/articles.parquet"))
    victim.write_bytes(victim.read_bytes()[:-10])
    with pytest.raises(BatchError, match="E505"):
        load_batch(output, settings)
    with pytest.raises(BatchError, match="E503"):
        load_batch(output / "parts", settings)


@pytest.mark.slow  # codes in this process (spaCy model)
def test_loaded_events_equal_ingested_events(tmp_path: Path, settings: Any) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(SAMPLE.read_text().splitlines()[:8]) + "\n")
    out = build_output(tmp_path, source, settings, code=True)
    report = load_batch(out, settings)
    assert report.stored == 8 and report.events > 0 and report.refresh.startswith("incremental")
    with Store.open(settings) as store:
        loaded = sorted((e.article_id, e.sentence_index, e.code, e.to_record()["source"],
                         e.to_record()["target"]) for _i, e in store.iter_events())
        assert store.count_articles(uncoded_only=True) == 0
    other = settings.replace(database_url=f"sqlite:///{tmp_path / 'ingest.db'}")
    ingest([str(source)], other)
    with Store.open(other) as store:
        ingested = sorted((e.article_id, e.sentence_index, e.code, e.to_record()["source"],
                           e.to_record()["target"]) for _i, e in store.iter_events())
    assert loaded == ingested
