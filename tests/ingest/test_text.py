"""Plain-text files: the seed article, stand-alone titles, whitespace clean-up."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from tocsin.ingest import IngestProblem, read_sources
from tocsin.ingest.text import split_paragraphs, split_title
from tocsin.models import Article
from tocsin.settings import Settings

SEED = Path(str(resources.files("tocsin") / "data" / "samples" / "russian-delegation-pakistan.txt"))


def _only_article(sources: list[str]) -> Article:
    items = list(read_sources(sources, Settings()))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_seed_article_title_dateline_body_and_no_comment_section() -> None:
    article = _only_article([str(SEED)])
    assert article.title == "Russian military delegation on Pakistan visit"
    assert article.dateline == "Islamabad"
    assert article.text.startswith("A Russian military delegation made a visit to Pakistan")
    for marker in ("One Response to", "Pingback", "Leave a Reply", "Your email address"):
        assert marker not in article.text
    assert article.text.endswith("does not fall in the hands of the ‘IS’.")
    assert article.text.count("\n\n") == 4  # five body paragraphs kept apart
    assert "  " not in article.text  # the double spaces of the source are collapsed
    assert "Pakistan’s North Waziristan" in article.text  # curly quotes kept as written
    assert article.id.startswith("file-") and article.content_hash
    assert article.origin == str(SEED)


def test_ids_are_stable_across_runs() -> None:
    assert _only_article([str(SEED)]).id == _only_article([str(SEED)]).id


def test_first_paragraph_is_title_only_when_it_stands_alone() -> None:
    assert split_title(["Talks in Geneva", "The ministers met."]) == (
        "Talks in Geneva",
        ["The ministers met."],
    )
    sentence = "The ministers met in Geneva on Tuesday."
    assert split_title([sentence, "They agreed."]) == (None, [sentence, "They agreed."])
    assert split_title(["Talks in Geneva"]) == (None, ["Talks in Geneva"])
    long_first = " ".join(["word"] * 40)
    assert split_title([long_first, "Body."])[0] is None


def test_paragraphs_split_on_blank_lines_and_whitespace_collapsed() -> None:
    raw = "Title here\r\n\r\nFirst  line\nwraps here.\n \nSecond\tparagraph.\n\n\n"
    assert split_paragraphs(raw) == ["Title here", "First line wraps here.", "Second paragraph."]


def test_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    assert split_paragraphs("Headline\nFirst para.\nSecond para.") == [
        "Headline",
        "First para.",
        "Second para.",
    ]


def test_txt_file_without_title_and_with_a_date(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "KABUL, Afghanistan (AP) — Officials said on March 5, 2024 that talks would resume.\n\n"
        "A second paragraph follows here.\n",
        encoding="utf-8",
    )
    article = _only_article([str(path)])
    assert article.title is None
    assert article.dateline == "Kabul"
    assert article.extra["dateline_region"] == "Afghanistan"
    assert article.text.startswith("Officials said")
    assert str(article.date) == "2024-03-05"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Visite à Paris\n\nLe ministre a visité Paris.".encode("latin-1"))
    article = _only_article([str(path)])
    assert article.title == "Visite à Paris"
    assert "visité" in article.text


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_text_file_is_a_problem(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    items = list(read_sources([str(path)], Settings()))
    assert len(items) == 1 and isinstance(items[0], IngestProblem)
    assert items[0].where == str(path)


def test_control_characters_are_dropped_from_paragraphs() -> None:
    from tocsin.ingest.text import clean_paragraph

    assert clean_paragraph("Russia\x00 and\x07 Pakistan\tmet.") == "Russia and Pakistan met."
