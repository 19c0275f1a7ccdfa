"""``tocsin gaps CORPUS``: what the dictionaries miss (thin over tocsin.coding.gaps)."""

from __future__ import annotations

import itertools
import json
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tocsin import registry
from tocsin.cli import get_settings
from tocsin.errors import InputError
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
@click.option(
    "--exclude-ids",
    "exclude_ids",
    default=None,
    type=click.Path(dir_okay=False),
    help="File of article ids to leave out, one a line (# comments allowed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def gaps_cmd(
    ctx: click.Context,
    sources: tuple[str, ...],
    top: int,
    limit: int,
    dictionaries: str | None,
    exclude_ids: str | None,
    as_json: bool,
) -> None:
    """List what the dictionaries miss in SOURCES (files, directories, URLs, feeds):
    (a) predicates linking two resolved actors in sentences that give no event, with the
    closest verb patterns; (b) capitalised subject/object names that resolve to no actor."""
    from tocsin.coding.dictionaries import load_dictionaries
    from tocsin.coding.gaps import find_gaps
    from tocsin.ingest import read_sources
    from tocsin.nlp import load_pipeline
    from tocsin.nlp.entities import NER, parse_options
    from tocsin.nlp.parse import parse_bodies

    settings = get_settings(ctx)
    dicts = load_dictionaries(dictionaries or settings.dictionaries)
    tally = _Tally(_read_ids(exclude_ids) if exclude_ids else frozenset())
    items = tally.articles(read_sources(list(sources), settings))
    articles = itertools.islice(items, limit) if limit > 0 else items
    # parsed as the coder parses (NER skipped: gaps runs it on the sentences with a name)
    options = parse_options(settings.pipeline.components)
    nlp = load_pipeline(settings.spacy_model, **options)
    ner = nlp.get_pipe(NER) if NER in options["skip"] else None
    parsed = parse_bodies(nlp, articles, batch_size=settings.batch_size)
    report = find_gaps(parsed, dicts, progress=_progress, ner=ner, batch_size=settings.batch_size)
    click.echo("", err=True)
    tally.echo(report)
    if as_json:
        click.echo(json.dumps(report.to_dict(top), indent=2, ensure_ascii=False))
        return
    click.echo(_table(report, top))


def _read_ids(path: str) -> frozenset[str]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read --exclude-ids file {path}: {exc.strerror}") from exc
    return frozenset(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))


class _Tally:
    """What the reader gave besides the articles read: excluded ids, unreadable inputs."""

    def __init__(self, excluded: frozenset[str]) -> None:
        self.excluded = excluded
        self.skipped = 0
        self.problems: list[Any] = []

    def articles(self, items: Iterable[Any]) -> Iterator[Article]:
        for item in items:
            if not isinstance(item, Article):
                self.problems.append(item)
            elif item.id in self.excluded:
                self.skipped += 1
            else:
                yield item

    def echo(self, report: GapReport) -> None:
        """One stderr line on what was not read, so nothing is left out silently."""
        parts = [f"gaps: {report.articles} articles read"]
        if self.excluded:
            parts.append(f"{self.skipped} left out by --exclude-ids")
        if report.discarded:
            parts.append(f"{report.discarded} ruled out by a discard phrase")
        if self.problems:
            parts.append(f"{len(self.problems)} inputs unreadable (first: {self.problems[0]})")
        click.echo("; ".join(parts), err=True)


def _progress(n: int) -> None:
    if n % 100 == 0:
        sys.stderr.write(f"\rgaps: {n} articles read")
        sys.stderr.flush()


def _table(report: GapReport, top: int) -> str:
    lines = [
        f"{report.articles} articles, {report.sentences} sentences; "
        f"{report.uncoded} sentences link two actors and give no event; "
        f"{report.discarded} articles ruled out by a discard phrase",
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
