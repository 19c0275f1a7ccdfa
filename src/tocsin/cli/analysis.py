"""CLI: events, dyad, alerts, triads, export, bench-queries (thin over tocsin.analysis)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from tocsin import registry
from tocsin.cli import get_settings

if TYPE_CHECKING:  # scipy, ruptures, SQLAlchemy: imported when a command runs (fast --help)
    from tocsin import analysis
    from tocsin.store import Store

EVENT_COLUMNS = ("id", "article_date", "event_date", "source_code", "target_code", "code",
                 "quad_class", "goldstein", "factuality", "identity_id", "sentence")


def _store(ctx: click.Context) -> Store:
    from tocsin.store import Store

    return Store.open(get_settings(ctx))


def _cell(value: Any, width: int = 60) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """A plain aligned text table."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else list(columns))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(table(rows, columns))


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                      default="table", show_default=True, help="Output format.")


@click.command("events")
@click.option("--actor", help="Actor code as source or target (RUS, or a prefix like RUSMIL).")
@click.option("--dyad", nargs=2, metavar="A B",
              help="Events between two actors (either direction).")
@click.option("--code", help="CAMEO event code prefix (042, 19).")
@click.option("--root", help="CAMEO root code (two digits).")
@click.option("--plover", help="PLOVER event type (CONSULT, ASSAULT, ...).")
@click.option("--quad", type=int, help="Quad class 1-4.")
@click.option("--factuality", help="asserted, alleged, negated, intended or hypothetical.")
@click.option("--since", help="First date (YYYY-MM-DD; event date, else article date).")
@click.option("--until", help="Last date (YYYY-MM-DD).")
@click.option("--place", help="Place name (substring) or country code of the event location.")
@click.option("--search", help="Text in the evidence sentence.")
@click.option("--counts-only", is_flag=True, help="Only asserted and intended events.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0, show_default=True)
@FORMAT
@click.pass_context
def events_cmd(ctx: click.Context, fmt: str, limit: int, offset: int, dyad: tuple[str, str],
               **filters: Any) -> None:
    """List stored events (mentions) matching the filters."""
    from tocsin import analysis

    f = analysis.make_filters(dyad=dyad or None, **filters)
    rows = analysis.events(_store(ctx), f, limit=limit, offset=offset)
    _emit(rows, fmt, EVENT_COLUMNS)


SERIES_COLUMNS = ("period", "events", "mentions", "conflict", "cooperation", "goldstein_sum",
                  "goldstein_mean", "cc_index", "volume", "share")


def _series_rows(series: analysis.Series) -> list[dict[str, Any]]:
    rows = []
    for p in series.points:
        rec = p.to_record()
        for k in ("goldstein_mean", "cc_index", "share", "conflict_share",
                  "goldstein_per_event_of_volume"):
            if rec[k] is not None:
                rec[k] = round(rec[k], 4)
        rows.append(rec)
    return rows


@click.command("dyad")
@click.argument("a")
@click.argument("b", required=False)
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month",
              show_default=True)
@click.option("--directed", is_flag=True, help="Only events from A to B.")
@click.option("--roles", is_flag=True, help="Break each period down by source/target role.")
@click.option("--since", help="First date (YYYY-MM-DD).")
@click.option("--until", help="Last date (YYYY-MM-DD).")
@FORMAT
@click.pass_context
def dyad_cmd(ctx: click.Context, a: str, b: str | None, by: str, directed: bool, roles: bool,
             since: str | None, until: str | None, fmt: str) -> None:
    """Series of the dyad A B (or of actor A alone): counts, Goldstein, normalised."""
    from tocsin import analysis

    series = analysis.series(_store(ctx), a, b, by=by, directed=directed, roles=roles,
                             since=since, until=until)
    if fmt == "json":
        click.echo(json.dumps(series.to_record(), indent=1))
        return
    cols = SERIES_COLUMNS + (("source_role", "target_role") if roles else ())
    _emit(_series_rows(series), fmt, cols)
    if fmt == "table":
        click.echo(f"{series.subject}: {series.total_events} events by {by}")


def _print_alert(rec: dict[str, Any]) -> None:
    click.echo(f"#{rec['id']} [{rec['kind']}] {rec['subject']} {rec['direction']} "
               f"{rec['period_start']}..{rec['period_end']} score {rec['score']:.2f}")
    if rec.get("explanation"):
        click.echo(f"  {rec['explanation']}")
    for ev in rec.get("evidence", []):
        where = ev.get("source_name") or ev.get("url") or ev.get("article_id")
        click.echo(f"    {ev['day']} {ev['source_code']}->{ev['target_code']} {ev['code']} "
                   f"x{ev['num_mentions']}: {_cell(ev['sentence'], 140)} ({_cell(where, 50)})")


@click.command("alerts")
@click.option("--recompute", is_flag=True,
              help="Refresh identities and rescan alerts first (ingest keeps them current).")
@click.option("--current", is_flag=True, help="Only alerts active in the latest weeks of data.")
@click.option("--top", type=int, default=10, show_default=True, help="How many alerts.")
@click.option("--direction", type=click.Choice(["conflict", "cooperation"]))
@click.option("--kind", type=click.Choice(registry.detectors.choices()),
              help="Only alerts of this detector.")
@click.option("--subject", help="Only this subject (RUS or IND-PAK).")
@click.option("--all", "show_all", is_flag=True,
              help="Also alerts that overlap a better one on the same actor and time.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def alerts_cmd(ctx: click.Context, recompute: bool, current: bool, top: int,
               direction: str | None, kind: str | None, subject: str | None, show_all: bool,
               fmt: str) -> None:
    """Stored alerts with the events that drove them: dyads first, best score first."""
    from tocsin import analysis

    store = _store(ctx)
    found = analysis.alerts(store, top=top, direction=direction, kind=kind, subject=subject,
                            recompute=recompute, rules=get_settings(ctx).alerts,
                            distinct=not show_all, current=current)
    recs = [analysis.alert_record(a, analysis.alert_evidence(store, a)) for a in found]
    if fmt == "json":
        click.echo(json.dumps(recs, ensure_ascii=False, indent=1))
        return
    if not recs:
        click.echo("no alerts (ingest and code some news first)")
    for rec in recs:
        _print_alert(rec)


@click.command("triads")
@click.option("--window", help="START:END dates (YYYY-MM-DD:YYYY-MM-DD, either side may be empty).")
@click.option("--compare", help="A second window START:END: list triads whose balance changed.")
@click.option("--min-events", type=int, default=3, show_default=True, help="Events per edge.")
@click.option("--all", "show_all", is_flag=True, help="Balanced triads too.")
@click.option("--top", type=int, default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def triads_cmd(ctx: click.Context, window: str | None, compare: str | None, min_events: int,
               show_all: bool, top: int, fmt: str) -> None:
    """Unbalanced triads of the signed actor network (or shifts between two windows)."""
    from tocsin import analysis
    from tocsin.analysis.triads import window as parse_window

    store = _store(ctx)
    w1 = parse_window(window)
    if compare:
        shifts = analysis.triad_shifts(store, w1, parse_window(compare), min_events=min_events)
        recs = [s.to_record() for s in shifts[:top]]
        if fmt == "json":
            click.echo(json.dumps(recs, indent=1))
        for s in shifts[:top] if fmt == "text" else []:
            t = s.after or s.before
            click.echo(f"{'-'.join(s.actors)}: {s.change} (now {t.pattern if s.after else 'gone'})")  # type: ignore[union-attr]
        return
    found = analysis.triads(store, *w1, min_events=min_events, unbalanced_only=not show_all,
                            top=top)
    if fmt == "json":
        click.echo(json.dumps([t.to_record() for t in found], indent=1))
        return
    for t in found:
        edges = ", ".join(f"{e.a}-{e.b} {'+' if e.sign > 0 else '-'} "
                          f"({e.events} ev, mean {e.mean:+.2f})" for e in t.edges)
        click.echo(f"{'-'.join(t.actors)} {t.pattern} {t.label}; score {t.score:.2f}: {edges}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(registry.exporters.choices()),
              required=True, help="gdelt/plover: one row per event; parquet/csv: the events table.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Output file.")
@click.option("--header", is_flag=True, help="GDELT: write a header line (GDELT files have none).")
@click.option("--all", "all_events", is_flag=True,
              help="gdelt/plover: also events that do not count.")
@click.option("--since", help="First date (gdelt/plover).")
@click.option("--until", help="Last date (gdelt/plover).")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: str, header: bool, all_events: bool,
               since: str | None, until: str | None) -> None:
    """Export events as GDELT 2.0, PLOVER JSON lines, Parquet or CSV."""
    from tocsin import analysis

    n = analysis.export(_store(ctx), fmt, output, header=header, all_events=all_events,
                        since=since, until=until)
    click.echo(f"wrote {n} rows to {output} ({fmt})")


@click.command("bench-queries")
@click.option("--events", "n_events", type=int, default=1_000_000, show_default=True)
@click.option("--runs", type=int, default=30, show_default=True, help="Timed runs per query.")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--reuse", is_flag=True, help="Reuse the benchmark database if it has the events.")
@click.pass_context
def bench_queries_cmd(ctx: click.Context, n_events: int, runs: int, seed: int, reuse: bool) -> None:
    """Generate N synthetic events and time dyad series, event search and alert scan.

    Uses --database-url (root option) when given, else data_dir/bench-queries.db.
    """
    from bench import queries as bench

    settings = get_settings(ctx)
    report = bench.run(settings, n_events=n_events, runs=runs, seed=seed, reuse=reuse,
                       progress=lambda msg: click.echo(msg, err=True))
    click.echo(bench.format_report(report))


@click.command("bench-alerts")
@click.option("--episodes", type=click.Path(exists=True, dir_okay=False),
              help="Episode list (TSV: dyad, start, end, description); default bench/episodes.tsv.")
@click.pass_context
def bench_alerts_cmd(ctx: click.Context, episodes: str | None) -> None:
    """Recall of the crisis episodes in the top 10/20 stored conflict alerts; exits 1 below
    the floors (recall@20 >= 0.8, no single-article alert, none over 26 weeks)."""
    from pathlib import Path

    from bench import alerts as bench
    from tocsin import analysis

    found = analysis.alerts(_store(ctx), top=20, direction="conflict")
    report = bench.measure(found, bench.read_episodes(Path(episodes) if episodes
                                                      else bench.EPISODES))
    for line in report.lines():
        click.echo(line)
    if not report.ok:
        raise SystemExit(1)


def register(group: click.Group) -> None:
    for cmd in (events_cmd, dyad_cmd, alerts_cmd, triads_cmd, export_cmd, bench_queries_cmd,
                bench_alerts_cmd):
        group.add_command(cmd)
