"""Commands of the batch stage: ``tocsin batch`` (Dask, to Parquet) and ``tocsin load``."""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import IO, TYPE_CHECKING, Any

import click

from tocsin.cli import get_settings

if TYPE_CHECKING:  # imported when a command runs (fast --help)
    from tocsin.batch.driver import BatchProgress, BatchReport
    from tocsin.batch.load import LoadReport


class BatchProgressPrinter:
    """Partitions done, articles/s, problems and the dashboard link, on stderr."""

    def __init__(self, stream: IO[str] | None = None, *, enabled: bool = True,
                 every: float = 5.0) -> None:
        self.stream = stream or sys.stderr
        self.enabled, self.every = enabled, every
        self._last = 0.0
        self._dashboard_shown = False

    def __call__(self, p: BatchProgress) -> None:
        if not self.enabled:
            return
        if p.dashboard and not self._dashboard_shown:
            self._dashboard_shown = True
            self._line(f"batch: Dask dashboard at {p.dashboard}")
        now = time.monotonic()
        if now - self._last < self.every and p.done < p.total:
            return
        self._last = now
        skipped = f" ({p.skipped} from an earlier run)" if p.skipped else ""
        self._line(f"batch: {p.done}/{p.total} partitions{skipped}, {p.articles} articles, "
                   f"{p.rate:.1f} articles/s, {p.problems} problems, {p.failed} failed")

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()


@click.command("batch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output directory (Parquet partitions + manifest.json).")
@click.option("--scheduler", default=None,
              help="Address of a running Dask scheduler (default: a local cluster).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster (default: the workers setting).")
@click.option("--partition-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="JSONL records (or text/HTML files) per partition.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Retries of a partition that fails.")
@click.option("--no-code", is_flag=True, help="Only read and fingerprint, do not code.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def batch_command(ctx: click.Context, sources: tuple[str, ...], out: str, scheduler: str | None,
                  workers: int | None, partition_size: int, retries: int, no_code: bool,
                  as_json: bool) -> None:
    """Code SOURCE... (JSONL, WARC, text files, directories, globs) on a Dask cluster
    into partitioned Parquet under --out; rerun to resume."""
    from tocsin.batch.driver import run_batch

    if scheduler and workers:
        raise click.UsageError("give --scheduler or --workers, not both")
    _quiet_dask(ctx)
    settings = get_settings(ctx)
    printer = BatchProgressPrinter(enabled=not ctx.find_root().params.get("quiet"))
    report = run_batch(list(sources), out, settings, scheduler=scheduler, workers=workers,
                       partition_size=partition_size, retries=retries, code=not no_code,
                       progress=printer)
    click.echo(json.dumps(_batch_dict(report), indent=1) if as_json else _batch_text(report))
    if not report.ok:
        ctx.exit(1)


def _quiet_dask(ctx: click.Context) -> None:
    if not ctx.find_root().params.get("debug"):
        for name in ("distributed", "bokeh", "tornado"):
            logging.getLogger(name).setLevel(logging.ERROR)


def _batch_dict(report: BatchReport) -> dict[str, Any]:
    return {"partitions": report.partitions, "skipped": report.skipped, "done": report.done,
            "failed": report.failed, "counts": report.counts,
            "seconds": round(report.seconds, 3), "manifest": report.manifest, "ok": report.ok}


def _batch_text(report: BatchReport) -> str:
    c = report.counts
    lines = [f"{report.partitions} partitions: {report.done} done now, {report.skipped} "
             f"already done, {len(report.failed)} failed ({report.seconds:.1f}s)",
             f"{c.get('articles', 0)} articles, {c.get('mentions', 0)} event mentions, "
             f"{c.get('events', 0)} events, {c.get('problems', 0)} problems",
             f"manifest: {report.manifest}"]
    lines += [f"failed: {name}: {why}" for name, why in sorted(report.failed.items())]
    return "\n".join(lines)


@click.command("load")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--chunk", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Articles per transaction.")
@click.option("--no-refresh", is_flag=True, help="Do not refresh identities and alerts.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def load_command(ctx: click.Context, directory: str, chunk: int, no_refresh: bool,
                 as_json: bool) -> None:
    """Bulk-load a `tocsin batch` output DIRECTORY into the store (skips what is there)."""
    from tocsin.batch.load import load_batch

    enabled = not ctx.find_root().params.get("quiet")

    def progress(r: LoadReport) -> None:
        if enabled:
            click.echo(f"load: {r.read} read, {r.stored} stored, {r.events} events, "
                       f"{r.read / max(r.seconds, 1e-9):.0f} articles/s", err=True)

    report = load_batch(directory, get_settings(ctx), chunk=chunk, refresh=not no_refresh,
                        progress=progress)
    click.echo(json.dumps(report.to_dict(), indent=1) if as_json else _load_text(report))
    if report.problems:
        ctx.exit(1)


def _load_text(r: LoadReport) -> str:
    lines = [f"{r.partitions} partitions, {r.read} articles read: {r.stored} stored "
             f"({r.near_duplicates} near-duplicates), {r.already_stored} already stored, "
             f"{r.exact_duplicates} exact duplicates; {r.events} events ({r.seconds:.1f}s)",
             f"refresh: {r.refresh}"]
    return "\n".join(lines + [f"problem: {p}" for p in r.problems])


@click.command("bench-scale")
@click.option("--store-size", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Articles in the full store (dedup benchmark).")
@click.option("--new", "new", type=click.IntRange(min=6), default=100, show_default=True,
              help="New articles ingested (dedup benchmark).")
@click.option("--articles", type=click.IntRange(min=1), default=200, show_default=True,
              help="Corpus articles coded (throughput benchmark).")
@click.option("--skip-dedup", is_flag=True, help="Skip the dedup benchmark.")
@click.option("--skip-core", is_flag=True, help="Skip tocsin code vs spaCy's full pipeline.")
@click.option("--skip-throughput", is_flag=True, help="Skip the throughput benchmark.")
@click.pass_context
def bench_scale_command(ctx: click.Context, store_size: int, new: int, articles: int,
                        skip_dedup: bool, skip_core: bool, skip_throughput: bool) -> None:
    """Ingest cost vs store size, tocsin code vs spaCy's full pipeline, and articles/s in
    1 process and on 1 and 2 Dask workers; exits 1 below a floor."""
    from bench import scale

    _quiet_dask(ctx)
    settings, ok = get_settings(ctx), True
    if not skip_dedup:
        dedup = scale.dedup_bench(settings, store_size=store_size, new=new)
        click.echo(scale.format_dedup(dedup))
        ok &= dedup.ok
    if not skip_core:
        core = scale.core_bench(settings)
        click.echo(scale.format_core(core))
        ok &= core.ok
    if not skip_throughput:
        rates = scale.throughput_bench(settings, articles=articles,
                                       progress=lambda t: click.echo(t, err=True))
        click.echo(scale.format_throughput(rates))
        ok &= rates.ok
    if not ok:
        ctx.exit(1)


def register(group: click.Group) -> None:
    group.add_command(batch_command)
    group.add_command(load_command)
    group.add_command(bench_scale_command)
