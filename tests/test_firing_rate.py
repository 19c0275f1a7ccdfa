"""tools/firing_rate.py draws only paragraphs nobody annotated and nobody reserved, and
compares events at root level."""

from __future__ import annotations

import json
from pathlib import Path

from tools.firing_rate import DEVSET, load_sample, root_keys, sample


def test_sample_leaves_out_reserved_records_and_annotated_paragraphs(tmp_path: Path) -> None:
    gold = json.loads((DEVSET / "annot_a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    free = "Kenya and Uganda sign a border agreement in Nairobi after talks on Monday."
    records = [
        {"id": "wcep-x-1", "date": "2025-01-02", "text": f"{free}\n\n{gold['text']}\n\nShort."},
        {"id": "wcep-x-2", "date": "2025-01-03", "text": "Reserved text that must not be drawn."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    reserved = tmp_path / "reserved.txt"
    reserved.write_text("# kept for evaluation\nwcep-x-2\n", encoding="utf-8")
    drawn = sample(corpus, reserved, n=10, seed=1)
    assert [p["id"] for p in drawn] == ["wcep-x-1#p1"]  # not the gold text, not "Short."
    assert drawn[0]["text"] == free


def test_root_keys_compare_country_and_root_code_only() -> None:
    events = [{"source": "KENGOV", "target": "UGAMIL", "code": "0571"},
              {"source": "UGA", "target": None, "code": "190"}]
    assert root_keys(events) == [("KEN", "UGA", "05"), ("UGA", "", "19")]


def test_load_sample_reads_a_fixed_pool_in_order(tmp_path: Path) -> None:
    pool = tmp_path / "pool.jsonl"
    rows = [{"id": f"wcep-x-{i}#p1", "text": f"Paragraph {i}.", "date": "2025-01-02"}
            for i in range(3)]
    pool.write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n", encoding="utf-8")
    assert [p["id"] for p in load_sample(pool, 2)] == ["wcep-x-0#p1", "wcep-x-1#p1"]
    assert len(load_sample(pool, 10)) == 3
