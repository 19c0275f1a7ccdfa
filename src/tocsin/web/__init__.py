"""The analyst's workbench: one static page of ES modules, no build step, no external URL.

``mount_dashboard(app)`` serves the page at ``/`` and ``/dashboard`` and its assets under
``/dashboard/static/`` (the view modules in ``static/js/``, the vendored libraries in
``static/vendor/``, see ``tools/vendor_web.sh``). ``mount_docs(app)`` serves Swagger UI at
``/docs`` and ReDoc at ``/redoc`` from the same vendored files, so both work offline.
The page only calls the app's own JSON routes; the API's Content-Security-Policy of
``'self'`` makes the browser refuse anything else.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSET_PREFIX = "/dashboard/static"
HTML = "text/html; charset=utf-8"


def _page(path: Path) -> FileResponse:
    return FileResponse(path, media_type=HTML, headers={"Cache-Control": "no-cache"})


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page at ``/`` and ``/dashboard`` (left out of the OpenAPI schema)."""
    page = STATIC_DIR / "index.html"

    def dashboard() -> FileResponse:
        return _page(page)

    for path in ("/", "/dashboard"):
        app.add_api_route(path, dashboard, methods=["GET"], include_in_schema=False,
                          response_class=FileResponse)
    app.mount(ASSET_PREFIX, StaticFiles(directory=STATIC_DIR), name="dashboard-static")


def mount_docs(app: FastAPI) -> None:
    """Swagger UI at ``/docs`` and ReDoc at ``/redoc``, from the vendored assets."""
    for path, name in (("/docs", "swagger.html"), ("/redoc", "redoc.html")):
        page = STATIC_DIR / "docs" / name

        def docs(page: Path = page) -> FileResponse:
            return _page(page)

        app.add_api_route(path, docs, methods=["GET"], include_in_schema=False,
                          response_class=FileResponse)


__all__ = ["ASSET_PREFIX", "STATIC_DIR", "mount_dashboard", "mount_docs"]
