"""Dispatch over a directory that mixes good files with every kind of bad one; WARC files."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tocsin.ingest import IngestProblem, read_sources
from tocsin.ingest.sniff import sniff_kind
from tocsin.models import Article
from tocsin.settings import Settings

PARAGRAPH = (
    "The foreign ministers of {a} and {b} met in the capital on Tuesday and agreed to expand "
    "trade, restore flights and reopen consulates closed during the dispute, officials said."
)


def page(title: str, a: str, b: str, date: str = "2024-03-05") -> bytes:
    body = "".join(f"<p>{PARAGRAPH.format(a=a, b=b)} Point {i}.</p>" for i in range(4))
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}"
        "</article><div class='comments'><h3>2 Comments</h3><p>Nice.</p></div></body></html>"
    ).encode()


def make_warc(pages: list[tuple[str, bytes]], *, gzip: bool) -> bytes:
    """A WARC with a warcinfo record, then one response (and one request) per page."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tocsin-tests"}))
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), http_headers=headers
            )
        )
        request = StatusAndHeaders(
            f"GET {url} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
        )
    return buf.getvalue()


PAGES = [
    (
        f"https://news.example.org/2024/03/0{i}/story-{i}",
        page(f"Story {i}", "Chile", "Peru", date=f"2024-03-0{i}"),
    )
    for i in range(1, 4)
]


def _split(items: list) -> tuple[list[Article], list[IngestProblem]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestProblem)],
    )


def test_directory_with_good_and_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(
        "Ministers meet\n\nLIMA (Reuters) - " + PARAGRAPH.format(a="Chile", b="Peru"),
        encoding="utf-8",
    )
    (root / "sub" / "page.html").write_bytes(page("Ministers meet again", "Chile", "Bolivia"))
    lines = [
        json.dumps(
            {
                "id": f"j{i}",
                "title": f"J{i}",
                "date": f"2024-01-0{i + 1}",
                "text": PARAGRAPH.format(a="Iran", b=f"Iraq {i}"),
            }
        )
        for i in range(2)
    ]
    (root / "corpus.jsonl").write_text(lines[0] + "\n{not json\n" + lines[1] + "\n")
    (root / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "empty.txt").write_bytes(b"")
    os.symlink(root / "missing-target.txt", root / "unreadable.txt")
    whole = make_warc(PAGES, gzip=True)
    (root / "crawl.warc.gz").write_bytes(whole[: int(len(whole) * 0.8)])
    (root / "notes.md").write_text("ignored: unknown extension")
    (root / ".hidden.txt").write_text("Hidden\n\nignored: hidden file")

    articles, problems = _split(list(read_sources([str(root)], Settings())))

    where = sorted(
        p.where.split("#")[0].rsplit(":", 1)[0] if p.where.endswith(":2") else p.where.split("#")[0]
        for p in problems
    )
    assert where == sorted(
        str(root / n)
        for n in ("binary.html", "corpus.jsonl", "crawl.warc.gz", "empty.txt", "unreadable.txt")
    )
    reasons = {Path(p.where.split("#")[0].split(":")[0]).name: p.reason for p in problems}
    assert "binary" in reasons["binary.html"]
    assert "empty" in reasons["empty.txt"]
    assert "cannot read" in reasons["unreadable.txt"]
    assert "truncated" in reasons["crawl.warc.gz"]
    assert "malformed JSON" in reasons["corpus.jsonl"]
    titles = sorted(a.title or "" for a in articles)
    assert "Ministers meet" in titles and "Ministers meet again" in titles
    assert {"J0", "J1"} <= set(titles)
    assert {"Story 1", "Story 2"} <= set(titles)  # WARC records before the damage
    assert len(articles) == len(titles) and not any("Hidden" in t for t in titles)
    assert all("Comments" not in a.text and "Nice." not in a.text for a in articles)


@pytest.mark.parametrize("gzip", [True, False])
def test_whole_warc_yields_each_html_response(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(make_warc(PAGES, gzip=gzip))
    articles, problems = _split(list(read_sources([str(path)], Settings())))
    assert problems == []
    assert [a.title for a in articles] == ["Story 1", "Story 2", "Story 3"]
    assert [a.url for a in articles] == [u for u, _ in PAGES]
    assert [str(a.date) for a in articles] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert len({a.id for a in articles}) == 3 and all(a.id.startswith("warc-") for a in articles)
    assert all(a.source == "news.example.org" for a in articles)
    assert all(a.text.startswith("The foreign ministers of Chile") for a in articles)


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("fraction", [0.45, 0.7, 0.95])
def test_truncated_warc_keeps_records_before_damage(
    tmp_path: Path, gzip: bool, fraction: float
) -> None:
    whole = make_warc(PAGES, gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(whole[: int(len(whole) * fraction)])
    articles, problems = _split(list(read_sources([str(path)], Settings())))
    assert len(problems) == 1 and problems[0].where.startswith(str(path))
    assert "truncated or corrupt" in problems[0].reason
    titles = [a.title for a in articles]
    assert titles == [f"Story {i}" for i in range(1, len(titles) + 1)]  # in order, no partial


def test_missing_source_is_one_problem(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert list(read_sources([missing], Settings())) == [
        IngestProblem(missing, "no such file, directory or URL")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody text.")
    path.chmod(0)
    (problem,) = list(read_sources([str(path)], Settings()))
    assert isinstance(problem, IngestProblem) and "cannot read" in problem.reason


@pytest.mark.parametrize(
    ("content", "content_type", "name", "kind"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "", "", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "", "x.xml", "feed"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "", "", "html"),
        (b"anything", "text/html", "", "html"),
        (b"WARC/1.0\r\n", "", "", "warc"),
        (b"\x00\x01\x02binary", "", "x.html", "binary"),
        (b"plain words", "text/plain", "", "text"),
        (b"", "application/warc", "", "warc"),
        (b"{}", "", "data.jsonl", "jsonl"),
    ],
)
def test_sniff_kind(content: bytes, content_type: str, name: str, kind: str) -> None:
    assert sniff_kind(content, content_type, name) == kind


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "sitemap.xml",
            b"<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>",
            "not an RSS/Atom feed",
        ),
        ("empty.rss", b"", "empty"),
        ("broken.atom", b"\x00\x01\x02" * 50, "binary"),
    ],
)
def test_files_named_as_feeds_that_are_not_feeds(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = list(read_sources([str(path)], Settings()))
    assert isinstance(item, IngestProblem) and reason in item.reason
