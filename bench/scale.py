"""Scale benchmarks, run by ``tocsin bench-scale``.

- **dedup**: ingesting ``new`` articles (``--no-code``) into a store that already holds
  ``store_size`` articles, against the same into an empty store. With the persisted
  MinHash index the ratio stays near 1; floor: at most :data:`DEDUP_RATIO_FLOOR`.
  The stored articles are synthetic (random word sequences over the sample corpus'
  vocabulary: distinct texts, corpus-like length); a few of the new ones are
  republications of stored ones, so the lookup also finds and scores candidates.
- **throughput**: articles/s coding the bundled corpus (reserved evaluation records
  left out) in 1 process, and with ``tocsin batch`` on 1 and 2 Dask workers, each
  measured after a warm-up (steady state: the model is loaded). Floor: 2 workers at
  least :data:`SPEEDUP_FLOOR` x 1 worker.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.jsonlines import read_objects
from tocsin.settings import Settings

DEDUP_RATIO_FLOOR = 1.5
SPEEDUP_FLOOR = 1.7
SAMPLES = ("wikinews_2019_2021_sample.jsonl", "wikipedia_current_events_2025_2026.jsonl")
RESERVED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "reserved_ids.txt"
GDELT_DAILY = (100_000, 250_000)


# -- inputs ---------------------------------------------------------------------------


def corpus_records(limit: int | None = None) -> list[dict[str, Any]]:
    """Bundled sample records, without the reserved evaluation records."""
    reserved = set(RESERVED.read_text().split()) if RESERVED.is_file() else set()
    folder = resources.files("tocsin") / "data" / "samples"
    found = []
    for name in SAMPLES:
        for _, record in read_objects((folder / name).read_text(encoding="utf-8").splitlines()):
            if record["id"] not in reserved:
                found.append(record)
    return found[:limit] if limit else found


def vocabulary() -> list[str]:
    words = re.findall(r"[A-Za-z][a-z]+", " ".join(r["text"] for r in corpus_records(300)))
    return sorted(set(words))


def synthetic(n: int, seed: int, words: list[str], prefix: str) -> list[dict[str, Any]]:
    """n distinct articles of 200-400 random corpus words, in sentences."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        tokens = rng.choices(words, k=rng.randint(200, 400))
        sentences = [" ".join(tokens[j:j + 15]).capitalize() + "." for j in
                     range(0, len(tokens), 15)]
        records.append({"id": f"{prefix}-{i:06d}", "title": f"Synthetic {prefix} {i}",
                        "date": "2025-01-01", "text": " ".join(sentences)})
    return records


def republish(record: dict[str, Any], new_id: str) -> dict[str, Any]:
    """A republication with a new byline and one more sentence (a near-duplicate)."""
    return {**record, "id": new_id, "text": "By Staff Reporter. " + record["text"]
            + " The report was updated on Tuesday."}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# -- dedup: cost of ingest vs store size ------------------------------------------------


@dataclass
class DedupReport:
    store_size: int
    new: int
    empty_seconds: list[float] = field(default_factory=list)
    full_seconds: list[float] = field(default_factory=list)
    near_duplicates_found: int = 0
    setup_seconds: float = 0.0

    @property
    def ratio(self) -> float:
        return statistics.median(self.full_seconds) / statistics.median(self.empty_seconds)

    @property
    def ok(self) -> bool:
        return self.ratio <= DEDUP_RATIO_FLOOR


def dedup_bench(settings: Settings, *, store_size: int = 20_000, new: int = 100,
                runs: int = 5) -> DedupReport:
    from tocsin.pipeline import ingest

    work = Path(settings.data_dir) / "bench-scale"
    words = vocabulary()
    report = DedupReport(store_size, new)
    full_db = work / f"store-{store_size}.db"
    full = settings.replace(database_url=f"sqlite:///{full_db.resolve()}")
    start = time.monotonic()
    stored = synthetic(store_size, 1, words, "stored")
    if not _has_articles(full, store_size):
        ingest([str(write_jsonl(work / "stored.jsonl", stored))], full, code=False)
    report.setup_seconds = time.monotonic() - start
    for run in range(runs + 1):  # run 0 warms the OS file cache for both stores, untimed
        tag = f"{time.time_ns():x}"  # new ids and texts on every invocation: truly new
        batch = synthetic(new - 5, time.time_ns(), words, f"new{tag}")
        batch += [republish(stored[(run * 5 + k + time.time_ns()) % store_size],
                            f"repub{tag}-{k}") for k in range(5)]
        source = str(write_jsonl(work / f"new-{run}.jsonl", batch))
        with tempfile.TemporaryDirectory() as tmp:
            empty = settings.replace(database_url=f"sqlite:///{Path(tmp) / 'empty.db'}")
            _has_articles(empty, 0)  # create the schema before timing: only the ingest counts
            empty_seconds = _timed_ingest(ingest, source, empty)[0]
        seconds, result = _timed_ingest(ingest, source, full)
        if run:
            report.empty_seconds.append(empty_seconds)
            report.full_seconds.append(seconds)
            report.near_duplicates_found += len(result.near_duplicates)
    return report


def _has_articles(settings: Settings, n: int) -> bool:
    from tocsin.store import Store

    with Store.open(settings) as store:
        return store.count_articles() >= n


def _timed_ingest(ingest: Any, source: str, settings: Settings) -> tuple[float, Any]:
    start = time.perf_counter()
    result = ingest([source], settings, code=False)
    return time.perf_counter() - start, result


def format_dedup(r: DedupReport) -> str:
    def ms(values: list[float]) -> str:
        return ", ".join(f"{v * 1000:.0f}" for v in values)

    return "\n".join([
        f"dedup: ingest {r.new} new articles (--no-code), median of {len(r.empty_seconds)} runs",
        f"  into an empty store:            {statistics.median(r.empty_seconds):.3f}s "
        f"(runs: {ms(r.empty_seconds)} ms)",
        f"  into a store of {r.store_size:,} articles: "
        f"{statistics.median(r.full_seconds):.3f}s (runs: {ms(r.full_seconds)} ms)",
        f"  near-duplicates found among the new: {r.near_duplicates_found} "
        f"(5 republications per run; setup {r.setup_seconds:.0f}s)",
        f"  ratio {r.ratio:.2f} (floor <= {DEDUP_RATIO_FLOOR}) {'ok' if r.ok else 'FAIL'}",
    ])


# -- throughput: 1 process, 1 and 2 Dask workers -----------------------------------------


@dataclass
class ThroughputReport:
    articles: int
    rates: dict[str, float] = field(default_factory=dict)  # label -> articles/s (wall)
    cpu_rates: dict[str, float] = field(default_factory=dict)  # label -> per CPU-second
    cpu_rate: float = 0.0  # articles per CPU-second, 1 process

    @property
    def speedup(self) -> float:
        return self.rates["2 Dask workers"] / self.rates["1 Dask worker"]

    @property
    def ok(self) -> bool:
        return self.speedup >= SPEEDUP_FLOOR


def throughput_bench(settings: Settings, *, articles: int = 200, partition: int = 10,
                     progress: Any = None) -> ThroughputReport:
    records = corpus_records(articles + 20)
    warm, main = records[:20], records[20:20 + articles]
    report = ThroughputReport(len(main))
    with tempfile.TemporaryDirectory() as tmp:
        main_src = str(write_jsonl(Path(tmp) / "in" / "main.jsonl", main))
        warm_src = str(write_jsonl(Path(tmp) / "warm" / "warm.jsonl", warm))
        report.rates["1 process"], report.cpu_rate = _in_process(settings, warm_src, main_src)
        _note(progress, f"1 process: {report.rates['1 process']:.2f} articles/s")
        for workers in (1, 2):
            label = f"{workers} Dask worker{'s' if workers > 1 else ''}"
            report.rates[label], report.cpu_rates[label] = _on_dask(
                settings, workers, warm_src, main_src, Path(tmp) / f"out{workers}", partition)
            _note(progress, f"{label}: {report.rates[label]:.2f} articles/s")
    return report


def _note(progress: Any, text: str) -> None:
    if progress:
        progress(text)


def _in_process(settings: Settings, warm: str, main: str) -> tuple[float, float]:
    from tocsin.ingest import read_sources
    from tocsin.models import Article
    from tocsin.pipeline import load_coder

    coder = load_coder(settings)
    for source in (warm, main):
        arts = [a for a in read_sources([source], settings) if isinstance(a, Article)]
        wall, cpu = time.perf_counter(), time.process_time()
        for _pair in coder.code_articles(arts):
            pass
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(arts) / wall, len(arts) / cpu


def _on_dask(settings: Settings, workers: int, warm: str, main: str, out: Path,
             partition: int) -> tuple[float, float]:
    """(articles per wall second, articles per CPU-second summed over the workers)."""
    from distributed import Client, LocalCluster

    from tocsin.batch.driver import run_batch

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        address = cluster.scheduler_address
        # warm-up: enough partitions that every worker loads its coder
        run_batch([warm], out / "warm", settings, scheduler=address, partition_size=2)
        cpu = sum(client.run(time.process_time).values())
        start = time.perf_counter()
        report = run_batch([main], out / "main", settings, scheduler=address,
                           partition_size=partition)
        seconds = time.perf_counter() - start
        cpu = sum(client.run(time.process_time).values()) - cpu
    n = report.counts["articles"]
    return n / seconds, n / cpu if cpu > 0 else 0.0


def format_throughput(r: ThroughputReport) -> str:
    wall_core = r.rates["2 Dask workers"] / 2
    per_core = r.cpu_rates.get("2 Dask workers") or wall_core  # a core-second of CPU
    lines = [f"throughput: coding {r.articles} corpus articles (steady state, after warm-up)"]
    lines += [f"  {label:16s} {rate:7.2f} articles/s" + (
        f"  ({r.cpu_rates[label]:.2f} per worker CPU-second)" if label in r.cpu_rates else "")
        for label, rate in r.rates.items()]
    lines += [
        f"  1 process: {r.cpu_rate:.2f} articles per CPU-second",
        f"  2 workers / 1 worker: {r.speedup:.2f}x (floor >= {SPEEDUP_FLOOR}) "
        f"{'ok' if r.ok else 'FAIL'}",
        f"  per core: {wall_core:.2f} articles/s of wall time (2 workers / 2 cores), "
        f"{per_core:.2f} per CPU-second = {per_core * 86400:,.0f} articles per core-day",
    ]
    for daily in GDELT_DAILY:
        cores = daily / (per_core * 86400)
        days = daily * 3650 / (per_core * 32) / 86400
        lines.append(f"  GDELT {daily:,}/day: {cores:.1f} cores to keep up; ten years "
                     f"({daily * 3650 / 1e6:,.0f}M articles) on 32 cores: {days:,.0f} days")
    return "\n".join(lines)


# -- core: tocsin code end to end vs spaCy's full pipeline alone ---------------------------

CORE_FLOOR = 1.5  # tocsin code end to end at least this much faster than spaCy's full pipeline


@dataclass
class CoreReport:
    articles: int
    sentences: int
    spacy_full_s: float  # CPU seconds, spaCy's full English pipeline (every component) alone
    tocsin_s: float  # CPU seconds, tocsin code end to end (parse, actors, events, places, dates)
    events: int
    components: tuple[str, ...]
    spacy_components: tuple[str, ...]

    @property
    def speedup(self) -> float:
        return self.spacy_full_s / self.tocsin_s

    @property
    def ok(self) -> bool:
        return self.speedup >= CORE_FLOOR


def core_bench(settings: Settings, *, articles: int = 150, runs: int = 2) -> CoreReport:
    """CPU time of one process on the same texts, best of ``runs``, after a warm-up."""
    import spacy

    from tocsin.models import Article
    from tocsin.pipeline import Coder

    records = corpus_records(articles + 10)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in records]
    warm, main = arts[:10], arts[10:]
    texts = [t for a in main for t in ((a.title,) if a.title else ()) + (a.text,)]
    full = spacy.load(settings.pipeline.spacy_model)  # every component of the package
    list(full.pipe([a.text for a in warm]))
    spacy_s = min(_cpu(lambda: list(full.pipe(texts, batch_size=settings.batch_size)))
                  for _ in range(runs))
    sentences = sum(1 for d in full.pipe(texts, batch_size=settings.batch_size) for _ in d.sents)
    coder = Coder(settings)
    list(coder.code_articles(warm))
    events: list[int] = []
    tocsin_s = min(_cpu(lambda: events.append(
        sum(len(ev) for _a, ev in coder.code_articles(main)))) for _ in range(runs))
    return CoreReport(len(main), sentences, spacy_s, tocsin_s, events[-1],
                      tuple(c.name for c in coder.components), tuple(coder.nlp.pipe_names))


def _cpu(work: Any) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def format_core(r: CoreReport) -> str:
    return "\n".join([
        f"core: {r.articles} corpus articles, {r.sentences} sentences (CPU time, one process)",
        f"  spaCy full pipeline alone: {r.spacy_full_s:6.2f}s {r.articles / r.spacy_full_s:6.1f} "
        "articles/s",
        f"  tocsin code end to end:    {r.tocsin_s:6.2f}s {r.articles / r.tocsin_s:6.1f} "
        f"articles/s ({r.events} events; components {', '.join(r.components)}; spaCy runs "
        f"{', '.join(r.spacy_components)})",
        f"  speed-up {r.speedup:.2f}x (floor >= {CORE_FLOOR}) {'ok' if r.ok else 'FAIL'}",
    ])


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.scale core|dedup|throughput [N]``: one benchmark; 1 below its floor."""
    import sys

    from tocsin.settings import load_settings

    args = sys.argv[1:] if argv is None else argv
    which, size = (args[0] if args else "core"), (int(args[1]) if len(args) > 1 else None)
    settings = load_settings()
    if which == "core":
        core = core_bench(settings, articles=size or 150)
        print(format_core(core))  # noqa: T201 - a benchmark's report
        return 0 if core.ok else 1
    if which == "dedup":
        dedup = dedup_bench(settings, store_size=size or 20_000)
        print(format_dedup(dedup))  # noqa: T201
        return 0 if dedup.ok else 1
    rates = throughput_bench(settings, articles=size or 200)
    print(format_throughput(rates))  # noqa: T201
    return 0 if rates.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
