"""Docs that can be checked are checked (the way Datasette's tests/test_docs.py does): every
CLI command (with a working --help), API route, setting and registry entry is documented
in the README, and a test fails when one is not.  Error codes: tests/test_errors.py."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tocsin import registry
from tocsin.cli import main
from tocsin.settings import TABLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "tocsin") -> list[tuple[str, click.Command]]:
    found = []
    for name, cmd in sorted(group.commands.items()):
        if getattr(cmd, "hidden", False):
            continue
        full = f"{prefix} {name}"
        found.append((full, cmd))
        if isinstance(cmd, click.Group):
            found.extend(_commands(cmd, full))
    return found


COMMANDS = _commands(main)


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def test_commands_are_found() -> None:  # so that the tests below can fail
    names = [name for name, _ in COMMANDS]
    assert {"tocsin ingest", "tocsin code", "tocsin serve", "tocsin db upgrade"} <= set(names)


def test_every_cli_command_is_documented_in_readme() -> None:
    missing = [name for name, _ in COMMANDS if name not in README]
    assert not missing, f"README.md does not document: {missing}"


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert (command.help or command.short_help or "").strip(), f"{name} has no help text"
    result = CliRunner().invoke(main, [*name.split()[1:], "--help"], prog_name="tocsin")
    assert result.exit_code == 0, result.output
    assert f"Usage: tocsin {' '.join(name.split()[1:])}" in result.output


def _documented_paths() -> set[str]:
    """Every /path in backticks in the README, path parameters normalised to {}."""
    paths = set()
    for token in re.findall(r"`([^`\n]+)`", README):
        for word in token.split():
            if word.startswith("/"):
                paths.add(re.sub(r"\{[^}]*\}", "{}", word.split("?")[0].rstrip(",.")))
    return paths


def _api_routes(data_dir: Path) -> list[tuple[str, str]]:
    from fastapi.routing import APIRoute

    from tocsin.api import create_app
    from tocsin.settings import Settings

    app = create_app(Settings(data_dir=data_dir))
    return sorted((method, route.path) for route in app.routes
                  if isinstance(route, APIRoute) and route.include_in_schema
                  for method in route.methods)


def test_every_api_route_is_documented_in_readme(tmp_path: Path) -> None:
    routes = _api_routes(tmp_path)
    assert ("GET", "/events") in routes and ("POST", "/documents") in routes
    documented = _documented_paths()
    missing = sorted({f"{m} {p}" for m, p in routes
                      if re.sub(r"\{[^}]*\}", "{}", p) not in documented})
    assert not missing, f"README.md does not document these API routes: {missing}"


def _settings_table() -> set[str]:
    match = re.search(r"<!-- settings -->\n(.*?)<!-- /settings -->", README, re.S)
    assert match, "README.md has no <!-- settings --> table"
    return set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", match.group(1), re.M))


def test_every_setting_is_documented_in_readme() -> None:
    keys = {f"{table}.{f.name}" for table, cls in TABLES.items() for f in dataclasses.fields(cls)}
    documented = _settings_table()
    missing = sorted(keys - documented)
    assert not missing, f"add these settings to the README's Settings table: {missing}"
    stale = sorted(documented - keys)
    assert not stale, f"the README's Settings table lists unknown settings: {stale}"


def test_every_registry_entry_is_documented_in_readme() -> None:
    section = _section("Registry")
    missing = [name for names in registry.snapshot().values() for name in names
               if f"`{name}`" not in section]
    assert not missing, f"add these entries to the README's Registry section: {missing}"


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", section, re.S)
    assert block, "quick start has no code block"
    lines = [ln for ln in block.group(1).splitlines()
             if ln.strip() and not ln.strip().startswith("#")]
    assert len(lines) == 2, lines
    assert lines[0].split("#")[0].strip() == "./dev run"
    assert lines[1].split("#")[0].strip() == "./dev test"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./dev test" in ci
