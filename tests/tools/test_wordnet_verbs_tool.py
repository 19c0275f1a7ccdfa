"""tools/wordnet_verbs.py on a tiny hand-made database in WordNet 3.0's format: it proposes
verbs no dictionary has from a synonym or direct hypernym with one default code, and writes
reviewed rows as a verb file the coder's reader loads."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from tools.wordnet_verbs import (
    WordNetError,
    corpus_texts,
    count_verbs,
    lemma_count,
    licence_notice,
    main,
    parse_synset,
    propose,
    read_reviewed,
    read_wordnet,
)

from tocsin.coding.verbs import read_verb_file

HEADER = "  1 This software and database is being provided to you, the LICENSEE, by\n"
DATA = HEADER + """\
00000001 32 v 02 scold 0 upbraid 0 001 @ 00000003 v 0000 01 + 08 00 | censure severely
00000002 33 v 01 strafe 0 001 @ 00000004 v 0000 01 + 08 00 | attack from a low-flying plane
00000003 32 v 01 criticize 0 000 01 + 08 00 | find fault with
00000004 33 v 02 attack 0 assail 0 000 01 + 08 00 | launch an attack on
00000005 32 v 02 upbraid 0 charge 0 000 01 + 08 00 | a second, rarer sense
00000006 29 v 01 doze 0 001 @ 00000007 v 0000 01 + 02 00 | sleep lightly
00000007 29 v 01 sleep 0 000 01 + 02 00 | be asleep
"""
INDEX = HEADER + """\
assail v 1 0 1 0 00000004
attack v 1 0 1 0 00000004
charge v 1 0 1 0 00000005
criticize v 1 0 1 0 00000003
doze v 1 1 @ 1 0 00000006
scold v 1 1 @ 1 0 00000001
sleep v 1 0 1 0 00000007
strafe v 1 1 @ 1 0 00000002
upbraid v 2 1 @ 2 1 00000001 00000005
"""
EXCEPTIONS = "strofe strafe\n"
VERBS = """\
####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD

---  ATTACK   [190]  ---
ATTACK
ASSAIL

---  CHARGE   [112]  ---
CHARGE

---  CHARGE_ON   [193]  ---
CHARGE

---  CRITICIZE   [---]  ---
CRITICIZE

---  SLEEP   [---]  ---
SLEEP
"""
LICENCE = """\
Files: *
License: WordNet3.0
 Permission to use, copy, modify and distribute this database.
 .
 WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

Files: debian/*
"""


@pytest.fixture
def wordnet_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "wordnet"
    folder.mkdir()
    (folder / "data.verb").write_text(DATA, encoding="utf-8")
    (folder / "index.verb").write_text(INDEX, encoding="utf-8")
    (folder / "verb.exc").write_text(EXCEPTIONS, encoding="utf-8")
    return folder


@pytest.fixture
def dictionaries(tmp_path: Path) -> SimpleNamespace:
    path = tmp_path / "tiny.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return SimpleNamespace(form_index=read_verb_file(path).forms)


def test_a_data_line_gives_words_hypernyms_file_and_gloss() -> None:
    synset = parse_synset("00000002 33 v 01 strafe 0 001 @ 00000004 v 0000 01 + 08 00 | attack")
    assert synset.words == ("strafe",)
    assert synset.hypernyms == ("00000004",)
    assert (synset.lexname, synset.gloss) == ("competition", "attack")


def test_a_malformed_data_line_is_a_one_line_error() -> None:
    with pytest.raises(WordNetError, match="not a WordNet data line"):
        parse_synset("00000002 33 v zz strafe")


def test_verbs_no_dictionary_has_are_proposed_from_synonyms_and_hypernyms(
    wordnet_dir: Path, dictionaries: SimpleNamespace
) -> None:
    found = propose(read_wordnet(wordnet_dir), dictionaries, senses=2)
    got = {(p.lemma, p.code, p.via, p.relation, p.sense) for p in found}
    assert got == {
        ("upbraid", "111", "scold", "synonym", 1),
        ("strafe", "190", "attack", "hypernym", 1),
        ("strafe", "190", "assail", "hypernym", 1),
    }
    # not: scold (a dictionary verb), upbraid's sense 2 via CHARGE (two default codes),
    # doze via SLEEP and anything via CRITICIZE (no event by default)


def test_only_the_first_senses_are_read(wordnet_dir: Path) -> None:
    extra = VERBS + "\n---  CHARGE_ALONE   [112]  ---\n"
    dictionaries = SimpleNamespace(form_index={})
    path = wordnet_dir / "other.verbs.txt"
    path.write_text(extra.replace("---  CHARGE_ON   [193]  ---\nCHARGE\n", ""), encoding="utf-8")
    dictionaries.form_index = read_verb_file(path).forms
    wordnet = read_wordnet(wordnet_dir)
    two = {(p.lemma, p.via) for p in propose(wordnet, dictionaries, senses=2)}
    one = {(p.lemma, p.via) for p in propose(wordnet, dictionaries, senses=1)}
    assert ("upbraid", "charge") in two - one


def test_counts_by_word_forms_without_a_tagger(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "a", "text": "Jets strafed the town; they strafe it again."},
               {"id": "kept", "text": "Strafing strafing strafing."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    counts = count_verbs(corpus_texts([corpus], reserved={"kept"}), model=None)
    assert lemma_count(counts, "strafe", tagged=False) == 2
    assert lemma_count(Counter({"strafe": 5}), "strafe", tagged=True) == 5


def test_reviewed_rows_become_a_verb_file_with_the_licence(
    wordnet_dir: Path, tmp_path: Path
) -> None:
    reviewed = tmp_path / "reviewed.tsv"
    reviewed.write_text(
        "count\tlemma\tcode\tvia\trelation\tsense\tlexname\tgloss\tnote\n"
        "3\tstrafe\t195\tattack\thypernym\t1\tcompetition\tattack from a plane\taerial\n"
        "1\tupbraid\t111\tscold\tsynonym\t1\tcommunication\tcensure severely\t\n",
        encoding="utf-8",
    )
    licence = tmp_path / "copyright"
    licence.write_text(LICENCE, encoding="utf-8")
    out = tmp_path / "tocsin.wordnet.verbs.txt"
    code = main(["--wordnet", str(wordnet_dir), "write", str(reviewed),
                 "--licence", str(licence), "-o", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "# WordNet 3.0 Copyright 2006 by Princeton University." in text
    assert "Files: debian" not in text
    forms = read_verb_file(out).forms
    assert forms["STRAFED"][0].code == "195"  # the reviewer's code, not the hypernym's 190
    assert forms["STROFE"][0].code == "195"  # the irregular form of verb.exc
    assert forms["UPBRAIDS"][0].code == "111"


def test_a_lemma_reviewed_twice_is_an_error(tmp_path: Path) -> None:
    reviewed = tmp_path / "reviewed.tsv"
    reviewed.write_text("lemma\tcode\nstrafe\t195\nstrafe\t190\n", encoding="utf-8")
    with pytest.raises(WordNetError, match="reviewed twice"):
        read_reviewed(reviewed)


def test_a_licence_file_without_the_wordnet_paragraph_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "copyright"
    path.write_text("Files: *\nLicense: MIT\n", encoding="utf-8")
    with pytest.raises(WordNetError, match="License: WordNet3.0"):
        licence_notice(path)


def test_a_missing_database_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = tmp_path / "reviewed.tsv"
    reviewed.write_text("lemma\tcode\n", encoding="utf-8")
    assert main(["--wordnet", str(tmp_path / "none"), "write", str(reviewed)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("wordnet_verbs: cannot read") and "\n" not in err
