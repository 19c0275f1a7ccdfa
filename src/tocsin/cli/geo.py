"""Commands of the geo stage: ``geocode`` (candidates of a place name) and ``bench-geo``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tocsin.cli import get_settings
from tocsin.errors import InputError


@click.command("geocode")
@click.argument("name")
@click.option(
    "--context-country",
    "context",
    multiple=True,
    metavar="CODE",
    help="Country the text is about (ISO2, ISO3 or CAMEO, e.g. PAK); repeatable.",
)
@click.option("-n", "--limit", default=10, show_default=True, help="Candidates to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per candidate.")
def geocode_cmd(name: str, context: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Print the gazetteer candidates of a place NAME with their scores, best first.

    "X, Y" qualifies X ("Paris, Texas"); a type word selects divisions ("Donetsk region").
    """
    from tocsin.geo import Geocoder

    if not name.strip():
        raise InputError("empty place name")
    candidates = Geocoder.load().candidates(name, list(context) or None)[:limit]
    if not candidates:
        click.echo(f"no candidates for {name!r}")
        return
    for loc, score in candidates:
        if as_json:
            click.echo(json.dumps(loc.to_record(), ensure_ascii=False))
            continue
        where = ", ".join(x for x in (loc.adm1_name, loc.country_code) if x)
        click.echo(
            f"{score:6.2f}  {loc.level:<7} {loc.name} ({where})  "
            f"cameo={loc.cameo_country or '-'} adm1={loc.adm1_code or '-'} "
            f"lat={loc.lat:.4f} lon={loc.lon:.4f}"
            + (f" geonameid={loc.geoname_id}" if loc.geoname_id else "")
        )


@click.command("bench-geo")
@click.option(
    "--gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Gold file (default: the bundled data/eval/geo_gold.jsonl).",
)
@click.option("-v", "--verbose", is_flag=True, help="List every error.")
@click.option(
    "--speed",
    "speed_articles",
    type=int,
    default=0,
    metavar="N",
    help="Also time the geo and date enrichers on N corpus articles against "
    "parsing + coding (fails above 10% overhead).",
)
@click.pass_context
def bench_geo_cmd(
    ctx: click.Context, gold: Path | None, verbose: bool, speed_articles: int
) -> None:
    """Resolve the hand-labelled place mentions and print country and ADM1/city accuracy.

    Exits 1 when below the floors (95% country, 85% ADM1/city) or, with --speed, when
    geocoding + date resolution add more than 10% to coding time.
    """
    from tocsin.geo import Geocoder
    from tocsin.geo.bench import ADM1_CITY_FLOOR, COUNTRY_FLOOR, load_gold, run_bench
    from tocsin.nlp import load_pipeline

    settings = get_settings(ctx)
    result = run_bench(load_pipeline(settings.spacy_model), Geocoder.load(), load_gold(gold))
    click.echo(f"mentions: {result.items} (found by the mention finder: {result.found})")
    click.echo(
        f"country accuracy:   {result.country_accuracy:.1%} "
        f"({result.country_ok}/{result.items}, floor {COUNTRY_FLOOR:.0%})"
    )
    click.echo(
        f"ADM1/city accuracy: {result.fine_accuracy:.1%} "
        f"({result.fine_ok}/{result.fine_items}, floor {ADM1_CITY_FLOOR:.0%})"
    )
    for err in result.errors if verbose else result.errors[:10]:
        click.echo(
            f"  miss {err['id']} {err['mention']!r}: expected {err['expected']}, got {err['got']}"
        )
    failed = not result.passed
    if speed_articles > 0:
        failed |= _speed(settings, speed_articles)
    if failed:
        click.echo("FAIL: below the floor", err=True)
        ctx.exit(1)


def _speed(settings: Any, n_articles: int) -> bool:
    """Print the enrichers' overhead; True when above the ceiling."""
    from tocsin.geo.bench import OVERHEAD_CEILING, measure_overhead

    r = measure_overhead(settings, n_articles)
    n = r["sentences"]
    click.echo(f"speed: {r['articles']} articles, {n} sentences, {r['events']} events")
    click.echo(f"  gazetteer load (once per process): {r['gazetteer_load_s']:.2f} s")
    click.echo(
        f"  spaCy parse {1e6 * r['parse_s'] / n:8.0f} us/sentence, coding "
        f"{1e6 * r['code_s'] / n:6.0f} us/sentence"
    )
    click.echo(
        f"  geocoding   {1e6 * r['geo_s'] / n:8.1f} us/sentence, dates "
        f"{1e6 * r['date_s'] / n:6.1f} us/sentence (every doc's places: "
        f"{1e6 * r['mentions_all_docs_s'] / n:.1f} us/sentence)"
    )
    click.echo(
        f"  overhead on parse + coding: {r['overhead']:.2%} (ceiling {OVERHEAD_CEILING:.0%})"
    )
    return bool(r["overhead"] > OVERHEAD_CEILING)


def register(group: click.Group) -> None:
    group.add_command(geocode_cmd)
    group.add_command(bench_geo_cmd)
