"""Near-duplicate detection: MinHash over word shingles (datasketch).

Texts are lower-cased and reduced to word tokens (punctuation and datelines
matter little), then cut into overlapping shingles of ``SHINGLE`` words. Three
words is short enough that a wire story republished with a sentence or two
changed, or another byline or dateline, keeps a Jaccard similarity around 0.8-0.9
(each changed word disturbs only three shingles), while distinct stories on the
same topic share few three-word sequences (< 0.2).

The LSH index finds candidates at a slightly lower threshold than requested, and
the estimated Jaccard of each candidate decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

SHINGLE = 3
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
LSH_SLACK = 0.1  # candidates from threshold - slack; MinHash estimates are noisy


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of a lower-cased text (the whole text when shorter than n)."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def minhash(text: str, num_perm: int = 128) -> MinHash:
    """The MinHash signature of a text's shingles."""
    signature = MinHash(num_perm=num_perm)
    signature.update_batch(s.encode("utf-8") for s in shingles(text))
    return signature


class NearDuplicateIndex:
    """Finds the stored text most similar to a new one, above a Jaccard threshold."""

    def __init__(self, threshold: float, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_SLACK), num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, text: str) -> None:
        """Index a text under an id (adding an id twice keeps the first text)."""
        self.add_signature(article_id, minhash(text, self.num_perm))

    def add_signature(self, article_id: str, signature: MinHash) -> None:
        """Index a precomputed signature (e.g. one persisted by the store)."""
        if article_id in self._signatures:
            return
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, signature)

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for article_id, text in items:
            self.add(article_id, text)

    def query(self, text: str) -> tuple[str, float] | None:
        """(id, estimated Jaccard) of the most similar indexed text, if ≥ threshold."""
        return self.query_signature(minhash(text, self.num_perm))

    def query_signature(self, signature: MinHash) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for candidate in self._lsh.query(signature):
            score = float(signature.jaccard(self._signatures[candidate]))
            if score >= self.threshold and (best is None or (score, candidate) > (best[1], best[0])):
                best = (candidate, score)
        return best
