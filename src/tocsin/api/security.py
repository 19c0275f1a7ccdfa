"""Security of every response: headers, a Host allow-list, and the documented error answers.

- ``SecurityMiddleware`` (plain ASGI) refuses a request whose ``Host`` is not allowed
  (400 in the one error shape: a DNS-rebinding page cannot read the API) and adds a
  Content-Security-Policy, ``X-Content-Type-Options: nosniff``, ``Referrer-Policy`` and
  ``X-Frame-Options`` to every response, JSON and static files included.
- ``document_errors`` puts 400/404/405 (and 401/403 on write routes) with the one error
  schema into the OpenAPI document and drops FastAPI's 422 (the API answers 400).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
# Swagger UI and ReDoc set inline styles and ReDoc runs a blob: worker; scripts stay 'self'
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; "
            "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(bound: str, configured: str) -> frozenset[str]:
    """The Host names accepted: ``configured`` (comma-separated; ``*`` = any) if set, else
    the bound address and localhost."""
    if configured.strip():
        return frozenset(h.strip().lower() for h in configured.split(",") if h.strip())
    return frozenset({bound.lower(), *LOCAL_HOSTS})


def _host_name(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8000
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class SecurityMiddleware:
    """Host allow-list and security headers on every HTTP response."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = _host_name(headers.get(b"host", b"").decode("latin-1"))
        docs = str(scope.get("path", "")).startswith(DOCS_PATHS)
        extra = [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()),
                 (b"x-content-type-options", b"nosniff"),
                 (b"referrer-policy", b"no-referrer"),
                 (b"x-frame-options", b"DENY")]
        if "*" not in self.hosts and host not in self.hosts:
            await _refuse(send, host, extra)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(send: Send, host: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps({"error": {"code": "E002", "status": 400,
                                 "message": f"host {host!r} is not allowed (setting "
                                            "api_allowed_hosts)"}}).encode()
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message", "status"],
        "properties": {"code": {"type": "string", "example": "E002"},
                       "message": {"type": "string"}, "status": {"type": "integer"}},
    }},
}
ERROR_TEXT = {400: "Bad request: invalid parameters or Host", 401: "Missing or wrong token",
              403: "Writes disabled (no api_token)", 404: "Not found",
              405: "Method not allowed (see the Allow header)"}


def _error_response(status: int) -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/Error"}
    out: dict[str, Any] = {"description": ERROR_TEXT[status],
                           "content": {"application/json": {"schema": ref}}}
    if status == 405:
        out["headers"] = {"Allow": {"schema": {"type": "string"},
                                    "description": "the methods this path answers"}}
    return out


def document_errors(app: FastAPI, write_tags: Iterable[str] = ("write",)) -> None:
    """Replace ``app.openapi`` with one that documents the error answers of every route."""
    writes = set(write_tags)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        for path in schema.get("paths", {}).values():
            for op in path.values():
                responses = op.setdefault("responses", {})
                responses.pop("422", None)
                statuses = [400, 404, 405]
                if writes & set(op.get("tags", [])):
                    statuses += [401, 403]
                for status in statuses:
                    responses.setdefault(str(status), _error_response(status))
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
