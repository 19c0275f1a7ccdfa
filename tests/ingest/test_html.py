"""HTML pages: main text and metadata via trafilatura, comment sections and furniture gone."""

from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

import pytest

from tocsin.ingest import IngestProblem, read_sources
from tocsin.ingest.boilerplate import take_byline
from tocsin.ingest.html import page_language
from tocsin.models import Article
from tocsin.settings import Settings

SEED = Path(str(resources.files("tocsin") / "data" / "samples" / "russian-delegation-pakistan.txt"))


def wordpress_page(title: str, body: list[str], comments: list[str]) -> str:
    """A blog-style page: navigation, share buttons, comments, related posts, footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    comment_items = "".join(f"<li><p>{html.escape(c)}</p></li>" for c in comments)
    return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>{html.escape(title)} | Asia Digest</title>
<meta property="og:site_name" content="Asia Digest">
<meta property="article:published_time" content="2017-01-12T09:00:00+00:00"></head>
<body><header><a href="/">Asia Digest</a><nav><a href="/">Home</a> <a href="/asia">Asia</a></nav>
</header><article class="post"><h1 class="entry-title">{html.escape(title)}</h1>
<div class="entry-meta">Posted on <time datetime="2017-01-12">January 12, 2017</time></div>
<div class="entry-content">{paragraphs}
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Click to share on Twitter
(Opens in new window)</a></li></ul></div></div></article>
<div id="comments"><h2>One Response to &ldquo;{html.escape(title)}&rdquo;</h2>
<ol class="commentlist">{comment_items}</ol><div id="respond"><h3>Leave a Reply</h3>
<p>Your email address will not be published.</p></div></div>
<aside><h2>Related posts</h2><ul><li><a href="#">Another story</a></li></ul></aside>
<footer><p>Copyright 2017 Asia Digest. All rights reserved.</p></footer></body></html>"""


def _seed_parts() -> tuple[str, list[str], list[str]]:
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    return paragraphs[0], paragraphs[1:6], paragraphs[6:]


def _one(path: Path) -> Article:
    (item,) = list(read_sources([str(path)], Settings()))
    assert isinstance(item, Article), item
    return item


def test_seed_as_a_web_page(tmp_path: Path) -> None:
    title, body, comments = _seed_parts()
    path = tmp_path / "seed.html"
    path.write_text(wordpress_page(title, body, comments), encoding="utf-8")
    article = _one(path)
    assert article.title == title
    assert article.dateline == "Islamabad"
    assert article.text.startswith("A Russian military delegation made a visit to Pakistan")
    assert str(article.date) == "2017-01-12" and article.source == "Asia Digest"
    assert article.language == "en"  # from <html lang="en-US">
    for marker in (
        "One Response",
        "Pingback",
        "Leave a Reply",
        "Your email",
        "Share this",
        "Click to share",
        "Related posts",
        "Copyright",
    ):
        assert marker not in article.text
    assert article.text.count("\n\n") == 4


def test_comment_section_inside_the_content_is_cut(tmp_path: Path) -> None:
    """Even when the comments sit in the same container as the article."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    page = "<html><body><div>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    path = tmp_path / "flat.html"
    path.write_text(page + "</div></body></html>", encoding="utf-8")
    article = _one(path)
    assert article.text.rstrip().endswith("the ‘IS’.")
    assert "Pingback" not in article.text and "Leave a Reply" not in article.text


def test_wire_story_with_byline_and_reuters_dateline(tmp_path: Path) -> None:
    body = [
        "By Asif Shahzad",
        (
            "ISLAMABAD (Reuters) - Pakistan and Russia began a joint military exercise on "
            "Monday, the army said, the latest sign of warming ties between the Cold War rivals."
        ),
        "About 200 troops from both countries take part in the drills near Cherat.",
        "(Reporting by Asif Shahzad; Editing by Nick Macfie)",
    ]
    path = tmp_path / "wire.html"
    path.write_text(wordpress_page("Pakistan, Russia start drills", body, []), encoding="utf-8")
    article = _one(path)
    assert article.dateline == "Islamabad" and article.extra["dateline_agency"] == "Reuters"
    assert article.author == "Asif Shahzad"
    assert article.text.startswith("Pakistan and Russia began")
    assert "Editing by" not in article.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (b"GIF89a" + bytes(range(256)), "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no main text"),
    ],
)
def test_bad_html_files_are_problems(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    (item,) = list(read_sources([str(path)], Settings()))
    assert isinstance(item, IngestProblem) and item.where == str(path)
    assert reason in item.reason


@pytest.mark.parametrize(
    ("first", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
        ("By the way, the talks failed.", None),
        ("By Monday, the ministers had left the capital.", None),
    ],
)
def test_leading_byline(first: str, author: str | None) -> None:
    found, rest = take_byline([first, "Body."])
    assert found == author
    assert rest == (["Body."] if author else [first, "Body."])


@pytest.mark.parametrize(
    ("head", "language"),
    [(b'<html lang="fr-FR">', "fr"), (b"<html class=x lang=de>", "de"), (b"<html>", None)],
)
def test_page_language(head: bytes, language: str | None) -> None:
    assert page_language(head + b"<body></body></html>") == language
