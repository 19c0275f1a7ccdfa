"""Datelines: the place (and date, agency) that opens a news story.

Recognised at the very start of the body only, and conservatively::

    Islamabad: A Russian military delegation ...
    ISLAMABAD (Reuters) - Pakistan said ...
    WASHINGTON, March 3 (AP) — The ...
    KABUL, Afghanistan, Jan. 5 (Xinhua) -- ...
    LONDON — Britain ...
    NEW DELHI, March 3: India ...

A dateline is one to four place words (capitalised or upper case, with a few
lower-case particles such as "de"), optionally a region after a comma, a date
and an agency in parentheses, then ':' or a dash, then the capitalised start of
a sentence.  Common sentence openers ("However", "Meanwhile", weekdays) and
labels ("Update:", "Breaking:", "Analysis:") are never places; the colon form
needs upper-case place words or a single title-case place followed by a full
sentence, so digest items such as "Russia–Ukraine war: ..." are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w'’.\-]*"
_PARTICLE = r"(?:de|del|da|do|dos|das|di|du|la|le|les|es|el|al|of|the|au|aux|sur|am|an|upon)"
_PLACE = rf"{_WORD}(?:[ ](?:{_PARTICLE}[ ])?{_WORD}){{0,3}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}[ ]\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ ]\d{{4}})?"
    rf"|\d{{1,2}}[ ]{_MONTH}(?:[ ]\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})"
)
_AGENCY = r"\((?P<agency>[A-Za-z][\w&.'’ \-/]{0,40})\)"
_DASH = r"(?:-{1,2}|–|—|―)"

_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,[ ](?P<region>(?!{_DATE}){_PLACE}))?"
    rf"(?:,?[ ](?P<date>{_DATE}))?"
    rf"(?:[ ]?{_AGENCY})?"
    rf"(?P<sep>[ ]?:[ ]+|[ ]+{_DASH}[ ]*|[ ]?{_DASH}[ ]+|(?<=\))[ ]*)"
    r"(?P<rest>[\"'‘“(\[]?[A-Z0-9À-Ö])"
)

_NOT_PLACES = """
    a an the this that these those it its he she they we i you his her their our my your
    however but and or so yet still also meanwhile moreover furthermore indeed instead
    nonetheless nevertheless finally first second third last later earlier then now here
    there today tonight yesterday tomorrow recently previously separately elsewhere again
    monday tuesday wednesday thursday friday saturday sunday weekend january february march
    april may june july august september october november december update updated breaking
    exclusive analysis opinion editorial comment commentary interview live watch video
    videos photo photos gallery note notes summary background timeline factbox explainer
    correction clarification warning spoiler disclaimer editor editors source sources read
    related listen podcast review reviews q a question answer transcript statement report
    reports war crisis conflict war's president minister says said officials police story
    news
"""
NOT_PLACES = frozenset(_NOT_PLACES.split())


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline; ``length`` is how many characters it took from the text."""

    place: str
    region: str | None
    date: str | None
    agency: str | None
    raw: str
    length: int


_LOWER_PARTICLES = frozenset(_PARTICLE.strip("(?:)").split("|"))


def normalise_place(place: str) -> str:
    """'NEW DELHI' -> 'New Delhi', 'PORT-AU-PRINCE' -> 'Port-au-Prince'; mixed case kept."""
    if place != place.upper():
        return place
    words = []
    for i, word in enumerate(place.split(" ")):
        parts = word.split("-")
        parts = [
            p.lower()
            if (i or j) and p.lower() in _LOWER_PARTICLES
            else p.title().replace("’S", "’s")
            for j, p in enumerate(parts)
        ]
        words.append("-".join(parts))
    return " ".join(words)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1


def _plausible(match: re.Match[str], text: str) -> bool:
    place = match.group("place")
    words = [w.strip(".'’").lower() for w in place.split()]
    if any(w in NOT_PLACES for w in words):
        return False
    sep = match.group("sep")
    if not sep.strip() and not _is_upper(place):
        return False  # "WASHINGTON (CNN)The ..." style needs an upper-case place
    if match.group("agency") or match.group("date"):
        return True
    if _is_upper(place):
        # "NG: ..." is an interview speaker label, not a place
        return ":" not in sep or sum(c.isalpha() for c in place) >= 4
    if ":" not in match.group("sep"):
        return False  # "Donald Trump — The ..." : a title-case dash form needs an agency or date
    # Title-case place + colon: one or two words (besides particles), then a real sentence.
    rest = text[match.end("sep") :].split("\n", 1)[0]
    names = [w for w in place.split() if w.lower() not in _LOWER_PARTICLES]
    return len(names) <= 2 and len(rest.split()) >= 8


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of ``text`` (a body's first paragraph), or None."""
    match = _DATELINE.match(text)
    if not match or not _plausible(match, text):
        return None
    place = match.group("place")
    if place.endswith(".") and not _INITIALISM.search(place):
        place = place[:-1]
    region = match.group("region")
    return Dateline(
        place=normalise_place(place),
        region=normalise_place(region) if region else None,
        date=match.group("date"),
        agency=match.group("agency"),
        raw=text[: match.end("sep")].strip(),
        length=match.end("sep"),
    )


_INITIALISM = re.compile(r"(?:^|[ .])[A-Z]\.$")


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """(dateline, text without it); the text is unchanged when there is none."""
    dateline = parse_dateline(text)
    if dateline is None:
        return None, text
    return dateline, text[dateline.length :]
