"""Parse repairs of coordinated verbs and of verbs read as nouns or adjectives
(coding/coordination, called by coding/headline.recover_headline_verb), on Docs built by
hand and, marked slow, with the bundled model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.coding.context import DocContext
from tocsin.coding.coordination import recover_conjoined_verbs
from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.docview import DocView
from tocsin.coding.headline import recover_headline_verb
from tocsin.coding.syntax import subject_head

VERBS = """\
---  EXPEL   [174]  ---
EXPEL {EXPELS EXPELLED EXPELLING}

---  SUMMON   [114]  ---
SUMMON {SUMMONS SUMMONED SUMMONING}

---  ATTACK   [190]  ---
ATTACK {ATTACKS ATTACKED ATTACKING}
"""
ACTORS = (
    "name\tsynonyms\tcode\tfrom\tto\tkind\n"
    "Gondor\tGondorian\tGON\t\t\tcountry\n"
    "Rohan\tRohanian\tROH\t\t\tcountry\n"
)


@pytest.fixture(scope="module")
def conj_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    folder = tmp_path_factory.mktemp("conjoined")
    (folder / "manifest.toml").write_text(
        'name = "conjoined"\nverbs = ["c.verbs.txt"]\nactors = ["c.actors.tsv"]\n',
        encoding="utf-8",
    )
    (folder / "c.verbs.txt").write_text(VERBS, encoding="utf-8")
    (folder / "c.actors.tsv").write_text(ACTORS, encoding="utf-8")
    return load_dictionaries(str(folder))


def _context(doc: Any, dictionaries: Dictionaries) -> DocContext:
    return DocContext(
        view=DocView.build(doc),
        dictionaries=dictionaries,
        date=None,
        mentions=dictionaries.actors.find(doc, None),
    )


def _expels_and_summons(make_doc: Any) -> Any:
    # "Gondor expels an envoy and summons the Rohanian ambassador." as the small model
    # parses it: "summons" a plural noun conjoined with the object, the ambassador an
    # apposition of the envoy
    return make_doc(
        ["Gondor", "expels", "an", "envoy", "and", "summons", "the", "Rohanian", "ambassador",
         "."],
        [1, 1, 3, 1, 3, 3, 8, 8, 3, 1],
        ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "det", "amod", "appos", "punct"],
        ["NNP", "VBZ", "DT", "NN", "CC", "NNS", "DT", "JJ", "NN", "."],
        lemmas=["Gondor", "expel", "an", "envoy", "and", "summons", "the", "Rohanian",
                "ambassador", "."],
    )


def test_a_plural_noun_after_and_with_an_object_becomes_a_conjoined_verb(
    make_doc: Any, conj_dictionaries: Dictionaries
) -> None:
    ctx = _context(_expels_and_summons(make_doc), conj_dictionaries)
    assert recover_headline_verb(ctx, 0, 10) is None  # the sentence has its root verb
    view = ctx.view
    assert view.tag[5] == "VBZ" and view.head[5] == 1 and view.dep[5] == "conj"
    assert view.head[8] == 5 and view.dep[8] == "dobj"  # the ambassador is its object
    assert subject_head(view, 5) == (0, False)  # the shared subject: Gondor
    assert view.subtree_span(3) == (2, 4)  # the envoy's phrase no longer holds the verb


def test_a_noun_conjunct_before_a_preposition_stays_a_noun(
    make_doc: Any, conj_dictionaries: Dictionaries
) -> None:
    # "Gondor condemns the raids and attacks on Rohan.": "attacks" is a noun here
    doc = make_doc(
        ["Gondor", "condemns", "the", "raids", "and", "attacks", "on", "Rohan", "."],
        [1, 1, 3, 1, 3, 3, 5, 6, 1],
        ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "prep", "pobj", "punct"],
        ["NNP", "VBZ", "DT", "NNS", "CC", "NNS", "IN", "NNP", "."],
        lemmas=["Gondor", "condemn", "the", "raid", "and", "attack", "on", "Rohan", "."],
    )
    ctx = _context(doc, conj_dictionaries)
    assert recover_conjoined_verbs(ctx, 0, 9) is False
    assert ctx.view.tag[5] == "NNS" and ctx.view.head[5] == 3


def test_a_plural_noun_does_not_become_a_verb_after_a_bare_verb(
    make_doc: Any, conj_dictionaries: Dictionaries
) -> None:
    # "Rohanian riders expel the envoys and summons the ..." does not agree: left alone
    doc = make_doc(
        ["Riders", "expel", "the", "envoys", "and", "summons", "the", "Gondorian", "king", "."],
        [1, 1, 3, 1, 3, 3, 8, 8, 3, 1],
        ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "det", "amod", "appos", "punct"],
        ["NNS", "VBP", "DT", "NNS", "CC", "NNS", "DT", "JJ", "NN", "."],
    )
    ctx = _context(doc, conj_dictionaries)
    assert recover_conjoined_verbs(ctx, 0, 10) is False


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Norway expels a Russian diplomat and summons the Russian ambassador.",
         ("NOR", "RUS", "11")),
        ("Ghana deports two Chinese miners and summons the Chinese ambassador.",
         ("GHA", "CHN", "11")),
        ("Sweden closes its embassy in Tehran and summons the Iranian ambassador.",
         ("SWE", "IRN", "11")),
    ],
)
def test_the_second_of_two_conjoined_verb_phrases_is_coded(
    roots: Callable[[str], set[tuple[str, str, str]]], sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in roots(sentence)


@pytest.mark.slow
def test_a_noun_list_after_and_gives_no_verb_event(
    roots: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert not any(code == "19" for _, _, code in roots(
        "Peru condemns the arrests and attacks on Bolivian journalists."))


@pytest.mark.slow
def test_an_actor_with_a_place_before_a_noun_tagged_verb_is_its_subject(
    roots: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "Government forces in South Sudan arrest Peter Lam Both, ...", parsed as one noun
    phrase rooted in "forces": the known verb form "forces" inside the actor mention does
    not stop the search for the headline verb after it."""
    assert ("SSD", "SSD", "17") in roots(
        "Government forces in South Sudan arrest Peter Lam Both, a rebel commander.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        # the root "open" tagged as an adjective with "fire" as its object
        ("Rebels open fire on a Kenyan army convoy.", ("KEN", "KEN", "19")),
        # a noun-rooted sentence: "open" an adjective of "fire" right after the actor
        ("Militants from the Islamic State open fire on Iraqi soldiers.", ("IMG", "IRQ", "19")),
    ],
)
def test_an_adjective_tagged_verb_with_an_object_is_coded(
    roots: Callable[[str], set[tuple[str, str, str]]], sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in roots(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        # "summons" conjoined with a word deep in the first verb's object
        ("Ghana declares a Chinese diplomat persona non grata and summons the Chinese "
         "ambassador.", ("GHA", "CHN", "11")),
        ("Denmark declares two Iranian diplomats persona non grata and summons the Iranian "
         "envoy.", ("DNK", "IRN", "11")),
    ],
)
def test_a_noun_tagged_second_verb_conjoined_inside_the_first_object_is_coded(
    roots: Callable[[str], set[tuple[str, str, str]]], sentence: str, dyad: tuple[str, str, str]
) -> None:
    assert dyad in roots(sentence)


@pytest.mark.slow
def test_the_second_and_third_verbs_of_a_comma_list_share_the_first_verbs_subject(
    roots: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "Chile recalls its ambassador to Peru, expels a Peruvian diplomat, and summons ...":
    the parser reads the first verb phrase as the complement of the second."""
    found = roots("Chile recalls its ambassador to Peru, expels a Peruvian diplomat, and summons "
                  "Peru's ambassador.")
    assert {("CHL", "PER", "16"), ("CHL", "PER", "11")} <= found


@pytest.mark.slow
def test_an_attribution_after_a_comma_keeps_its_parse(
    roots: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    # "..., says the ministry": no third verb, so the reported attack stays the army's
    assert ("SDN", "SDN", "19") in roots(
        "The Sudanese army attacks the rebels in Omdurman, says the ministry.")


def test_the_subject_the_parser_gave_a_to_infinitive_is_the_object_above(
    make_doc: Any, conj_dictionaries: Dictionaries
) -> None:
    # "Gondor sends the riders to attack Rohan." with "the riders" parsed as the subject of
    # the complement "to attack"
    doc = make_doc(
        ["Gondor", "sends", "the", "riders", "to", "attack", "Rohan", "."],
        [1, 1, 3, 5, 5, 1, 5, 1],
        ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "dobj", "punct"],
        ["NNP", "VBZ", "DT", "NNS", "TO", "VB", "NNP", "."],
    )
    ctx = _context(doc, conj_dictionaries)
    recover_headline_verb(ctx, 0, 8)
    view = ctx.view
    assert (view.head[3], view.dep[3], view.dep[5]) == (1, "dobj", "xcomp")
    assert subject_head(view, 5) == (3, False)  # the riders attack (object control)


def test_a_for_subject_of_a_to_infinitive_is_left_alone(
    make_doc: Any, conj_dictionaries: Dictionaries
) -> None:
    # "Gondor waits for the riders to attack Rohan."
    doc = make_doc(
        ["Gondor", "waits", "for", "the", "riders", "to", "attack", "Rohan", "."],
        [1, 1, 6, 4, 6, 6, 1, 6, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "advcl", "dobj", "punct"],
        ["NNP", "VBZ", "IN", "DT", "NNS", "TO", "VB", "NNP", "."],
    )
    ctx = _context(doc, conj_dictionaries)
    recover_headline_verb(ctx, 0, 9)
    assert (ctx.view.head[4], ctx.view.dep[4]) == (6, "nsubj")


@pytest.mark.slow
def test_a_deployed_force_is_not_the_target_of_its_purpose_clause(
    roots: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "Kenya deploys the police to secure its border with Somalia": the police, the object
    of "deploys" (not the subject of "to secure"), are in another clause than Somalia."""
    assert ("KEN", "SOM", "15") not in roots(
        "Kenya deploys the police to secure its border with Somalia.")


@pytest.fixture(scope="module")
def coded(coder: Any) -> Callable[[str], set[tuple[str, str, str, str]]]:
    def of(sentence: str) -> set[tuple[str, str, str, str]]:
        return {
            (e.source.code[:3], e.target.code[:3], e.code[:2], e.trigger.lower())
            for e in coder.code_text(sentence, date="2025-06-01")
            if e.source and e.target and e.factuality.counts
        }

    return of


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Egypt's court sentences ousted president Mohamed Morsi to death.",
         ("EGY", "EGY", "17", "sentences")),
        ("Iran frees detained French tourist Benjamin Briere.", ("IRN", "FRA", "08", "frees")),
    ],
)
def test_a_verb_read_as_a_noun_before_a_status_participle_is_the_verb(
    coded: Callable[[str], set[tuple[str, str, str, str]]],
    sentence: str,
    event: tuple[str, str, str, str],
) -> None:
    """The small parser makes "ousted"/"detained" the root and the -s verb before it a
    noun; the participle modifies the title after it."""
    found = coded(sentence)
    assert event in found
    assert not any(trigger in ("ousted", "detained") for *_, trigger in found)


@pytest.mark.slow
def test_a_past_verb_after_a_plural_noun_subject_stays_the_verb(
    coded: Callable[[str], set[tuple[str, str, str, str]]],
) -> None:
    assert ("RUS", "UKR", "19", "killed") in coded("Russian strikes killed five people in Kharkiv.")
