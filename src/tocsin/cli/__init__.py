"""The ``tocsin`` command line: a thin layer over the library.

Each stage registers its commands from its own module (``cli/ingest.py`` ...).
Domain errors (:class:`tocsin.errors.TocsinError`) become one line on stderr and
an exit code; a traceback only with ``--debug``.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from tocsin import __version__, cache
from tocsin.errors import TocsinError
from tocsin.settings import Settings, load_settings

# Modules that add commands; each defines ``register(group: click.Group) -> None``.
COMMAND_MODULES = (
    "tocsin.cli.ingest",
    "tocsin.cli.coding",
    "tocsin.cli.gaps",
    "tocsin.cli.geo",
    "tocsin.cli.analysis",
    "tocsin.cli.serve",
    "tocsin.cli.batch",
    "tocsin.cli.watch",
)


class TocsinGroup(click.Group):
    """A click group that turns TocsinError into a one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TocsinError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (OSError, ValueError) as exc:  # unexpected, but still one clear line
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Error: {type(exc).__name__}: {exc} (use --debug for details)", err=True)
            ctx.exit(1)


def get_settings(ctx: click.Context) -> Settings:
    """The settings object built by the root command."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


@click.group(cls=TocsinGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tocsin")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="TOML settings file (default: $TOCSIN_CONFIG or ./tocsin.toml).")
@click.option("--database-url", default=None, help="SQLAlchemy URL (default: SQLite in data dir).")
@click.option("--data-dir", default=None, help="Directory for the database and caches.")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
@click.pass_context
def main(ctx: click.Context, config: str | None, database_url: str | None,
         data_dir: str | None, debug: bool, quiet: bool) -> None:
    """tocsin: news to political event data, with early warning."""
    level = logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    try:
        ctx.obj = load_settings(config, database_url=database_url, data_dir=data_dir)
    except TocsinError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    ctx.with_resource(cache.using(ctx.obj.cache.dir))  # also a cache.dir of --config FILE


def _register_all() -> None:
    for name in COMMAND_MODULES:  # every module is part of the package: no import probe
        importlib.import_module(name).register(main)


_register_all()
