"""Readers of the project's own dictionary files (tab-separated, ``#`` comments).

``*.actors.tsv`` columns: ``name, synonyms, code, from, to, kind, note``.
Rows sharing a ``name`` form one entry; their codes keep file order, so a dated
row is checked before an undated default row. ``synonyms`` are ``|``-separated;
``from``/``to`` are ISO dates (inclusive, empty = open). ``kind`` is one of
country, person, igo, ngo, group, metonym.

``*.agents.tsv`` columns: ``phrase, code, flags, note``: ``code`` as in PETRARCH
(``~MIL`` appends the role, ``IGO~`` prefixes it); ``flags`` is a comma list of
``cased`` (match capitalised tokens only, for ranks and titles such as
"President"), ``name`` (capitalised and followed by a capitalised word: "General
Smith", not "General elections") and ``noplural``.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from tocsin.actors.entries import ActorEntry, AgentEntry, CodeSpec, phrase_tokens, plural_phrase
from tocsin.errors import DictionaryError

log = logging.getLogger(__name__)


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read dictionary {path}: {exc}") from exc
    out: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if cells[0].lower() in ("name", "phrase"):  # the header line
            continue
        out.append((number, cells))
    return out


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date {text!r} (want YYYY-MM-DD)") from exc


def read_project_actors(path: Path, *, priority: int = 0) -> list[ActorEntry]:
    """Read a project ``*.actors.tsv`` file into :class:`ActorEntry` objects."""
    order: list[str] = []
    phrases: dict[str, list[tuple[str, ...]]] = {}
    codes: dict[str, list[CodeSpec]] = {}
    kinds: dict[str, str | None] = {}
    lines: dict[str, int] = {}
    acronyms: dict[str, list[tuple[str, ...]]] = {}
    for number, cells in _rows(path):
        where = f"{path.name}:{number}"
        cells = cells + [""] * (6 - len(cells))
        name, synonyms, code, start, end, kind = cells[:6]
        if not name or not code:
            raise DictionaryError(f"{where}: a row needs a name and a code")
        if name not in phrases:
            order.append(name)
            phrases[name] = [phrase_tokens(name)]
            codes[name] = []
            kinds[name] = kind or None
            lines[name] = number
        for form in [name, *synonyms.split("|")]:
            if is_acronym(form):
                acronyms.setdefault(name, []).append(phrase_tokens(form))
        phrases[name].extend(phrase_tokens(s) for s in synonyms.split("|") if s.strip())
        first, last = _date(start, where), _date(end, where)
        dated = first is not None or last is not None
        codes[name].append(CodeSpec(code.upper(), first, last, dated))
        if kind and not kinds[name]:
            kinds[name] = kind
    return [
        ActorEntry(
            name=name,
            phrases=tuple(dict.fromkeys(p for p in phrases[name] if p)),
            codes=tuple(codes[name]),
            source=f"{path.name}:{lines[name]}",
            kind=kinds[name],
            priority=priority,
            upper_only=tuple(dict.fromkeys(acronyms.get(name, ()))),
        )
        for name in order
    ]


def is_acronym(text: str) -> bool:
    """Whether a form is an acronym ("WHO", "U.N.", "ISIS-K", "M23"): such forms match only
    text written in capitals ("WHO", not "Who")."""
    letters = "".join(ch for ch in text.strip() if ch.isalpha())
    return 0 < len(letters) <= 6 and letters.isupper() and " " not in text.strip()


def read_project_agents(path: Path, *, priority: int = 0) -> list[AgentEntry]:
    """Read a project ``*.agents.tsv`` file into :class:`AgentEntry` objects."""
    out: list[AgentEntry] = []
    for number, cells in _rows(path):
        where = f"{path.name}:{number}"
        cells = cells + [""] * (3 - len(cells))
        phrase, raw_code, flags = cells[:3]
        raw_code = raw_code.upper().replace(" ", "")
        if not phrase or "~" not in raw_code:
            raise DictionaryError(
                f"{where}: an agent row needs a phrase and a code like ~MIL or IGO~"
            )
        prefix = raw_code.endswith("~") and not raw_code.startswith("~")
        flag_set = {f.strip().lower() for f in flags.split(",") if f.strip()}
        forms = [phrase] if "noplural" in flag_set else [phrase, plural_phrase(phrase)]
        for form in dict.fromkeys(phrase_tokens(f) for f in forms):
            out.append(
                AgentEntry(
                    form,
                    raw_code.replace("~", ""),
                    prefix,
                    where,
                    "cased" in flag_set or "name" in flag_set,
                    priority,
                    "name" in flag_set,
                )
            )
    return out
