"""PETRARCH's comma-clause options on a dependency parse.  Pure: no I/O.

PETRARCH drops comma-delimited clauses from a sentence by their length in words:
``comma_min``..``comma_max`` for a clause between two commas, ``comma_bmin``..``comma_bmax``
for the words before the first comma, ``comma_emin``..``comma_emax`` for those after
the last one (a max of 0 turns the kind off).  Here a skipped clause's tokens are left
out of verb, pattern and actor search.  A clause's length counts its closing comma, as
TABARI's did.  A segment that holds the sentence's root (unless the root only attributes
a clause outside the segment: "..., officials said"), or a noun conjoined to a word
outside it (an item of a list: "X, Y and Z"), is never skipped.
"""

from __future__ import annotations

from tocsin.coding.docview import DocView
from tocsin.coding.options import Options

PUNCT = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", '"', "$", "POS"})


def _segments(view: DocView, start: int, end: int) -> list[tuple[int, int]]:
    """[lo, hi) token ranges between the commas of the sentence (commas excluded)."""
    out: list[tuple[int, int]] = []
    lo = start
    for i in range(start, end):
        if view.up[i] == ",":
            out.append((lo, i))
            lo = i + 1
    hi = end
    while hi > lo and view.tag[hi - 1] in PUNCT:  # the closing full stop
        hi -= 1
    out.append((lo, hi))
    return out


def _skippable(view: DocView, lo: int, hi: int) -> bool:
    for i in range(lo, hi):
        head = view.head[i]
        if head == i and not any(
            view.dep[c] in ("ccomp", "parataxis") and not lo <= c < hi for c in view.children[i]
        ):
            return False  # the main clause (an attribution, "..., officials said", is not)
        if view.dep[i] == "conj" and not lo <= head < hi and view.tag[i].startswith(("NN", "PRP")):
            return False  # a list item
    return True


def _words(view: DocView, lo: int, hi: int) -> int:
    return sum(1 for i in range(lo, hi) if view.tag[i] not in PUNCT)


def skipped_clauses(view: DocView, start: int, end: int, options: Options) -> set[int]:
    """Token indices of the comma clauses of sentence [start, end) the options skip."""
    segments = _segments(view, start, end)
    if len(segments) < 2:
        return set()
    out: set[int] = set()
    last = len(segments) - 1
    for k, (lo, hi) in enumerate(segments):
        if k == 0:
            low, high = options.comma_bmin, options.comma_bmax
        elif k == last:
            low, high = options.comma_emin, options.comma_emax
        else:
            low, high = options.comma_min, options.comma_max
        if high <= 0 or hi <= lo:
            continue
        n = _words(view, lo, hi) + (k < last)  # TABARI counts the closing comma as a word
        if low <= n <= high and _skippable(view, lo, hi):
            out.update(range(lo, hi))
    return out
