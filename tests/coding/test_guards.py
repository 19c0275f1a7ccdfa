"""The precision guard on role-only actors (hand-built Docs, no model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tocsin.coding.dictionaries import Dictionaries, load_dictionaries
from tocsin.coding.options import Options
from tocsin.models import Event

# "Police attacked civilians in Rohan."
ONE = (
    ["Police", "attacked", "civilians", "in", "Rohan", "."],
    [1, 1, 1, 2, 3, 1],
    ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "NNS", "IN", "NNP", "."],
)
# "Police attacked civilians in Rohan and Gondor."
TWO = (
    ["Police", "attacked", "civilians", "in", "Rohan", "and", "Gondor", "."],
    [1, 1, 1, 2, 3, 4, 4, 1],
    ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"],
    ["NNS", "VBD", "NNS", "IN", "NNP", "CC", "NNP", "."],
)


def _codes(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None) for e in events
    }


def test_roles_take_the_country_of_the_sentence(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(*ONE, lemmas=["police", "attack", "civilian", "in", "Rohan", "."])
    events = code_doc(doc)
    assert _codes(events) == {("ROHCOP", "ROHCVL")}
    assert any("country" in r for r in events[0].rules)


def test_petrarch_convention_keeps_role_only_codes_out(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(*ONE, lemmas=["police", "attack", "civilian", "in", "Rohan", "."])
    events = code_doc(doc, options=Options(place_roles=False))
    assert _codes(events) == {("---COP", "ROHCVL")}  # the role stays "---", as in PETRARCH gold


def test_roles_in_a_sentence_of_two_countries_are_dropped(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    lemmas = ["police", "attack", "civilian", "in", "Rohan", "and", "Gondor", "."]
    assert code_doc(make_doc(*TWO, lemmas=lemmas)) == []  # whose police? not said


def test_a_teaser_tag_is_page_furniture(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    words = ["Gondor", "attacked", "Rohan", "[", "REACTION", "]"]
    doc = make_doc(
        words,
        [1, 1, 1, 4, 1, 4],
        ["nsubj", "ROOT", "dobj", "punct", "npadvmod", "punct"],
        ["NNP", "VBD", "NNP", "-LRB-", "NN", "-RRB-"],
        lemmas=["Gondor", "attack", "Rohan", "[", "reaction", "]"],
    )
    assert code_doc(doc) == []
    plain = make_doc(
        words[:3],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["NNP", "VBD", "NNP"],
        lemmas=["Gondor", "attack", "Rohan"],
    )
    assert len(code_doc(plain)) == 1


PLACEHOLDER_VERBS = """\
####### VERB PATTERNS #######

---  OVERSEE   [060]  ---
LEAD {LEADS LED LEADING}
- * TALKS WITH                              [046]

---  ANNOUNCE   [010]  ---
ANNOUNCE {ANNOUNCES ANNOUNCED ANNOUNCING}
TELL {TELLS TOLD TELLING}
- * PLANS                                   [030]

---  PLEDGE   [---]  ---
PLEDGE {PLEDGES PLEDGED PLEDGING}
- * FUNDS                                   [0331]

---  MEET   [040]  ---
MEET {MEETS MET MEETING}

---  DEFEAT   [190]  ---
DEFEAT {DEFEATS DEFEATED DEFEATING}

####### END #######
"""


@pytest.fixture(scope="module")
def placeholder_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    """Two countries, a verb whose block default is the placeholder 060, two verbs of
    saying (010), "pledge funds" (0331), "meet" (040) and "defeat" (190)."""
    folder = tmp_path_factory.mktemp("placeholder")
    (folder / "manifest.toml").write_text(
        'name = "placeholder"\nverbs = ["p.verbs.txt"]\nactors = ["p.actors.tsv"]\n',
        encoding="utf-8",
    )
    (folder / "p.verbs.txt").write_text(PLACEHOLDER_VERBS, encoding="utf-8")
    (folder / "p.actors.tsv").write_text(
        "name\tsynonyms\tcode\tfrom\tto\tkind\nGondor\t\tGON\t\t\tcountry\n"
        "Rohan\t\tROH\t\t\tcountry\n",
        encoding="utf-8",
    )
    return load_dictionaries(str(folder))


def test_a_verb_default_placeholder_is_no_event(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = make_doc(  # "Gondor led Rohan ." : the block's default 060 says nothing
        ["Gondor", "led", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
        lemmas=["Gondor", "lead", "Rohan", "."],
    )
    assert code_doc(doc, dictionaries=placeholder_dictionaries) == []


def test_a_pattern_of_a_placeholder_verb_is_coded(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = make_doc(  # "Gondor led talks with Rohan ." : the pattern says what was done
        ["Gondor", "led", "talks", "with", "Rohan", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBD", "NNS", "IN", "NNP", "."],
        lemmas=["Gondor", "lead", "talk", "with", "Rohan", "."],
    )
    events = code_doc(doc, dictionaries=placeholder_dictionaries)
    assert [(e.source.code if e.source else None, e.code) for e in events] == [("GON", "046")]


def test_a_statement_about_a_thing_is_not_addressed_to_its_owner(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = make_doc(  # "Gondor announced the designation of Rohan ."
        ["Gondor", "announced", "the", "designation", "of", "Rohan", "."],
        [1, 1, 3, 1, 3, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
        lemmas=["Gondor", "announce", "the", "designation", "of", "Rohan", "."],
    )
    assert code_doc(doc, dictionaries=placeholder_dictionaries) == []


def test_a_statement_to_an_actor_is_coded(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    told = make_doc(  # "Gondor told Rohan ."
        ["Gondor", "told", "Rohan", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "."],
        lemmas=["Gondor", "tell", "Rohan", "."],
    )
    to = make_doc(  # "Gondor announced it to Rohan ."
        ["Gondor", "announced", "it", "to", "Rohan", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "dative", "pobj", "punct"],
        ["NNP", "VBD", "PRP", "IN", "NNP", "."],
        lemmas=["Gondor", "announce", "it", "to", "Rohan", "."],
    )
    for doc in (told, to):
        events = code_doc(doc, dictionaries=placeholder_dictionaries)
        assert _codes(events) == {("GON", "ROH")} and events[0].code == "010"


def _coordinated(make_doc: Any, verb: str, lemma: str, tail: list[str]) -> Any:
    """ "Gondor and Rohan <verb> <tail> ." (a compound subject)."""
    n = len(tail)
    return make_doc(
        ["Gondor", "and", "Rohan", verb, *tail, "."],
        [3, 0, 0, 3] + [3] * n + [3],
        ["nsubj", "cc", "conj", "ROOT"] + ["dobj"] * n + ["punct"],
        ["NNP", "CC", "NNP", "VBD"] + ["NNS"] * n + ["."],
        lemmas=["Gondor", "and", "Rohan", lemma, *[w.lower() for w in tail], "."],
    )


def test_a_pledge_of_two_is_not_a_pledge_to_each_other(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = _coordinated(make_doc, "pledged", "pledge", ["funds"])  # funds for someone else
    assert code_doc(doc, dictionaries=placeholder_dictionaries) == []


def test_a_meeting_of_two_is_between_them(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = _coordinated(make_doc, "met", "meet", [])
    events = code_doc(doc, dictionaries=placeholder_dictionaries)
    assert _codes(events) == {("GON", "ROH"), ("ROH", "GON")}


def test_roles_of_an_act_that_does_not_count_are_placed_too(
    make_doc: Any, code_doc: Callable[..., list[Event]]
) -> None:
    doc = make_doc(  # "Police did not attack civilians in Rohan ."
        ["Police", "did", "not", "attack", "civilians", "in", "Rohan", "."],
        [3, 3, 3, 3, 3, 4, 5, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NNS", "VBD", "RB", "VB", "NNS", "IN", "NNP", "."],
        lemmas=["police", "do", "not", "attack", "civilian", "in", "Rohan", "."],
    )
    events = code_doc(doc)
    assert _codes(events) == {("ROHCOP", "ROHCVL")}
    assert not events[0].factuality.counts
    lemmas = ["police", "do", "not", "attack", "civilian", "in", "Rohan", "and", "Gondor", "."]
    two = make_doc(  # two countries: whose police? the negated act keeps its roles
        ["Police", "did", "not", "attack", "civilians", "in", "Rohan", "and", "Gondor", "."],
        [3, 3, 3, 3, 3, 4, 5, 6, 6, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"],
        ["NNS", "VBD", "RB", "VB", "NNS", "IN", "NNP", "CC", "NNP", "."],
        lemmas=lemmas,
    )
    assert {s for s, _ in _codes(code_doc(two))} == {"---COP"}


def test_a_statement_about_an_actors_act_is_not_addressed_to_it(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = make_doc(  # "Gondor announced Rohan 's withdrawal ." : Rohan only owns the object
        ["Gondor", "announced", "Rohan", "'s", "withdrawal", "."],
        [1, 1, 4, 2, 1, 1],
        ["nsubj", "ROOT", "poss", "case", "dobj", "punct"],
        ["NNP", "VBD", "NNP", "POS", "NN", "."],
        lemmas=["Gondor", "announce", "Rohan", "'s", "withdrawal", "."],
    )
    assert code_doc(doc, dictionaries=placeholder_dictionaries) == []


def test_a_defeat_at_the_polls_is_no_fight(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    vote = make_doc(  # "Gondor defeated Rohan in the election ."
        ["Gondor", "defeated", "Rohan", "in", "the", "election", "."],
        [1, 1, 1, 1, 5, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
        ["NNP", "VBD", "NNP", "IN", "DT", "NN", "."],
        lemmas=["Gondor", "defeat", "Rohan", "in", "the", "election", "."],
    )
    assert code_doc(vote, dictionaries=placeholder_dictionaries) == []
    battle = make_doc(  # "Gondor defeated Rohan in the battle ."
        ["Gondor", "defeated", "Rohan", "in", "the", "battle", "."],
        [1, 1, 1, 1, 5, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
        ["NNP", "VBD", "NNP", "IN", "DT", "NN", "."],
        lemmas=["Gondor", "defeat", "Rohan", "in", "the", "battle", "."],
    )
    events = code_doc(battle, dictionaries=placeholder_dictionaries)
    assert [(e.code, _codes([e])) for e in events] == [("190", {("GON", "ROH")})]


def test_announced_plans_about_a_thing_are_not_addressed_to_its_owner(
    make_doc: Any, code_doc: Callable[..., list[Event]], placeholder_dictionaries: Dictionaries
) -> None:
    doc = make_doc(  # "Gondor announced plans for Rohan 's bases ."
        ["Gondor", "announced", "plans", "for", "Rohan", "'s", "bases", "."],
        [1, 1, 1, 2, 6, 4, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "poss", "case", "pobj", "punct"],
        ["NNP", "VBD", "NNS", "IN", "NNP", "POS", "NNS", "."],
        lemmas=["Gondor", "announce", "plan", "for", "Rohan", "'s", "base", "."],
    )
    assert code_doc(doc, dictionaries=placeholder_dictionaries) == []


# --- one act, one event (hand-made sentences, the spaCy model) ---


@pytest.fixture(scope="module")
def news_coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("guards") / "data")
    return Coder(settings, enrich=False)


def _root_keys(events: list[Event]) -> list[tuple[str, str, str]]:
    return [
        (
            (e.source.code if e.source else "")[:3],
            (e.target.code if e.target else "")[:3],
            e.code[:2],
        )
        for e in events
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Egypt launched airstrikes targeting Islamist militants in Libya.", ("EGY", "LBY", "19")),
        ("Israeli forces raided Jenin, killing three Palestinian militants.", ("ISR", "PSE", "19")),
    ],
)
def test_a_participle_describing_an_act_is_that_act(
    news_coder: Any, sentence: str, key: tuple[str, str, str]
) -> None:
    keys = _root_keys(news_coder.code_text(sentence, date="2025-06-01"))
    assert keys.count(key) == 1, keys


@pytest.mark.slow
def test_two_acts_joined_by_and_stay_two(news_coder: Any) -> None:
    for sentence, triggers in [
        (
            "Japan seized a Chinese fishing boat and arrested two Chinese fishermen.",
            {"seized", "arrested"},
        ),
        (
            "Turkey shelled Kurdish positions in Syria and bombed a Syrian army base.",
            {"shelled", "bombed"},
        ),
    ]:
        events = news_coder.code_text(sentence, date="2025-06-01")
        assert {e.trigger for e in events} >= triggers, [e.trigger for e in events]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Iran imposed sanctions on Iranian journalists.", "172"),
        ("The Hungarian government announced a ban on social media for children.", "172"),
        ("The United States imposed sanctions on Iran.", "163"),
    ],
)
def test_a_ban_on_ones_own_people_is_an_administrative_sanction(
    news_coder: Any, sentence: str, code: str
) -> None:
    codes = {e.code for e in news_coder.code_text(sentence, date="2025-06-01")}
    assert codes == {code}, codes


@pytest.mark.slow
def test_a_target_named_by_the_sources_own_possessive_is_no_other_party(news_coder: Any) -> None:
    for sentence in ("Taiwan put its forces on alert.", "Egypt placed its troops on high alert."):
        assert news_coder.code_text(sentence, date="2025-06-01") == []
    # the other party named beside the possessive stays the target
    other = news_coder.code_text("Russia recalled its ambassador to France.", date="2025-06-01")
    assert ("RUS", "FRA", "161") in set(_root_keys(other)) or ("RUS", "FRA", "16") in set(
        _root_keys(other)
    )


@pytest.mark.slow
def test_a_negated_mutual_act_is_the_subjects_rejection_only(news_coder: Any) -> None:
    one = news_coder.code_text("Tehran would not negotiate with Washington.", date="2025-06-01")
    assert [k for k in _root_keys(one) if k[2] == "12"] == [("IRN", "USA", "12")]
    # a coordinated subject refuses together: both directions stay
    both = news_coder.code_text(
        "Iran and the United States did not meet in Oman.", date="2025-06-01"
    )
    assert {k[:2] for k in _root_keys(both) if k[2] == "12"} == {("IRN", "USA"), ("USA", "IRN")}


@pytest.mark.slow
def test_force_coded_both_ways_from_one_verb_is_the_subjects(news_coder: Any) -> None:
    bomber = news_coder.code_text("A Japanese bomber attacked a U.S. vessel.", date="2025-06-01")
    assert [k[:2] for k in _root_keys(bomber)] == [("JPN", "USA")]
    # a reciprocal act of a coordinated subject stays mutual
    fire = news_coder.code_text("India and Pakistan exchanged fire along the border.")
    assert {k[:2] for k in _root_keys(fire)} == {("IND", "PAK"), ("PAK", "IND")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence, source, target, code",
    [
        ("Japan announced plans to impose new sanctions on North Korea.", "JPN", "PRK", "1312"),
        (
            "The European Union unveils a plan to impose tariffs on Chinese steel.",
            "IGO",
            "CHN",
            "1312",
        ),
        ("Canada announces plans to send aid to Haiti.", "CAN", "HTI", "033"),
    ],
)
def test_an_intended_event_noun_takes_its_intent_code(
    news_coder: Any, sentence: str, source: str, target: str, code: str
) -> None:
    # an event noun under an intent frame is the intent (03x) or threat (13x), not the act
    events = news_coder.code_text(sentence, date="2025-06-01")
    found = {(e.source.root, e.target.root, e.code) for e in events if e.source and e.target}
    assert (source, target, code) in found
    assert not any(c[:2] in ("16", "07") for _, _, c in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Armenia and Azerbaijan agreed to extend their ceasefire.",
        "India and Pakistan agree to observe the ceasefire along the border.",
    ],
)
def test_a_ceasefire_agreed_between_the_members_is_mutual(news_coder: Any, sentence: str) -> None:
    # an intent to de-escalate is between the two sides that fight, not for a third party
    found = {k[:2] for k in _root_keys(news_coder.code_text(sentence, date="2025-06-01"))}
    assert len(found) == 2 and all(a != b for a, b in found), found
