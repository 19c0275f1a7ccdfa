"""Prebuilt tables cached by content: built once, read back equal, rebuilt when inputs change."""

from __future__ import annotations

import os
from pathlib import Path

from tocsin import cache


def test_the_key_follows_content_not_names_or_times(tmp_path: Path) -> None:
    a = tmp_path / "verbs.txt"
    a.write_text("--- ACCUSE [112]\nACCUSE\n")
    first = cache.content_key([a], code=("tocsin.coding",))
    os.utime(a, ns=(1, 1))
    assert cache.content_key([a], code=("tocsin.coding",)) == first
    a.write_text("--- ACCUSE [111]\nACCUSE\n")
    assert cache.content_key([a], code=("tocsin.coding",)) != first
    assert cache.content_key([a]) != cache.content_key([a], code=("tocsin.coding",))


def test_built_once_then_read(tmp_path: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, list[int]]:
        calls.append(1)
        return {"table": [1, 2, 3]}

    key = "ab" * 32
    assert cache.cached("t", key, build, directory=tmp_path) == {"table": [1, 2, 3]}
    assert cache.cached("t", key, build, directory=tmp_path) == {"table": [1, 2, 3]}
    assert len(calls) == 1 and len(list(tmp_path.glob("t-*.pickle"))) == 1
    assert cache.cached("t", "cd" * 32, build, directory=tmp_path) and len(calls) == 2


def test_an_unreadable_pickle_is_rebuilt(tmp_path: Path) -> None:
    key = "ef" * 32
    cache.cached("t", key, lambda: [1], directory=tmp_path)
    [path] = tmp_path.glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.cached("t", key, lambda: [2], directory=tmp_path) == [2]
    assert cache.cached("t", key, lambda: [3], directory=tmp_path) == [2]
