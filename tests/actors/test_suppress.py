"""Suppression lists (a layer drops phrases of the layers below it) and place entries
(cities coded as their country, not where a parser tags them as part of another name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from tocsin.actors import ActorResolver
from tocsin.actors.resolver import country_first
from tocsin.actors.suppress import Suppressions, read_suppress_file
from tocsin.errors import DictionaryError

BASE_ACTORS = """\
name\tsynonyms\tcode\tfrom\tto\tkind
Arnor\tArnorian\tARN\t\t\tcountry
Aragorn\tAragorn of Arnor|King Aragorn\tARNGOV\t\t\tperson
Fornost\t\tARN\t\t\tplace
"""
BASE_AGENTS = "phrase\tcode\tflags\nranger\t~MIL\t\nsteward\t~GOV\t\n"
TOP_ACTORS = "name\tsynonyms\tcode\tfrom\tto\tkind\nKing Aragorn II\t\tARNGOV\t\t\tperson\n"
SUPPRESS = """\
# a comment
phrase\tkind\tnote
Aragorn\tactor\ta bare first name
ranger\tagent\t
rangers\tagent\t
"""


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def layered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ActorResolver:
    monkeypatch.setenv("TOCSIN_CACHE_DIR", str(tmp_path / "cache"))
    _write(
        tmp_path / "base",
        {
            "manifest.toml": 'name = "base"\nactors = ["b.actors.tsv"]\nagents = ["b.agents.tsv"]\n'
            # a layer's own suppressions do not touch its own entries
            'suppress = ["b.suppress.tsv"]\n',
            "b.actors.tsv": BASE_ACTORS,
            "b.agents.tsv": BASE_AGENTS,
            "b.suppress.tsv": "phrase\tkind\nsteward\tany\n",
        },
    )
    top = _write(
        tmp_path / "top",
        {
            "manifest.toml": 'name = "top"\nextends = ["../base"]\nactors = ["t.actors.tsv"]\n'
            'suppress = ["t.suppress.tsv"]\n',
            "t.actors.tsv": TOP_ACTORS,
            "t.suppress.tsv": SUPPRESS,
        },
    )
    return ActorResolver.load(top)


def _found(resolver: ActorResolver, doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in resolver.find(doc, None)]


def test_a_layer_drops_the_phrases_of_the_layers_below(layered: ActorResolver, blank: Any) -> None:
    doc = blank("Aragorn met King Aragorn and the rangers of Arnor and a steward.")
    assert _found(layered, doc) == [
        ("King Aragorn", "ARNGOV"),  # the entry keeps its other phrases
        ("Arnor", "ARN"),
        ("steward", "---GOV"),  # the base layer's own list does not drop its own entry
    ]
    assert _found(layered, blank("King Aragorn II spoke.")) == [("King Aragorn II", "ARNGOV")]


def test_without_the_list_the_phrases_match(tmp_path: Path, blank: Any) -> None:
    base = _write(
        tmp_path / "plain",
        {"manifest.toml": 'actors = ["b.actors.tsv"]\n', "b.actors.tsv": BASE_ACTORS},
    )
    assert _found(ActorResolver.load(base), blank("Aragorn spoke.")) == [("Aragorn", "ARNGOV")]


def test_reader_kinds_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.suppress.tsv"
    path.write_text(SUPPRESS, encoding="utf-8")
    rows = read_suppress_file(path, priority=0)
    assert [(r.phrase, r.kind) for r in rows][0] == (("ARAGORN",), "actor")
    checks = Suppressions(rows)
    assert checks.drops(("ARAGORN",), "actor", 1)
    assert not checks.drops(("ARAGORN",), "actor", 0)  # same layer
    assert not checks.drops(("ARAGORN",), "agent", 1)  # an actor row leaves agents alone
    path.write_text("phrase\tkind\nAragorn\tperson\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="kind 'person'"):
        read_suppress_file(path)


def test_a_place_inside_another_name_does_not_match(layered: ActorResolver, blank: Any) -> None:
    doc = blank("Orcs attacked Fornost . The Fornost Guard replied .")
    doc.ents = [Span(doc, 5, 7, label="ORG")]  # when NER has run
    assert _found(layered, doc) == [("Fornost", "ARN")]
    # before NER: a name particle in front makes it part of a longer name
    assert _found(layered, blank("Hobbits of the Guardia de Fornost left Arnor .")) == [
        ("Arnor", "ARN")
    ]


@pytest.fixture(scope="module")
def phoenix() -> ActorResolver:
    return ActorResolver.load_named("phoenix")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written for this test: first names, a mosque, cities of today's news
        ("Abdullah was arrested .", []),
        ("Hassan and Khalid spoke .", []),
        ("King Abdullah II met him .", [("King Abdullah II", "JORGOV")]),
        ("Police entered the Al-Aqsa compound .", [("Police", "---COP")]),
        ("Drones hit Zaporizhzhia and Pokrovsk .", [("Zaporizhzhia", "UKR"), ("Pokrovsk", "UKR")]),
        ("Shelling of El Fasher and Jenin .", [("El Fasher", "SDN"), ("Jenin", "PSE")]),
        # the news spelling of a gazetteer alternate name, written beside its country
        ("Strikes on Kryvyi Rih and Nabatieh .", [("Kryvyi Rih", "UKR"), ("Nabatieh", "LBN")]),
        ("Long Island voted .", []),  # suppressed by hand: not the Bahamas
        # media and multinationals with their country first ("roles with no country")
        ("Reuters and Al Jazeera reported .", [("Reuters", "GBRMED"), ("Al Jazeera", "QATMED")]),
        ("Boeing and Toyota agreed .", [("Boeing", "USAMNC"), ("Toyota", "JPNMNC")]),
        # from `tocsin gaps`: small places and peoples of conflict news
        (
            "Drones hit Bint Jbeil and the Bari Region .",
            [("Bint Jbeil", "LBN"), ("Bari Region", "SOM")],
        ),
        ("Alawites and Afrikaners protested .", [("Alawites", "SYR"), ("Afrikaners", "ZAF")]),
        # "Indian" in US names is not India
        (
            "American Indians sued the Bureau of Indian Affairs .",
            [("American Indians", "USA"), ("Bureau of Indian Affairs", "USAGOV")],
        ),
        ("The Saeima and the Storting voted .", [("Saeima", "LVALEG"), ("Storting", "NORLEG")]),
        # a country's or city's name before a capitalised treaty noun names the treaty
        ("Chile left the Lima Convention and the Kyoto Protocol .", [("Chile", "CHL")]),
        ("Peru and Chile signed the Peru Accords .", [("Peru", "PER"), ("Chile", "CHL")]),
        ("Chile signed an agreement with Peru .", [("Chile", "CHL"), ("Peru", "PER")]),
    ],
)
def test_bundled_set(
    phoenix: ActorResolver, blank: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    import datetime as dt

    got = [(m.text, m.code) for m in phoenix.find(blank(text), dt.date(2025, 6, 1))]
    assert got == expected


def test_country_first() -> None:
    assert country_first("MNCUSAHLH") == "USAMNCHLH"
    assert country_first("MNC") == "MNC"  # no country: kept
    assert country_first("MNCXYZ") == "MNCXYZ"  # not a country code
    assert country_first("USABUS") == "USABUS"
