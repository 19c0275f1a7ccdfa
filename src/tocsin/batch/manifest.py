"""The batch manifest: ``DIR/manifest.json``, what a batch read, wrote and failed on.

It lists the inputs (path, kind, size, mtime), every partition (its input slice, status,
counts, problems — each bad record with where and why — and the SHA-256 of its Parquet
files) and the totals. The partition directories' own ``result.json`` files are the
source of truth for resumption; the manifest is rewritten from them atomically (a
temporary file renamed over the old one), so a killed client never leaves half a manifest.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tocsin.batch.partitions import InputFile, Partition
from tocsin.batch.worker import RESULT
from tocsin.errors import BatchError

NAME = "manifest.json"
VERSION = 1
COUNTS = ("read", "articles", "events", "mentions", "problems")


def finished(out: Path, part: Partition) -> dict[str, Any] | None:
    """The result of a partition already written to ``out`` with all its files, or None."""
    folder = out / "parts" / part.name
    try:
        result: dict[str, Any] = json.loads((folder / RESULT).read_text())
    except (OSError, ValueError):
        return None
    if not all((folder / name).is_file() for name in result.get("checksums", {})):
        return None
    return result


def build(files: Sequence[InputFile], parts: Sequence[Partition],
          results: dict[str, dict[str, Any]], failures: dict[str, str],
          settings: dict[str, Any]) -> dict[str, Any]:
    """The manifest document for this state of the batch."""
    entries = [_entry(p, results.get(p.name), failures.get(p.name)) for p in parts]
    totals = {k: sum(r["counts"].get(k, 0) for r in results.values()) for k in COUNTS}
    totals.update(partitions=len(parts), done=len(results), failed=len(failures))
    return {
        "version": VERSION,
        "updated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": settings,
        "inputs": [asdict(f) for f in files],
        "counts": totals,
        "errors": [{"partition": name, "error": why} for name, why in sorted(failures.items())],
        "partitions": entries,
    }


def _entry(part: Partition, result: dict[str, Any] | None, failure: str | None
           ) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": part.name, "index": part.index, "input": part.describe()}
    if result is not None:
        entry.update(status="done", counts=result["counts"], problems=result["problems"],
                     checksums=result["checksums"], seconds=result.get("seconds"))
    else:
        entry["status"] = "failed" if failure else "pending"
        if failure:
            entry["error"] = failure
    return entry


def write(out: Path, doc: dict[str, Any]) -> Path:
    target = out / NAME
    tmp = out / f".{NAME}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False, default=str))
    os.replace(tmp, target)
    return target


def read(out: Path) -> dict[str, Any]:
    """The manifest of a batch output directory; BatchError if there is none."""
    try:
        doc: dict[str, Any] = json.loads((Path(out) / NAME).read_text())
    except FileNotFoundError as exc:
        raise BatchError(f"{out}: no {NAME} (not a `tocsin batch` output)", code="E503") from exc
    except ValueError as exc:
        raise BatchError(f"{out}/{NAME}: not valid JSON ({exc})", code="E503") from exc
    if doc.get("version") != VERSION:
        raise BatchError(f"{out}/{NAME}: unsupported manifest version {doc.get('version')!r}",
                         code="E503")
    return doc
