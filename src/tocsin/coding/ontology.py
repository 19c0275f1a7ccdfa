"""The CAMEO event ontology: code -> name, Goldstein score, quad class, PLOVER type/mode.

Read once from the packaged ``data/ontology/cameo_events.tsv`` (CAMEO/GDELT values,
PLOVER columns CC BY-SA 4.0, see NOTICE.md).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tocsin.errors import DictionaryError


@dataclass(frozen=True)
class EventType:
    """One CAMEO event code and what it means."""

    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    plover_type: str | None
    plover_mode: str | None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _row_to_type(row: Mapping[str, str]) -> EventType:
    plover = (row.get("plover_category") or "").split("|")[0].strip() or None
    if plover == "DROPPED":
        plover = None
    mode = (row.get("plover_mode") or "").split("|")[0].strip() or None
    return EventType(
        code=row["code"].strip(),
        name=row.get("name", "").strip(),
        goldstein=_float(row.get("goldstein", "")),
        quad_class=_int(row.get("quad_class", "")),
        plover_type=plover,
        plover_mode=mode,
    )


class Ontology:
    """Lookup of CAMEO event codes; unknown codes walk up to their parent code."""

    def __init__(self, types: Mapping[str, EventType]) -> None:
        self._types = dict(types)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> Ontology:
        """The packaged CAMEO ontology (cached per process)."""
        path = Path(str(resources.files("tocsin") / "data" / "ontology" / "cameo_events.tsv"))
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh, delimiter="\t"))
        except OSError as exc:
            raise DictionaryError(f"cannot read CAMEO ontology {path}: {exc}") from exc
        return cls({row["code"].strip(): _row_to_type(row) for row in rows if row.get("code")})

    def __contains__(self, code: str) -> bool:
        return code in self._types

    def get(self, code: str) -> EventType | None:
        """The type of ``code``, or of its nearest listed parent ("0431" -> "043")."""
        for n in range(len(code), 1, -1):
            found = self._types.get(code[:n])
            if found is not None:
                plover = found.plover_type or self._plover_of_parent(code[:n])
                if plover != found.plover_type:
                    found = EventType(
                        found.code,
                        found.name,
                        found.goldstein,
                        found.quad_class,
                        plover,
                        found.plover_mode,
                    )
                return found
        return None

    def _plover_of_parent(self, code: str) -> str | None:
        for n in range(len(code) - 1, 1, -1):
            parent = self._types.get(code[:n])
            if parent is not None and parent.plover_type:
                return parent.plover_type
        return None

    def is_valid(self, code: str) -> bool:
        """Whether ``code`` is a CAMEO code (exactly listed)."""
        return code in self._types
