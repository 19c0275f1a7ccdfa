"""Docs that can be checked are checked: the README's quick start and command usage."""

from __future__ import annotations

import re
from pathlib import Path

import click

from tocsin.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "tocsin") -> list[str]:
    names = []
    for name, cmd in sorted(group.commands.items()):
        if getattr(cmd, "hidden", False):
            continue
        full = f"{prefix} {name}"
        names.append(full)
        if isinstance(cmd, click.Group):
            names.extend(_commands(cmd, full))
    return names


def test_every_cli_command_is_documented_in_readme() -> None:
    missing = [c for c in _commands(main) if c not in README]
    assert not missing, f"README.md does not document: {missing}"


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", section, re.S)
    assert block, "quick start has no code block"
    lines = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert len(lines) == 2, lines
    assert lines[0].split("#")[0].strip() == "./dev run"
    assert lines[1].split("#")[0].strip() == "./dev test"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "./dev test" in ci
