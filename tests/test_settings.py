"""Typed settings: sub-tables, precedence, old flat names, unknown keys rejected."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tocsin.errors import ConfigError
from tocsin.settings import (
    DEFAULT_COMPONENTS,
    FLAT,
    TABLES,
    AlertSettings,
    Settings,
    env_names,
    load_settings,
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tocsin.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    s = load_settings(env={})
    assert s.pipeline.components == DEFAULT_COMPONENTS
    assert s.batch_size == s.pipeline.batch_size == 64
    assert s.http.timeout == 20.0 and s.api.port == 8000 and s.alerts.min_events == 2
    assert s.db_url.startswith("sqlite:///") and s.db_url.endswith("data/tocsin.db")


def test_sub_tables_and_flat_keys_from_file(tmp_path: Path) -> None:
    path = write(tmp_path, """
[tocsin]
batch_size = 16
data_dir = "somewhere"

[tocsin.http]
timeout = 5

[tocsin.pipeline]
components = ["parse", "actors", "events"]

[tocsin.alerts]
min_events = 7
changepoint = false
""")
    s = load_settings(path, env={})
    assert s.batch_size == 16 and s.data_dir == Path("somewhere")
    assert s.http.timeout == 5.0 and isinstance(s.http.timeout, float)
    assert s.pipeline.components == ("parse", "actors", "events")
    assert s.alerts == AlertSettings(min_events=7, changepoint=False)


@pytest.mark.parametrize("text, named", [
    ("[tocsin]\nbatchsize = 3\n", "'batchsize'"),
    ("[tocsin.http]\ntimeot = 3\n", "http.'timeot'"),
    ("[tocsin.alerts]\nmin_evnts = 3\n", "alerts.'min_evnts'"),
    ("[tocsin]\nextra = {a = 1}\n", "'extra'"),
    ("[tocsin]\nhttp = 3\n", "'http'"),
])
def test_unknown_keys_are_errors_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named) as info:
        load_settings(write(tmp_path, text), env={})
    assert info.value.code == "E001"


def test_environment_old_and_new_names(tmp_path: Path) -> None:
    path = write(tmp_path, "[tocsin]\nbatch_size = 16\n")
    env = {"TOCSIN_BATCH_SIZE": "8", "TOCSIN_HTTP__TIMEOUT": "2.5",
           "TOCSIN_PIPELINE__COMPONENTS": "parse, actors", "TOCSIN_API_TOKEN": "t",
           "TOCSIN_ALERTS__MIN_SCORE": "4", "TOCSIN_CACHE_DIR": str(tmp_path / "c")}
    s = load_settings(path, env=env)
    assert s.batch_size == 8 and s.http.timeout == 2.5 and s.api.token == "t"
    assert s.pipeline.components == ("parse", "actors") and s.alerts.min_score == 4.0
    assert s.cache_dir == tmp_path / "c"
    assert load_settings(path, env=env, batch_size=2).batch_size == 2  # overrides win
    assert load_settings(path, env=env, batch_size=None).batch_size == 8  # None: not given


def test_cache_dir_defaults_to_xdg(tmp_path: Path) -> None:
    assert load_settings(env={"XDG_CACHE_HOME": str(tmp_path)}).cache_dir == tmp_path / "tocsin"
    assert load_settings(env={}).cache_dir == Path.home() / ".cache" / "tocsin"


def test_bad_values_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="pipeline.batch_size"):
        load_settings(env={"TOCSIN_BATCH_SIZE": "many"})
    with pytest.raises(ConfigError, match="api.port"):
        Settings(api={"port": True})


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", env={})


def test_replace_and_constructor_take_flat_names() -> None:
    s = Settings(batch_size=2, http={"timeout": 5})
    assert s.batch_size == 2 and s.http.timeout == 5.0
    r = dataclasses.replace(s, workers=3)
    assert (r.workers, r.batch_size, r.http.timeout) == (3, 2, 5.0)
    assert s.replace(http__retries=9).http.retries == 9
    assert s == Settings(batch_size=2, http_timeout=5) and hash(s) == hash(Settings(**vars(s)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.store = s.store  # type: ignore[misc]


def test_every_key_has_an_environment_variable() -> None:
    names = env_names()
    for table, cls in TABLES.items():
        for f in dataclasses.fields(cls):
            assert names[f"TOCSIN_{table.upper()}__{f.name.upper()}"] == (table, f.name)
    for flat, target in FLAT.items():
        assert names[f"TOCSIN_{flat.upper()}"] == target
        if flat != "cache_dir":  # cache_dir resolves the default directory
            s = Settings(**{flat: getattr(Settings(), flat)})
            assert getattr(s, flat) == getattr(getattr(s, target[0]), target[1])
