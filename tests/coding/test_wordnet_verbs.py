"""Verbs from WordNet (tocsin.wordnet.verbs.txt, written by tools/wordnet_verbs.py from a
hand-reviewed proposal list): verbs no other verb file has, with the CAMEO code of their
news sense. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tocsin.coding.dictionaries import load_dictionaries

WORDNET_FILE = "tocsin.wordnet.verbs.txt"


def _wordnet_forms() -> dict[str, list[Any]]:
    forms = load_dictionaries("phoenix").verbs.forms
    return {w: fs for w, fs in forms.items() if any(WORDNET_FILE in f.source for f in fs)}


def test_the_file_is_loaded_and_carries_the_wordnet_licence() -> None:
    found = _wordnet_forms()
    assert "IMPEACHED" in found and "STRAFES" in found
    path = next(Path(f.source.rpartition(":")[0]) for f in found["IMPEACHED"])
    files = load_dictionaries("phoenix").verbs.files
    text = Path(next(p for p in files if p.endswith(WORDNET_FILE))).read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text, path


def test_no_other_verb_file_gives_a_wordnet_verb_another_code() -> None:
    """The tool proposes only verbs no dictionary has; a verb another file adds later with
    another code would give the coder two default codes for one word. (An inflection both
    have with one code is fine: "lambasted" is LAMBASTE's in Phoenix, "lambasts" only
    LAMBAST's.)"""
    clashes = {
        word: sorted({f"{f.source} {f.code}" for f in forms})
        for word, forms in _wordnet_forms().items()
        if len({f.code for f in forms if f.code is not None or f.has_code}) > 1
    }
    assert not clashes, clashes


def test_every_wordnet_verb_has_a_code() -> None:
    assert all(f.code for forms in _wordnet_forms().values() for f in forms)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iran excoriated the United States.", ("IRN", "USA", "111")),
        ("China vilified Japan in state media.", ("CHN", "JPN", "111")),
        ("Serbia insulted Croatia.", ("SRB", "HRV", "111")),
        ("Israeli jets strafed Lebanese villages.", ("ISR", "LBN", "195")),
        ("Indian police impounded a Pakistani fishing boat.", ("IND", "PAK", "1711")),
        ("Chinese forces coerced Filipino fishermen.", ("CHN", "PHL", "170")),
        ("Kenyan workers picketed the Chinese embassy.", ("KEN", "CHN", "141")),
        ("A Kenyan court arraigned two Somali suspects.", ("KEN", "SOM", "173")),
    ],
)
def test_a_wordnet_verb_codes_its_news_sense(
    triples: Any, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(sentence), triples(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("South Korea's National Assembly impeached President Yoon Suk Yeol.", "173"),
        ("Pakistan's election commission disqualified Imran Khan.", "172"),
    ],
)
def test_a_domestic_legal_act_is_coded(triples: Any, sentence: str, code: str) -> None:
    assert any(t[2] == code and t[0] == t[1] for t in triples(sentence)), triples(sentence)
