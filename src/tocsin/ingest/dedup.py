"""Near-duplicate detection: MinHash over word shingles (datasketch).

Texts are lower-cased and reduced to word tokens, then cut into overlapping
shingles of ``SHINGLE`` words. MinHash estimates the Jaccard similarity J of two
shingle sets; with the set sizes this gives their overlap
``|A ∩ B| / min(|A|, |B|) = J (|A| + |B|) / ((1 + J) min(|A|, |B|))``, which is
the score compared with the threshold.

Why overlap and not J itself: a 300-word wire story republished with a sentence
reworded, a sentence added and another byline keeps only J ≈ 0.7 (every changed
word disturbs several shingles on *both* sides), yet ~85 % of its shingles are
shared; an excerpt or a shortened republication has a low J but an overlap near 1.
Distinct stories on the same topic share few three-word sequences (overlap < 0.2).

The LSH index proposes candidates at a low Jaccard (:data:`LSH_THRESHOLD`); the
overlap estimate of each candidate decides.

:class:`Deduplicator` is what an ingest uses: exact duplicates within the run, and
near-duplicates against the store through its *persisted* index (the signatures and LSH
band keys of :mod:`tocsin.store.signatures`), so that checking a new article costs one
indexed lookup of its :func:`band_keys` however many articles are stored.
"""

from __future__ import annotations

import hashlib
import logging
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # datasketch imports scipy.integrate (~1 s): loaded on first use instead,
    from datasketch import MinHash  # so that importing the pipeline stays cheap

from tocsin.models import Article
from tocsin.store.signatures import SignatureRow, Signatures

log = logging.getLogger(__name__)

SHINGLE = 3
LSH_THRESHOLD = 0.4  # Jaccard for candidate retrieval; below what an 0.8 overlap implies for
# texts of similar length (J = o / (2 - o) = 0.67), with room for estimation noise
SCHEME = "affine32"  # datasketch permutation scheme, fixed so persisted signatures stay comparable
MIN_SHINGLES = 20  # below this, overlap is too easily high: score by Jaccard instead
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of a lower-cased text (the whole text when shorter than n)."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@dataclass(frozen=True)
class Fingerprint:
    """A text's MinHash signature and its number of distinct shingles."""

    signature: MinHash
    size: int

    def to_bytes(self) -> bytes:
        """Compact form for persisting: size (8 bytes) + hash values (uint64)."""
        return (
            np.array([self.size], dtype="<u8").tobytes()
            + np.asarray(self.signature.hashvalues, dtype="<u8").tobytes()
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        values = np.frombuffer(data, dtype="<u8")
        signature = _new_minhash(len(values) - 1, values[1:].astype(np.uint64))
        return cls(signature=signature, size=int(values[0]))


@lru_cache(maxsize=16)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows) for a threshold, computed once (it integrates
    the false positive and negative rates numerically: ~70 ms)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> Any:
    """The (fixed-seed) permutations, computed once per size instead of per text."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


def _new_minhash(num_perm: int, hashvalues: Any = None) -> MinHash:
    from datasketch import MinHash

    return MinHash(
        num_perm=num_perm,
        scheme=SCHEME,
        permutations=_permutations(num_perm),
        hashfunc=zlib.crc32,
        hashvalues=hashvalues,
    )


def fingerprint(text: str, num_perm: int = 128) -> Fingerprint:
    """The MinHash fingerprint of a text's shingles (32-bit CRC of each shingle)."""
    grams = shingles(text)
    signature = _new_minhash(num_perm)
    signature.update_batch(s.encode("utf-8") for s in grams)
    return Fingerprint(signature=signature, size=len(grams))


def overlap(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    jaccard = float(a.signature.jaccard(b.signature))
    smaller = min(a.size, b.size)
    if smaller < MIN_SHINGLES:
        return jaccard
    shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return min(1.0, shared / smaller)


class NearDuplicateIndex:
    """Finds the indexed text most similar to a new one, above an overlap threshold."""

    def __init__(self, threshold: float, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(num_perm=num_perm,
                               params=_lsh_params(min(LSH_THRESHOLD, threshold), num_perm))
        self._prints: dict[str, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._prints)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._prints

    def fingerprint(self, text: str) -> Fingerprint:
        return fingerprint(text, self.num_perm)

    def add(self, article_id: str, text: str) -> None:
        """Index a text under an id (adding an id twice keeps the first text)."""
        self.add_fingerprint(article_id, self.fingerprint(text))

    def add_fingerprint(self, article_id: str, print_: Fingerprint) -> None:
        """Index a precomputed fingerprint (e.g. one persisted by the store)."""
        if article_id in self._prints or print_.size == 0:
            return
        self._prints[article_id] = print_
        self._lsh.insert(article_id, print_.signature)

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for article_id, text in items:
            self.add(article_id, text)

    def query(self, text: str) -> tuple[str, float] | None:
        """(id, estimated overlap) of the most similar indexed text, if ≥ threshold."""
        return self.query_fingerprint(self.fingerprint(text))

    def check(self, article_id: str, text: str) -> tuple[str, float] | None:
        """Query, then add: the best earlier match of this text (one fingerprint computed)."""
        print_ = self.fingerprint(text)
        found = self.query_fingerprint(print_)
        self.add_fingerprint(article_id, print_)
        return found

    def query_fingerprint(self, print_: Fingerprint) -> tuple[str, float] | None:
        if print_.size == 0:
            return None
        best: tuple[str, float] | None = None
        for candidate in sorted(self._lsh.query(print_.signature)):
            score = overlap(print_, self._prints[candidate])
            if score >= self.threshold and (best is None or score > best[1]):
                best = (candidate, score)
        return best


# -- the persisted index -------------------------------------------------------------


def lsh_params(num_perm: int = 128) -> tuple[int, int]:
    """(bands, rows per band) datasketch chooses for :data:`LSH_THRESHOLD`; fixed, so that
    band keys persisted by one run match those computed by the next."""
    return _lsh_params(LSH_THRESHOLD, num_perm)


def band_keys(print_: Fingerprint) -> tuple[int, ...]:
    """One signed 64-bit key per LSH band (band number + its hash values, BLAKE2b)."""
    if print_.size == 0:
        return ()
    values = np.asarray(print_.signature.hashvalues, dtype="<u8")
    bands, rows = lsh_params(len(values))
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(),
                                 digest_size=8, person=band.to_bytes(2, "little") * 8)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return tuple(keys)


def signature_row(article_id: str, print_: Fingerprint) -> SignatureRow:
    """What the store persists for one original article."""
    return SignatureRow(article_id, print_.size, print_.to_bytes(), band_keys(print_))


class Deduplicator:
    """Exact duplicates within a run and near-duplicates against everything stored.

    Near-duplicates are looked up in the store's persisted index (plus the originals of
    the batch being stored, not yet persisted); :meth:`persist` writes the fingerprints
    of the articles a batch actually stored. Originals stored without a fingerprint
    (before migration 0006, or by a run killed between the two writes) are fingerprinted
    once, the first time a new article needs the index.
    """

    def __init__(self, store: Any, threshold: float, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.signatures = Signatures.of(store)
        self.threshold = threshold
        self.num_perm = num_perm
        self._hashes: dict[str, str] = {}
        self._ids: set[str] = set()
        self._pending: dict[str, tuple[Fingerprint, tuple[int, ...]]] = {}
        self._pending_index = NearDuplicateIndex(threshold, num_perm)
        self._ready = False

    def seen_hash(self, art: Article) -> str | None:
        return self._hashes.get(art.content_hash or "")

    def seen_id(self, article_id: str) -> bool:
        return article_id in self._ids

    def mark(self, art: Article, print_: Fingerprint | None = None) -> Article:
        """Record the article as new; link it to its near-duplicate original if any
        (``near_dup_of`` / ``near_dup_score`` set on the returned article)."""
        self._hashes[art.content_hash or ""] = art.id
        self._ids.add(art.id)
        print_ = print_ or fingerprint(art.text, self.num_perm)
        keys = band_keys(print_)
        match = self.best_match(print_, keys)
        if match is not None:
            return art.replace(near_dup_of=match[0], near_dup_score=round(match[1], 4))
        self._pending[art.id] = (print_, keys)
        self._pending_index.add_fingerprint(art.id, print_)
        return art

    def best_match(self, print_: Fingerprint, keys: Sequence[int] | None = None
                   ) -> tuple[str, float] | None:
        """(id, overlap) of the most similar stored or pending original, if ≥ threshold."""
        if print_.size == 0:
            return None
        self._ensure_complete()
        stored = self.signatures.candidates(band_keys(print_) if keys is None else keys)
        scored = [(row.article_id, overlap(print_, Fingerprint.from_bytes(row.signature)))
                  for row in stored]
        good = [(aid, float(s)) for aid, s in scored if s >= self.threshold]
        pending = self._pending_index.query_fingerprint(print_)
        good += [pending] if pending else []
        return min(good, key=lambda m: (-m[1], m[0])) if good else None

    def persist(self, added: Sequence[str]) -> int:
        """Write the fingerprints of the originals just stored; forget the others."""
        return self.signatures.add(self.take_pending(added))

    def take_pending(self, added: Sequence[str]) -> list[SignatureRow]:
        """The fingerprints to persist for the originals among ``added`` (for a caller that
        writes them in its own transaction, e.g. the bulk loader); forget the others."""
        rows = [SignatureRow(aid, self._pending[aid][0].size, self._pending[aid][0].to_bytes(),
                             self._pending[aid][1]) for aid in added if aid in self._pending]
        self._pending.clear()
        self._pending_index = NearDuplicateIndex(self.threshold, self.num_perm)
        return rows

    def _ensure_complete(self) -> None:
        if self._ready:
            return
        self._ready = True
        if self.signatures.complete():
            return
        done = 0
        for rows in self.signatures.missing():
            self.signatures.add([signature_row(aid, fingerprint(text, self.num_perm))
                                 for aid, text in rows])
            done += len(rows)
            log.info("near-duplicate index: %d stored articles fingerprinted", done)
