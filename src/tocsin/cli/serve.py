"""CLI: ``tocsin serve`` runs the REST API with uvicorn."""

from __future__ import annotations

import click

from tocsin.cli import get_settings


@click.command("serve")
@click.option("--host", default=None, help="Address to bind (default: settings.api_host).")
@click.option("--port", type=int, default=None, help="Port (default: settings.api_port).")
@click.pass_context
def serve_cmd(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the REST API (OpenAPI docs at /docs); writes need settings.api_token."""
    import uvicorn

    from tocsin.api import create_app

    settings = get_settings(ctx)
    app = create_app(settings)
    uvicorn.run(app, host=host or settings.api_host, port=port or settings.api_port,
                log_level="info")


def register(group: click.Group) -> None:
    group.add_command(serve_cmd)
