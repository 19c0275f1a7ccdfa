"""Suppression lists: phrases a higher layer of a dictionary set removes from the layers below.

A set's entries can override an upstream entry for the same phrase, but without this
they cannot make a phrase stop matching: Phoenix lists bare first names ("ABDULLAH_" →
the Saudi king, "HASSAN_", "KHALID_") and short synonyms ("AL-AQSA_" → the Al-Aqsa
Martyrs' Brigades, "ORGANIZATION_" → Tanzim) that turn any Abdullah or "the Al-Aqsa
compound" into that actor. A ``suppress`` file named in a layer's manifest drops such
phrases from every layer *below* it (its own layer and the ones above keep theirs, so a
project can drop "Abdullah" and still list "King Abdullah II").

``*.suppress.tsv`` columns: ``phrase, kind, note``: ``phrase`` written as in the
dictionaries ("Abdullah", "Al-Aqsa"; whole phrase, case-insensitive), ``kind`` one of
``actor`` (drop it as an actor name), ``agent`` (as a role noun: list the plural too if it
should go) or ``any`` (empty = ``any``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tocsin.actors.entries import phrase_tokens
from tocsin.errors import DictionaryError

KINDS = ("actor", "agent", "any")


@dataclass(frozen=True)
class SuppressEntry:
    """A phrase a layer removes from the layers below it (priority higher than its own)."""

    phrase: tuple[str, ...]
    kind: str  # actor | agent | any
    priority: int
    source: str = ""


def read_suppress_file(path: Path | str, *, priority: int = 0) -> list[SuppressEntry]:
    """Read a ``*.suppress.tsv`` file (see the module docstring)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DictionaryError(f"cannot read suppression list {path}: {exc}") from exc
    out: list[SuppressEntry] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + ["", ""]
        phrase, kind = cells[0], (cells[1] or "any").lower()
        if phrase.lower() == "phrase":  # the header line
            continue
        where = f"{path.name}:{number}"
        if kind not in KINDS:
            raise DictionaryError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        tokens = phrase_tokens(phrase)
        if not tokens:
            raise DictionaryError(f"{where}: a row needs a phrase")
        out.append(SuppressEntry(tokens, kind, priority, where))
    return out


class Suppressions:
    """Lookup of suppressed phrases: ``drops(phrase, kind, priority)``."""

    def __init__(self, entries: Iterable[SuppressEntry] = ()) -> None:
        self._by_phrase: dict[tuple[str, ...], list[SuppressEntry]] = {}
        for entry in entries:
            self._by_phrase.setdefault(entry.phrase, []).append(entry)
        self.dropped = 0  # phrases left out of the trie (for the load log)

    def __bool__(self) -> bool:
        return bool(self._by_phrase)

    def drops(self, phrase: tuple[str, ...], kind: str, priority: int) -> bool:
        """Whether an entry of ``priority`` loses ``phrase`` (as an ``actor`` or ``agent``)
        to a suppression of a higher layer (a lower priority number)."""
        found = self._by_phrase.get(phrase)
        if not found:
            return False
        hit = any(s.priority < priority and s.kind in (kind, "any") for s in found)
        self.dropped += hit
        return hit
