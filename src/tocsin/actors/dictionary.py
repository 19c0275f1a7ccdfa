"""Readers of actor, agent and discard dictionaries.

Two formats go through the same entry structures:

* the PETRARCH/TABARI text format, read as users have it (Phoenix, the
  PETRARCH validation suite, TABARI-era files): ``NAME_ [CODE]`` entries,
  ``+SYNONYM`` lines, code lines ``[CODE]``, ``[CODE >YYMMDD]``,
  ``[CODE <YYMMDD]``, ``[CODE YYMMDD-YYMMDD]``, ``#`` and ``<!-- -->`` comments;
  agents ``WORD {PLURALS} [~ROLE]`` / ``[ROLE~]`` with ``!SUBST! = a, b`` sets;
  discards ``[+]PHRASE`` (``+`` = the whole story is discarded);
* the project's own TSV files (``*.actors.tsv``, ``*.agents.tsv``,
  ``*.discards.tsv``), see ``src/tocsin/data/dictionaries/tocsin/README.md``.

Phrases are stored as tuples of normalised token keys (see :func:`norm_key`),
tokenised like spaCy's English tokenizer splits them, so a trie over document
tokens can match them directly. As in PETRARCH2, a trailing ``_`` and its absence
are treated alike (whole-word match; TABARI's stem matching is not used).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from tocsin.actors.entries import (
    ActorEntry,
    AgentEntry,
    CodeSpec,
    DiscardEntry,
    norm_key,
    phrase_tokens,
    plural,
    plural_phrase,
)
from tocsin.actors.project import read_project_actors, read_project_agents
from tocsin.errors import DictionaryError

log = logging.getLogger(__name__)

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "CodeSpec",
    "DiscardEntry",
    "norm_key",
    "parse_code_block",
    "phrase_tokens",
    "plural",
    "read_actor_file",
    "read_agent_file",
    "read_discard_file",
]


class _Oddities:
    """Minor problems of one file: each logged at DEBUG, one summary WARNING at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")
        log.debug("%s: %s", where, message)

    def report(self) -> None:
        if self.items:
            log.warning(
                "%s: %d odd line(s) skipped, first: %s",
                self.path.name,
                len(self.items),
                self.items[0],
            )


@dataclass
class _RawEntry:
    name: str
    line: int
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    codes: list[CodeSpec] = field(default_factory=list)


# --------------------------------------------------------------------------- dates


def parse_dict_date(text: str) -> dt.date:
    """``YYYYMMDD`` or TABARI ``YYMMDD`` (two-digit years: 00-30 → 20xx, else 19xx)."""
    digits = text.strip()
    if digits.isdigit() and len(digits) == 10 and digits[:2] in ("19", "20"):
        digits = digits[2:]  # "1920030320": a stray century prefix
    elif digits.isdigit() and len(digits) == 9:
        digits = digits[:8]  # "201005011": one digit too many
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"bad date {text!r}")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    return dt.date(year, month, day)


def parse_code_block(block: str) -> CodeSpec:
    """The inside of ``[...]``: ``CODE``, ``CODE >D``, ``CODE <D``, ``CODE D1-D2``."""
    parts = block.split()
    if not parts:
        raise ValueError("empty code")
    code = parts[0].upper().replace("~", "")
    restriction = "".join(parts[1:])
    if not restriction:
        return CodeSpec(code)
    one_day = dt.timedelta(days=1)
    if restriction[0] == ">":
        return CodeSpec(code, start=parse_dict_date(restriction[1:]) + one_day, dated=True)
    if restriction[0] == "<":
        return CodeSpec(code, end=parse_dict_date(restriction[1:]) - one_day, dated=True)
    if "-" in restriction:
        first, _, last = restriction.partition("-")
        return CodeSpec(code, start=parse_dict_date(first), end=parse_dict_date(last), dated=True)
    return CodeSpec(code, start=parse_dict_date(restriction), dated=True)


# --------------------------------------------------------------------------- lines


def _strip_comment(line: str) -> str:
    """Drop a ``#`` comment (a ``#`` inside ``[...]`` is part of a code)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i]
    return line


def _logical_lines(path: Path) -> list[tuple[int, str, bool]]:
    """(line number, content without comments, was the raw line blank) for a file,
    skipping ``<!-- ... -->`` blocks (single- or multi-line, also ``<! --``)."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read dictionary {path}: {exc}") from exc
    out: list[tuple[int, str, bool]] = []
    in_xml = False
    for number, line in enumerate(raw, 1):
        stripped = line.strip()
        if in_xml:
            in_xml = "-->" not in stripped
            continue
        if stripped.startswith("<!"):
            in_xml = "-->" not in stripped and not stripped.endswith(">")
            continue
        out.append((number, _strip_comment(line).strip(), not stripped))
    return out


_BRACKET = re.compile(r"\[([^\[\]]*)\]")


def _codes_in(text: str, where: str, odd: _Oddities) -> list[CodeSpec]:
    specs: list[CodeSpec] = []
    for block in _BRACKET.findall(text):
        try:
            specs.append(parse_code_block(block))
        except ValueError as exc:
            odd.add(where, f"code [{block}] skipped: {exc}")
    return specs


# --------------------------------------------------------------------------- actors


def read_actor_file(path: Path | str, *, priority: int = 1) -> list[ActorEntry]:
    """Read a PETRARCH/TABARI ``.actors`` file (or a project ``.actors.tsv``)."""
    path = Path(path)
    if path.suffix == ".tsv":
        return read_project_actors(path, priority=priority)
    odd = _Oddities(path)
    entries: list[_RawEntry] = []
    block: list[_RawEntry] = []  # entries since the last blank line
    content = 0
    current: _RawEntry | None = None
    for number, line, blank in _logical_lines(path):
        if blank:
            _close_block(block, entries)
            block = []
            continue
        if not line:
            continue
        content += 1
        where = f"{path.name}:{number}"
        if line[0] == "[":
            if current is None:
                odd.add(where, "code line before any entry")
                continue
            current.codes.extend(_codes_in(line, where, odd))
            continue
        name_part, _, rest = line.partition("[")
        codes = _codes_in("[" + rest, where, odd) if rest else []
        if line[0] == "+":
            if current is None:
                odd.add(where, "synonym before any entry")
                continue
            for syn in name_part[1:].split("+"):
                _add_phrase(current, syn, where)
            current.codes.extend(codes)
            continue
        name_part, alternatives = _braced(name_part)
        current = _RawEntry(name=name_part.strip(), line=number)
        _add_phrase(current, name_part, where)
        for form in alternatives:  # "NAME_ {OTHER_FORM}": extra forms, as in agent files
            _add_phrase(current, form, where)
        current.codes.extend(codes)
        block.append(current)
        entries.append(current)
    _close_block(block, entries)
    odd.report()
    out = [_freeze(e, path, priority) for e in entries if e.codes and e.phrases]
    if content and not out:
        raise DictionaryError(f"{path}: no actor entry could be read (not a PETRARCH actors file?)")
    return out


def _braced(text: str) -> tuple[str, list[str]]:
    """Split ``NAME_ {FORM_A, FORM_B}`` into the name and its extra forms."""
    if "{" not in text:
        return text, []
    head, _, rest = text.partition("{")
    inside, _, tail = rest.partition("}")
    forms = [f.strip() for f in inside.split(",") if f.strip()]
    return head + " " + tail, forms


def _add_phrase(entry: _RawEntry, text: str, where: str) -> None:
    tokens = phrase_tokens(text)
    if not tokens:
        log.debug("%s: empty phrase %r skipped", where, text)
        return
    entry.phrases.append(tokens)
    if "(" in tokens and _parenthesised_acronym(tokens):
        # "ISLAMIC_ARMY_OF_ADEN_(IAA)_": also match without the acronym (but keep
        # "NATIONAL_LIBERATION_ARMY_(BOLIVIA)": the parenthesis tells two groups apart)
        short = _drop_parenthesised(tokens)
        if short and short != tokens:
            entry.phrases.append(short)


def _parenthesised_acronym(tokens: tuple[str, ...]) -> bool:
    """Whether every parenthesised part is one short token ("(IAA)", "(LET)")."""
    inside = _inside_parentheses(tokens)
    return bool(inside) and all(len(p) == 1 and len(p[0]) <= 5 for p in inside)


def _inside_parentheses(tokens: tuple[str, ...]) -> list[list[str]]:
    out: list[list[str]] = []
    depth = 0
    for tok in tokens:
        if tok == "(":
            depth += 1
            out.append([])
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth and out:
            out[-1].append(tok)
    return out


def _drop_parenthesised(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    depth = 0
    for tok in tokens:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(tok)
    return tuple(out)


def _close_block(block: list[_RawEntry], entries: list[_RawEntry]) -> None:
    """Quirk handling: a bare name line with no codes (``UN_ [IGOUNO]`` then ``U.N._``)
    joins the next coded entry of its block, else the previous one."""
    for i, entry in enumerate(block):
        if entry.codes:
            continue
        target = next((e for e in block[i + 1 :] if e.codes), None)
        if target is None:
            target = next((e for e in reversed(block[:i]) if e.codes), None)
        if target is None:
            log.debug("entry %r (line %d) has no code; skipped", entry.name, entry.line)
            continue
        target.phrases.extend(entry.phrases)
        entry.phrases = []


def _freeze(raw: _RawEntry, path: Path, priority: int) -> ActorEntry:
    phrases = tuple(dict.fromkeys(raw.phrases))
    return ActorEntry(
        name=raw.name,
        phrases=phrases,
        codes=tuple(raw.codes),
        source=f"{path.name}:{raw.line}",
        priority=priority,
    )


# --------------------------------------------------------------------------- agents

_SUBST = re.compile(r"!([A-Za-z0-9_]+)!")


def read_agent_file(path: Path | str, *, priority: int = 1) -> list[AgentEntry]:
    """Read a PETRARCH ``.agents`` file (or a project ``.agents.tsv``): substitution sets,
    explicit ``{plural}`` forms (``{}`` = none), automatic regular plurals otherwise."""
    path = Path(path)
    if path.suffix == ".tsv":
        return read_project_agents(path, priority=priority)
    subst: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    odd = _Oddities(path)
    content = 0
    for number, line, _blank in _logical_lines(path):
        if not line:
            continue
        content += 1
        where = f"{path.name}:{number}"
        if line[0] == "!" and "=" in line:
            name, _, values = line.partition("=")
            subst[name.strip().strip("!").upper()] = [
                v.strip() for v in values.split(",") if v.strip()
            ]
            continue
        out.extend(_agent_line(line, where, subst, priority, odd))
    odd.report()
    if content and not out:
        raise DictionaryError(f"{path}: no agent entry could be read (not a PETRARCH agents file?)")
    return out


def _agent_line(
    line: str, where: str, subst: dict[str, list[str]], priority: int, odd: _Oddities
) -> list[AgentEntry]:
    match = re.search(r"\[([^\]\}]*)[\]\}]", line)
    if not match:
        odd.add(where, f"agent without code: {line!r}")
        return []
    raw_code = match.group(1).strip().upper().replace(" ", "")
    prefix = raw_code.endswith("~") and not raw_code.startswith("~")
    code = raw_code.replace("~", "")
    if not code:
        odd.add(where, "empty agent code")
        return []
    head = line[: match.start()]
    plurals: list[str] | None = None
    if "{" in head:
        head, _, brace = head.partition("{")
        plurals = [p.strip() for p in brace.split("}")[0].split(",") if p.strip()]
    forms = _expand_subst(head.strip(), subst, where, odd)
    if plurals is None and "!" not in head:
        forms = forms + [plural_phrase(f) for f in forms]
    elif plurals:
        forms = forms + plurals
    seen: dict[tuple[str, ...], None] = {}
    for form in forms:
        tokens = phrase_tokens(form)
        if tokens:
            seen.setdefault(tokens)
    return [AgentEntry(t, code, prefix, where, priority=priority) for t in seen]


def _expand_subst(text: str, subst: dict[str, list[str]], where: str, odd: _Oddities) -> list[str]:
    match = _SUBST.search(text)
    if not match:
        return [text]
    values = subst.get(match.group(1).upper())
    if values is None:
        odd.add(where, f"unknown substitution set !{match.group(1)}!")
        values = [match.group(1)]
    out: list[str] = []
    for value in values:
        rest = text[: match.start()] + value + text[match.end() :]
        out.extend(_expand_subst(rest, subst, where, odd))
    return out


# --------------------------------------------------------------------------- discards


def read_discard_file(path: Path | str) -> list[DiscardEntry]:
    """Read a PETRARCH ``.discards`` file: ``+PHRASE`` discards the story, ``PHRASE`` the
    sentence."""
    path = Path(path)
    out: list[DiscardEntry] = []
    for number, line, _blank in _logical_lines(path):
        if not line:
            continue
        story = line.startswith("+")
        text = line[1:] if story else line
        if path.suffix == ".tsv":
            text = text.split("\t")[0]
        tokens = phrase_tokens(text)
        if tokens:
            out.append(DiscardEntry(tokens, story, f"{path.name}:{number}"))
    return out
