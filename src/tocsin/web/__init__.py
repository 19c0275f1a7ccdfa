"""The web dashboard: one static page (HTML + JS + CSS, no build step, no external URL).

``mount_dashboard(app)`` serves the page at ``/`` and ``/dashboard`` and its assets under
``/dashboard/static/``. The page only calls the app's own JSON routes (``fetch``) and draws
with inline SVG, so it works air-gapped. A Content-Security-Policy of ``'self'`` makes the
browser refuse anything else.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSET_PREFIX = "/dashboard/static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page at ``/`` and ``/dashboard`` (left out of the OpenAPI schema)."""
    page = STATIC_DIR / "index.html"

    def dashboard() -> FileResponse:
        return FileResponse(page, media_type="text/html; charset=utf-8",
                            headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})

    for path in ("/", "/dashboard"):
        app.add_api_route(path, dashboard, methods=["GET"], include_in_schema=False,
                          response_class=FileResponse)
    app.mount(ASSET_PREFIX, StaticFiles(directory=STATIC_DIR), name="dashboard-static")


__all__ = ["mount_dashboard"]
