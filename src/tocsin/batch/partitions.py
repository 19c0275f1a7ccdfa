"""Splitting large inputs into partitions: the unit of work, of output and of resumption.

A source is a file, a directory (its files with a known extension, as ``tocsin ingest``
reads them) or a glob. JSONL files are cut into ranges of ``size`` records by byte offset,
so a worker seeks to its range instead of reading the file from the start; a WARC file is
one partition (its records are compressed one by one, not seekable by line); text and HTML
files are grouped ``size`` files to a partition.

A partition's ``key`` names its input exactly (paths, sizes, modification times, byte
range), so a rerun over unchanged inputs finds the same partitions and skips those done.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from tocsin.errors import BatchError
from tocsin.ingest.sources import iter_directory, kind_by_name

DEFAULT_SIZE = 200  # records (JSONL) or files (text/HTML) per partition


@dataclass(frozen=True)
class InputFile:
    """One input file as found on the client."""

    path: str
    kind: str  # "jsonl" | "warc" | "text" | "html" | ...
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Partition:
    """A slice of the input: whole files, or a byte range of lines of one JSONL file."""

    index: int
    files: tuple[InputFile, ...]
    start: int = 0  # JSONL: byte offset of the first line
    stop: int = -1  # JSONL: byte offset after the last line (-1: whole files)
    first_line: int = 0  # JSONL: number of lines before ``start`` (for path:line locations)

    @property
    def key(self) -> str:
        """Stable name of exactly this input (changes when a file changes)."""
        text = json.dumps([[asdict(f) for f in self.files], self.start, self.stop],
                          sort_keys=True)
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}-{self.key}"

    def describe(self) -> dict[str, object]:
        return {"files": [f.path for f in self.files], "start": self.start, "stop": self.stop,
                "first_line": self.first_line}


def expand(sources: Sequence[str]) -> list[InputFile]:
    """Input files of the sources, in order, each once; BatchError if nothing matches."""
    seen: dict[str, InputFile] = {}
    for source in sources:
        paths = _paths(source)
        if not paths:
            raise BatchError(f"no input file matches {source!r}", code="E501")
        for path in paths:
            kind = kind_by_name(path.name)
            if kind is None or kind == "feed" or str(path) in seen:
                continue
            stat = path.stat()
            seen[str(path)] = InputFile(str(path), kind, stat.st_size, stat.st_mtime_ns)
    if not seen:
        raise BatchError(f"no JSONL, WARC, text or HTML file in {', '.join(sources)}",
                         code="E501")
    return list(seen.values())


def _paths(source: str) -> list[Path]:
    path = Path(source).expanduser()
    if path.is_dir():
        return list(iter_directory(path))
    if path.is_file():
        return [path]
    return [Path(p) for p in sorted(glob.glob(str(path), recursive=True)) if Path(p).is_file()]


def plan(files: Sequence[InputFile], size: int = DEFAULT_SIZE) -> list[Partition]:
    """The partitions of these files, numbered in input order."""
    if size < 1:
        raise BatchError(f"partition size must be at least 1, got {size}", code="E502")
    parts: list[Partition] = []
    loose: list[InputFile] = []
    for item in files:
        if item.kind == "jsonl" or item.kind == "warc":
            parts.extend(_flush(loose, size, len(parts)))
            loose = []
            if item.kind == "warc":
                parts.append(Partition(len(parts), (item,)))
            else:
                parts.extend(_jsonl_ranges(item, size, len(parts)))
        else:
            loose.append(item)
    parts.extend(_flush(loose, size, len(parts)))
    return parts


def _flush(loose: list[InputFile], size: int, first: int) -> Iterator[Partition]:
    for i in range(0, len(loose), size):
        yield Partition(first + i // size, tuple(loose[i:i + size]))


def _jsonl_ranges(item: InputFile, size: int, first: int) -> Iterator[Partition]:
    """Byte ranges of ``size`` non-blank lines each (one pass over the file, no parsing)."""
    start = offset = lines = records = 0
    range_first_line = 0
    index = first
    with open(item.path, "rb") as fh:
        for line in fh:
            offset += len(line)
            lines += 1
            if line.strip():
                records += 1
            if records == size:
                yield Partition(index, (item,), start, offset, range_first_line)
                index, start, records, range_first_line = index + 1, offset, 0, lines
    if records or index == first:
        yield Partition(index, (item,), start, offset, range_first_line)
