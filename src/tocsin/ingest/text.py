"""Plain text: paragraph splitting, whitespace clean-up and the stand-alone title.

Characters are kept as written (later stages report character spans); only runs
of whitespace inside a paragraph are collapsed and paragraphs are joined by one
blank line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0\u3000]*\n\s*")
_SENTENCE_END = re.compile(r"[.;,:]$")
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30


_CONTROL = {c: None for c in range(32) if chr(c) not in "\t\n\r"} | {0x7F: None}


def clean_paragraph(paragraph: str) -> str:
    """Drop control characters (NUL cannot even be stored in PostgreSQL text) and
    collapse all whitespace runs (line breaks included) to one space."""
    return " ".join(paragraph.translate(_CONTROL).split())


def split_paragraphs(raw: str) -> list[str]:
    """Cleaned, non-empty paragraphs of a text.

    Paragraphs are separated by blank lines; a text without any blank line but
    with several lines is taken to have one paragraph per line.
    """
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw = raw.replace("\u2029", "\n\n").replace("\u2028", "\n")
    if _BLANK_LINE.search(raw.strip()):
        parts = _BLANK_LINE.split(raw)
    else:
        parts = raw.split("\n")
    return [p for p in (clean_paragraph(part) for part in parts) if p]


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def looks_like_title(paragraph: str) -> bool:
    """A short paragraph that starts like a headline and does not end like a sentence."""
    words = paragraph.split()
    starts_ok = paragraph[:1].isupper() or paragraph[:1].isdigit() or paragraph[:1] in "\"'‘“"
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and len(paragraph) <= MAX_TITLE_CHARS
        and starts_ok
        and not _SENTENCE_END.search(paragraph)
    )


def split_title(paragraphs: Sequence[str]) -> tuple[str | None, list[str]]:
    """(title, body paragraphs): the first paragraph is the title when it stands alone."""
    if len(paragraphs) >= 2 and looks_like_title(paragraphs[0]):
        return paragraphs[0], list(paragraphs[1:])
    return None, list(paragraphs)
