"""How often a coder change fires on news nobody annotated: its firing rate.

A rule written from a look set can raise that set's F1 and change almost nothing else
(issue #9, session 6: rules changed 10.8% of the look set's records and 2.9% of random
corpus paragraphs). This draws ``--n`` random paragraphs of the bundled corpus that no
development-set file holds (by id or by text) and that ``reserved_ids.txt`` does not list,
codes them with two source trees, and prints how many paragraphs changed at root level
(first three letters of each actor, two-digit CAMEO root) with the changes themselves, so a
person can judge a random sample of them by hand.

    python tools/firing_rate.py --base-src /tmp/base/src            # vs this tree's src
    python tools/firing_rate.py --base-src A --head-src B --n 3000 --show 40
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "src" / "tocsin" / "data" / "eval" / "devset"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "wikipedia_current_events_2025_2026.jsonl"
RESERVED = SHARED / "eval" / "reserved_ids.txt"

Key = tuple[str, str, str]


def annotated() -> tuple[set[str], set[str]]:
    """Ids and texts of every development-set record."""
    ids: set[str] = set()
    texts: set[str] = set()
    for path in sorted(DEVSET.glob("annot_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                ids.add(record["id"])
                texts.add(record["text"].strip())
    return ids, texts


def sample(corpus: Path, reserved: Path, n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` random unannotated, unreserved paragraphs (id ``<record id>#p<k>``)."""
    skip = {x.strip() for x in reserved.read_text(encoding="utf-8").splitlines() if x.strip()}
    ids, texts = annotated()
    paragraphs = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in skip:
            continue
        for k, text in enumerate(record["text"].split("\n\n"), 1):
            pid, text = f"{record['id']}#p{k}", text.strip()
            if pid not in ids and text not in texts and len(text) >= 40:
                paragraphs.append({"id": pid, "text": text, "date": record["date"]})
    random.Random(seed).shuffle(paragraphs)
    return paragraphs[:n]


def load_sample(path: Path, n: int) -> list[dict[str, Any]]:
    """The first ``n`` records of a JSONL file, for a fixed pool drawn once (``--sample``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:n]


def code(src: Path, sample_file: Path, out: Path) -> dict[str, list[dict[str, Any]]]:
    """Events per paragraph id, coded by ``tocsin code`` run from the source tree ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "tocsin", "code", str(sample_file), "-o", str(out)]
    subprocess.run(cmd, env=env, check=True, stderr=subprocess.DEVNULL)
    rows = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line)
    return {row["id"]: row.get("events") or [] for row in rows}


def root_keys(events: list[dict[str, Any]]) -> list[Key]:
    return sorted(
        ((e.get("source") or "")[:3], (e.get("target") or "")[:3], str(e.get("code", ""))[:2])
        for e in events
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base-src", type=Path, required=True, help="source tree before (its src/)")
    ap.add_argument("--head-src", type=Path, default=ROOT / "src", help="source tree after")
    ap.add_argument("--n", type=int, default=1500, help="paragraphs to draw")
    ap.add_argument("--seed", type=int, default=77)
    ap.add_argument("--show", type=int, default=20, help="changed paragraphs to print")
    ap.add_argument("--sample", type=Path, help="code these JSONL records instead of a draw")
    a = ap.parse_args(argv)
    for path in (a.base_src / "tocsin", a.head_src / "tocsin", CORPUS, RESERVED):
        if not path.exists():
            print(f"firing_rate: {path} not found", file=sys.stderr)
            return 2
    if a.sample is not None:
        paragraphs = load_sample(a.sample, a.n)
    else:
        paragraphs = sample(CORPUS, RESERVED, a.n, a.seed)
    with tempfile.TemporaryDirectory() as tmp:
        sample_file = Path(tmp) / "sample.jsonl"
        sample_file.write_text("".join(json.dumps(p) + "\n" for p in paragraphs), "utf-8")
        print(f"coding {len(paragraphs)} paragraphs twice ...", file=sys.stderr)
        before = code(a.base_src, sample_file, Path(tmp) / "base.jsonl")
        after = code(a.head_src, sample_file, Path(tmp) / "head.jsonl")
    changed = [p for p in paragraphs
               if root_keys(before.get(p["id"], [])) != root_keys(after.get(p["id"], []))]
    share = len(changed) / len(paragraphs) if paragraphs else 0.0
    print(f"{len(changed)} of {len(paragraphs)} paragraphs changed at root level ({share:.1%}); "
          f"events {sum(map(len, before.values()))} -> {sum(map(len, after.values()))}")
    for p in random.Random(a.seed).sample(changed, min(a.show, len(changed))):
        old = Counter(root_keys(before.get(p["id"], [])))
        new = Counter(root_keys(after.get(p["id"], [])))
        print(f"- {p['id']}: {p['text'][:200]}")
        print(f"    lost {sorted((old - new).elements())}  gained {sorted((new - old).elements())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
