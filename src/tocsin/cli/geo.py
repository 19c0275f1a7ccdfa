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
    help="Gold file: the project's sentence set (default: the bundled data/eval/geo_gold.jsonl) "
    "or an external article set converted by tools/convert_geovirus.py.",
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
    """Resolve gold place mentions and print the accuracy; print the gazetteer's load cost.

    On the project's set: country and ADM1/city accuracy; exits 1 below the floors (95%
    country, 85% ADM1/city). On an external article set: country accuracy, accuracy within
    161 km, unresolved share and AUC of the log error, beside the most-populous-candidate
    baseline. With --speed, exits 1 when geocoding + date resolution add more than 10% to
    parsing + coding time.
    """
    from bench.geo import gazetteer_cost, is_article_set
    from tocsin.nlp import load_pipeline

    settings = get_settings(ctx)
    cost = gazetteer_cost()
    click.echo(
        f"gazetteer: loaded in {cost['seconds']:.2f} s ({cost['cpu_seconds']:.2f} s CPU), "
        f"{cost['held_mb']:.0f} MB held "
        f"({cost['peak_mb']:.0f} MB at the peak of loading; process max RSS "
        f"{cost['max_rss_mb']:.0f} MB)"
    )
    nlp = load_pipeline(settings.spacy_model)
    try:
        external = gold is not None and is_article_set(gold)
    except ValueError as exc:
        raise InputError(f"{gold}: not JSON lines ({exc})") from exc
    failed = _external(nlp, gold) if external and gold else _own(nlp, gold, verbose)
    if speed_articles > 0:
        failed |= _speed(settings, speed_articles)
    if failed:
        click.echo("FAIL: below the floor", err=True)
        ctx.exit(1)


def _own(nlp: Any, gold: Path | None, verbose: bool) -> bool:
    """The project's sentence set; True when below a floor."""
    from bench.geo import ADM1_CITY_FLOOR, COUNTRY_FLOOR, load_gold, run_bench
    from tocsin.geo import Geocoder

    try:
        items = load_gold(gold)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    result = run_bench(nlp, Geocoder.load(), items)
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
    return not result.passed


def _external(nlp: Any, gold: Path) -> bool:
    """An external article set: figures beside the baseline (no floor: always False)."""
    from bench.geo import load_articles, run_articles
    from tocsin.geo import Geocoder

    try:
        articles = load_articles(gold)
    except ValueError as exc:
        raise InputError(str(exc)) from exc

    def progress(i: int, n: int) -> None:
        click.echo(f"  ... {i}/{n} articles", err=True)

    ours, base = run_articles(nlp, Geocoder.load(), articles, progress)
    a, b = ours.summary(), base.summary()
    click.echo(f"{gold.name}: {len(articles)} articles, {a['toponyms']} toponyms")
    click.echo(f"{'':24}{'tocsin':>10}{'most-populous':>16}")
    for key, label in (
        ("country_accuracy", "country accuracy"),
        ("acc161", "acc@161 km"),
        ("unresolved", "unresolved"),
        ("auc", "AUC of log error"),
    ):
        click.echo(f"{label:24}{a[key]:>10.3f}{b[key]:>16.3f}")
    click.echo(f"{'found by the finder':24}{a['found']:>10.3f}")
    return False


def _speed(settings: Any, n_articles: int) -> bool:
    """Print the enrichers' overhead; True when above the ceiling."""
    from bench.geo import OVERHEAD_CEILING, measure_overhead

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
