"""Boilerplate: comment sections cut, page furniture dropped, article prose kept."""

from __future__ import annotations

import pytest

from tocsin.ingest.boilerplate import is_furniture, is_section_start, strip_boilerplate

BODY = [
    "The foreign ministers met in Geneva on Tuesday to discuss a ceasefire.",
    "Both sides said the talks were constructive and agreed to meet again next month.",
]


@pytest.mark.parametrize(
    "trailer",
    [
        ['One Response to "Ministers meet in Geneva"', "Pingback: A weekly digest of news"],
        ["12 Comments", "John says: great article", "Mary says: I disagree"],
        ["3 thoughts on “Ministers meet in Geneva”", "Reply"],
        [
            "Leave a Reply Cancel reply",
            "Your email address will not be published. Required fields are marked *",
            "Comment",
            "Name *",
        ],
        ["1. Pingback: Somebody's blog post about the talks"],
        ["Trackback: http://example.org/trackback"],
        ["Share this:", "Click to share on Twitter (Opens in new window)", "Like this:"],
        ["Related posts", "Ceasefire talks collapse", "Ministers to meet again"],
        ["You may also like", "Another story"],
        ["Comments are closed."],
        ["Tags: Geneva, ceasefire, diplomacy"],
    ],
)
def test_comment_sections_and_trailers_are_cut(trailer: list[str]) -> None:
    assert strip_boilerplate(BODY + trailer) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Click to share on Facebook (Opens in new window)",
        "Follow us on Twitter and Facebook for the latest news",
        "This website uses cookies to improve your experience. We'll assume you're ok with this.",
        "We use cookies to personalise content and ads.",
        "Sign up for our daily newsletter",
        "© 2024 The Daily News. All rights reserved.",
        "Skip to content",
        "Continue reading",
        "(Reporting by Jane Doe in Kabul; Editing by John Smith)",
        "Editing by John Smith and Jane Roe",
    ],
)
def test_furniture_is_dropped_wherever_it_is(line: str) -> None:
    assert is_furniture(line)
    assert strip_boilerplate([BODY[0], line, BODY[1]]) == BODY


@pytest.mark.parametrize(
    "prose",
    [
        "One response to the sanctions was a sharp fall in the rouble, analysts said on Monday.",
        "Comments by the minister angered officials in Islamabad, who summoned the envoy.",
        "Russia shared this assessment with its partners, the ministry said.",
        "Related talks in Doha are expected to resume next week, a diplomat said.",
        "Leave aside the question of sanctions, the envoy said, and look at trade.",
        (
            "The ministry said it uses cookies and other tracking tools on its website, which "
            "critics said violated a 2019 privacy law passed by parliament after a long debate "
            "about surveillance, data retention and the powers of the intelligence services."
        ),
        "Discussion of the proposal continued late into the night.",
        "Editing by the committee took several months and delayed the report.",
        "Editing by hand.",
    ],
)
def test_article_prose_is_kept(prose: str) -> None:
    assert not is_section_start(prose)
    assert not is_furniture(prose)
    assert strip_boilerplate(BODY + [prose]) == BODY + [prose]


def test_a_marker_in_the_first_paragraph_does_not_cut_everything() -> None:
    assert strip_boilerplate(["Share this:"] + BODY) == BODY
