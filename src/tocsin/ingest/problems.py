"""Bad input, reported instead of raised: one record per bad item (:mod:`tocsin.reports`)."""

from __future__ import annotations

from tocsin.reports import IngestProblem

__all__ = ["IngestProblem"]
