"""Read routes of the analyst's workbench: articles, overview aggregates, actors, windows.

Each route reads through :mod:`tocsin.store.dashboard` (bounded queries) and answers
small JSON: aggregates are computed on the server, never shipped as raw rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path, Query
from fastapi.responses import StreamingResponse

from tocsin import analysis
from tocsin.analysis.common import actor_code, jsonable
from tocsin.api import workbench
from tocsin.api.cache import Aggregates
from tocsin.api.names import ActorDirectory
from tocsin.errors import InputError, NotFoundError
from tocsin.store import dashboard as q
from tocsin.store.queries import EventFilters

Text = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
SAFE_SCHEMES = ("http://", "https://")
EventSort = Literal["id", "-id", "date", "-date", "goldstein", "-goldstein", "mentions",
                    "-mentions"]
MAX_EXPORT = 100_000
EXPORT_PAGE = 2000
EXPORT_COLUMNS = (
    "id", "identity_id", "day", "event_date", "article_date", "source_code", "target_code",
    "code", "name", "root_code", "quad_class", "plover_type", "goldstein", "factuality",
    "counts", "geo_name", "geo_country", "geo_lat", "geo_lon", "sentence", "article_id",
    "title", "url", "source_name",
)


def event_filters(
    actor: Text = None,
    dyad: Annotated[str | None, Query(max_length=40, description="A-B, e.g. RUS-PAK")] = None,
    code: Text = None, root: Text = None, plover: Text = None,
    quad: Annotated[int | None, Query(ge=1, le=4)] = None,
    factuality: Text = None, since: dt.date | None = None, until: dt.date | None = None,
    place: Text = None, search: Text = None, counts_only: bool = False,
) -> EventFilters:
    """The event filters of the query string (shared by /events and /events/export)."""
    pair: tuple[str, str] | None = None
    if dyad:
        parts = dyad.split("-")
        if len(parts) != 2 or not all(parts):
            raise InputError("dyad must be two actor codes joined by '-', e.g. RUS-PAK")
        pair = (parts[0], parts[1])
    return analysis.make_filters(actor=actor, dyad=pair, code=code, root=root, plover=plover,
                                 quad=quad, factuality=factuality, since=since, until=until,
                                 place=place, search=search, counts_only=counts_only)


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (never a javascript: link)."""
    if not isinstance(url, str):
        return None
    clean = url.strip()
    if not clean.lower().startswith(SAFE_SCHEMES) or any(c in clean for c in "\n\r\t\x00 "):
        return None
    return clean


def clean_links(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its ``url`` field reduced to an http(s) URL or None."""
    if "url" in row:
        row["url"] = safe_url(row["url"])
    return row


def check_actor(store: Any, directory: ActorDirectory, code: str) -> str:
    """``code`` upper-cased if any event has it, else a 404 with the closest known actor."""
    code = actor_code(code)
    with store.engine.connect() as conn:
        if q.has_actor(conn, code):
            return code
    hint = directory.suggestion(code)
    more = f"; did you mean {hint}?" if hint else ""
    raise NotFoundError(f"no events for actor {code!r}{more}")


def add_routes(app: FastAPI, store: Any, directory: ActorDirectory,
               aggregates: Aggregates) -> None:
    """Register the workbench's read routes on ``app``."""
    _export_route(app, store)
    _article_routes(app, store, aggregates)
    _overview_routes(app, store, aggregates)
    _actor_routes(app, store, directory)


def _export_rows(store: Any, f: EventFilters, sort: str) -> Iterator[dict[str, Any]]:
    """Every match of ``f`` in ``sort`` order, page by page (at most MAX_EXPORT)."""
    for offset in range(0, MAX_EXPORT, EXPORT_PAGE):
        with store.engine.connect() as conn:
            page = q.event_page(conn, f, sort=sort, limit=min(EXPORT_PAGE, MAX_EXPORT - offset),
                                offset=offset, total=False)
        for row in page.items:
            yield clean_links(jsonable(row))
        if len(page.items) < EXPORT_PAGE:
            return


def _csv(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in EXPORT_COLUMNS])
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _json(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, row in enumerate(rows):
        yield ("," if i else "") + json.dumps({c: row.get(c) for c in EXPORT_COLUMNS})
    yield "]"


def _export_route(app: FastAPI, store: Any) -> None:
    @app.get("/events/export", tags=["events"],
             responses={200: {"content": {"text/csv": {}, "application/json": {}},
                              "description": "the filtered events as CSV or a JSON array"}})
    def export_events(f: Annotated[EventFilters, Depends(event_filters)],
                      format: Literal["csv", "json"] = "csv",
                      sort: EventSort = "-date") -> StreamingResponse:
        """Every event matching the filters (at most 100,000) as CSV or a JSON array."""
        rows = _export_rows(store, f, sort)
        if format == "csv":
            return StreamingResponse(_csv(rows), media_type="text/csv; charset=utf-8",
                                     headers={"Content-Disposition":
                                              'attachment; filename="events.csv"'})
        return StreamingResponse(_json(rows), media_type="application/json",
                                 headers={"Content-Disposition":
                                          'attachment; filename="events.json"'})


def _article_routes(app: FastAPI, store: Any, aggregates: Aggregates) -> None:
    @app.get("/articles", tags=["articles"])
    def list_articles(search: Text = None, source: Text = None, since: dt.date | None = None,
                      until: dt.date | None = None, origin: Text = None, limit: Limit = 50,
                      offset: Offset = 0) -> dict[str, Any]:
        """Stored articles newest first (``search``: title or text, ``origin``: where it was
        read from, both case-insensitive substrings; ``source``: the source's name)."""
        def page() -> list[dict[str, Any]]:
            with store.engine.connect() as conn:
                found = q.article_page(conn, search=search, source=source, since=since,
                                       until=until, origin=origin, limit=limit, offset=offset)
            return [clean_links(jsonable(i)) for i in found]

        # an origin (the overview's seed article) is a constant question: kept per data version
        key = ("articles", search, source, since, until, origin, limit, offset)
        items = aggregates.cached(key, page) if origin else page()
        full = len(items) == limit
        return {"items": items, "limit": limit, "offset": offset,
                "next_offset": offset + limit if full else None}

    @app.get("/articles/{article_id}", tags=["articles"])
    def get_article(article_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
        """One article's text with every event coded in it (spans into the text, rules,
        place, date, factuality)."""
        with store.engine.connect() as conn:
            found = q.article_detail(conn, article_id)
        return clean_links(jsonable(found))


def _overview_routes(app: FastAPI, store: Any, aggregates: Aggregates) -> None:
    @app.get("/window", tags=["overview"])
    def get_window(since: dt.date | None = None,
                   until: dt.date | None = None) -> dict[str, Any]:
        """The window asked for (default: the last 12 weeks of data), the previous window
        and the range of the data."""
        with store.engine.connect() as conn:
            w = workbench.window(conn, since, until)
            lo, hi = q.data_range(conn)
        return {**w.to_record(), "first": lo and lo.isoformat(), "last": hi and hi.isoformat()}

    @app.get("/overview/movers", tags=["overview"])
    def movers(since: dt.date | None = None, until: dt.date | None = None,
               min_events: Annotated[int, Query(ge=1, le=100_000)] = 3,
               limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
        """Dyads moving most toward conflict and toward cooperation: change of
        (conflict - cooperation) events against the previous window."""
        with store.engine.connect() as conn:
            w = workbench.window(conn, since, until)
        return {"window": w.to_record(), **workbench.cube_movers(
            aggregates.cube(), w.since, w.until, min_events=min_events, top=limit)}

    @app.get("/overview/map", tags=["overview"])
    def country_map(since: dt.date | None = None, until: dt.date | None = None,
                    min_events: Annotated[int, Query(ge=1, le=100_000)] = 5
                    ) -> dict[str, Any]:
        """Per country: conflict share (conflict - coop) / (conflict + coop) of its events in
        the window and the previous one, and the change when both windows have
        ``min_events`` (aggregated on the server)."""
        with store.engine.connect() as conn:
            w = workbench.window(conn, since, until)
        return {"window": w.to_record(), "items": workbench.cube_map(
            aggregates.cube(), w.since, w.until, min_events=min_events)}


def _actor_routes(app: FastAPI, store: Any, directory: ActorDirectory) -> None:
    @app.get("/actors", tags=["actors"])
    def list_actors(q_: Annotated[str | None, Query(alias="q", max_length=60)] = None,
                    limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
        """Type-ahead: actors whose code or name matches ``q`` (busiest first)."""
        return {"items": [a.to_record() for a in directory.search(q_ or "", limit)]}

    @app.get("/actors/{a}/partners", tags=["actors"])
    def partners(a: Annotated[str, Path(max_length=15)], since: dt.date | None = None,
                 until: dt.date | None = None,
                 limit: Annotated[int, Query(ge=1, le=200)] = 25) -> dict[str, Any]:
        """The actor's partners in the window: events, conflict, cooperation, Goldstein sum
        (its sign is the edge sign of the signed network)."""
        code = check_actor(store, directory, a)
        with store.engine.connect() as conn:
            rows = q.partner_rows(conn, code, since, until)[:limit]
        names = directory.actors()
        name_of = {n.code: n.name for n in names}
        return {"actor": code, "items": [
            {"partner": r.partner, "name": name_of.get(r.partner, r.partner),
             "events": r.events, "conflict": r.conflict, "cooperation": r.cooperation,
             "goldstein": round(r.goldstein_sum, 2),
             "sign": (r.goldstein_sum > 0) - (r.goldstein_sum < 0)} for r in rows]}

    @app.get("/actors/{a}/top", tags=["actors"])
    def top(a: Annotated[str, Path(max_length=15)], since: dt.date | None = None,
            until: dt.date | None = None,
            limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
        """The actor's heaviest events of the window (|Goldstein| x mentions)."""
        code = check_actor(store, directory, a)
        with store.engine.connect() as conn:
            rows = q.top_events(conn, code, since, until, limit)
        return {"actor": code,
                "items": [clean_links(jsonable(r)) for r in rows]}
