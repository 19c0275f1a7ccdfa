"""Name normalisation shared by the gazetteer builder, the index and the resolver."""

from __future__ import annotations

import functools
import re
import unicodedata

_PUNCT = re.compile(r"[\-‐‑–—_/.,'’`ʼʻ\"()]+")
_SPACE = re.compile(r"\s+")
# Abbreviated name words spelt out, so "St. Paul", "Ft. Worth" and "Mt. Vernon" meet GeoNames'
# "Saint Paul", "Fort Worth", "Mount Vernon" under one key.
_WORDS = re.compile(r"\b(st|ste|ft|mt)\b")
_SPELT = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def fold(text: str) -> str:
    """Strip accents: 'Ḩalab' -> 'Halab', 'Côte' -> 'Cote'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lookup key: accent-free, lower case, punctuation as spaces, no leading 'the', and
    'st', 'ste', 'ft', 'mt' spelt out ('St. Paul' -> 'saint paul')."""
    key = _SPACE.sub(" ", _PUNCT.sub(" ", fold(text).lower())).strip()
    key = key.removeprefix("the ")
    if " " in key:
        key = _WORDS.sub(lambda m: _SPELT[m.group(1)], key)
    return key
