"""Name normalisation shared by the gazetteer builder, the index and the resolver."""

from __future__ import annotations

import functools
import re
import unicodedata

_PUNCT = re.compile(r"[\-‐‑–—_/.,'’`ʼʻ\"()]+")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Strip accents: 'Ḩalab' -> 'Halab', 'Côte' -> 'Cote'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lookup key: accent-free, lower case, punctuation as spaces, no leading 'the'."""
    key = _SPACE.sub(" ", _PUNCT.sub(" ", fold(text).lower())).strip()
    key = key.removeprefix("the ")
    return key
