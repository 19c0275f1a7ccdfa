"""``tocsin code`` and ``tocsin bench``: thin wrappers over tocsin.coding."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

import click

from tocsin import registry
from tocsin.cli import get_settings
from tocsin.errors import InputError

DEFAULT_FACTUALITY = "asserted,intended"


@click.command("code")
@click.argument("input_path", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", default=None, help="Output JSONL (default: stdout).")
@click.option("--text", default=None, help="Code this text and print a table of events.")
@click.option("--date", default=None, help="Story date (ISO) for --text.")
@click.option("--dictionaries", default=None,
              help=f"Dictionary set: {', '.join(registry.dictionaries.choices())}, or a directory "
                   "(with a manifest.toml, or PETRARCH-format files).")
@click.option("--factuality", default=DEFAULT_FACTUALITY, show_default=True,
              help="Which events go to the JSONL output (comma list, or 'all').")
@click.option("--no-enrich", is_flag=True, help="Skip the geo and date enrichers.")
@click.pass_context
def code_cmd(ctx: click.Context, input_path: str | None, output: str | None, text: str | None,
             date: str | None, dictionaries: str | None, factuality: str, no_enrich: bool) -> None:
    """Code INPUT.jsonl (records with id, text, date, title, options) into events,
    one output line per record; or code --text and print a readable table."""
    from tocsin.coding.runner import code_jsonl
    from tocsin.pipeline import Coder

    settings = get_settings(ctx)
    if text is None and input_path is None:
        raise InputError("give INPUT.jsonl or --text")
    coder = Coder(settings, dictionaries=dictionaries, enrich=not no_enrich)
    if text is not None:
        events = coder.code_text(text, date=date)
        click.echo(events_table(events))
        return
    keep = None if factuality == "all" else {f.strip() for f in factuality.split(",") if f.strip()}
    with contextlib.ExitStack() as stack:
        src = sys.stdin if input_path == "-" else stack.enter_context(
            open(input_path, encoding="utf-8"))  # type: ignore[arg-type]
        out = sys.stdout if not output or output == "-" else stack.enter_context(
            open(output, "w", encoding="utf-8"))
        n_rec, n_ev = code_jsonl(coder, src, out, keep=keep, progress=_progress)
    click.echo(f"coded {n_rec} records, {n_ev} events", err=True)


def _progress(done: int, total: int | None) -> None:
    if done % 200 == 0:
        click.echo(f"  {done} records coded", err=True)


@click.command("bench")
@click.option("--eval-dir", default=None, type=click.Path(file_okay=False),
              help="Folder with the gold sets and score.py (default: ../shared/eval).")
@click.option("--articles", default=300, show_default=True, help="Corpus articles to time.")
@click.option("--skip-accuracy", is_flag=True, help="Only time the coder.")
@click.option("--skip-speed", is_flag=True, help="Only score the gold sets.")
@click.option("--skip-gaps", is_flag=True, help="Do not time tocsin gaps on the corpus sample.")
@click.pass_context
def bench_cmd(ctx: click.Context, eval_dir: str | None, articles: int, skip_accuracy: bool,
              skip_speed: bool, skip_gaps: bool) -> None:
    """Score the gold sets and time the coder; exit 1 below the floors."""
    import bench.coding as bench

    settings = get_settings(ctx)
    failures: list[str] = []
    if not skip_accuracy:
        directory = Path(eval_dir) if eval_dir else bench.default_eval_dir()
        if not (directory / "score.py").is_file():
            click.echo(f"accuracy: skipped ({directory}/score.py not found)", err=True)
        else:
            for line, failed in bench.run_accuracy(settings, directory):
                click.echo(line)
                failures.extend(failed)
    if not skip_speed:
        report: dict[str, Any] = bench.run_speed(settings, n_articles=articles)
        for line in bench.format_speed(report):
            click.echo(line)
        failures.extend(bench.speed_failures(report))
        failures.extend(_enrichment_overhead(settings, articles))
        if not skip_gaps:
            directory = Path(eval_dir) if eval_dir else bench.default_eval_dir()
            gaps = bench.run_gaps(directory / "reserved_ids.txt")
            click.echo(bench.format_gaps(gaps))
            failures.extend(bench.gaps_failures(gaps))
    for failure in failures:
        click.echo(f"FAIL {failure}", err=True)
    if failures:
        ctx.exit(1)
    click.echo("all floors met")


ENRICH_CEILING = 0.10  # geocoding + dates may add at most 10% to parse + coding


def _enrichment_overhead(settings: Any, articles: int) -> list[str]:
    """Time the geo and date enrichers against parse + coding; a failure line if too slow."""
    from bench.geo import measure_overhead

    r = measure_overhead(settings, articles)
    n = r["sentences"]
    click.echo(f"geo + dates       : {1e6 * (r['geo_s'] + r['date_s']) / n:9.0f} us/sentence "
               f"(+{100 * r['overhead']:.1f}% on parse + coding; gazetteer load "
               f"{r['gazetteer_load_s']:.1f} s once per process)")
    if r["overhead"] > ENRICH_CEILING:
        return [f"geo + dates add {100 * r['overhead']:.1f}% > {100 * ENRICH_CEILING:.0f}%"]
    return []


def events_table(events: list[Any]) -> str:
    """A readable table of events with the rules that fired."""
    if not events:
        return "no events"
    lines = [f"{'sent':>4}  {'source':<12} {'target':<12} {'code':<5} {'factuality':<12} {'name'}"]
    for e in events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        lines.append(f"{e.sentence_index:>4}  {src:<12} {tgt:<12} {e.code:<5} "
                     f"{e.factuality.value:<12} {e.name or ''} ({e.plover_type or '-'}, "
                     f"Goldstein {e.goldstein})")
        source = e.source.text if e.source else "-"
        target = e.target.text if e.target else "-"
        lines.append(f"      trigger: {e.trigger!r}; source {source!r}, target {target!r}")
        if e.location is not None or e.date is not None:
            from tocsin.geo import format_location
            from tocsin.temporal import format_date

            lines.append(f"      where: {format_location(e.location)}")
            lines.append(f"      when: {format_date(e.date)}")
        for rule in e.rules:
            lines.append(f"      why: {rule}")
    return "\n".join(lines)


def register(group: click.Group) -> None:
    group.add_command(code_cmd)
    group.add_command(bench_cmd)


__all__ = ["register"]
