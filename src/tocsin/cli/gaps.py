"""``tocsin gaps CORPUS``: what the dictionaries miss (thin over tocsin.coding.gaps)."""

from __future__ import annotations

import itertools
import json
import sys
import textwrap
from typing import TYPE_CHECKING

import click

from tocsin import registry
from tocsin.cli import get_settings
from tocsin.models import Article

if TYPE_CHECKING:
    from tocsin.coding.gaps import GapReport


@click.command("gaps")
@click.argument("sources", nargs=-1, required=True)
@click.option("--top", default=20, show_default=True, help="Rows of each list.")
@click.option("--limit", default=0, help="Read at most this many articles (0: all).")
@click.option(
    "--dictionaries",
    default=None,
    help=f"Dictionary set: {', '.join(registry.dictionaries.choices())}, or a directory.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def gaps_cmd(
    ctx: click.Context,
    sources: tuple[str, ...],
    top: int,
    limit: int,
    dictionaries: str | None,
    as_json: bool,
) -> None:
    """List what the dictionaries miss in SOURCES (files, directories, URLs, feeds):
    (a) predicates linking two resolved actors in sentences that give no event, with the
    closest verb patterns; (b) capitalised subject/object names that resolve to no actor."""
    from tocsin.coding.dictionaries import load_dictionaries
    from tocsin.coding.gaps import find_gaps
    from tocsin.ingest import read_sources
    from tocsin.nlp import load_pipeline
    from tocsin.nlp.parse import parse_articles

    settings = get_settings(ctx)
    dicts = load_dictionaries(dictionaries or settings.dictionaries)
    items = (a for a in read_sources(list(sources), settings) if isinstance(a, Article))
    articles = itertools.islice(items, limit) if limit > 0 else items
    nlp = load_pipeline(settings.spacy_model)
    parsed = ((p.article, p.body) for p in parse_articles(nlp, articles))
    report = find_gaps(parsed, dicts, progress=_progress)
    click.echo("", err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(top), indent=2, ensure_ascii=False))
        return
    click.echo(_table(report, top))


def _progress(n: int) -> None:
    if n % 100 == 0:
        sys.stderr.write(f"\rgaps: {n} articles read")
        sys.stderr.flush()


def _table(report: GapReport, top: int) -> str:
    lines = [
        f"{report.articles} articles, {report.sentences} sentences; "
        f"{report.uncoded} sentences link two actors and give no event",
        "",
        "(a) predicates linking two actors, no event",
        f"{'count':>5}  {'predicate':<24} closest pattern",
    ]
    for gap in report.top("predicates", top):
        lines.append(f"{gap.count:>5}  {gap.key:<24} {gap.detail[0] if gap.detail else '-'}")
        lines.extend(_examples(gap.examples))
    lines += [
        "",
        "(b) names in subject/object position that resolve to no actor",
        f"{'count':>5}  {'name':<32} entity",
    ]
    for gap in report.top("names", top):
        lines.append(f"{gap.count:>5}  {gap.key:<32} {', '.join(gap.detail) or '-'}")
        lines.extend(_examples(gap.examples))
    return "\n".join(lines)


def _examples(examples: list[str]) -> list[str]:
    return ["       " + textwrap.shorten(f"e.g. {e}", 150, placeholder=" ...") for e in examples]


def register(group: click.Group) -> None:
    group.add_command(gaps_cmd)


__all__ = ["register"]
