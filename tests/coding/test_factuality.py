"""Factuality from the dependency context, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.coding.docview import DocView
from tocsin.coding.factuality import factuality_of
from tocsin.models import Event, Factuality


def test_negation(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = make_doc(
        ["Gondor", "did", "not", "attack", "Rohan", "."],
        [3, 3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "RB", "VB", "NNP", "."],
        lemmas=["Gondor", "do", "not", "attack", "Rohan", "."],
    )
    fact, frame = factuality_of(DocView.build(doc), 3, False)
    assert fact is Factuality.NEGATED and frame is not None and frame.word == "not"
    assert [e.factuality for e in code_doc(doc)] == [Factuality.NEGATED]


def test_modal_is_hypothetical(make_doc: Any, code_doc: Callable[..., list[Event]]) -> None:
    doc = make_doc(
        ["Gondor", "may", "attack", "Rohan", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj", "punct"],
        ["NNP", "MD", "VB", "NNP", "."],
        lemmas=["Gondor", "may", "attack", "Rohan", "."],
    )
    fact, frame = factuality_of(DocView.build(doc), 2, False)
    assert fact is Factuality.HYPOTHETICAL and frame is not None and frame.kind == "modal"
    assert [e.factuality for e in code_doc(doc)] == [Factuality.HYPOTHETICAL]


def test_plain_past_is_asserted(make_doc: Any) -> None:
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
    )
    assert factuality_of(DocView.build(doc), 1, False) == (Factuality.ASSERTED, None)


def _be_to(make_doc: Any, be: str, be_tag: str) -> Any:
    """ "Gondor <be> to meet Rohan ." (the infinitive is the complement of "be")."""
    return make_doc(
        ["Gondor", be, "to", "meet", "Rohan", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
        ["NNP", be_tag, "TO", "VB", "NNP", "."],
        lemmas=["Gondor", "be", "to", "meet", "Rohan", "."],
    )


def test_present_be_to_is_a_scheduled_act(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = _be_to(make_doc, "is", "VBZ")  # "Gondor is to meet Rohan": not yet done
    fact, frame = factuality_of(DocView.build(doc), 3, False)
    assert fact is Factuality.INTENDED and frame is not None and frame.word == "be to"
    assert [(e.code, e.factuality) for e in code_doc(doc)] == [("036", Factuality.INTENDED)]


def test_past_be_to_is_a_plan_not_an_act(make_doc: Any) -> None:
    doc = _be_to(make_doc, "was", "VBD")  # "Gondor was to meet Rohan": it may never have
    fact, _ = factuality_of(DocView.build(doc), 3, False)
    assert fact is Factuality.HYPOTHETICAL


def test_headline_infinitive_is_intended(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(  # "Gondor to meet Rohan" (a headline's future)
        ["Gondor", "to", "meet", "Rohan"],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj"],
        ["NNP", "TO", "VB", "NNP"],
        lemmas=["Gondor", "to", "meet", "Rohan"],
    )
    assert [(e.code, e.factuality) for e in code_doc(doc)] == [("036", Factuality.INTENDED)]
    doc = make_doc(  # "Gondor met Rohan": the headline's past stays asserted
        ["Gondor", "met", "Rohan"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["NNP", "VBD", "NNP"],
        lemmas=["Gondor", "meet", "Rohan"],
    )
    assert [(e.code, e.factuality) for e in code_doc(doc)] == [("040", Factuality.ASSERTED)]


def _noun_infinitive(make_doc: Any, modifier: str | None, noun: str) -> Any:
    """ "Gondor made a [modifier] <noun> to attack Rohan ." (the infinitive completes the
    noun)."""
    mods = [modifier] if modifier else []
    k = len(mods)
    words = ["Gondor", "made", "a", *mods, noun, "to", "attack", "Rohan", "."]
    n = 3 + k  # the noun
    heads = [1, 1, n] + [n] * k + [1, n + 2, n, n + 2, 1]
    deps = ["nsubj", "ROOT", "det"] + ["amod"] * k + ["dobj", "aux", "acl", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT"] + ["JJ"] * k + ["NN", "TO", "VB", "NNP", "."]
    lemmas = [w.lower() for w in words]
    return make_doc(words, heads, deps, tags, lemmas=lemmas), n + 2


def test_an_infinitive_completing_a_noun_is_an_aim(make_doc: Any) -> None:
    doc, v = _noun_infinitive(make_doc, None, "proposal")  # "a proposal to attack Rohan"
    fact, frame = factuality_of(DocView.build(doc), v, False)
    assert fact is Factuality.HYPOTHETICAL and frame is not None and frame.kind == "purpose"


def _purpose(make_doc: Any, verb: str, lemma: str) -> Any:
    # "Gondor <verb> troops to attack Rohan ."
    return make_doc(
        ["Gondor", verb, "troops", "to", "attack", "Rohan", "."],
        [1, 1, 1, 4, 1, 4, 1],
        ["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj", "punct"],
        ["NNP", "VBD", "NNS", "TO", "VB", "NNP", "."],
        lemmas=["Gondor", lemma, "troop", "to", "attack", "Rohan", "."],
    )


@pytest.mark.parametrize("verb, lemma", [("sent", "send"), ("deployed", "deploy")])
def test_the_purpose_of_a_movement_is_the_act(make_doc: Any, verb: str, lemma: str) -> None:
    # "sent troops to attack Rohan": news of a dispatch tells what the troops went and did
    doc = _purpose(make_doc, verb, lemma)
    assert factuality_of(DocView.build(doc), 4, False) == (Factuality.ASSERTED, None)


def test_the_purpose_of_another_act_is_only_meant(make_doc: Any) -> None:
    doc = _purpose(make_doc, "trained", "train")  # "trained troops to attack": not done
    fact, frame = factuality_of(DocView.build(doc), 4, False)
    assert fact is Factuality.HYPOTHETICAL and frame is not None and frame.kind == "purpose"


def test_an_intent_someone_is_accused_of_is_only_alleged(make_doc: Any) -> None:
    # "Arnor accused Gondor of trying to attack Rohan."
    doc = make_doc(
        ["Arnor", "accused", "Gondor", "of", "trying", "to", "attack", "Rohan", "."],
        [1, 1, 1, 1, 3, 6, 4, 6, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pcomp", "aux", "xcomp", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "IN", "VBG", "TO", "VB", "NNP", "."],
        lemmas=["Arnor", "accuse", "Gondor", "of", "try", "to", "attack", "Rohan", "."],
    )
    fact, frame = factuality_of(DocView.build(doc), 6, False)
    assert fact is Factuality.ALLEGED and frame is not None and frame.word == "accuse"
    # the intent alone ("Gondor is trying to attack Rohan") stays intended
    alone = make_doc(
        ["Gondor", "is", "trying", "to", "attack", "Rohan", "."],
        [2, 2, 2, 4, 2, 4, 2],
        ["nsubj", "aux", "ROOT", "aux", "xcomp", "dobj", "punct"],
        ["NNP", "VBZ", "VBG", "TO", "VB", "NNP", "."],
        lemmas=["Gondor", "be", "try", "to", "attack", "Rohan", "."],
    )
    assert factuality_of(DocView.build(alone), 4, False)[0] is Factuality.INTENDED


def test_the_first_to_act_did_act(make_doc: Any) -> None:
    doc, v = _noun_infinitive(make_doc, "first", "country")  # "the first country to attack"
    assert factuality_of(DocView.build(doc), v, False)[0] is Factuality.ASSERTED


def test_an_intent_noun_frames_its_infinitive(make_doc: Any) -> None:
    doc, v = _noun_infinitive(make_doc, None, "plan")  # "a plan to attack": intended
    assert factuality_of(DocView.build(doc), v, False)[0] is Factuality.INTENDED


def _gerund_frame(make_doc: Any, frame: str, frame_lemma: str, prep: str) -> Any:
    """ "Gondor <frame> <prep> attacking Rohan ." (the gerund is the preposition's pcomp)."""
    return make_doc(
        ["Gondor", frame, prep, "attacking", "Rohan", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "prep", "pcomp", "dobj", "punct"],
        ["NNP", "VBD", "IN", "VBG", "NNP", "."],
        lemmas=["Gondor", frame_lemma, prep, "attack", "Rohan", "."],
    )


def test_a_gerund_after_an_intent_word_is_intended(make_doc: Any) -> None:
    for frame, lemma, prep in [("decided", "decide", "on"), ("committed", "commit", "to")]:
        view = DocView.build(_gerund_frame(make_doc, frame, lemma, prep))
        fact, found = factuality_of(view, 3, False)
        assert fact is Factuality.INTENDED and found is not None and found.word == lemma


def test_a_gerund_after_a_request_is_not_done(make_doc: Any) -> None:
    view = DocView.build(_gerund_frame(make_doc, "called", "call", "for"))
    assert factuality_of(view, 3, False)[0] is Factuality.HYPOTHETICAL


def test_a_gerund_after_another_verb_is_asserted(make_doc: Any) -> None:
    # "Gondor succeeded in attacking Rohan": no frame, the act was done
    view = DocView.build(_gerund_frame(make_doc, "succeeded", "succeed", "in"))
    assert factuality_of(view, 3, False) == (Factuality.ASSERTED, None)


def _framed_attack(make_doc: Any, frame: str, lemma: str, tag: str = "VBD") -> Any:
    """ "Gondor <frame> to attack Rohan ." (the infinitive is the frame's xcomp)."""
    return make_doc(
        ["Gondor", frame, "to", "attack", "Rohan", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
        ["NNP", tag, "TO", "VB", "NNP", "."],
        lemmas=["Gondor", lemma, "to", "attack", "Rohan", "."],
    )


def test_a_threatened_attack_is_a_threat_not_force(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = _framed_attack(make_doc, "threatened", "threaten")
    fact, frame = factuality_of(DocView.build(doc), 3, False)
    assert fact is Factuality.INTENDED and frame is not None and frame.word == "threaten"
    assert [(e.code, e.factuality) for e in code_doc(doc)] == [("138", Factuality.INTENDED)]


def test_a_misread_lemma_still_frames(make_doc: Any) -> None:
    # the small model lemmatizes "hopes" as "hop": the surface form says HOPE
    doc = _framed_attack(make_doc, "hopes", "hop", "VBZ")
    assert factuality_of(DocView.build(doc), 3, False)[0] is Factuality.INTENDED


def test_allegedly_hedges_the_act(make_doc: Any) -> None:
    doc = make_doc(
        ["Gondor", "allegedly", "attacked", "Rohan", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "advmod", "ROOT", "dobj", "punct"],
        ["NNP", "RB", "VBD", "NNP", "."],
        lemmas=["Gondor", "allegedly", "attack", "Rohan", "."],
    )
    assert factuality_of(DocView.build(doc), 2, False)[0] is Factuality.ALLEGED


def test_a_claim_noun_with_its_clause_is_alleged(make_doc: Any) -> None:
    doc = make_doc(  # "Arnor rejected claims that Gondor attacked Rohan ."
        ["Arnor", "rejected", "claims", "that", "Gondor", "attacked", "Rohan", "."],
        [1, 1, 1, 5, 5, 2, 5, 1],
        ["nsubj", "ROOT", "dobj", "mark", "nsubj", "acl", "dobj", "punct"],
        ["NNP", "VBD", "NNS", "IN", "NNP", "VBD", "NNP", "."],
        lemmas=["Arnor", "reject", "claim", "that", "Gondor", "attack", "Rohan", "."],
    )
    assert factuality_of(DocView.build(doc), 5, False)[0] is Factuality.ALLEGED


def test_weighing_an_act_is_not_doing_it(make_doc: Any) -> None:
    doc = make_doc(  # "Gondor is considering attacking Rohan ."
        ["Gondor", "is", "considering", "attacking", "Rohan", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubj", "aux", "ROOT", "xcomp", "dobj", "punct"],
        ["NNP", "VBZ", "VBG", "VBG", "NNP", "."],
        lemmas=["Gondor", "be", "consider", "attack", "Rohan", "."],
    )
    assert factuality_of(DocView.build(doc), 3, False)[0] is Factuality.HYPOTHETICAL


@pytest.mark.parametrize("prep", [["as", "to"], ["about"]])
def test_being_undecided_about_an_act_is_not_doing_it(make_doc: Any, prep: list[str]) -> None:
    # "Gondor is undecided as to / about attacking Rohan ."
    k = len(prep)
    doc = make_doc(
        ["Gondor", "is", "undecided", *prep, "attacking", "Rohan", "."],
        [1, 1, 1, 2] + [3] * (k - 1) + [2 + k, 3 + k, 1],
        ["nsubj", "ROOT", "acomp", "prep"] + ["pcomp"] * (k - 1) + ["pcomp", "dobj", "punct"],
        ["NNP", "VBZ", "JJ"] + ["IN"] * k + ["VBG", "NNP", "."],
        lemmas=["Gondor", "be", "undecided", *prep, "attack", "Rohan", "."],
    )
    fact, frame = factuality_of(DocView.build(doc), 3 + k, False)
    assert fact is Factuality.HYPOTHETICAL and frame is not None and frame.word == "undecided"


def test_no_plans_to_act_is_negated(make_doc: Any) -> None:
    doc = make_doc(  # "Gondor has no plans to attack Rohan ."
        ["Gondor", "has", "no", "plans", "to", "attack", "Rohan", "."],
        [1, 1, 3, 1, 5, 3, 5, 1],
        ["nsubj", "ROOT", "det", "dobj", "aux", "acl", "dobj", "punct"],
        ["NNP", "VBZ", "DT", "NNS", "TO", "VB", "NNP", "."],
        lemmas=["Gondor", "have", "no", "plan", "to", "attack", "Rohan", "."],
    )
    assert factuality_of(DocView.build(doc), 5, False)[0] is Factuality.NEGATED


def _order_doing(make_doc: Any, verb: str, lemma: str) -> Any:
    """ "Gondor <verb> an order sanctioning Rohan ." (the participle is the noun's acl)."""
    return make_doc(
        ["Gondor", verb, "an", "order", "sanctioning", "Rohan", "."],
        [1, 1, 3, 1, 3, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "acl", "dobj", "punct"],
        ["NNP", "VBZ", "DT", "NN", "VBG", "NNP", "."],
        lemmas=["Gondor", lemma, "an", "order", "sanction", "Rohan", "."],
    )


def test_an_order_signed_or_issued_does_what_it_orders(make_doc: Any) -> None:
    for verb, lemma in (("signs", "sign"), ("issues", "issue")):
        view = DocView.build(_order_doing(make_doc, verb, lemma))
        assert factuality_of(view, 4, False) == (Factuality.ASSERTED, None), verb


def test_an_order_overturned_is_still_not_the_act(make_doc: Any) -> None:
    # "Gondor overturns an order sanctioning Rohan": the order is not enacted here
    view = DocView.build(_order_doing(make_doc, "overturns", "overturn"))
    assert factuality_of(view, 4, False)[0] is Factuality.HYPOTHETICAL


def _conjoined(make_doc: Any, aux: list[str], tag: str = "VB") -> Any:
    """ "Gondor <aux> attack Rohan and sanction Mordor ." (the second verb is a conj)."""
    n = len(aux)
    words = ["Gondor", *aux, "attack", "Rohan", "and", "sanction", "Mordor", "."]
    v = 1 + n
    heads = [v] + [v] * n + [v, v, v, v, v + 3, v]
    deps = (
        ["nsubj"]
        + (["aux", "neg"][:n] if n == 2 else ["aux"])
        + ["ROOT", "dobj", "cc", "conj", "dobj", "punct"]
    )
    tags = ["NNP"] + (["MD", "RB"][:n]) + ["VB", "NNP", "CC", tag, "NNP", "."]
    lemmas = ["Gondor", *[a.lower() for a in aux], "attack", "Rohan", "and", "sanction", "Mordor"]
    return make_doc(words, heads, deps, tags, lemmas=[*lemmas, "."])


def test_a_conjoined_bare_verb_shares_the_modal(make_doc: Any) -> None:
    for tag in ("VB", "VBP"):  # the small model tags some of these bare verbs VBP
        view = DocView.build(_conjoined(make_doc, ["could"], tag))
        assert factuality_of(view, 5, False)[0] is Factuality.HYPOTHETICAL, tag


def test_a_conjoined_bare_verb_shares_the_negation(make_doc: Any) -> None:
    view = DocView.build(_conjoined(make_doc, ["will", "not"]))
    assert factuality_of(view, 6, False)[0] is Factuality.NEGATED


def test_a_conjoined_past_verb_has_its_own_factuality(make_doc: Any) -> None:
    # "Gondor could attack Rohan and sanctioned Mordor": a tense of its own, asserted
    view = DocView.build(_conjoined(make_doc, ["could"], "VBD"))
    assert factuality_of(view, 5, False) == (Factuality.ASSERTED, None)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Israel could strike Iran and impose sanctions on Lebanon.",
        "The United States might withdraw its troops from Syria and seek to cancel the "
        "agreement with Turkey.",
    ],
)
def test_a_modal_carries_over_and(coder: Any, sentence: str) -> None:
    events = coder.code_text(sentence, date="2025-06-01")
    assert events and not any(e.factuality.counts for e in events), events
