"""Cooperation recall (issue #9): mutual event nouns of a coordinated subject, partnerships,
memberships, support and concluded deals (coding/nounpairs.py, tocsin.coop.verbs.txt).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "members", "code"),
    [
        ("Egypt and Turkey announce a strategic partnership.", ("EGY", "TUR"), "060"),
        ("Chile and Peru announce an agreement to build a railway.", ("CHL", "PER"), "057"),
        (
            "Norway, Sweden and Finland unveil a partnership on energy.",
            ("NOR", "SWE", "FIN"),
            "060",
        ),
    ],
)
def test_a_coordinated_subject_makes_the_noun_mutual(
    triples: Any, sentence: str, members: tuple[str, ...], code: str
) -> None:
    found = triples(sentence)
    for a in members:
        for b in members:
            if a != b:
                assert (a, b, code) in found, found


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt announces a strategic partnership.",
        "Amazon partners with a local firm, marking its first African agreement.",
    ],
)
def test_one_party_or_an_adjective_makes_no_pair(triples: Any, sentence: str) -> None:
    found = triples(sentence)
    assert not {t for t in found if t[2] in ("057", "060") and t[1] in ("", "AFR")}, found


@pytest.mark.slow
def test_a_partnership_with_a_partner(triples: Any) -> None:
    assert ("KEN", "SOM", "060") in triples("Kenya announces a partnership with Somalia.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "member"),
    [
        ("Timor-Leste becomes a member of ASEAN.", "TLS"),
        ("Finland becomes a member of NATO.", "FIN"),
        ("Ukraine becomes a member state of the European Union.", "UKR"),
    ],
)
def test_becoming_a_member_joins_the_body(triples: Any, sentence: str, member: str) -> None:
    found = triples(sentence)
    assert any(s == member and t == "IGO" and c == "057" for s, t, c in found), found


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The Kenyan president expresses support for Somalia.",
        "Canada and France reinforce support for Denmark.",
        "The Chilean president shows support for Peru.",
    ],
)
def test_support_for_someone_is_an_endorsement(triples: Any, sentence: str) -> None:
    found = triples(sentence)
    assert any(c == "051" for _, _, c in found), found
    assert not any(c[:2] in ("11", "17") for _, _, c in found), found


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt and Turkey finalize a trade deal.",
        "Chile seals a deal with Peru on copper.",
        "Norway and Sweden conclude a deal on fishing.",
    ],
)
def test_a_concluded_deal_is_signed_not_intended(triples: Any, sentence: str) -> None:
    found = triples(sentence)
    assert any(c == "057" for _, _, c in found), found
    assert not any(c == "030" for _, _, c in found), found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "visitor", "host"),
    [
        ("The Indian prime minister is on a visit to Japan.", "IND", "JPN"),
        ("During his visit to Beijing, the French president calls for peace.", "FRA", "CHN"),
        ("Protests erupt during a visit by the Kenyan president to Uganda.", "KEN", "UGA"),
        ("The German chancellor begins a trip to Brazil.", "DEU", "BRA"),
    ],
)
def test_a_visit_noun_is_a_visit_to_its_host(
    triples: Any, sentence: str, visitor: str, host: str
) -> None:
    found = triples(sentence)
    assert (visitor, host, "042") in found, found
    assert not any(c == "036" for _, _, c in found), found


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Ahead of his visit to Beijing, the French president calls for peace.",
        "The French president's planned visit to Beijing is postponed.",
        "The students are on a trip to France.",
    ],
)
def test_a_visit_to_come_or_by_no_one_is_none(triples: Any, sentence: str) -> None:
    assert not {t for t in triples(sentence) if t[2] == "042"}, triples(sentence)
