"""Prebuilt tables cached by content: built once, read back equal, rebuilt when inputs change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


# --------------------------------------------------------------------------- the directory

TINY_VERBS = "---  ATTACK   [190]  ---\nATTACK {ATTACKS ATTACKED ATTACKING}\n"
TINY_ACTORS = "GONDOR [GON]\nMORDOR [MOR]\n"


def _tiny_set(tmp_path: Path) -> Path:
    """A dictionary set of its own (a fresh key: nothing of it is cached in this process)."""
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "Tiny.verbs.txt").write_text(TINY_VERBS, encoding="utf-8")
    (folder / "Tiny.actors.txt").write_text(TINY_ACTORS, encoding="utf-8")
    return folder


def _config(tmp_path: Path, cache_dir: Path) -> Path:
    path = tmp_path / "given.toml"
    path.write_text(f'[tocsin.cache]\ndir = "{cache_dir.as_posix()}"\n', encoding="utf-8")
    return path


@pytest.fixture
def no_cache_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No cache directory in the environment but $XDG_CACHE_HOME (returned: where the
    cache would go without the config file); no ./tocsin.toml."""
    for name in ("TOCSIN_CACHE_DIR", "TOCSIN_CACHE__DIR", "TOCSIN_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "xdg" / "tocsin"


def test_using_points_the_cache_at_a_directory_for_a_block(
    tmp_path: Path, no_cache_env: Path
) -> None:
    with cache.using(tmp_path / "a"):
        cache.cached("t", "ab" * 32, lambda: [1])
        with cache.using(None):  # None leaves it as it is
            assert cache.default_directory() == tmp_path / "a"
    assert cache.default_directory() == no_cache_env  # back to the environment's
    cache.cached("t", "cd" * 32, lambda: [2])
    assert len(list((tmp_path / "a").glob("t-*.pickle"))) == 1
    assert len(list(no_cache_env.glob("t-*.pickle"))) == 1


def test_a_config_files_cache_dir_is_where_the_dictionary_tables_land(
    tmp_path: Path, no_cache_env: Path
) -> None:
    from tocsin.coding.dictionaries import load_dictionaries
    from tocsin.settings import load_settings

    given = tmp_path / "from-config"
    settings = load_settings(_config(tmp_path, given))
    with cache.using(settings.cache.dir):
        load_dictionaries(str(_tiny_set(tmp_path)))
    assert {p.name.split("-")[0] for p in given.glob("*.pickle")} == {"actors", "dictionaries"}
    assert not no_cache_env.exists()


@pytest.mark.slow
def test_the_cli_caches_under_the_cache_dir_of_its_config_file(
    tmp_path: Path, no_cache_env: Path
) -> None:
    """``tocsin --config FILE code``: the coder's tables go where FILE says, not where the
    environment's settings would put them (the defect: they went to $XDG_CACHE_HOME)."""
    from click.testing import CliRunner

    from tocsin.cli import main

    given = tmp_path / "from-config"
    args = [
        "--config",
        str(_config(tmp_path, given)),
        "code",
        "--no-enrich",
        "--dictionaries",
        str(_tiny_set(tmp_path)),
        "--text",
        "Gondor attacked Mordor.",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "190" in result.output and "GON" in result.output
    assert {p.name.split("-")[0] for p in given.glob("*.pickle")} == {"actors", "dictionaries"}
    assert not no_cache_env.exists()
    assert cache.default_directory() == no_cache_env  # the command's directory ends with it


@pytest.mark.slow
def test_a_coder_built_from_settings_caches_under_their_cache_dir(
    tmp_path: Path, no_cache_env: Path
) -> None:
    """What a batch or pool worker does, outside any CLI: build its coder from the Settings
    it was sent (``tocsin batch --config FILE`` ships FILE's cache.dir to the workers)."""
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    given = tmp_path / "from-config"
    settings = load_settings(_config(tmp_path, given))
    Coder(settings, dictionaries=str(_tiny_set(tmp_path)), enrich=False)
    assert {p.name.split("-")[0] for p in given.glob("*.pickle")} == {"actors", "dictionaries"}
    assert not no_cache_env.exists()
