"""Alembic environment: run by :func:`tocsin.store.migrate.upgrade` on an open connection.

Run from the command line only through ``tocsin db upgrade``; no alembic.ini is needed.
"""

from __future__ import annotations

from alembic import context

from tocsin.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via tocsin.store.migrate
    raise RuntimeError("run migrations with `tocsin db upgrade`")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE on SQLite
)
with context.begin_transaction():
    context.run_migrations()
