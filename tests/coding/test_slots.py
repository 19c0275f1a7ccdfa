"""Source and target of a verb, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.models import Event, Factuality


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.code)
        for e in events
    }


def test_active_voice_subject_is_the_source(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
        lemmas=["Gondor", "attack", "Rohan", "."],
    )
    events = code_doc(doc)
    assert triples(events) == {("GON", "ROH", "190")}
    assert events[0].factuality is Factuality.ASSERTED
    assert events[0].trigger == "attacked"


def test_passive_by_agent_is_the_source(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Rohan", "was", "attacked", "by", "Gondor", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["NNP", "VBD", "VBN", "IN", "NNP", "."],
        lemmas=["Rohan", "be", "attack", "by", "Gondor", "."],
    )
    assert triples(code_doc(doc)) == {("GON", "ROH", "190")}


def test_compound_subject_of_a_meeting_meets_both_ways(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "and", "Arnor", "met", "."],
        [3, 0, 0, 3, 3],
        ["nsubj", "cc", "conj", "ROOT", "punct"],
        ["NNP", "CC", "NNP", "VBD", "."],
        lemmas=["Gondor", "and", "Arnor", "meet", "."],
    )
    assert triples(code_doc(doc)) == {("GON", "ARN", "040"), ("ARN", "GON", "040")}


def test_compound_object_gives_one_event_each(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", "and", "Arnor", "."],
        [1, 1, 1, 2, 2, 1],
        ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
        ["NNP", "VBD", "NNP", "CC", "NNP", "."],
        lemmas=["Gondor", "attack", "Rohan", "and", "Arnor", "."],
    )
    assert triples(code_doc(doc)) == {("GON", "ROH", "190"), ("GON", "ARN", "190")}


def test_no_known_actor_no_event(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = make_doc(
        ["Rebels", "attacked", "villages", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNS", "VBD", "NNS", "."],
        lemmas=["rebel", "attack", "village", "."],
    )
    assert code_doc(doc) == []


def test_a_meeting_place_is_not_the_target_of_a_coordinated_subject(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "and", "Arnor", "met", "in", "Rohan", "."],
        [3, 0, 0, 3, 3, 4, 3],
        ["nsubj", "cc", "conj", "ROOT", "prep", "pobj", "punct"],
        ["NNP", "CC", "NNP", "VBD", "IN", "NNP", "."],
        lemmas=["Gondor", "and", "Arnor", "meet", "in", "Rohan", "."],
    )
    assert triples(code_doc(doc)) == {("GON", "ARN", "040"), ("ARN", "GON", "040")}


def test_a_coordinated_subject_of_a_reciprocal_verb_fights_each_other(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(
        ["Gondor", "and", "Arnor", "fought", "."],
        [3, 0, 0, 3, 3],
        ["nsubj", "cc", "conj", "ROOT", "punct"],
        ["NNP", "CC", "NNP", "VBD", "."],
        lemmas=["Gondor", "and", "Arnor", "fight", "."],
    )
    got = triples(code_doc(doc))
    assert {(s, t) for s, t, _ in got} == {("GON", "ARN"), ("ARN", "GON")}
    assert all(c.startswith("19") for _, _, c in got)


def test_conjoined_demonyms_share_the_head_s_role(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(  # "Gondorian and Arnorian police met in Rohan."
        ["Gondorian", "and", "Arnorian", "police", "met", "in", "Rohan", "."],
        [3, 0, 0, 4, 4, 4, 5, 4],
        ["amod", "cc", "conj", "nsubj", "ROOT", "prep", "pobj", "punct"],
        ["JJ", "CC", "JJ", "NNS", "VBD", "IN", "NNP", "."],
        lemmas=["Gondorian", "and", "Arnorian", "police", "meet", "in", "Rohan", "."],
    )
    assert triples(code_doc(doc)) == {("GONCOP", "ARNCOP", "040"), ("ARNCOP", "GONCOP", "040")}


ACCUSE_VERBS = """\
####### VERB PATTERNS #######

---  ATTACK   [190]  ---
ATTACK {ATTACKS ATTACKED ATTACKING}

---  ACCUSE   [112]  ---
ACCUSE {ACCUSES ACCUSED ACCUSING}

---  CLAIM   [110]  ---
CLAIM {CLAIMS CLAIMED CLAIMING}

####### END #######
"""
ACCUSE_ACTORS = """\
name\tsynonyms\tcode\tfrom\tto\tkind
Arnor\tArnorian|Arnorians\tARN\t\t\tcountry
Gondor\tGondorian|Gondorians\tGON\t\t\tcountry
Rohan\tRohanian|Rohanians\tROH\t\t\tcountry
"""
ACCUSE_AGENTS = "phrase\tcode\tflags\nofficial\t~GOV\t\n"


@pytest.fixture(scope="module")
def accuse_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    """The tiny set's countries with attack, accuse and claim verbs."""
    folder = tmp_path_factory.mktemp("accuse")
    (folder / "manifest.toml").write_text(
        'name = "accuse"\nverbs = ["v.txt"]\nactors = ["a.tsv"]\nagents = ["g.tsv"]\n',
        encoding="utf-8",
    )
    (folder / "v.txt").write_text(ACCUSE_VERBS, encoding="utf-8")
    (folder / "a.tsv").write_text(ACCUSE_ACTORS, encoding="utf-8")
    (folder / "g.tsv").write_text(ACCUSE_AGENTS, encoding="utf-8")
    return load_dictionaries(str(folder))


def test_a_participle_s_pronoun_object_is_the_main_verb_s_object(
    make_doc: Any, code_doc: Callable[..., list[Event]], accuse_dictionaries: Dictionaries
) -> None:
    # "Gondor attacked two Rohanian officials, accusing them of spying."
    doc = make_doc(
        [
            "Gondor",
            "attacked",
            "two",
            "Rohanian",
            "officials",
            ",",
            "accusing",
            "them",
            "of",
            "spying",
            ".",
        ],
        [1, 1, 4, 4, 1, 1, 1, 6, 6, 8, 1],
        [
            "nsubj",
            "ROOT",
            "nummod",
            "amod",
            "dobj",
            "punct",
            "advcl",
            "dobj",
            "prep",
            "pcomp",
            "punct",
        ],
        ["NNP", "VBD", "CD", "JJ", "NNS", ",", "VBG", "PRP", "IN", "VBG", "."],
        lemmas=[
            "Gondor",
            "attack",
            "two",
            "Rohanian",
            "official",
            ",",
            "accuse",
            "they",
            "of",
            "spy",
            ".",
        ],
    )
    events = code_doc(doc, dictionaries=accuse_dictionaries)
    found = {(s, t[:3] if t else t, c) for s, t, c in triples(events)}
    assert ("GON", "ROH", "112") in found
    assert ("GON", "ROH", "190") in found


def test_a_claimed_pronoun_subject_is_the_main_verb_s_object(
    make_doc: Any, code_doc: Callable[..., list[Event]], accuse_dictionaries: Dictionaries
) -> None:
    # "Gondor attacked Rohanians, claiming them to be spies."
    doc = make_doc(
        ["Gondor", "attacked", "Rohanians", ",", "claiming", "them", "to", "be", "spies", "."],
        [1, 1, 1, 1, 1, 7, 7, 4, 7, 1],
        ["nsubj", "ROOT", "dobj", "punct", "advcl", "nsubj", "aux", "ccomp", "attr", "punct"],
        ["NNP", "VBD", "NNPS", ",", "VBG", "PRP", "TO", "VB", "NNS", "."],
        lemmas=["Gondor", "attack", "Rohanians", ",", "claim", "they", "to", "be", "spy", "."],
    )
    events = code_doc(doc, dictionaries=accuse_dictionaries)
    found = {(s, t[:3] if t else t, c) for s, t, c in triples(events)}
    assert ("GON", "ROH", "110") in found


def test_a_participle_without_a_pronoun_keeps_its_own_object(
    make_doc: Any, code_doc: Callable[..., list[Event]], accuse_dictionaries: Dictionaries
) -> None:
    # "Gondor attacked Rohan, accusing Arnor of helping it." and "..., accusing the press"
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", ",", "accusing", "Arnor", "of", "helping", "."],
        [1, 1, 1, 1, 1, 4, 4, 6, 1],
        ["nsubj", "ROOT", "dobj", "punct", "advcl", "dobj", "prep", "pcomp", "punct"],
        ["NNP", "VBD", "NNP", ",", "VBG", "NNP", "IN", "VBG", "."],
        lemmas=["Gondor", "attack", "Rohan", ",", "accuse", "Arnor", "of", "help", "."],
    )
    found = triples(code_doc(doc, dictionaries=accuse_dictionaries))
    assert ("GON", "ARN", "112") in found and ("GON", "ROH", "112") not in found
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", ",", "accusing", "the", "press", "of", "lying", "."],
        [1, 1, 1, 1, 1, 6, 4, 4, 7, 1],
        ["nsubj", "ROOT", "dobj", "punct", "advcl", "det", "dobj", "prep", "pcomp", "punct"],
        ["NNP", "VBD", "NNP", ",", "VBG", "DT", "NN", "IN", "VBG", "."],
        lemmas=["Gondor", "attack", "Rohan", ",", "accuse", "the", "press", "of", "lie", "."],
    )
    assert triples(code_doc(doc, dictionaries=accuse_dictionaries)) == {("GON", "ROH", "190")}


def test_the_verb_s_own_argument_beats_an_actor_deep_in_a_modifier(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Gondor attacked police over their role in a dispute with Rohan": the police, not Rohan
    words = "Gondor attacked police over their role in a dispute with Rohan .".split()
    heads = [1, 1, 1, 1, 5, 3, 5, 8, 6, 8, 9, 1]
    deps = "nsubj ROOT dobj prep poss pobj prep det pobj prep pobj punct".split()
    tags = ["NNP", "VBD", "NNS", "IN", "PRP$", "NN", "IN", "DT", "NN", "IN", "NNP", "."]
    lemmas = [*words[:1], "attack", *words[2:]]
    doc = make_doc(words, heads, deps, tags, lemmas=lemmas)
    assert ("GON", "ROH", "190") not in triples(code_doc(doc))
    # an actor that is the verb's own argument stays the target
    words[2], lemmas[2], tags[2] = "Rohan", "Rohan", "NNP"
    words[10], lemmas[10] = "Arnor", "Arnor"
    assert ("GON", "ROH", "190") in triples(
        code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas))
    )


def test_its_role_belongs_to_the_owner_of_the_parallel_object(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Gondor attacked a Rohanian town and attacked its police": Rohan's police
    words = ["Gondor", "attacked", "a", "Rohanian", "town", "and", "attacked", "its", "police", "."]
    heads = [1, 1, 4, 4, 1, 1, 1, 8, 6, 1]
    deps = ["nsubj", "ROOT", "det", "amod", "dobj", "cc", "conj", "poss", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "JJ", "NN", "CC", "VBD", "PRP$", "NNS", "."]
    lemmas = ["Gondor", "attack", "a", "Rohanian", "town", "and", "attack", "its", "police", "."]
    found = triples(code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas)))
    assert ("GON", "ROHCOP", "190") in found
    # a parallel object of no country owns nothing
    words[3], tags[3], lemmas[3] = "small", "JJ", "small"
    found = triples(code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas)))
    assert not any(t and t.endswith("COP") and t != "GONCOP" for _, t, _ in found)


def test_gapped_passives_share_the_by_agent(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohanian civilians were attacked and ten attacked by Gondor": the parser hangs the
    # second participle, with the shared agent, on the conjoined "ten"
    words = "Rohanian civilians were attacked and ten attacked by Gondor .".split()
    heads = [1, 3, 3, 3, 3, 3, 5, 6, 7, 3]
    deps = "amod nsubjpass auxpass ROOT cc conj acl agent pobj punct".split()
    tags = ["JJ", "NNS", "VBD", "VBN", "CC", "CD", "VBN", "IN", "NNP", "."]
    lemmas = ["Rohanian", "civilian", "be", "attack", "and", "ten", "attack", "by", "Gondor", "."]
    found = code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas))
    assert {(e.source.code if e.source else None, e.trigger) for e in found} >= {
        ("GON", "attacked")
    }
    assert ("GON", "ROHCVL", "190") in triples(found)
    assert all(e.target is None or e.target.code != "GON" for e in found)
    # no agent on the second participle: nothing is shared
    words[7], words[8], lemmas[7], lemmas[8] = "in", "Arnor", "in", "Arnor"
    deps[7] = "prep"
    found = triples(code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas)))
    assert not any(s == "GON" for s, _, _ in found)


def test_a_root_noun_read_for_a_verb_lends_its_actor_to_the_conjoined_verb(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "The Gondorian police boards and attacks Rohan": "boards" parsed as the root noun,
    # the actor mention right before it is the subject of "attacks"
    words = "The Gondorian police boards and attacks Rohan .".split()
    heads = [3, 3, 3, 3, 3, 3, 5, 3]
    deps = "det amod compound ROOT cc conj dobj punct".split()
    tags = ["DT", "JJ", "NN", "NNS", "CC", "VBZ", "NNP", "."]
    lemmas = ["the", "Gondorian", "police", "board", "and", "attack", "Rohan", "."]
    assert ("GONCOP", "ROH", "190") in triples(
        code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas))
    )
    # no actor before the root noun: no source
    words[1], lemmas[1] = "local", "local"
    found = triples(code_doc(make_doc(words, heads, deps, tags, lemmas=lemmas)))
    assert not any(s and s.startswith("GON") for s, _, _ in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a by-agent shared by two gapped passives
        (
            "Five Indian soldiers are killed and ten wounded by Pakistani troops.",
            {("PAK", "IND", "19"), ("PAK", "IND", "18")},
        ),
        # "boards" read as the root noun: its actor is the subject of "seizes"
        (
            "The Italian Navy boards and seizes a Libyan fishing boat carrying migrants.",
            {("ITA", "LBY", "17")},
        ),
    ],
)
def test_shared_subjects_with_the_model(
    roots: Callable[[str], set[tuple[str, str, str]]],
    sentence: str,
    expected: set[tuple[str, str, str]],
) -> None:
    assert expected <= roots(sentence)
