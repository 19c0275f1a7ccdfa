"""The error catalogue: every code raised in src/tocsin is declared and documented; the CLI
turns a TocsinError into one line and an exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tocsin import errors

SRC = Path(errors.__file__).resolve().parent
README = SRC.parents[1] / "README.md"
CODE = re.compile(r"""["'](E\d{3})["']""")


def codes_in_source() -> dict[str, list[str]]:
    """Every quoted Exxx in the package's Python files, with where it occurs."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for code in CODE.findall(line):
                found.setdefault(code, []).append(f"{path.relative_to(SRC)}:{lineno}")
    return found


def error_classes() -> list[type[errors.TocsinError]]:
    return [c for c in vars(errors).values()
            if isinstance(c, type) and issubclass(c, errors.TocsinError)]


def readme_error_codes() -> set[str]:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Errors\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README.md has no '## Errors' section"
    return set(re.findall(r"`(E\d{3})`", match.group(1)))


def test_scan_finds_codes() -> None:  # the scan itself works (so the next test can fail)
    found = codes_in_source()
    assert "E001" in found and "E011" in found and len(found) >= 10


def test_every_code_raised_is_declared() -> None:
    undeclared = {c: where for c, where in codes_in_source().items()
                  if c not in errors.CATALOGUE}
    assert not undeclared, f"declare these in tocsin.errors.CATALOGUE: {undeclared}"


def test_every_class_and_template_code_is_declared() -> None:
    for cls in error_classes():
        assert cls.code in errors.CATALOGUE, cls
    assert set(errors.RegistryError.templates) <= set(errors.CATALOGUE)


def test_every_declared_code_is_documented_in_the_readme() -> None:
    documented = readme_error_codes()
    missing = sorted(set(errors.CATALOGUE) - documented)
    assert not missing, f"add these codes to the README's Errors section: {missing}"
    stale = sorted(documented - set(errors.CATALOGUE))
    assert not stale, f"the README documents codes that are not declared: {stale}"


def test_describe() -> None:
    assert "setting" in errors.describe("E001")
    with pytest.raises(KeyError, match="E999"):
        errors.describe("E999")


def test_message_carries_the_code() -> None:
    exc = errors.PipelineError("no component named 'x'")
    assert str(exc) == "[E302] no component named 'x'" and exc.exit_code == 2
    assert errors.TocsinError("x", code="E503").code == "E503"


def test_cli_turns_an_error_into_one_line_and_an_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "tocsin.toml"
    bad.write_text("[tocsin]\nbatchsize = 3\n", encoding="utf-8")
    from tocsin.cli import main

    result = CliRunner().invoke(main, ["--config", str(bad), "articles"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines == ["Error: [E001] unknown setting 'batchsize' (" + str(bad) + ")"]
