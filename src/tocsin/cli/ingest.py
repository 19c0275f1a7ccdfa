"""Commands of the ingest/store stage: ingest, articles, db, recode, demo."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import sys
import time
from collections.abc import Sequence
from contextlib import ExitStack
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from tocsin import registry
from tocsin.cli import get_settings
from tocsin.models import Article
from tocsin.settings import Settings

if TYPE_CHECKING:  # the pipeline and store are imported when a command runs (fast --help)
    from tocsin.pipeline import IngestReport, Progress
    from tocsin.store import Store

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict", None: "unknown"}
SAMPLE_SUFFIXES = (".txt", ".jsonl", ".html", ".warc", ".gz")


# -- progress -------------------------------------------------------------------------


class ProgressPrinter:
    """Progress on stderr: one rewritten line on a terminal, else a line every N seconds."""

    def __init__(self, stream: IO[str] | None = None, *, every: float = 10.0,
                 enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = 0.2 if self.tty else every
        self.enabled = enabled
        self._last: float | None = None
        self._open_line = False

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or (self._last is not None and now - self._last < self.every):
            return
        self._last = now
        self._write(self.format(p))

    @staticmethod
    def format(p: Progress) -> str:
        rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
        if p.stage == "ingest":
            return (f"ingest: {p.done} read, {p.stored} stored, {p.problems} problems, "
                    f"{rate:.0f} articles/s")
        total = f"/{p.total}" if p.total else ""
        return f"coding: {p.done}{total} articles, {p.stored} events, {rate:.1f} articles/s"

    def _write(self, line: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + line)
            self._open_line = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._open_line:
            self.stream.write("\n")
            self.stream.flush()
            self._open_line = False


def _progress_printer(ctx: click.Context) -> ProgressPrinter:
    return ProgressPrinter(enabled=not ctx.find_root().params.get("quiet"))


# -- summaries ------------------------------------------------------------------------


def format_report(report: IngestReport) -> list[str]:
    """The human summary of an ingest: counts, each duplicate and problem explained."""
    lines = [
        f"read {report.read} articles in {report.ingest_seconds:.1f} s",
        f"stored {report.stored} new articles ({report.already_stored} already stored)",
    ]
    if report.exact_duplicates:
        lines.append(f"skipped {len(report.exact_duplicates)} exact duplicates "
                     "(same text as a stored article):")
        lines += [f"  {d.article_id} = {d.original_id}" for d in report.exact_duplicates]
    if report.near_duplicates:
        lines.append(f"flagged {len(report.near_duplicates)} near-duplicates "
                     "(stored, linked to their original):")
        lines += [f"  {d.article_id} ~ {d.original_id} (overlap {d.score:.2f})"
                  for d in report.near_duplicates]
    if report.coding == "done":
        lines.append(f"coded {report.coded} articles: {report.events} events "
                     f"in {report.coding_seconds:.1f} s")
    if report.problems:
        lines.append(f"{len(report.problems)} problems:")
        lines += [f"  {p}" for p in report.problems]
    else:
        lines.append("no problems")
    return lines


def _finish(ctx: click.Context, report: IngestReport, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        for line in format_report(report):
            click.echo(line)
    if not report.ok:
        ctx.exit(1)


def _run_ingest(ctx: click.Context, sources: Sequence[str], code: bool,
                kind: str | None = None) -> IngestReport:
    from tocsin import pipeline

    settings = get_settings(ctx)
    printer = _progress_printer(ctx)
    reader = None
    if kind is not None:
        from tocsin.ingest import read_sources

        reader = functools.partial(read_sources, kind=kind)
    try:
        return pipeline.ingest(list(sources), settings, code=code, progress=printer,
                               reader=reader)
    finally:
        printer.close()


def _read_formats() -> list[str]:
    """The registered readers of a content format (url and directory read sources)."""
    return [k for k in registry.readers.choices() if k not in ("url", "directory")]


# -- commands -------------------------------------------------------------------------


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--no-code", is_flag=True, help="Only store the articles; do not code events.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--format", "kind", type=click.Choice(_read_formats()), default=None,
              help="Read every file (and URL) as this format, not by its extension.")
@click.pass_context
def ingest_cmd(ctx: click.Context, sources: tuple[str, ...], no_code: bool,
               as_json: bool, kind: str | None) -> None:
    """Read SOURCES (files, directories, URLs, feeds, JSONL, WARC), store new articles
    and code them. Exits 1 if any item could not be read."""
    report = _run_ingest(ctx, sources, code=not no_code, kind=kind)
    _finish(ctx, report, as_json)


def _to_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _article_json(article: Article, events: list[Any] | None = None) -> dict[str, Any]:
    rec = dataclasses.asdict(article)
    rec["date"] = article.date.isoformat() if article.date else None
    if events is not None:
        rec["events"] = events
    return rec


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[Article]) -> list[str]:
    out = [f"{'id':<40} {'date':<10} {'source':<22} title"]
    for a in rows:
        flag = f" [near-dup of {a.near_dup_of}]" if a.near_dup_of else ""
        out.append(f"{_short(a.id, 40):<40} {a.date or ''!s:<10} "
                   f"{_short(a.source, 22):<22} {_short(a.title or a.text, 70)}{flag}")
    return out


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]),
                      default="table", show_default=True, help="Output format.")


@click.group("articles", invoke_without_command=True)
@click.option("--source", default=None, help="Only articles from this source (site) name.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Published on or before this date (YYYY-MM-DD).")
@click.option("--search", default=None, help="Text that title or body must contain.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@FORMAT
@click.pass_context
def articles_cmd(ctx: click.Context, source: str | None, since: dt.datetime | None,
                 until: dt.datetime | None, search: str | None, limit: int, fmt: str) -> None:
    """List stored articles, newest first (filters combine); `articles show ID` shows one."""
    from tocsin.store import Store

    if ctx.invoked_subcommand is not None:
        return
    with Store.open(get_settings(ctx)) as store:
        rows = store.search_articles(source=source, since=_to_date(since),
                                     until=_to_date(until), text=search, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([_article_json(a) for a in rows], indent=2, ensure_ascii=False))
        return
    for line in _table(rows):
        click.echo(line)
    click.echo(f"({len(rows)} shown)", err=True)


@articles_cmd.command("show")
@click.argument("article_id")
@FORMAT
@click.pass_context
def articles_show(ctx: click.Context, article_id: str, fmt: str) -> None:
    """Show one article: metadata, text and its coded events."""
    from tocsin.store import Store

    with Store.open(get_settings(ctx)) as store:
        article = store.get_article(article_id)
        events = [(i, e) for i, e in store.iter_events(article_id=article_id)]
    if fmt == "json":
        recs = [{"id": i, **e.to_record()} for i, e in events]
        click.echo(json.dumps(_article_json(article, recs), indent=2, ensure_ascii=False))
        return
    for name in ("id", "title", "date", "dateline", "source", "author", "url", "origin",
                 "language", "license", "near_dup_of", "near_dup_score"):
        value = getattr(article, name)
        if value is not None:
            click.echo(f"{name + ':':<16}{value}")
    click.echo("")
    click.echo(article.text)
    click.echo("")
    click.echo(f"{len(events)} events")
    for i, e in events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        click.echo(f"  #{i} [{e.sentence_index}] {src} -> {tgt} {e.code} {e.name or ''} "
                   f"({e.factuality.value}): {_short(e.sentence, 90)}")


@click.group("db")
def db_cmd() -> None:
    """Database maintenance."""


@db_cmd.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Create the database or upgrade its schema to this version of tocsin."""
    from tocsin.store import Store

    settings = get_settings(ctx)
    with Store.open(settings, upgrade=False) as store:
        before, after = store.upgrade()
        url = store.url
    if before == after:
        click.echo(f"{url}: already at revision {after}")
    else:
        click.echo(f"{url}: upgraded from {before or 'empty'} to revision {after}")


@click.command("recode")
@click.argument("ids", nargs=-1)
@click.pass_context
def recode_cmd(ctx: click.Context, ids: tuple[str, ...]) -> None:
    """Re-code stored articles (all, or the given IDS), replacing their events
    (e.g. after a dictionary change)."""
    from tocsin import pipeline

    printer = _progress_printer(ctx)
    try:
        result = pipeline.recode(get_settings(ctx), list(ids) or None, progress=printer)
    finally:
        printer.close()
    click.echo(f"re-coded {result.coded} articles: {result.events} events "
               f"in {result.seconds:.1f} s")
    if result.problems:
        click.echo(f"{len(result.problems)} problems:")
        for problem in result.problems:
            click.echo(f"  {problem}")
        ctx.exit(1)


def sample_files(directory: Path) -> list[Path]:
    """The bundled sample sources (seed article and corpora), in a stable order."""
    return sorted(p for p in directory.iterdir()
                  if p.is_file() and p.name.endswith(SAMPLE_SUFFIXES))


def demo_summary(store: Store, report: IngestReport) -> list[str]:
    """The demo's closing summary: what is in the database now."""
    lines = [f"database: {store.url}",
             (f"articles stored: {store.count_articles()} "
              f"({store.count_articles(near_dups=True)} flagged as near-duplicates)")]
    if report.coding != "done" and not store.count_events():
        return lines
    total, counting = store.count_events(), store.count_events(counts_only=True)
    lines.append(f"events: {total} ({counting} asserted or intended, used in analyses)")
    quads = store.events_by_quad_class()
    for qc in sorted(quads, key=lambda q: (q is None, q or 0)):
        lines.append(f"  quad class {qc or '?'} {QUAD_CLASSES.get(qc, '?'):<21} {quads[qc]:>7}")
    dyads = store.top_dyads(10)
    if dyads:
        lines.append("top dyads (source -> target: events):")
        lines += [f"  {s} -> {t}: {n}" for s, t, n in dyads]
    return lines + _warning_bells(store)


def _warning_bells(store: Store) -> list[str]:
    """Top conflict alerts and unbalanced triads: the demo's early-warning view."""
    from tocsin import analysis

    lines: list[str] = []
    found = analysis.alerts(store, top=5, direction="conflict", recompute=True, distinct=True)
    if found:
        lines.append("top conflict alerts (evidence: tocsin alerts):")
        lines += [f"  {a.subject:<9} {a.period_start}..{a.period_end} [{a.kind}] "
                  f"score {a.score:.1f}"
                  for a in found]
    unbalanced = analysis.triads(store, top=3)
    if unbalanced:
        lines.append("unbalanced triads (tocsin triads):")
        lines += [f"  {'-'.join(t.actors)} {t.pattern} {t.label}, score {t.score:.1f}"
                  for t in unbalanced]
    return lines


@click.command("demo")
@click.option("--no-code", is_flag=True, help="Only ingest the sample data.")
@click.option("--no-serve", is_flag=True, help="Do not serve the dashboard afterwards.")
@click.pass_context
def demo_cmd(ctx: click.Context, no_code: bool, no_serve: bool) -> None:
    """Ingest and code the bundled sample data (seed article and two news corpora),
    print a summary, then serve the dashboard at a printed localhost URL until Ctrl-C
    (``--no-serve`` skips that). Running it again adds nothing."""
    from tocsin.store import Store

    settings: Settings = get_settings(ctx)
    with ExitStack() as stack:
        samples = stack.enter_context(resources.as_file(resources.files("tocsin") / "data"
                                                        / "samples"))
        files = [str(p) for p in sample_files(Path(samples))]
        click.echo(f"ingesting {len(files)} bundled sample files", err=True)
        report = _run_ingest(ctx, files, code=not no_code)
    for line in format_report(report):
        click.echo(line)
    click.echo("")
    with Store.open(settings) as store:
        for line in demo_summary(store, report):
            click.echo(line)
    if not report.ok:
        ctx.exit(1)
    if not no_serve:
        from tocsin.cli.serve import run_server

        run_server(settings)


def register(group: click.Group) -> None:
    """Add this stage's commands to the ``tocsin`` group."""
    for command in (ingest_cmd, articles_cmd, db_cmd, recode_cmd, demo_cmd):
        group.add_command(command)
