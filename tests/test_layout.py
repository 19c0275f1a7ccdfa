"""The layout holds: no import cycle between modules of src/tocsin, no file over 600 lines.

The layers themselves (cli/api -> pipeline -> components -> stages -> store -> shared) are
import-linter contracts in pyproject.toml (``lint-imports``, run by ``./dev lint``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parents[1] / "src" / "tocsin"
MAX_LINES = 600
NOT_CODE = ("data", "vendor")  # bundled data and vendored third-party assets


def strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the components with more than one module are import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, []):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return cycles


def test_cycle_finder_finds_a_cycle() -> None:  # so that the next test can fail
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_no_import_cycle_between_modules() -> None:
    """Every import counts, also one inside a function (a lazy import hides a cycle)."""
    g = grimp.build_graph("tocsin")
    graph = {m: sorted(g.find_modules_directly_imported_by(m)) for m in g.modules}
    assert len(graph) > 50
    cycles = strongly_connected(graph)
    assert not cycles, f"import cycles: {cycles}"


def test_no_file_over_600_lines() -> None:
    too_long = {}
    for path in SRC.rglob("*"):
        if not path.is_file() or path.suffix == ".pyc" or set(path.parts) & set(NOT_CODE):
            continue
        n = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        if n > MAX_LINES:
            too_long[str(path.relative_to(SRC))] = n
    assert not too_long, f"split these files (over {MAX_LINES} lines): {too_long}"


MAX_FUNCTION_LINES = 60
FROZEN = "migrations"  # Alembic revisions are history: never edited after release


def test_no_function_over_60_lines() -> None:
    import ast

    too_long = {}
    for path in SRC.rglob("*.py"):
        if FROZEN in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(SRC)}:{node.name}"] = n
    assert not too_long, f"split these functions (over {MAX_FUNCTION_LINES} lines): {too_long}"
