"""CLI: ``tocsin watch SOURCE...`` polls feeds and pages and announces new alerts."""

from __future__ import annotations

import click

from tocsin.cli import get_settings


@click.command("watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default=None, metavar="DURATION",
              help="Time between rounds: 90s, 15m, 1h (default: settings watch.every_seconds).")
@click.option("--once", is_flag=True, help="Run one round and exit.")
@click.option("--webhook", default=None, metavar="URL",
              help="POST each new or escalated alert's JSON here (default: watch.webhook).")
@click.pass_context
def watch_cmd(ctx: click.Context, sources: tuple[str, ...], every: str | None, once: bool,
              webhook: str | None) -> None:
    """Poll SOURCES (feeds, pages, files, directories) on a schedule: ingest and code what is
    new, refresh the alerts, and announce each new or escalated alert once: a line on
    stdout, an entry of /alerts.atom (tocsin serve) and, with --webhook, a POST.

    State lives in the store: a restarted watcher neither refetches unchanged feeds
    (conditional GET) nor announces an alert twice. SIGTERM ends it cleanly.
    """
    from tocsin.watch import parse_every, watch

    settings = get_settings(ctx)
    interval = parse_every(every) if every is not None else None

    def log_round(report: object) -> None:
        click.echo(report.line(), err=True)  # type: ignore[attr-defined]

    watch(list(sources), settings, every=interval, once=once, webhook_url=webhook,
          on_round=log_round)


def register(group: click.Group) -> None:
    group.add_command(watch_cmd)
