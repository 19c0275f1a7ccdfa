"""`tocsin batch` on a LocalCluster of 2 workers: same events as ingest, survives a killed
worker, resumes after an interruption. Small inputs (24 articles) so CI stays fast."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from tocsin.batch.driver import BatchProgress, run_batch
from tocsin.pipeline import ingest
from tocsin.settings import load_settings
from tocsin.store import Store

pytestmark = pytest.mark.slow  # the workers load the spaCy model

SAMPLE = Path(__file__).resolve().parents[2] / "src/tocsin/data/samples"
SAMPLE = SAMPLE / "wikinews_2019_2021_sample.jsonl"


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 corpus articles in three JSONL shards, plus one malformed line."""
    folder = tmp_path_factory.mktemp("shards")
    lines = SAMPLE.read_text().splitlines()[:24]
    for i in range(3):
        chunk = lines[i * 8:(i + 1) * 8] + (["{broken"] if i == 1 else [])
        (folder / f"shard-{i}.jsonl").write_text("\n".join(chunk) + "\n")
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """One LocalCluster for the module: each worker process loads the coder once."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as local, Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_settings(env={}, data_dir=tmp_path_factory.mktemp("data"))


def mention_keys(out: Path) -> set[tuple[Any, ...]]:
    keys = set()
    for path in sorted((out / "parts").glob("part-*/mentions.parquet")):
        for r in pq.read_table(path).to_pylist():
            keys.add((r["article_id"], r["sentence_index"], r["source_code"], r["target_code"],
                      r["code"], r["factuality"]))
    return keys


@pytest.fixture(scope="module")
def baseline(shards: Path, cluster: Any, settings: Any, tmp_path_factory: pytest.TempPathFactory
             ) -> Path:
    out = tmp_path_factory.mktemp("baseline")
    report = run_batch([str(shards)], out, settings, scheduler=cluster[0].scheduler_address,
                       partition_size=4)
    assert report.partitions == 7 and report.done == 7 and not report.failed
    return out


def test_events_equal_what_ingest_codes(baseline: Path, shards: Path, settings: Any) -> None:
    with Store.open(settings) as store:
        result = ingest([str(shards)], settings, store=store)
        ingested = {(e.article_id, e.sentence_index, e.source.code if e.source else None,
                     e.target.code if e.target else None, e.code, e.factuality.value)
                    for _id, e in store.iter_events()}
    assert result.stored == 24 and ingested
    assert mention_keys(baseline) == ingested


def test_manifest_counts_problems_per_partition(baseline: Path) -> None:
    doc = json.loads((baseline / "manifest.json").read_text())
    assert doc["counts"]["articles"] == 24 and doc["counts"]["read"] == 25
    assert doc["counts"]["problems"] == 1 and doc["counts"]["done"] == 7
    [bad] = [p for p in doc["partitions"] if p["problems"]]
    assert bad["problems"][0]["where"].endswith("shard-1.jsonl:9")
    assert all(len(p["checksums"]) == 3 for p in doc["partitions"])
    assert {f["path"].rsplit("/", 1)[-1] for f in doc["inputs"]} == {
        "shard-0.jsonl", "shard-1.jsonl", "shard-2.jsonl"}


def test_a_killed_worker_has_its_partition_retried(baseline: Path, shards: Path, cluster: Any,
                                                   settings: Any, tmp_path: Path) -> None:
    local, client = cluster
    lost: dict[str, Any] = {}

    def kill_one(p: BatchProgress) -> None:
        if p.done == 0 or lost:  # after a first result: the other partitions run or wait
            return
        pids = client.run(os.getpid)
        busy = next(((a, k) for a, k in client.processing().items() if k), None)
        if busy is None:  # no task running at this instant: kill at the next result
            return
        addr, keys = busy
        # task keys are tocsin-part-NNNNN-KEY-TIME: keep the partition numbers
        lost.update(pid=pids[addr], parts={str(k).split("-")[2] for k in keys})
        os.kill(pids[addr], signal.SIGKILL)

    report = run_batch([str(shards)], tmp_path, settings, scheduler=local.scheduler_address,
                       partition_size=4, progress=kill_one)
    assert lost and report.done == 7 and not report.failed
    assert mention_keys(tmp_path) == mention_keys(baseline)
    for number in lost["parts"]:  # what the dead worker held was coded again elsewhere
        [result] = (tmp_path / "parts").glob(f"part-{number}-*/result.json")
        assert json.loads(result.read_text())["worker_pid"] != lost["pid"]
    assert lost["pid"] not in client.run(os.getpid).values()  # the nanny started a new one


def _held(client: Any) -> dict[str, int]:
    """Worker address -> how many finished partition results it holds."""
    held: dict[str, int] = {}
    for key, addresses in client.who_has().items():
        for address in addresses if str(key).startswith("tocsin-part") else ():
            held[address] = held.get(address, 0) + 1
    return held


def test_results_a_killed_worker_held_unread_are_recomputed_and_read(
        shards: Path, cluster: Any, settings: Any, tmp_path: Path) -> None:
    """The deterministic case of the worker-kill test: a worker dies holding results that
    the driver has not read yet. Their futures are lost and computed again; the driver must
    wait for them on its own client's event loop, not on that of another client that is
    current in this thread (here the fixture's), or Dask raises "Event ... is bound to a
    different event loop" and the partitions are recorded as failed."""
    local, client = cluster
    lost: dict[str, Any] = {}

    def kill_a_holder(p: BatchProgress) -> None:
        if p.done != 1 or lost:  # the driver reads no result while this callback runs
            return
        deadline = time.monotonic() + 60
        while sum(_held(client).values()) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        address, count = max(_held(client).items(), key=lambda item: item[1])
        lost.update(held=count)  # of them at most one is the result read so far
        os.kill(client.run(os.getpid)[address], signal.SIGKILL)

    report = run_batch([str(shards)], tmp_path, settings, scheduler=local.scheduler_address,
                       partition_size=4, code=False, progress=kill_a_holder)
    assert lost["held"] >= 2, "the killed worker held no result the driver had not read"
    assert report.done == 7 and not report.failed, report.failed
    assert len(list((tmp_path / "parts").glob("part-*/result.json"))) == 7


def test_a_rerun_after_an_interruption_skips_finished_partitions(
        baseline: Path, shards: Path, cluster: Any, settings: Any, tmp_path: Path) -> None:
    address = cluster[0].scheduler_address

    def interrupt(p: BatchProgress) -> None:
        if p.done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([str(shards)], tmp_path, settings, scheduler=address, partition_size=4,
                  progress=interrupt)
    finished = len(list((tmp_path / "parts").glob("part-*/result.json")))
    assert 2 <= finished < 7
    again = run_batch([str(shards)], tmp_path, settings, scheduler=address, partition_size=4)
    assert again.skipped == finished and again.done == 7 - finished
    assert mention_keys(tmp_path) == mention_keys(baseline)
    third = run_batch([str(shards)], tmp_path, settings, scheduler=address, partition_size=4)
    assert third.skipped == 7 and third.done == 0
