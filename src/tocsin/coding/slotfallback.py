"""Falling back to the next pattern of a verb when the best one's slots leave the event
without a source or a target.

Of a verb's matching patterns the most specific wins (:mod:`~tocsin.coding.verbmatch`);
when its actors come out empty while a less specific (or equally specific, later) pattern
has a ``$`` or ``+`` slot for the missing role, that pattern is tried, and the first whose
actors fill both roles is taken. So the order of a verb's patterns in a dictionary no longer
decides whether an event is coded: "An American soldier is released from Russia after two
years in detention" matches "* + FROM &DETENTION" (a passive without "by" has no source)
and then "* + FROM $" (Russia released him, 0841).
"""

from __future__ import annotations

from tocsin.coding.context import DocContext
from tocsin.coding.slots import Found, find_actors
from tocsin.coding.verbmatch import VerbMatch, fallbacks


def refilled(
    ctx: DocContext, m: VerbMatch, found: Found, post: list[int], sent_index: int
) -> tuple[VerbMatch, Found]:
    """``(m, found)``, or the first fallback match whose slots give both roles actors."""
    if (found.sources and found.targets) or not m.others:
        return m, found
    for alt in fallbacks(m):
        if not _fills_missing(alt, found):
            continue
        alt_found = find_actors(ctx, alt, post, sent_index)
        if alt_found.sources and alt_found.targets:
            return alt, alt_found
    return m, found


def _fills_missing(alt: VerbMatch, found: Found) -> bool:
    """Whether ``alt`` has a slot for a role ``found`` left empty (without one, its actors
    come from the same subject and object and stay empty)."""
    return (not found.sources and "src" in alt.slots) or (not found.targets and "tgt" in alt.slots)
