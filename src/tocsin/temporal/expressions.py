"""Time expressions: parse English date phrases into a reference, resolve it against a date.

Hand-written rules rather than dateparser: dateparser costs ~1 ms per call (hundreds of
locale regexes) and resolves relative phrases against *today*, not the article date, and it
cannot say "September of the previous year, precision month". These rules cost a few
microseconds per phrase, which keeps date resolution far inside the 10% overhead budget.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(NUMBERS) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

ISO_RE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
DAY_MONTH_RE = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
MONTH_DAY_RE = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
MONTH_YEAR_RE = re.compile(r"\b" + _MONTH + r"(?:\s+of)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE)
MONTH_RE = re.compile(r"\b" + _MONTH + r"\b", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")
AGO_RE = re.compile(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?:ago|earlier|before)\b", re.IGNORECASE)
IN_N_RE = re.compile(r"\b(?:in|within)\s+" + _NUM + r"\s+" + _UNIT + r"\b", re.IGNORECASE)
REL_UNIT_RE = re.compile(
    r"\b(?P<rel>last|past|previous|this|next|coming|current|following)\s+" + _UNIT + r"\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(
    r"\b(?:(?P<rel>last|next|this|past|coming)\s+)?" + _WEEKDAY + r"\b", re.IGNORECASE
)
DAY_WORD_RE = re.compile(
    r"\b(?P<w>today|tonight|yesterday|tomorrow|overnight|"
    r"this (?:morning|afternoon|evening)|earlier today)\b",
    re.IGNORECASE,
)
BEFORE_YESTERDAY_RE = re.compile(r"\bday before yesterday\b", re.IGNORECASE)
REL_MONTH_RE = re.compile(
    r"\b(?P<rel>last|this|next|past|coming)\s+" + _MONTH + r"\b", re.IGNORECASE
)
REL_WORD_RE = re.compile(r"\b(?P<rel>last|next|coming|past|previous|this)\s*$", re.IGNORECASE)
REL_OFFSETS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}
# Phrases that make a candidate a candidate; used to find expressions spaCy did not tag.


def _unnamed(pattern: str) -> str:
    return re.sub(r"\?P<\w+>", "", pattern)


CANDIDATE_RE = re.compile(
    "|".join(
        _unnamed(p)
        for p in (
            ISO_RE.pattern,
            DAY_MONTH_RE.pattern,
            MONTH_DAY_RE.pattern,
            MONTH_YEAR_RE.pattern,
            AGO_RE.pattern,
            REL_UNIT_RE.pattern,
            DAY_WORD_RE.pattern,
            r"\b(?:(?:last|next|this|past|coming)\s+)?" + _WEEKDAY + r"\b",
            r"\b(?:last|next|this|coming)\s+" + _MONTH + r"\b",
            r"\bin\s+(?:the\s+month\s+of\s+)?" + _MONTH + r"\b",
            r"\bin\s+(?:1[89]\d\d|20\d\d)\b",
        )
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeRef:
    """What a phrase says about a date, before anchoring."""

    year: int | None = None  # absolute year
    year_offset: int | None = None  # relative to the anchor's year
    month: int | None = None
    month_offset: int | None = None
    day: int | None = None
    day_offset: int | None = None
    week_offset: int | None = None
    weekday: int | None = None
    weekday_rel: str | None = None  # last / next / this / None
    month_rel: str | None = None  # "last September"
    direction: int = 0  # -1 past, +1 future, 0 from tense

    @property
    def absolute(self) -> bool:
        return self.year is not None


def _num(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text.lower()]


def parse(text: str) -> TimeRef | None:
    """A TimeRef for a date phrase, or None if it names no point or period in time."""
    m = ISO_RE.search(text)
    if m:
        return TimeRef(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
    if BEFORE_YESTERDAY_RE.search(text):
        return TimeRef(day_offset=-2)
    m = DAY_WORD_RE.search(text)
    if m:
        w = m["w"].lower()
        return TimeRef(day_offset={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    m = AGO_RE.search(text)
    if m:
        return _unit_offset(m["unit"].lower(), -_num(m["n"]))
    m = IN_N_RE.search(text)
    if m:
        return _unit_offset(m["unit"].lower(), _num(m["n"]), direction=1)
    return _parse_calendar(text)


def _unit_offset(unit: str, n: int, direction: int = 0) -> TimeRef:
    if unit == "day":
        return TimeRef(day_offset=n, direction=direction)
    if unit == "week":
        return TimeRef(week_offset=n, direction=direction)
    if unit == "month":
        return TimeRef(month_offset=n, direction=direction)
    return TimeRef(year_offset=n, direction=direction)


def _parse_calendar(text: str) -> TimeRef | None:
    """Month/day/year phrases, possibly combined with a relative year or month."""
    year_offset = month_offset = week_offset = None
    for m in REL_UNIT_RE.finditer(text):
        off = REL_OFFSETS[m["rel"].lower()]
        unit = m["unit"].lower()
        if unit == "year":
            year_offset = off
        elif unit == "month":
            month_offset = off
        elif unit == "week":
            week_offset = off
        elif unit == "day" and m["rel"].lower() in {"previous", "following"}:
            return TimeRef(day_offset=off)
    dm = DAY_MONTH_RE.search(text) or MONTH_DAY_RE.search(text)
    if dm and 1 <= int(dm["day"]) <= 31:
        year = int(dm["year"]) if dm["year"] else None
        rel = REL_WORD_RE.search(text[: dm.start()])
        return TimeRef(
            direction=REL_OFFSETS[rel["rel"].lower()] or 0 if rel else 0,
            year=year,
            year_offset=None if year else year_offset,
            month=MONTHS[dm["month"].lower()],
            day=int(dm["day"]),
        )
    my = MONTH_YEAR_RE.search(text)
    if my:
        return TimeRef(year=int(my["year"]), month=MONTHS[my["month"].lower()])
    rm = REL_MONTH_RE.search(text)
    if rm and rm["month"].lower() not in {"may", "mar"}:
        return TimeRef(month=MONTHS[rm["month"].lower()], month_rel=rm["rel"].lower())
    month = _month_word(text)
    if month is not None:
        return TimeRef(month=month, year_offset=year_offset, year=_year(text))
    m2 = WEEKDAY_RE.search(text)
    if m2:
        weekday_rel = m2["rel"].lower() if m2["rel"] else None
        return TimeRef(weekday=WEEKDAYS[m2["weekday"].lower()], weekday_rel=weekday_rel)
    if year_offset is not None or month_offset is not None or week_offset is not None:
        return TimeRef(year_offset=year_offset, month_offset=month_offset, week_offset=week_offset)
    year = _year(text)
    return TimeRef(year=year) if year else None


def _month_word(text: str) -> int | None:
    """A month name, but not the verb 'may' or a bare 'march' (need a date context)."""
    for m in MONTH_RE.finditer(text):
        word = m["month"]
        if (
            word.lower()
            in {
                "may",
                "march",
                "mar",
                "jan",
                "jun",
                "jul",
                "aug",
                "oct",
                "dec",
                "sep",
                "nov",
                "feb",
                "apr",
            }
            and not word[0].isupper()
        ):
            continue
        return MONTHS[word.lower()]
    return None


def _year(text: str) -> int | None:
    m = YEAR_RE.search(text)
    return int(m["year"]) if m else None


def resolve(
    ref: TimeRef, anchor: dt.date | None, direction: int = -1
) -> tuple[dt.date, str] | None:
    """(date, precision) of a reference, anchored at the article date; None if it needs an
    anchor and there is none. ``direction``: -1 past (default), +1 future, 0 the nearest
    occurrence either way (present tense: "beginning on January 7", "meets on Sunday")."""
    direction = ref.direction or direction
    if ref.year is not None:
        if ref.month is None:
            return dt.date(ref.year, 1, 1), "year"
        if ref.day is None:
            return dt.date(ref.year, ref.month, 1), "month"
        return _safe_date(ref.year, ref.month, ref.day)
    if anchor is None:
        return None
    return _resolve_relative(ref, anchor, direction)


def _resolve_relative(ref: TimeRef, anchor: dt.date, direction: int) -> tuple[dt.date, str] | None:
    if ref.day_offset is not None:
        return anchor + dt.timedelta(days=ref.day_offset), "day"
    if ref.weekday is not None:
        return _weekday(anchor, ref.weekday, ref.weekday_rel, direction), "day"
    if ref.month is not None:
        year = _month_year(anchor, ref, direction)
        if ref.day is not None:
            return _safe_date(year, ref.month, ref.day)
        return dt.date(year, ref.month, 1), "month"
    if ref.week_offset is not None:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return monday + dt.timedelta(weeks=ref.week_offset), "week"
    if ref.month_offset is not None:
        y, m = divmod(anchor.year * 12 + anchor.month - 1 + ref.month_offset, 12)
        return dt.date(y, m + 1, 1), "month"
    if ref.year_offset is not None:
        return dt.date(anchor.year + ref.year_offset, 1, 1), "year"
    return None


def _month_year(anchor: dt.date, ref: TimeRef, direction: int) -> int:
    assert ref.month is not None
    month = ref.month
    if ref.year_offset is not None:
        return anchor.year + ref.year_offset
    this = (ref.month, ref.day or 1)
    now = (anchor.month, anchor.day if ref.day else 1)
    if ref.month_rel in {"last", "past"}:
        return anchor.year if ref.month < anchor.month else anchor.year - 1
    if ref.month_rel in {"next", "coming"}:
        return anchor.year if ref.month > anchor.month else anchor.year + 1
    if direction > 0:
        return anchor.year if this >= now else anchor.year + 1
    if direction < 0:
        return anchor.year if this <= now else anchor.year - 1
    return min(
        (anchor.year - 1, anchor.year, anchor.year + 1),
        key=lambda y: abs(_ordinal(y, month, ref.day or 1) - anchor.toordinal()),
    )


def _ordinal(year: int, month: int, day: int) -> int:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1])).toordinal()


def _weekday(anchor: dt.date, weekday: int, rel: str | None, direction: int) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    fwd = (weekday - anchor.weekday()) % 7
    if rel in {"last", "past"}:
        return anchor - dt.timedelta(days=back or 7)
    if rel in {"next", "coming"}:
        return anchor + dt.timedelta(days=fwd or 7)
    if direction > 0:
        return anchor + dt.timedelta(days=fwd)
    if direction < 0 or back <= fwd:
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=fwd)


def _safe_date(year: int, month: int, day: int) -> tuple[dt.date, str] | None:
    try:
        return dt.date(year, month, day), "day"
    except ValueError:
        return None
