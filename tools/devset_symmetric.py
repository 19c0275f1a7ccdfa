"""Give every required mutual act of the development set its reverse as an optional event.

CONVENTIONS.md (shared eval folder): "Mutual acts (agreements, joint exercises, talks,
calls): ``symmetric: true``; one direction required, the other ``optional``". ``symmetric``
lets the required event match either direction; without the optional reverse, a coder that
codes both directions (as the conventions allow) is charged an extra event. Some records
were written without it. This adds the reverse (same codes, actors swapped, ``optional``)
where no event of the record already runs the other way; it reads no coder output.

    python tools/devset_symmetric.py            # rewrite the files in place
    python tools/devset_symmetric.py --check    # exit 1 if a record lacks a reverse
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

DEVSET = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data" / "eval" / "devset"


def _roots(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {str(v or "")[:3] for v in values}


def missing_reverses(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The optional reverse events ``record`` lacks for its required mutual acts."""
    events = record.get("expected") or []
    out = []
    for e in events:
        if not e.get("symmetric") or e.get("optional") or not e.get("target_actor"):
            continue
        src, tgt = _roots(e["source_actor"]), _roots(e["target_actor"])
        if any(
            o is not e
            and _roots(o.get("source_actor")) & tgt
            and _roots(o.get("target_actor")) & src
            for o in events
        ):
            continue
        reverse = {k: v for k, v in e.items() if k not in ("source_actor", "target_actor")}
        reverse.update(
            source_actor=e["target_actor"], target_actor=e["source_actor"], optional=True
        )
        out.append(reverse)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="report only; exit 1 if any is missing")
    args = ap.parse_args(argv)
    total = 0
    for path in sorted(DEVSET.glob("*.jsonl")):
        lines, added = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            extra = missing_reverses(record)
            if extra and not args.check:
                record["expected"] = list(record["expected"]) + extra
                line = json.dumps(record, ensure_ascii=False)
            added += len(extra)
            lines.append(line)
        if added and not args.check:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.name}: {added} reverse events {'missing' if args.check else 'added'}")
        total += added
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
