"""Bad input, reported instead of raised: one record per bad item (:mod:`tocsin.reports`)."""

from __future__ import annotations

from tocsin.reports import IngestProblem

__all__ = ["IngestProblem", "reason"]


def reason(exc: BaseException) -> str:
    """A one-line, never empty, description of an exception: what a problem's reason says."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
