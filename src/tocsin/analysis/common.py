"""Shared helpers of the analysis package: parsing subjects, periods and dates.

The analysis package reads through the store's methods (which return model objects and
plain records) and never touches SQL, connections or transactions itself.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tocsin.errors import InputError
from tocsin.store import Store

__all__ = ["Store", "actor_code", "jsonable", "parse_date", "period"]

_ACTOR = re.compile(r"^[A-Z0-9]{3,15}$")
PERIODS = ("day", "week", "month")
CONFLICT_QUADS = (3, 4)
COOPERATION_QUADS = (1, 2)
DIRECTIONS = {"conflict": CONFLICT_QUADS, "cooperation": COOPERATION_QUADS}


def actor_code(value: str, what: str = "actor") -> str:
    """Validate a CAMEO actor code (country 'RUS' or longer 'RUSMIL')."""
    code = (value or "").strip().upper()
    if not _ACTOR.match(code):
        raise InputError(f"invalid {what} code {value!r}: "
                         "expected 3-15 letters/digits like RUS or RUSMIL")
    return code


def period(value: str) -> str:
    if value not in PERIODS:
        raise InputError(f"invalid period {value!r}: expected one of {', '.join(PERIODS)}")
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
