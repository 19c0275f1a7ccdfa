"""Shared helpers of the analysis package: getting an engine, parsing subjects and dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import sqlalchemy as sa

from tocsin.errors import InputError
from tocsin.store import queries

_ACTOR = re.compile(r"^[A-Z0-9]{3,15}$")


def engine_of(store: Any) -> sa.Engine:
    """Accept a Store (anything with ``.engine``) or an Engine."""
    if isinstance(store, sa.Engine):
        return store
    engine = getattr(store, "engine", None)
    if not isinstance(engine, sa.Engine):
        raise TypeError(f"expected a Store or an Engine, got {type(store).__name__}")
    return engine


def prepared(store: Any) -> sa.Engine:
    """The engine, with event identities brought up to date."""
    engine = engine_of(store)
    queries.refresh_identities(engine)
    return engine


def actor_code(value: str, what: str = "actor") -> str:
    """Validate a CAMEO actor code (country 'RUS' or longer 'RUSMIL')."""
    code = (value or "").strip().upper()
    if not _ACTOR.match(code):
        raise InputError(f"invalid {what} code {value!r}: expected 3-15 letters/digits like RUS or RUSMIL")
    return code


def period(value: str) -> str:
    if value not in queries.PERIODS:
        raise InputError(f"invalid period {value!r}: expected one of {', '.join(queries.PERIODS)}")
    return value


def parse_date(value: str | dt.date | None, what: str = "date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"invalid {what} {value!r}: expected YYYY-MM-DD") from exc


def jsonable(value: Any) -> Any:
    """Dates to ISO strings, recursively (for JSON output)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value
