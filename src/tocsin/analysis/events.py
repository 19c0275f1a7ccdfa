"""Event search and event identity (GDELT-style NumMentions/NumSources/NumArticles).

Identity: mentions (rows of the events table) of the same day (event date if precise to
the day, else article date), source actor, target actor, CAMEO code and countability are
one event; a generic coding of the same day and dyad ("190", "19") folds into the specific
one of the same root ("193"). ``num_mentions`` counts every mention, including those from
near-duplicate articles; ``num_articles``/``num_sources`` count only articles that are not
near-duplicates, and an event seen only in near-duplicate articles never counts in series
or alerts.
"""

from __future__ import annotations

from typing import Any

from tocsin.analysis.common import Store, actor_code, jsonable, parse_date
from tocsin.errors import InputError
from tocsin.store.queries import EventFilters

FACTUALITIES = ("asserted", "alleged", "negated", "intended", "hypothetical")
MAX_LIMIT = 10_000


def make_filters(*, actor: str | None = None, dyad: tuple[str, str] | list[str] | None = None,
                 code: str | None = None, root: str | None = None, plover: str | None = None,
                 quad: int | None = None, factuality: str | None = None, since: Any = None,
                 until: Any = None, place: str | None = None, search: str | None = None,
                 counts_only: bool = False, article_id: str | None = None) -> EventFilters:
    """Validated event filters (InputError on bad values)."""
    if code is not None and not (code.isdigit() and 2 <= len(code) <= 4):
        raise InputError(f"invalid CAMEO code {code!r}: expected 2-4 digits")
    if root is not None and not (root.isdigit() and len(root) == 2):
        raise InputError(f"invalid CAMEO root {root!r}: expected 2 digits (01-20)")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise InputError(f"invalid quad class {quad!r}: expected 1-4")
    if factuality is not None and factuality.lower() not in FACTUALITIES:
        raise InputError(f"invalid factuality {factuality!r}: "
                         f"expected one of {', '.join(FACTUALITIES)}")
    if dyad is not None and len(dyad) != 2:
        raise InputError("a dyad is two actor codes")
    return EventFilters(
        actor=actor_code(actor) if actor else None,
        dyad=(actor_code(dyad[0]), actor_code(dyad[1])) if dyad else None,
        code=code, root=root, plover=plover.upper() if plover else None, quad=quad,
        factuality=factuality.lower() if factuality else None,
        since=parse_date(since, "since"), until=parse_date(until, "until"),
        place=place or None, search=search or None, counts_only=counts_only,
        article_id=article_id,
    )


def events(store: Store, filters: EventFilters | None = None, *, limit: int = 50,
           offset: int = 0, after_id: int | None = None) -> list[dict[str, Any]]:
    """Events (mentions) matching ``filters``, by id, with identity and article info."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise InputError("offset must not be negative")
    rows = store.search_events(filters or EventFilters(), limit=limit, offset=offset,
                               after_id=after_id)
    return [jsonable(r) for r in rows]


def event(store: Store, event_id: int) -> dict[str, Any]:
    """One event with its rules, full record and identity (NotFoundError if absent)."""
    return jsonable(store.event_record(event_id))
