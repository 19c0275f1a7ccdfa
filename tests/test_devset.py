"""The development gold set (src/tocsin/data/eval/devset) keeps CONVENTIONS.md's rules that a
tool can check: every record parses, ids are unique, and a required mutual act has its
reverse listed as optional (tools/devset_symmetric.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tools.devset_symmetric import DEVSET, missing_reverses


def _records() -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(DEVSET.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_devset_ids_are_unique_and_records_have_text() -> None:
    records = _records()
    assert len(records) >= 400
    assert len({r["id"] for r in records}) == len(records)
    assert all(r["text"].strip() for r in records)


def test_every_required_mutual_act_lists_its_reverse() -> None:
    lacking = [r["id"] for r in _records() if missing_reverses(r)]
    assert lacking == []


def test_missing_reverses_on_hand_made_records() -> None:
    talks = {
        "source_actor": ["IND", "INDGOV"],
        "target_actor": "PAK",
        "codes": ["046"],
        "symmetric": True,
    }
    record = {"id": "x", "text": "India and Pakistan hold talks.", "expected": [talks]}
    (reverse,) = missing_reverses(record)
    assert reverse["source_actor"] == "PAK" and reverse["target_actor"] == ["IND", "INDGOV"]
    assert reverse["optional"] and reverse["codes"] == ["046"]
    record["expected"] = [talks, reverse]
    assert missing_reverses(record) == []
    one_way = {"source_actor": "IND", "target_actor": "PAK", "codes": ["190"]}
    assert missing_reverses({"id": "y", "text": "t", "expected": [one_way]}) == []
    no_target = {"source_actor": "IND", "target_actor": None, "codes": ["040"], "symmetric": True}
    assert missing_reverses({"id": "z", "text": "t", "expected": [no_target]}) == []


def test_devset_folder_is_the_packaged_one() -> None:
    assert DEVSET == Path(__file__).resolve().parents[1] / "src/tocsin/data/eval/devset"
