"""FastAPI application: routes over :mod:`tocsin.analysis` (read) and the pipeline (write)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response
from pydantic import BaseModel, Field, field_validator

from tocsin import __version__, analysis, registry
from tocsin.analysis.common import jsonable
from tocsin.api import errors, routes, security
from tocsin.api.cache import Aggregates
from tocsin.api.feed import add_feed_route
from tocsin.api.names import ActorDirectory
from tocsin.errors import AuthError, InputError, WriteDisabledError
from tocsin.models import Article
from tocsin.settings import Settings
from tocsin.store import Store
from tocsin.store import dashboard as dash
from tocsin.store.queries import EventFilters
from tocsin.web import mount_dashboard, mount_docs

API_MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_ID = 2**31 - 1

Limit = Annotated[int, Query(ge=1, le=API_MAX_LIMIT,
                             description=f"page size (max {API_MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Period = Literal["day", "week", "month"]
DetectorKind = Literal[tuple(registry.detectors.choices())]  # type: ignore[valid-type]
Text = Annotated[str | None, Query(max_length=200)]


class Document(BaseModel):
    """A document to ingest and code."""

    text: str = Field(min_length=1, max_length=1_000_000)
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=2000)
    date: dt.date | None = None
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=200)

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        """Only an ISO date string (or null): a number such as 0 is no date."""
        if value is not None and not isinstance(value, (str, dt.date)):
            raise ValueError("date must be a YYYY-MM-DD string")
        return value

    @field_validator("text", "id", "title", "url", "source")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


def _no_nul(request: Request) -> None:
    """Reject NUL characters anywhere in the query or path (PostgreSQL cannot store them)."""
    if "\x00" in request.url.path or any("\x00" in k or "\x00" in v
                                          for k, v in request.query_params.multi_items()):
        raise InputError("parameters must not contain NUL characters")


def _page(items: list[Any], limit: int, offset: int,
          cursor_key: str | None = None) -> dict[str, Any]:
    full = len(items) == limit
    page: dict[str, Any] = {"items": items, "limit": limit, "offset": offset,
                            "next_offset": offset + limit if full else None}
    if cursor_key:
        page["next_cursor"] = items[-1][cursor_key] if full and items else None
    return page


def create_app(settings: Settings, *, store: Store | None = None, coder: Any = None,
               host: str | None = None) -> FastAPI:
    """The API for ``settings`` (the store is opened, and migrated, once); ``host``: the
    address it is bound to (default ``api_host``), accepted as a Host with localhost."""
    store = store or Store.open(settings)
    rules = analysis.AlertRules.from_mapping(vars(settings.alerts))
    state: dict[str, Any] = {"coder": coder}
    app = FastAPI(title="tocsin", version=__version__, dependencies=[Depends(_no_nul)],
                  docs_url=None, redoc_url=None,
                  description="Political event data from news: events, dyad series, alerts, "
                              "triads. Errors: {\"error\": {\"code\", \"message\", \"status\"}}.")
    errors.install(app)
    mount_dashboard(app)
    mount_docs(app)
    aggregates = Aggregates(store.engine)
    directory = ActorDirectory(aggregates)
    routes.add_routes(app, store, directory, aggregates)
    add_feed_route(app, store)
    api = getattr(settings, "api", None)
    app.add_middleware(security.SecurityMiddleware, hosts=security.allowed_hosts(
        host or settings.api_host, getattr(api, "allowed_hosts", "")))

    require_token = _token_guard(settings)
    _event_routes(app, store)
    _series_routes(app, store, directory)
    _alert_routes(app, store, aggregates)
    _triad_routes(app, store, aggregates)
    _write_routes(app, settings, store, state, require_token, rules)
    security.document_errors(app)
    return app


def _safe_alert(record: dict[str, Any]) -> dict[str, Any]:
    """An alert record whose evidence links are http(s) or None (never javascript:)."""
    if record.get("evidence"):
        record["evidence"] = [routes.clean_links(dict(e)) for e in record["evidence"]]
    return record


def _token_guard(settings: Settings) -> Any:
    """The dependency of the write routes: the configured token, as a Bearer header."""

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not settings.api_token:
            raise WriteDisabledError("write endpoints are disabled: no api_token is configured")
        expected = f"Bearer {settings.api_token}"
        if not authorization or not secrets.compare_digest(authorization.encode(),
                                                           expected.encode()):
            raise AuthError("missing or wrong token: send Authorization: Bearer <api_token>")

    return require_token


def _event_routes(app: FastAPI, store: Store) -> None:
    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness and version."""
        return {"status": "ok", "version": __version__}

    @app.get("/events", tags=["events"])
    def list_events(
        f: Annotated[EventFilters, Depends(routes.event_filters)],
        limit: Limit = 50, offset: Offset = 0,
        cursor: Annotated[int | None, Query(ge=0, le=MAX_ID,
                                            description="id of the last event seen")] = None,
        sort: routes.EventSort = "id", total: bool = False,
    ) -> dict[str, Any]:
        """Events (mentions) matching the filters, sorted (``-date``: newest first; default
        ``id``), paged with offset or cursor; ``total``: also count every match."""
        with store.engine.connect() as conn:
            found = dash.event_page(conn, f, sort=sort, limit=limit, offset=offset,
                                    after_id=cursor, total=total)
        items = [routes.clean_links(jsonable(r)) for r in found.items]
        page = _page(items, limit, offset, "id" if sort == "id" else None)
        if total:
            page["total"], page["total_capped"] = found.total, found.capped
        return page

    @app.get("/events/{event_id}", tags=["events"])
    def get_event(event_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict[str, Any]:
        """One event with its rules, evidence record and identity."""
        return analysis.event(store, event_id)


def _series_routes(app: FastAPI, store: Store, directory: ActorDirectory) -> None:
    @app.get("/dyads/{a}/{b}", tags=["series"])
    def dyad(a: Annotated[str, Path(max_length=15)], b: Annotated[str, Path(max_length=15)],
             by: Period = "month", directed: bool = False, roles: bool = False,
             since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
        """Series of a dyad: counts by quad class and PLOVER type, Goldstein, normalised
        (404 with a suggestion for an actor with no events)."""
        a, b = routes.check_actor(store, directory, a), routes.check_actor(store, directory, b)
        return analysis.dyad(store, a, b, by=by, directed=directed, roles=roles,
                             since=since, until=until).to_record()

    @app.get("/actors/{a}", tags=["series"])
    def actor(a: Annotated[str, Path(max_length=15)], by: Period = "month", roles: bool = False,
              since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
        """Series of all events involving one actor (404 with a suggestion if it has none)."""
        a = routes.check_actor(store, directory, a)
        return analysis.actor(store, a, by=by, roles=roles, since=since, until=until).to_record()


def _alert_routes(app: FastAPI, store: Store, aggregates: Aggregates) -> None:
    @app.get("/alerts", tags=["alerts"])
    def list_alerts(limit: Limit = 20, offset: Offset = 0,
                    direction: Literal["conflict", "cooperation"] | None = None,
                    kind: DetectorKind | None = None,  # type: ignore[valid-type]
                    subject: Annotated[str | None, Query(max_length=40)] = None,
                    evidence: bool = True, distinct: bool = False,
                    current: bool = False) -> dict[str, Any]:
        """Stored alerts, best score first, with their evidence events (``distinct``: skip
        alerts overlapping a better one on the same actor and time; ``current``: only the
        alerts active in the latest weeks of data, as ``tocsin alerts --current``)."""
        def answer() -> dict[str, Any]:
            found = analysis.alerts(store, top=limit, offset=offset, direction=direction,
                                    kind=kind, subject=subject, distinct=distinct,
                                    current=current)
            items = [_safe_alert(analysis.alert_record(
                a, analysis.alert_evidence(store, a) if evidence else None)) for a in found]
            return _page(items, limit, offset)

        key = ("alerts", limit, offset, direction, kind, subject, evidence, distinct, current)
        return aggregates.cached(key, answer)  # type: ignore[no-any-return]

    @app.get("/alerts/{alert_id}", tags=["alerts"])
    def get_alert(alert_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict[str, Any]:
        """One alert with its evidence events."""
        found = analysis.get_alert(store, alert_id)
        return _safe_alert(analysis.alert_record(found, analysis.alert_evidence(store, found)))


def _triad_routes(app: FastAPI, store: Store, aggregates: Aggregates) -> None:
    @app.get("/triads", tags=["triads"])
    def triads(since: dt.date | None = None, until: dt.date | None = None,
               min_events: Annotated[int, Query(ge=1, le=100_000)] = 3,
               all: bool = False, limit: Limit = 20) -> dict[str, Any]:
        """Triads of the signed actor network in a window (unbalanced only unless all)."""
        def answer() -> dict[str, Any]:
            found = analysis.triads(store, since, until, min_events=min_events,
                                    unbalanced_only=not all, top=limit)
            return {"items": [t.to_record() for t in found], "limit": limit}

        key = ("triads", since, until, min_events, all, limit)
        return aggregates.cached(key, answer)  # type: ignore[no-any-return]

    @app.get("/triads/shifts", tags=["triads"])
    def triad_shifts(since1: dt.date | None = None, until1: dt.date | None = None,
                     since2: dt.date | None = None, until2: dt.date | None = None,
                     min_events: Annotated[int, Query(ge=1, le=100_000)] = 3,
                     limit: Limit = 50) -> dict[str, Any]:
        """Triangles whose balance or signs changed between window 1 and window 2."""
        def answer() -> dict[str, Any]:
            shifts = analysis.triad_shifts(store, (since1, until1), (since2, until2),
                                           min_events=min_events)
            return {"items": [s.to_record() for s in shifts[:limit]], "limit": limit}

        key = ("shifts", since1, until1, since2, until2, min_events, limit)
        return aggregates.cached(key, answer)  # type: ignore[no-any-return]


def _write_routes(app: FastAPI, settings: Settings, store: Store, state: dict[str, Any],
                  require_token: Any, rules: Any) -> None:
    @app.post("/alerts/recompute", tags=["write"], dependencies=[Depends(require_token)])
    def recompute() -> dict[str, Any]:
        """Bring identities and series up to date and rescan the alerts (needs the token)."""
        return {"stored": analysis.refresh(store, rules, rescan=True).alerts}

    @app.post("/documents", tags=["write"], dependencies=[Depends(require_token)], status_code=201,
              responses={200: {"description": "Nothing new was stored (the same article again)"}})
    def ingest_document(doc: Document, response: Response) -> dict[str, Any]:
        """Store a document and code it through the pipeline, as a JSONL record would be
        (needs the API token): 201 when it was stored, 200 when nothing new was."""
        result = _ingest(settings, store, doc, state)
        if not result["stored"]:
            response.status_code = 200
        return result


def _ingest(settings: Settings, store: Store, doc: Document, state: dict[str, Any]
            ) -> dict[str, Any]:
    """The document through the ingest path of a JSONL record, then the pipeline."""
    from tocsin import pipeline
    from tocsin.ingest.articles import derive_id
    from tocsin.ingest.jsonl import read_record

    item = read_record(doc.model_dump(mode="json", exclude_none=True), "api", "api")
    if not isinstance(item, Article):
        raise InputError(f"document: {item.reason}")
    if doc.id is None:  # the same text posted twice is the same article
        item = item.replace(id=derive_id("api", item.content_hash or item.text))
    coder = state.get("coder")
    if coder is None:
        coder = state["coder"] = pipeline.get_coder(settings)
    report = pipeline.ingest(["api"], settings, store=store, coder=coder,
                             reader=lambda _sources, _settings: [item])
    return {"article_id": item.id, **report.to_dict()}
