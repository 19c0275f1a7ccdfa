"""Acts only mentioned to describe a participant, a topic or a period are not coded
(tocsin.coding.described): hand-built Docs for the parse tests (no model), hand-made
sentences coded with the bundled model for the end-to-end ones."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.coding.described import (
    aim_relative,
    describing_participle,
    since_clause,
    topic_gerund,
)
from tocsin.coding.docview import DocView
from tocsin.models import Event


def _view(make_doc: Any, rows: list[tuple[str, int, str, str]]) -> DocView:
    words, heads, deps, tags = (list(x) for x in zip(*rows, strict=True))
    return DocView.build(make_doc(words, heads, deps, tags, lemmas=words))


def test_a_participle_describing_an_object_is_described(make_doc: Any) -> None:
    # "Gondor frees villagers kidnapped by Rohan ."
    view = _view(
        make_doc,
        [
            ("Gondor", 1, "nsubj", "NNP"),
            ("frees", 1, "ROOT", "VBZ"),
            ("villagers", 1, "dobj", "NNS"),
            ("kidnapped", 2, "acl", "VBN"),
            ("by", 3, "agent", "IN"),
            ("Rohan", 4, "pobj", "NNP"),
            (".", 1, "punct", "."),
        ],
    )
    assert describing_participle(view, 3)
    assert not describing_participle(view, 1)


def test_an_elliptical_conjunct_or_a_root_noun_is_not_a_description(make_doc: Any) -> None:
    # "Ten are killed and others kidnapped by Rohan ."
    view = _view(
        make_doc,
        [
            ("Ten", 2, "nsubjpass", "CD"),
            ("are", 2, "auxpass", "VBP"),
            ("killed", 2, "ROOT", "VBN"),
            ("and", 2, "cc", "CC"),
            ("others", 2, "conj", "NNS"),
            ("kidnapped", 4, "acl", "VBN"),
            ("by", 5, "agent", "IN"),
            ("Rohan", 6, "pobj", "NNP"),
            (".", 2, "punct", "."),
        ],
    )
    assert not describing_participle(view, 5)
    # "A missile launched from Rohan hits Gondor" parsed with the noun as the root
    view = _view(
        make_doc,
        [
            ("missile", 0, "ROOT", "NN"),
            ("launched", 0, "acl", "VBN"),
            ("from", 1, "prep", "IN"),
            ("Rohan", 2, "pobj", "NNP"),
        ],
    )
    assert not describing_participle(view, 1)


def _noun_prep_gerund(make_doc: Any, noun: str, prep: str) -> DocView:
    # "Gondor joins <noun> <prep> ending the war ."
    return _view(
        make_doc,
        [
            ("Gondor", 1, "nsubj", "NNP"),
            ("joins", 1, "ROOT", "VBZ"),
            (noun, 1, "dobj", "NNS"),
            (prep, 2, "prep", "IN"),
            ("ending", 3, "pcomp", "VBG"),
            ("the", 6, "det", "DT"),
            ("war", 4, "dobj", "NN"),
            (".", 1, "punct", "."),
        ],
    )


def test_a_gerund_a_noun_is_about_is_a_topic(make_doc: Any) -> None:
    assert topic_gerund(_noun_prep_gerund(make_doc, "talks", "on"), 4)
    assert topic_gerund(_noun_prep_gerund(make_doc, "proposal", "for"), 4)


def test_by_and_responsibility_gerunds_report_the_act(make_doc: Any) -> None:
    assert not topic_gerund(_noun_prep_gerund(make_doc, "sanctions", "by"), 4)
    assert not topic_gerund(_noun_prep_gerund(make_doc, "responsibility", "for"), 4)


def test_a_gerund_of_a_verb_preposition_is_not_a_topic(make_doc: Any) -> None:
    # "Gondor is accused of attacking Rohan ."
    view = _view(
        make_doc,
        [
            ("Gondor", 2, "nsubjpass", "NNP"),
            ("is", 2, "auxpass", "VBZ"),
            ("accused", 2, "ROOT", "VBN"),
            ("of", 2, "prep", "IN"),
            ("attacking", 3, "pcomp", "VBG"),
            ("Rohan", 4, "dobj", "NNP"),
            (".", 2, "punct", "."),
        ],
    )
    assert not topic_gerund(view, 4)


def test_a_past_since_clause_is_a_starting_point(make_doc: Any) -> None:
    # "Trade resumes since Gondor closed the border ." / "... since Gondor closes ..."
    for tag, expected in (("VBD", True), ("VBZ", False)):
        view = _view(
            make_doc,
            [
                ("Trade", 1, "nsubj", "NN"),
                ("resumes", 1, "ROOT", "VBZ"),
                ("since", 4, "mark", "IN"),
                ("Gondor", 4, "nsubj", "NNP"),
                ("closed", 1, "advcl", tag),
                ("the", 6, "det", "DT"),
                ("border", 4, "dobj", "NN"),
                (".", 1, "punct", "."),
            ],
        )
        assert since_clause(view, 4) is expected


def test_an_infinitive_hung_from_a_noun_as_a_relative_is_an_aim(make_doc: Any) -> None:
    # "Gondor debates motions to ban Rohan ." with the infinitive parsed as a relcl
    view = _view(
        make_doc,
        [
            ("Gondor", 1, "nsubj", "NNP"),
            ("debates", 1, "ROOT", "VBZ"),
            ("motions", 1, "dobj", "NNS"),
            ("to", 4, "aux", "TO"),
            ("ban", 2, "relcl", "VB"),
            ("Rohan", 4, "dobj", "NNP"),
            (".", 1, "punct", "."),
        ],
    )
    assert aim_relative(view, 4)


def test_the_first_to_act_did_act(make_doc: Any) -> None:
    # "Gondor becomes the first country to recognize Rohan ."
    view = _view(
        make_doc,
        [
            ("Gondor", 1, "nsubj", "NNP"),
            ("becomes", 1, "ROOT", "VBZ"),
            ("the", 4, "det", "DT"),
            ("first", 4, "amod", "JJ"),
            ("country", 1, "attr", "NN"),
            ("to", 6, "aux", "TO"),
            ("recognize", 4, "relcl", "VB"),
            ("Rohan", 6, "dobj", "NNP"),
            (".", 1, "punct", "."),
        ],
    )
    assert not aim_relative(view, 6)


def _keys(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        ((e.source.code if e.source else "")[:3], (e.target.code if e.target else "")[:3], e.code)
        for e in events
        if e.factuality.counts
    }


@pytest.mark.slow
def test_the_news_stays_and_the_description_goes(coder: Any) -> None:
    got = _keys(
        coder.code_text(
            "The army frees twenty villagers kidnapped by Boko Haram militants in Borno.",
            date="2026-01-01",
        )
    )
    assert ("NGA", "NGA", "0841") in got
    assert not any(code == "181" for _, _, code in got)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The minister says Turkey has no part in the talks on ending the war in Syria.",
        "Flights resume for the first time since Russia attacked Ukraine.",
        "Trade resumes for the first time since Turkey closed its border with Armenia.",
    ],
)
def test_topics_and_starting_points_are_not_coded(coder: Any, sentence: str) -> None:
    assert _keys(coder.code_text(sentence, date="2026-01-01")) == set()


@pytest.mark.slow
def test_an_act_done_by_a_gerund_is_coded(coder: Any) -> None:
    got = _keys(
        coder.code_text(
            "Spain expands its sanctions by banning Russian ships from its ports.",
            date="2026-01-01",
        )
    )
    assert ("ESP", "RUS", "172") in got


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen ambush a bus carrying Nigerian soldiers near Maiduguri.",
        "Bandits attack a convoy carrying Chadian troops near the border.",
    ],
)
def test_what_a_vehicle_carries_is_no_cooperation(coder: Any, sentence: str) -> None:
    got = _keys(coder.code_text(sentence, date="2026-01-01"))
    assert any(code == "190" for _, _, code in got)  # the attack is the news
    assert not any(code.startswith("06") for _, _, code in got)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Mexico sends two ships carrying food aid to Haiti.", "07"),  # what is sent
        ("Iran issues a statement accusing Israel of the attack.", "11"),  # a saying
    ],
)
def test_sent_things_and_sayings_keep_their_participle(
    coder: Any, sentence: str, root: str
) -> None:
    got = _keys(coder.code_text(sentence, date="2026-01-01"))
    assert any(code.startswith(root) for _, _, code in got)
