"""The one JSON error shape of the API, and the handlers that produce it."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tocsin.errors import TocsinError

log = logging.getLogger(__name__)

STATUS_CODES = {400: "E002", 401: "E004", 403: "E005", 404: "E003", 405: "E006",
                422: "E002"}


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


def _response(code: str, message: str, status: int,
              headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, status), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid parameters: " + "; ".join(parts)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one shape."""

    @app.exception_handler(TocsinError)
    async def _tocsin(_: Request, exc: TocsinError) -> JSONResponse:
        if exc.http_status >= 500:
            log.error("request failed: %s", exc)
        return _response(exc.code, exc.message, exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _response("E002", _validation_message(exc), 400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        detail = str(exc.detail)
        if status == 405:
            allow = (exc.headers or {}).get("Allow", "")
            detail = f"method {request.method} not allowed here; allowed: {allow or 'none'}"
        return _response(STATUS_CODES.get(status, "E000"), detail, status, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return _response("E000", f"internal error: {type(exc).__name__}", 500)
