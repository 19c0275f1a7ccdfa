"""Publication dates: from metadata, else the URL, else the text.

:func:`date_from_html` uses htmldate (original publication date, no guessing
from free text); :func:`date_from_url` reads ``/2024/03/05/``-style paths;
:func:`date_from_text` reads the first explicit full date near the start of a
text ("March 5, 2024", "5 March 2024", "2024-03-05").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from email.utils import parsedate_to_datetime
from typing import Any

log = logging.getLogger(__name__)

MIN_YEAR = 1990
TEXT_WINDOW = 600

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_URL_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[/_.-]|$)"),
)
_TEXT_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(
        rf"\b{_MONTH_RE}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH_RE}\s*,?\s+(?P<y>(?:19|20)\d{{2}})\b",
        re.IGNORECASE,
    ),
)


def _valid(year: int, month: int, day: int, today: dt.date | None = None) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    latest = (today or dt.date.today()) + dt.timedelta(days=2)
    return value if MIN_YEAR <= year and value <= latest else None


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = groups.get("m")
    number = int(month) if month else _MONTHS[groups["month"].lower()]
    return _valid(int(groups["y"]), number, int(groups["d"]))


def parse_date(value: Any) -> dt.date | None:
    """A date from metadata: date/datetime, ISO string, RFC 2822 string or struct_time."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    try:
        value = dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    else:
        return _valid(value.year, value.month, value.day)
    try:
        value = parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return date_from_text(text)
    return _valid(value.year, value.month, value.day)


def date_from_url(url: str | None) -> dt.date | None:
    """The date written in a URL path (``/2024/03/05/``, ``/2024-03-05-``, ``/20240305/``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for pattern in _URL_PATTERNS:
        for match in pattern.finditer(path):
            found = _from_match(match)
            if found:
                return found
    return None


def date_from_text(text: str | None, window: int = TEXT_WINDOW) -> dt.date | None:
    """The first explicit full date in the first ``window`` characters of a text."""
    if not text:
        return None
    head = text[:window]
    best: tuple[int, dt.date] | None = None
    for pattern in _TEXT_PATTERNS:
        for match in pattern.finditer(head):
            found = _from_match(match)
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
            if found:
                break
    return best[1] if best else None


def date_from_html(html: Any, url: str | None = None) -> dt.date | None:
    """The original publication date found by htmldate in a page's markup."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception as exc:  # noqa: BLE001 -- htmldate raises various parser errors on odd markup
        log.debug("htmldate failed on %s: %s", url, exc)
        return None
    return parse_date(found)
