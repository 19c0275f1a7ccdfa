"""The REST API (FastAPI): the analysis queries as JSON, plus two token-guarded writes.

``create_app(settings)`` builds the app; ``tocsin serve`` runs it with uvicorn. Every
error, ours or FastAPI's validation errors, has one JSON shape::

    {"error": {"code": "E002", "message": "...", "status": 400}}
"""

from tocsin.api.app import API_MAX_LIMIT, create_app

__all__ = ["API_MAX_LIMIT", "create_app"]
