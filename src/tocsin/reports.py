"""What a run did: the data model of reports (ingest, coding), shared by every layer.

:class:`IngestProblem` is one bad input item, reported instead of raised;
:class:`IngestReport` and :class:`CodeReport` are what :func:`tocsin.pipeline.ingest`
and :func:`tocsin.pipeline.recode` return; :class:`Progress` is sent after each batch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class IngestProblem:
    """One source item that could not be ingested.

    ``where`` locates it (``path``, ``path:line``, ``path#record``, or a URL);
    ``reason`` says what is wrong, in a few words.
    """

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True)
class Progress:
    """Where a long run is: sent to the ``progress`` callback after each batch."""

    stage: str  # "ingest" | "code"
    done: int  # items read (ingest) or articles coded (code)
    stored: int  # articles stored (ingest) or events written (code)
    problems: int
    elapsed: float  # seconds since the stage started
    total: int | None = None  # articles to code, when known


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class Duplicate:
    """An article linked to a stored one: exact (score 1.0, not stored) or near (stored)."""

    article_id: str
    original_id: str
    score: float = 1.0


@dataclass
class IngestReport:
    """What an ingest did."""

    read: int = 0  # articles read from the sources
    stored: int = 0  # new articles written
    already_stored: int = 0  # same id and content already in the database
    exact_duplicates: list[Duplicate] = field(default_factory=list)  # not stored
    near_duplicates: list[Duplicate] = field(default_factory=list)  # stored, linked
    problems: list[IngestProblem] = field(default_factory=list)  # once each
    coded: int = 0  # articles coded
    events: int = 0  # events written
    coding: str = "not requested"  # "done" | "not requested"
    ingest_seconds: float = 0.0
    coding_seconds: float = 0.0
    _seen: set[IngestProblem] = field(default_factory=set, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when no source item had a problem."""
        return not self.problems

    def add_problem(self, problem: IngestProblem) -> None:
        """Record a problem, once."""
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "stored": self.stored, "already_stored": self.already_stored,
            "exact_duplicates": [vars(d) for d in self.exact_duplicates],
            "near_duplicates": [vars(d) for d in self.near_duplicates],
            "problems": [{"where": p.where, "reason": p.reason} for p in self.problems],
            "coded": self.coded, "events": self.events, "coding": self.coding,
            "ingest_seconds": round(self.ingest_seconds, 3),
            "coding_seconds": round(self.coding_seconds, 3), "ok": self.ok,
        }


@dataclass
class CodeReport:
    """What a coding run did."""

    coded: int = 0
    events: int = 0
    seconds: float = 0.0
    problems: list[IngestProblem] = field(default_factory=list)  # articles the coder failed on


__all__ = ["CodeReport", "Duplicate", "IngestProblem", "IngestReport", "Progress",
           "ProgressCallback"]
