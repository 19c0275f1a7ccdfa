"""Verb patterns choose the code, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.coding.context import DocContext
from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.verbmatch import match_verb
from tocsin.models import Event

SIGN = (
    ["Gondor", "signed", "an", "agreement", "with", "Rohan", "."],
    [1, 1, 3, 1, 3, 4, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
    ["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
)


def test_a_pattern_gives_a_verb_without_a_default_its_code(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(*SIGN, lemmas=["Gondor", "sign", "an", "agreement", "with", "Rohan", "."])
    events = code_doc(doc)
    assert [(e.source.code, e.target.code, e.code) for e in events if e.source and e.target] == [
        ("GON", "ROH", "057")
    ]
    assert any("AGREEMENT WITH" in r for r in events[0].rules)


def test_no_pattern_and_no_default_code_is_no_event(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "signed", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
        lemmas=["Gondor", "sign", "Rohan", "."],
    )
    assert code_doc(doc) == []


def test_match_verb_reports_the_pattern(make_doc: Any, tiny_dictionaries: Dictionaries) -> None:
    doc = make_doc(*SIGN, lemmas=["Gondor", "sign", "an", "agreement", "with", "Rohan", "."])
    ctx = DocContext(
        view=DocView.build(doc),
        dictionaries=tiny_dictionaries,
        date=None,
        mentions=tiny_dictionaries.actors.find(doc, None),
    )
    m = match_verb(ctx, 1, 0, len(doc))
    assert m is not None and m.code == "057" and m.pattern is not None
    assert match_verb(ctx, 3, 0, len(doc)) is None  # "agreement" is no verb


MERGED_VERBS = """\
---  LEAD_MANAGE   [060]  ---
LEAD {LEADS LED LEADING}
HEAD {HEADS HEADED HEADING}
CONDUCT {CONDUCTS CONDUCTED CONDUCTING}
- * (FOR)                                   [042]     # HEAD
- * TRAINING                                [062]     # CONDUCT

---  BLAME   [112]  ---
CHARGE {CHARGES CHARGED CHARGING}
INDICT {INDICTS INDICTED INDICTING} [173]
- * COURT                                   [1121]    # CHARGE
"""
MERGED_ACTORS = "name\tsynonyms\tcode\tfrom\tto\tkind\nGondor\t\tGON\t\t\tcountry\n"


@pytest.fixture(scope="module")
def merged_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    """One merged synonym block: a particle pattern of HEAD and a noun pattern of CONDUCT."""
    folder = tmp_path_factory.mktemp("merged")
    (folder / "manifest.toml").write_text(
        'name = "merged"\nverbs = ["m.verbs.txt"]\nactors = ["m.actors.tsv"]\n', encoding="utf-8"
    )
    (folder / "m.verbs.txt").write_text(MERGED_VERBS, encoding="utf-8")
    (folder / "m.actors.tsv").write_text(MERGED_ACTORS, encoding="utf-8")
    return load_dictionaries(str(folder))


def _code_of(make_doc: Any, dictionaries: Dictionaries, verb: str, lemma: str, obj: str) -> str:
    """The code match_verb gives "Gondor <verb> <obj> ." (obj a preposition or a noun)."""
    prep = obj.lower() == "for"
    doc = make_doc(
        ["Gondor", verb, obj, "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "prep" if prep else "dobj", "punct"],
        ["NNP", "VBZ", "IN" if prep else "NN", "."],
        lemmas=["Gondor", lemma, obj.lower(), "."],
    )
    ctx = DocContext(view=DocView.build(doc), dictionaries=dictionaries, date=None, mentions=[])
    m = match_verb(ctx, 1, 0, len(doc))
    assert m is not None
    return m.code or ""


def test_a_particle_pattern_of_one_verb_does_not_fire_for_its_block_mates(
    make_doc: Any, merged_dictionaries: Dictionaries
) -> None:
    # "heads for" is travel (042); "leads for", "conducts for" keep the block's default
    assert _code_of(make_doc, merged_dictionaries, "heads", "head", "for") == "042"
    assert _code_of(make_doc, merged_dictionaries, "leads", "lead", "for") == "060"
    assert _code_of(make_doc, merged_dictionaries, "conducts", "conduct", "for") == "060"


def test_a_noun_pattern_of_a_merged_block_is_shared_by_its_verbs(
    make_doc: Any, merged_dictionaries: Dictionaries
) -> None:
    # "conducts training" (written for CONDUCT) also codes "leads training"
    assert _code_of(make_doc, merged_dictionaries, "conducts", "conduct", "training") == "062"
    assert _code_of(make_doc, merged_dictionaries, "leads", "lead", "training") == "062"


def test_a_verb_with_a_code_of_its_own_keeps_it_against_a_block_mates_pattern(
    make_doc: Any, merged_dictionaries: Dictionaries
) -> None:
    # CHARGE's "charge ... court" (1121) is not INDICT's sense: INDICT's own line says 173
    assert _code_of(make_doc, merged_dictionaries, "charges", "charge", "court") == "1121"
    assert _code_of(make_doc, merged_dictionaries, "indicts", "indict", "court") == "173"
