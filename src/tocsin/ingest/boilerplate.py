"""Page furniture and comment sections that extraction lets through.

Two kinds of paragraph are recognised (general patterns, matched on short
paragraphs only, so that article prose is never touched):

* **section starts** -- the first paragraph of a comment section or a trailer
  ("One Response to ...", "12 Comments", "Leave a Reply", "Pingback: ...",
  "Related posts", "Share this:"): it and everything after it are cut;
* **furniture** -- single lines anywhere ("Click to share on Twitter",
  "Advertisement", cookie notices, "Follow us on ..."): each is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER = (
    r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\s+few|several|many)"
)
_CAPS = r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"  # 1-4 capitalised words
_LIST_MARK = re.compile(r"^(?:\d{1,3}[.)]|[-*•·▪►»]|\[\d+\])\s+")

SECTION_STARTS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        (
            rf"^{_NUMBER}\s+(?:responses?|comments?|replies|reply|thoughts?|reactions?)"
            r"(?:\s+(?:to|on|for)\s+(?:[\"“'‘«].*|.*[^.!?\s])|\s*:?\s*)$"
        ),
        r"^(?:leave|post|add|write|submit)\s+(?:a|your|the)\s+(?:reply|comment|response)\b",
        r"^(?:cancel\s+reply|reply\s+to\s+this\s+comment)\b",
        r"^(?:comments?|discussion|responses)\s*(?:\(\d+\))?\s*:?$",
        r"^(?:comments?\s+are\s+closed|join\s+the\s+(?:discussion|conversation))\b",
        r"^you\s+must\s+be\s+logged\s+in\s+to\s+(?:post\s+a\s+)?comment",
        r"^your\s+email\s+address\s+will\s+not\s+be\s+published",
        r"^(?:ping|track)backs?\s*:",
        r"^(?:ping|track)backs?$",
        (
            r"^(?:related|recommended|popular|similar|more)\s+(?:posts?|articles?|stories|"
            r"reading|news|coverage|content|from\s+\S+(?:\s+\S+)?)\s*:?$"
        ),
        r"^you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|enjoy)\b.{0,40}$",
        r"^(?:share|spread)\s+(?:this|the\s+news)(?:\s+(?:article|story|post|page))?\s*:?$",
        r"^like\s+this\s*:?$",
        r"^(?:posted|filed)\s+(?:in|under)\s*:?.{0,120}$",
        r"^tags?\s*:.{0,200}$",
        r"^about\s+the\s+author\s*:?$",
    )
)

FURNITURE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^click\s+to\s+(?:share|email|print|tweet|open)\b.{0,80}$",
        r"^share\s+(?:on|via|to)\s+\w+.{0,40}$",
        r"^(?:tweet|print|email|share|advertisement|advertising|sponsored|ad)\s*$",
        r"^(?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|scroll\s+to\s+top)\s*$",
        (
            r"^(?:(?:read|see|view|show)\s+(?:more|the\s+full\s+(?:story|article))"
            r"|continue\s+reading)(?:\s*[:>»…].{0,120})?\s*$"
        ),
        r"^(?:follow|like)\s+us\s+on\b.{0,120}$",
        r"^(?:subscribe|sign\s+up)\b.{0,80}\bnewsletter\b.{0,80}$",
        r"^(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b.{0,400}$",
        r"^we\s+use\s+cookies\b.{0,400}$",
        r"^by\s+(?:continuing|using)\s+(?:to\s+use\s+)?(?:this|our)\s+(?:web)?site\b.{0,300}$",
        r"^(?:accept|allow|reject)\s+(?:all\s+)?cookies\s*$",
        r"^(?:©|\(c\)|copyright\s+©?)\s*\d{4}.{0,200}$",
        r"^all\s+rights\s+reserved\.?\s*$",
        r"^loading\.*\s*$",
        (
            r"^\(?(?:reporting|writing|additional\s+reporting)\s+by\b.{0,200}"
            r"(?:editing|compiled)\s+by\b.{0,120}$"
        ),
        rf"^\(?(?:editing|compiled)\s+by\s+{_CAPS}(?:\s+and\s+{_CAPS})?\)?\.?$",
    )
)

MAX_MARKER_CHARS = 400
MAX_BYLINE_CHARS = 80

_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^By\s+(?P<author>{_NAME}(?:\s+{_NAME}){{0,4}}"
    rf"(?:\s+and\s+{_NAME}(?:\s+{_NAME}){{0,4}})*)"
    r"(?:\s*[,|/]\s*[^.]{0,60})?$"
)


def _bare(paragraph: str) -> str:
    return _LIST_MARK.sub("", paragraph.strip())


def is_section_start(paragraph: str) -> bool:
    """Whether the paragraph opens a comment section or a page trailer."""
    if len(paragraph) > MAX_MARKER_CHARS + 10:
        return False
    bare = _bare(paragraph)
    return any(p.search(bare) for p in SECTION_STARTS)


def is_furniture(paragraph: str) -> bool:
    """Whether the paragraph is a stand-alone piece of page furniture."""
    if len(paragraph) > MAX_MARKER_CHARS + 110:
        return False
    bare = _bare(paragraph)
    return any(p.search(bare) for p in FURNITURE)


def strip_boilerplate(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs with furniture dropped and everything from a section start cut.

    A section start in the very first paragraph is only dropped (never cuts the
    whole text).
    """
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if is_section_start(paragraph):
            if index > 0 and kept:
                break
            continue
        if not is_furniture(paragraph):
            kept.append(paragraph)
    return kept


def take_byline(paragraphs: Sequence[str]) -> tuple[str | None, list[str]]:
    """(author, rest): a leading "By Jane Doe, Reuters" paragraph is taken off the body."""
    if len(paragraphs) > 1 and len(paragraphs[0]) <= MAX_BYLINE_CHARS:
        match = _BYLINE.match(paragraphs[0])
        if match:
            return match.group("author"), list(paragraphs[1:])
    return None, list(paragraphs)
