"""Reported speech composes two clauses, on Docs built by hand (no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.actors import Coreference
from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.options import Options
from tocsin.models import Event, Factuality


def _said(make_doc: Any, speaker: str, verb: str = "said", lemma: str = "say") -> Any:
    # "<speaker> said Gondor attacked Rohan."
    return make_doc(
        [speaker, verb, "Gondor", "attacked", "Rohan", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "VBD", "NNP", "."],
        lemmas=[speaker, lemma, "Gondor", "attack", "Rohan", "."],
    )


def _facts(events: list[Event]) -> set[tuple[str | None, str | None, str, Factuality]]:
    return {
        (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.code,
            e.factuality,
        )
        for e in events
    }


def test_an_attack_claimed_by_another_is_an_accusation(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnor claimed Gondor attacked Rohan.": a claim, the act only alleged
    found = _facts(code_doc(_said(make_doc, "Arnor", "claimed", "claim")))
    assert ("ARN", "GON", "112", Factuality.ASSERTED) in found
    assert ("GON", "ROH", "190", Factuality.ALLEGED) in found
    assert not any(code == "010" for _, _, code, _ in found)  # the statement stands for itself


def test_a_third_partys_report_of_an_attack_is_the_attack(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnor said Gondor attacked Rohan.": Arnor is on neither side, it reports news
    found = _facts(code_doc(_said(make_doc, "Arnor")))
    assert found == {("GON", "ROH", "190", Factuality.ASSERTED)}


def test_a_victims_report_of_an_attack_is_the_attack_and_an_accusation(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohanians said Gondor attacked Rohan.": the victim's side says what was done to it
    found = _facts(code_doc(_said(make_doc, "Rohanians")))
    assert ("GON", "ROH", "190", Factuality.ASSERTED) in found
    assert ("ROH", "GON", "112", Factuality.ASSERTED) in found


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence, attacker, victim",
    [
        ("The mayor of Odesa says that a Russian drone struck a hospital in Odesa.", "RUS", "UKR"),
        ("Lebanese officials said an Israeli missile hit a house in Tyre.", "ISR", "LBN"),
    ],
)
def test_a_victims_report_of_a_weapons_strike_keeps_both(
    roots: Callable[[str], set[tuple[str, str, str]]], sentence: str, attacker: str, victim: str
) -> None:
    # the weapon's owner is the attacker; the accusation of him survives that repair
    found = roots(sentence)
    assert (attacker, victim, "19") in found
    assert (victim, attacker, "11") in found


def test_news_attribution_after_the_clause_is_not_a_claim(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Gondor attacked Rohan, Arnor said."
    doc = make_doc(
        ["Gondor", "attacked", "Rohan", ",", "Arnor", "said", "."],
        [1, 5, 1, 5, 5, 5, 5],
        ["nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT", "punct"],
        ["NNP", "VBD", "NNP", ",", "NNP", "VBD", "."],
        lemmas=["Gondor", "attack", "Rohan", ",", "Arnor", "say", "."],
    )
    found = {
        (e.source.code, e.target.code, e.code, e.factuality)
        for e in code_doc(doc)
        if e.source and e.target
    }
    assert found == {("GON", "ROH", "190", Factuality.ASSERTED)}


REPORT_VERBS = """\
---  ATTACK   [190]  ---
ATTACK {ATTACKS ATTACKED ATTACKING}

---  MEET   [040]  ---
MEET {MEETS MET MEETING}

---  REPORT   [---]  ---
REPORT {REPORTS REPORTED REPORTING}

---  SAY   [010]  ---
SAY {SAYS SAID SAYING}
"""
REPORT_ACTORS = """\
name\tsynonyms\tcode\tfrom\tto\tkind
Arnor\tArnorian\tARN\t\t\tcountry
Gondor\tGondorian\tGON\t\t\tcountry
Rohan\tRohanian\tROH\t\t\tcountry
Arnor Herald\t\tARNMED\t\t\tgroup
"""


@pytest.fixture(scope="module")
def report_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    """Attack, meet, say and an uncoded report verb; three countries and a newspaper."""
    folder = tmp_path_factory.mktemp("report")
    (folder / "manifest.toml").write_text(
        'name = "report"\nverbs = ["r.verbs.txt"]\nactors = ["r.actors.tsv"]\n', encoding="utf-8"
    )
    (folder / "r.verbs.txt").write_text(REPORT_VERBS, encoding="utf-8")
    (folder / "r.actors.tsv").write_text(REPORT_ACTORS, encoding="utf-8")
    return load_dictionaries(str(folder))


def _found(events: list[Event]) -> set[tuple[str | None, str | None, str, Factuality]]:
    return {
        (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.code,
            e.factuality,
        )
        for e in events
    }


def _speech_doc(make_doc: Any, speaker: list[str], verb: str, rest: list[str]) -> Any:
    """ "<speaker> <verb> that <rest>": rest is (subject, [aux], verb, object) ending in '.'."""
    n = len(speaker)
    words = speaker + [verb, "that"] + rest + ["."]
    v = n  # the speech verb
    inner = n + 2 + len(rest) - 2  # the embedded verb: before the object
    heads = [n - 1] * (n - 1) + [v] + [v, inner]
    deps = ["compound"] * (n - 1) + ["nsubj", "ROOT", "mark"]
    tags = ["NNP"] * n + ["VBD", "IN"]
    heads += [inner]
    deps += ["nsubj"]
    tags += ["PRP" if rest[0].lower() in ("it", "they") else "NNP"]
    for _ in rest[1:-2]:
        heads.append(inner)
        deps.append("aux")
        tags.append("MD")
    heads += [v, inner, v]
    deps += ["ccomp", "dobj", "punct"]
    tags += ["VB" if len(rest) > 3 else "VBD", "NNP", "."]
    lemmas = [w.lower() for w in words]
    lemmas[v] = {"said": "say", "reported": "report", "claimed": "claim"}.get(verb, verb)
    lemmas[inner] = {"attacked": "attack", "meet": "meet"}.get(words[inner], words[inner])
    return make_doc(words, heads, deps, tags, lemmas=lemmas)


def test_an_actor_reporting_its_own_attack_codes_the_attack(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnor said that it attacked Gondor." / "Arnor said that Arnor attacked Gondor."
    for subject in ("it", "Arnor"):
        doc = _speech_doc(make_doc, ["Arnor"], "said", [subject, "attacked", "Gondor"])
        found = _found(code_doc(doc, coref=Coreference()))
        assert ("ARN", "GON", "190", Factuality.ASSERTED) in found, subject
        assert not any(code in ("112", "015", "010") for _, _, code, _ in found), subject


def test_another_actors_attack_stays_an_accusation_even_with_a_pronoun_elsewhere(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohan claimed that Gondor attacked Arnor." (a claim: a neutral third party's "said"
    # would report the act)
    doc = _speech_doc(make_doc, ["Rohan"], "claimed", ["Gondor", "attacked", "Arnor"])
    found = _found(code_doc(doc, coref=Coreference()))
    assert ("ROH", "GON", "112", Factuality.ASSERTED) in found
    assert ("GON", "ARN", "190", Factuality.ALLEGED) in found


def test_a_speech_verb_without_a_code_still_gives_it_its_speaker(
    make_doc: Any, code_doc: Callable[..., list[Event]], report_dictionaries: Dictionaries
) -> None:
    # "Arnor reported that it attacked Gondor.": REPORT codes nothing, "it" is Arnor
    doc = _speech_doc(make_doc, ["Arnor"], "reported", ["it", "attacked", "Gondor"])
    found = _found(code_doc(doc, coref=Coreference(), dictionaries=report_dictionaries))
    assert ("ARN", "GON", "190", Factuality.ASSERTED) in found


def test_a_newspaper_reporting_an_attack_is_attribution_not_accusation(
    make_doc: Any, code_doc: Callable[..., list[Event]], report_dictionaries: Dictionaries
) -> None:
    # "Arnor Herald reported that Gondor attacked Rohan."
    doc = _speech_doc(make_doc, ["Arnor", "Herald"], "reported", ["Gondor", "attacked", "Rohan"])
    found = _found(code_doc(doc, coref=Coreference(), dictionaries=report_dictionaries))
    assert ("GON", "ROH", "190", Factuality.ASSERTED) in found
    assert not any(code == "112" for _, _, code, _ in found)


def test_announcing_ones_own_future_meeting_is_an_intent(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnor said that it will meet Gondor.": an intent to meet (036), not a meeting
    doc = _speech_doc(make_doc, ["Arnor"], "said", ["it", "will", "meet", "Gondor"])
    found = _found(code_doc(doc, coref=Coreference()))
    assert ("ARN", "GON", "036", Factuality.INTENDED) in found
    assert not any(code == "040" for _, _, code, _ in found)


def test_petrarchs_convention_codes_an_own_claim_as_responsibility(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Arnor said that it attacked Gondor." under own_claims_as_acts=False: 015, the act alleged
    doc = _speech_doc(make_doc, ["Arnor"], "said", ["it", "attacked", "Gondor"])
    found = _found(code_doc(doc, options=Options(own_claims_as_acts=False), coref=Coreference()))
    assert ("ARN", "GON", "015", Factuality.ASSERTED) in found
    assert ("ARN", "GON", "190", Factuality.ALLEGED) in found


def test_saying_another_broke_a_rule_is_an_accusation(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohan said that Gondor violated Arnor." / "... breached ...": 112, not a 010 statement
    for verb, lemma in (("violated", "violate"), ("breached", "breach")):
        doc = make_doc(
            ["Rohan", "said", "that", "Gondor", verb, "Arnor", "."],
            [1, 1, 4, 4, 1, 4, 1],
            ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"],
            ["NNP", "VBD", "IN", "NNP", "VBD", "NNP", "."],
            lemmas=["Rohan", "say", "that", "Gondor", lemma, "Arnor", "."],
        )
        found = _found(code_doc(doc))
        assert ("ROH", "GON", "112", Factuality.ASSERTED) in found, verb
        assert not any(code == "010" for _, _, code, _ in found), verb


def test_saying_another_did_something_else_is_no_accusation(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    # "Rohan said that Gondor visited Arnor.": an uncoded act, no accusation
    doc = make_doc(
        ["Rohan", "said", "that", "Gondor", "visited", "Arnor", "."],
        [1, 1, 4, 4, 1, 4, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"],
        ["NNP", "VBD", "IN", "NNP", "VBD", "NNP", "."],
        lemmas=["Rohan", "say", "that", "Gondor", "visit", "Arnor", "."],
    )
    assert not any(e.code.startswith("11") for e in code_doc(doc))


@pytest.fixture(scope="module")
def news_coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("compose") / "data")
    return Coder(settings, enrich=False)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        ("Germany decided on sending troops to Mali.", "sending", "0312"),
        ("Japan is committed to providing aid to Ukraine.", "providing", "033"),
    ],
)
def test_an_intent_word_with_a_gerund_is_one_intent(
    news_coder: Any, sentence: str, trigger: str, code: str
) -> None:
    events = news_coder.code_text(sentence, date="2025-06-01")
    assert [(e.trigger, e.code, e.factuality) for e in events] == [
        (trigger, code, Factuality.INTENDED)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Poland called on NATO to deploy more troops.",
        "The African Union called on Sudan to release political prisoners.",
    ],
)
def test_calling_on_an_actor_to_act_is_a_request_to_it(news_coder: Any, sentence: str) -> None:
    events = news_coder.code_text(sentence, date="2025-06-01")
    assert [(e.trigger, e.code[:2], e.factuality) for e in events] == [
        ("called", "02", Factuality.ASSERTED)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "The United States Central Command says its forces have struck a missile site "
            "in Hodeidah, Yemen.",
            "USA",
            "YEM",
        ),
        ("NATO reports its forces have destroyed a depot in Kandahar, Afghanistan.", "IGO", "AFG"),
    ],
)
def test_a_speaker_reporting_what_its_forces_did_reports_its_own_act(
    news_coder: Any, sentence: str, source: str, target: str
) -> None:
    events = news_coder.code_text(sentence, date="2025-06-01")
    counted = [e for e in events if e.factuality.counts]
    assert [
        (e.source.code[:3] if e.source else "", e.target.code[:3] if e.target else "", e.code[:2])
        for e in counted
    ] == [(source, target, "19")], counted


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("The Congolese army claimed to have destroyed a rebel base near Goma.", "COD", "COD"),
        ("Somali forces claim to have killed a senior al-Shabaab commander.", "SOM", "SOM"),
        ("The Houthis claim that they targeted a US destroyer.", "YEM", "USA"),
    ],
)
def test_an_actor_claiming_its_own_act_reports_the_act(
    news_coder: Any, sentence: str, source: str, target: str
) -> None:
    events = news_coder.code_text(sentence, date="2025-06-01")
    counted = [e for e in events if e.factuality.counts]
    assert [
        (e.source.code[:3] if e.source else "", e.target.code[:3] if e.target else "", e.code[:2])
        for e in counted
    ] == [(source, target, "19")], events


@pytest.mark.slow
def test_an_act_others_claim_of_an_actor_is_only_alleged(news_coder: Any) -> None:
    events = news_coder.code_text("Russia is claimed to have attacked Ukraine.", date="2025-06-01")
    assert events and not any(e.factuality.counts for e in events), events


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Iran warned that it could strike American bases in Qatar.", "138"),
        ("Russia warns it may expel British diplomats.", "1313"),
    ],
)
def test_a_warning_of_ones_own_possible_coercion_is_a_threat(
    news_coder: Any, sentence: str, code: str
) -> None:
    events = news_coder.code_text(sentence, date="2025-06-01")
    assert [e.code for e in events if e.factuality.counts] == [code], events


@pytest.mark.slow
def test_a_warning_about_anothers_possible_attack_is_no_threat(news_coder: Any) -> None:
    events = news_coder.code_text(
        "Germany warns that Russia could attack Poland.", date="2025-06-01"
    )
    assert not any(e.code.startswith("13") for e in events), events
