"""The PETRARCH verb dictionary reader and the pattern matcher (no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.actors.manifest import data_dir
from tocsin.coding.docview import token_keys
from tocsin.coding.matcher import SideMatcher
from tocsin.coding.ontology import Ontology
from tocsin.coding.verbs import COMPOUND, SOURCE, TARGET, parse_code, read_verb_file, regular_forms

VERBS = """\
&CURRENCY
+DOLLARS
+SWISS FRANCS
+GOLDEN_GOBLIN_GALLEONS

&NEGAUX
+DID N'T
+WILL NOT

--- GIVE  [070]  ---
GIVE {GAVE GIVEN}
+HAND_OVER {+HANDED_OVER}  [0841]
WIRE_+TRANSFER
- * &CURRENCY  [071]  # money
- &NEGAUX * [121]
- + * FROM $  [075]
- % * [064:064]
- * NOTHING  [---]

--- MEET  [040:040]  ---
MEET {MET}
"""


@pytest.fixture()
def verbs(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return read_verb_file(path)


def test_blocks_forms_and_codes(verbs) -> None:  # type: ignore[no-untyped-def]
    give = [f for f in verbs.forms["GAVE"]]
    assert give and give[0].code == "070"
    assert "GIVES" in verbs.forms and "GIVING" in verbs.forms  # regular forms generated
    [handed] = verbs.forms["HANDED"]
    assert handed.after == ("OVER",) and handed.code == "0841"
    [transfer] = [f for f in verbs.forms["TRANSFER"]]
    assert transfer.before == ("WIRE",)
    met = verbs.forms["MET"][0]
    assert (met.code, met.code2) == ("040", "040")


def test_pattern_elements(verbs) -> None:  # type: ignore[no-untyped-def]
    block = next(b for b in verbs.blocks.values() if b.name == "GIVE")
    texts = {p.text: p for p in block.patterns}
    money = texts["* &CURRENCY"]
    assert money.code == "071" and ("SWISS", "FRANCS") in money.post[0].alts
    assert ("GOLDEN", "GOBLIN", "GALLEONS") in money.post[0].alts
    neg = texts["&NEGAUX *"]
    assert ("N'T", "DID") in neg.pre[0].alts  # read outwards from the verb
    slots = texts["+ * FROM $"]
    assert slots.pre[0].kind == TARGET and slots.post[1].kind == SOURCE
    assert texts["% *"].pre[0].kind == COMPOUND and texts["% *"].code2 == "064"
    assert texts["* NOTHING"].blocks
    assert money.origin == "MONEY" and slots.origin == ""  # the comment's verb, if any


def test_parse_code() -> None:
    assert parse_code("042:043") == ("042", "043")
    assert parse_code(":173") == (None, "173")
    assert parse_code("---") == (None, None)


def test_regular_forms() -> None:
    assert {"TRY", "TRIES", "TRIED", "TRYING"} <= regular_forms("TRY")
    assert {"RELEASE", "RELEASED", "RELEASES", "RELEASING"} <= regular_forms("RELEASE")


def _seq(words: list[str]) -> tuple[list[frozenset[str]], list[int]]:
    keys = [token_keys(w.upper()) for w in words]
    return keys, list(range(len(words)))


def test_matcher_gaps_glue_and_synsets(verbs) -> None:  # type: ignore[no-untyped-def]
    block = next(b for b in verbs.blocks.values() if b.name == "GIVE")
    money = next(p for p in block.patterns if p.text == "* &CURRENCY")
    keys, seq = _seq(["a", "million", "swiss", "francs"])
    assert SideMatcher(keys, {}, seq).match(money.post, False) == 2
    keys, seq = _seq(["a", "million", "swiss", "cheeses"])
    assert SideMatcher(keys, {}, seq).match(money.post, False) == -1
    neg = next(p for p in block.patterns if p.text == "&NEGAUX *")
    keys, seq = _seq(["n't", "did", "Arnor"])  # words before the verb, nearest first
    assert SideMatcher(keys, {}, seq).match(neg.pre, True) == 2


def test_word_forms_match() -> None:
    assert token_keys("TALKS") == frozenset({"TALKS", "TALK"})  # a plural matches the singular
    assert "EXERCISES" not in token_keys("EXERCISE")  # not the other way round
    assert "ATTACK" in token_keys("ATTACKED", "ATTACK")  # verbs also by lemma
    assert "GONDOR" in token_keys("GONDOR'S")


def test_builtin_dictionaries_read() -> None:
    cameo = read_verb_file(data_dir() / "phoenix" / "CAMEO.2.0.txt")
    assert sum(len(b.patterns) for b in cameo.blocks.values()) > 4000
    assert any(f.code == "112" for f in cameo.forms["ACCUSED"])
    project = data_dir() / "tocsin" / "tocsin.verbs.txt"
    assert read_verb_file(project, cameo.synsets).blocks


def test_ontology() -> None:
    onto = Ontology.load()
    accuse = onto.get("112")
    assert accuse is not None and accuse.quad_class == 3 and accuse.plover_type == "ACCUSE"
    assert onto.get("0431") is not None  # walks up to the parent code
    assert onto.get("xyz") is None
