"""Reader of verb pattern dictionaries in the original PETRARCH/TABARI text format.

The format (see the header of ``CAMEO.2.0.txt`` and PETRARCH's
``PETRreader.read_verb_dictionary``):

- ``&NAME`` starts a synonym set; the following ``+MEMBER`` lines are its members
  (a member may be several words, joined by spaces or ``_``, and may name another set).
- ``--- NAME [code] ---`` starts a verb block; ``[code]`` is the block's default code
  (``[---]``: no event).
- Lines without a leading ``-`` in a block are verb forms: ``VERB {IRREGULAR FORMS} [code]``.
  A form may have its own default code, and may be a multi-word verb where ``+`` marks
  the verb word (``+CORDON_OFF``, ``WIRE_+TAP``).
- ``- words * words [code] # comment`` is a pattern: ``*`` is the verb, the words before
  it must occur before the verb (in that order, read outwards), the words after it after
  the verb; ``_`` joins words that must be adjacent; ``$`` marks the source, ``+`` the
  target, ``^`` skips a phrase, ``%`` asks for a compound actor; ``( )`` and ``{ }`` group
  words of a phrase; ``&SET`` matches any member of a synonym set.
- Codes ``[aaa:bbb]`` are paired: ``aaa`` from source to target, ``bbb`` from target to
  source (``[:bbb]``: only the reverse event).

A word ending in ``_`` matches only itself; other words also match their plural and
inflected forms (via the token's lemma).  Lines may carry ``#`` comments; HTML-style
``<!-- -->`` lines are comments too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tocsin.errors import DictionaryError

log = logging.getLogger(__name__)

# element kinds
WORD, SOURCE, TARGET, SKIP, COMPOUND = "word", "src", "tgt", "skip", "comp"

_HEADER = re.compile(r"^---+\s*(.*?)\s*---+\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True)
class Elem:
    """One element of a pattern side.

    ``alts`` are the accepted word sequences (several for a synonym set); ``glued``
    means the element must touch the previous one (the one nearer the verb).
    """

    kind: str
    alts: tuple[tuple[str, ...], ...] = ()
    glued: bool = False
    first: dict[str, tuple[tuple[str, ...], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[str, ...]]] = {}
        for alt in self.alts:
            index.setdefault(alt[0], []).append(alt)
        # longest alternatives first
        object.__setattr__(
            self, "first", {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}
        )

    @property
    def weight(self) -> int:
        """How specific the element is: the length of its shortest alternative."""
        if self.kind != WORD:
            return 0
        return min(len(a) for a in self.alts)


@dataclass(frozen=True)
class Pattern:
    """A verb pattern: elements before the verb (outwards) and after it."""

    pre: tuple[Elem, ...]
    post: tuple[Elem, ...]
    code: str | None  # event from source to target; None: no event that way
    code2: str | None  # event from target to source (paired codes)
    source: str  # "file:line"
    text: str
    required: frozenset[str] = frozenset()  # words that must occur (fast pre-filter)
    need: tuple[frozenset[str], ...] = ()  # per synonym set: one of these words must occur
    invalid: bool = False  # a code of punctuation only ("+++", "###"): TABARI markers, no event
    origin: str = ""  # the verb named by the line's comment ("# RATIFY"): the pattern's own verb

    @property
    def specificity(self) -> int:
        return sum(e.weight for e in self.pre + self.post) + sum(
            1 for e in self.pre + self.post if e.kind != WORD
        )

    @property
    def blocks(self) -> bool:
        """A ``[---]`` pattern: the text is not an event."""
        return self.code is None and self.code2 is None

    @property
    def has_compound(self) -> bool:
        return any(e.kind == COMPOUND for e in self.pre + self.post)


@dataclass(frozen=True)
class VerbForm:
    """A surface form of a verb: the verb word plus adjacent words of a multi-word verb."""

    word: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    block: str
    code: str | None
    code2: str | None
    has_code: bool  # the form line set its own code
    source: str


@dataclass
class VerbBlock:
    """A verb block: its name, default code and patterns."""

    name: str
    code: str | None
    code2: str | None
    source: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """All verb blocks and their forms, indexed by verb word."""

    blocks: dict[str, VerbBlock] = field(default_factory=dict)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def merge(self, other: VerbDictionary) -> None:
        """Add another dictionary's blocks and forms (patterns of all blocks of a verb apply)."""
        self.synsets.update(other.synsets)
        self.blocks.update(other.blocks)
        for word, forms in other.forms.items():
            self.forms.setdefault(word, []).extend(forms)
        self.files.extend(other.files)


def parse_code(text: str) -> tuple[str | None, str | None]:
    """``"042:043"`` -> ("042", "043"); ``"---"`` -> (None, None)."""
    text = text.strip()
    first, _, second = text.partition(":")
    return _clean_code(first), _clean_code(second)


def _clean_code(code: str) -> str | None:
    code = code.strip()
    if not code or code == "---" or set(code) <= {"-"}:
        return None
    return code


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("<!--"):
        return ""
    return line.split("#", 1)[0].rstrip()


def regular_forms(word: str) -> set[str]:
    """Regular inflections of an English verb (PETRARCH generates these too)."""
    forms = {word, word + "S", word + "ED", word + "ING"}
    if word.endswith("E"):
        forms |= {word + "D", word[:-1] + "ING"}
        forms.discard(word + "ED")
    if word.endswith("Y") and len(word) > 2 and word[-2] not in "AEIOU":
        forms |= {word[:-1] + "IES", word[:-1] + "IED"}
    if word.endswith(("S", "SH", "CH", "X", "Z", "O")):
        forms.add(word + "ES")
    return forms


class _Reader:
    """Stateful line reader for one verb file."""

    def __init__(self, path: Path, synsets: dict[str, list[tuple[str, ...]]]) -> None:
        self.path = path
        self.name = path.name
        self.dic = VerbDictionary(synsets=synsets, files=[str(path)])
        self.block: VerbBlock | None = None
        self.synset: str | None = None

    def read(self, lines: Iterable[str]) -> VerbDictionary:
        pending: list[tuple[int, str]] = []
        for lineno, raw in enumerate(lines, start=1):
            pending.append((lineno, raw))
        # synsets may be defined after their use: read them first
        for lineno, raw in pending:
            self._maybe_synset_line(lineno, raw)
        self.synset = None
        for lineno, raw in pending:
            self._line(lineno, raw)
        return self.dic

    def _maybe_synset_line(self, lineno: int, raw: str) -> None:
        line = _strip_comment(raw).strip()
        if not line:
            return
        if line.startswith("&"):
            self.synset = line.split()[0][1:].rstrip("_").upper()
            self.dic.synsets.setdefault(self.synset, [])
        elif line.startswith("+") and self.synset is not None:
            words = tuple(w for w in re.split(r"[\s_]+", line[1:].upper()) if w)
            if words:
                self.dic.synsets[self.synset].append(words)
        else:
            self.synset = None

    def _line(self, lineno: int, raw: str) -> None:
        line = _strip_comment(raw).strip()
        where = f"{self.name}:{lineno}"
        if not line:
            return
        if line.startswith("&"):
            self.synset = line
            return
        if line.startswith("+") and self.synset is not None:
            return
        self.synset = None
        header = _HEADER.match(line) if line.startswith("---") else None
        if header:
            self._start_block(header.group(1), where)
        elif line.startswith("-"):
            self._pattern(line[1:].strip(), where, raw)
        elif self.block is not None:
            self._form(line, where)

    def _start_block(self, body: str, where: str) -> None:
        codes = _CODE.findall(body)
        name = _CODE.sub(" ", body).split("#")[0].strip().upper().replace(" ", "_")
        code, code2 = parse_code(codes[0]) if codes else (None, None)
        self.block = VerbBlock(name=name, code=code, code2=code2, source=where)
        self.dic.blocks[name + "@" + where] = self.block

    def _form(self, line: str, where: str) -> None:
        assert self.block is not None
        codes = _CODE.findall(line)
        irregular = " ".join(_BRACES.findall(line))
        body = _CODE.sub(" ", _BRACES.sub(" ", line)).strip()
        if not body:
            return
        code, code2 = parse_code(codes[0]) if codes else (self.block.code, self.block.code2)
        main = body.replace(" ", "_")
        block_id = self.block.name + "@" + self.block.source
        for text in [main] + irregular.split():
            parts = _split_form(text)
            if parts is None:
                continue
            before, after, word = parts
            for form in regular_forms(word) if text is main else {word}:
                known = self.dic.forms.setdefault(form, [])
                if any(
                    f.block == block_id and f.before == before and f.after == after for f in known
                ):
                    continue
                known.append(
                    VerbForm(
                        word=form,
                        before=before,
                        after=after,
                        block=block_id,
                        code=code,
                        code2=code2,
                        has_code=bool(codes),
                        source=where,
                    )
                )

    def _pattern(self, body: str, where: str, raw: str) -> None:
        if self.block is None:
            return
        codes = _CODE.findall(body)
        if not codes:
            log.debug("%s: pattern without code ignored", where)
            return
        code, code2 = parse_code(codes[-1])
        text = _CODE.sub(" ", body).strip()
        try:
            pattern = build_pattern(text, code, code2, where, self.dic.synsets)
        except DictionaryError as exc:
            log.debug("%s: %s", where, exc)
            return
        if pattern is not None:
            origin = _comment_verb(raw)
            if origin:
                pattern = replace(pattern, origin=origin)
            self.block.patterns.append(pattern)


def _comment_verb(raw: str) -> str:
    """The word a pattern line's comment starts with, upper-cased ("# RATIFY" -> "RATIFY"):
    in a merged synonym block it names the verb the pattern was written for."""
    if "#" not in raw:
        return ""
    words = raw.split("#", 1)[1].split()
    return words[0].upper() if words and words[0].isalpha() else ""


def _split_form(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str] | None:
    """``"WIRE_+TAP"`` -> (("WIRE",), (), "TAP"); ``"+CORDON_OFF"`` -> ((), ("OFF",), "CORDON")."""
    parts = [p for p in text.upper().split("_") if p]
    if not parts:
        return None
    idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    word = parts[idx].lstrip("+")
    if not word:
        return None
    return (
        tuple(p.lstrip("+") for p in parts[:idx]),
        tuple(p.lstrip("+") for p in parts[idx + 1 :]),
        word,
    )


def _tokens(text: str) -> list[str]:
    """Split pattern text into tokens, keeping ``_`` glue as separate markers."""
    text = text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    out: list[str] = []
    for chunk in text.split():
        pieces = chunk.split("_")
        for i, piece in enumerate(pieces):
            if i > 0:
                out.append("_")
            if piece:
                out.append(piece)
    return out


def _elements(tokens: list[str], synsets: dict[str, list[tuple[str, ...]]]) -> list[Elem]:
    """Turn tokens (in reading order) into elements; glue refers to the previous element."""
    elems: list[Elem] = []
    glue_next = False
    for tok in tokens:
        if tok == "_":
            glue_next = True
            continue
        glued, glue_next = glue_next, False
        if tok == "$":
            elems.append(Elem(SOURCE, glued=glued))
        elif tok == "+":
            elems.append(Elem(TARGET, glued=glued))
        elif tok == "^":
            elems.append(Elem(SKIP, glued=glued))
        elif tok == "%":
            elems.append(Elem(COMPOUND, glued=glued))
        elif tok.startswith("&"):
            alts = expand_synset(tok[1:].upper().rstrip("_"), synsets)
            if not alts:
                raise DictionaryError(f"unknown synonym set {tok}")
            elems.append(Elem(WORD, tuple(alts), glued))
        else:
            elems.append(Elem(WORD, ((tok.upper(),),), glued))
    return elems


def expand_synset(
    name: str, synsets: dict[str, list[tuple[str, ...]]], depth: int = 0
) -> list[tuple[str, ...]]:
    """Members of a synonym set, nested sets expanded."""
    out: list[tuple[str, ...]] = []
    for member in synsets.get(name, []):
        if member[0].startswith("&") and depth < 5:
            inner = expand_synset(member[0][1:].rstrip("_"), synsets, depth + 1)
            out.extend(m + member[1:] for m in inner)
        else:
            out.append(member)
    return out


def build_pattern(
    text: str,
    code: str | None,
    code2: str | None,
    where: str,
    synsets: dict[str, list[tuple[str, ...]]],
) -> Pattern | None:
    """Parse the body of one pattern line (without its code)."""
    tokens = _tokens(text)
    if "*" not in tokens:
        raise DictionaryError(f"pattern without verb marker: {text!r}")
    star = tokens.index("*")
    before, after = tokens[:star], tokens[star + 1 :]
    # pre elements are matched outwards from the verb: reverse them, glue moves along
    pre_fwd = _elements(before, synsets)
    pre_glue_to_verb = bool(before) and before[-1] == "_"
    pre: list[Elem] = []
    for i in range(len(pre_fwd) - 1, -1, -1):
        elem = pre_fwd[i]
        glued = pre_glue_to_verb if i == len(pre_fwd) - 1 else pre_fwd[i + 1].glued
        pre.append(Elem(elem.kind, tuple(a[::-1] for a in elem.alts), glued))
    post = _elements(after, synsets)
    required = frozenset(e.alts[0][0] for e in pre + post if e.kind == WORD and len(e.alts) == 1)
    need = tuple(frozenset(e.first) for e in pre + post if e.kind == WORD and len(e.alts) > 1)
    return Pattern(
        pre=tuple(pre),
        post=tuple(post),
        code=code,
        code2=code2,
        source=where,
        text=text,
        required=required,
        need=need,
        invalid=any(c is not None and not any(ch.isalnum() for ch in c) for c in (code, code2)),
    )


def read_verb_file(
    path: Path, synsets: dict[str, list[tuple[str, ...]]] | None = None
) -> VerbDictionary:
    """Read one verb file in PETRARCH format."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read verb dictionary {path}: {exc}") from exc
    dic = _Reader(path, dict(synsets or {})).read(lines)
    n = sum(len(b.patterns) for b in dic.blocks.values())
    if not dic.blocks:
        raise DictionaryError(f"{path}: no verb blocks found (is it a PETRARCH verb file?)")
    log.debug("%s: %d verb blocks, %d forms, %d patterns", path, len(dic.blocks), len(dic.forms), n)
    return dic


def read_verb_files(paths: Iterable[Path]) -> VerbDictionary:
    """Read several verb files into one dictionary (synonym sets are shared)."""
    merged = VerbDictionary()
    for path in paths:
        merged.merge(read_verb_file(path, merged.synsets))
    return merged


def iter_patterns(dic: VerbDictionary) -> Iterator[Pattern]:
    for block in dic.blocks.values():
        yield from block.patterns


NEGATION_WORDS = frozenset(
    {"NOT", "N'T", "NO", "NEVER", "NEITHER", "NOR", "DON'T", "DIDN'T", "WON'T"}
)
