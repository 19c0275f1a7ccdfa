"""When the best pattern of a verb leaves the event without a source or a target, the
next matching pattern whose slots fill them is taken, so the order of equally specific
patterns in a dictionary does not decide the outcome (Docs built by hand, no model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tocsin.coding.dictionaries import Dictionaries, load_dictionaries

PRISON_FIRST = ("- * + FROM PRISON   [0841]", "- * + FROM $   [0841]")
ACTORS = (
    "name\tsynonyms\tcode\tfrom\tto\tkind\nArnor\t\tARN\t\t\tcountry\n"
    "Gondor\tGondorian|Gondorians\tGON\t\t\tcountry\n"
)

# "A Gondorian soldier was freed from Arnor after years in prison."
PASSIVE = (
    [
        "A",
        "Gondorian",
        "soldier",
        "was",
        "freed",
        "from",
        "Arnor",
        "after",
        "years",
        "in",
        "prison",
        ".",
    ],
    [2, 2, 4, 4, 4, 4, 5, 4, 7, 8, 9, 4],
    [
        "det",
        "amod",
        "nsubjpass",
        "auxpass",
        "ROOT",
        "prep",
        "pobj",
        "prep",
        "pobj",
        "prep",
        "pobj",
        "punct",
    ],
    ["DT", "JJ", "NN", "VBD", "VBN", "IN", "NNP", "IN", "NNS", "IN", "NN", "."],
    [
        "a",
        "gondorian",
        "soldier",
        "be",
        "free",
        "from",
        "Arnor",
        "after",
        "year",
        "in",
        "prison",
        ".",
    ],
)
# "Arnor freed a Gondorian soldier from prison."
ACTIVE = (
    ["Arnor", "freed", "a", "Gondorian", "soldier", "from", "prison", "."],
    [1, 1, 4, 4, 1, 1, 5, 1],
    ["nsubj", "ROOT", "det", "amod", "dobj", "prep", "pobj", "punct"],
    ["NNP", "VBD", "DT", "JJ", "NN", "IN", "NN", "."],
    ["Arnor", "free", "a", "gondorian", "soldier", "from", "prison", "."],
)


def _dictionaries(folder: Path, patterns: tuple[str, ...]) -> Dictionaries:
    verbs = (
        "####### VERB PATTERNS #######\n\n---  FREE   [---]  ---\n"
        "FREE {FREES FREED FREEING}\n" + "\n".join(patterns) + "\n\n####### END #######\n"
    )
    (folder / "manifest.toml").write_text(
        'name = "fb"\nverbs = ["fb.verbs.txt"]\nactors = ["fb.actors.tsv"]\n', encoding="utf-8"
    )
    (folder / "fb.verbs.txt").write_text(verbs, encoding="utf-8")
    (folder / "fb.actors.tsv").write_text(ACTORS, encoding="utf-8")
    return load_dictionaries(str(folder))


def _triples(
    make_doc: Any, code_doc: Any, dicts: Dictionaries, parse: tuple[list[str], ...]
) -> set[Any]:
    words, heads, deps, tags, lemmas = parse
    events = code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas), dictionaries=dicts)
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.code)
        for e in events
    }


@pytest.mark.parametrize("patterns", [PRISON_FIRST, tuple(reversed(PRISON_FIRST))])
def test_a_pattern_whose_slot_gives_the_missing_source_is_taken_in_either_order(
    make_doc: Any, code_doc: Any, tmp_path: Path, patterns: tuple[str, ...]
) -> None:
    # the passive has no "by": "FROM PRISON" gives no source; "FROM $" names Arnor
    dicts = _dictionaries(tmp_path, patterns)
    assert _triples(make_doc, code_doc, dicts, PASSIVE) == {("ARN", "GON", "0841")}


@pytest.mark.parametrize("patterns", [PRISON_FIRST, tuple(reversed(PRISON_FIRST))])
def test_a_best_pattern_whose_actors_fill_is_kept(
    make_doc: Any, code_doc: Any, tmp_path: Path, patterns: tuple[str, ...]
) -> None:
    dicts = _dictionaries(tmp_path, patterns)
    assert _triples(make_doc, code_doc, dicts, ACTIVE) == {("ARN", "GON", "0841")}


def test_no_fallback_without_a_slot_for_the_missing_role(
    make_doc: Any, code_doc: Any, tmp_path: Path
) -> None:
    # only the prison pattern: nothing names who freed the soldier, so no event
    dicts = _dictionaries(tmp_path, (PRISON_FIRST[0], "- * + AFTER   [0841]"))
    assert _triples(make_doc, code_doc, dicts, PASSIVE) == set()
