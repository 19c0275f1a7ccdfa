"""Bad input, reported instead of raised: one record per bad item."""

from __future__ import annotations

from dataclasses import dataclass


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
