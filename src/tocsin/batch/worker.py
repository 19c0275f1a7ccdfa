"""What a Dask worker does with one partition: read, code, write three Parquet files.

The coder (spaCy model, dictionaries, gazetteer) is built once per worker *process*,
by its first task, and kept by :func:`tocsin.pipeline.get_coder`; every later task of that
process (one thread per worker) reuses it.

Output is written to a temporary directory beside the partition's and renamed into
place only when complete, with ``result.json`` (counts, problems, checksums) last: a
partition directory with a ``result.json`` is finished; anything else is not.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from tocsin.batch import tables
from tocsin.batch.partitions import Partition
from tocsin.ingest.dedup import fingerprint
from tocsin.ingest.jsonl import read_jsonl_lines
from tocsin.ingest.problems import IngestProblem
from tocsin.models import Article, Event
from tocsin.pipeline import CoderLike, get_coder
from tocsin.settings import Settings

log = logging.getLogger(__name__)

RESULT = "result.json"


def coder_for(settings: Settings) -> CoderLike:
    """This process's coder for these settings (built by its first task, then reused:
    :func:`tocsin.pipeline.get_coder`'s per-process cache)."""
    start = time.monotonic()
    coder = get_coder(settings)
    if time.monotonic() - start > 1.0:
        log.info("coder loaded in %.1fs (pid %d)", time.monotonic() - start, os.getpid())
    return coder


def run_partition(part: Partition, settings: Settings, out: str, code: bool = True
                  ) -> dict[str, Any]:
    """Read, code and write one partition; return its ``result.json`` content."""
    start = time.monotonic()
    problems: list[IngestProblem] = []
    articles = _articles(_read(part, settings), problems)
    unreadable = len(problems)
    coded = _code(coder_for(settings), articles, problems) if code else []
    result = _write(part, Path(out), articles, coded)
    result["counts"].update(read=len(articles) + unreadable, problems=len(problems))
    result.update(
        problems=[{"where": p.where, "reason": p.reason} for p in problems],
        seconds=round(time.monotonic() - start, 3), worker_pid=os.getpid(), coded=code)
    _finish(Path(out), part, result)
    return result


def _articles(items: Iterable[Article | IngestProblem], problems: list[IngestProblem]
              ) -> list[Article]:
    """The articles among ``items``; the problems go to ``problems``."""
    found: list[Article] = []
    for item in items:
        if isinstance(item, IngestProblem):
            problems.append(item)
        else:
            found.append(item)
    return found


def _read(part: Partition, settings: Settings) -> Iterator[Article | IngestProblem]:
    if part.stop >= 0:  # a line range of one JSONL file
        yield from _read_jsonl_range(part)
        return
    from tocsin.ingest import read_sources

    yield from read_sources([f.path for f in part.files], settings)


def _read_jsonl_range(part: Partition) -> Iterator[Article | IngestProblem]:
    path = Path(part.files[0].path)
    with path.open("rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.stop - part.start)
    lines = data.decode("utf-8", errors="replace").splitlines(keepends=True)
    # blank lines count but yield nothing: this keeps the path:line numbers (and the ids
    # derived from them) those of `tocsin ingest` reading the whole file
    padded = itertools.chain(itertools.repeat("", part.first_line), lines)
    yield from read_jsonl_lines(padded, str(path), default_source=path.stem)


def _code(coder: CoderLike, articles: list[Article], problems: list[IngestProblem]
          ) -> list[tuple[Article, list[Event]]]:
    """Code articles; an article the coder fails on is a problem, the others go on."""
    try:
        return [(a, [_with_article(e, a) for e in evs]) for a, evs in coder.code_articles(articles)]
    except Exception as exc:  # isolate the bad article, as the ingest pipeline does
        if len(articles) > 1:
            return [pair for art in articles for pair in _code(coder, [art], problems)]
        log.warning("coding failed on %s: %s", articles[0].id, exc)
        problems.append(IngestProblem(articles[0].id,
                                      f"coding failed: {type(exc).__name__}: {exc}"))
        return []


def _with_article(event: Event, article: Article) -> Event:
    return event.replace(article_id=article.id,
                         article_date=event.article_date or article.date)


def _write(part: Partition, out: Path, articles: list[Article],
           coded: Iterable[tuple[Article, list[Event]]]) -> dict[str, Any]:
    tmp = out / "parts" / f".{part.name}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.mkdir(parents=True)
    prints = [fingerprint(a.text) for a in articles]
    mentions = [tables.mention_row(ev) for _art, evs in coded for ev in evs]
    rows = {
        "articles": [tables.article_row(a, p.size, p.to_bytes())
                     for a, p in zip(articles, prints, strict=True)],
        "mentions": mentions,
        "events": tables.event_rows(mentions),
    }
    checksums = {}
    for name, items in rows.items():
        target = tmp / f"{name}.parquet"
        pq.write_table(tables.to_table(name, items), target, compression="zstd")
        checksums[f"{name}.parquet"] = sha256(target)
    return {"partition": part.name, "tmp": tmp.name, "checksums": checksums,
            "counts": {name: len(items) for name, items in rows.items()}}


def _finish(out: Path, part: Partition, result: dict[str, Any]) -> None:
    """Move the finished files into place; result.json last marks the partition done."""
    tmp = out / "parts" / result.pop("tmp")
    (tmp / RESULT).write_text(json.dumps({**result, "input": part.describe()}, indent=1))
    final = out / "parts" / part.name
    if final.exists():  # an earlier attempt of this partition got this far: replace it
        shutil.rmtree(final)
    os.replace(tmp, final)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
