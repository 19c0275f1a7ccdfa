"""CLI: ``tocsin serve`` runs the REST API and the dashboard with uvicorn."""

from __future__ import annotations

from typing import Any

import click

from tocsin.cli import get_settings

WILDCARDS = ("0.0.0.0", "::", "")


def run_server(settings: Any, host: str | None = None, port: int | None = None) -> None:
    """Serve the API and dashboard until Ctrl-C, after printing the dashboard's URL."""
    import uvicorn

    from tocsin.api import create_app

    host = host or settings.api_host
    port = port or settings.api_port
    app = create_app(settings, host=host)
    shown = "127.0.0.1" if host in WILDCARDS else host
    shown = f"[{shown}]" if ":" in shown else shown
    click.echo(f"dashboard: http://{shown}:{port}/  (API docs: /docs; Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("serve")
@click.option("--host", default=None, help="Address to bind (default: settings.api_host).")
@click.option("--port", type=int, default=None, help="Port (default: settings.api_port).")
@click.pass_context
def serve_cmd(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the REST API and the dashboard (OpenAPI docs at /docs); writes need
    settings.api_token. Only the bound address and localhost are accepted as Host unless
    api.allowed_hosts says otherwise."""
    run_server(get_settings(ctx), host, port)


def register(group: click.Group) -> None:
    group.add_command(serve_cmd)
