"""Partitions: JSONL byte ranges cover every line once; keys follow the input; ids as ingest's."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tocsin.batch.partitions import expand, plan
from tocsin.batch.worker import _read
from tocsin.errors import BatchError
from tocsin.ingest import read_sources
from tocsin.ingest.problems import IngestProblem
from tocsin.settings import Settings


def _jsonl(path: Path, n: int, *, blank_every: int = 0, bad_at: int = -1) -> Path:
    lines = []
    for i in range(n):
        if bad_at == i:
            lines.append("{not json")
        else:  # no id: ingest derives it from path:line, so line numbers must be kept
            lines.append(json.dumps({"text": f"Record {i} says the minister met envoy {i}."}))
        if blank_every and i % blank_every == 0:
            lines.append("")
    path.write_text("\n".join(lines) + "\n")
    return path


def _items(items: object) -> list[tuple[str, str]]:
    return [(i.where, i.reason) if isinstance(i, IngestProblem) else (i.id, i.origin or "")
            for i in items]  # type: ignore[attr-defined]


def test_jsonl_ranges_read_exactly_what_ingest_reads(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 23, blank_every=4, bad_at=9)
    parts = plan(expand([str(path)]), size=5)
    assert len(parts) == 5 and [p.index for p in parts] == list(range(5))
    settings = Settings()
    batch = [item for part in parts for item in _items(_read(part, settings))]
    assert batch == _items(read_sources([str(path)], settings))


def test_files_are_grouped_and_warc_is_one_partition(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}\n\nThe minister met the envoy {i}.")
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    (tmp_path / "notes.md").write_text("ignored: unknown extension")
    parts = plan(expand([str(tmp_path)]), size=2)
    kinds = [[f.kind for f in p.files] for p in parts]
    assert kinds == [["text", "text"], ["text", "text"], ["text"], ["warc"]]


def test_keys_are_stable_and_follow_file_changes(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 6)
    first = [p.name for p in plan(expand([str(path)]), 4)]
    assert first == [p.name for p in plan(expand([str(path)]), 4)]
    _jsonl(path, 7)
    os.utime(path, ns=(1, 2))
    assert [p.name for p in plan(expand([str(path)]), 4)][0] != first[0]


def test_globs_and_errors(tmp_path: Path) -> None:
    _jsonl(tmp_path / "x-1.jsonl", 2)
    _jsonl(tmp_path / "x-2.jsonl", 2)
    found = expand([str(tmp_path / "x-*.jsonl")])
    assert [Path(f.path).name for f in found] == ["x-1.jsonl", "x-2.jsonl"]
    with pytest.raises(BatchError, match="E501"):
        expand([str(tmp_path / "nothing-*.jsonl")])
    with pytest.raises(BatchError, match="E502"):
        plan(found, size=0)
