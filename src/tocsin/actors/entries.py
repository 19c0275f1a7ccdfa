"""The entries every dictionary reader produces, and how phrases become token keys.

:class:`ActorEntry`, :class:`AgentEntry`, :class:`DiscardEntry` and their dated
:class:`CodeSpec` codes are what the PETRARCH reader (:mod:`tocsin.actors.dictionary`)
and the project's TSV reader (:mod:`tocsin.actors.project`) both return; phrases are
tuples of token keys (:func:`norm_key`), split as spaCy's English tokenizer splits them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeSpec:
    """One code of an entry, optionally restricted to a date range (inclusive)."""

    code: str
    start: dt.date | None = None  # valid from (inclusive)
    end: dt.date | None = None  # valid until (inclusive)
    dated: bool = False  # True when the dictionary gave a date restriction

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def open_ended(self) -> bool:
        return self.dated and self.start is not None and self.end is None


@dataclass(frozen=True)
class ActorEntry:
    """An actor: its name, synonyms (as token tuples) and codes."""

    name: str  # the entry line as written (without codes), e.g. "RUSSIAN_FEDERATION_"
    phrases: tuple[tuple[str, ...], ...]  # name + synonyms, normalised token keys
    codes: tuple[CodeSpec, ...]
    source: str = ""  # "file:line"
    kind: str | None = None  # country | person | igo | ngo | group (None: infer)
    priority: int = 1  # lower wins when several entries share a phrase (project files: 0)
    upper_only: tuple[tuple[str, ...], ...] = ()  # acronyms: match only when written in capitals

    def code_for(self, day: dt.date | None) -> str | None:
        """The code valid on ``day`` (PETRARCH semantics: first dated match in file order,
        else the undated default). ``day`` None: the open-ended code, else the default,
        else the code whose range ends last."""
        if not self.codes:
            return None
        if day is not None:
            for spec in self.codes:
                if spec.dated and spec.valid_on(day):
                    return spec.code
            for spec in self.codes:
                if not spec.dated:
                    return spec.code
            return _nearest(self.codes, day)
        for spec in self.codes:
            if spec.open_ended:
                return spec.code
        for spec in self.codes:
            if not spec.dated:
                return spec.code
        return max(self.codes, key=lambda s: s.end or dt.date.max).code

    def label(self) -> str:
        """Short human form for the 'why' (``RUSSIAN_FEDERATION_ [RUS] @file:line``)."""
        codes = " ".join(f"[{c.code}]" for c in self.codes[:3])
        return f"{self.name} {codes} @{self.source}".strip()


def _nearest(codes: tuple[CodeSpec, ...], day: dt.date) -> str:
    """No code valid on ``day`` and no default: the dated code closest in time."""

    def distance(spec: CodeSpec) -> int:
        if spec.end is not None and day > spec.end:
            return (day - spec.end).days
        if spec.start is not None and day < spec.start:
            return (spec.start - day).days
        return 0

    return min(codes, key=distance).code


@dataclass(frozen=True)
class AgentEntry:
    """An agent (role noun): ``ARMY [~MIL]`` (suffix) or ``PEACEKEEPING_TROOPS [IGO~]`` (prefix)."""

    phrase: tuple[str, ...]
    code: str  # the role code without "~", e.g. "MIL", "GOVMIL", "IGO"
    prefix: bool = False  # True for [XXX~]: the code goes before the country code
    source: str = ""
    cased: bool = False  # match only capitalised tokens ("General" the rank, not "general")
    priority: int = 1
    before_name: bool = False  # only when a capitalised word follows ("General Smith")

    def label(self) -> str:
        code = f"{self.code}~" if self.prefix else f"~{self.code}"
        return f"{'_'.join(self.phrase)} [{code}] @{self.source}"


@dataclass(frozen=True)
class DiscardEntry:
    """A discard phrase: ``story`` True discards the whole story, else the sentence."""

    phrase: tuple[str, ...]
    story: bool
    source: str = ""


# --------------------------------------------------------------------------- tokens

_HYPHEN = re.compile(r"(?<=[A-Za-z])(-|–|—)(?=[A-Za-z])")
_SLASH = re.compile(r"(?<=[A-Za-z0-9])/(?=[A-Za-z])")
_PREFIX_CHARS = '("[{“‘'
_SUFFIX_CHARS = ')"]},;:!?”'


def norm_key(text: str) -> str:
    """The key a token is matched by: upper-cased, curly quotes straightened,
    trailing periods dropped ("U.S." and "U.S", "Lt." and "Lt" meet)."""
    key = text.upper().replace("’", "'").replace("‘", "'")
    if key.endswith(".") and len(key) > 1:
        key = key.rstrip(".") or key
    return key


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Split a dictionary phrase (``AL-QAEDA_``, ``U.S._ARMY``, ``PAKISTAN'S``) into the
    token keys spaCy's English tokenizer would give for the same words."""
    out: list[str] = []
    for chunk in phrase.replace("_", " ").split():
        out.extend(_split_chunk(chunk))
    return tuple(k for k in (norm_key(t) for t in out) if k and k != ".")


def _split_chunk(chunk: str) -> list[str]:
    head: list[str] = []
    tail: list[str] = []
    while chunk and chunk[0] in _PREFIX_CHARS:
        head.append(chunk[0])
        chunk = chunk[1:]
    while chunk and chunk[-1] in _SUFFIX_CHARS:
        tail.insert(0, chunk[-1])
        chunk = chunk[:-1]
    if len(chunk) > 2 and chunk[-2:].upper() in ("'S", "’S"):
        tail.insert(0, chunk[-2:])
        chunk = chunk[:-2]
    elif len(chunk) > 1 and chunk[-1] in "'’" and chunk[-2] in "sS":
        tail.insert(0, chunk[-1])
        chunk = chunk[:-1]
    middle = [p for p in _SLASH.split(chunk) if p]
    parts: list[str] = []
    for piece in middle:
        parts.extend(p for p in _HYPHEN.split(piece) if p)
    return head + parts + tail


def plural(word: str) -> str:
    """Regular English plural of an upper-case word (PETRARCH's rule, plus -MAN → -MEN)."""
    if word.endswith("MAN") and len(word) > 3:
        return word[:-3] + "MEN"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def plural_phrase(text: str) -> str:
    words = text.replace("_", " ").split()
    if not words:
        return text
    words[-1] = plural(words[-1].upper())
    return " ".join(words)
