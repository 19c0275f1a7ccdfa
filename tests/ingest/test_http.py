"""URL, feed and WARC ingest against a local HTTP server (pytest-httpserver); no internet."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.test_sources import PAGES, make_warc, page  # shared test helpers
from tocsin.ingest import IngestProblem, read_sources
from tocsin.ingest.fetch import Fetcher, FetchPolicy
from tocsin.models import Article
from tocsin.settings import Settings

SETTINGS = Settings(user_agent="tocsin-test/1.0 (+https://example.org/tocsin)", http_retries=2)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    policy = replace(FetchPolicy.from_settings(SETTINGS), host_delay=0.0, robots=False)
    with Fetcher(SETTINGS, backoff=0.01, policy=policy) as active:
        yield active


def _read(sources: list[str], fetcher: Fetcher) -> tuple[list[Article], list[IngestProblem]]:
    items = list(read_sources(sources, SETTINGS, fetcher=fetcher))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestProblem)],
    )


def test_url_page_is_fetched_with_user_agent(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request(
        "/world/talks", headers={"User-Agent": SETTINGS.user_agent}
    ).respond_with_data(page("Ministers meet", "Chile", "Peru"), content_type="text/html")
    url = httpserver.url_for("/world/talks")
    articles, problems = _read([url], fetcher)
    assert problems == []
    (article,) = articles
    assert article.title == "Ministers meet" and article.url == url
    assert str(article.date) == "2024-03-05" and article.id.startswith("web-")
    assert article.text.startswith("The foreign ministers of Chile and Peru")
    assert "Comments" not in article.text


def test_server_errors_are_retried(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    calls: list[int] = []

    def flaky(request: Request) -> Response:
        calls.append(1)
        if len(calls) < 3:
            return Response("busy", status=503)
        return Response(page("Third time lucky", "Chile", "Peru"), content_type="text/html")

    httpserver.expect_request("/flaky").respond_with_handler(flaky)
    articles, problems = _read([httpserver.url_for("/flaky")], fetcher)
    assert problems == [] and [a.title for a in articles] == ["Third time lucky"]
    assert len(calls) == 3


def test_persistent_failure_is_one_problem(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    httpserver.expect_request("/image").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)), content_type="image/png"
    )
    urls = [httpserver.url_for(p) for p in ("/down", "/gone", "/image")]
    articles, problems = _read(urls, fetcher)
    assert articles == []
    assert [p.where for p in problems] == urls
    assert "503" in problems[0].reason and "404" in problems[1].reason
    assert "binary" in problems[2].reason


def test_connection_refused_is_a_problem(fetcher: Fetcher) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    articles, problems = _read([url], fetcher)
    assert articles == [] and len(problems) == 1 and "cannot connect" in problems[0].reason


def _rss(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for title, link, date in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Example Wire</title><link>http://example.org/</link>{items}</channel></rss>"
    )


def test_rss_feed_entries_are_fetched(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    undated = page("Undated story", "Chile", "Peru").replace(
        b'<meta property="article:published_time" content="2024-03-05T08:00:00Z">', b""
    )
    httpserver.expect_request("/a").respond_with_data(
        page("Story A", "Chile", "Peru"), content_type="text/html"
    )
    httpserver.expect_request("/b").respond_with_data(undated, content_type="text/html")
    httpserver.expect_request("/c").respond_with_data("missing", status=404)
    entries = [
        ("Story A", httpserver.url_for("/a"), "Tue, 05 Mar 2024 08:00:00 GMT"),
        ("Story B (feed title)", httpserver.url_for("/b"), "Mon, 11 Mar 2024 10:00:00 GMT"),
        ("Story C", "/c", "Mon, 11 Mar 2024 10:00:00 GMT"),  # relative link
    ]
    httpserver.expect_request("/feed").respond_with_data(
        _rss(entries), content_type="application/rss+xml"
    )
    articles, problems = _read([httpserver.url_for("/feed")], fetcher)
    assert [a.title for a in articles] == ["Story A", "Undated story"]
    assert [str(a.date) for a in articles] == ["2024-03-05", "2024-03-11"]
    assert articles[1].extra["date_from"] == "feed"
    assert all(a.extra["feed"] == httpserver.url_for("/feed") for a in articles)
    assert [p.where for p in problems] == [httpserver.url_for("/c")]
    assert "404" in problems[0].reason


def test_feed_that_404s_is_one_problem(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("not found", status=404)
    url = httpserver.url_for("/feed.xml")
    articles, problems = _read([url], fetcher)
    assert articles == [] and len(problems) == 1
    assert problems[0].where == url and "404" in problems[0].reason


def test_atom_feed_file_and_served_as_text_xml(
    httpserver: HTTPServer, fetcher: Fetcher, tmp_path
) -> None:
    httpserver.expect_request("/atom-a").respond_with_data(
        page("Atom story", "Chile", "Peru"), content_type="text/html"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>"
        f'<entry><title>Atom story</title><link href="{httpserver.url_for("/atom-a")}"/>'
        "<id>urn:a</id><updated>2024-03-05T00:00:00Z</updated></entry></feed>"
    )
    path = tmp_path / "wire.atom"
    path.write_text(atom, encoding="utf-8")
    httpserver.expect_request("/atom.xml").respond_with_data(atom, content_type="text/xml")
    articles, problems = _read([str(path), httpserver.url_for("/atom.xml")], fetcher)
    assert problems == []
    assert [a.title for a in articles] == ["Atom story", "Atom story"]
    assert articles[0].id == articles[1].id  # same entry page, same id


def test_warc_over_http(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    whole = make_warc(PAGES, gzip=True)
    httpserver.expect_request("/crawl.warc.gz").respond_with_data(
        whole, content_type="application/octet-stream"
    )
    httpserver.expect_request("/cut.warc.gz").respond_with_data(
        whole[: int(len(whole) * 0.7)], content_type="application/octet-stream"
    )
    articles, problems = _read(
        [httpserver.url_for("/crawl.warc.gz"), httpserver.url_for("/cut.warc.gz")], fetcher
    )
    titles = [a.title for a in articles]
    assert titles[:3] == ["Story 1", "Story 2", "Story 3"]
    assert 0 < len(titles) - 3 < 3
    assert len(problems) == 1 and problems[0].where.startswith(httpserver.url_for("/cut.warc.gz"))
    assert "truncated" in problems[0].reason


def test_retry_after_is_honoured_and_oversized_bodies_refused(
    httpserver: HTTPServer, fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tocsin.ingest import fetch as fetch_module

    sleeps: list[float] = []
    monkeypatch.setattr(fetch_module.time, "sleep", sleeps.append)
    calls: list[int] = []

    def limited(request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "2"})
        return Response(page("After the wait", "Chile", "Peru"), content_type="text/html")

    httpserver.expect_request("/limited").respond_with_handler(limited)
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 2000)
    httpserver.expect_request("/huge").respond_with_data(b"x" * 5000, content_type="text/plain")
    articles, problems = _read(
        [httpserver.url_for("/limited"), httpserver.url_for("/huge")], fetcher
    )
    assert sleeps == [2.0]
    assert [a.title for a in articles] == ["After the wait"]
    assert [p.where for p in problems] == [httpserver.url_for("/huge")]
    assert "larger than" in problems[0].reason
