"""Coverage of the bundled actor dictionaries (Phoenix with the project's files on top).

Every country and territory named in the bundled corpus resolves by its names, demonyms
and capital (the list is tests/actors/country_forms.tsv, measured by bench/actor_coverage.py);
office-holders, armed groups, IGOs and role words of 2025-26 news resolve to their CAMEO
codes on the date. Loads the dictionaries and spaCy's English tokenizer, not the model.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from importlib import resources

import pytest

from bench.actor_coverage import (
    check,
    load_forms,
    load_organisations,
    required_forms,
    resolve_form,
)
from tocsin.actors import ActorResolver

JUNE_2026 = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load_named("phoenix")


def test_every_corpus_country_resolves_by_name_demonym_and_capital(
    resolver: ActorResolver,
) -> None:
    needed, counts = required_forms()
    codes = {f.code for f in needed}
    assert len(codes) >= 180, f"only {len(codes)} countries found in the corpus"
    assert {"USA", "IRN", "UKR", "SDN", "COD", "CIV", "MMR"} <= codes
    bad = check(resolver, needed)
    assert not bad, "unresolved: " + "; ".join(f"{f.code} {f.text!r} -> {c}" for f, c in bad)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivorian", "CIV"),
        ("DR Congo", "COD"),
        ("Congolese", "COD"),
        ("Kinshasa", "CODGOV"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
        ("the Gambia", "GMB"),
        ("Emirati", "ARE"),
        ("Kyiv", "UKRGOV"),
        ("Naypyidaw", "MMRGOV"),
        ("Germans", "DEU"),
        ("Filipinos", "PHL"),
        ("Greenland", "GRL"),
        ("Puerto Rico", "PRI"),
        ("Western Sahara", "ESH"),
        ("Tigrayan", "ETH"),
        ("Baloch", "PAK"),
        ("North Kivu", "COD"),
        ("Gulf states", "PGS"),
        ("African Americans", "USA"),
        ("West African", "WAF"),
        ("Economic Community of West African States", "IGOWAFBUSWAS"),
    ],
)
def test_brief_examples(resolver: ActorResolver, text: str, code: str) -> None:
    assert resolve_form(resolver, text) == code


def test_the_check_fails_on_what_is_not_a_country(resolver: ActorResolver) -> None:
    forms = load_forms()
    wrong = [type(f)(f.code, "Qwertania", f.kind) for f in forms["FRA"][:1]]
    assert check(resolver, wrong) == [(wrong[0], None)]
    assert resolve_form(resolver, "poles") is None  # a lower-case common noun is no actor


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Friedrich Merz", "2024-06-01", "DEUOPP"),
        ("Friedrich Merz", "2026-01-01", "DEUGOV"),
        ("Mark Carney", "2025-06-01", "CANGOV"),
        ("Sanae Takaichi", "2025-12-01", "JPNGOV"),
        ("Lee Jae-myung", "2025-07-01", "KORGOV"),
        ("Ahmed al-Sharaa", "2025-06-01", "SYRGOV"),
        ("Peter Mutharika", "2025-06-01", "MWIELI"),
        ("Peter Mutharika", "2025-11-01", "MWIGOV"),
        ("Lazarus Chakwera", "2025-11-01", "MWIELI"),
        ("Sadio Camara", "2025-06-01", "MLIGOV"),
        ("Nikos Dendias", "2025-06-01", "GRCGOV"),
        ("Musalia Mudavadi", "2026-04-02", "KENGOV"),
        ("Mahmoud Ali Youssouf", "2025-06-01", "IGOAFRAU"),
        ("Moussa Faki", "2025-06-01", "TCDELI"),
        ("Volker Türk", "2026-07-03", "IGOUNO"),
        ("Nabih Berri", "2026-06-05", "LBNLEG"),
        ("Marco Rubio", "2026-01-01", "USAGOV"),
        ("Mark Rutte", "2025-06-01", "IGOWSTNAT"),
        ("Kristi Noem", "2025-06-01", "USAGOV"),
        ("Tulsi Gabbard", "2025-06-01", "USASPY"),
        ("Zohran Mamdani", "2025-06-01", "USALEG"),
        ("Zohran Mamdani", "2026-03-07", "USAGOV"),
        ("Shinzo Abe", "2020-01-01", "JPNGOV"),
        ("Shinzo Abe", "2022-01-01", "JPNELI"),
        ("Boris Johnson", "2020-06-01", "GBRGOV"),
        ("Kemi Badenoch", "2025-06-01", "GBROPP"),
        ("Sussan Ley", "2025-06-01", "AUSOPP"),
        ("Barack Obama", "2016-01-01", "USAGOV"),
        ("Barack Obama", "2020-01-01", "USAELI"),
        ("Angela Merkel", "2023-01-01", "DEUELI"),
        ("Charles Michel", "2025-01-01", "BELELI"),
        ("Angus Taylor", "2026-03-01", "AUSOPP"),
    ],
)
def test_office_holders_on_the_date(
    resolver: ActorResolver, text: str, date: str, code: str
) -> None:
    assert resolve_form(resolver, text, dt.date.fromisoformat(date)) == code


def test_armed_groups_igos_and_ngos_resolve(resolver: ActorResolver) -> None:
    groups = load_organisations()
    assert len(groups) >= 150
    bad = check(resolver, groups)
    assert not bad, "unresolved: " + "; ".join(f"{f.text!r} -> {c} (want {f.code})" for f, c in bad)


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("HTS", "2024-06-01", "SYRREBMUS"),
        ("HTS", "2025-06-01", "SYRGOV"),
        ("Rapid Support Forces", "2020-06-01", "SDNMIL"),
        ("RSF", "2025-06-01", "SDNREB"),
    ],
)
def test_groups_whose_code_changed(
    resolver: ActorResolver, text: str, date: str, code: str
) -> None:
    assert resolve_form(resolver, text, dt.date.fromisoformat(date)) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("security forces", "---MIL"),
        ("militants", "---UAF"),
        ("lawmakers", "---LEG"),
        ("prosecutors", "---JUD"),
        ("settlers", "---SET"),  # actor_roles.tsv SET, as the development set codes them
        ("coast guard", "---MIL"),
        ("junta", "---GOV"),
        ("separatists", "---SEP"),
        ("aid workers", "---NGO"),
        ("health workers", "---HLH"),
        ("hostages", "---CVL"),
        ("gang members", "---CRM"),
        ("intelligence officials", "---SPY"),
        ("gendarmes", "---COP"),
        ("deputies", "---LEG"),
        ("putschists", "---REB"),
        ("riot police", "---COP"),
    ],
)
def test_role_words_of_todays_news(resolver: ActorResolver, text: str, code: str) -> None:
    assert resolve_form(resolver, text) == code


def _project_rows() -> list[tuple[str, list[str]]]:
    folder = resources.files("tocsin") / "data" / "dictionaries" / "tocsin"
    rows: list[tuple[str, list[str]]] = []
    for path in sorted(folder.iterdir(), key=str):
        if str(path).endswith(".actors.tsv"):
            lines = [
                ln
                for ln in path.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#")
            ][1:]
            rows.extend((path.name, (ln.split("\t") + [""] * 6)[:6]) for ln in lines)
    return rows


def _ontology_codes(name: str) -> set[str]:
    text = (resources.files("tocsin") / "data" / "ontology" / name).read_text(encoding="utf-8")
    return {ln.split("\t", 1)[0] for ln in text.splitlines()[1:] if ln.strip()}


def test_project_actor_rows_are_well_formed() -> None:
    """Known code prefixes (TLS: current ISO code of Timor-Leste, CAMEO's TMP is the old
    one), ordered date ranges, one undated default per entry, no phrase in two entries."""
    known = _ontology_codes("actor_countries.tsv") | _ontology_codes("actor_roles.tsv")
    known |= {"---", "TLS"}
    undated: Counter[str] = Counter()
    owners: dict[str, set[str]] = {}
    problems: list[str] = []
    for file, (name, synonyms, code, start, end, _kind) in _project_rows():
        if code[:3] not in known:
            problems.append(f"{file}: {name}: unknown code {code}")
        if start and end and dt.date.fromisoformat(start) > dt.date.fromisoformat(end):
            problems.append(f"{file}: {name}: {start} after {end}")
        undated[name] += not start and not end
        for form in [name, *filter(None, synonyms.split("|"))]:
            owners.setdefault(form.strip().upper(), set()).add(name)
    problems += [f"{n}: {c} undated rows" for n, c in undated.items() if c > 1]
    problems += [f"{p!r} in {sorted(n)}" for p, n in owners.items() if len(n) > 1]
    assert len(undated) > 900
    assert not problems, "; ".join(problems)
