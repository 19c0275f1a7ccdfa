"""Accuracy floors on the gold sets, scored by ../shared/eval/score.py (skipped if absent).

The same gates as ``tocsin bench`` (the speed floors live only there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tocsin.settings import load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def results(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    from bench.coding import GOLD_SETS, code_gold, score

    eval_dir = shared_dir / "eval"
    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("data"))
    out: dict[str, dict[str, Any]] = {}
    tmp = tmp_path_factory.mktemp("pred")
    for gs in GOLD_SETS:
        if not gs.floors:
            continue  # shown by the bench, no gate
        pred = tmp / gs.file
        code_gold(settings, eval_dir / gs.file, gs.dictionaries, pred, gs.options)
        out[gs.name] = score(eval_dir / "score.py", eval_dir / gs.file, pred)
    return out


def test_petr_unittest_records(results: dict[str, dict[str, Any]]) -> None:
    assert results["petr_unittest.jsonl"]["exact"]["record_accuracy"] >= 0.75


def test_petr2_gsr_f1(results: dict[str, dict[str, Any]]) -> None:
    gsr = results["petr2_gsr.jsonl"]
    assert gsr["root"]["f1"] >= 0.75
    assert gsr["exact"]["f1"] >= 0.60


def test_seed_article(results: dict[str, dict[str, Any]]) -> None:
    root = results["seed.jsonl"]["root"]
    assert root["fn"] == 0  # all 7 required events found
    assert root["forbidden_hits"] == 0
    assert root["precision"] >= 0.8
