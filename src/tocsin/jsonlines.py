"""The library's JSON Lines reader: the JSON objects of the lines of a ``.jsonl`` document.

One JSON object a line; blank lines are skipped and lines are numbered from 1. The corpus
reader (``tocsin.ingest.jsonl``), the evaluation-format reader
(``tocsin.coding.runner.read_records``) and the benchmarks read their lines here, so a
malformed line reads the same in each: ``malformed JSON (Expecting value at column 1)`` or
``expected a JSON object, got list``.
A shared module (it imports only :mod:`tocsin.errors`), so that stages which may not import
one another (``ingest``, ``coding``) can both use it. Hand-written: the standard ``json``
module parses; what is left (numbering, blank lines, the object check, one message) is a
few lines, and the ``jsonlines`` package would add a dependency for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from tocsin.errors import InputError

__all__ = ["json_objects", "parse_object", "read_objects"]


def parse_object(line: str) -> dict[str, Any]:
    """The JSON object of one line (an :class:`InputError` saying why not)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    return record


def json_objects(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """(line number, object) of each non-blank line, reading on past a bad line: a line that
    is not a JSON object gives its :class:`InputError` in place of the object, for the
    caller to report (a corpus reader) or raise (:func:`read_objects`)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_object(line)
        except InputError as exc:
            yield number, exc


def read_objects(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line; the first bad line raises
    ``InputError("line N: malformed JSON (...)")``."""
    for number, record in json_objects(lines):
        if isinstance(record, InputError):
            raise InputError(f"line {number}: {record.message}") from record
        yield number, record
