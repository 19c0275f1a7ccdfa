"""Run the Alembic migrations in ``store/migrations`` programmatically (no alembic.ini)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


def quiet_alembic() -> None:
    """Alembic narrates every step (and, on import, its plugins) at INFO: keep it to
    warnings unless the user configured its logger. Alembic is imported after this."""
    quiet = logging.getLogger("alembic")
    if quiet.level == logging.NOTSET:
        quiet.setLevel(logging.WARNING)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    quiet_alembic()
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision id shipped with this version of tocsin."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return head or ""


def current_revision(engine: sa.Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    quiet_alembic()
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Upgrade the database to ``revision``; return (before, after) revisions."""
    quiet_alembic()
    from alembic import command

    before = current_revision(engine)
    if before != head_revision() or revision != "head":
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
    after = current_revision(engine)
    if before != after:
        log.info("database upgraded from %s to %s", before or "empty", after)
    return before, after
