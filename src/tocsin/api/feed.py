"""``GET /alerts.atom``: the watcher's announcements as an Atom feed any reader can follow."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response

from tocsin.store.watch import WatchState
from tocsin.watch.atom import atom_feed

ATOM_TYPE = "application/atom+xml"


def add_feed_route(app: FastAPI, store: Any) -> None:
    """Mount ``/alerts.atom`` on ``app``, reading announcements from ``store``."""
    state = WatchState.of(store)

    @app.get(
        "/alerts.atom", tags=["alerts"], response_class=Response,
        responses={200: {"content": {ATOM_TYPE: {}}, "description": "Atom 1.0 feed"}},
    )
    def alerts_atom(
        request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50
    ) -> Response:
        """New and escalated alerts announced by ``tocsin watch``, newest first (Atom 1.0)."""
        body = atom_feed(state.recent(limit), self_url=str(request.url))
        return Response(content=body, media_type=ATOM_TYPE)
